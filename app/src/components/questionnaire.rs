use super::lang::tr;
use crate::i18n::{Pick, Words};
use domain::checklist::{Answers, Applicant, Flag, Loss};
use domain::fees::Urgency;
use leptos::prelude::*;

/// The card's questions (only those its documents and fees depend on). Every
/// change rewrites `answers` at once; nothing is sent anywhere.
#[component]
pub fn Questionnaire(
    questions: Vec<Flag>,
    /// The urgencies the tariff in force offers (a choice only if two).
    urgencies: Vec<Urgency>,
    answers: RwSignal<Answers>,
) -> impl IntoView {
    let asks = |f: Flag| questions.contains(&f);
    let loss = asks(Flag::Stolen).then(|| {
        let options = [
            (Loss::Lost, (|w: &Words| w.loss_lost) as Pick),
            (Loss::Stolen, |w: &Words| w.loss_stolen),
        ];
        radio_group(
            "loss",
            |w| w.q_loss,
            options,
            move || answers.get().loss,
            move |v| answers.update(|a| a.loss = v),
        )
    });
    let urgency = (urgencies.len() > 1).then(|| {
        let options = [
            (false, (|w: &Words| w.urgency_standard) as Pick),
            (true, |w: &Words| w.urgency_urgent),
        ];
        radio_group(
            "urgency",
            |w| w.q_urgency,
            options,
            move || answers.get().urgent,
            move |v| answers.update(|a| a.urgent = v),
        )
    });
    let applicant =
        (asks(Flag::Representative) || asks(Flag::RepresentativeNotParent)).then(|| {
            let options = [
                (
                    Applicant::InPerson,
                    (|w: &Words| w.applicant_in_person) as Pick,
                ),
                (Applicant::Parent, |w: &Words| w.applicant_parent),
                (Applicant::LegalRepresentative, |w: &Words| {
                    w.applicant_legal_rep
                }),
                (Applicant::InstitutionOfficer, |w: &Words| {
                    w.applicant_institution
                }),
            ];
            radio_group(
                "applicant",
                |w| w.q_applicant,
                options,
                move || answers.get().applicant,
                move |v| answers.update(|a| a.applicant = v),
            )
        });
    type Check = (Flag, Pick, fn(&mut Answers) -> &mut bool);
    let checks: [Check; 10] = [
        (
            Flag::ResidenceRegistered,
            |w| w.f_residence,
            |a| &mut a.residence_registered,
        ),
        (Flag::Idp, |w| w.f_idp, |a| &mut a.idp),
        (Flag::Homeless, |w| w.f_homeless, |a| &mut a.homeless),
        (
            Flag::TaxNumberRefused,
            |w| w.f_tax_refused,
            |a| &mut a.tax_number_refused,
        ),
        (Flag::HasChildren, |w| w.f_children, |a| &mut a.has_children),
        (
            Flag::MarriedOrDivorced,
            |w| w.f_marriage,
            |a| &mut a.married_or_divorced,
        ),
        (
            Flag::NameChanged,
            |w| w.f_name_changed,
            |a| &mut a.name_changed,
        ),
        (
            Flag::LatinSpelling,
            |w| w.f_latin,
            |a| &mut a.latin_spelling,
        ),
        (
            Flag::CannotMoveOrInstitution,
            |w| w.f_cannot_move,
            |a| &mut a.cannot_move,
        ),
        (
            Flag::CannotMoveOrInstitution,
            |w| w.f_institution,
            |a| &mut a.in_institution,
        ),
    ];
    let boxes: Vec<_> = checks
        .into_iter()
        .filter(|(f, _, _)| asks(*f))
        .map(|(_, label, field)| {
            let on = move || {
                let mut a = answers.get();
                *field(&mut a)
            };
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        checked=untrack(on)
                        prop:checked=on
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            answers.update(|a| *field(a) = on);
                        }
                    />
                    <span>{tr(label)}</span>
                </label>
            }
        })
        .collect();
    let more = (!boxes.is_empty()).then(|| {
        view! {
            <fieldset class="question">
                <legend>{tr(|w| w.q_more)}</legend>
                {boxes}
            </fieldset>
        }
    });
    view! { <div class="questionnaire">{loss} {urgency} {applicant} {more}</div> }
}

/// A fieldset of radio buttons (one choice), keyboard-operable by nature.
/// The choice at the start is also an attribute (`checked`), so a page
/// rendered on the server shows it; the property follows every change.
fn radio_group<T, const N: usize>(
    name: &'static str,
    legend: Pick,
    options: [(T, Pick); N],
    current: impl Fn() -> T + Copy + Send + Sync + 'static,
    set: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: PartialEq + Copy + Send + Sync + 'static,
{
    let radios = options
        .into_iter()
        .map(|(value, label)| {
            view! {
                <label class="check">
                    <input
                        type="radio"
                        name=name
                        checked=untrack(current) == value
                        prop:checked=move || current() == value
                        on:change=move |_| set(value)
                    />
                    <span>{tr(label)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question">
            <legend>{tr(legend)}</legend>
            {radios}
        </fieldset>
    }
}
