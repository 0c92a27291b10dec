//! [`MultilinearPolynomial`]: a dense or compact multilinear polynomial, what provers take.
//!
//! A compact variant turns into [`MultilinearPolynomial::Dense`] the first time a variable is
//! bound. Variable order as in [`crate::poly`]: `x_0` is the most significant index bit.

use crate::field::{JoltField, SmallScalar, WideSum};
use crate::poly::compact::CompactPolynomial;
use crate::poly::dense::{DensePolynomial, PARALLEL_THRESHOLD};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks_mut, cfg_iter, cfg_iter_mut};

/// A multilinear polynomial with dense (field) or compact (small integer) storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MultilinearPolynomial<F> {
    /// Field evaluations.
    Dense(DensePolynomial<F>),
    /// Values below `2^8`.
    U8(CompactPolynomial<u8>),
    /// Values below `2^16`.
    U16(CompactPolynomial<u16>),
    /// Values below `2^32`.
    U32(CompactPolynomial<u32>),
    /// Values below `2^64`.
    U64(CompactPolynomial<u64>),
}

macro_rules! dispatch {
    ($self:expr, $p:ident => $body:expr) => {
        match $self {
            MultilinearPolynomial::Dense($p) => $body,
            MultilinearPolynomial::U8($p) => $body,
            MultilinearPolynomial::U16($p) => $body,
            MultilinearPolynomial::U32($p) => $body,
            MultilinearPolynomial::U64($p) => $body,
        }
    };
}

macro_rules! dispatch_compact {
    ($self:expr, $p:ident => $compact:expr, $d:ident => $dense:expr) => {
        match $self {
            MultilinearPolynomial::Dense($d) => $dense,
            MultilinearPolynomial::U8($p) => $compact,
            MultilinearPolynomial::U16($p) => $compact,
            MultilinearPolynomial::U32($p) => $compact,
            MultilinearPolynomial::U64($p) => $compact,
        }
    };
}

impl<F: JoltField> MultilinearPolynomial<F> {
    /// Number of variables.
    pub fn num_vars(&self) -> usize {
        dispatch!(self, p => p.num_vars())
    }

    /// Number of evaluations, `2^n`.
    pub fn len(&self) -> usize {
        1 << self.num_vars()
    }

    /// Always false.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Evaluation `i` as a field element.
    #[inline]
    pub fn get(&self, i: usize) -> F {
        dispatch_compact!(self, p => p.get(i), d => d.evals()[i])
    }

    /// Evaluation `i` as an integer, if the polynomial is compact (`None` if dense).
    #[inline]
    pub fn get_small(&self, i: usize) -> Option<u64> {
        match self {
            Self::Dense(_) => None,
            Self::U8(p) => Some(p.values()[i].into()),
            Self::U16(p) => Some(p.values()[i].into()),
            Self::U32(p) => Some(p.values()[i].into()),
            Self::U64(p) => Some(p.values()[i]),
        }
    }

    /// Binds `x_0` to `r` (a compact polynomial becomes dense).
    pub fn bind_top(&mut self, r: F) {
        dispatch_compact!(self, p => *self = Self::Dense(p.bind_top(r)), d => d.bind_top(r))
    }

    /// Binds `x_{n-1}` to `r` (a compact polynomial becomes dense).
    pub fn bind_bottom(&mut self, r: F) {
        dispatch_compact!(self, p => *self = Self::Dense(p.bind_bottom(r)), d => d.bind_bottom(r))
    }

    /// Evaluates at `point` (`point[0]` binds `x_0`).
    pub fn evaluate(&self, point: &[F]) -> F {
        dispatch_compact!(self, p => p.evaluate(point), d => d.evaluate(point))
    }

    /// `Σ_i weights[i] · p[i]` (e.g. `weights = eq(r, ·)` gives `p(r)`, so one table serves
    /// many polynomials). Extra weights beyond `2^n` are ignored.
    pub fn dot(&self, weights: &[F]) -> F {
        fn dot_with<F: JoltField, G: Fn(usize) -> F + Sync>(weights: &[F], n: usize, get: G) -> F {
            let w = &weights[..n.min(weights.len())];
            if w.len() >= PARALLEL_THRESHOLD {
                cfg_iter!(w).enumerate().map(|(i, x)| *x * get(i)).sum()
            } else {
                w.iter().enumerate().map(|(i, x)| *x * get(i)).sum()
            }
        }
        dispatch_compact!(
            self,
            p => p.dot(weights),
            d => dot_with(weights, self.len(), |i| d.evals()[i])
        )
    }

    /// The dense evaluations if the polynomial is dense.
    pub fn as_dense(&self) -> Option<&DensePolynomial<F>> {
        match self {
            Self::Dense(d) => Some(d),
            _ => None,
        }
    }

    /// The field evaluations (clones a dense polynomial, converts a compact one).
    pub fn to_dense(&self) -> DensePolynomial<F> {
        dispatch_compact!(self, p => p.to_dense(), d => d.clone())
    }

    /// `Σ_i coeffs[i] · polys[i]`, each polynomial zero-padded at the end to the longest one
    /// (i.e. extra top variables set to 0).
    ///
    /// From four polynomials on, each entry is summed unreduced over the
    /// compact polynomials ([`WideSum`]: a few word multiplications per term) and reduced
    /// once; fewer polynomials are added one by one into the output.
    pub fn linear_combination(polys: &[&Self], coeffs: &[F]) -> DensePolynomial<F> {
        assert_eq!(polys.len(), coeffs.len());
        let len = polys.iter().map(|p| p.len()).max().unwrap_or(1);
        let mut out = vec![F::ZERO; len];
        if polys.len() >= WIDE_COMBINATION {
            let fill = |(b, chunk): (usize, &mut [F])| {
                let start = b * COMBINATION_BLOCK;
                let mut wide = vec![WideSum::ZERO; chunk.len()];
                for (p, c) in polys.iter().zip(coeffs) {
                    let end = (start + chunk.len()).min(p.len());
                    if c.is_zero() || end <= start {
                        continue;
                    }
                    let wide = &mut wide[..end - start];
                    dispatch_compact!(
                        p,
                        q => add_compact_terms(wide, &q.values()[start..end], c),
                        d => wide
                            .iter_mut()
                            .zip(&d.evals()[start..end])
                            .for_each(|(w, v)| w.add_field(*c * v))
                    );
                }
                chunk
                    .iter_mut()
                    .zip(&wide)
                    .for_each(|(o, w)| *o = w.reduce());
            };
            cfg_chunks_mut!(out, COMBINATION_BLOCK)
                .enumerate()
                .for_each(fill);
            return DensePolynomial::new(out);
        }
        for (p, c) in polys.iter().zip(coeffs) {
            let target = &mut out[..p.len()];
            match p {
                Self::Dense(d) => {
                    let add = |(o, v): (&mut F, &F)| *o += *c * v;
                    if target.len() >= PARALLEL_THRESHOLD {
                        cfg_iter_mut!(target)
                            .zip(cfg_iter!(d.evals()))
                            .for_each(add);
                    } else {
                        target.iter_mut().zip(d.evals()).for_each(add);
                    }
                }
                Self::U8(p) => p.add_scaled_to(target, *c),
                Self::U16(p) => p.add_scaled_to(target, *c),
                Self::U32(p) => p.add_scaled_to(target, *c),
                Self::U64(p) => p.add_scaled_to(target, *c),
            }
        }
        DensePolynomial::new(out)
    }
}

/// Polynomials from which [`MultilinearPolynomial::linear_combination`] sums unreduced.
const WIDE_COMBINATION: usize = 4;

/// Entries per block of an unreduced linear combination (its sums stay in the L2 cache).
const COMBINATION_BLOCK: usize = 1 << 10;

/// `wide[i] += c · values[i]` for the non-zero values.
#[inline]
fn add_compact_terms<F: JoltField, T: SmallScalar>(wide: &mut [WideSum<F>], values: &[T], c: &F) {
    for (w, v) in wide.iter_mut().zip(values) {
        let v = v.as_u64();
        if v != 0 {
            w.add_mul_u64(c, v);
        }
    }
}

impl<F: JoltField> From<Vec<F>> for MultilinearPolynomial<F> {
    fn from(evals: Vec<F>) -> Self {
        Self::Dense(DensePolynomial::new(evals))
    }
}

impl<F: JoltField> From<DensePolynomial<F>> for MultilinearPolynomial<F> {
    fn from(p: DensePolynomial<F>) -> Self {
        Self::Dense(p)
    }
}

macro_rules! from_compact {
    ($t:ty, $v:ident) => {
        impl<F: JoltField> From<Vec<$t>> for MultilinearPolynomial<F> {
            fn from(values: Vec<$t>) -> Self {
                Self::$v(CompactPolynomial::new(values))
            }
        }
    };
}
from_compact!(u8, U8);
from_compact!(u16, U16);
from_compact!(u32, U32);
from_compact!(u64, U64);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn variants_agree() {
        let mut rng = test_rng();
        let values: Vec<u8> = (0..64u8).map(|i| i.wrapping_mul(37)).collect();
        let dense: MultilinearPolynomial<Fr> = values
            .iter()
            .map(|v| Fr::from(*v as u64))
            .collect::<Vec<_>>()
            .into();
        let polys: Vec<MultilinearPolynomial<Fr>> = vec![
            values.clone().into(),
            values.iter().map(|v| *v as u16).collect::<Vec<_>>().into(),
            values.iter().map(|v| *v as u32).collect::<Vec<_>>().into(),
            values.iter().map(|v| *v as u64).collect::<Vec<_>>().into(),
        ];
        let point: Vec<Fr> = (0..6).map(|_| Fr::rand(&mut rng)).collect();
        let expected = dense.evaluate(&point);
        for mut p in polys {
            assert_eq!(p.evaluate(&point), expected);
            p.bind_top(point[0]);
            assert!(p.as_dense().is_some());
            assert_eq!(p.evaluate(&point[1..]), expected);
        }
    }

    #[test]
    fn dot_with_eq_table_is_evaluation() {
        let mut rng = test_rng();
        let point: Vec<Fr> = (0..5).map(|_| Fr::rand(&mut rng)).collect();
        let eq = crate::poly::EqPolynomial::evals(&point);
        let compact: MultilinearPolynomial<Fr> = (0..32u32).collect::<Vec<_>>().into();
        let dense = MultilinearPolynomial::Dense(compact.to_dense());
        assert_eq!(compact.dot(&eq), compact.evaluate(&point));
        assert_eq!(dense.dot(&eq), compact.evaluate(&point));
    }

    #[test]
    fn linear_combination_pads_with_zeros() {
        let a: MultilinearPolynomial<Fr> = vec![1u8, 2, 3, 4].into();
        let b: MultilinearPolynomial<Fr> = vec![Fr::from(10u64), Fr::from(20u64)].into();
        let c =
            MultilinearPolynomial::linear_combination(&[&a, &b], &[Fr::from(2u64), Fr::from(3u64)]);
        let want: Vec<Fr> = [32u64, 64, 6, 8].iter().map(|v| Fr::from(*v)).collect();
        assert_eq!(c.evals(), &want[..]);
    }

    /// Every variant, on lengths that take the multiplying path and the table path, against
    /// `Σ c_i · p_i` computed one field product at a time, for few polynomials (added one by
    /// one) and for many (summed unreduced).
    #[test]
    fn linear_combination_matches_naive() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
        for log in [4, 10, 18] {
            let n = 1usize << log;
            let mut raw: Vec<Vec<u64>> = Vec::new();
            for bits in [8u32, 16, 32, 64] {
                let mask = if bits == 64 {
                    u64::MAX
                } else {
                    (1 << bits) - 1
                };
                // Zeros, small values and full-width values mixed.
                raw.push(
                    (0..n)
                        .map(|i| match i % 3 {
                            0 => 0,
                            1 => rng.gen::<u64>() & mask & 0xff,
                            _ => rng.gen::<u64>() & mask,
                        })
                        .collect(),
                );
            }
            let polys: Vec<MultilinearPolynomial<Fr>> = vec![
                raw[0].iter().map(|v| *v as u8).collect::<Vec<_>>().into(),
                raw[1].iter().map(|v| *v as u16).collect::<Vec<_>>().into(),
                raw[2].iter().map(|v| *v as u32).collect::<Vec<_>>().into(),
                raw[3].clone().into(),
                (0..n / 2)
                    .map(|_| Fr::rand(&mut rng))
                    .collect::<Vec<_>>()
                    .into(),
            ];
            let mut coeffs: Vec<Fr> = (0..polys.len()).map(|_| Fr::rand(&mut rng)).collect();
            coeffs[1] = Fr::from(0u64);
            for count in [3, polys.len()] {
                let (polys, coeffs) = (&polys[polys.len() - count..], &coeffs[..count]);
                let refs: Vec<&MultilinearPolynomial<Fr>> = polys.iter().collect();
                let got = MultilinearPolynomial::linear_combination(&refs, coeffs);
                for i in 0..n {
                    let want: Fr = polys
                        .iter()
                        .zip(coeffs)
                        .filter(|(p, _)| i < p.len())
                        .map(|(p, c)| *c * p.get(i))
                        .sum();
                    assert_eq!(got.evals()[i], want, "{count} polynomials, index {i}");
                }
            }
        }
    }
}
