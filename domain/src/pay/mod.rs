//! Paying a ticket's fees: who receives each line of the quote, the
//! payments the lines make (one per recipient: the lines that go to one
//! account are paid together, the others apart, as the fee data names
//! them), a payment's state, what becomes of the money when a ticket ends,
//! the amount in words and the receipt code.

pub mod code;
pub mod words;

use crate::fees::{FeeKind, Quote};
use crate::i18n::Text;
use crate::money::Money;
use serde::{Deserialize, Serialize};

pub use code::{CodeError, ReceiptCode};
pub use words::in_words;

/// Who receives a fee: an account in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recipient {
    /// Its id, named by the tariffs' lines.
    pub id: String,
    /// Its name, as the receipt prints it.
    pub name: Text,
    /// Its code in the state register of enterprises (ЄДРПОУ), eight digits.
    pub code: String,
    /// Its account, a Ukrainian IBAN.
    pub iban: String,
    /// A made-up account of the demo: never a real recipient.
    #[serde(default)]
    pub demo: bool,
}

/// True if `iban` is a Ukrainian IBAN (`UA`, two check digits, 25 more
/// digits) whose check digits are right (ISO 13616, mod 97).
pub fn is_uk_iban(iban: &str) -> bool {
    let b = iban.as_bytes();
    if b.len() != 29 || &b[..2] != b"UA" || !b[2..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    // The country and check digits moved to the end, letters as 10–35.
    let rearranged = iban[4..].chars().chain(iban[..4].chars());
    let mut rem = 0u32;
    for c in rearranged {
        let v = c.to_digit(36).unwrap_or(0);
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

impl Recipient {
    /// What is wrong with the recipient's data, if anything.
    pub fn fault(&self) -> Option<&'static str> {
        if self.id.is_empty() || self.name.is_blank() {
            return Some("id or name missing");
        }
        if self.code.len() != 8 || !self.code.bytes().all(|b| b.is_ascii_digit()) {
            return Some("code is not eight digits");
        }
        (!is_uk_iban(&self.iban)).then_some("iban is not a valid Ukrainian IBAN")
    }
}

/// One payment a ticket asks for: the lines due to one recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Part {
    /// The recipient's id.
    pub recipient: String,
    /// What the lines pay for, in quote order.
    pub kinds: Vec<FeeKind>,
    /// Their labels, in the same order.
    pub labels: Vec<Text>,
    /// The sum of the lines.
    pub amount: Money,
}

/// The payments `quote` asks for, in the order their recipients first
/// appear in it; lines with nothing due (exempt) are left out, and a quote
/// with nothing due asks for none. `None` if a line due names no recipient
/// or a sum overflows (a catalog that the checks would refuse).
pub fn parts(quote: &Quote) -> Option<Vec<Part>> {
    let mut out: Vec<Part> = Vec::new();
    for line in quote.lines.iter().filter(|l| l.amount > Money::ZERO) {
        let recipient = line.recipient.as_ref()?;
        let i = match out.iter().position(|p| &p.recipient == recipient) {
            Some(i) => i,
            None => {
                out.push(Part {
                    recipient: recipient.clone(),
                    kinds: Vec::new(),
                    labels: Vec::new(),
                    amount: Money::ZERO,
                });
                out.len() - 1
            }
        };
        let part = &mut out[i];
        part.kinds.push(line.kind);
        part.labels.push(line.label.clone());
        part.amount = part.amount.checked_add(line.amount)?;
    }
    Some(out)
}

/// Where a payment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PayState {
    /// Nothing paid yet (or a try failed).
    Unpaid,
    /// Sent to the provider, its answer not yet final.
    Pending,
    /// Paid: the receipt exists.
    Paid,
    /// Paid, then returned to the payer.
    Refunded,
}

/// What becomes of a ticket's money when it ends without its visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MoneyRule {
    /// Returned to the card in full, through the provider.
    Refund,
    /// Kept: the receipt stays a proof of payment for the same service at a
    /// later visit, as a bank's receipt would.
    Kept,
}

impl MoneyRule {
    /// The rule for a ticket that ended as `status` without its service:
    /// the applicant who cancels gets the online payments back; an
    /// annulled ticket (absent, or its day past) keeps them, since the fee
    /// is for the service, which a new visit still gets. `None` while the
    /// ticket lives, and for a served one (the money was for that).
    pub fn when_ended(status: crate::ticket::TicketStatus) -> Option<MoneyRule> {
        use crate::ticket::TicketStatus as S;
        match status {
            S::Cancelled => Some(MoneyRule::Refund),
            S::Annulled => Some(MoneyRule::Kept),
            _ => None,
        }
    }
}

/// The most of a payer a receipt check shows: the initials of the given
/// name and the surname (`О. К.`), never the name.
pub fn initials(given: &str, surname: &str) -> String {
    [given, surname]
        .iter()
        .filter_map(|n| n.chars().next())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The order id sent to the provider for a payment: `cherga-` and the
/// payment's own id, so that a callback names the payment and nothing else.
pub fn order_id(payment_id: &str) -> String {
    format!("cherga-{payment_id}")
}

/// The payment id an order id names, if it is one of ours.
pub fn payment_of_order(order_id: &str) -> Option<&str> {
    order_id
        .strip_prefix("cherga-")
        .filter(|id| crate::ticket::is_record_id(id))
}

/// Why a payment cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PayError {
    /// Nothing is due to that recipient for this ticket.
    #[error("nothing is due")]
    NothingDue,
    /// That payment is made already.
    #[error("already paid")]
    AlreadyPaid,
    /// Online payment is not set up for that recipient.
    #[error("online payment is not available")]
    Unavailable,
    /// A typed receipt code that cannot be one (a symbol mistyped).
    #[error("not a receipt code")]
    BadCode,
    /// A bank's receipt code recorded already (on this or another ticket).
    #[error("the receipt code is used already")]
    CodeUsed,
    /// The amount is not what the payment is due.
    #[error("the amount is not the one due")]
    WrongAmount,
}

/// A bank's receipt code as the office types it from the paper (the code
/// that the «check» program reads, such as `1A2B-3C4D-5E6F-7G8H`): 8 to 32
/// letters and digits once spaces and hyphens are left out, upper case.
pub fn bank_code(typed: &str) -> Result<String, PayError> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\t'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let fits = (8..=32).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric());
    fits.then_some(code).ok_or(PayError::BadCode)
}

impl crate::i18n::Localized for PayError {
    fn message(&self, lang: crate::Lang) -> String {
        let (uk, en) = match self {
            Self::NothingDue => (
                "За цим талоном цьому отримувачу нічого не належить сплатити.",
                "Nothing is due to this recipient for this ticket.",
            ),
            Self::AlreadyPaid => (
                "Цей платіж уже сплачено: квитанція нижче.",
                "This payment is already made: the receipt is below.",
            ),
            Self::BadCode => (
                "Код квитанції введено з помилкою: звірте його з квитанцією (16 знаків, як-от 7K2M-Q9XD-4TNB-WH3R).",
                "The receipt code has a typo: check it against the receipt (16 symbols, such as 7K2M-Q9XD-4TNB-WH3R).",
            ),
            Self::CodeUsed => (
                "Квитанцію з цим кодом уже зараховано: один платіж не оплачує двох талонів.",
                "A receipt with this code is recorded already: one payment never pays for two tickets.",
            ),
            Self::WrongAmount => (
                "Сума квитанції не дорівнює сумі, яку належить сплатити цьому отримувачу.",
                "The receipt's amount is not the amount due to this recipient.",
            ),
            Self::Unavailable => (
                "Онлайн-оплата цьому отримувачу зараз недоступна. Сплатіть у банку й візьміть квитанцію з собою.",
                "Online payment to this recipient is not available now. Pay at a bank and bring the receipt.",
            ),
        };
        crate::i18n::pick(lang, uk.into(), en.into())
    }
}
