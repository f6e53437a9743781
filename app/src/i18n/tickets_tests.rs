//! The tickets' words: both languages whole, and read as the server sends them.

use super::*;

#[test]
fn both_languages_fill_every_field() {
    let both: TicketWordsBoth =
        serde_json::from_str(include_str!("tickets.json")).expect("tickets.json reads");
    for w in [&both.uk, &both.en] {
        let json = serde_json::to_value(w).unwrap_or_default();
        let empty: Vec<_> = json
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, v)| v.as_str().is_none_or(|s| s.trim().is_empty()))
            .map(|(k, _)| k.clone())
            .collect();
        assert!(empty.is_empty(), "empty: {empty:?}");
    }
    assert_ne!(both.uk, both.en);
    #[cfg(feature = "ssr")]
    {
        assert_eq!(bundled(), &both);
        assert_eq!(tw(Lang::En).sign_out, "Sign out");
    }
}

#[test]
fn a_misspelt_or_missing_field_is_refused() {
    let mut json: serde_json::Value =
        serde_json::from_str(include_str!("tickets.json")).unwrap_or_default();
    if let Some(uk) = json["uk"].as_object_mut() {
        let text = uk.remove("sign_out").unwrap_or_default();
        uk.insert("sign_uot".into(), text);
    }
    assert!(serde_json::from_value::<TicketWordsBoth>(json.clone()).is_err());
    if let Some(uk) = json["uk"].as_object_mut() {
        uk.remove("sign_uot");
    }
    assert!(serde_json::from_value::<TicketWordsBoth>(json).is_err());
}
