use super::draft_for;
use super::hold::HoldTimer;
use crate::browser;
use crate::components::lang::{tr, use_lang};
use crate::components::wizard::WizardStep;
use crate::draft::Draft;
use crate::i18n::{t, Pick};
use crate::pages::service_page::service_param;
use domain::forms::{parse_booking, Field, FieldError};
use domain::Localized;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::HashSet;

/// Every problem of the typed data, by the same `domain` parsers the server uses.
pub(super) fn problems(d: &Draft) -> Vec<FieldError> {
    parse_booking(&d.person, &d.contact, browser::kyiv_today())
        .err()
        .unwrap_or_default()
}

type Access = fn(&mut Draft) -> &mut String;

/// Step 5: who comes and how to reach them, checked as they type (a field's
/// message shows once it was left, or after "Next").
#[component]
pub fn ContactStep() -> impl IntoView {
    let lang = use_lang();
    let id = service_param();
    let draft = draft_for(id.get_untracked().as_ref());
    let touched = RwSignal::new(HashSet::<Field>::new());
    let errors = Memo::new(move |_| draft.with(problems));
    let sid = move || id.get().map(|s| s.0).unwrap_or_default();
    let back = Signal::derive(move || {
        draft.with(|d| match (&d.office, d.date) {
            (Some(o), Some(date)) => format!("/book/{}/office/{}/{date}", sid(), o.0),
            _ => format!("/book/{}/office", sid()),
        })
    });
    let navigate = use_navigate();
    let tried = RwSignal::new(false);
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if errors.with_untracked(Vec::is_empty) {
            navigate(&format!("/book/{}/review", sid()), Default::default());
        }
    };
    let field = move |f: Field,
                      kind: &'static str,
                      auto: &'static str,
                      label: Pick,
                      optional: bool,
                      hint: Option<Pick>,
                      access: Access| {
        let name = field_id(f);
        let message = move || {
            let shown = tried.get() || touched.with(|t| t.contains(&f));
            shown
                .then(|| {
                    errors.with(|e| {
                        e.iter()
                            .find(|x| x.field == f)
                            .map(|x| x.message(lang.get()))
                    })
                })
                .flatten()
        };
        view! {
            <div class="field" class:invalid=move || message().is_some()>
                <label for=name>
                    {tr(label)}
                    {optional.then(|| view! { " " <span class="optional">{tr(|w| w.optional)}</span> })}
                </label>
                {hint.map(|h| view! { <span class="hint" id=format!("{name}-hint")>{tr(h)}</span> })}
                <input
                    id=name
                    name=name
                    type=kind
                    autocomplete=auto
                    aria-invalid=move || message().is_some().to_string()
                    aria-describedby=format!("{name}-error")
                    prop:value=move || draft.with(|d| access(&mut d.clone()).clone())
                    on:input=move |ev| {
                        let v = crate::browser::nfc(event_target_value(&ev));
                        draft.update(|d| *access(d) = v);
                    }
                    on:blur=move |_| touched.update(|t| { t.insert(f); })
                />
                <p class="field-error" id=format!("{name}-error") aria-live="polite">{message}</p>
            </div>
        }
    };
    view! {
        <WizardStep step=5 title=|w| w.contact_title back>
            <HoldTimer draft />
            <p class="hint">{tr(|w| w.contact_lead)}</p>
            <form on:submit=next novalidate>
                {field(Field::Surname, "text", "family-name", |w| w.surname, false, None, |d| &mut d.person.surname)}
                {field(Field::GivenName, "text", "given-name", |w| w.given_name, false, None, |d| &mut d.person.given_name)}
                {field(Field::Patronymic, "text", "additional-name", |w| w.patronymic, true, None, |d| &mut d.person.patronymic)}
                {field(Field::BirthDate, "text", "bday", |w| w.birth_date, false, Some(|w| w.birth_date_hint), |d| &mut d.person.birth_date)}
                {field(Field::Rnokpp, "text", "off", |w| w.rnokpp, true, None, |d| &mut d.person.rnokpp)}
                <p class="hint">{tr(|w| w.contact_rule)}</p>
                {field(Field::Phone, "tel", "tel", |w| w.phone, false, Some(|w| w.phone_hint), |d| &mut d.contact.phone)}
                {field(Field::Email, "email", "email", |w| w.email, false, None, |d| &mut d.contact.email)}
                {move || (tried.get() && !errors.with(Vec::is_empty)).then(|| view! { <p class="error" role="alert">{t(lang.get()).fix_fields}</p> })}
                <p class="actions"><button type="submit" class="button button-big">{tr(|w| w.next)}</button></p>
            </form>
        </WizardStep>
    }
}

fn field_id(f: Field) -> &'static str {
    match f {
        Field::Surname => "surname",
        Field::GivenName => "given-name",
        Field::Patronymic => "patronymic",
        Field::BirthDate => "birth-date",
        Field::Rnokpp => "rnokpp",
        Field::Phone => "phone",
        Field::Email => "email",
    }
}
