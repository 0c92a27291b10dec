//! `ltu[(a << 8) | b] = 1 if a < b else 0` (unsigned bytes).

use ark_ff::{One, Zero as _};

use super::{eq_bit, halves, materialize_bytes};
use crate::{Fr, Subtable};

/// Unsigned less-than of the two bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ltu;

impl Subtable for Ltu {
    fn name(&self) -> &'static str {
        "ltu"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| u64::from(a < b))
    }

    /// `Σ_k (1 - a_k) b_k Π_{j<k} eq(a_j, b_j)`: the first differing bit decides.
    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        ltu_mle(a, b, Fr::zero(), Fr::one())
    }
}

/// Continues an unsigned comparison over the bits `a`, `b` (most significant first) from the
/// running sum `lt` and the running equality product `eq` of the bits before them.
pub(super) fn ltu_mle(a: &[Fr], b: &[Fr], lt: Fr, eq: Fr) -> Fr {
    a.iter()
        .zip(b)
        .fold((lt, eq), |(lt, eq), (&x, &y)| {
            (lt + eq * (Fr::one() - x) * y, eq * eq_bit(x, y))
        })
        .0
}
