//! The prover of Surge's primary sumcheck (see the [module documentation](super)):
//! ```text
//!   Σ_x eq(r, x) · Σ_f flag_f(x) · g_f(E(x)) = lookup_output(r)
//! ```
//! It sends the same round polynomials as the generic [`ProductSumcheck`] over
//! `[eq, flag_0, …, E_0, …]` would, but at each point `x'` of a round evaluates only the tables
//! whose flag is non-zero at `(0, x')` or `(1, x')`, and only those tables' memories. The flags
//! are one-hot per cycle, so in round `j` at most `2^{j+1}` tables are live at a point: the
//! first rounds, which carry most of the work, touch one or two tables' memories instead of
//! every memory.
//!
//! Memory: the flags and `E` are compact (small integers). Binding one variable would turn
//! each into field elements at half the length; instead the first challenge is kept aside and
//! the second round reads them through it, so they become field elements only when two
//! variables are bound, at a quarter of the length.
//!
//! The `eq` factor is never tabulated (Gruen): binding `x_j`,
//! `eq(r, (s_{<j}, X, x')) = e_j · eq(r_j, X) · eq(r_{>j}, x')` with `e_j = Π_{i<j} eq(r_i, s_i)`,
//! so the round polynomial is `h(X) = e_j · eq(r_j, X) · q(X)` with
//! `q(X) = Σ_{x'} eq(r_{>j}, x') · Σ_f flag_f(X, x') · g_f(E(X, x'))` of degree `d − 1`. The
//! prover sums `q` at `0, 2, …, d − 1`, takes `q(1)` from `h(0) + h(1) = claim` (summing it
//! only when `e_j·r_j = 0`), interpolates `q(d)`, and sends `h(0), …, h(d)`: the same
//! polynomial as the generic sumcheck, with one evaluation of the tables fewer per point.
//!
//! [`ProductSumcheck`]: crate::subprotocols::sumcheck::ProductSumcheck

use super::SurgePreprocessing;
use crate::cfg_iter_mut;
use crate::field::Fr;
use crate::poly::unipoly::UniPoly;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::sumcheck::prove::sum_over_chunks;
use crate::subprotocols::sumcheck::SumcheckInstance;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_ff::{AdditiveGroup, Field, Zero};

/// The primary sumcheck's prover state.
pub(super) struct PrimarySumcheck<'a> {
    pre: &'a SurgePreprocessing,
    claim: Fr,
    /// The point `r` of `eq(r, ·)`.
    r: Vec<Fr>,
    /// `e_j = Π_{i<j} eq(r_i, s_i)` over the rounds done.
    eq_prefix: Fr,
    /// Rounds done.
    round: usize,
    /// The flags, then the memories' `E`, bound together.
    polys: Vec<MultilinearPolynomial<Fr>>,
    /// The first round's challenge while the compact polynomials are not bound yet.
    deferred: Option<Fr>,
}

/// Entry `i` of `p` with its top variable bound to `r`, read from the unbound entries.
#[inline]
fn bound_entry(p: &MultilinearPolynomial<Fr>, r: Fr, i: usize) -> Fr {
    let lo = p.get(i);
    let hi = p.get(i + p.len() / 2);
    if lo == hi {
        lo
    } else {
        lo + r * (hi - lo)
    }
}

/// `p` with its top two variables bound to `r0`, then `r1`, as field elements.
fn bind_top_two(p: &MultilinearPolynomial<Fr>, r0: Fr, r1: Fr) -> MultilinearPolynomial<Fr> {
    let quarter = p.len() / 4;
    let entry = |i: usize| {
        let lo = bound_entry(p, r0, i);
        let hi = bound_entry(p, r0, i + quarter);
        lo + r1 * (hi - lo)
    };
    let values: Vec<Fr> = crate::cfg_into_iter!(0..quarter).map(entry).collect();
    values.into()
}

impl<'a> PrimarySumcheck<'a> {
    /// The statement `Σ_x eq(r, x) · Σ_f flag_f(x) · g_f(E(x)) = claim` over
    /// `polys = [flag_0, …, E_0, …]` (all of `r.len()` variables).
    pub(super) fn new(
        pre: &'a SurgePreprocessing,
        r: Vec<Fr>,
        polys: Vec<MultilinearPolynomial<Fr>>,
        claim: Fr,
    ) -> Self {
        assert_eq!(
            polys.len(),
            pre.num_tables() + pre.num_memories(),
            "one flag per table and one E per memory"
        );
        assert!(
            polys.iter().all(|p| p.num_vars() == r.len()),
            "polynomials of the point's length"
        );
        Self {
            pre,
            claim,
            r,
            eq_prefix: Fr::ONE,
            round: 0,
            polys,
            deferred: None,
        }
    }

    /// `q(0), q(1) (if with_one, else 0), q(2), …, q(d − 1)` summed over the points `range`,
    /// weighted by `eq_rest = eq(r_{>j}, ·)` (`half` points).
    fn sums(&self, range: std::ops::Range<usize>, eq_rest: &[Fr], with_one: bool) -> Vec<Fr> {
        let pre = self.pre;
        let d = pre.primary_degree();
        let half = eq_rest.len();
        let (flags, e) = self.polys.split_at(pre.num_tables());
        // The compact polynomials' entries, through the deferred challenge if any.
        let get = |p: &MultilinearPolynomial<Fr>, i: usize| match self.deferred {
            Some(r) => bound_entry(p, r, i),
            None => p.get(i),
        };
        let mut sums = vec![Fr::ZERO; d];
        let mut point = vec![Fr::ZERO; d];
        let mut cur: Vec<Fr> = Vec::with_capacity(16);
        let mut diff: Vec<Fr> = Vec::with_capacity(16);
        for i in range {
            let mut live = false;
            for (f, flag) in flags.iter().enumerate() {
                let (fl0, fl1) = (get(flag, i), get(flag, i + half));
                if fl0.is_zero() && fl1.is_zero() {
                    continue;
                }
                if !live {
                    point.fill(Fr::ZERO);
                    live = true;
                }
                let table = pre.tables()[f];
                cur.clear();
                diff.clear();
                for m in pre.table_memories(f) {
                    let lo = get(&e[*m], i);
                    cur.push(lo);
                    diff.push(get(&e[*m], i + half) - lo);
                }
                let fl_diff = fl1 - fl0;
                point[0] += fl0 * table.combine_lookups(&cur);
                // X = 1, 2, …, d − 1: step the values by diff.
                let mut fl_x = fl0;
                for (x, s) in point.iter_mut().enumerate().skip(1) {
                    fl_x += fl_diff;
                    for (c, dv) in cur.iter_mut().zip(&diff) {
                        *c += dv;
                    }
                    if x > 1 || with_one {
                        *s += fl_x * table.combine_lookups(&cur);
                    }
                }
            }
            if live {
                let w = eq_rest[i];
                for (s, p) in sums.iter_mut().zip(&point) {
                    *s += w * p;
                }
            }
        }
        sums
    }
}

impl SumcheckInstance<Fr> for PrimarySumcheck<'_> {
    fn degree(&self) -> usize {
        self.pre.primary_degree()
    }

    fn num_rounds(&self) -> usize {
        self.r.len()
    }

    fn input_claim(&self) -> Fr {
        self.claim
    }

    fn compute_round_evals(&self, previous_claim: Fr) -> Vec<Fr> {
        let j = self.round;
        let eq_rest = EqPolynomial::evals(&self.r[j + 1..]);
        let (e, rj) = (self.eq_prefix, self.r[j]);
        let lead = e * rj;
        let with_one = lead.is_zero();
        let mut q = sum_over_chunks(eq_rest.len(), |range| self.sums(range, &eq_rest, with_one));
        // claim = e·((1 − r_j)·q(0) + r_j·q(1)).
        if let Some(inv) = lead.inverse() {
            q[1] = (previous_claim - e * (Fr::ONE - rj) * q[0]) * inv;
        }
        // q has degree d − 1: its d values give q(d).
        let q_d = UniPoly::from_evals(&q).evaluate(Fr::from(q.len() as u64));
        q.push(q_d);
        q.iter()
            .enumerate()
            .map(|(x, qx)| {
                let x = Fr::from(x as u64);
                e * (Fr::ONE - rj + x * (rj.double() - Fr::ONE)) * qx
            })
            .collect()
    }

    fn bind(&mut self, s: Fr) {
        let rj = self.r[self.round];
        self.eq_prefix *= rj * s + (Fr::ONE - rj) * (Fr::ONE - s);
        self.round += 1;
        let rounds_left = self.r.len() - self.round;
        match self.deferred.take() {
            // The first round of at least two: the compact polynomials wait for the second.
            None if rounds_left >= 1 && self.polys.iter().all(|p| p.as_dense().is_none()) => {
                self.deferred = Some(s);
            }
            None => cfg_iter_mut!(self.polys).for_each(|p| p.bind_top(s)),
            Some(r0) => cfg_iter_mut!(self.polys).for_each(|p| *p = bind_top_two(p, r0, s)),
        }
    }

    fn final_evals(&self) -> Vec<Fr> {
        self.polys.iter().map(|p| p.get(0)).collect()
    }
}
