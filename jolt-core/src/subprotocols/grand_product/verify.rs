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

use super::{GrandProductError, GrandProductProof};
use crate::field::JoltField;
use crate::poly::EqPolynomial;
use crate::subprotocols::sumcheck;
use crate::transcript::{labels, Absorb, Sample, Transcript};

/// What a grand-product proof reduces to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrandProductClaim<F> {
    /// The products `P_b` claimed by the proof: the caller MUST check them.
    pub outputs: Vec<F>,
    /// The point `r` (length `n`).
    pub point: Vec<F>,
    /// `v_b(r)` for each input vector: the caller MUST check them (openings).
    pub input_claims: Vec<F>,
}

/// Verifies a grand-product proof for `num_vectors` vectors of length `2^num_vars`.
pub fn verify<F: JoltField>(
    num_vectors: usize,
    num_vars: usize,
    proof: &GrandProductProof<F>,
    transcript: &mut Transcript,
) -> Result<GrandProductClaim<F>, GrandProductError> {
    // Shape first.
    if num_vectors == 0 {
        return Err(GrandProductError::Empty);
    }
    if proof.outputs.len() != num_vectors {
        return Err(GrandProductError::WrongNumberOfOutputs {
            expected: num_vectors,
            got: proof.outputs.len(),
        });
    }
    if proof.layers.len() != num_vars {
        return Err(GrandProductError::WrongNumberOfLayers {
            expected: num_vars,
            got: proof.layers.len(),
        });
    }
    for (layer, lp) in proof.layers.iter().enumerate() {
        if lp.left.len() != num_vectors || lp.right.len() != num_vectors {
            return Err(GrandProductError::LayerShape {
                layer,
                expected: num_vectors,
            });
        }
    }

    transcript.append_scalars(labels::GRAND_PRODUCT_OUTPUTS, &proof.outputs);
    let mut claims: Vec<F> = proof.outputs.to_vec();
    let mut point: Vec<F> = Vec::new();
    for (layer, lp) in proof.layers.iter().enumerate() {
        let lambda_powers: Vec<F> =
            transcript.challenge_powers(labels::GRAND_PRODUCT_LAYER_BATCHING, num_vectors);
        let claim: F = claims.iter().zip(&lambda_powers).map(|(c, l)| *c * l).sum();
        let reduced = sumcheck::verify(claim, layer, 3, &lp.sumcheck, transcript)
            .map_err(|source| GrandProductError::Sumcheck { layer, source })?;
        let combined: F = lp
            .left
            .iter()
            .zip(lp.right.iter())
            .zip(&lambda_powers)
            .map(|((l, r), lam)| *lam * l * r)
            .sum();
        let expected = EqPolynomial::evaluate(&point, &reduced.point) * combined;
        if reduced.check(expected).is_err() {
            return Err(GrandProductError::LayerCheck { layer });
        }
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &lp.left);
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &lp.right);
        let mu: F = transcript.challenge_scalar(labels::GRAND_PRODUCT_LAYER_CHALLENGE);
        claims = lp
            .left
            .iter()
            .zip(lp.right.iter())
            .map(|(l, r)| *l + mu * (*r - l))
            .collect();
        point = std::iter::once(mu).chain(reduced.point).collect();
    }
    Ok(GrandProductClaim {
        outputs: proof.outputs.to_vec(),
        point,
        input_claims: claims,
    })
}
