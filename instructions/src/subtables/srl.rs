//! `srl_i[(a << 8) | b] = (a << 8(3-i)) >> s` with `s = b & 31`: what byte i of x (counted from
//! the most significant) contributes to the logical `x >> s`. SRL sums the four; SRA adds
//! [`super::SraSign`].

use ark_ff::{AdditiveGroup, Zero as _};

use super::{halves, materialize_bytes, shift_amount, shift_amount_eq};
use crate::{Fr, Subtable, C};

const NAMES: [&str; C] = ["srl_0", "srl_1", "srl_2", "srl_3"];

/// The logical right-shift subtable of one chunk position.
#[derive(Clone, Copy, Debug)]
pub struct Srl {
    chunk: usize,
}

impl Srl {
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

impl Subtable for Srl {
    fn name(&self) -> &'static str {
        NAMES[self.chunk]
    }

    fn materialize(&self) -> Vec<u64> {
        let off = self.offset() as u32;
        materialize_bytes(|a, b| (a << off) >> shift_amount(b))
    }

    /// `Σ_s eq(s, b) · value_s(a)`: `a · 2^(off-s)` when s <= off, else `a >> (s - off)`.
    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let off = self.offset();
        let (a, _) = halves(point);
        // high[t] = a >> t, from the bits of a (a[7 - k] has weight 2^k).
        let mut high = [Fr::zero(); 9];
        for t in (0..8).rev() {
            high[t] = a[7 - t] + high[t + 1].double();
        }
        shift_amount_eq(point)
            .iter()
            .enumerate()
            .map(|(s, &eq)| {
                let value = if s <= off {
                    high[0] * Fr::from(1u64 << (off - s))
                } else {
                    high[(s - off).min(8)]
                };
                eq * value
            })
            .sum()
    }
}
