//! Any text read as a catalog file and as a year's calendar, then checked
//! by the catalog's rules: a malformed or inconsistent file is refused with
//! a message, never a panic; a file that passes is served as it is.
#![no_main]

use domain::calendar::{WorkingCalendar, YearCalendar};
use domain::catalog::CatalogFile;
use domain::{Lang, Localized};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(file) = toml::from_str::<CatalogFile>(text) {
        match file.check() {
            Ok(catalog) => {
                for service in catalog.services() {
                    assert!(catalog.service(&service.id).is_some());
                }
            }
            Err(e) => assert!(!e.message(Lang::En).is_empty()),
        }
    }
    if let Ok(year) = toml::from_str::<YearCalendar>(text) {
        if let Err(e) = WorkingCalendar::new(vec![year]) {
            assert!(!e.message(Lang::Uk).is_empty());
        }
    }
});
