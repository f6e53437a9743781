//! A broken catalog file is refused with an error naming the entry.

use domain::catalog::{CatalogError, CatalogFile};
use domain::{Lang, Localized};

fn file() -> CatalogFile {
    toml::from_str(include_str!("../../../data/catalog.toml")).unwrap()
}

fn refused(f: CatalogFile) -> CatalogError {
    f.check().expect_err("the broken catalog must be refused")
}

#[test]
fn a_window_serving_an_unknown_service() {
    let mut f = file();
    f.offices[0].windows[0]
        .services
        .insert(domain::catalog::ServiceId("no-such".into()));
    let e = refused(f);
    assert!(matches!(&e, CatalogError::UnknownReference { target, .. } if target == "no-such"));
    assert!(e.message(Lang::Uk).contains("no-such"));
}

#[test]
fn duplicate_ids_and_prefixes() {
    let mut f = file();
    let dup = f.services[0].clone();
    f.services.push(dup);
    assert!(matches!(
        refused(f),
        CatalogError::BadId { .. } | CatalogError::BadValue { .. }
    ));
    let mut f = file();
    f.services[1].board_prefix = f.services[0].board_prefix;
    assert!(matches!(refused(f), CatalogError::BadValue { .. }));
}

#[test]
fn breaks_outside_hours_or_closing_before_opening() {
    let mut f = file();
    let mon = f.offices[0].hours.mon.as_mut().unwrap();
    mon.close = mon.open;
    assert!(matches!(refused(f), CatalogError::BadHours { .. }));
    let mut f = file();
    let mon = f.offices[0].hours.mon.as_mut().unwrap();
    mon.breaks = vec![(mon.close, mon.close)];
    assert!(matches!(refused(f), CatalogError::BadHours { .. }));
}

#[test]
fn online_booking_of_a_service_no_window_serves() {
    let mut f = file();
    let o = &mut f.offices[0];
    o.online_services.insert(domain::catalog::ServiceId(
        "temporary-residence-permit".into(),
    ));
    assert!(matches!(refused(f), CatalogError::BadValue { .. }));
}

#[test]
fn a_paid_service_without_tariff() {
    let mut f = file();
    f.services[0].fees.0.clear();
    assert!(matches!(refused(f), CatalogError::BadValue { .. }));
}

#[test]
fn an_unknown_flag_is_a_parse_error() {
    let text = include_str!("../../../data/catalog.toml").replacen(
        "if = \"stolen\"",
        "if = \"stollen\"",
        1,
    );
    assert!(toml::from_str::<CatalogFile>(&text).is_err());
}
