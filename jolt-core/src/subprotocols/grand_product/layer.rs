//! The prover of one GKR layer's sumcheck (see the [module documentation](super)):
//! ```text
//!   Σ_{x ∈ {0,1}^m} eq(r, x) · Σ_b T_b(x)
//!   T_b = λ_b · L_b · R_b                                   (a product vector)
//!   T_b = λ_b · (P_{L,b} · Q_{R,b} + P_{R,b} · Q_{L,b}) + λ'_b · Q_{L,b} · Q_{R,b}   (fractions)
//! ```
//! with `L_b`, `R_b` (`(P_L, Q_L)`, `(P_R, Q_R)`) the lower and upper halves of vector `b`'s
//! layer below; fractions of unit numerators have `P_L = P_R = 1`.
//!
//! Binding the top variable `x_j`, `eq(r, (s, X, x')) = e · eq(r_j, X) · eq(r_{>j}, x')` where
//! `e = Π_{i<j} eq(r_i, s_i)` is a scalar, so the round polynomial of the generic
//! [`ProductSumcheck`] over `[eq(r, ·), L_0, R_0, …]` is `h(X) = e · eq(r_j, X) · q(X)` with `q`
//! of degree 2. The prover sums only the two values of `q` it sends (`q(0)`, or `q(1)` when
//! `r_j = 0`, and `q(2)`) over the `2^{m−j−1}` points `x'`, weighting by the table of
//! `eq(r_{>j}, ·)` (never binding an `eq` table), and solves the third from the running claim
//! as the verifier does. `λ_b` is folded into `L_b` (into `P_L` and `P_R`) when the first
//! variable is bound, so each point costs two products per product vector (three per
//! fraction vector) and two by `eq`.
//!
//! [`ProductSumcheck`]: crate::subprotocols::sumcheck::ProductSumcheck

use super::leaves::{map_pairs, LayerKind, Source, BLOCK};
use super::LayerRound;
use crate::field::JoltField;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::sumcheck::prove::sum_over_chunks;
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
    /// Each vector's batching coefficients, one per component of its layer: `[λ_b]` or
    /// `[λ_b, λ'_b]` (numerators, denominators).
    lambda: Vec<Vec<F>>,
    /// The layer below of each active vector (`L_b` is its lower half, `R_b` its upper),
    /// read in blocks until the first bind.
    below: Vec<&'a dyn Source<F>>,
    /// After the first bind: each vector's components of `L_b` and `R_b` with the bound
    /// variables fixed; a product's `L_b` and a fraction's numerators scaled by `λ_b`.
    left: Vec<Vec<Vec<F>>>,
    right: Vec<Vec<Vec<F>>>,
    /// The running claim `c_j = claim_j / e_j` on `q_j(0), q_j(1)`, from which the third value
    /// of each round's quadratic is solved.
    claim: F,
}

impl<'a, F: JoltField> LayerSumcheck<'a, F> {
    /// The sumcheck for the claim `Σ_b Σ_c λ_{b,c} · V_{b,c}(r) = claim` over the components
    /// `c` of vector `b`'s layer, `below[b]` the layer below of vector `b` (`2^{m+1}` entries,
    /// `m = r.len()`).
    pub(super) fn new(
        r: Vec<F>,
        lambda: Vec<Vec<F>>,
        below: Vec<&'a dyn Source<F>>,
        claim: F,
    ) -> Self {
        assert_eq!(
            lambda.len(),
            below.len(),
            "batching coefficients per vector"
        );
        assert!(
            below
                .iter()
                .zip(&lambda)
                .all(|(v, l)| v.len() == 2 << r.len() && l.len() == v.kind().above().width()),
            "every layer below has 2^(m+1) entries and one λ per component above"
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

/// How a vector's term `T_b` is weighted at a point: before the first bind every `λ` is
/// explicit; after it, a product's `λ_b` and a fraction's numerator `λ_b` are folded into
/// the bound halves (a unit fraction, without numerators, keeps both).
#[derive(Clone, Copy, Debug)]
enum Weights<F> {
    /// `λ · L · R` (`λ` folded: `One`).
    Scaled(F),
    One,
    /// `λ (P_L Q_R + P_R Q_L) + λ' Q_L Q_R`.
    Fraction(F, F),
    /// `P_L Q_R + P_R Q_L + λ' Q_L Q_R` (`λ` folded into `P`).
    FoldedFraction(F),
    /// `λ (Q_L + Q_R) + λ' Q_L Q_R` (unit numerators).
    UnitFraction(F, F),
}

impl<F: JoltField> Weights<F> {
    /// `T_b` from the component values of `L_b` then `R_b` at one point.
    #[inline]
    fn term(&self, l: &[F], r: &[F]) -> F {
        match (self, l, r) {
            (Self::One, [l], [r]) => *l * r,
            (Self::Scaled(w), [l], [r]) => *w * (*l * r),
            (Self::Fraction(a, b), [pl, ql], [pr, qr]) => {
                *a * (*pl * qr + *pr * ql) + *b * (*ql * qr)
            }
            (Self::FoldedFraction(b), [pl, ql], [pr, qr]) => *pl * qr + *ql * (*pr + *b * qr),
            (Self::UnitFraction(a, b), [ql], [qr]) => *a * (*ql + qr) + *b * (*ql * qr),
            _ => unreachable!("weights match the layer kinds"),
        }
    }
}

/// `[q(a), q(2)]` summed over the `half` points `x'` (`a = 0`, or `a = 1` if `at_one`):
/// `Σ_x' eq[x'] · Σ_b T_b(X, x')`, where `quarters(b, start, len)` reads the components of
/// `[l_b(0, ·), l_b(1, ·), r_b(0, ·), r_b(1, ·)]` at `start .. start + len`, weighted by
/// `weights[b]`. The third value of `q` follows from the running claim.
fn quadratic_sums<'s, F, Q>(weights: &[Weights<F>], quarters: Q, eq: &[F], at_one: bool) -> [F; 2]
where
    F: JoltField,
    Q: Fn(usize, usize, usize) -> [Vec<Cow<'s, [F]>>; 4] + Send + Sync,
{
    let half = eq.len();
    let q = sum_over_chunks(half, |range| {
        let mut q = vec![F::ZERO; 2];
        let (mut la, mut ra, mut l2, mut r2) =
            ([F::ZERO; 2], [F::ZERO; 2], [F::ZERO; 2], [F::ZERO; 2]);
        for start in range.clone().step_by(BLOCK) {
            let len = BLOCK.min(range.end - start);
            let blocks: Vec<[Vec<Cow<'s, [F]>>; 4]> = (0..weights.len())
                .map(|b| quarters(b, start, len))
                .collect();
            for i in 0..len {
                let mut s = [F::ZERO; 2];
                for (w, [l0, l1, r0, r1]) in weights.iter().zip(&blocks) {
                    let width = l0.len();
                    for c in 0..width {
                        let (x0, x1, y0, y1) = (l0[c][i], l1[c][i], r0[c][i], r1[c][i]);
                        (la[c], ra[c]) = if at_one { (x1, y1) } else { (x0, y0) };
                        l2[c] = x1.double() - x0;
                        r2[c] = y1.double() - y0;
                    }
                    s[0] += w.term(&la[..width], &ra[..width]);
                    s[1] += w.term(&l2[..width], &r2[..width]);
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
    /// Vector `b`'s weights in the current round.
    fn weights(&self, b: usize) -> Weights<F> {
        let kind = self.below[b].kind();
        match (kind, self.lambda[b].as_slice(), self.round) {
            (LayerKind::Product, [l], 0) => Weights::Scaled(*l),
            (LayerKind::Product, _, _) => Weights::One,
            (LayerKind::Fraction, [l, lq], 0) => Weights::Fraction(*l, *lq),
            (LayerKind::Fraction, [_, lq], _) => Weights::FoldedFraction(*lq),
            (LayerKind::UnitFraction, [l, lq], _) => Weights::UnitFraction(*l, *lq),
            _ => unreachable!("one λ per component above"),
        }
    }

    /// `[q_j(0), q_j(1), q_j(2)]` of the current round `j` (module doc of [`super`]): two
    /// values summed (`q_j(0)`, or `q_j(1)` if `r_j = 0`, and `q_j(2)`), the third solved from
    /// the running claim `c_j = (1 − r_j)·q_j(0) + r_j·q_j(1)` as the verifier does.
    fn quadratic(&self) -> [F; 3] {
        let j = self.round;
        let eq = EqPolynomial::evals(&self.r[j + 1..]);
        let half = eq.len();
        let rj = self.r[j];
        let at_one = rj.is_zero();
        let weights: Vec<Weights<F>> = (0..self.below.len()).map(|b| self.weights(b)).collect();
        let [known, at_two] = if j == 0 {
            // L_b = below[..2·half], R_b = below[2·half..].
            let quarters = |b: usize, start: usize, len: usize| {
                let v = self.below[b];
                [0, 1, 2, 3].map(|quarter| v.read(quarter * half + start, len))
            };
            quadratic_sums(&weights, quarters, &eq, at_one)
        } else {
            let quarters = |b: usize, start: usize, len: usize| {
                let (l, r) = (&self.left[b], &self.right[b]);
                fn part<F>(v: &[Vec<F>], from: usize, len: usize) -> Vec<Cow<'_, [F]>>
                where
                    [F]: ToOwned,
                {
                    v.iter()
                        .map(|c| Cow::Borrowed(&c[from..from + len]))
                        .collect()
                }
                [
                    part(l, start, len),
                    part(l, half + start, len),
                    part(r, start, len),
                    part(r, half + start, len),
                ]
            };
            quadratic_sums(&weights, quarters, &eq, at_one)
        };
        match rj.inverse() {
            Some(inv) => [known, (self.claim - (F::ONE - rj) * known) * inv, at_two],
            None => [self.claim, known, at_two],
        }
    }

    /// The factor folded into component `c` of vector `b`'s halves at the first bind (a
    /// product's `L_b` and a fraction's numerators, on both halves).
    fn folded(&self, b: usize, c: usize, left: bool) -> Option<F> {
        match (self.below[b].kind(), c) {
            (LayerKind::Product, 0) if left => Some(self.lambda[b][0]),
            (LayerKind::Fraction, 0) => Some(self.lambda[b][0]),
            _ => None,
        }
    }

    fn bind(&mut self, s: F) {
        if self.round == 0 {
            // L_b = below[..2·half], R_b = below[2·half..], each bound at its top variable.
            let half = self.len() / 2;
            let bound = |b: usize, start: usize, left: bool| {
                map_pairs(self.below[b], start, start + half, half, |c, lo, hi| {
                    let x = lo + s * (hi - lo);
                    match self.folded(b, c, left) {
                        Some(l) => l * x,
                        None => x,
                    }
                })
            };
            let k = self.below.len();
            let left = (0..k).map(|b| bound(b, 0, true)).collect();
            let right = (0..k).map(|b| bound(b, 2 * half, false)).collect();
            (self.left, self.right) = (left, right);
        } else {
            cfg_iter_mut!(self.left)
                .chain(cfg_iter_mut!(self.right))
                .flat_map(|v| v.iter_mut().collect::<Vec<_>>())
                .for_each(|v| bind_in_place(v, s));
        }
        self.round += 1;
        self.challenges.push(s);
    }

    /// The components of `(L_b(s), R_b(s))` for every vector `b`, in order (`λ` unfolded;
    /// should it be zero, the half is evaluated from the layer below).
    fn final_claims(&self) -> (Vec<F>, Vec<F>) {
        let mut left = Vec::new();
        let mut right = Vec::new();
        for (b, below) in self.below.iter().enumerate() {
            let half = below.len() / 2;
            if self.round == 0 {
                // No variables: L_b and R_b are single entries.
                left.extend(below.read(0, 1).iter().map(|c| c[0]));
                right.extend(below.read(1, 1).iter().map(|c| c[0]));
                continue;
            }
            for (side, (out, bound)) in [(&mut left, &self.left[b]), (&mut right, &self.right[b])]
                .into_iter()
                .enumerate()
            {
                for (c, v) in bound.iter().enumerate() {
                    out.push(match self.folded(b, c, side == 0) {
                        None => v[0],
                        Some(l) => match l.inverse() {
                            Some(inv) => v[0] * inv,
                            None => MultilinearPolynomial::from(
                                below.read(side * half, half)[c].clone().into_owned(),
                            )
                            .evaluate(&self.challenges),
                        },
                    });
                }
            }
        }
        (left, right)
    }

    /// Runs the rounds: each round's quadratic `q_j` (its values at 0, 1, 2) goes with `r_j` to
    /// `send`, which returns the round's challenge. Returns the point `s` and the components
    /// of `(L_b(s), R_b(s))`.
    pub(super) fn run(mut self, mut send: impl FnMut([F; 3], F) -> F) -> LayerOutcome<F> {
        let half = half::<F>();
        for j in 0..self.r.len() {
            let q = self.quadratic();
            let s = send(q, self.r[j]);
            self.claim = quadratic_at(q, s, half);
            self.bind(s);
        }
        let (left, right) = self.final_claims();
        LayerOutcome {
            point: self.challenges,
            left,
            right,
        }
    }
}

/// The transparent message of a round: `q_j(0)` (`q_j(1)` if `r_j = 0`) and `q_j(2)`.
pub(super) fn round_message<F: JoltField>(q: [F; 3], rj: F) -> LayerRound<F> {
    LayerRound {
        known: if rj.is_zero() { q[1] } else { q[0] },
        at_two: q[2],
    }
}

/// What a layer's sumcheck prover returns.
pub(super) struct LayerOutcome<F: JoltField> {
    /// The challenges `s`.
    pub point: Vec<F>,
    /// The components of `L_b(s)`, vector after vector.
    pub left: Vec<F>,
    /// The components of `R_b(s)`, vector after vector.
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
    use crate::subprotocols::grand_product::leaves::{Input, Leaves, Stored};
    use crate::subprotocols::sumcheck::{ProductSumcheck, SumcheckInstance};
    use crate::transcript::{labels, Sample, Transcript};
    use ark_ff::{AdditiveGroup, Field};
    use ark_std::{test_rng, UniformRand};

    /// Every round polynomial of the generic product sumcheck over `[eq, L_0, R_0, …]` (the
    /// halves' components) is `e_j · eq(r_j, X) · q_j(X)` for the `q_j` the verifier rebuilds
    /// from the layer prover's two values (on the same challenges), and both end at the same
    /// values, for every layer size from 0 variables up, across the parallel threshold, with
    /// the layer below given as values or computed, with products, fractions and unit
    /// fractions in one batch, and with a zero coordinate in `r` (the `q_j(1)` case).
    #[test]
    fn matches_the_generic_sumcheck() {
        let mut rng = test_rng();
        // Vector 0 and 1: products; 2: fractions (p, q); 3: unit fractions (q).
        let kinds = [
            LayerKind::Product,
            LayerKind::Product,
            LayerKind::Fraction,
            LayerKind::UnitFraction,
        ];
        for m in [0usize, 1, 2, 5, 13] {
            let below: Vec<Vec<Vec<Fr>>> = kinds
                .iter()
                .map(|k| {
                    (0..k.width())
                        .map(|_| (0..2 << m).map(|_| Fr::rand(&mut rng)).collect())
                        .collect()
                })
                .collect();
            let mut r: Vec<Fr> = (0..m).map(|_| Fr::rand(&mut rng)).collect();
            if m >= 2 {
                r[1] = Fr::ZERO;
            }
            let lambda: Vec<Vec<Fr>> = kinds
                .iter()
                .enumerate()
                .map(|(b, k)| match b {
                    0 => vec![Fr::ONE],
                    _ => (0..k.above().width()).map(|_| Fr::rand(&mut rng)).collect(),
                })
                .collect();
            // The generic sumcheck's polynomials: eq, then each component's lower and upper
            // halves, vector after vector.
            let eq: MultilinearPolynomial<Fr> = EqPolynomial::evals(&r).into();
            let mut polys = vec![eq];
            for v in &below {
                for half in 0..2 {
                    for c in v {
                        let (lo, hi) = c.split_at(c.len() / 2);
                        polys.push([lo, hi][half].to_vec().into());
                    }
                }
            }
            let lp = &lambda;
            let comb = move |v: &[Fr]| {
                // v = [eq, L0, R0, L1, R1, Pl2, Ql2, Pr2, Qr2, Ql3, Qr3].
                let fraction = lp[2][0] * (v[5] * v[8] + v[7] * v[6]) + lp[2][1] * v[6] * v[8];
                let unit = lp[3][0] * (v[9] + v[10]) + lp[3][1] * v[9] * v[10];
                v[0] * (lp[0][0] * v[1] * v[2] + lp[1][0] * v[3] * v[4] + fraction + unit)
            };
            let claim = ProductSumcheck::new_computing_claim(polys.clone(), 3, comb).input_claim();
            let stored: Vec<Stored<Fr>> = below
                .iter()
                .zip(kinds)
                .map(|(components, kind)| Stored {
                    kind,
                    components: components.clone(),
                })
                .collect();
            let computed: Vec<Input<'_, Fr>> = below
                .iter()
                .zip(kinds)
                .map(|(v, kind)| {
                    let leaves = |c: &Vec<Fr>| {
                        let c = c.clone();
                        Leaves::computed(c.len(), move |i| c[i])
                    };
                    match kind {
                        LayerKind::Product => Input::Product(leaves(&v[0])),
                        LayerKind::Fraction => Input::Fraction {
                            numerators: Some(leaves(&v[0])),
                            denominators: leaves(&v[1]),
                        },
                        LayerKind::UnitFraction => Input::Fraction {
                            numerators: None,
                            denominators: leaves(&v[0]),
                        },
                    }
                })
                .collect();
            let sources: [Vec<&dyn Source<Fr>>; 2] = [
                stored.iter().map(|v| v as &dyn Source<Fr>).collect(),
                computed.iter().map(|v| v as &dyn Source<Fr>).collect(),
            ];
            for below in sources {
                let layer = LayerSumcheck::new(r.clone(), lambda.clone(), below, claim);
                let mut transcript = Transcript::new(b"layer");
                let mut rounds = Vec::new();
                let outcome = layer.run(|q, rj| {
                    rounds.push(round_message(q, rj));
                    transcript.challenge_scalar(labels::GRAND_PRODUCT_ROUND_CHALLENGE)
                });
                assert_eq!(rounds.len(), m);
                let mut generic = ProductSumcheck::new_computing_claim(polys.clone(), 3, comb);
                let (mut running, mut e) = (claim, Fr::ONE);
                let mut c = claim;
                for (j, (round, s)) in rounds.iter().zip(&outcome.point).enumerate() {
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
                // The generic final values: e, then per vector the lower half's components
                // and the upper half's.
                let mut finals = vec![e];
                let (mut l, mut rr) = (outcome.left.iter(), outcome.right.iter());
                for k in kinds {
                    let w = k.width();
                    finals.extend(l.by_ref().take(w));
                    finals.extend(rr.by_ref().take(w));
                }
                assert_eq!(generic.final_evals(), finals, "m = {m}");
            }
        }
    }
}
