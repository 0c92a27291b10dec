//! The first `M ≤ 3` cycle rounds of the outer sumcheck (see [`super::outer`]) from one pass
//! over the witness in integers, before any challenge is drawn (the small-value technique of
//! Bagad, Dao, Domb and Thaler, "Speeding Up Sum-Check Proving").
//!
//! Round `m` binds `t = (r_{<m}, Y, t'')`. Write `A_{bY} = Az((b, Y, t''), c)` for
//! `b ∈ {0,1}^m` (likewise `B`, `C`); these are integers. The bound row is
//! `A(r_{<m}, Y) = Σ_b eq(r_{<m}, b)·A_{bY}`, so with `ΔA_b = A_{b1} − A_{b0}`
//! ```text
//!   q_m(0) = Σ_{b,b'} eq(r,b)·eq(r,b')·G0[b,b'] − Σ_b eq(r,b)·H0[b],   q_m(∞) = Σ_{b,b'} eq(r,b)·eq(r,b')·G∞[b,b']
//!   G0[b,b'] = Σ_{t'',c} w·A_{b0}·B_{b'0},  G∞[b,b'] = Σ w·ΔA_b·ΔB_{b'},  H0[b] = Σ w·C_{b0}
//! ```
//! with `w = eq(τ_{>m}, t'')·eq_c(c)`. The products are exact integers and mostly 0 (most rows
//! have `A = 0`; a row whose `A` or `B` is 0 at all the group's cycles, and `C` too, is skipped),
//! so the pass costs about one evaluation of the rows per cycle plus a field multiplication
//! per non-zero product. Round 0 also sums `q(1)` (`G1`, `H1` at `Y = 1`) when asked; a later
//! round whose `q(1)` is needed is streamed instead. Products that overflow `i128`, and field
//! rows, are computed in the field.

use super::rows::{UniformRows, Value};
use crate::cfg_into_iter;
use crate::field::{JoltField, WideSum};
use crate::poly::EqPolynomial;
#[allow(unused_imports)]
use crate::utils::parallel::*;

/// How many cycle rounds the pass covers at most. Round `m` costs `2·4^m` products per group
/// of `2^{m+1}` cycles (`2^m` per cycle and row); on the RV32IM shape at `T = 2^20` a fourth
/// round in the pass was slower than streaming it (about 12.8 s against 11.9 s of CPU).
pub(super) const MAX_FIRST_ROUNDS: usize = 3;

/// The sums of [`first_rounds`]: per round `m`, `G0`, `G∞` (`4^m` each, index `b·2^m + b'`),
/// `H0` (`2^m`), and for round 0 `G1`, `H1` when asked.
pub(super) struct FirstRounds<F> {
    sums: Vec<F>,
    with_one: bool,
    rounds: usize,
}

/// Offset of round `m`'s sums, and their count, in the flat layout.
fn layout(m: usize, with_one: bool) -> (usize, usize) {
    let size = |m: usize| 2 * (1 << (2 * m)) + (1 << m) + if m == 0 && with_one { 2 } else { 0 };
    ((0..m).map(size).sum(), size(m))
}

impl<F: JoltField> FirstRounds<F> {
    /// `[q(0), q(1) or 0, q(∞)]` of round `m` at `r = r_{<m}`; `None` if the pass does not
    /// cover round `m`, or `q(1)` is needed (`with_one`) and was not summed.
    pub(super) fn round(&self, m: usize, r: &[F], with_one: bool) -> Option<[F; 3]> {
        if m >= self.rounds || (with_one && !(m == 0 && self.with_one)) {
            return None;
        }
        let (off, size) = layout(m, self.with_one);
        let sums = self.sums.get(off..off + size)?;
        let eq_r = EqPolynomial::evals(r);
        let quad = |g: &[F]| -> F {
            eq_r.iter()
                .enumerate()
                .map(|(b, e)| {
                    *e * eq_r
                        .iter()
                        .zip(&g[b << m..(b + 1) << m])
                        .map(|(f, x)| *f * x)
                        .sum::<F>()
                })
                .sum()
        };
        let lin = |h: &[F]| -> F { eq_r.iter().zip(h).map(|(e, x)| *e * x).sum() };
        let g = 1 << (2 * m);
        let (g0, rest) = sums.split_at(g);
        let (g_inf, rest) = rest.split_at(g);
        let (h0, rest) = rest.split_at(1 << m);
        let q1 = match rest {
            [g1, h1] => *g1 - h1,
            _ => F::ZERO,
        };
        Some([quad(g0) - lin(h0), q1, quad(g_inf)])
    }
}

/// One pass over the witness (`T = 2^{|τ_t|}` cycles) summing the first `rounds` cycle rounds
/// (`rounds ≤ min(MAX_FIRST_ROUNDS, n_t)`), round 0 with `q(1)` if `with_one`.
pub(super) fn first_rounds<F: JoltField>(
    rows: &UniformRows<'_, F>,
    n: usize,
    eq_c: &[F],
    tau_t: &[F],
    with_one: bool,
    rounds: usize,
) -> FirstRounds<F> {
    let t_len = 1usize << tau_t.len();
    let group = 1usize << rounds;
    let supers = t_len / group;
    // e[m] = eq(τ_{>m}, ·), indexed t'' = v·supers + s.
    let e: Vec<Vec<F>> = (0..rounds)
        .map(|m| EqPolynomial::evals(tau_t.get(m + 1..).unwrap_or_default()))
        .collect();
    let total = layout(rounds, with_one).0;
    let ctx = Ctx { n, eq_c, with_one };
    let sums = sum_chunks_vec(supers, total, |range| {
        let mut scratch: Vec<_> = (0..group).map(|_| rows.scratch()).collect();
        let mut acc = vec![F::ZERO; total];
        let max_size = layout(rounds - 1, with_one).1;
        let mut local = vec![WideSum::ZERO; max_size];
        let mut ints = vec![0i128; max_size];
        for s in range {
            for (u, sc) in scratch.iter_mut().enumerate() {
                rows.eval(u * supers + s, sc);
            }
            for (m, e_m) in e.iter().enumerate() {
                let (off, size) = layout(m, with_one);
                let v_count = group >> (m + 1);
                for v in 0..v_count {
                    // Cycle (b, Y, v, s) is scratch[(2b + Y)·v_count + v].
                    let mut cycles: [&[Value<F>]; 1 << MAX_FIRST_ROUNDS] =
                        [&[]; 1 << MAX_FIRST_ROUNDS];
                    for (by, cyc) in cycles.iter_mut().take(2 << m).enumerate() {
                        *cyc = &scratch[by * v_count + v].values;
                    }
                    let local = &mut local[..size];
                    local.fill(WideSum::ZERO);
                    ctx.group(m, &cycles[..2 << m], local, &mut ints[..size]);
                    let weight = e_m[v * supers + s];
                    for (a, l) in acc[off..off + size].iter_mut().zip(local.iter()) {
                        if !l.is_zero() {
                            *a += weight * l.reduce();
                        }
                    }
                }
            }
        }
        acc
    });
    FirstRounds {
        sums,
        with_one,
        rounds,
    }
}

/// What every group's sums need.
struct Ctx<'a, F> {
    n: usize,
    eq_c: &'a [F],
    with_one: bool,
}

impl<F: JoltField> Ctx<'_, F> {
    /// Adds `Σ_c eq_c(c)·` this group's terms of round `m` into `out` (`G0, G∞, H0[, G1, H1]`);
    /// `cycles[2b + Y]` are the rows of cycle `(b, Y)`. `ints` is scratch of `out.len()`.
    fn group(&self, m: usize, cycles: &[&[Value<F>]], out: &mut [WideSum<F>], ints: &mut [i128]) {
        const MAX: usize = 1 << MAX_FIRST_ROUNDS;
        let (n, nb) = (self.n, 1usize << m);
        let one = m == 0 && self.with_one;
        let g = nb * nb;
        let zero = |i: usize| cycles.iter().all(|v| v[i] == Value::Int(0));
        for (c, w) in self.eq_c.iter().take(n).enumerate() {
            let (a, b, cc) = (c, n + c, 2 * n + c);
            if zero(cc) && (zero(a) || zero(b)) {
                continue;
            }
            let int = |i: usize| -> Option<[i128; MAX]> {
                let mut out = [0; MAX];
                for (o, v) in out.iter_mut().zip(cycles) {
                    match v[i] {
                        Value::Int(x) => *o = x,
                        Value::Field(_) => return None,
                    }
                }
                Some(out)
            };
            // Terms in integers, or None (a field row, or an overflow).
            let int_terms = (|| {
                let (a, b, cc) = (int(a)?, int(b)?, int(cc)?);
                for i in 0..nb {
                    let da = a[2 * i + 1].checked_sub(a[2 * i])?;
                    for j in 0..nb {
                        let db = b[2 * j + 1].checked_sub(b[2 * j])?;
                        ints[i * nb + j] = a[2 * i].checked_mul(b[2 * j])?;
                        ints[g + i * nb + j] = da.checked_mul(db)?;
                    }
                    ints[2 * g + i] = cc[2 * i];
                }
                if one {
                    ints[2 * g + 1] = a[1].checked_mul(b[1])?;
                    ints[2 * g + 2] = cc[1];
                }
                Some(())
            })();
            match int_terms {
                Some(()) => {
                    for (o, k) in out.iter_mut().zip(ints.iter()) {
                        if *k != 0 {
                            o.add_mul_i128(w, *k);
                        }
                    }
                }
                None => {
                    let field = |i: usize| -> [F; MAX] {
                        let mut out = [F::ZERO; MAX];
                        for (o, v) in out.iter_mut().zip(cycles) {
                            *o = v[i].field();
                        }
                        out
                    };
                    let (a, b, cc) = (field(a), field(b), field(cc));
                    for i in 0..nb {
                        let da = a[2 * i + 1] - a[2 * i];
                        for j in 0..nb {
                            let db = b[2 * j + 1] - b[2 * j];
                            out[i * nb + j].add_field(*w * (a[2 * i] * b[2 * j]));
                            out[g + i * nb + j].add_field(*w * (da * db));
                        }
                        out[2 * g + i].add_field(*w * cc[2 * i]);
                    }
                    if one {
                        out[2 * g + 1].add_field(*w * (a[1] * b[1]));
                        out[2 * g + 2].add_field(*w * cc[1]);
                    }
                }
            }
        }
    }
}

/// `Σ f(range)` (vectors of length `size`) over chunks of `0..len`, the chunks in parallel.
fn sum_chunks_vec<F: JoltField>(
    len: usize,
    size: usize,
    f: impl Fn(std::ops::Range<usize>) -> Vec<F> + Send + Sync,
) -> Vec<F> {
    let chunk = (len / (8 * num_threads())).clamp(1, 1 << 10);
    let starts: Vec<usize> = (0..len).step_by(chunk).collect();
    let parts: Vec<Vec<F>> = cfg_into_iter!(starts)
        .map(|s| f(s..(s + chunk).min(len)))
        .collect();
    let mut total = vec![F::ZERO; size];
    for p in parts {
        for (t, v) in total.iter_mut().zip(p) {
            *t += v;
        }
    }
    total
}

/// `Σ f(range)` over chunks of `0..len`, the chunks in parallel.
pub(super) fn sum_chunks<F: JoltField, const K: usize>(
    len: usize,
    f: impl Fn(std::ops::Range<usize>) -> [F; K] + Send + Sync,
) -> [F; K] {
    let chunk = (len / (8 * num_threads())).clamp(1, 1 << 12);
    let starts: Vec<usize> = (0..len).step_by(chunk).collect();
    let parts: Vec<[F; K]> = cfg_into_iter!(starts)
        .map(|s| f(s..(s + chunk).min(len)))
        .collect();
    let mut total = [F::ZERO; K];
    for p in parts {
        for (t, v) in total.iter_mut().zip(p) {
            *t += v;
        }
    }
    total
}

/// `acc[i] += w·v[i]`.
#[inline]
pub(super) fn add_scaled<F: JoltField, const K: usize>(acc: &mut [F; K], w: F, v: [F; K]) {
    for (a, v) in acc.iter_mut().zip(v) {
        *a += w * v;
    }
}
