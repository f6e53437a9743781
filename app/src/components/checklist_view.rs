use super::lang::use_lang;
use domain::checklist::ChecklistEntry;
use leptos::prelude::*;

/// The documents to bring, as a list to tick off while gathering them (the
/// ticks are the applicant's own and go nowhere). Nested items are indented.
#[component]
pub fn ChecklistView(#[prop(into)] entries: Signal<Vec<ChecklistEntry>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="checklist">
            <For
                each=move || entries.get()
                key=|e| e.id.clone()
                children=move |e| {
                    let class = if e.depth > 0 { "check nested" } else { "check" };
                    view! {
                        <li class=class data-doc=e.id.clone()>
                            <label>
                                <input type="checkbox" />
                                <span>{move || e.text.get(lang.get()).to_string()}</span>
                            </label>
                        </li>
                    }
                }
            />
        </ul>
    }
}
