//! The words of the tickets' screens (a ticket, "My tickets", sign-in, cancel,
//! moving a ticket). Every string a WASM file holds sits in the main module's
//! data, which the catalog's first visit downloads, so these words are not in
//! the WASM at all: they are in `tickets.json`, built into the server, and
//! come through `POST /api/words` when a tickets' page first opens (the
//! service worker keeps the answer for offline use). A missing or misspelt
//! field is refused when the file is read (a test reads it).

use domain::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Every user-facing string of the tickets' screens.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketWords {
    /// Ticket page heading.
    pub ticket_title: String,
    /// Board number label.
    pub ticket_number: String,
    /// Calendar file link.
    pub add_calendar: String,
    /// Under the QR code.
    pub qr_caption: String,
    /// «Код для реєстрації в кіоску»: before the ticket's check-in code.
    pub checkin_code: String,
    /// «Вас викликано! Підійдіть до вікна»: before the window's number.
    pub called_to: String,
    /// Keep the link (or sign in).
    pub keep_link: String,
    /// Link without its secret.
    pub ticket_link_broken: String,
    /// A link without a secret, and not signed in.
    pub ticket_needs_signin: String,
    /// Ready date on the ticket.
    pub ready_ticket: String,
    /// Under the "My tickets" heading.
    pub my_tickets_lead: String,
    /// Under the heading, signed in.
    pub signed_in_lead: String,
    /// No tickets kept.
    pub no_tickets: String,
    /// A ticket whose day has passed.
    pub past_visit: String,
    /// A ticket annulled: the applicant was not there when called.
    pub annulled: String,
    /// A cancelled ticket.
    pub cancelled: String,
    /// A served ticket.
    pub served: String,
    /// Opens a kept ticket.
    pub open_ticket: String,
    /// Forgets a kept ticket link.
    pub forget_ticket: String,
    /// What a cancelled ticket's page says.
    pub cancelled_note: String,
    /// Link to book the service again.
    pub book_again: String,
    /// Starts cancelling.
    pub cancel_ticket: String,
    /// The confirmation question.
    pub cancel_question: String,
    /// Confirms cancelling.
    pub cancel_yes: String,
    /// Keeps the ticket.
    pub cancel_no: String,
    /// While cancelling.
    pub cancelling: String,
    /// Starts moving the ticket.
    pub move_ticket: String,
    /// The wizard's banner while moving.
    pub moving_banner: String,
    /// Leaves the move.
    pub stop_moving: String,
    /// The time the ticket has now.
    pub now_label: String,
    /// The time it moves to.
    pub new_label: String,
    /// Confirms the move.
    pub do_move: String,
    /// While moving.
    pub moving: String,
    /// Said on the ticket after a move.
    pub moved_note: String,
    /// Sign-in heading.
    pub signin_title: String,
    /// Under it.
    pub signin_lead: String,
    /// The contact field.
    pub contact_field: String,
    /// Asks for a code.
    pub send_code: String,
    /// While asking.
    pub sending: String,
    /// A code was (maybe) sent; "{m}" is its minutes.
    pub code_sent: String,
    /// The code field.
    pub code_field: String,
    /// Signs in.
    pub sign_in: String,
    /// While signing in.
    pub signing_in: String,
    /// Asks for another code.
    pub resend: String,
    /// Before another code may be asked for; "{s}" is seconds.
    pub resend_in: String,
    /// Back to the contact field.
    pub other_contact: String,
    /// Signs out.
    pub sign_out: String,
    /// "Your data" on "My tickets".
    pub data_title: String,
    /// Under it.
    pub data_lead: String,
    /// Asks for the copy of everything held.
    pub data_copy: String,
    /// Saves it, once made.
    pub data_save: String,
    /// Starts erasing the past tickets' data.
    pub data_erase: String,
    /// Asks to be sure.
    pub data_erase_question: String,
    /// Yes.
    pub data_erase_yes: String,
    /// No.
    pub data_erase_no: String,
    /// Done; "{n}" is how many tickets.
    pub data_erased: String,
    /// On a ticket whose personal data was erased.
    pub erased_note: String,
    /// «У призначений час вас не приймуть:»: before why (the office changed).
    pub disrupted_note: String,
    /// After it: the ticket stays valid, move or cancel it.
    pub disrupted_choose: String,
    /// The payments' heading.
    pub pay_title: String,
    /// Under it.
    pub pay_lead: String,
    /// Pays one payment online.
    pub pay_button: String,
    /// While going to the provider.
    pub paying: String,
    /// A payment's state: not paid.
    pub pay_unpaid: String,
    /// Sent to the provider, not confirmed yet.
    pub pay_pending: String,
    /// Paid.
    pub pay_paid: String,
    /// Paid, then refunded.
    pub pay_refunded: String,
    /// Before a receipt's code.
    pub receipt_code: String,
    /// With the cancel question, when something is paid.
    pub cancel_refund: String,
    /// Downloads the paid receipt, A4.
    pub receipt_pdf: String,
    /// Downloads it for a receipt printer.
    pub receipt_narrow: String,
    /// The check page's heading.
    pub check_title: String,
    /// Under it.
    pub check_lead: String,
    /// Checks the code.
    pub check_button: String,
    /// No paid receipt has the code.
    pub check_unknown: String,
    /// The verdict: paid.
    pub check_paid: String,
    /// The verdict: paid on the sandbox or to a demo recipient.
    pub check_demo: String,
    /// The verdict: refunded.
    pub check_refunded: String,
    /// Label: the amount.
    pub check_amount: String,
    /// Label: what it paid.
    pub check_purpose: String,
    /// Label: the recipient.
    pub check_recipient: String,
    /// Label: the day paid.
    pub check_date: String,
    /// Label: the ticket and office.
    pub check_ticket: String,
    /// Label: the payer's initials.
    pub check_payer: String,
}

/// The words in both languages, as `POST /api/words` answers them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketWordsBoth {
    /// Ukrainian.
    pub uk: TicketWords,
    /// English.
    pub en: TicketWords,
}

/// The words as the server builds them in (`tickets.json`).
#[cfg(feature = "ssr")]
pub fn bundled() -> &'static TicketWordsBoth {
    static BUNDLED: OnceLock<TicketWordsBoth> = OnceLock::new();
    BUNDLED.get_or_init(|| serde_json::from_str(include_str!("tickets.json")).unwrap_or_default())
}

static LOADED: OnceLock<TicketWordsBoth> = OnceLock::new();

/// The words once loaded (on the server: built in).
fn loaded() -> Option<&'static TicketWordsBoth> {
    #[cfg(feature = "ssr")]
    {
        Some(bundled())
    }
    #[cfg(not(feature = "ssr"))]
    {
        LOADED.get()
    }
}

/// The words of `lang` (empty until loaded: pages that use them render
/// inside [`WithTicketWords`]).
pub fn tw(lang: Lang) -> &'static TicketWords {
    static EMPTY: OnceLock<TicketWords> = OnceLock::new();
    match (loaded(), lang) {
        (Some(w), Lang::Uk) => &w.uk,
        (Some(w), Lang::En) => &w.en,
        (None, _) => EMPTY.get_or_init(TicketWords::default),
    }
}

/// Picks one string out of [`TicketWords`].
pub type TicketPick = fn(&'static TicketWords) -> &'static str;

/// The words `pick` chooses, in the current language, as reactive text (as
/// [`crate::components::lang::tr`] does for [`super::Words`]).
pub fn ttr(pick: TicketPick) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = crate::components::lang::use_lang();
    move || pick(tw(lang.get()))
}

/// Renders `children` once the words are loaded (at once if they are).
#[component]
pub fn WithTicketWords(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(loaded().is_some());
    let failed = RwSignal::new(None::<crate::api::ReadError>);
    let load = move || {
        leptos::task::spawn_local(async move {
            match crate::api::words().await {
                Ok(w) => {
                    let _ = LOADED.set(w);
                    ready.set(true);
                }
                Err(e) => failed.set(Some(e)),
            }
        })
    };
    if !ready.get_untracked() {
        load();
    }
    let retry = Callback::new(move |_| {
        failed.set(None);
        load();
    });
    move || {
        if ready.get() {
            children().into_any()
        } else if let Some(e) = failed.get() {
            view! { <crate::components::error_view::ErrorView error=e on_retry=Some(retry) /> }
                .into_any()
        } else {
            view! { <crate::components::error_view::Loading /> }.into_any()
        }
    }
}

#[cfg(test)]
#[path = "tickets_tests.rs"]
mod tests;
