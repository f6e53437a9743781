//! A ticket's board number, access token and record ids.

use domain::ticket::{is_record_id, to_hex, AccessToken, TicketNumber};

#[test]
fn board_numbers_and_tokens() {
    assert_eq!(
        TicketNumber {
            prefix: 'P',
            seq: 7
        }
        .to_string(),
        "P-007"
    );
    let token = AccessToken::from_random([0xab; AccessToken::BYTES]);
    assert_eq!(token.as_str().len(), 64);
    assert_eq!(AccessToken::parse(token.as_str()), Some(token.clone()));
    assert_eq!(AccessToken::parse("abc"), None);
    assert_eq!(AccessToken::parse(&"g".repeat(64)), None);
    assert!(
        !format!("{token:?}").contains("ab"),
        "Debug never shows the secret"
    );
}

#[test]
fn hex_is_two_lowercase_digits_per_byte() {
    let all: Vec<u8> = (0..=255).collect();
    let expected: String = all.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(to_hex(&all), expected);
    assert_eq!(to_hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    assert_eq!(to_hex(&[]), "");
}

#[test]
fn a_record_id_is_32_lowercase_hex_digits() {
    assert!(is_record_id("019aee2b07d1a4c06e8e55f2c0a9d41b"));
    assert!(is_record_id(&to_hex(&[0xff; 16])));
    for not_one in [
        "",
        "019aee2b07d1a4c06e8e55f2c0a9d41",   // 31 digits
        "019aee2b07d1a4c06e8e55f2c0a9d41b0", // 33
        "019AEE2B07D1A4C06E8E55F2C0A9D41B",  // upper case
        "019aee2b07d1a4c06e8e55f2c0a9d4\0b", // a NUL in its place
        "019aee2b07d1a4c06e8e55f2c0a9d4gb",
        " 019aee2b07d1a4c06e8e55f2c0a9d41",
    ] {
        assert!(!is_record_id(not_one), "{not_one:?}");
    }
}

#[test]
fn numbers_read_as_typed_at_a_kiosk() {
    let read = |s: &str| TicketNumber::read(s).map(|n| n.to_string());
    assert_eq!(read("P-017").as_deref(), Some("P-017"));
    assert_eq!(read(" p17 ").as_deref(), Some("P-017"));
    assert_eq!(read("Р 17").as_deref(), Some("P-017"), "a Cyrillic Р");
    assert_eq!(read("х-5").as_deref(), Some("X-005"), "a Cyrillic х");
    assert_eq!(read("Ж-017"), None);
    assert_eq!(read("P-0"), None);
    assert_eq!(read("P-12345"), None);
    assert_eq!(read("P"), None);
    assert_eq!(read(""), None);
}

#[test]
fn a_ukrainian_voice_says_the_letter_seen() {
    let spoken = |prefix, seq| TicketNumber { prefix, seq }.spoken();
    assert_eq!(spoken('P', 17), "Р 17");
    assert_eq!(spoken('B', 3), "В 3");
    assert_eq!(spoken('Z', 120), "Z 120", "no look-alike: as it is");
}

proptest::proptest! {
    #[test]
    fn a_number_reads_back_as_shown(prefix in proptest::char::range('A', 'Z'), seq in 1u16..=999) {
        let n = TicketNumber { prefix, seq };
        proptest::prop_assert_eq!(TicketNumber::read(&n.to_string()), Some(n));
        proptest::prop_assert_eq!(TicketNumber::read(&n.spoken()), Some(n));
    }
}
