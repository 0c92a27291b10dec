//! Univariate polynomials for sumcheck rounds, and their compressed encoding.
//!
//! A round polynomial `h(X) = c_0 + c_1 X + … + c_d X^d` must satisfy
//! `h(0) + h(1) = claim`, i.e. `2 c_0 + c_1 + c_2 + … + c_d = claim`. The compressed encoding
//! omits the linear coefficient `c_1`; the verifier recovers it from the running claim
//! ("the hint"), which makes the round check hold by construction: a prover that lies must
//! lie about some coefficient, and that surfaces in the final evaluation check.

use crate::field::JoltField;
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// A univariate polynomial by its coefficients, lowest degree first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UniPoly<F> {
    /// `coeffs[k]` multiplies `X^k`.
    pub coeffs: Vec<F>,
}

impl<F: JoltField> UniPoly<F> {
    /// Interpolates the polynomial of degree `< evals.len()` with `p(k) = evals[k]`,
    /// `k = 0, 1, …` (Lagrange form over the integer nodes, `O(d^2)`).
    pub fn from_evals(evals: &[F]) -> Self {
        let n = evals.len();
        let mut coeffs = vec![F::ZERO; n];
        for (i, y) in evals.iter().enumerate() {
            // Numerator Π_{j≠i} (X − j) as coefficients; denominator Π_{j≠i} (i − j).
            let mut basis = vec![F::ONE];
            let mut denom = F::ONE;
            for j in (0..n).filter(|j| *j != i) {
                let j_f = F::from_u64(j as u64);
                let mut next = vec![F::ZERO; basis.len() + 1];
                for (k, b) in basis.iter().enumerate() {
                    next[k + 1] += b;
                    next[k] -= *b * j_f;
                }
                basis = next;
                denom *= F::from_i64(i as i64 - j as i64);
            }
            // denom is a product of non-zero small integers, hence invertible.
            let scale = *y * denom.inverse().unwrap_or(F::ZERO);
            for (c, b) in coeffs.iter_mut().zip(&basis) {
                *c += *b * scale;
            }
        }
        Self { coeffs }
    }

    /// Degree bound (`coeffs.len() − 1`).
    pub fn degree(&self) -> usize {
        self.coeffs.len().saturating_sub(1)
    }

    /// `p(x)` by Horner's rule.
    pub fn evaluate(&self, x: F) -> F {
        self.coeffs.iter().rev().fold(F::ZERO, |acc, c| acc * x + c)
    }

    /// Drops the linear coefficient.
    pub fn compress(&self) -> CompressedUniPoly<F> {
        let mut kept = Vec::with_capacity(self.coeffs.len().saturating_sub(1));
        kept.extend(self.coeffs.first().copied());
        kept.extend(self.coeffs.iter().skip(2).copied());
        CompressedUniPoly {
            coeffs_except_linear: kept.into(),
        }
    }
}

/// A round polynomial without its linear coefficient: `[c_0, c_2, c_3, …, c_d]`.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct CompressedUniPoly<F: JoltField> {
    /// `[c_0, c_2, …, c_d]`.
    pub coeffs_except_linear: SafeVec<F>,
}

impl<F: JoltField> CompressedUniPoly<F> {
    /// The degree `d` of the encoded polynomial (for `d ≥ 1`): the number of kept coefficients.
    pub fn degree(&self) -> usize {
        self.coeffs_except_linear.len()
    }

    /// Recovers the full polynomial given `hint = h(0) + h(1)`.
    pub fn decompress(&self, hint: F) -> UniPoly<F> {
        let mut iter = self.coeffs_except_linear.iter();
        let c0 = iter.next().copied().unwrap_or(F::ZERO);
        let rest: Vec<F> = iter.copied().collect();
        let linear = hint - c0 - c0 - rest.iter().copied().sum::<F>();
        let mut coeffs = Vec::with_capacity(rest.len() + 2);
        coeffs.push(c0);
        coeffs.push(linear);
        coeffs.extend(rest);
        UniPoly { coeffs }
    }

    /// `h(x)` given `hint = h(0) + h(1)`, without allocating.
    pub fn evaluate_with_hint(&self, hint: F, x: F) -> F {
        let mut iter = self.coeffs_except_linear.iter();
        let c0 = iter.next().copied().unwrap_or(F::ZERO);
        let mut linear = hint - c0 - c0;
        let mut acc = c0;
        let mut power = x;
        for c in iter {
            linear -= c;
            power *= x;
            acc += *c * power;
        }
        acc + linear * x
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn interpolation_and_compression_round_trip() {
        let mut rng = test_rng();
        for d in 1..=6 {
            let p = UniPoly {
                coeffs: (0..=d).map(|_| Fr::rand(&mut rng)).collect::<Vec<_>>(),
            };
            let evals: Vec<Fr> = (0..=d).map(|k| p.evaluate(Fr::from(k as u64))).collect();
            assert_eq!(UniPoly::from_evals(&evals), p);
            let hint = p.evaluate(Fr::from(0u64)) + p.evaluate(Fr::from(1u64));
            let c = p.compress();
            assert_eq!(c.degree(), d);
            assert_eq!(c.decompress(hint), p);
            let x = Fr::rand(&mut rng);
            assert_eq!(c.evaluate_with_hint(hint, x), p.evaluate(x));
        }
    }
}
