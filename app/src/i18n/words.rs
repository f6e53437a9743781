//! The fields every language must fill (generated layout: one field per string).

/// Every user-facing string of the app. Fields named `*_forms` or holding
/// `|` give plural forms (one|few|many) for [`super::plural`].
#[derive(Debug)]
pub struct Words {
    /// The product name.
    pub brand: &'static str,
    /// The page's title (the browser's tab).
    pub page_title: &'static str,
    /// The page's description (search engines, link previews).
    pub page_description: &'static str,
    /// Under the product name.
    pub tagline: &'static str,
    /// The language switch's label.
    pub language_switch: &'static str,
    /// The skip link.
    pub skip_to_content: &'static str,
    /// Loading.
    pub loading: &'static str,
    /// Retry button.
    pub retry: &'static str,
    /// Support phones heading.
    pub support: &'static str,
    /// The legal basis.
    pub legal_basis: &'static str,
    /// The footer's link to the guide (`/help`).
    pub help_guide: &'static str,
    /// The footer's link to the FAQ (`/faq`).
    pub help_faq: &'static str,
    /// Notices heading.
    pub notices: &'static str,
    /// Badge: demo data.
    pub demo: &'static str,
    /// Badge: no booking needed.
    pub no_booking: &'static str,
    /// The no-lateness rule.
    pub no_lateness: &'static str,
    /// Back link.
    pub back: &'static str,
    /// Next button.
    pub next: &'static str,
    /// Unknown address heading.
    pub not_found_title: &'static str,
    /// Unknown address text.
    pub not_found_text: &'static str,
    /// Link to the catalog.
    pub to_catalog: &'static str,
    /// Link back to a service's card.
    pub to_card: &'static str,
    /// Shown while the network is down.
    pub offline: &'static str,
    /// The catalog heading.
    pub catalog_title: &'static str,
    /// What to do first.
    pub catalog_lead: &'static str,
    /// The search box's label.
    pub search_label: &'static str,
    /// No service matches the search.
    pub nothing_found: &'static str,
    /// "How it works" heading.
    pub how_title: &'static str,
    /// Step 1.
    pub how_step1: &'static str,
    /// Step 2.
    pub how_step2: &'static str,
    /// Step 3.
    pub how_step3: &'static str,
    /// Step 4.
    pub how_step4: &'static str,
    /// Card section.
    pub card_result: &'static str,
    /// Card section.
    pub card_subject: &'static str,
    /// Card section.
    pub card_legal: &'static str,
    /// Card section.
    pub card_grounds: &'static str,
    /// Card section.
    pub card_how: &'static str,
    /// Card section.
    pub card_cost: &'static str,
    /// The service is paid.
    pub card_paid: &'static str,
    /// The service is free.
    pub card_free: &'static str,
    /// Card section.
    pub card_term: &'static str,
    /// Plural forms of "working day".
    pub working_days: &'static str,
    /// Before the urgent term.
    pub urgent_term: &'static str,
    /// Card section.
    pub card_refusal_accept: &'static str,
    /// Card section.
    pub card_refusal_issue: &'static str,
    /// Card section.
    pub card_delivery: &'static str,
    /// Card section.
    pub card_payment: &'static str,
    /// Card section.
    pub card_notes: &'static str,
    /// The questionnaire's heading.
    pub situation_title: &'static str,
    /// The questionnaire's lead.
    pub situation_lead: &'static str,
    /// Question.
    pub q_loss: &'static str,
    /// Answer.
    pub loss_lost: &'static str,
    /// Answer.
    pub loss_stolen: &'static str,
    /// Question.
    pub q_urgency: &'static str,
    /// Answer.
    pub urgency_standard: &'static str,
    /// Answer.
    pub urgency_urgent: &'static str,
    /// Question.
    pub q_applicant: &'static str,
    /// Answer.
    pub applicant_in_person: &'static str,
    /// Answer.
    pub applicant_parent: &'static str,
    /// Answer.
    pub applicant_legal_rep: &'static str,
    /// Answer.
    pub applicant_institution: &'static str,
    /// The group of yes/no questions.
    pub q_more: &'static str,
    /// Yes/no question.
    pub f_homeless: &'static str,
    /// Yes/no question.
    pub f_idp: &'static str,
    /// Yes/no question.
    pub f_tax_refused: &'static str,
    /// Yes/no question.
    pub f_residence: &'static str,
    /// Yes/no question.
    pub f_children: &'static str,
    /// Yes/no question.
    pub f_marriage: &'static str,
    /// Yes/no question.
    pub f_name_changed: &'static str,
    /// Yes/no question.
    pub f_latin: &'static str,
    /// Yes/no question.
    pub f_cannot_move: &'static str,
    /// Yes/no question.
    pub f_institution: &'static str,
    /// The computed checklist's heading.
    pub checklist_title: &'static str,
    /// The fee preview's heading.
    pub fee_title: &'static str,
    /// The total line.
    pub fee_total: &'static str,
    /// A free service.
    pub fee_none: &'static str,
    /// Ready date if applied today.
    pub ready_title: &'static str,
    /// Start booking.
    pub book: &'static str,
    /// "Step" before the step number.
    pub step: &'static str,
    /// Between step number and count.
    pub of: &'static str,
    /// Wizard step heading.
    pub office_title: &'static str,
    /// Region filter label.
    pub region: &'static str,
    /// Region filter: no filter.
    pub all_regions: &'static str,
    /// Office without online booking.
    pub office_off: &'static str,
    /// Service not booked online here.
    pub service_off: &'static str,
    /// Choose button.
    pub choose: &'static str,
    /// Wizard step heading.
    pub date_title: &'static str,
    /// A day with no free places.
    pub no_places: &'static str,
    /// Plural forms of "free place".
    pub free_places: &'static str,
    /// Wizard step heading.
    pub time_title: &'static str,
    /// While a hold is taken.
    pub holding: &'static str,
    /// Before the hold's remaining time.
    pub hold_left: &'static str,
    /// The hold ran out.
    pub hold_expired: &'static str,
    /// No alternative times.
    pub no_alternatives: &'static str,
    /// Wizard step heading.
    pub contact_title: &'static str,
    /// Why the data are asked.
    pub contact_lead: &'static str,
    /// Field label.
    pub surname: &'static str,
    /// Field label.
    pub given_name: &'static str,
    /// Field label.
    pub patronymic: &'static str,
    /// Field label.
    pub birth_date: &'static str,
    /// Field hint.
    pub birth_date_hint: &'static str,
    /// Field label.
    pub rnokpp: &'static str,
    /// Field label.
    pub phone: &'static str,
    /// Field hint.
    pub phone_hint: &'static str,
    /// Field label.
    pub email: &'static str,
    /// After an optional field's label.
    pub optional: &'static str,
    /// Phone or e-mail.
    pub contact_rule: &'static str,
    /// Form has errors.
    pub fix_fields: &'static str,
    /// Wizard step heading.
    pub review_title: &'static str,
    /// Review label.
    pub service_label: &'static str,
    /// Review label.
    pub office_label: &'static str,
    /// Review label.
    pub when_label: &'static str,
    /// Review label.
    pub person_label: &'static str,
    /// Review label.
    pub contact_label: &'static str,
    /// Change link.
    pub change: &'static str,
    /// Confirm button.
    pub confirm: &'static str,
    /// While confirming.
    pub confirming: &'static str,
    /// Address label.
    pub address: &'static str,
    /// Print button.
    pub print: &'static str,
    /// The calendar event's title.
    pub visit: &'static str,
    /// "My tickets" heading and header link.
    pub my_tickets: &'static str,
}
