//! The prover of one group's instance of the accumulator's batched sumcheck:
//! ```text
//!   Σ_{x ∈ {0,1}^m} eq(r, x) · C(x) = Σ_i β^i v_i
//! ```
//! It sends the same round polynomials as the generic [`ProductSumcheck`] over `[eq(r, ·), C]`
//! would, without a table of `eq(r, ·)`: binding the top variable `x_j`,
//! `eq(r, (s, X, x')) = e · eq(r_j, X) · eq(r_{>j}, x')` with the scalar
//! `e = Π_{i<j} eq(r_i, s_i)`, so the round polynomial is `e · eq(r_j, X) · q(X)` with `q`
//! linear, summed against a table of `eq(r_{>j}, ·)` of half the round's size. Only `C` is
//! bound (in place), which halves the memory of the group.
//!
//! [`ProductSumcheck`]: crate::subprotocols::sumcheck::ProductSumcheck

use crate::field::JoltField;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::sumcheck::prove::sum_over_chunks;
use crate::subprotocols::sumcheck::SumcheckInstance;

/// `Σ_x eq(r, x) · C(x) = claim`, proven by binding `C` alone.
pub(super) struct EqSumcheck<F: JoltField> {
    r: Vec<F>,
    round: usize,
    /// `Π_{i<round} eq(r_i, s_i)`.
    eq_bound: F,
    poly: MultilinearPolynomial<F>,
    claim: F,
}

impl<F: JoltField> EqSumcheck<F> {
    /// The statement for `poly` (with `r.len()` variables) and its claimed sum.
    pub(super) fn new(r: Vec<F>, poly: MultilinearPolynomial<F>, claim: F) -> Self {
        assert_eq!(poly.num_vars(), r.len(), "one coordinate per variable");
        Self {
            r,
            round: 0,
            eq_bound: F::ONE,
            poly,
            claim,
        }
    }
}

impl<F: JoltField> SumcheckInstance<F> for EqSumcheck<F> {
    fn degree(&self) -> usize {
        2
    }

    fn num_rounds(&self) -> usize {
        self.r.len()
    }

    fn input_claim(&self) -> F {
        self.claim
    }

    fn compute_round_evals(&self, _previous_claim: F) -> Vec<F> {
        let j = self.round;
        let eq = EqPolynomial::evals(&self.r[j + 1..]);
        let half = eq.len();
        let sums = sum_over_chunks(half, |range| {
            let mut q = vec![F::ZERO; 2];
            for (i, e) in eq[range.clone()].iter().enumerate() {
                let i = range.start + i;
                q[0] += *e * self.poly.get(i);
                q[1] += *e * self.poly.get(i + half);
            }
            q
        });
        let (q0, q1) = (sums[0], sums[1]);
        // h(X) = e · eq(r_j, X) · (q0 + (q1 − q0) X), eq(r_j, X) = 1 − r_j + (2 r_j − 1) X.
        let rj = self.r[j];
        let (slope_eq, slope_q) = (rj.double() - F::ONE, q1 - q0);
        let (mut eq_at, mut q_at) = (F::ONE - rj, q0);
        (0..3)
            .map(|_| {
                let h = self.eq_bound * eq_at * q_at;
                eq_at += slope_eq;
                q_at += slope_q;
                h
            })
            .collect()
    }

    fn bind(&mut self, s: F) {
        let rj = self.r[self.round];
        self.eq_bound *= F::ONE - rj - s + (rj * s).double();
        self.poly.bind_top(s);
        self.round += 1;
    }

    /// `[eq(r, s), C(s)]`, the generic instance's order.
    fn final_evals(&self) -> Vec<F> {
        vec![self.eq_bound, self.poly.get(0)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use crate::subprotocols::sumcheck::{self, ProductSumcheck};
    use crate::transcript::Transcript;
    use ark_std::{test_rng, UniformRand};

    /// Same proof and final values as the generic product sumcheck over `[eq, C]`, for sizes
    /// from 0 variables up and across the parallel threshold.
    #[test]
    fn matches_the_generic_sumcheck() {
        let mut rng = test_rng();
        for m in [0usize, 1, 3, 14] {
            let c: MultilinearPolynomial<Fr> = (0..1 << m)
                .map(|_| Fr::rand(&mut rng))
                .collect::<Vec<_>>()
                .into();
            let r: Vec<Fr> = (0..m).map(|_| Fr::rand(&mut rng)).collect();
            let claim = c.evaluate(&r);
            let eq: MultilinearPolynomial<Fr> = EqPolynomial::evals(&r).into();
            let mut generic =
                ProductSumcheck::new(vec![eq, c.clone()], 2, claim, |v: &[Fr]| v[0] * v[1]);
            let mut fast = EqSumcheck::new(r, c, claim);
            let (mut t1, mut t2) = (Transcript::new(b"eq"), Transcript::new(b"eq"));
            assert_eq!(
                sumcheck::prove(&mut generic, &mut t1),
                sumcheck::prove(&mut fast, &mut t2),
                "m = {m}"
            );
            assert_eq!(generic.final_evals(), fast.final_evals(), "m = {m}");
        }
    }
}
