//! The help pages' texts, for the system administrator (`admin_help`,
//! `admin_help_save`): Markdown, shown to applicants at `/help` and `/faq`.

use domain::help::HelpPage;
use domain::Lang;
use serde::{Deserialize, Serialize};

/// `admin_help`: a page in a language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpRequest {
    /// The page.
    pub page: HelpPage,
    /// Its language.
    pub lang: Lang,
}

/// `admin_help` answers it; `admin_help_save` takes it and answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpText {
    /// The page.
    pub page: HelpPage,
    /// Its language.
    pub lang: Lang,
    /// Its text in Markdown, starting with its title (`# …`); empty when
    /// none was written.
    pub text: String,
}
