//! Dates, times and counts as people read them in each language.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use domain::Lang;

const UK_MONTHS: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const UK_DAYS: [&str; 7] = [
    "понеділок",
    "вівторок",
    "середа",
    "четвер",
    "пʼятниця",
    "субота",
    "неділя",
];
const EN_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const UK_DAYS_SHORT: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "нд"];
const EN_DAYS_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn index(d: NaiveDate) -> (usize, usize) {
    (
        d.weekday().num_days_from_monday() as usize,
        d.month0() as usize,
    )
}

/// `пʼятниця, 4 грудня 2026` / `Friday, 4 December 2026`.
pub fn date_long(d: NaiveDate, lang: Lang) -> String {
    let (w, m) = index(d);
    match lang {
        Lang::Uk => format!("{}, {} {} {}", UK_DAYS[w], d.day(), UK_MONTHS[m], d.year()),
        Lang::En => format!("{}, {} {} {}", EN_DAYS[w], d.day(), EN_MONTHS[m], d.year()),
    }
}

/// `4 грудня` / `4 December`.
pub fn date_short(d: NaiveDate, lang: Lang) -> String {
    let (_, m) = index(d);
    match lang {
        Lang::Uk => format!("{} {}", d.day(), UK_MONTHS[m]),
        Lang::En => format!("{} {}", d.day(), EN_MONTHS[m]),
    }
}

/// `пт` / `Fri`.
pub fn weekday_short(d: NaiveDate, lang: Lang) -> &'static str {
    let (w, _) = index(d);
    match lang {
        Lang::Uk => UK_DAYS_SHORT[w],
        Lang::En => EN_DAYS_SHORT[w],
    }
}

/// `09:20` in both languages (24-hour clock, as on the office board).
pub fn time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Picks the form for `n` from `one|few|many`: Ukrainian has three
/// (`1 місце`, `2 місця`, `5 місць`), English two (`few` serves as other).
pub fn plural(lang: Lang, n: u32, forms: &str) -> &str {
    let mut it = forms.split('|');
    let one = it.next().unwrap_or_default();
    let few = it.next().unwrap_or(one);
    let many = it.next().unwrap_or(few);
    match lang {
        Lang::Uk => {
            let (d, h) = (n % 10, n % 100);
            if d == 1 && h != 11 {
                one
            } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
                few
            } else {
                many
            }
        }
        Lang::En => {
            if n == 1 {
                one
            } else {
                few
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(
            date_long(d(2026, 12, 4), Lang::Uk),
            "пʼятниця, 4 грудня 2026"
        );
        assert_eq!(
            date_long(d(2026, 12, 4), Lang::En),
            "Friday, 4 December 2026"
        );
        assert_eq!(date_short(d(2027, 1, 11), Lang::Uk), "11 січня");
        assert_eq!(weekday_short(d(2026, 11, 29), Lang::En), "Sun");
    }

    #[test]
    fn ukrainian_plural_forms() {
        let forms = "місце|місця|місць";
        let got: Vec<&str> = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]
            .iter()
            .map(|n| plural(Lang::Uk, *n, forms))
            .collect();
        assert_eq!(
            got,
            [
                "місце",
                "місця",
                "місця",
                "місць",
                "місць",
                "місць",
                "місць",
                "місце",
                "місця",
                "місць",
                "місце",
                "місць"
            ]
        );
        assert_eq!(plural(Lang::En, 1, "place|places|places"), "place");
        assert_eq!(plural(Lang::En, 2, "place|places|places"), "places");
    }
}
