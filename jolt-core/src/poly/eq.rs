//! The equality polynomial `eq(r, x) = Π_i (r_i x_i + (1 − r_i)(1 − x_i))`.
//!
//! For boolean `x`, `eq(r, x)` is the Lagrange basis polynomial of the point `x`, so
//! `f(r) = Σ_x eq(r, x) f(x)` for any multilinear `f`.
//! [`EqPolynomial::evals`] computes all `2^n` values `eq(r, ·)` with about `2^n`
//! multiplications; the index order is the crate's (`x_0` is the most significant bit).

use crate::cfg_iter_mut;
use crate::field::JoltField;
use crate::poly::dense::PARALLEL_THRESHOLD;
#[allow(unused_imports)]
use crate::utils::parallel::*;

/// Namespace for the equality polynomial.
pub struct EqPolynomial;

impl EqPolynomial {
    /// `eq(r, x)` for two points of the same length (verifier side: serial, `O(n)`).
    /// Extra coordinates of the longer point are ignored.
    pub fn evaluate<F: JoltField>(r: &[F], x: &[F]) -> F {
        r.iter()
            .zip(x)
            .map(|(a, b)| *a * b + (F::ONE - a) * (F::ONE - b))
            .product()
    }

    /// All `2^n` values `eq(r, x)` for `x ∈ {0,1}^n`, index order MSB-first.
    pub fn evals<F: JoltField>(r: &[F]) -> Vec<F> {
        Self::evals_scaled(r, F::ONE)
    }

    /// All `2^n` values `scale · eq(r, x)`.
    pub fn evals_scaled<F: JoltField>(r: &[F], scale: F) -> Vec<F> {
        let n = r.len();
        if (1usize << n) < 2 * PARALLEL_THRESHOLD {
            return Self::evals_serial(r, scale);
        }
        // eq(r, x) = eq(r_hi, x_hi) · eq(r_lo, x_lo): two small tables, one parallel product.
        let (r_hi, r_lo) = r.split_at(n / 2);
        let hi = Self::evals_serial(r_hi, scale);
        let lo = Self::evals_serial(r_lo, F::ONE);
        let lo_bits = r_lo.len();
        let mask = (1usize << lo_bits) - 1;
        let mut out = vec![F::ZERO; 1 << n];
        cfg_iter_mut!(out)
            .enumerate()
            .for_each(|(i, o)| *o = hi[i >> lo_bits] * lo[i & mask]);
        out
    }

    /// All `2^n` values `scale · eq(r, x)` on the calling thread (verifier side): the doubling
    /// construction, one multiplication per output entry.
    pub fn evals_serial<F: JoltField>(r: &[F], scale: F) -> Vec<F> {
        let mut evals = vec![F::ZERO; 1 << r.len()];
        evals[0] = scale;
        let mut size = 1;
        for r_j in r {
            // Going from prefix (r_0..r_{j-1}) to (r_0..r_j): r_j becomes the new LSB.
            for i in (0..size).rev() {
                let high = evals[i] * r_j;
                evals[2 * i + 1] = high;
                evals[2 * i] = evals[i] - high;
            }
            size *= 2;
        }
        evals
    }
}

/// `Σ_j r_j 2^{m−1−j}`: the MLE of the identity `i ↦ i` (a cell's own address) at `r`.
pub fn identity_mle<F: JoltField>(r: &[F]) -> F {
    r.iter().fold(F::zero(), |acc, x| acc.double() + x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn evals_match_pointwise_evaluation() {
        let mut rng = test_rng();
        for n in [0, 1, 2, 5, 13, 14] {
            let r: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
            let evals = EqPolynomial::evals(&r);
            assert_eq!(evals.len(), 1 << n);
            for i in (0..1usize << n).step_by(((1 << n) / 64).max(1)) {
                let x: Vec<Fr> = (0..n)
                    .map(|j| Fr::from(((i >> (n - 1 - j)) & 1) as u64))
                    .collect();
                assert_eq!(evals[i], EqPolynomial::evaluate(&r, &x), "n = {n}, i = {i}");
            }
        }
    }
}
