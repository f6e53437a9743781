//! The service's help pages: «Інструкція з користування сервісом» (`/help`)
//! and «Відповіді на часті запитання» (`/faq`), in Ukrainian and English,
//! written by the system administrator in Markdown and shown to applicants
//! as pages of their own. What a page's text must be to be saved.

use crate::i18n::{pick, Lang, Localized};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The longest text of a page (bytes): some twenty screens of reading.
pub const MAX_BYTES: usize = 64 * 1024;

/// A help page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HelpPage {
    /// How to book, change, pay and check in (`/help`).
    Guide,
    /// Frequently asked questions (`/faq`).
    Faq,
}

impl HelpPage {
    /// Every page.
    pub const ALL: [HelpPage; 2] = [HelpPage::Guide, HelpPage::Faq];

    /// Its id, as stored and in its file's name (`data/help/guide.uk.md`).
    pub fn id(self) -> &'static str {
        match self {
            HelpPage::Guide => "guide",
            HelpPage::Faq => "faq",
        }
    }

    /// Its address.
    pub fn path(self) -> &'static str {
        match self {
            HelpPage::Guide => "/help",
            HelpPage::Faq => "/faq",
        }
    }

    /// The page at `path`, if one is there.
    pub fn at(path: &str) -> Option<HelpPage> {
        let path = path.strip_suffix('/').unwrap_or(path);
        Self::ALL.into_iter().find(|p| p.path() == path)
    }

    /// The page of stored id `id`.
    pub fn parse(id: &str) -> Option<HelpPage> {
        Self::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// Why a page's text cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HelpError {
    /// It does not start with its title (`# …`).
    #[error("the page must start with its title")]
    NoTitle,
    /// It is longer than [`MAX_BYTES`].
    #[error("the page is too long")]
    TooLong {
        /// The most allowed.
        max: u32,
    },
}

impl Localized for HelpError {
    fn message(&self, lang: Lang) -> String {
        match self {
            HelpError::NoTitle => pick(
                lang,
                "Сторінка має починатися із заголовка: рядка «# Назва».".into(),
                "The page must start with its title: a line “# Title”.".into(),
            ),
            HelpError::TooLong { max } => pick(
                lang,
                format!("Сторінка задовга: щонайбільше {max} байтів."),
                format!("The page is too long: {max} bytes at most."),
            ),
        }
    }
}

/// Checks a page's text; answers its title (the first line without `# `).
pub fn check(text: &str) -> Result<&str, HelpError> {
    if text.len() > MAX_BYTES {
        return Err(HelpError::TooLong {
            max: u32::try_from(MAX_BYTES).unwrap_or(u32::MAX),
        });
    }
    let first = text.trim_start().lines().next().unwrap_or_default();
    match first.strip_prefix("# ").map(str::trim) {
        Some(title) if !title.is_empty() => Ok(title),
        _ => Err(HelpError::NoTitle),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_found_by_address_and_id() {
        assert_eq!(HelpPage::at("/help"), Some(HelpPage::Guide));
        assert_eq!(HelpPage::at("/faq/"), Some(HelpPage::Faq));
        assert_eq!(HelpPage::at("/helpers"), None);
        assert_eq!(HelpPage::parse("faq"), Some(HelpPage::Faq));
        assert_eq!(HelpPage::parse("FAQ"), None);
    }

    #[test]
    fn a_page_starts_with_its_title_and_has_a_bound() {
        assert_eq!(check("# Питання\n\nТекст"), Ok("Питання"));
        assert_eq!(check("\n  # Title  \n"), Ok("Title"));
        assert_eq!(check("Текст без заголовка"), Err(HelpError::NoTitle));
        assert_eq!(check("#  \nx"), Err(HelpError::NoTitle));
        assert_eq!(check("## Підзаголовок"), Err(HelpError::NoTitle));
        let long = format!("# T\n{}", "я".repeat(MAX_BYTES));
        assert!(matches!(check(&long), Err(HelpError::TooLong { .. })));
    }
}
