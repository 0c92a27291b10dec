//! The GKR verifier (see the [module documentation](super)).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]

use super::layer::{half, quadratic_at};
use super::prove::split_by;
use super::{GrandProductError, GrandProductProof, InputKind, LayerRound, Shape};
use crate::field::JoltField;
use crate::transcript::{labels, Absorb, Sample, Transcript};

/// What a GKR proof reduces to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrandProductClaim<F> {
    /// Each vector's claimed output: `[P]` for a product, `[p, q]` for fractions summing to
    /// `p/q`. The caller MUST check them (and that `q ≠ 0` where it divides by it).
    pub outputs: Vec<Vec<F>>,
    /// The point of each input vector (its length is the vector's number of variables).
    pub points: Vec<Vec<F>>,
    /// Each vector's evaluations at its point: `[v(point)]` for a product, `[p(point),
    /// q(point)]` for fractions, `[q(point)]` for fractions of unit numerators (whose
    /// numerator claim the verifier checked to be 1). The caller MUST check them (openings).
    pub input_claims: Vec<Vec<F>>,
}

/// Verifies a GKR proof for vectors of the given shapes.
pub fn verify<F: JoltField>(
    shapes: &[Shape],
    proof: &GrandProductProof<F>,
    transcript: &mut Transcript,
) -> Result<GrandProductClaim<F>, GrandProductError> {
    // Shape first.
    let k = shapes.len();
    if k == 0 {
        return Err(GrandProductError::Empty);
    }
    let output_widths: Vec<usize> = shapes.iter().map(|s| s.kind.output_width()).collect();
    let expected_outputs: usize = output_widths.iter().sum();
    if proof.outputs.len() != expected_outputs {
        return Err(GrandProductError::WrongNumberOfOutputs {
            expected: expected_outputs,
            got: proof.outputs.len(),
        });
    }
    let n = shapes.iter().map(|s| s.num_vars).max().unwrap_or(0);
    if proof.layers.len() != n {
        return Err(GrandProductError::WrongNumberOfLayers {
            expected: n,
            got: proof.layers.len(),
        });
    }
    let active_at = |m: usize| -> Vec<usize> {
        (0..k)
            .filter(|b| shapes.get(*b).is_some_and(|s| s.num_vars > m))
            .collect()
    };
    // The widths of each active vector's layer below layer m.
    let below_widths = |m: usize| -> Vec<usize> {
        active_at(m)
            .iter()
            .filter_map(|b| shapes.get(*b).map(|s| s.width(m + 1)))
            .collect()
    };
    for (layer, lp) in proof.layers.iter().enumerate() {
        let expected: usize = below_widths(layer).iter().sum();
        if lp.left.len() != expected || lp.right.len() != expected {
            return Err(GrandProductError::LayerShape { layer, expected });
        }
    }

    let outputs = split_by(&proof.outputs, &output_widths);
    transcript.append_scalars(labels::GRAND_PRODUCT_OUTPUTS, &proof.outputs);
    let half = half::<F>();
    let mut claims: Vec<Vec<F>> = outputs.clone();
    let mut points: Vec<Vec<F>> = vec![Vec::new(); k];
    let mut point: Vec<F> = Vec::new();
    for (layer, lp) in proof.layers.iter().enumerate() {
        for (b, s) in shapes.iter().enumerate() {
            if s.num_vars == layer {
                if let Some(p) = points.get_mut(b) {
                    *p = point.clone();
                }
            }
        }
        let active = active_at(layer);
        let widths: Vec<usize> = active
            .iter()
            .map(|b| claims.get(*b).map_or(0, Vec::len))
            .collect();
        let powers: Vec<F> =
            transcript.challenge_powers(labels::GRAND_PRODUCT_LAYER_BATCHING, widths.iter().sum());
        let lambda = split_by(&powers, &widths);
        let claim: F = active
            .iter()
            .zip(&lambda)
            .map(|(b, l)| {
                let c = claims.get(*b).map_or(&[][..], Vec::as_slice);
                c.iter().zip(l).map(|(c, l)| *c * l).sum::<F>()
            })
            .sum();
        // One round per coordinate of the point (layer m has m variables).
        if lp.rounds.len() != point.len() {
            return Err(GrandProductError::WrongNumberOfRounds {
                layer,
                expected: point.len(),
                got: lp.rounds.len(),
            });
        }
        // The rounds on the running claim c_j = claim_j / e_j (module doc).
        let mut c = claim;
        let mut challenges = Vec::with_capacity(point.len());
        for (round, rj) in lp.rounds.iter().zip(&point) {
            let q =
                round_quadratic(round, *rj, c).ok_or(GrandProductError::LayerCheck { layer })?;
            transcript.append_scalars(
                labels::GRAND_PRODUCT_LAYER_ROUND,
                &[round.known, round.at_two],
            );
            let s: F = transcript.challenge_scalar(labels::GRAND_PRODUCT_ROUND_CHALLENGE);
            c = quadratic_at(q, s, half);
            challenges.push(s);
        }
        let below = below_widths(layer);
        let (left, right) = (split_by(&lp.left, &below), split_by(&lp.right, &below));
        let combined: F = left
            .iter()
            .zip(&right)
            .zip(&lambda)
            .map(|((l, r), lam)| term(l, r, lam))
            .sum();
        if c != combined {
            return Err(GrandProductError::LayerCheck { layer });
        }
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &lp.left);
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &lp.right);
        let mu: F = transcript.challenge_scalar(labels::GRAND_PRODUCT_LAYER_CHALLENGE);
        for ((b, l), r) in active.iter().zip(&left).zip(&right) {
            if let Some(c) = claims.get_mut(*b) {
                *c = l.iter().zip(r).map(|(l, r)| *l + mu * (*r - l)).collect();
            }
        }
        point = std::iter::once(mu).chain(challenges).collect();
    }
    for (b, s) in shapes.iter().enumerate() {
        if s.num_vars == n {
            if let Some(p) = points.get_mut(b) {
                *p = point.clone();
            }
        }
    }
    // Unit numerators: a single fraction's output numerator must be 1 (a longer vector's
    // numerator claims were 1 by construction of its last layer's terms).
    for (b, (s, claim)) in shapes.iter().zip(claims.iter_mut()).enumerate() {
        if s.kind == (InputKind::Fraction { unit: true }) && claim.len() == 2 {
            if claim.first() != Some(&F::one()) {
                return Err(GrandProductError::UnitNumerator { vector: b });
            }
            claim.remove(0);
        }
    }
    Ok(GrandProductClaim {
        outputs,
        points,
        input_claims: claims,
    })
}

/// A vector's term `T_b` of the layer sumcheck from the components of its `L_b(s)`, `R_b(s)`
/// and its batching coefficients (module doc of [`super::layer`]).
fn term<F: JoltField>(l: &[F], r: &[F], lambda: &[F]) -> F {
    match (l, r, lambda) {
        ([l], [r], [a]) => *a * l * r,
        ([pl, ql], [pr, qr], [a, b]) => *a * (*pl * qr + *pr * ql) + *b * (*ql * qr),
        ([ql], [qr], [a, b]) => *a * (*ql + qr) + *b * (*ql * qr),
        // Unreachable: the shapes were checked.
        _ => F::zero(),
    }
}

/// `[q_j(0), q_j(1), q_j(2)]` of a round on the running claim `c = (1 − r_j)·q_j(0) + r_j·q_j(1)`:
/// the value not sent is solved from `c` (`q_j(1)` when `r_j ≠ 0`, else `q_j(0) = c`). `None`
/// only if `r_j ≠ 0` has no inverse, which cannot happen in a field.
pub(super) fn round_quadratic<F: JoltField>(round: &LayerRound<F>, rj: F, c: F) -> Option<[F; 3]> {
    if rj.is_zero() {
        return Some([c, round.known, round.at_two]);
    }
    let q1 = (c - (F::ONE - rj) * round.known) * rj.inverse()?;
    Some([round.known, q1, round.at_two])
}
