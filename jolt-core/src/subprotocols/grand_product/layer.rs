//! The prover of one GKR layer's sumcheck (see the [module documentation](super)):
//! ```text
//!   Σ_{x ∈ {0,1}^m} eq(r, x) · Σ_b λ_b · L_b(x) · R_b(x)
//! ```
//! with `L_b`, `R_b` the lower and upper halves of vector `b`'s layer below.
//!
//! Binding the top variable `x_j`, `eq(r, (s, X, x')) = e · eq(r_j, X) · eq(r_{>j}, x')` where
//! `e = Π_{i<j} eq(r_i, s_i)` is a scalar, so the round polynomial of the generic
//! [`ProductSumcheck`] over `[eq(r, ·), L_0, R_0, …]` is `h(X) = e · eq(r_j, X) · q(X)` with `q`
//! of degree 2. The prover sums only the two values of `q` it sends (`q(0)`, or `q(1)` when
//! `r_j = 0`, and `q(2)`) over the `2^{m−j−1}` points `x'`, weighting by the table of
//! `eq(r_{>j}, ·)` (never binding an `eq` table), and solves the third from the running claim
//! as the verifier does. `λ_b` is folded into `L_b` when the first variable is bound, so each
//! point costs two products per vector and two by `eq`.
//!
//! [`ProductSumcheck`]: crate::subprotocols::sumcheck::ProductSumcheck

use super::leaves::{map_pairs, Source, BLOCK};
use super::LayerRound;
use crate::field::JoltField;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::sumcheck::prove::sum_over_chunks;
use crate::transcript::{labels, Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_iter, cfg_iter_mut};
use std::borrow::Cow;

/// Below this many points, binding runs on one thread.
const PARALLEL_POINTS: usize = 1 << 11;

/// One layer's sumcheck over the vectors still active at this layer.
pub(super) struct LayerSumcheck<'a, F: JoltField> {
    /// The claim's point `r` (`m` coordinates).
    r: Vec<F>,
    /// Rounds done so far.
    round: usize,
    /// The challenges of the rounds done.
    challenges: Vec<F>,
    /// `λ_b`.
    lambda: Vec<F>,
    /// The layer below of each active vector (`L_b` is its lower half, `R_b` its upper),
    /// read in blocks until the first bind.
    below: Vec<&'a dyn Source<F>>,
    /// After the first bind: `λ_b · L_b` and `R_b` with the bound variables fixed.
    left: Vec<Vec<F>>,
    right: Vec<Vec<F>>,
    /// The running claim `c_j = claim_j / e_j` on `q_j(0), q_j(1)`, from which the third value
    /// of each round's quadratic is solved.
    claim: F,
}

impl<'a, F: JoltField> LayerSumcheck<'a, F> {
    /// The sumcheck for the claim `Σ_b λ_b · V_b(r) = claim`, `below[b]` the layer below of
    /// vector `b` (`2^{m+1}` entries, `m = r.len()`).
    pub(super) fn new(r: Vec<F>, lambda: Vec<F>, below: Vec<&'a dyn Source<F>>, claim: F) -> Self {
        assert_eq!(lambda.len(), below.len(), "one λ per vector");
        assert!(
            below.iter().all(|v| v.len() == 2 << r.len()),
            "every layer below has 2^(m+1) entries"
        );
        Self {
            r,
            round: 0,
            challenges: Vec::new(),
            lambda,
            below,
            left: Vec::new(),
            right: Vec::new(),
            claim,
        }
    }

    /// Number of entries of `L_b` and `R_b` now.
    fn len(&self) -> usize {
        1 << (self.r.len() - self.round)
    }
}

/// `[q(a), q(2)]` summed over the `half` points `x'` (`a = 0`, or `a = 1` if `at_one`):
/// `Σ_x' eq[x'] · Σ_b l_b(X, x') · r_b(X, x')`, where `quarters(b, start, len)` reads
/// `[l_b(0, ·), l_b(1, ·), r_b(0, ·), r_b(1, ·)]` at `start .. start + len`, and `l_b` is
/// scaled by `scale_b` (`None` for 1). The third value of `q` follows from the running claim.
fn quadratic_sums<'s, F, Q>(
    k: usize,
    quarters: Q,
    scale: Option<&[F]>,
    eq: &[F],
    at_one: bool,
) -> [F; 2]
where
    F: JoltField,
    Q: Fn(usize, usize, usize) -> [Cow<'s, [F]>; 4] + Send + Sync,
{
    let half = eq.len();
    let q = sum_over_chunks(half, |range| {
        let mut q = vec![F::ZERO; 2];
        for start in range.clone().step_by(BLOCK) {
            let len = BLOCK.min(range.end - start);
            let blocks: Vec<[Cow<'s, [F]>; 4]> = (0..k).map(|b| quarters(b, start, len)).collect();
            for i in 0..len {
                let mut s = [F::ZERO; 2];
                for (b, [l0, l1, r0, r1]) in blocks.iter().enumerate() {
                    let (l0, l1, r0, r1) = (l0[i], l1[i], r0[i], r1[i]);
                    let l2 = l1.double() - l0;
                    let r2 = r1.double() - r0;
                    let (pa, p2) = if at_one {
                        (l1 * r1, l2 * r2)
                    } else {
                        (l0 * r0, l2 * r2)
                    };
                    match scale {
                        Some(k) => {
                            s[0] += k[b] * pa;
                            s[1] += k[b] * p2;
                        }
                        None => {
                            s[0] += pa;
                            s[1] += p2;
                        }
                    }
                }
                let e = eq[start + i];
                q[0] += e * s[0];
                q[1] += e * s[1];
            }
        }
        q
    });
    [q[0], q[1]]
}

/// Binds the top variable of `v` in place (keeping its first half).
fn bind_in_place<F: JoltField>(v: &mut Vec<F>, r: F) {
    let half = v.len() / 2;
    let (lo, hi) = v.split_at_mut(half);
    let step = |(o, h): (&mut F, &F)| *o += r * (*h - *o);
    if half >= PARALLEL_POINTS {
        cfg_iter_mut!(lo).zip(cfg_iter!(hi)).for_each(step);
    } else {
        lo.iter_mut().zip(hi.iter()).for_each(step);
    }
    v.truncate(half);
}

impl<F: JoltField> LayerSumcheck<'_, F> {
    /// `[q_j(0), q_j(1), q_j(2)]` of the current round `j` (module doc of [`super`]): two
    /// values summed (`q_j(0)`, or `q_j(1)` if `r_j = 0`, and `q_j(2)`), the third solved from
    /// the running claim `c_j = (1 − r_j)·q_j(0) + r_j·q_j(1)` as the verifier does.
    fn quadratic(&self) -> [F; 3] {
        let j = self.round;
        let eq = EqPolynomial::evals(&self.r[j + 1..]);
        let half = eq.len();
        let rj = self.r[j];
        let at_one = rj.is_zero();
        let [known, at_two] = if j == 0 {
            // L_b = below[..2·half], R_b = below[2·half..].
            let quarters = |b: usize, start: usize, len: usize| {
                let v = self.below[b];
                [0, 1, 2, 3].map(|quarter| v.read(quarter * half + start, len))
            };
            quadratic_sums(self.below.len(), quarters, Some(&self.lambda), &eq, at_one)
        } else {
            let quarters = |b: usize, start: usize, len: usize| {
                let (l, r) = (&self.left[b], &self.right[b]);
                [&l[..half], &l[half..], &r[..half], &r[half..]]
                    .map(|v| Cow::Borrowed(&v[start..start + len]))
            };
            quadratic_sums(self.left.len(), quarters, None, &eq, at_one)
        };
        match rj.inverse() {
            Some(inv) => [known, (self.claim - (F::ONE - rj) * known) * inv, at_two],
            None => [self.claim, known, at_two],
        }
    }

    fn bind(&mut self, s: F) {
        if self.round == 0 {
            // L_b = below[..2·half], R_b = below[2·half..], each bound at its top variable.
            let half = self.len() / 2;
            self.left = self
                .below
                .iter()
                .zip(&self.lambda)
                .map(|(v, l)| map_pairs(*v, 0, half, half, |lo, hi| *l * (lo + s * (hi - lo))))
                .collect();
            self.right = self
                .below
                .iter()
                .map(|v| map_pairs(*v, 2 * half, 3 * half, half, |lo, hi| lo + s * (hi - lo)))
                .collect();
        } else {
            cfg_iter_mut!(self.left)
                .chain(cfg_iter_mut!(self.right))
                .for_each(|v| bind_in_place(v, s));
        }
        self.round += 1;
        self.challenges.push(s);
    }

    /// `(L_b(s), R_b(s))` for every vector `b` (`λ_b` unfolded; should `λ_b` be zero, `L_b(s)`
    /// is evaluated from the layer below).
    fn final_claims(&self) -> (Vec<F>, Vec<F>) {
        let mut left = Vec::with_capacity(self.below.len());
        let mut right = Vec::with_capacity(self.below.len());
        for (b, (below, lambda)) in self.below.iter().zip(&self.lambda).enumerate() {
            let half = below.len() / 2;
            if self.round == 0 {
                // No variables: L_b and R_b are single values.
                left.push(below.read(0, 1)[0]);
                right.push(below.read(1, 1)[0]);
                continue;
            }
            left.push(match lambda.inverse() {
                Some(inv) => self.left[b][0] * inv,
                None => MultilinearPolynomial::from(below.read(0, half).into_owned())
                    .evaluate(&self.challenges),
            });
            right.push(self.right[b][0]);
        }
        (left, right)
    }

    /// Runs the rounds: per round sends `q_j(0)` (`q_j(1)` if `r_j = 0`) and `q_j(2)`, absorbs
    /// them and binds to the challenge. Returns the rounds, the point `s` and `(L_b(s), R_b(s))`.
    pub(super) fn prove(mut self, transcript: &mut Transcript) -> LayerOutcome<F> {
        let mut rounds = Vec::with_capacity(self.r.len());
        let half = half::<F>();
        for j in 0..self.r.len() {
            let q = self.quadratic();
            let rj = self.r[j];
            let round = LayerRound {
                known: if rj.is_zero() { q[1] } else { q[0] },
                at_two: q[2],
            };
            transcript.append_scalars(
                labels::GRAND_PRODUCT_LAYER_ROUND,
                &[round.known, round.at_two],
            );
            let s: F = transcript.challenge_scalar(labels::GRAND_PRODUCT_ROUND_CHALLENGE);
            self.claim = quadratic_at(q, s, half);
            self.bind(s);
            rounds.push(round);
        }
        let (left, right) = self.final_claims();
        LayerOutcome {
            rounds,
            point: self.challenges,
            left,
            right,
        }
    }
}

/// What a layer's sumcheck prover returns.
pub(super) struct LayerOutcome<F: JoltField> {
    /// The rounds' messages.
    pub rounds: Vec<LayerRound<F>>,
    /// The challenges `s`.
    pub point: Vec<F>,
    /// `L_b(s)`.
    pub left: Vec<F>,
    /// `R_b(s)`.
    pub right: Vec<F>,
}

/// `q(x)` for the quadratic `q` with values `q[0], q[1], q[2]` at `0, 1, 2`; `half` is `1/2`
/// (computed once by the caller).
pub(super) fn quadratic_at<F: JoltField>(q: [F; 3], x: F, half: F) -> F {
    // Newton form: q(0) + x·Δ1 + x(x − 1)/2·Δ2.
    let d1 = q[1] - q[0];
    let d2 = q[2] - q[1].double() + q[0];
    q[0] + x * d1 + x * (x - F::ONE) * half * d2
}

/// `1/2` in `F`.
pub(super) fn half<F: JoltField>() -> F {
    F::from_u64(2).inverse().unwrap_or(F::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use crate::subprotocols::grand_product::Leaves;
    use crate::subprotocols::sumcheck::{ProductSumcheck, SumcheckInstance};
    use ark_ff::{AdditiveGroup, Field};
    use ark_std::{test_rng, UniformRand};

    /// Every round polynomial of the generic product sumcheck over `[eq, L_0, R_0, …]` is
    /// `e_j · eq(r_j, X) · q_j(X)` for the `q_j` the verifier rebuilds from the layer prover's
    /// two values (on the same challenges), and both end at the same values, for every layer
    /// size from 0 variables up, across the parallel threshold, with the layer below given as
    /// values or computed, and with a zero coordinate in `r` (the `q_j(1)` case).
    #[test]
    fn matches_the_generic_sumcheck() {
        let mut rng = test_rng();
        for m in [0usize, 1, 2, 5, 13] {
            let below: Vec<Vec<Fr>> = (0..3)
                .map(|_| (0..2 << m).map(|_| Fr::rand(&mut rng)).collect())
                .collect();
            let mut r: Vec<Fr> = (0..m).map(|_| Fr::rand(&mut rng)).collect();
            if m >= 2 {
                r[1] = Fr::ZERO;
            }
            let lambda = [Fr::from(1u64), Fr::rand(&mut rng), Fr::rand(&mut rng)];
            let eq: MultilinearPolynomial<Fr> = EqPolynomial::evals(&r).into();
            let mut polys = vec![eq];
            for v in &below {
                let (lo, hi) = v.split_at(v.len() / 2);
                polys.push(lo.to_vec().into());
                polys.push(hi.to_vec().into());
            }
            let lp = lambda;
            let comb = move |v: &[Fr]| {
                v[0] * (0..3)
                    .map(|b| lp[b] * v[2 * b + 1] * v[2 * b + 2])
                    .sum::<Fr>()
            };
            let claim = ProductSumcheck::new_computing_claim(polys.clone(), 3, comb).input_claim();
            // The layers below as slices, and as computed inputs.
            let computed: Vec<Leaves<'_, Fr>> = below
                .iter()
                .map(|v| Leaves::computed(v.len(), move |i| v[i]))
                .collect();
            let sources: [Vec<&dyn Source<Fr>>; 2] = [
                below.iter().map(|v| v as &dyn Source<Fr>).collect(),
                computed.iter().map(|v| v as &dyn Source<Fr>).collect(),
            ];
            for below in sources {
                let layer = LayerSumcheck::new(r.clone(), lambda.to_vec(), below, claim);
                let outcome = layer.prove(&mut Transcript::new(b"layer"));
                assert_eq!(outcome.rounds.len(), m);
                let mut generic = ProductSumcheck::new_computing_claim(polys.clone(), 3, comb);
                let (mut running, mut e) = (claim, Fr::ONE);
                let mut c = claim;
                for (j, (round, s)) in outcome.rounds.iter().zip(&outcome.point).enumerate() {
                    let q = super::super::verify::round_quadratic(round, r[j], c).unwrap();
                    let h = generic.compute_round_evals(running);
                    for (x, hx) in h.iter().enumerate() {
                        let x = Fr::from(x as u64);
                        let eq_x = (Fr::ONE - r[j]) * (Fr::ONE - x) + r[j] * x;
                        assert_eq!(
                            *hx,
                            e * eq_x * quadratic_at(q, x, half()),
                            "m = {m}, round {j}"
                        );
                    }
                    running = crate::poly::UniPoly::from_evals(&h).evaluate(*s);
                    e *= (Fr::ONE - r[j]) * (Fr::ONE - s) + r[j] * s;
                    c = quadratic_at(q, *s, half());
                    generic.bind(*s);
                }
                let mut finals = vec![e];
                for (l, rr) in outcome.left.iter().zip(&outcome.right) {
                    finals.extend([*l, *rr]);
                }
                assert_eq!(generic.final_evals(), finals, "m = {m}");
            }
        }
    }
}
