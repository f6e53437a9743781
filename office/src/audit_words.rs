//! The words of the audit trail's screen (`/staff/audit`), and how its
//! events and statuses read, in Ukrainian and English.

use domain::Lang;

/// The screen's fixed texts.
#[derive(Debug)]
pub struct AuditWords {
    pub title: &'static str,
    pub lead: &'static str,
    pub day: &'static str,
    pub number: &'static str,
    pub number_hint: &'static str,
    pub staff: &'static str,
    pub office: &'static str,
    pub office_all: &'static str,
    pub search: &'static str,
    pub when: &'static str,
    pub what: &'static str,
    pub who: &'static str,
    pub ticket: &'static str,
    pub node: &'static str,
    pub nothing: &'static str,
    pub more: &'static str,
    pub unknown: &'static str,
}

static UK: AuditWords = AuditWords {
    title: "Журнал дій",
    lead: "Усі зміни талонів і дії працівників: хто, коли і на якому вузлі. Шукайте за днем, за номером талона з днем візиту або за логіном працівника.",
    day: "День",
    number: "Номер талона",
    number_hint: "Наприклад, P-007; потрібен і день візиту",
    staff: "Логін працівника",
    office: "Підрозділ",
    office_all: "Усі підрозділи",
    search: "Шукати",
    when: "Коли",
    what: "Що",
    who: "Хто",
    ticket: "Талон",
    node: "Вузол",
    nothing: "Нічого не знайдено.",
    more: "Показано перші 500 записів: звузьте пошук.",
    unknown: "невідомий логін",
};

static EN: AuditWords = AuditWords {
    title: "Audit trail",
    lead: "Every change of a ticket and every staff action: who, when and on which node. Search by day, by a ticket's number with its visit day, or by a staff member's login.",
    day: "Day",
    number: "Ticket number",
    number_hint: "For example P-007; the visit day is needed too",
    staff: "Staff login",
    office: "Office",
    office_all: "All offices",
    search: "Search",
    when: "When",
    what: "What",
    who: "Who",
    ticket: "Ticket",
    node: "Node",
    nothing: "Nothing found.",
    more: "The first 500 entries are shown: narrow the search.",
    unknown: "unknown login",
};

/// The screen's words in `lang`.
pub fn audit_words(lang: Lang) -> &'static AuditWords {
    match lang {
        Lang::Uk => &UK,
        Lang::En => &EN,
    }
}

/// Events and statuses as the screen shows them: (code, Ukrainian, English).
const LABELS: &[(&str, &str, &str)] = &[
    ("book", "записано", "booked"),
    ("walk_in", "талон у кіоску", "walk-in ticket"),
    ("reschedule", "перенесено", "moved"),
    ("cancel", "скасовано", "cancelled"),
    ("check_in", "прибув", "checked in"),
    ("call", "викликано", "called"),
    ("start_serving", "прийом почато", "service started"),
    ("serve", "обслуговано", "served"),
    ("not_here", "не підійшов", "not here"),
    ("put_back", "повернено в чергу", "put back"),
    ("transfer", "передано", "transferred"),
    ("mark_absent", "анульовано за неявку", "annulled as absent"),
    ("expire", "термін минув", "expired"),
    ("pay", "оплата", "payment"),
    ("lapse", "день минув", "day over"),
    ("paid", "сплачено", "paid"),
    ("refunded", "кошти повернено", "refunded"),
    ("signin", "вхід", "signed in"),
    ("signin_failed", "невдалий вхід", "sign-in failed"),
    ("signin_locked", "вхід заблоковано", "sign-in locked"),
    ("signout", "вихід", "signed out"),
    ("applicant", "заявник", "applicant"),
    ("system", "система", "system"),
    ("liqpay", "LiqPay", "LiqPay"),
    ("booked", "записаний", "booked"),
    ("checked_in", "прибув", "checked in"),
    ("called", "викликаний", "called"),
    ("serving", "на прийомі", "being served"),
    ("served", "обслугований", "served"),
    ("cancelled", "скасований", "cancelled"),
    ("annulled", "анульований", "annulled"),
];

/// How event or status `code` reads in `lang` (the code itself if unknown).
pub fn label(code: &str, lang: Lang) -> &str {
    LABELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or(code, |(_, uk, en)| match lang {
            Lang::Uk => uk,
            Lang::En => en,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_in_both_languages() {
        assert_eq!(label("serve", Lang::Uk), "обслуговано");
        assert_eq!(label("signin_failed", Lang::En), "sign-in failed");
        assert_eq!(label("something_new", Lang::Uk), "something_new");
        let mut codes: Vec<&str> = LABELS.iter().map(|l| l.0).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), LABELS.len(), "each code once");
    }
}
