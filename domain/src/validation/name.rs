use crate::i18n::{pick, Lang, Localized};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A surname, given name or patronymic: Cyrillic or Latin letters, apostrophes,
/// hyphens and single spaces; one script per word.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct PersonName(String);

/// Why a name was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PersonNameError {
    /// Nothing but white space.
    #[error("the name is empty")]
    Empty,
    /// Longer than [`PersonName::MAX_CHARS`].
    #[error("the name is longer than {max} characters")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// A digit, symbol or letter of another alphabet.
    #[error("the name contains a character that is not allowed")]
    InvalidCharacter,
    /// Cyrillic and Latin letters mixed in one word (often a look-alike typo).
    #[error("a word of the name mixes Cyrillic and Latin letters")]
    MixedScripts,
    /// Starts or ends with a hyphen or apostrophe, or has two in a row.
    #[error("hyphens and apostrophes must stand between letters")]
    MisplacedPunctuation,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Cyrillic,
    Latin,
}

fn script_of(c: char) -> Option<Script> {
    match c {
        '\u{0400}'..='\u{04FF}' if c.is_alphabetic() => Some(Script::Cyrillic),
        'A'..='Z' | 'a'..='z' => Some(Script::Latin),
        // Latin-1 Supplement and Latin Extended-A/B letters (é, ü, ł, ș …).
        '\u{00C0}'..='\u{024F}' if c.is_alphabetic() && c != '×' && c != '÷' => {
            Some(Script::Latin)
        }
        _ => None,
    }
}

/// `s` in Unicode NFC (with the `nfc` feature; the browser app composes its
/// input itself, see `Cargo.toml`).
fn composed(s: String) -> String {
    #[cfg(feature = "nfc")]
    if !s.is_ascii() {
        use unicode_normalization::UnicodeNormalization;
        return s.nfc().collect();
    }
    s
}

/// Every apostrophe people type becomes the Ukrainian letter apostrophe U+02BC.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '‘')
}

impl PersonName {
    /// The longest name accepted, in characters.
    pub const MAX_CHARS: usize = 50;

    /// Parses a name: trims, collapses inner white space, composes letters
    /// typed as a base and a combining mark (Unicode NFC: «й» as «и» + U+0306
    /// is «й»), normalises apostrophes.
    pub fn parse(input: &str) -> Result<Self, PersonNameError> {
        let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
        let collapsed = composed(collapsed);
        if collapsed.is_empty() {
            return Err(PersonNameError::Empty);
        }
        if collapsed.chars().count() > Self::MAX_CHARS {
            return Err(PersonNameError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        let mut out = String::with_capacity(collapsed.len());
        for word in collapsed.split(' ') {
            let mut script = None;
            let mut prev_letter = false;
            for c in word.chars() {
                if let Some(s) = script_of(c) {
                    if script.is_some_and(|known| known != s) {
                        return Err(PersonNameError::MixedScripts);
                    }
                    script = Some(s);
                    prev_letter = true;
                    out.push(c);
                } else if is_apostrophe(c) || c == '-' {
                    if !prev_letter {
                        return Err(PersonNameError::MisplacedPunctuation);
                    }
                    prev_letter = false;
                    out.push(if c == '-' { '-' } else { 'ʼ' });
                } else {
                    return Err(PersonNameError::InvalidCharacter);
                }
            }
            if !prev_letter {
                return Err(PersonNameError::MisplacedPunctuation);
            }
            out.push(' ');
        }
        out.pop();
        Ok(PersonName(out))
    }

    /// The normalised name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as two bookings of one person compare it: the normalised
    /// name in lower case.
    pub fn folded(&self) -> String {
        self.0.to_lowercase()
    }
}

impl<'de> Deserialize<'de> for PersonName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        PersonName::parse(&raw).map_err(serde::de::Error::custom)
    }
}

impl Localized for PersonNameError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::Empty => pick(
                lang,
                "Вкажіть імʼя.".into(),
                "Please enter the name.".into(),
            ),
            Self::TooLong { max } => pick(
                lang,
                format!("Імʼя задовге: щонайбільше {max} символів."),
                format!("The name is too long: at most {max} characters."),
            ),
            Self::InvalidCharacter => pick(
                lang,
                "Імʼя може містити лише літери, апостроф, дефіс і пробіл.".into(),
                "A name may contain only letters, apostrophes, hyphens and spaces.".into(),
            ),
            Self::MixedScripts => pick(
                lang,
                "В одному слові змішано кирилицю й латиницю: перевірте розкладку клавіатури."
                    .into(),
                "One word mixes Cyrillic and Latin letters: check the keyboard layout.".into(),
            ),
            Self::MisplacedPunctuation => pick(
                lang,
                "Дефіс і апостроф мають стояти між літерами.".into(),
                "Hyphens and apostrophes must stand between letters.".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_ukrainian_and_latin_names() {
        for ok in [
            "Шевченко",
            "Іванна-Марія",
            "Дʼяченко",
            "O'Brien",
            "Anna Maria",
            "Łukasz",
            "Євгенія",
            "Ґудзь",
        ] {
            assert!(PersonName::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn normalises_apostrophes_and_spaces() {
        assert_eq!(
            PersonName::parse("  Дьяченко ").map(|n| n.0),
            Ok("Дьяченко".into())
        );
        assert_eq!(
            PersonName::parse("Д'яченко").map(|n| n.0),
            Ok("Дʼяченко".into())
        );
        assert_eq!(
            PersonName::parse("Д’яченко").map(|n| n.0),
            Ok("Дʼяченко".into())
        );
        assert_eq!(
            PersonName::parse("Anna   Maria").map(|n| n.0),
            Ok("Anna Maria".into())
        );
    }

    #[test]
    fn refuses_bad_names() {
        assert_eq!(PersonName::parse("   "), Err(PersonNameError::Empty));
        assert_eq!(
            PersonName::parse("Петро1"),
            Err(PersonNameError::InvalidCharacter)
        );
        assert_eq!(
            PersonName::parse("Петро!"),
            Err(PersonNameError::InvalidCharacter)
        );
        assert_eq!(
            PersonName::parse("Ιωάννης"),
            Err(PersonNameError::InvalidCharacter)
        );
        // Latin "I" and "a" inside a Cyrillic word.
        assert_eq!(
            PersonName::parse("Iвaн"),
            Err(PersonNameError::MixedScripts)
        );
        assert_eq!(
            PersonName::parse("-Іван"),
            Err(PersonNameError::MisplacedPunctuation)
        );
        assert_eq!(
            PersonName::parse("Іван-"),
            Err(PersonNameError::MisplacedPunctuation)
        );
        assert_eq!(
            PersonName::parse("Іван--Петро"),
            Err(PersonNameError::MisplacedPunctuation)
        );
        let long = "А".repeat(51);
        assert_eq!(
            PersonName::parse(&long),
            Err(PersonNameError::TooLong { max: 50 })
        );
        assert!(PersonName::parse(&"А".repeat(50)).is_ok());
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let e = PersonNameError::MixedScripts;
        assert!(e.message(Lang::Uk).contains("кирилицю"));
        assert!(e.message(Lang::En).contains("Cyrillic"));
    }

    proptest! {
        #[test]
        fn never_panics_and_output_reparses(s in "\\PC{0,80}") {
            if let Ok(name) = PersonName::parse(&s) {
                prop_assert_eq!(PersonName::parse(name.as_str()), Ok(name.clone()));
                prop_assert!(name.as_str().chars().count() <= PersonName::MAX_CHARS);
            }
        }

        #[test]
        fn cyrillic_words_are_accepted(s in "[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ]{1,20}( [А-ЩЬЮЯЄІЇҐа-щьюяєіїґ]{1,20})?") {
            prop_assert!(PersonName::parse(&s).is_ok());
        }
    }
}
