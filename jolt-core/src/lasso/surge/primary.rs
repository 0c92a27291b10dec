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
//! [`ProductSumcheck`]: crate::subprotocols::sumcheck::ProductSumcheck

use super::SurgePreprocessing;
use crate::cfg_iter_mut;
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::subprotocols::sumcheck::prove::sum_over_chunks;
use crate::subprotocols::sumcheck::SumcheckInstance;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_ff::{AdditiveGroup, Zero};

/// The primary sumcheck's prover state.
pub(super) struct PrimarySumcheck<'a> {
    pre: &'a SurgePreprocessing,
    claim: Fr,
    /// `eq(r, ·)`, then the flags, then the memories' `E`, bound together.
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
    /// The statement `Σ_x eq(x) · Σ_f flag_f(x) · g_f(E(x)) = claim` over
    /// `polys = [eq, flag_0, …, E_0, …]` (all of one length).
    pub(super) fn new(
        pre: &'a SurgePreprocessing,
        polys: Vec<MultilinearPolynomial<Fr>>,
        claim: Fr,
    ) -> Self {
        assert_eq!(
            polys.len(),
            1 + pre.num_tables() + pre.num_memories(),
            "eq, one flag per table and one E per memory"
        );
        let len = polys[0].len();
        assert!(
            polys.iter().all(|p| p.len() == len),
            "polynomials differ in length"
        );
        Self {
            pre,
            claim,
            polys,
            deferred: None,
        }
    }

    /// `[h(0), h(2), …, h(d)]` over the points `range` of a round with `half` points.
    fn sums(&self, range: std::ops::Range<usize>, half: usize) -> Vec<Fr> {
        let pre = self.pre;
        let d = pre.primary_degree();
        let tables = pre.num_tables();
        let (eq, rest) = self.polys.split_at(1);
        let (flags, e) = rest.split_at(tables);
        // The compact polynomials' entries, through the deferred challenge if any (the eq
        // table is always bound).
        let get = |p: &MultilinearPolynomial<Fr>, i: usize| match self.deferred {
            Some(r) => bound_entry(p, r, i),
            None => p.get(i),
        };
        let mut sums = vec![Fr::ZERO; d];
        let mut cur: Vec<Fr> = Vec::with_capacity(16);
        let mut diff: Vec<Fr> = Vec::with_capacity(16);
        for i in range {
            let eq0 = eq[0].get(i);
            let eq_diff = eq[0].get(i + half) - eq0;
            for (f, flag) in flags.iter().enumerate() {
                let (fl0, fl1) = (get(flag, i), get(flag, i + half));
                if fl0.is_zero() && fl1.is_zero() {
                    continue;
                }
                let table = pre.tables()[f];
                let mems = pre.table_memories(f);
                cur.clear();
                diff.clear();
                for m in mems {
                    let lo = get(&e[*m], i);
                    cur.push(lo);
                    diff.push(get(&e[*m], i + half) - lo);
                }
                let fl_diff = fl1 - fl0;
                // X = 0.
                sums[0] += eq0 * fl0 * table.combine_lookups(&cur);
                // X = 2, 3, …, d: step the values from X = 0 by 2·diff, then by diff.
                let (mut eq_x, mut fl_x) = (eq0 + eq_diff.double(), fl0 + fl_diff.double());
                for (c, dv) in cur.iter_mut().zip(&diff) {
                    *c += dv.double();
                }
                for (x, s) in sums.iter_mut().enumerate().skip(1) {
                    if x > 1 {
                        eq_x += eq_diff;
                        fl_x += fl_diff;
                        for (c, dv) in cur.iter_mut().zip(&diff) {
                            *c += dv;
                        }
                    }
                    *s += eq_x * fl_x * table.combine_lookups(&cur);
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
        self.polys[0].num_vars()
    }

    fn input_claim(&self) -> Fr {
        self.claim
    }

    fn compute_round_evals(&self, previous_claim: Fr) -> Vec<Fr> {
        // The bound length (the eq table is never deferred).
        let half = self.polys[0].len() / 2;
        let d = self.degree();
        let sums = sum_over_chunks(half, |range| self.sums(range, half));
        let mut evals = Vec::with_capacity(d + 1);
        evals.push(sums[0]);
        evals.push(previous_claim - sums[0]);
        evals.extend_from_slice(&sums[1..]);
        evals
    }

    fn bind(&mut self, r: Fr) {
        let (eq, rest) = self.polys.split_at_mut(1);
        eq[0].bind_top(r);
        match self.deferred.take() {
            // The first round of at least two: the compact polynomials wait for the second.
            None if eq[0].num_vars() >= 1 && rest.iter().all(|p| p.as_dense().is_none()) => {
                self.deferred = Some(r);
            }
            None => cfg_iter_mut!(rest).for_each(|p| p.bind_top(r)),
            Some(r0) => cfg_iter_mut!(rest).for_each(|p| *p = bind_top_two(p, r0, r)),
        }
    }

    fn final_evals(&self) -> Vec<Fr> {
        self.polys.iter().map(|p| p.get(0)).collect()
    }
}
