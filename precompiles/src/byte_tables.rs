//! Subtables over a pair of bytes shared by the hash instructions (feature `host`): a chunk index
//! is `(a << 8) | b` for one byte `a` of each operand. A subtable used by both [`crate::sha256`]
//! and [`crate::keccak`] has one name, so a program registering both pays for its memories once.

extern crate alloc;

use alloc::vec::Vec;

use ark_ff::{AdditiveGroup, Zero as _};
use jolt_instructions::{Fr, Subtable, LOG_M, M};

/// The table of `f(a, b)` over every chunk index `(a << 8) | b`.
pub(crate) fn materialize_bytes(f: impl Fn(u64, u64) -> u64) -> Vec<u64> {
    (0..M as u64).map(|i| f(i >> 8, i & 0xff)).collect()
}

/// The bits of the two bytes of a chunk point, each most significant first.
pub(crate) fn halves(point: &[Fr]) -> (&[Fr], &[Fr]) {
    point.split_at(LOG_M / 2)
}

/// The MLE of the XOR of two bits.
pub(crate) fn xor_bit(x: Fr, y: Fr) -> Fr {
    x + y - (x * y).double()
}

/// `xor_high_n[(a << 8) | b] = (a ^ b) >> n`, for `1 ≤ n ≤ 7`: the top `8 − n` bits of the XOR
/// of two bytes (the high piece of a rotated byte that does not stay in one piece).
#[derive(Clone, Copy, Debug)]
pub struct XorHigh {
    n: u32,
}

impl XorHigh {
    /// The subtable for `n` (1 to 7). Panics otherwise.
    pub fn new(n: u32) -> Self {
        assert!((1..8).contains(&n), "xor_high_{n}: n must be 1 to 7");
        Self { n }
    }
}

impl Subtable for XorHigh {
    fn name(&self) -> &'static str {
        const NAMES: [&str; 8] = [
            "",
            "xor_high_1",
            "xor_high_2",
            "xor_high_3",
            "xor_high_4",
            "xor_high_5",
            "xor_high_6",
            "xor_high_7",
        ];
        NAMES[self.n as usize]
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| (a ^ b) >> self.n)
    }

    /// `Σ_j 2^(7−n−j)·xor(a_j, b_j)` over the `8 − n` most significant bits of each byte.
    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        let top = 8 - self.n as usize;
        a[..top]
            .iter()
            .zip(&b[..top])
            .fold(Fr::zero(), |acc, (&x, &y)| acc.double() + xor_bit(x, y))
    }
}
