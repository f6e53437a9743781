//! What the messages say, in Ukrainian and English: an e-mail (plain text,
//! HTML, and the visit's `.ics`) and an SMS. A message says only what the
//! applicant needs to come: the number, the service, the time and the
//! office, and where to manage the ticket. It never carries the ticket's
//! access token: the link leads to "My tickets", which asks to sign in.

use crate::store::MessageKind;
use app::api::TicketView;
use app::i18n::{date_long, date_short, t, time};
use domain::Lang;

/// An e-mail's parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body (the same words).
    pub html: String,
    /// The visit as an iCalendar file (name, content), except for a cancel.
    pub ics: Option<(String, String)>,
}

struct Words {
    lead: &'static str,
    number: &'static str,
    service: &'static str,
    when: &'static str,
    office: &'static str,
    fee: &'static str,
    manage: &'static str,
}

fn words(kind: MessageKind, lang: Lang) -> Words {
    let lead = match (kind, lang) {
        (MessageKind::Booked, Lang::Uk) => "Вас записано до електронної черги.",
        (MessageKind::Booked, Lang::En) => "You are booked in the electronic queue.",
        (MessageKind::Moved, Lang::Uk) => "Ваш запис перенесено на інший час.",
        (MessageKind::Moved, Lang::En) => "Your visit has been moved to another time.",
        (MessageKind::Cancelled, Lang::Uk) => {
            "Ваш запис скасовано. Цей час тепер вільний для інших."
        }
        (MessageKind::Cancelled, Lang::En) => {
            "Your booking has been cancelled. The time is now free for others."
        }
        (MessageKind::Reminder, Lang::Uk) => "Нагадуємо: ваш візит — завтра.",
        (MessageKind::Reminder, Lang::En) => "A reminder: your visit is tomorrow.",
        (MessageKind::Disrupted, Lang::Uk) => {
            "Підрозділ змінив графік роботи, і ваш візит не може відбутися в призначений час. Талон дійсний: оберіть інший час у «Моїх талонах» або скасуйте запис."
        }
        (MessageKind::Disrupted, Lang::En) => {
            "The office changed its hours, and your visit cannot take place at the time booked. The ticket stays valid: choose another time in “My tickets”, or cancel it."
        }
    };
    match lang {
        Lang::Uk => Words {
            lead,
            number: "Талон",
            service: "Послуга",
            when: "Дата і час",
            office: "Підрозділ",
            fee: "До сплати",
            manage: "Мої талони (перенести чи скасувати, вхід за одноразовим кодом)",
        },
        Lang::En => Words {
            lead,
            number: "Ticket",
            service: "Service",
            when: "Date and time",
            office: "Office",
            fee: "To pay",
            manage: "My tickets (move or cancel; sign in with a one-time code)",
        },
    }
}

fn subject(kind: MessageKind, v: &TicketView, lang: Lang) -> String {
    let (day, at) = (date_short(v.date, lang), time(v.start));
    let service = v.service_name.get(lang);
    match (kind, lang) {
        (MessageKind::Booked, Lang::Uk) => format!("Талон {}: {service}, {day} о {at}", v.number),
        (MessageKind::Booked, Lang::En) => {
            format!("Ticket {}: {service}, {day} at {at}", v.number)
        }
        (MessageKind::Moved, Lang::Uk) => {
            format!("Талон {} перенесено: {day} о {at}", v.number)
        }
        (MessageKind::Moved, Lang::En) => format!("Ticket {} moved: {day} at {at}", v.number),
        (MessageKind::Cancelled, Lang::Uk) => {
            format!("Талон {} на {day} о {at} скасовано", v.number)
        }
        (MessageKind::Cancelled, Lang::En) => {
            format!("Ticket {} for {day} at {at} cancelled", v.number)
        }
        (MessageKind::Reminder, Lang::Uk) => {
            format!("Нагадування: завтра о {at}, талон {}", v.number)
        }
        (MessageKind::Reminder, Lang::En) => {
            format!("Reminder: tomorrow at {at}, ticket {}", v.number)
        }
        (MessageKind::Disrupted, Lang::Uk) => {
            format!(
                "Талон {}: {day} о {at} вас не приймуть — оберіть інший час",
                v.number
            )
        }
        (MessageKind::Disrupted, Lang::En) => {
            format!(
                "Ticket {}: you cannot be seen {day} at {at}, choose another time",
                v.number
            )
        }
    }
}

/// The facts of the visit as (label, value) lines.
fn facts(v: &TicketView, w: &Words, lang: Lang) -> Vec<(&'static str, String)> {
    let o = &v.office;
    let mut lines = vec![
        (w.number, v.number.clone()),
        (w.service, v.service_name.get(lang).to_string()),
        (
            w.when,
            format!(
                "{}, {}–{}",
                date_long(v.date, lang),
                time(v.start),
                time(v.end)
            ),
        ),
        (
            w.office,
            format!(
                "{}, {}, {}",
                o.name.get(lang),
                o.city.get(lang),
                o.address.get(lang)
            ),
        ),
    ];
    if let Some(q) = v.quote.as_ref().filter(|q| q.total.kopiykas() > 0) {
        lines.push((w.fee, q.total.format(lang)));
    }
    lines
}

/// Escapes text for HTML (the e-mails' and the help pages').
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The e-mail telling `kind` about the ticket `v`; `base` is the site's
/// public address (for the link to "My tickets").
pub fn email(kind: MessageKind, v: &TicketView, lang: Lang, base: &str) -> Email {
    let w = words(kind, lang);
    let facts = facts(v, &w, lang);
    let link = format!("{}/tickets", base.trim_end_matches('/'));
    let rule = t(lang).no_lateness;
    let cancelled = kind == MessageKind::Cancelled;
    let mut text = format!("{}\n\n", w.lead);
    for (label, value) in &facts {
        text.push_str(&format!("{label}: {value}\n"));
    }
    if !cancelled {
        text.push_str(&format!("\n{rule}\n"));
    }
    text.push_str(&format!("\n{}: {link}\n", w.manage));
    let rows: String = facts
        .iter()
        .map(|(label, value)| {
            format!(
                "<tr><th align=\"left\">{}</th><td>{}</td></tr>",
                escape(label),
                escape(value)
            )
        })
        .collect();
    let rule_html = if cancelled {
        String::new()
    } else {
        format!("<p><strong>{}</strong></p>", escape(rule))
    };
    let html = format!(
        "<!doctype html><html lang=\"{}\"><body><p>{}</p><table>{rows}</table>{rule_html}<p><a href=\"{}\">{}</a></p></body></html>",
        lang.tag(),
        escape(w.lead),
        escape(&link),
        escape(w.manage)
    );
    let ics = (!cancelled).then(|| (format!("cherga-{}.ics", v.number), app::ics::event(v, lang)));
    Email {
        subject: subject(kind, v, lang),
        text,
        html,
        ics,
    }
}

/// The SMS telling `kind` about ticket `v`: short (one or two parts), with
/// a link that still needs signing in.
pub fn sms(kind: MessageKind, v: &TicketView, lang: Lang, base: &str) -> String {
    let (day, at) = (date_short(v.date, lang), time(v.start));
    let office = v.office.name.get(lang);
    let link = format!("{}/tickets", base.trim_end_matches('/'));
    let n = &v.number;
    match (kind, lang) {
        (MessageKind::Booked, Lang::Uk) => {
            format!("Талон {n}: {day}, {at}, {office}. Не запізнюйтеся. {link}")
        }
        (MessageKind::Booked, Lang::En) => {
            format!("Ticket {n}: {day}, {at}, {office}. Do not be late. {link}")
        }
        (MessageKind::Moved, Lang::Uk) => {
            format!("Талон {n} перенесено: {day}, {at}, {office}. {link}")
        }
        (MessageKind::Moved, Lang::En) => {
            format!("Ticket {n} moved: {day}, {at}, {office}. {link}")
        }
        (MessageKind::Cancelled, Lang::Uk) => format!("Талон {n} на {day}, {at} скасовано."),
        (MessageKind::Cancelled, Lang::En) => format!("Ticket {n} for {day}, {at} cancelled."),
        (MessageKind::Reminder, Lang::Uk) => {
            format!("Завтра о {at}: талон {n}, {office}. Не запізнюйтеся. {link}")
        }
        (MessageKind::Reminder, Lang::En) => {
            format!("Tomorrow at {at}: ticket {n}, {office}. Do not be late. {link}")
        }
        (MessageKind::Disrupted, Lang::Uk) => {
            format!("Талон {n}: {day}, {at} {office} не приймає. Оберіть інший час: {link}")
        }
        (MessageKind::Disrupted, Lang::En) => {
            format!("Ticket {n}: {office} is not open {day}, {at}. Choose another time: {link}")
        }
    }
}

/// The e-mail with a sign-in code.
pub fn code_email(code: &str, lang: Lang) -> Email {
    let (subject, lead, rule) = match lang {
        Lang::Uk => (
            format!("Код для входу: {code}"),
            "Ваш код для входу до «Моїх талонів»:",
            "Код діє 10 хвилин і лише один раз. Нікому його не повідомляйте. Якщо ви не входили, нічого робити не треба.",
        ),
        Lang::En => (
            format!("Sign-in code: {code}"),
            "Your code to sign in to “My tickets”:",
            "The code works once within 10 minutes. Never tell it to anyone. If you did not try to sign in, do nothing.",
        ),
    };
    Email {
        subject,
        text: format!("{lead}\n\n{code}\n\n{rule}\n"),
        html: format!(
            "<!doctype html><html lang=\"{}\"><body><p>{}</p><p style=\"font-size:2em;letter-spacing:.2em\"><strong>{code}</strong></p><p>{}</p></body></html>",
            lang.tag(),
            escape(lead),
            escape(rule)
        ),
        ics: None,
    }
}

/// The SMS with a sign-in code.
pub fn code_sms(code: &str, lang: Lang) -> String {
    match lang {
        Lang::Uk => {
            format!("Код для входу до «Моїх талонів»: {code}. Діє 10 хв. Нікому не повідомляйте.")
        }
        Lang::En => format!("Your “My tickets” sign-in code: {code}. Valid 10 min. Tell no one."),
    }
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
