//! Compact multilinear polynomials: small evaluations stored as `u8`, `u16`, `u32` or `u64`.
//!
//! Witness values of a zkVM (chunks, counters, flags) are small. Stored compactly they take
//! 1–8 bytes instead of 32, and commit with the small-scalar MSM. They become field elements
//! only when a variable is bound: binding returns a [`DensePolynomial`] of half the size.
//! Variable order as in [`crate::poly`]: `x_0` is the most significant index bit.

use crate::field::{JoltField, ScaledDigits, SmallScalar};
use crate::poly::dense::{DensePolynomial, PARALLEL_THRESHOLD};
use crate::poly::eq::EqPolynomial;
use crate::poly::MultilinearPolynomial;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks, cfg_iter, cfg_iter_mut};
use std::sync::Arc;

/// A multilinear polynomial whose evaluations are small unsigned integers.
///
/// The values are never modified once built and are shared between clones: the prover hands
/// the same column to several sub-protocols and to the opening accumulator without copying it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompactPolynomial<T> {
    num_vars: usize,
    values: Arc<Vec<T>>,
}

/// `lo + r·(hi − lo)` computed with one field multiplication, the difference taken in integers.
#[inline]
fn interpolate<T: SmallScalar, F: JoltField>(lo: T, hi: T, r: F) -> F {
    let (lo, hi) = (lo.as_u64(), hi.as_u64());
    let base = F::from_u64(lo);
    if hi >= lo {
        base + r * F::from_u64(hi - lo)
    } else {
        base - r * F::from_u64(lo - hi)
    }
}

impl<T: SmallScalar> CompactPolynomial<T> {
    /// Builds a polynomial from `2^n` small values.
    ///
    /// # Panics
    /// If `values.len()` is not a power of two.
    pub fn new(values: Vec<T>) -> Self {
        assert!(
            values.len().is_power_of_two(),
            "number of evaluations must be a power of two, got {}",
            values.len()
        );
        let num_vars = values.len().trailing_zeros() as usize;
        Self {
            num_vars,
            values: Arc::new(values),
        }
    }

    /// Number of variables.
    pub fn num_vars(&self) -> usize {
        self.num_vars
    }

    /// The stored values.
    pub fn values(&self) -> &[T] {
        &self.values
    }

    /// Evaluation `i` as a field element.
    #[inline]
    pub fn get<F: JoltField>(&self, i: usize) -> F {
        self.values[i].to_field()
    }

    /// The field evaluations (allocates `2^n` field elements).
    pub fn to_dense<F: JoltField>(&self) -> DensePolynomial<F> {
        let evals = if self.values.len() >= PARALLEL_THRESHOLD {
            cfg_iter!(self.values).map(|v| v.to_field()).collect()
        } else {
            self.values.iter().map(|v| v.to_field()).collect()
        };
        DensePolynomial::new(evals)
    }

    /// `out[i] += c · values[i]` for every `i` (`out` as long as the polynomial).
    ///
    /// No multiplication per evaluation: `c · v` is read from tables of `c · d` for 16-bit
    /// digits `d` (one table per digit position a value can reach, each built by repeated
    /// addition), and zero values are skipped. A table costs `2^16` additions, so short
    /// polynomials multiply instead.
    pub fn add_scaled_to<F: JoltField>(&self, out: &mut [F], c: F) {
        assert_eq!(
            out.len(),
            self.values.len(),
            "add_scaled_to: lengths differ"
        );
        if c.is_zero() {
            return;
        }
        // A table for the digits the values use, only if it is much shorter than the values.
        let digit_len = 1usize << T::BITS.min(16);
        if self.values.len() < 4 * digit_len {
            let add = |(o, v): (&mut F, &T)| {
                let v = v.as_u64();
                if v != 0 {
                    *o += c * F::from_u64(v);
                }
            };
            if out.len() >= PARALLEL_THRESHOLD {
                cfg_iter_mut!(out).zip(cfg_iter!(self.values)).for_each(add);
            } else {
                out.iter_mut().zip(self.values.iter()).for_each(add);
            }
            return;
        }
        let table = ScaledDigits::new(c, T::BITS);
        let add = |(o, v): (&mut F, &T)| *o += table.get(v.as_u64());
        cfg_iter_mut!(out).zip(cfg_iter!(self.values)).for_each(add);
    }

    /// Binds `x_0` to `r`, producing a dense polynomial of half the size.
    pub fn bind_top<F: JoltField>(&self, r: F) -> DensePolynomial<F> {
        assert!(self.num_vars > 0, "cannot bind a constant polynomial");
        let (lo, hi) = self.values.split_at(self.values.len() / 2);
        let evals = if lo.len() >= PARALLEL_THRESHOLD {
            cfg_iter!(lo)
                .zip(cfg_iter!(hi))
                .map(|(l, h)| interpolate(*l, *h, r))
                .collect()
        } else {
            lo.iter()
                .zip(hi)
                .map(|(l, h)| interpolate(*l, *h, r))
                .collect()
        };
        DensePolynomial::new(evals)
    }

    /// Binds `x_{n-1}` to `r`, producing a dense polynomial of half the size.
    pub fn bind_bottom<F: JoltField>(&self, r: F) -> DensePolynomial<F> {
        assert!(self.num_vars > 0, "cannot bind a constant polynomial");
        let evals = cfg_chunks!(self.values, 2)
            .map(|c| interpolate(c[0], c[1], r))
            .collect();
        DensePolynomial::new(evals)
    }

    /// Evaluates at `point` (`point[0]` binds `x_0`).
    pub fn evaluate<F: JoltField>(&self, point: &[F]) -> F {
        assert_eq!(point.len(), self.num_vars, "point has the wrong length");
        self.dot(&EqPolynomial::evals(point))
    }

    /// `Σ_i weights[i] · values[i]` over the first `min(2^n, weights.len())` values.
    ///
    /// Values of at most 16 bits are summed by value first (`bucket[v] += weights[i]`, zeros
    /// skipped), then `Σ_v v · bucket[v]`: additions instead of a multiplication per value,
    /// in chunks long enough for the `2^16` buckets to pay off; wider values multiply, zeros
    /// skipped.
    pub fn dot<F: JoltField>(&self, weights: &[F]) -> F {
        let n = self.values.len().min(weights.len());
        let (values, weights) = (&self.values[..n], &weights[..n]);
        let buckets = 1usize << T::BITS.min(16);
        let chunk = (4 * buckets).max(PARALLEL_THRESHOLD);
        if T::BITS > 16 || n < chunk {
            let term = |(w, v): (&F, &T)| match v.as_u64() {
                0 => F::zero(),
                v => *w * F::from_u64(v),
            };
            return if n >= PARALLEL_THRESHOLD {
                cfg_iter!(weights).zip(cfg_iter!(values)).map(term).sum()
            } else {
                weights.iter().zip(values).map(term).sum()
            };
        }
        cfg_chunks!(values, chunk)
            .zip(cfg_chunks!(weights, chunk))
            .map(|(values, weights)| {
                let mut bucket = vec![F::zero(); buckets];
                for (v, w) in values.iter().zip(weights) {
                    let v = v.as_u64() as usize;
                    if v != 0 {
                        bucket[v] += w;
                    }
                }
                bucket
                    .iter()
                    .enumerate()
                    .skip(1)
                    .filter(|(_, b)| !b.is_zero())
                    .map(|(v, b)| *b * F::from_u64(v as u64))
                    .sum::<F>()
            })
            .sum()
    }
}

/// The smallest compact polynomial that holds `values`.
pub fn smallest_compact(values: &[u64]) -> MultilinearPolynomial<crate::field::Fr> {
    let max = values.iter().copied().max().unwrap_or(0);
    if max <= u64::from(u8::MAX) {
        values.iter().map(|&v| v as u8).collect::<Vec<_>>().into()
    } else if max <= u64::from(u16::MAX) {
        values.iter().map(|&v| v as u16).collect::<Vec<_>>().into()
    } else if max <= u64::from(u32::MAX) {
        values.iter().map(|&v| v as u32).collect::<Vec<_>>().into()
    } else {
        values.to_vec().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use crate::poly::dense::tests::naive_evaluate;
    use ark_std::{rand::Rng, test_rng, UniformRand};

    #[test]
    fn compact_binding_and_evaluation_match_dense() {
        let mut rng = test_rng();
        for n in [1, 4, 13] {
            let values: Vec<u16> = (0..1 << n).map(|_| rng.gen()).collect();
            let compact = CompactPolynomial::new(values.clone());
            let field: Vec<Fr> = values.iter().map(|v| Fr::from(*v as u64)).collect();
            let point: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
            let expected = naive_evaluate(&field, &point);
            assert_eq!(compact.evaluate(&point), expected);
            assert_eq!(compact.to_dense::<Fr>().evals(), &field[..]);

            let mut top = compact.bind_top(point[0]);
            for r in &point[1..] {
                top.bind_top(*r);
            }
            assert_eq!(top.evals(), &[expected]);
            let mut bottom = compact.bind_bottom(point[n - 1]);
            for r in point[..n - 1].iter().rev() {
                bottom.bind_bottom(*r);
            }
            assert_eq!(bottom.evals(), &[expected]);
        }
    }

    /// The dot product by value buckets (8 and 16 bits, above the chunk size) and by
    /// multiplication (wider values, short polynomials) against the naive sum, with zeros and
    /// the largest values, and weights shorter than the polynomial.
    #[test]
    fn dot_matches_the_naive_sum() {
        fn check<T: SmallScalar>(values: Vec<T>, rng: &mut impl Rng) {
            let weights: Vec<Fr> = (0..values.len()).map(|_| Fr::rand(rng)).collect();
            let naive = |k: usize| -> Fr {
                weights[..k]
                    .iter()
                    .zip(&values)
                    .map(|(w, v)| *w * Fr::from(v.as_u64()))
                    .sum()
            };
            let p = CompactPolynomial::new(values.clone());
            assert_eq!(p.dot(&weights), naive(values.len()));
            let short = values.len() * 3 / 4;
            assert_eq!(p.dot(&weights[..short]), naive(short));
        }
        let mut rng = test_rng();
        for n in [3, 12, 19] {
            let len = 1usize << n;
            let mut bytes: Vec<u8> = (0..len)
                .map(|i| if i % 3 == 0 { 0 } else { rng.gen() })
                .collect();
            bytes[len - 1] = u8::MAX;
            check(bytes, &mut rng);
            let mut halves: Vec<u16> = (0..len)
                .map(|i| if i % 5 == 0 { 0 } else { rng.gen() })
                .collect();
            halves[len - 1] = u16::MAX;
            check(halves, &mut rng);
            let words: Vec<u32> = (0..len).map(|_| rng.gen()).collect();
            check(words, &mut rng);
        }
    }

    #[test]
    fn interpolation_handles_decreasing_values() {
        let r = Fr::from(5u64);
        assert_eq!(
            interpolate(10u64, 3u64, r),
            Fr::from(10u64) - Fr::from(35u64)
        );
        assert_eq!(interpolate(0u64, u64::MAX, r), r * Fr::from(u64::MAX));
    }
}
