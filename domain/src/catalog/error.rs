//! What is wrong with a catalog file, in both languages (its own module, so
//! that the checks and the catalog's constructor both depend on it, one way).

use crate::i18n::{pick, Lang, Localized};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What is wrong with a catalog file. `at` names the entry (ids only, never
/// personal data).
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CatalogError {
    /// An id is malformed or used twice.
    #[error("{at}: the id is malformed or not unique")]
    BadId {
        /// The entry.
        at: String,
    },
    /// A reference to a category, service or office that does not exist.
    #[error("{at}: refers to unknown {target}")]
    UnknownReference {
        /// The entry.
        at: String,
        /// The missing id.
        target: String,
    },
    /// A required text is blank.
    #[error("{at}: a required text is empty")]
    BlankText {
        /// The entry.
        at: String,
    },
    /// Hours, breaks or closures that cannot be.
    #[error("{at}: the hours are inconsistent")]
    BadHours {
        /// The entry.
        at: String,
    },
    /// Terms, durations, tariffs or shares out of range.
    #[error("{at}: {detail}")]
    BadValue {
        /// The entry.
        at: String,
        /// What is wrong (for the administrator).
        detail: String,
    },
}

impl Localized for CatalogError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::BadId { at } => pick(
                lang,
                format!("{at}: ідентифікатор має неправильний вигляд або повторюється."),
                format!("{at}: the id is malformed or not unique."),
            ),
            Self::UnknownReference { at, target } => pick(
                lang,
                format!("{at}: посилання на невідомий запис «{target}»."),
                format!("{at}: refers to the unknown entry “{target}”."),
            ),
            Self::BlankText { at } => pick(
                lang,
                format!("{at}: обовʼязковий текст порожній."),
                format!("{at}: a required text is empty."),
            ),
            Self::BadHours { at } => pick(
                lang,
                format!("{at}: години роботи, перерви чи дні закриття суперечливі."),
                format!("{at}: the hours, breaks or closures are inconsistent."),
            ),
            Self::BadValue { at, detail } => pick(
                lang,
                format!("{at}: неприпустиме значення ({detail})."),
                format!("{at}: invalid value ({detail})."),
            ),
        }
    }
}
