//! Pages loaded on demand. The catalog is in the main bundle; the rest comes in
//! three WASM chunks split out by `cargo leptos build --split`: the service
//! card, the booking wizard, and the tickets (a ticket, "My tickets"). The first
//! visit downloads only what the catalog needs; the service worker keeps every
//! chunk for offline use after that visit. Few split points keep the number of
//! files small (the splitter makes one file per set of split points sharing
//! code).

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// The address prefixes each lazily loaded part serves, by the name of its
/// `#[lazy]` function below. The server preloads a part's chunks in the page
/// it sends for such an address, so that opening a card or a booking step
/// straight from a link loads its code alongside the bundle, not after it.
pub const PARTS: [(&str, &str); 3] = [
    ("/services/", "card_part"),
    ("/book/", "booking_part"),
    ("/tickets", "tickets_part"),
];

/// The lazily loaded part that the page at `path` needs (`None`: the catalog
/// or an unknown address, in the main bundle).
pub fn part_of(path: &str) -> Option<&'static str> {
    PARTS
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|(_, part)| *part)
}

/// A page of one of the lazily loaded parts.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    /// `/services/:service`
    Service,
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
    /// `/tickets`
    MyTickets,
    /// `/tickets/:ticket`
    Ticket,
}

#[lazy]
fn card_part() -> AnyView {
    view! { <super::ServicePage /> }.into_any()
}

#[lazy]
fn booking_part(page: Page) -> AnyView {
    use super::book::*;
    match page {
        Page::Office => view! { <OfficeStep /> }.into_any(),
        Page::Date => view! { <DateStep /> }.into_any(),
        Page::Time => view! { <TimeStep /> }.into_any(),
        Page::Contact => view! { <ContactStep /> }.into_any(),
        Page::Review => view! { <ReviewStep /> }.into_any(),
        _ => view! { <SituationStep /> }.into_any(),
    }
}

#[lazy]
fn tickets_part(page: Page) -> AnyView {
    match page {
        Page::MyTickets => view! { <super::MyTicketsPage /> }.into_any(),
        _ => view! { <super::TicketPage /> }.into_any(),
    }
}

/// The part of the app that holds `page`.
async fn load(page: Page) -> AnyView {
    match page {
        Page::Service => card_part().await,
        Page::MyTickets | Page::Ticket => tickets_part(page).await,
        _ => booking_part(page).await,
    }
}

/// One route type per lazily loaded page.
macro_rules! lazy_routes {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[doc = concat!("The route of [`Page::", stringify!($page), "`], loaded on demand.")]
        #[derive(Debug)]
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                load(Page::$page).await
            }
        }
    )*};
}

lazy_routes! {
    ServiceRoute => Service,
    SituationRoute => Situation,
    OfficeRoute => Office,
    DateRoute => Date,
    TimeRoute => Time,
    ContactRoute => Contact,
    ReviewRoute => Review,
    MyTicketsRoute => MyTickets,
    TicketRoute => Ticket,
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
        assert_eq!(part_of("/nowhere"), None);
    }
}
