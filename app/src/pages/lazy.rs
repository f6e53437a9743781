//! Pages loaded on demand. The catalog is in the main bundle; the rest comes in
//! three WASM chunks split out by the build (`cargo xtask site`): the service
//! card, the booking wizard, and the tickets (a ticket, "My tickets"). The first
//! visit downloads only what the catalog needs; the service worker keeps every
//! chunk for offline use after that visit. Few split points keep the number of
//! files small (the splitter makes one file per set of split points sharing
//! code).

use crate::components::hand_over::Rendered;
use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// The address prefixes each lazily loaded part serves, by the name of its
/// `#[lazy]` function below. The server preloads a part's chunks in the page
/// it sends for such an address, so that opening a card or a booking step
/// straight from a link loads its code alongside the bundle, not after it.
pub const PARTS: [(&str, &str); 4] = [
    ("/services/", "card_part"),
    ("/book/", "booking_part"),
    ("/tickets", "tickets_part"),
    ("/check", "tickets_part"),
];

/// The lazily loaded part that the page at `path` needs (`None`: the catalog
/// or an unknown address, in the main bundle).
pub fn part_of(path: &str) -> Option<&'static str> {
    PARTS
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|(_, part)| *part)
}

/// A step of the booking wizard.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    /// `/book/:service`
    Situation,
    /// `/book/:service/office`
    Office,
    /// `/book/:service/office/:office`
    Date,
    /// `/book/:service/office/:office/:date`
    Time,
    /// `/book/:service/contact`
    Contact,
    /// `/book/:service/review`
    Review,
}

/// A page of the tickets part.
#[derive(Debug, Clone, Copy)]
pub enum Tickets {
    /// `/tickets`
    Mine,
    /// `/tickets/:ticket`
    One,
    /// `/check`: a receipt checked by its code.
    Check,
}

#[lazy]
fn card_part() -> AnyView {
    view! { <super::ServicePage /> }.into_any()
}

#[lazy]
fn booking_part(step: Step) -> AnyView {
    use super::book::*;
    match step {
        Step::Situation => view! { <SituationStep /> }.into_any(),
        Step::Office => view! { <OfficeStep /> }.into_any(),
        Step::Date => view! { <DateStep /> }.into_any(),
        Step::Time => view! { <TimeStep /> }.into_any(),
        Step::Contact => view! { <ContactStep /> }.into_any(),
        Step::Review => view! { <ReviewStep /> }.into_any(),
    }
}

#[lazy]
fn tickets_part(page: Tickets) -> AnyView {
    use crate::i18n::tickets::WithTicketWords;
    match page {
        Tickets::Mine => {
            view! { <WithTicketWords><super::MyTicketsPage /></WithTicketWords> }.into_any()
        }
        Tickets::One => {
            view! { <WithTicketWords><super::TicketPage /></WithTicketWords> }.into_any()
        }
        Tickets::Check => {
            view! { <WithTicketWords><super::CheckPage /></WithTicketWords> }.into_any()
        }
    }
}

/// One route type per lazily loaded page, each naming its part.
macro_rules! lazy_routes {
    ($($route:ident => $part:ident($($page:expr)?)),* $(,)?) => {$(
        #[doc = concat!("A route loaded on demand, by `", stringify!($part), "`.")]
        #[derive(Debug)]
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                let page = $part($($page)?).await;
                view! { {page} <Rendered /> }.into_any()
            }
        }
    )*};
}

lazy_routes! {
    ServiceRoute => card_part(),
    SituationRoute => booking_part(Step::Situation),
    OfficeRoute => booking_part(Step::Office),
    DateRoute => booking_part(Step::Date),
    TimeRoute => booking_part(Step::Time),
    ContactRoute => booking_part(Step::Contact),
    ReviewRoute => booking_part(Step::Review),
    MyTicketsRoute => tickets_part(Tickets::Mine),
    TicketRoute => tickets_part(Tickets::One),
    CheckRoute => tickets_part(Tickets::Check),
}

#[cfg(test)]
mod tests {
    use super::part_of;

    #[test]
    fn every_lazily_loaded_address_names_its_part() {
        assert_eq!(part_of("/"), None);
        assert_eq!(part_of("/services/passport-lost-stolen"), Some("card_part"));
        assert_eq!(
            part_of("/book/passport-lost-stolen/office/kyiv-podil"),
            Some("booking_part")
        );
        assert_eq!(part_of("/tickets"), Some("tickets_part"));
        assert_eq!(part_of("/tickets/T-1"), Some("tickets_part"));
        assert_eq!(part_of("/check"), Some("tickets_part"));
        assert_eq!(part_of("/nowhere"), None);
    }
}
