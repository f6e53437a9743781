//! The booking wizard, one question per screen; the address always says where
//! the applicant is, and what they chose or typed is in the [`crate::draft`].

mod contact_step;
mod date_step;
mod hold;
mod move_review;
mod office_step;
mod proof;
mod review_step;
mod situation_step;
mod time_step;

pub use contact_step::ContactStep;
pub use date_step::DateStep;
pub use office_step::OfficeStep;
pub use review_step::ReviewStep;
pub use situation_step::SituationStep;
pub use time_step::TimeStep;

use crate::api::TicketView;
use crate::draft::{use_draft, Draft};
use crate::saved;
use domain::catalog::ServiceId;
use leptos::prelude::*;
use leptos_router::NavigateOptions;

/// The draft made for `service` (started over if it was for another one).
fn draft_for(service: Option<&ServiceId>) -> RwSignal<crate::draft::Draft> {
    let draft = use_draft();
    if let Some(id) = service {
        if draft.with_untracked(|d| d.service.as_ref() != Some(id)) {
            draft.update(|d| d.for_service(id));
        }
    }
    draft
}

/// The office chosen, as the review shows it.
fn chosen_office(d: &Draft, l: domain::Lang) -> String {
    d.office_view
        .as_ref()
        .map(|o| format!("{}, {}, {}", o.name.get(l), o.city.get(l), o.address.get(l)))
        .unwrap_or_default()
}

/// The time held, as the review shows it.
fn held_time(d: &Draft, l: domain::Lang) -> String {
    d.hold
        .as_ref()
        .map(|h| {
            format!(
                "{}, {}–{}",
                crate::i18n::date_long(h.date, l),
                crate::i18n::time(h.start),
                crate::i18n::time(h.end)
            )
        })
        .unwrap_or_default()
}

/// One row of a review list.
fn review_row(label: &'static str, value: String) -> impl IntoView {
    view! { <div class="row"><dt>{label}</dt><dd>{value}</dd></div> }
}

/// After a confirm or a move: the ticket kept in this browser (opened with
/// `token`), shown at `url` without a round trip (`last`), and nothing
/// personal left in the tab.
fn show_ticket(
    ticket: TicketView,
    token: &str,
    url: &str,
    last: RwSignal<Option<TicketView>>,
    draft: RwSignal<Draft>,
    navigate: impl Fn(&str, NavigateOptions),
) {
    saved::remember(&ticket, token);
    last.set(Some(ticket));
    draft.update(Draft::finished);
    navigate(url, Default::default());
}
