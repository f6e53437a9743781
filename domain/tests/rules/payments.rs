//! Paying a ticket: the quote's lines to payments, the amount in words, the
//! receipt code's form and check symbol, the recipients' checks.

use crate::common::{catalog, d, service};
use domain::checklist::{Answers, Loss};
use domain::fees::FeeKind;
use domain::pay::{
    in_words, is_uk_iban, order_id, parts, payment_of_order, CodeError, MoneyRule, ReceiptCode,
};
use domain::ticket::TicketStatus;
use domain::{Lang, Money};
use proptest::prelude::*;

#[test]
fn the_seed_quote_makes_two_payments_one_per_recipient() {
    let c = catalog();
    let q = service(&c, "passport-lost-stolen")
        .fees
        .quote(d(2026, 12, 6), &Answers::typical())
        .unwrap();
    let p = parts(&q).unwrap();
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].recipient, "demo-dms-fees");
    assert_eq!(p[0].kinds, vec![FeeKind::Service, FeeKind::Blank]);
    assert_eq!(p[0].amount, Money::from_hryvnias(345));
    assert_eq!(p[1].recipient, "demo-state-duty");
    assert_eq!(p[1].kinds, vec![FeeKind::StateDuty]);
    assert_eq!(p[1].amount, Money::from_hryvnias(34));
    // Every payment's recipient is in the catalog, marked demo.
    assert!(p
        .iter()
        .all(|p| c.recipient(&p.recipient).is_some_and(|r| r.demo)));
}

#[test]
fn an_exempt_line_asks_for_no_payment() {
    let c = catalog();
    let stolen = Answers {
        loss: Loss::Stolen,
        ..Answers::typical()
    };
    let q = service(&c, "passport-lost-stolen")
        .fees
        .quote(d(2026, 12, 6), &stolen)
        .unwrap();
    let p = parts(&q).unwrap();
    assert_eq!(p.len(), 1, "no state duty for a stolen passport");
    assert_eq!(p[0].amount, Money::from_hryvnias(345));
    // Urgent: the dearer service line, still one payment with the blank.
    let urgent = Answers {
        urgent: true,
        ..stolen
    };
    let q = service(&c, "passport-lost-stolen")
        .fees
        .quote(d(2026, 12, 6), &urgent)
        .unwrap();
    assert_eq!(parts(&q).unwrap()[0].amount, Money::from_hryvnias(471));
}

#[test]
fn a_charged_line_without_a_known_recipient_is_refused_by_the_catalog() {
    let text = include_str!("../../../data/catalog.toml").replacen(
        "recipient = \"demo-state-duty\"\n",
        "recipient = \"nobody\"\n",
        1,
    );
    let file: domain::catalog::CatalogFile = toml::from_str(&text).unwrap();
    let err = file.check().unwrap_err();
    assert!(err.to_string().contains("nobody"), "{err}");
    // A recipient with a broken IBAN is refused too.
    let text = include_str!("../../../data/catalog.toml").replacen(
        "UA599999990000000000000000001",
        "UA589999990000000000000000001",
        1,
    );
    let file: domain::catalog::CatalogFile = toml::from_str(&text).unwrap();
    assert!(file.check().unwrap_err().to_string().contains("IBAN"));
}

#[test]
fn ibans_are_checked_by_mod_97() {
    // A published example of a Ukrainian IBAN (PrivatBank's format page).
    assert!(is_uk_iban("UA213223130000026007233566001"));
    assert!(!is_uk_iban("UA213223130000026007233566002"));
    assert!(!is_uk_iban("PL213223130000026007233566001"));
    assert!(!is_uk_iban("UA2132231300000260072335660"));
}

#[test]
fn amounts_in_ukrainian_words() {
    let uk = |k| in_words(Money::from_kopiykas(k), Lang::Uk);
    assert_eq!(uk(34500), "триста сорок п'ять гривень 00 копійок");
    assert_eq!(uk(3400), "тридцять чотири гривні 00 копійок");
    assert_eq!(uk(47100), "чотириста сімдесят одна гривня 00 копійок");
    assert_eq!(uk(101), "одна гривня 01 копійка");
    assert_eq!(uk(1112), "одинадцять гривень 12 копійок");
    assert_eq!(uk(222), "дві гривні 22 копійки");
    assert_eq!(uk(5), "нуль гривень 05 копійок");
    assert_eq!(uk(200_000), "дві тисячі гривень 00 копійок");
    assert_eq!(uk(2_100_000), "двадцять одна тисяча гривень 00 копійок");
    assert_eq!(
        uk(12_345_678_900),
        "сто двадцять три мільйони чотириста п'ятдесят шість тисяч сімсот вісімдесят дев'ять гривень 00 копійок"
    );
    assert_eq!(
        uk(100_001_400),
        "один мільйон чотирнадцять гривень 00 копійок"
    );
}

#[test]
fn amounts_in_english_words() {
    let en = |k| in_words(Money::from_kopiykas(k), Lang::En);
    assert_eq!(en(34500), "three hundred forty-five hryvnias 00 kopiykas");
    assert_eq!(en(101), "one hryvnia 01 kopiyka");
    assert_eq!(en(2_100_050), "twenty-one thousand hryvnias 50 kopiykas");
}

#[test]
fn receipt_codes_have_their_form() {
    let code = ReceiptCode::from_random([0x5a; 10]);
    let shown = code.to_string();
    assert_eq!(shown.len(), 19);
    assert_eq!(shown.matches('-').count(), 3);
    assert!(shown
        .chars()
        .all(|c| c == '-' || "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)));
    // Read back however it is typed.
    assert_eq!(ReceiptCode::parse(&shown), Ok(code.clone()));
    assert_eq!(ReceiptCode::parse(&shown.to_lowercase()), Ok(code.clone()));
    assert_eq!(
        ReceiptCode::parse(&shown.replace('-', " ")),
        Ok(code.clone())
    );
    assert_eq!(ReceiptCode::parse("1234"), Err(CodeError::Shape));
    assert_eq!(
        ReceiptCode::parse("UUUU-UUUU-UUUU-UUUU"),
        Err(CodeError::Shape)
    );
}

#[test]
fn look_alikes_read_as_the_symbols_they_resemble() {
    // All zeros and ones: check symbol by hand (Luhn mod 32).
    let code = ReceiptCode::from_random([0; 10]);
    assert_eq!(code.to_string(), "0000-0000-0000-0000");
    assert_eq!(ReceiptCode::parse("oooo-OOOO-0000-0000"), Ok(code));
    let ones = ReceiptCode::parse("0000-0000-0000-01").err();
    assert_eq!(ones, Some(CodeError::Shape));
}

#[test]
fn bank_codes_are_read_as_typed_from_paper() {
    use domain::pay::{bank_code, PayError};
    assert_eq!(
        bank_code("1a2b-3c4d 5e6f-7a8b").as_deref(),
        Ok("1A2B3C4D5E6F7A8B")
    );
    assert_eq!(bank_code("1234567").unwrap_err(), PayError::BadCode);
    assert_eq!(bank_code("1234-5678-ЯЯЯЯ").unwrap_err(), PayError::BadCode);
    assert_eq!(bank_code(&"9".repeat(33)).unwrap_err(), PayError::BadCode);
}

#[test]
fn a_check_shows_initials_only() {
    assert_eq!(domain::pay::initials("Олена", "Коваль"), "О. К.");
    assert_eq!(domain::pay::initials("", "Коваль"), "К.");
}

#[test]
fn payments_name_their_order_ids() {
    let id = "0123456789abcdef0123456789abcdef";
    assert_eq!(payment_of_order(&order_id(id)), Some(id));
    assert_eq!(payment_of_order("cherga-../../x"), None);
    assert_eq!(payment_of_order(id), None);
}

#[test]
fn the_money_of_a_ticket_that_ends_without_its_visit() {
    assert_eq!(
        MoneyRule::when_ended(TicketStatus::Cancelled),
        Some(MoneyRule::Refund)
    );
    assert_eq!(
        MoneyRule::when_ended(TicketStatus::Annulled),
        Some(MoneyRule::Kept)
    );
    assert_eq!(MoneyRule::when_ended(TicketStatus::Served), None);
    assert_eq!(MoneyRule::when_ended(TicketStatus::Booked), None);
}

proptest! {
    /// Every single mistyped symbol is caught by the check symbol.
    #[test]
    fn one_wrong_symbol_is_always_caught(bytes in any::<[u8; 10]>(), at in 0usize..16, delta in 1u8..32) {
        let alphabet = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let code = ReceiptCode::from_random(bytes);
        let mut symbols: Vec<u8> = code.as_str().bytes().collect();
        let pos = alphabet.iter().position(|&a| a == symbols[at]).unwrap();
        symbols[at] = alphabet[(pos + usize::from(delta)) % 32];
        let typed = String::from_utf8(symbols).unwrap();
        prop_assert_eq!(ReceiptCode::parse(&typed), Err(CodeError::Check));
    }

    /// Codes from different random bytes differ (75 of the 80 bits are kept).
    #[test]
    fn codes_keep_75_bits(a in any::<[u8; 10]>(), b in any::<[u8; 10]>()) {
        let same_bits = |x: [u8; 10]| (u128::from_be_bytes({
            let mut w = [0u8; 16];
            w[6..].copy_from_slice(&x);
            w
        })) >> 5;
        prop_assert_eq!(
            ReceiptCode::from_random(a) == ReceiptCode::from_random(b),
            same_bits(a) == same_bits(b)
        );
    }

    /// Words never panic and always end with the kopiykas in figures.
    #[test]
    fn any_amount_has_words(k in any::<u64>()) {
        let w = in_words(Money::from_kopiykas(k), Lang::Uk);
        let kop = format!("{:02}", k % 100);
        prop_assert!(w.contains(&kop));
    }
}
