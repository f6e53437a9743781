//! The booking wizard, one question per screen; the address always says where
//! the applicant is, and what they chose or typed is in the [`crate::draft`].

mod contact_step;
mod date_step;
mod hold;
mod office_step;
mod review_step;
mod situation_step;
mod time_step;

pub use contact_step::ContactStep;
pub use date_step::DateStep;
pub use office_step::OfficeStep;
pub use review_step::ReviewStep;
pub use situation_step::SituationStep;
pub use time_step::TimeStep;

use crate::draft::use_draft;
use domain::catalog::ServiceId;
use leptos::prelude::*;

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
