//! Counts of people as ranges.

use serde::{Deserialize, Serialize};

/// A count of people as a range: "33" is {33, 33}, "more than 300" is {301, null},
/// "dozens" is {24, null}. Either bound may be unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Count {
    /// Lowest value the text supports.
    pub min: Option<u32>,
    /// Highest value the text supports; null when open-ended.
    pub max: Option<u32>,
}

impl Count {
    /// An exact count.
    pub fn exact(n: u32) -> Self {
        Count {
            min: Some(n),
            max: Some(n),
        }
    }

    /// A range between two bounds.
    pub fn range(min: Option<u32>, max: Option<u32>) -> Self {
        Count { min, max }
    }

    /// The sum of two counts (one civilian and six assailants): bounds add,
    /// an open upper bound stays open.
    pub fn plus(self, other: Count) -> Count {
        Count {
            min: Some(self.min.unwrap_or(0).saturating_add(other.min.unwrap_or(0))),
            max: match (self.max, other.max) {
                (Some(a), Some(b)) => Some(a.saturating_add(b)),
                _ => None,
            },
        }
    }

    /// ACLED's single number: the lowest reported count, 0 when unknown.
    pub fn acled_value(self) -> u32 {
        self.min.unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_keep_open_bounds_open() {
        let sum = Count::exact(1).plus(Count::range(Some(6), None));
        assert_eq!(sum, Count::range(Some(7), None));
        assert_eq!(Count::exact(1).plus(Count::exact(6)), Count::exact(7));
    }
}
