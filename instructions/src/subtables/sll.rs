//! `sll_i[(a << 8) | b] = ((a << 8(3-i)) << s) mod 2^32` with `s = b & 31`: what byte i of x
//! (counted from the most significant) contributes to `x << s`. SLL sums the four.

use ark_ff::Zero as _;

use super::{halves, materialize_bytes, shift_amount, shift_amount_eq};
use crate::{Fr, Subtable, C};

const NAMES: [&str; C] = ["sll_0", "sll_1", "sll_2", "sll_3"];

/// The left-shift subtable of one chunk position.
#[derive(Clone, Copy, Debug)]
pub struct Sll {
    chunk: usize,
}

impl Sll {
    /// The subtable for chunk `chunk` (0 most significant). Panics if `chunk >= C`.
    pub fn new(chunk: usize) -> Self {
        assert!(chunk < C, "chunk {chunk} out of range");
        Self { chunk }
    }

    /// Bit offset of the chunk's byte in the word.
    fn offset(self) -> usize {
        8 * (C - 1 - self.chunk)
    }
}

impl Subtable for Sll {
    fn name(&self) -> &'static str {
        NAMES[self.chunk]
    }

    fn materialize(&self) -> Vec<u64> {
        let off = self.offset() as u32;
        materialize_bytes(|a, b| (a << (off + shift_amount(b))) & u64::from(u32::MAX))
    }

    /// `Σ_s eq(s, b) · 2^(off+s) · (a mod 2^(32-off-s))`: for each shift amount s, the bits of
    /// a that stay below 2^32.
    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let off = self.offset();
        let (a, _) = halves(point);
        // low[n] = a mod 2^n, from the bits of a (a[7 - k] has weight 2^k).
        let mut low = [Fr::zero(); 9];
        for k in 0..8 {
            low[k + 1] = low[k] + a[7 - k] * Fr::from(1u64 << k);
        }
        shift_amount_eq(point)
            .iter()
            .enumerate()
            .map(|(s, &eq)| {
                let kept = 32usize.saturating_sub(off + s).min(8);
                eq * low[kept] * Fr::from(1u64 << (off + s))
            })
            .sum()
    }
}
