//! Languages and bilingual texts.
//!
//! Ukrainian is the default and always present; English is the second language and
//! falls back to Ukrainian where a catalog entry has no translation yet.

use serde::{Deserialize, Serialize};

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Ukrainian, the default.
    #[default]
    Uk,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, default first.
    pub const ALL: [Lang; 2] = [Lang::Uk, Lang::En];

    /// The BCP 47 tag, for `lang` attributes and `Accept-Language` matching.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Uk => "uk",
            Lang::En => "en",
        }
    }

    /// Parses a tag such as `uk`, `uk-UA` or `en-GB`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "uk" | "ua" => Some(Lang::Uk),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in Ukrainian with an optional English translation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text {
    /// The Ukrainian text (authoritative).
    pub uk: String,
    /// The English translation, if one has been written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// A text with both languages.
    pub fn new(uk: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            uk: uk.into(),
            en: Some(en.into()),
        }
    }

    /// A Ukrainian-only text.
    pub fn uk(uk: impl Into<String>) -> Self {
        Text {
            uk: uk.into(),
            en: None,
        }
    }

    /// The text in `lang`, falling back to Ukrainian.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.uk,
        }
    }

    /// True when the Ukrainian text is blank (a catalog error).
    pub fn is_blank(&self) -> bool {
        self.uk.trim().is_empty()
    }
}

/// Something that has a user-facing message in every language: every error a user
/// can see implements it, so the browser and the server show the same words.
pub trait Localized {
    /// The message in `lang`.
    fn message(&self, lang: Lang) -> String;
}

/// Picks the Ukrainian or the English variant.
pub(crate) fn pick(lang: Lang, uk: String, en: String) -> String {
    match lang {
        Lang::Uk => uk,
        Lang::En => en,
    }
}

/// The Ukrainian form of a word after the number `n`: `one` (1, 21, …),
/// `few` (2–4, 22–24, …) or `many` (0, 5–20, 25–30, …).
pub fn plural_uk<'a>(n: u32, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_ukrainian() {
        let t = Text::uk("Паспорт");
        assert_eq!(t.get(Lang::En), "Паспорт");
        let t = Text::new("Паспорт", "Passport");
        assert_eq!(t.get(Lang::En), "Passport");
        assert_eq!(t.get(Lang::Uk), "Паспорт");
    }

    #[test]
    fn ukrainian_plurals() {
        let f = |n| plural_uk(n, "особа", "особи", "осіб");
        let got: Vec<_> = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112]
            .map(f)
            .into();
        assert_eq!(
            got,
            [
                "осіб",
                "особа",
                "особи",
                "особи",
                "осіб",
                "осіб",
                "осіб",
                "осіб",
                "особа",
                "особи",
                "осіб",
                "особа",
                "осіб",
                "осіб"
            ]
        );
    }

    #[test]
    fn tags_parse() {
        assert_eq!(Lang::from_tag("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
