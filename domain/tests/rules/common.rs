//! The shipped data files, parsed as the server parses them.

use chrono::{NaiveDate, NaiveTime};
use domain::calendar::{WorkingCalendar, YearCalendar};
use domain::catalog::{Catalog, CatalogFile, Office, OfficeId, Service, ServiceId};

pub fn catalog() -> Catalog {
    let text = include_str!("../../../data/catalog.toml");
    let file: CatalogFile = toml::from_str(text).expect("data/catalog.toml parses");
    file.check().expect("data/catalog.toml is a valid catalog")
}

pub fn calendar() -> WorkingCalendar {
    let years = [
        include_str!("../../../data/holidays/2026.toml"),
        include_str!("../../../data/holidays/2027.toml"),
    ]
    .map(|t| toml::from_str::<YearCalendar>(t).expect("holiday file parses"));
    WorkingCalendar::new(years).expect("holiday files are consistent")
}

pub fn service<'a>(c: &'a Catalog, id: &str) -> &'a Service {
    c.service(&ServiceId(id.into())).expect("service exists")
}

pub fn office<'a>(c: &'a Catalog, id: &str) -> &'a Office {
    c.office(&OfficeId(id.into())).expect("office exists")
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

pub fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}
