//! Money as whole kopiykas: exact, never floating point.

use crate::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in hryvnias, stored as integer kopiykas (1 UAH = 100 kopiykas).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Money(u64);

impl Money {
    /// Zero hryvnias.
    pub const ZERO: Money = Money(0);

    /// An amount of kopiykas.
    pub const fn from_kopiykas(kop: u64) -> Self {
        Money(kop)
    }

    /// A whole number of hryvnias.
    pub const fn from_hryvnias(uah: u64) -> Self {
        Money(uah * 100)
    }

    /// The amount in kopiykas.
    pub const fn kopiykas(self) -> u64 {
        self.0
    }

    /// Adds, or `None` on overflow (never silently wraps).
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Sums amounts, or `None` on overflow.
    pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Option<Money> {
        items
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// Formats for people: `345,00 грн` in Ukrainian, `UAH 345.00` in English,
    /// with a thin group separator for thousands.
    pub fn format(self, lang: Lang) -> String {
        let uah = self.0 / 100;
        let kop = self.0 % 100;
        let digits = uah.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(match lang {
                    Lang::Uk => '\u{202F}',
                    Lang::En => ',',
                });
            }
            grouped.push(c);
        }
        match lang {
            Lang::Uk => format!("{grouped},{kop:02}\u{00A0}грн"),
            Lang::En => format!("UAH\u{00A0}{grouped}.{kop:02}"),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02} UAH", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_per_language() {
        assert_eq!(
            Money::from_hryvnias(345).format(Lang::Uk),
            "345,00\u{a0}грн"
        );
        assert_eq!(
            Money::from_kopiykas(12_345_678).format(Lang::En),
            "UAH\u{a0}123,456.78"
        );
        assert_eq!(Money::from_kopiykas(5).format(Lang::En), "UAH\u{a0}0.05");
        assert_eq!(
            Money::from_hryvnias(1000).format(Lang::Uk),
            "1\u{202f}000,00\u{a0}грн"
        );
    }

    #[test]
    fn overflow_is_reported_not_wrapped() {
        assert_eq!(
            Money::from_kopiykas(u64::MAX).checked_add(Money::from_kopiykas(1)),
            None
        );
    }

    proptest! {
        #[test]
        fn sum_is_exact(parts in proptest::collection::vec(0u64..100_000_000, 0..20)) {
            let total = Money::sum(parts.iter().copied().map(Money::from_kopiykas)).map(Money::kopiykas);
            prop_assert_eq!(total, Some(parts.iter().sum::<u64>()));
        }
    }
}
