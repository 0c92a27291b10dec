//! The prover's outer-sumcheck instance `Σ_{t,c} E(t,c)·(Az·Bz − Cz)` (degree 3), specialised
//! for the uniform layout: tables are indexed `t·2^{n_c} + c`, the cycle bits are bound first,
//! and the padding rows `c ≥ N` (where `Az = Bz = Cz = 0`) are skipped while cycle bits remain.

use crate::field::JoltField;
use crate::subprotocols::sumcheck::SumcheckInstance;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks, cfg_chunks_mut, cfg_iter, cfg_iter_mut};

pub(super) struct OuterSumcheck<F> {
    e: Vec<F>,
    abc: [Vec<F>; 3],
    /// `2^{n_c}`: the stride of one cycle's rows.
    rows_pad: usize,
    /// `N`: rows at or beyond are zero in `Az, Bz, Cz`.
    rows: usize,
    /// Cycle bits not bound yet.
    cycle_vars_left: usize,
    num_rounds: usize,
    claim: F,
}

impl<F: JoltField> OuterSumcheck<F> {
    pub(super) fn new(e: Vec<F>, abc: [Vec<F>; 3], rows: usize, rows_pad: usize) -> Self {
        let num_rounds = e.len().trailing_zeros() as usize;
        let cycle_vars_left = num_rounds - rows_pad.trailing_zeros() as usize;
        let [a, b, c] = &abc;
        let claim = cfg_chunks!(e, rows_pad)
            .zip(cfg_chunks!(a, rows_pad))
            .zip(cfg_chunks!(b, rows_pad))
            .zip(cfg_chunks!(c, rows_pad))
            .map(|(((e, a), b), c)| (0..rows).map(|i| e[i] * (a[i] * b[i] - c[i])).sum::<F>())
            .sum();
        Self {
            e,
            abc,
            rows_pad,
            rows,
            cycle_vars_left,
            num_rounds,
            claim,
        }
    }

    /// `(stride, valid)`: positions `i` with `i mod stride < valid` carry non-zero rows.
    fn layout(&self) -> (usize, usize) {
        let half = self.e.len() / 2;
        if self.cycle_vars_left > 0 {
            (self.rows_pad, self.rows)
        } else {
            (half, half)
        }
    }
}

impl<F: JoltField> SumcheckInstance<F> for OuterSumcheck<F> {
    fn degree(&self) -> usize {
        3
    }

    fn num_rounds(&self) -> usize {
        self.num_rounds
    }

    fn input_claim(&self) -> F {
        self.claim
    }

    fn compute_round_evals(&self, previous_claim: F) -> Vec<F> {
        let half = self.e.len() / 2;
        let (stride, valid) = self.layout();
        let [a, b, c] = &self.abc;
        let (e_lo, e_hi) = self.e.split_at(half);
        let (a_lo, a_hi) = a.split_at(half);
        let (b_lo, b_hi) = b.split_at(half);
        let (c_lo, c_hi) = c.split_at(half);
        let blocks: Vec<usize> = (0..half / stride).collect();
        let partial: Vec<[F; 3]> = cfg_iter!(blocks)
            .map(|blk| {
                let mut s = [F::ZERO; 3];
                for i in blk * stride..blk * stride + valid {
                    let (e0, a0, b0, c0) = (e_lo[i], a_lo[i], b_lo[i], c_lo[i]);
                    let (de, da, db, dc) = (e_hi[i] - e0, a_hi[i] - a0, b_hi[i] - b0, c_hi[i] - c0);
                    s[0] += e0 * (a0 * b0 - c0);
                    let (e2, a2, b2, c2) = (e_hi[i] + de, a_hi[i] + da, b_hi[i] + db, c_hi[i] + dc);
                    s[1] += e2 * (a2 * b2 - c2);
                    s[2] += (e2 + de) * ((a2 + da) * (b2 + db) - (c2 + dc));
                }
                s
            })
            .collect();
        let mut s = [F::ZERO; 3];
        for p in partial {
            for (t, v) in s.iter_mut().zip(p) {
                *t += v;
            }
        }
        vec![s[0], previous_claim - s[0], s[1], s[2]]
    }

    fn bind(&mut self, r: F) {
        let half = self.e.len() / 2;
        let (stride, valid) = self.layout();
        // E is bound everywhere (its padding rows matter once constraint bits are bound).
        let (lo, hi) = self.e.split_at_mut(half);
        cfg_iter_mut!(lo)
            .zip(cfg_iter!(hi))
            .for_each(|(l, h)| *l += r * (*h - *l));
        self.e.truncate(half);
        for t in self.abc.iter_mut() {
            let (lo, hi) = t.split_at_mut(half);
            cfg_chunks_mut!(lo, stride)
                .zip(cfg_chunks!(hi, stride))
                .for_each(|(l, h)| {
                    for (l, h) in l[..valid].iter_mut().zip(&h[..valid]) {
                        *l += r * (*h - *l);
                    }
                });
            t.truncate(half);
        }
        self.cycle_vars_left = self.cycle_vars_left.saturating_sub(1);
    }

    fn final_evals(&self) -> Vec<F> {
        let [a, b, c] = &self.abc;
        vec![self.e[0], a[0], b[0], c[0]]
    }
}
