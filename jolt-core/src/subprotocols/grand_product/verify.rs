//! The grand-product verifier (see the [module documentation](super)).
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
use super::{GrandProductError, GrandProductProof, LayerRound};
use crate::field::JoltField;
use crate::transcript::{labels, Absorb, Sample, Transcript};

/// What a grand-product proof reduces to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrandProductClaim<F> {
    /// The products `P_b` claimed by the proof: the caller MUST check them.
    pub outputs: Vec<F>,
    /// The point of each input vector (its length is the vector's number of variables).
    pub points: Vec<Vec<F>>,
    /// `v_b(points[b])` for each input vector: the caller MUST check them (openings).
    pub input_claims: Vec<F>,
}

/// Verifies a grand-product proof for vectors of lengths `2^num_vars[b]`.
pub fn verify<F: JoltField>(
    num_vars: &[usize],
    proof: &GrandProductProof<F>,
    transcript: &mut Transcript,
) -> Result<GrandProductClaim<F>, GrandProductError> {
    // Shape first.
    let k = num_vars.len();
    if k == 0 {
        return Err(GrandProductError::Empty);
    }
    if proof.outputs.len() != k {
        return Err(GrandProductError::WrongNumberOfOutputs {
            expected: k,
            got: proof.outputs.len(),
        });
    }
    let n = num_vars.iter().copied().max().unwrap_or(0);
    if proof.layers.len() != n {
        return Err(GrandProductError::WrongNumberOfLayers {
            expected: n,
            got: proof.layers.len(),
        });
    }
    let active_at = |m: usize| -> Vec<usize> {
        (0..k)
            .filter(|b| num_vars.get(*b).is_some_and(|d| *d > m))
            .collect()
    };
    for (layer, lp) in proof.layers.iter().enumerate() {
        let expected = active_at(layer).len();
        if lp.left.len() != expected || lp.right.len() != expected {
            return Err(GrandProductError::LayerShape { layer, expected });
        }
    }

    transcript.append_scalars(labels::GRAND_PRODUCT_OUTPUTS, &proof.outputs);
    let half = half::<F>();
    let mut claims: Vec<F> = proof.outputs.to_vec();
    let mut points: Vec<Vec<F>> = vec![Vec::new(); k];
    let mut point: Vec<F> = Vec::new();
    for (layer, lp) in proof.layers.iter().enumerate() {
        for (b, d) in num_vars.iter().enumerate() {
            if *d == layer {
                if let Some(p) = points.get_mut(b) {
                    *p = point.clone();
                }
            }
        }
        let active = active_at(layer);
        let lambda_powers: Vec<F> =
            transcript.challenge_powers(labels::GRAND_PRODUCT_LAYER_BATCHING, active.len());
        let claim: F = active
            .iter()
            .zip(&lambda_powers)
            .map(|(b, l)| claims.get(*b).copied().unwrap_or(F::ZERO) * l)
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
        let combined: F = lp
            .left
            .iter()
            .zip(lp.right.iter())
            .zip(&lambda_powers)
            .map(|((l, r), lam)| *lam * l * r)
            .sum();
        if c != combined {
            return Err(GrandProductError::LayerCheck { layer });
        }
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &lp.left);
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &lp.right);
        let mu: F = transcript.challenge_scalar(labels::GRAND_PRODUCT_LAYER_CHALLENGE);
        for ((b, l), r) in active.iter().zip(lp.left.iter()).zip(lp.right.iter()) {
            if let Some(c) = claims.get_mut(*b) {
                *c = *l + mu * (*r - l);
            }
        }
        point = std::iter::once(mu).chain(challenges).collect();
    }
    for (b, d) in num_vars.iter().enumerate() {
        if *d == n {
            if let Some(p) = points.get_mut(b) {
                *p = point.clone();
            }
        }
    }
    Ok(GrandProductClaim {
        outputs: proof.outputs.to_vec(),
        points,
        input_claims: claims,
    })
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
