//! The receipt code: what a paid receipt carries and what anyone may type
//! at `/check` to see that it is real. Sixteen symbols of Crockford's
//! base 32 (no I, L, O or U, so nothing reads as another), grouped by four
//! (`7K2M-Q9XD-4TNB-WH3R`): fifteen random symbols (75 bits, from the
//! server's CSPRNG) and a check symbol by Luhn's algorithm mod 32, which
//! catches every single mistyped symbol and most swapped neighbours before
//! a lookup is spent on them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Crockford's base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random symbols in a code.
const BODY: usize = 15;

/// A well-formed receipt code, kept as its sixteen symbols without hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct ReceiptCode(String);

/// Why typed text is not a receipt code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    /// Not sixteen symbols of the alphabet.
    Shape,
    /// The check symbol does not match: a symbol is mistyped.
    Check,
}

fn value(symbol: u8) -> Option<u32> {
    // Crockford's reading of the look-alikes.
    let symbol = match symbol.to_ascii_uppercase() {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        s => s,
    };
    ALPHABET
        .iter()
        .position(|&a| a == symbol)
        .and_then(|p| u32::try_from(p).ok())
}

/// Luhn mod 32 over `values`: the symbol that makes the whole sum zero.
fn check_value(values: &[u32]) -> u32 {
    let mut sum = 0;
    // From the right, every second value (the one next to the check first)
    // doubled, its two base-32 digits added.
    for (i, v) in values.iter().rev().enumerate() {
        let v = if i % 2 == 0 { v * 2 } else { *v };
        sum += v / 32 + v % 32;
    }
    (32 - sum % 32) % 32
}

impl ReceiptCode {
    /// A code from ten random bytes (the first 75 of their 80 bits).
    pub fn from_random(bytes: [u8; 10]) -> ReceiptCode {
        let bits = bytes.iter().fold(0u128, |acc, b| acc << 8 | u128::from(*b));
        let values: Vec<u32> = (0..BODY)
            .map(|i| {
                let shift = 80 - 5 * (i + 1);
                u32::try_from(bits >> shift & 31).unwrap_or(0)
            })
            .collect();
        let check = check_value(&values);
        let code = values
            .iter()
            .chain(std::iter::once(&check))
            .map(|v| char::from(ALPHABET[*v as usize]))
            .collect();
        ReceiptCode(code)
    }

    /// Reads a typed code: case, spaces and hyphens do not matter, and O, I
    /// and L read as 0, 1 and 1.
    pub fn parse(typed: &str) -> Result<ReceiptCode, CodeError> {
        let symbols: Vec<u8> = typed
            .bytes()
            .filter(|b| !matches!(b, b'-' | b' ' | b'\t'))
            .collect();
        if symbols.len() != BODY + 1 {
            return Err(CodeError::Shape);
        }
        let values = symbols
            .iter()
            .map(|s| value(*s))
            .collect::<Option<Vec<u32>>>()
            .ok_or(CodeError::Shape)?;
        if check_value(&values[..BODY]) != values[BODY] {
            return Err(CodeError::Check);
        }
        Ok(ReceiptCode(
            values
                .iter()
                .map(|v| char::from(ALPHABET[*v as usize]))
                .collect(),
        ))
    }

    /// The sixteen symbols without hyphens (as stored).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReceiptCode {
    /// `XXXX-XXXX-XXXX-XXXX`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chunk) in self.0.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(chunk).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

impl TryFrom<String> for ReceiptCode {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        ReceiptCode::parse(&s).map_err(|_| "not a receipt code".to_string())
    }
}

impl From<ReceiptCode> for String {
    fn from(c: ReceiptCode) -> String {
        c.to_string()
    }
}
