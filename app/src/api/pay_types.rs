//! The types of paying a ticket's fees online.

use domain::money::Money;
use domain::pay::PayState;
use domain::{Lang, Text};
use serde::{Deserialize, Serialize};

/// One payment a ticket asks for (the lines due to one recipient), and
/// where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaymentView {
    /// The recipient's id (what `pay` names).
    pub recipient: String,
    /// The recipient's name.
    pub recipient_name: Text,
    /// A made-up recipient of the demo.
    pub demo: bool,
    /// What the payment covers, by the quote's labels.
    pub labels: Vec<Text>,
    /// The amount.
    pub amount: Money,
    /// Where it stands.
    pub state: PayState,
    /// Paid: the receipt's code (`XXXX-XXXX-XXXX-XXXX`).
    #[serde(default)]
    pub receipt_code: Option<String>,
    /// Paid: the day (Kyiv), `YYYY-MM-DD`.
    #[serde(default)]
    pub paid_on: Option<chrono::NaiveDate>,
}

/// Pay one of a ticket's payments online.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PayRequest {
    /// The ticket's id.
    pub id: String,
    /// Its access token (or empty, for the signed-in contact).
    pub token: String,
    /// The recipient whose payment to make.
    pub recipient: String,
    /// The language of the provider's page.
    #[serde(default)]
    pub lang: Lang,
}

/// Where the browser goes to pay: the provider's checkout page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PayStart {
    /// The checkout's address, signed request included.
    pub url: String,
}

/// Check a receipt by its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckRequest {
    /// The code as typed (case, spaces and hyphens do not matter).
    pub code: String,
}

/// A real receipt of this system: what it paid, and for which ticket. No
/// personal data beyond the payer's initials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReceiptCheck {
    /// The code, as printed.
    pub code: String,
    /// `paid`, or `refunded` (the money went back: not a proof of payment).
    pub state: PayState,
    /// The amount.
    pub amount: Money,
    /// What it paid for.
    pub labels: Vec<Text>,
    /// The service.
    pub service_name: Text,
    /// The recipient.
    pub recipient_name: Text,
    /// The day it was paid (Kyiv).
    pub paid_on: chrono::NaiveDate,
    /// The office of the ticket.
    pub office_name: Text,
    /// The ticket's board number.
    pub number: String,
    /// The payer's initials (`О. К.`).
    pub initials: String,
    /// Paid on the sandbox or to a demo recipient: no money moved.
    #[serde(default)]
    pub demo: bool,
}
