//! Deterministic draws for property tests: random texts built from pieces that
//! exercise a tokenizer's edge cases. The same seed gives the same draws on every
//! machine, so a failing text can be reproduced.

/// A linear congruential generator (Knuth's MMIX constants).
pub struct Draws(u64);

impl Draws {
    /// Draws from a seed.
    pub fn new(seed: u64) -> Self {
        Draws(seed)
    }

    /// A number below `n` (which must not be 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n
    }

    /// A text of fewer than `max` pieces, each drawn from `pieces`.
    pub fn text(&mut self, pieces: &[&str], max: usize) -> String {
        let count = self.below(max);
        (0..count)
            .map(|_| pieces[self.below(pieces.len())])
            .collect()
    }
}
