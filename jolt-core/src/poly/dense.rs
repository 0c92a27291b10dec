//! Dense multilinear polynomials: `2^n` field evaluations on the boolean hypercube.
//!
//! Variable order: `x_0` is the most significant bit of the index. Binding the **top**
//! variable `x_0` to `r` maps `f(x_0, x')` to `f(r, x') = f(0, x') + r·(f(1, x') − f(0, x'))`,
//! which pairs the lower half of the evaluations with the upper half. Binding the **bottom**
//! variable `x_{n−1}` pairs neighbours `(2i, 2i+1)`. Both bind in place (the vector is
//! truncated, not reallocated), in parallel through the rayon shim.

use crate::field::JoltField;
use crate::poly::eq::EqPolynomial;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks_mut, cfg_iter, cfg_iter_mut};

/// Below this many evaluations a loop runs serially (rayon's overhead would dominate).
pub(crate) const PARALLEL_THRESHOLD: usize = 1 << 12;

/// A multilinear polynomial stored as its evaluations on `{0,1}^n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DensePolynomial<F> {
    num_vars: usize,
    evals: Vec<F>,
}

impl<F: JoltField> DensePolynomial<F> {
    /// Builds a polynomial from `2^n` evaluations.
    ///
    /// # Panics
    /// If `evals.len()` is not a power of two (a programming error of the prover).
    pub fn new(evals: Vec<F>) -> Self {
        assert!(
            evals.len().is_power_of_two(),
            "number of evaluations must be a power of two, got {}",
            evals.len()
        );
        let num_vars = evals.len().trailing_zeros() as usize;
        Self { num_vars, evals }
    }

    /// Builds a polynomial from any number of evaluations, padding with zeros to a power of two.
    pub fn new_padded(mut evals: Vec<F>) -> Self {
        let len = evals.len().max(1).next_power_of_two();
        evals.resize(len, F::ZERO);
        Self::new(evals)
    }

    /// Number of variables `n`.
    pub fn num_vars(&self) -> usize {
        self.num_vars
    }

    /// Number of evaluations, `2^n`.
    pub fn len(&self) -> usize {
        self.evals.len()
    }

    /// Always false: a polynomial has at least one evaluation.
    pub fn is_empty(&self) -> bool {
        self.evals.is_empty()
    }

    /// The evaluations.
    pub fn evals(&self) -> &[F] {
        &self.evals
    }

    /// The evaluations, by value.
    pub fn into_evals(self) -> Vec<F> {
        self.evals
    }

    /// Binds the top variable `x_0` to `r` in place: `n` decreases by one.
    pub fn bind_top(&mut self, r: F) {
        assert!(self.num_vars > 0, "cannot bind a constant polynomial");
        let half = self.evals.len() / 2;
        let (lo, hi) = self.evals.split_at_mut(half);
        if half >= PARALLEL_THRESHOLD {
            cfg_iter_mut!(lo)
                .zip(cfg_iter!(hi))
                .for_each(|(l, h)| *l += r * (*h - *l));
        } else {
            lo.iter_mut()
                .zip(hi.iter())
                .for_each(|(l, h)| *l += r * (*h - *l));
        }
        self.evals.truncate(half);
        self.num_vars -= 1;
    }

    /// Binds the bottom variable `x_{n-1}` to `r` in place: `n` decreases by one.
    pub fn bind_bottom(&mut self, r: F) {
        assert!(self.num_vars > 0, "cannot bind a constant polynomial");
        let half = self.evals.len() / 2;
        // Each chunk of 2B evaluations writes its B results into its own first half
        // (position i ≤ 2i, so in place is safe), then the halves are moved together.
        let chunk = (2 * PARALLEL_THRESHOLD).min(self.evals.len());
        let fold = |c: &mut [F]| {
            for i in 0..c.len() / 2 {
                let (a, b) = (c[2 * i], c[2 * i + 1]);
                c[i] = a + r * (b - a);
            }
        };
        if self.evals.len() > chunk {
            cfg_chunks_mut!(self.evals, chunk).for_each(fold);
            for k in 1..self.evals.len() / chunk {
                self.evals
                    .copy_within(k * chunk..k * chunk + chunk / 2, k * chunk / 2);
            }
        } else {
            fold(&mut self.evals);
        }
        self.evals.truncate(half);
        self.num_vars -= 1;
    }

    /// Evaluates at `point` (length `n`, `point[0]` binds `x_0`) in `O(2^n)`.
    pub fn evaluate(&self, point: &[F]) -> F {
        assert_eq!(point.len(), self.num_vars, "point has the wrong length");
        let eq = EqPolynomial::evals(point);
        inner_product(&eq, &self.evals)
    }
}

/// `Σ_i a_i b_i`, in parallel for long vectors.
pub fn inner_product<F: JoltField>(a: &[F], b: &[F]) -> F {
    if a.len() >= PARALLEL_THRESHOLD {
        cfg_iter!(a).zip(cfg_iter!(b)).map(|(x, y)| *x * y).sum()
    } else {
        a.iter().zip(b).map(|(x, y)| *x * y).sum()
    }
}

/// `Σ_i a_i b_i` on the calling thread (verifier side).
pub fn inner_product_serial<F: JoltField>(a: &[F], b: &[F]) -> F {
    a.iter().zip(b).map(|(x, y)| *x * y).sum()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::field::Fr;
    use ark_std::{test_rng, UniformRand};

    /// Naive evaluation: Σ_i evals[i] Π_j (bit_j(i) ? r_j : 1 − r_j), bit_0 = MSB.
    pub(crate) fn naive_evaluate(evals: &[Fr], point: &[Fr]) -> Fr {
        let n = point.len();
        evals
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut w = *e;
                for (j, r) in point.iter().enumerate() {
                    let bit = (i >> (n - 1 - j)) & 1 == 1;
                    w *= if bit { *r } else { Fr::from(1u64) - r };
                }
                w
            })
            .sum()
    }

    #[test]
    fn evaluate_matches_naive_and_hypercube() {
        let mut rng = test_rng();
        for n in 0..7 {
            let evals: Vec<Fr> = (0..1 << n).map(|_| Fr::rand(&mut rng)).collect();
            let p = DensePolynomial::new(evals.clone());
            let point: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
            assert_eq!(p.evaluate(&point), naive_evaluate(&evals, &point));
            // On the hypercube the polynomial returns its evaluations.
            for (i, e) in evals.iter().enumerate() {
                let x: Vec<Fr> = (0..n)
                    .map(|j| Fr::from(((i >> (n - 1 - j)) & 1) as u64))
                    .collect();
                assert_eq!(p.evaluate(&x), *e);
            }
        }
    }

    #[test]
    fn bind_top_and_bottom_match_naive() {
        let mut rng = test_rng();
        for n in [1, 3, 14] {
            let evals: Vec<Fr> = (0..1 << n).map(|_| Fr::rand(&mut rng)).collect();
            let point: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
            let expected = naive_evaluate(&evals, &point);
            let mut top = DensePolynomial::new(evals.clone());
            for r in &point {
                top.bind_top(*r);
            }
            assert_eq!(top.evals(), &[expected]);
            let mut bottom = DensePolynomial::new(evals.clone());
            for r in point.iter().rev() {
                bottom.bind_bottom(*r);
            }
            assert_eq!(bottom.evals(), &[expected]);
            // One bottom bind equals the naive partial evaluation.
            let mut once = DensePolynomial::new(evals.clone());
            once.bind_bottom(point[0]);
            for (i, v) in once.evals().iter().enumerate() {
                let (a, b) = (evals[2 * i], evals[2 * i + 1]);
                assert_eq!(*v, a + point[0] * (b - a));
            }
        }
    }
}
