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
