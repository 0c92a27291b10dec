//! The prover of the outer sumcheck `Σ_{t,c} E(t,c)·(Az·Bz − Cz)(t,c) = 0` (degree 3), in
//! `O(T·N)` time and `O(T + TABLE_BUDGET)` memory: no table of `T·2^{n_c}` entries exists.
//!
//! Rounds `0 … n_t−1` bind the cycle bits (MSB first), then `n_t … n_t+n_c−1` the constraint
//! bits. With `eq_c = eq(τ_c, ·)`, the weight factors as
//! `E(t,c) = eq(τ_t,t)·eq_c(c) − eq(τ_t,1…1)·eq(1…1,t)·[c ∈ X]·eq_c(c)`, `X` the cross-step rows.
//!
//! **Cycle round `j`** (`r_{<j}` bound, `t = (r_{<j}, Y, t'')`): by Gruen's factoring
//! `eq(τ_t,(r_{<j},Y,t'')) = L·eq(τ_j,Y)·eq(τ_{>j},t'')` with `L = eq(τ_{<j}, r_{<j})`,
//! ```text
//!   h(Y) = L·eq(τ_j,Y)·q(Y) − D(Y),  q(Y) = Σ_{t''} eq(τ_{>j},t'') Σ_{c<N} eq_c(c)·P(Y,t'',c)
//!   D(Y) = eq(τ_t,1…1)·Π r_{<j}·Y·Σ_{c∈X} eq_c(c)·P(Y,1…1,c),   P = Az·Bz − Cz (bound)
//! ```
//! `q` has degree 2: the prover sums `q(0)` and the leading coefficient `q(∞) = Σ ΔAz·ΔBz`,
//! and takes `q(1)` from `h(0) + h(1) = claim` (summing it only if `L·τ_j = 0`). `D` needs the
//! last slot only. The empty rows `c ≥ N` are never touched.
//!
//! **Where `Az, Bz, Cz` come from.** The first `k` cycle rounds are streamed from the witness
//! ([`UniformRows`]: small integers, zero values free). Rounds `0 … 2` come from one integer
//! pass made before the first challenge ([`super::first_rounds`]); each further streamed
//! round `j` recomputes `Az(r_{<j}, Y, t'', c) = Σ_{b ∈ {0,1}^j} eq(r_{<j}, b)·Az((b, Y, t''), c)`,
//! skipping the `B` rows whose bound `A` row is 0 (their products vanish). After round `k − 1`
//! the rows are materialized once, bound to `r_{<k}`: per remaining slot the non-empty rows
//! and one zero that stands for every empty row (`(R + 1)·2^{n_t−k}` field elements for `R`
//! non-empty rows of the `3N`), `k` the least with that `≤` the table budget ([`TABLE_BUDGET`]
//! in the prover); the later rounds bind that table in place. The first rounds are streamed even when the table would fit
//! ([`MIN_STREAM_ROUNDS`]). After the cycle rounds, `E(r_t, ·)`, `Az(r_t, ·)`, … are vectors
//! of `2^{n_c}` entries and the constraint rounds are a plain dense sumcheck.
//!
//! Memory beyond the witness: the table (at most the budget), `eq(τ_{>j}, ·)` (`T/2` field
//! elements in round 0) and per-thread buffers of `O(N)`.

use super::first_rounds::{add_scaled, first_rounds, sum_chunks, FirstRounds, MAX_FIRST_ROUNDS};
use super::rows::{Scratch, UniformRows};
use crate::field::{JoltField, WideSum};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::r1cs::shape::UniformShape;
use crate::subprotocols::sumcheck::{ProductSumcheck, SumcheckInstance};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks_mut, cfg_iter, cfg_iter_mut};

/// Most field elements the materialized table may hold by default (`3·2^23`: 768 MiB for
/// BN254). The RV32IM shape's 162 non-empty rows at `T = 2^20` make a table of `163·2^17`
/// entries right after the integer pass's three rounds, so no round is streamed after it.
pub(super) const TABLE_BUDGET: usize = 3 << 23;

/// Cycle rounds streamed by default before the table may be built: the integer pass of
/// [`super::first_rounds`] covers them for less time and memory than table rounds would take.
pub(super) const MIN_STREAM_ROUNDS: usize = MAX_FIRST_ROUNDS;

type Comb<F> = fn(&[F]) -> F;

/// `E·(Az·Bz − Cz)` on `[E, Az, Bz, Cz]`.
fn outer_comb<F: JoltField>(v: &[F]) -> F {
    v[0] * (v[1] * v[2] - v[3])
}

enum Stage<F: JoltField> {
    /// Rounds `j < k`: rows recomputed from the witness.
    Stream,
    /// Rounds `k ≤ j < n_t`: `Az, Bz, Cz` bound to `r_{<j}`, per remaining slot the non-empty
    /// rows and a zero ([`OuterSumcheck::slot_width`] entries).
    Table(Vec<F>),
    /// Rounds `j ≥ n_t`: a dense sumcheck over the constraint bits.
    Constraint(ProductSumcheck<F, Comb<F>>),
}

/// Per-thread buffers of the streamed rounds.
struct Buffers<F> {
    scratch: Scratch<F>,
    /// `3N` rows at `Y = 0` and `Y = 1`, unreduced while they are accumulated.
    wide_lo: Vec<WideSum<F>>,
    wide_hi: Vec<WideSum<F>>,
    /// The same rows, reduced, as a slot of the table ([`OuterSumcheck::compact_into`]).
    lo: Vec<F>,
    hi: Vec<F>,
    /// Row indices to accumulate.
    active: Vec<usize>,
}

pub(super) struct OuterSumcheck<'a, F: JoltField> {
    rows: UniformRows<'a, F>,
    /// The non-empty rows: all, of `A`, of `B`, of `C` (indices into the `3N`).
    rows_all: Vec<usize>,
    rows_a: Vec<usize>,
    rows_b: Vec<usize>,
    rows_c: Vec<usize>,
    /// Per row of the `3N`, its entry in a slot of the table: the non-empty rows in order,
    /// then one entry that stays 0 for all the empty rows.
    entry: Vec<usize>,
    /// `N`.
    n: usize,
    n_t: usize,
    n_c: usize,
    t_len: usize,
    tau_t: Vec<F>,
    eq_c: Vec<F>,
    cross: Vec<usize>,
    /// `eq(τ_t, 1…1) = Π τ_t`.
    tau_t_ones: F,
    r: Vec<F>,
    /// `eq(τ_{<j}, r_{<j})`.
    eq_prefix: F,
    /// `Π r_{<j}` over the cycle challenges.
    r_ones: F,
    stream_rounds: usize,
    /// The first (up to 3) streamed rounds, from one pass.
    first: Option<FirstRounds<F>>,
    stage: Stage<F>,
}

impl<'a, F: JoltField> OuterSumcheck<'a, F> {
    /// The instance for `witness` (`n_t` variables per column) and `τ = (τ_t ‖ τ_c)`. The
    /// first `min_stream_rounds` cycle rounds (at most `n_t`) are streamed, and further ones
    /// until the rows fit in `table_budget` field elements.
    pub(super) fn new(
        shape: &UniformShape,
        witness: &'a [MultilinearPolynomial<F>],
        tau: &[F],
        table_budget: usize,
        min_stream_rounds: usize,
    ) -> Self {
        let n_t = witness.first().map_or(0, |w| w.num_vars());
        let n_c = shape.log_num_constraints();
        let (tau_t, tau_c) = tau.split_at(n_t);
        let n = shape.num_constraints();
        let rows = UniformRows::new(shape, witness);
        let rows_all: Vec<usize> = (0..3 * n).filter(|&i| !rows.is_empty_row(i)).collect();
        let slot_width = rows_all.len() + 1;
        let mut stream_rounds = min_stream_rounds.min(n_t);
        while stream_rounds < n_t && slot_width << (n_t - stream_rounds) > table_budget {
            stream_rounds += 1;
        }
        let mut entry = vec![rows_all.len(); 3 * n];
        for (k, &i) in rows_all.iter().enumerate() {
            entry[i] = k;
        }
        let part = |m: usize| -> Vec<usize> {
            let range = m * n..(m + 1) * n;
            rows_all
                .iter()
                .copied()
                .filter(|i| range.contains(i))
                .collect()
        };
        let (rows_a, rows_b, rows_c) = (part(0), part(1), part(2));
        let mut outer = Self {
            rows,
            rows_all,
            rows_a,
            rows_b,
            rows_c,
            entry,
            n,
            n_t,
            n_c,
            t_len: 1 << n_t,
            tau_t: tau_t.to_vec(),
            eq_c: EqPolynomial::evals(tau_c),
            cross: shape.cross_step_rows().collect(),
            tau_t_ones: tau_t.iter().product(),
            r: Vec::with_capacity(n_t + n_c),
            eq_prefix: F::ONE,
            r_ones: F::ONE,
            stream_rounds,
            first: None,
            stage: Stage::Stream,
        };
        if stream_rounds > 0 {
            let _span = tracing::info_span!("first rounds").entered();
            let with_one = outer.tau_t[0].is_zero();
            outer.first = Some(first_rounds(
                &outer.rows,
                n,
                &outer.eq_c,
                &outer.tau_t,
                with_one,
                stream_rounds.min(MAX_FIRST_ROUNDS),
            ));
        }
        outer.advance();
        outer
    }

    /// Moves to the next stage once its first round is reached.
    fn advance(&mut self) {
        let j = self.r.len();
        if matches!(self.stage, Stage::Stream) && j == self.stream_rounds {
            self.stage = Stage::Table(self.materialize());
        }
        if j == self.n_t {
            if let Stage::Table(table) = &self.stage {
                self.stage = Stage::Constraint(self.constraint_stage(table));
            }
        }
    }

    fn buffers(&self) -> Buffers<F> {
        Buffers {
            scratch: self.rows.scratch(),
            wide_lo: vec![WideSum::ZERO; 3 * self.n],
            wide_hi: vec![WideSum::ZERO; 3 * self.n],
            lo: vec![F::ZERO; self.slot_width()],
            hi: vec![F::ZERO; self.slot_width()],
            active: Vec::with_capacity(2 * self.n),
        }
    }

    /// Entries of a slot of the table: the non-empty rows and a zero.
    fn slot_width(&self) -> usize {
        self.rows_all.len() + 1
    }

    /// The non-empty rows of `wide` (all `3N`) reduced into a slot `out` (whose last entry,
    /// the zero, is left alone).
    fn compact_into(&self, wide: &[WideSum<F>], out: &mut [F]) {
        for (o, &row) in out.iter_mut().zip(&self.rows_all) {
            let sum = &wide[row];
            *o = if sum.is_zero() { F::ZERO } else { sum.reduce() };
        }
    }

    /// `Az, Bz, Cz` bound to the current `r` (all cycle bits so far), slot-major, each slot
    /// holding the non-empty rows and a zero.
    #[tracing::instrument(skip_all, name = "materialize")]
    fn materialize(&self) -> Vec<F> {
        let w = self.slot_width();
        let eq_r = EqPolynomial::evals(&self.r);
        let block = self.t_len >> self.r.len();
        let mut table = vec![F::ZERO; block * w];
        let chunk = (block / (8 * num_threads())).clamp(1, 1 << 10);
        cfg_chunks_mut!(table, chunk * w)
            .enumerate()
            .for_each(|(i, outs)| {
                let mut scratch = self.rows.scratch();
                let mut wide = vec![WideSum::ZERO; 3 * self.n];
                for (s, out) in outs.chunks_mut(w).enumerate() {
                    wide.fill(WideSum::ZERO);
                    for (b, weight) in eq_r.iter().enumerate() {
                        let t = b * block + i * chunk + s;
                        self.rows
                            .accumulate(t, *weight, &self.rows_all, &mut scratch, &mut wide);
                    }
                    self.compact_into(&wide, out);
                }
            });
        table
    }

    /// A slot of the table as `3N` rows.
    fn expand(&self, slot: &[F]) -> Vec<F> {
        self.entry.iter().map(|&k| slot[k]).collect()
    }

    /// The dense instance over the constraint bits, from the fully cycle-bound rows (the
    /// table's last slot).
    fn constraint_stage(&self, slot: &[F]) -> ProductSumcheck<F, Comb<F>> {
        let rows = self.expand(slot);
        let (n, size) = (self.n, 1usize << self.n_c);
        let column = |m: usize| {
            let mut v = vec![F::ZERO; size];
            v[..n].copy_from_slice(&rows[m * n..(m + 1) * n]);
            MultilinearPolynomial::from(v)
        };
        let mut e: Vec<F> = self.eq_c.iter().map(|x| self.eq_prefix * x).collect();
        let mask = self.tau_t_ones * self.r_ones;
        for &c in &self.cross {
            e[c] -= mask * self.eq_c[c];
        }
        let polys = vec![e.into(), column(0), column(1), column(2)];
        ProductSumcheck::new(polys, 3, F::ZERO, outer_comb::<F> as Comb<F>)
    }

    /// `Σ_{c<N} eq_c(c)·[P(0), P(1), P(∞)]` for the rows `lo` (`Y = 0`) and `hi` (`Y = 1`) of
    /// one slot of the table (row `i` of the `3N` at `lo[entry[i]]`); `P(1)` only if
    /// `with_one`.
    #[inline]
    fn slot_sums(&self, lo: &[F], hi: &[F], with_one: bool) -> [F; 3] {
        let (n, entry) = (self.n, &self.entry);
        let mut s = [F::ZERO; 3];
        for c in 0..n {
            let (ea, eb, ec) = (entry[c], entry[n + c], entry[2 * n + c]);
            let (a0, b0, c0) = (lo[ea], lo[eb], lo[ec]);
            let (a1, b1, c1) = (hi[ea], hi[eb], hi[ec]);
            let w = self.eq_c[c];
            s[0] += w * (a0 * b0 - c0);
            s[2] += w * ((a1 - a0) * (b1 - b0));
            if with_one {
                s[1] += w * (a1 * b1 - c1);
            }
        }
        s
    }

    /// The rows of slot `s` of round `j < k` at `Y = 0` and `Y = 1`, bound to `r_{<j}`, into
    /// `buf.lo`, `buf.hi`. A `B` row is left 0 where the bound `A` row is 0 at both `Y`: it
    /// only ever enters the round multiplied by that `A` row.
    fn stream_slot(&self, eq_r: &[F], s: usize, buf: &mut Buffers<F>) {
        let block = self.t_len >> self.r.len();
        let n = self.n;
        let Buffers {
            scratch,
            wide_lo,
            wide_hi,
            lo,
            hi,
            active,
        } = buf;
        wide_lo.fill(WideSum::ZERO);
        wide_hi.fill(WideSum::ZERO);
        let mut pass = |rows: &[usize], lo: &mut [WideSum<F>], hi: &mut [WideSum<F>]| {
            for (b, weight) in eq_r.iter().enumerate() {
                let t = b * block + s;
                self.rows.accumulate(t, *weight, rows, scratch, lo);
                self.rows
                    .accumulate(t + block / 2, *weight, rows, scratch, hi);
            }
        };
        pass(&self.rows_a, wide_lo, wide_hi);
        active.clear();
        active.extend(
            self.rows_b
                .iter()
                .filter(|&&i| !wide_lo[i - n].is_zero() || !wide_hi[i - n].is_zero()),
        );
        active.extend(&self.rows_c);
        pass(active, wide_lo, wide_hi);
        self.compact_into(wide_lo, lo);
        self.compact_into(wide_hi, hi);
    }

    /// `[q(0), q(1) or 0, q(∞)]` of cycle round `j = r.len()`, summed over the slots.
    fn cycle_sums(&self, with_one: bool) -> [F; 3] {
        let j = self.r.len();
        if let Some(q) = self
            .first
            .as_ref()
            .and_then(|f| f.round(j, &self.r, with_one))
        {
            return q;
        }
        let w = self.slot_width();
        let e_rest = EqPolynomial::evals(&self.tau_t[j + 1..]);
        let half = e_rest.len();
        match &self.stage {
            Stage::Table(table) => sum_chunks(half, |range| {
                let mut acc = [F::ZERO; 3];
                for s in range {
                    let lo = &table[s * w..(s + 1) * w];
                    let hi = &table[(half + s) * w..(half + s + 1) * w];
                    add_scaled(&mut acc, e_rest[s], self.slot_sums(lo, hi, with_one));
                }
                acc
            }),
            _ => {
                let eq_r = EqPolynomial::evals(&self.r);
                sum_chunks(half, |range| {
                    let mut acc = [F::ZERO; 3];
                    let mut buf = self.buffers();
                    for s in range {
                        self.stream_slot(&eq_r, s, &mut buf);
                        add_scaled(
                            &mut acc,
                            e_rest[s],
                            self.slot_sums(&buf.lo, &buf.hi, with_one),
                        );
                    }
                    acc
                })
            }
        }
    }

    /// The last slot's `3N` rows at `Y = 0` and `Y = 1` (for `D`).
    fn last_slot(&self) -> (Vec<F>, Vec<F>) {
        let w = self.slot_width();
        let half = self.t_len >> (self.r.len() + 1);
        match &self.stage {
            Stage::Table(table) => {
                let slot = |s: usize| self.expand(&table[s * w..(s + 1) * w]);
                (slot(half - 1), slot(2 * half - 1))
            }
            _ => {
                let mut buf = self.buffers();
                self.stream_slot(&EqPolynomial::evals(&self.r), half - 1, &mut buf);
                (self.expand(&buf.lo), self.expand(&buf.hi))
            }
        }
    }

    /// `h(0), …, h(3)` of cycle round `j = r.len()`.
    fn cycle_round(&self, claim: F) -> Vec<F> {
        let j = self.r.len();
        let n = self.n;
        let (l, tj) = (self.eq_prefix, self.tau_t[j]);
        let lead = l * tj;
        let with_one = lead.is_zero();
        let [q0, q1, q_inf] = self.cycle_sums(with_one);
        let (lo, hi) = self.last_slot();
        // D(Y) from the last slot.
        let mask = self.tau_t_ones * self.r_ones;
        let d = |y: F| -> F {
            let at = |i: usize| lo[i] + y * (hi[i] - lo[i]);
            let p: F = self
                .cross
                .iter()
                .map(|&c| self.eq_c[c] * (at(c) * at(n + c) - at(2 * n + c)))
                .sum();
            mask * y * p
        };
        let q1 = match lead.inverse() {
            Some(inv) if !with_one => (claim - l * (F::ONE - tj) * q0 + d(F::ONE)) * inv,
            _ => q1,
        };
        let q = |y: F| q0 + (q1 - q0 - q_inf) * y + q_inf * y * y;
        (0..4u64)
            .map(|y| {
                let y = F::from_u64(y);
                let eq_y = F::ONE - tj + y * (tj.double() - F::ONE);
                l * eq_y * q(y) - d(y)
            })
            .collect()
    }
}

impl<F: JoltField> SumcheckInstance<F> for OuterSumcheck<'_, F> {
    fn degree(&self) -> usize {
        3
    }

    fn num_rounds(&self) -> usize {
        self.n_t + self.n_c
    }

    /// The zero-check's claim. The prover does not check the witness: for an unsatisfying
    /// one the rounds are still computed from this claim, and the verifier rejects.
    fn input_claim(&self) -> F {
        F::ZERO
    }

    fn compute_round_evals(&self, previous_claim: F) -> Vec<F> {
        match &self.stage {
            Stage::Constraint(dense) => dense.compute_round_evals(previous_claim),
            _ => self.cycle_round(previous_claim),
        }
    }

    fn bind(&mut self, r: F) {
        match &mut self.stage {
            Stage::Constraint(dense) => dense.bind(r),
            Stage::Table(table) => {
                let half = table.len() / 2;
                let (lo, hi) = table.split_at_mut(half);
                cfg_iter_mut!(lo)
                    .zip(cfg_iter!(hi))
                    .for_each(|(l, h)| *l += r * (*h - *l));
                table.truncate(half);
            }
            Stage::Stream => {}
        }
        if let Some(tj) = self.tau_t.get(self.r.len()) {
            self.eq_prefix *= *tj * r + (F::ONE - tj) * (F::ONE - r);
            self.r_ones *= r;
        }
        self.r.push(r);
        self.advance();
    }

    fn final_evals(&self) -> Vec<F> {
        match &self.stage {
            Stage::Constraint(dense) => dense.final_evals(),
            _ => Vec::new(),
        }
    }
}
