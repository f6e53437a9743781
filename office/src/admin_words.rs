//! The words of the administrator's page (`/staff/admin`), and the pure
//! parts of its form: the breaks as typed, the sentence of a change's
//! effect (tested natively).

use crate::api::AffectedDay;
use chrono::NaiveTime;
use domain::i18n::plural_uk;
use domain::Lang;

/// The page's fixed texts.
#[derive(Debug)]
pub struct AdminWords {
    pub title: &'static str,
    pub lead: &'static str,
    pub office: &'static str,
    pub load: &'static str,
    pub hours: &'static str,
    pub days: [&'static str; 7],
    pub open_day: &'static str,
    pub opens: &'static str,
    pub closes: &'static str,
    pub breaks: &'static str,
    pub breaks_hint: &'static str,
    pub bad_breaks: &'static str,
    pub windows: &'static str,
    pub window: &'static str,
    pub add_window: &'static str,
    pub remove: &'static str,
    pub closures: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub reason_uk: &'static str,
    pub reason_en: &'static str,
    pub add_closure: &'static str,
    pub notices: &'static str,
    pub text_uk: &'static str,
    pub text_en: &'static str,
    pub until: &'static str,
    pub add_notice: &'static str,
    pub online: &'static str,
    pub online_booking: &'static str,
    pub online_services: &'static str,
    pub share: &'static str,
    pub own_share: &'static str,
    pub preview: &'static str,
    pub save: &'static str,
    pub nothing_changed: &'static str,
    pub no_tickets: &'static str,
    pub changed: &'static str,
    pub saved: &'static str,
    pub help_title: &'static str,
    pub help_page: &'static str,
    pub help_guide: &'static str,
    pub help_faq: &'static str,
    pub help_lang: &'static str,
    pub help_text: &'static str,
    pub help_save: &'static str,
    pub help_view: &'static str,
    pub help_saved: &'static str,
    pub calendar_title: &'static str,
    pub calendar_lead: &'static str,
    pub year: &'static str,
    pub holidays: &'static str,
    pub date: &'static str,
    pub name_uk: &'static str,
    pub name_en: &'static str,
    pub add_holiday: &'static str,
    pub working_weekends: &'static str,
    pub add_working: &'static str,
}

static UK: AdminWords = AdminWords {
    title: "Налаштування підрозділу",
    lead: "Графік, вікна, дні без прийому, оголошення й онлайн-запис. Перш ніж зберегти, перегляньте наслідки: заброньовані талони не переносяться й не скасовуються самі, їхніх власників сповіщають і пропонують обрати інший час.",
    office: "Підрозділ",
    load: "Відкрити",
    hours: "Графік роботи",
    days: ["Понеділок", "Вівторок", "Середа", "Четвер", "П’ятниця", "Субота", "Неділя"],
    open_day: "Прийом",
    opens: "З",
    closes: "До",
    breaks: "Перерви",
    breaks_hint: "наприклад 13:00-14:00",
    bad_breaks: "Перерви записуються як 13:00-14:00, через кому.",
    windows: "Вікна й послуги",
    window: "Вікно",
    add_window: "Додати вікно",
    remove: "Прибрати",
    closures: "Дні без прийому",
    from: "З",
    to: "По",
    reason_uk: "Причина (укр.)",
    reason_en: "Причина (англ.)",
    add_closure: "Додати дні без прийому",
    notices: "Оголошення",
    text_uk: "Текст (укр.)",
    text_en: "Текст (англ.)",
    until: "Показувати до",
    add_notice: "Додати оголошення",
    online: "Онлайн-запис",
    online_booking: "Підрозділ приймає онлайн-запис",
    online_services: "Послуги з онлайн-записом",
    share: "Частка місць для онлайн-запису, %",
    own_share: "своя частка, % (порожньо — як для підрозділу)",
    preview: "Переглянути наслідки",
    save: "Зберегти й сповістити заявників",
    nothing_changed: "Нічого не змінено.",
    no_tickets: "Жоден заброньований талон не постраждає.",
    changed: "Змінено",
    saved: "Збережено. Зміна діє на всіх серверах.",
    help_title: "Сторінки довідки",
    help_page: "Сторінка",
    help_guide: "Інструкція з користування сервісом",
    help_faq: "Відповіді на часті запитання",
    help_lang: "Мова",
    help_text: "Текст (Markdown; перший рядок — «# Назва»)",
    help_save: "Зберегти сторінку",
    help_view: "Переглянути, як бачать заявники",
    help_saved: "Сторінку збережено: заявники вже бачать новий текст.",
    calendar_title: "Календар вихідних днів",
    calendar_lead: "Святкові й неробочі дні всіх підрозділів та суботи чи неділі, оголошені робочими. Від календаря залежать строки надання послуг і дні для запису.",
    year: "Рік",
    holidays: "Вихідні дні",
    date: "Дата",
    name_uk: "Назва (укр.)",
    name_en: "Назва (англ.)",
    add_holiday: "Додати вихідний день",
    working_weekends: "Робочі суботи й неділі",
    add_working: "Додати робочий день",
};

static EN: AdminWords = AdminWords {
    title: "Office settings",
    lead: "Hours, windows, days closed, notices and online booking. Preview a change before saving it: booked tickets are never moved or cancelled by it; their applicants are told and offered another time.",
    office: "Office",
    load: "Open",
    hours: "Opening hours",
    days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    open_day: "Open",
    opens: "From",
    closes: "To",
    breaks: "Breaks",
    breaks_hint: "e.g. 13:00-14:00",
    bad_breaks: "Write breaks as 13:00-14:00, separated by commas.",
    windows: "Windows and services",
    window: "Window",
    add_window: "Add a window",
    remove: "Remove",
    closures: "Days closed",
    from: "From",
    to: "To",
    reason_uk: "Reason (Ukrainian)",
    reason_en: "Reason (English)",
    add_closure: "Add days closed",
    notices: "Notices",
    text_uk: "Text (Ukrainian)",
    text_en: "Text (English)",
    until: "Shown until",
    add_notice: "Add a notice",
    online: "Online booking",
    online_booking: "The office takes online bookings",
    online_services: "Services booked online",
    share: "Share of places booked online, %",
    own_share: "its own share, % (blank: the office's)",
    preview: "Preview the effect",
    save: "Save and tell the applicants",
    nothing_changed: "Nothing changed.",
    no_tickets: "No booked ticket is affected.",
    changed: "Changed",
    saved: "Saved. The change is in force on every server.",
    help_title: "Help pages",
    help_page: "Page",
    help_guide: "How to use the service",
    help_faq: "Frequently asked questions",
    help_lang: "Language",
    help_text: "Text (Markdown; the first line is “# Title”)",
    help_save: "Save the page",
    help_view: "View it as applicants do",
    help_saved: "The page is saved: applicants see the new text now.",
    calendar_title: "Holiday calendar",
    calendar_lead: "Days off for every office, and Saturdays or Sundays declared working days. The service terms and the days open for booking follow it.",
    year: "Year",
    holidays: "Days off",
    date: "Date",
    name_uk: "Name (Ukrainian)",
    name_en: "Name (English)",
    add_holiday: "Add a day off",
    working_weekends: "Working Saturdays and Sundays",
    add_working: "Add a working day",
};

/// The words in `lang`.
pub fn admin_words(lang: Lang) -> &'static AdminWords {
    match lang {
        Lang::Uk => &UK,
        Lang::En => &EN,
    }
}

/// What a change does to a day's tickets, as a sentence: «Зміна залишає
/// без часу прийому 14 заброньованих талонів на 12.12.2026 (Санітарний
/// день): їхніх власників буде сповіщено.»
pub fn effect_line(day: &AffectedDay, lang: Lang) -> String {
    let (n, date, why) = (
        day.tickets,
        day.day.format("%d.%m.%Y"),
        day.reason.get(lang),
    );
    match lang {
        Lang::Uk => format!(
            "Зміна залишає без часу прийому {n} {} {} на {date} ({why}): їхніх власників буде сповіщено й запропоновано інший час.",
            plural_uk(n, "заброньований", "заброньовані", "заброньованих"),
            plural_uk(n, "талон", "талони", "талонів"),
        ),
        Lang::En => format!(
            "The change leaves {n} booked {} on {date} without their time ({why}): their applicants will be told and offered another time.",
            if n == 1 { "ticket" } else { "tickets" },
        ),
    }
}

/// The breaks as typed (`13:00-14:00, 15:00-15:15`); `None` if any is not
/// of that form. Blank: none.
pub fn read_breaks(text: &str) -> Option<Vec<(NaiveTime, NaiveTime)>> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (a, b) = p.split_once(['-', '–'])?;
            let t = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
            Some((t(a)?, t(b)?))
        })
        .collect()
}

/// The breaks as the form shows them.
pub fn show_breaks(breaks: &[(NaiveTime, NaiveTime)]) -> String {
    breaks
        .iter()
        .map(|(a, b)| format!("{}-{}", a.format("%H:%M"), b.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Text;

    fn day(n: u32) -> AffectedDay {
        AffectedDay {
            day: chrono::NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(),
            tickets: n,
            reason: Text::new("Санітарний день", "Cleaning day"),
        }
    }

    #[test]
    fn the_effect_reads_in_natural_ukrainian_and_english() {
        assert_eq!(
            effect_line(&day(14), Lang::Uk),
            "Зміна залишає без часу прийому 14 заброньованих талонів на 14.12.2026 (Санітарний день): їхніх власників буде сповіщено й запропоновано інший час."
        );
        assert!(effect_line(&day(1), Lang::Uk).contains("1 заброньований талон на"));
        assert!(effect_line(&day(3), Lang::Uk).contains("3 заброньовані талони на"));
        assert!(effect_line(&day(1), Lang::En).contains("1 booked ticket on"));
        assert!(effect_line(&day(2), Lang::En).contains("2 booked tickets on"));
    }

    #[test]
    fn breaks_are_read_as_typed_and_shown_back() {
        let read = read_breaks("13:00-14:00, 15:00 – 15:15").unwrap();
        assert_eq!(show_breaks(&read), "13:00-14:00, 15:00-15:15");
        assert_eq!(read_breaks("  "), Some(vec![]));
        assert_eq!(read_breaks("13:00"), None);
        assert_eq!(read_breaks("13-14"), None);
    }
}
