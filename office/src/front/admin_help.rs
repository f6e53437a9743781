//! The help pages' editor on the administrator's page, for the system
//! administrator: a page and a language chosen, its Markdown edited and
//! saved, the applicant's page a link away.

use super::{js, say};
use crate::admin_words::{admin_words, AdminWords};
use crate::api::{HelpRequest, HelpText};
use domain::help::HelpPage;
use domain::Lang;
use leptos::prelude::*;

fn aw() -> &'static AdminWords {
    admin_words(super::lang().get())
}

/// The editor.
#[component]
pub fn HelpEditor() -> impl IntoView {
    let page = RwSignal::new(HelpPage::Guide);
    let lang = RwSignal::new(Lang::Uk);
    let text = RwSignal::new(String::new());
    let note = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let load = move || {
        let req = HelpRequest {
            page: page.get_untracked(),
            lang: lang.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match js::post::<_, HelpText>("admin_help", &req).await {
                Ok(t) => {
                    error.set(None);
                    note.set(None);
                    text.set(t.text);
                }
                Err(e) => error.set(Some(say(&e))),
            }
        });
    };
    load();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = HelpText {
            page: page.get_untracked(),
            lang: lang.get_untracked(),
            text: text.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match js::post::<_, HelpText>("admin_help_save", &req).await {
                Ok(_) => {
                    error.set(None);
                    note.set(Some(aw().help_saved.to_string()));
                }
                Err(e) => error.set(Some(say(&e))),
            }
        });
    };
    let choose_page = move |ev| {
        page.set(if event_target_value(&ev) == "faq" {
            HelpPage::Faq
        } else {
            HelpPage::Guide
        });
        load();
    };
    let choose_lang = move |ev| {
        lang.set(if event_target_value(&ev) == "en" {
            Lang::En
        } else {
            Lang::Uk
        });
        load();
    };
    let href = move || format!("{}?lang={}", page.get().path(), lang.get().tag());
    view! {
        <section class="admin-part admin-help">
            <h2>{move || aw().help_title}</h2>
            <form class="admin-help-form" on:submit=save>
                <label>{move || aw().help_page}
                    <select id="help-page" on:change=choose_page>
                        <option value="guide">{move || aw().help_guide}</option>
                        <option value="faq">{move || aw().help_faq}</option>
                    </select>
                </label>
                <label>{move || aw().help_lang}
                    <select id="help-lang" on:change=choose_lang>
                        <option value="uk">"Українська"</option>
                        <option value="en">"English"</option>
                    </select>
                </label>
                <label class="admin-help-text">{move || aw().help_text}
                    <textarea id="help-text" rows="18" prop:value=text
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </label>
                <p class="admin-actions">
                    <button type="submit" class="admin-save">{move || aw().help_save}</button>
                    " "
                    <a class="console-plain" href=href target="_blank">{move || aw().help_view}</a>
                </p>
            </form>
            <p class="console-error" role="alert">{move || error.get()}</p>
            <p class="admin-saved" role="status">{move || note.get()}</p>
        </section>
    }
}
