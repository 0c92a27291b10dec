//! HyperKZG verifier: folding consistency and one two-pairing check, single-threaded.
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

use super::{interpolate, HyperKzgCommitment, HyperKzgProof, HyperKzgVerifierKey};
use crate::commitment::msm::msm_serial;
use crate::commitment::scheme::OpeningError;
use crate::field::Fr;
use crate::transcript::{labels, Absorb, Sample, Transcript};
use ark_bn254::{Bn254, G1Affine};
use ark_ec::pairing::Pairing;
use ark_ec::CurveGroup;
use ark_ff::{AdditiveGroup, Field, Zero};

/// Largest number of variables accepted (bounds the verifier's work on hostile input).
const MAX_NUM_VARS: usize = 40;

/// Verifies `p(point) = value` against `commitment`.
pub(super) fn verify(
    vk: &HyperKzgVerifierKey,
    commitment: &HyperKzgCommitment,
    point: &[Fr],
    value: &Fr,
    proof: &HyperKzgProof,
    transcript: &mut Transcript,
) -> Result<(), OpeningError> {
    let n = point.len();
    if n > MAX_NUM_VARS {
        return Err(OpeningError::PointTooLong {
            max: MAX_NUM_VARS,
            got: n,
        });
    }
    // Shape first.
    let num_polys = n.max(1);
    if proof.folds.len() != num_polys - 1 {
        return Err(OpeningError::ProofShape("number of folded commitments"));
    }
    let [e_r, e_neg, e_sq] = match proof.evals.as_slice() {
        [a, b, c] if a.len() == num_polys && b.len() == num_polys && c.len() == num_polys => {
            [a, b, c]
        }
        _ => {
            return Err(OpeningError::ProofShape(
                "evaluations must be 3 × max(n, 1)",
            ))
        }
    };

    transcript.append_scalars(labels::OPENING_POINT, point);
    transcript.append_scalar(labels::OPENING_VALUE, value);
    transcript.append_serializable(labels::HYPERKZG_FOLDS, &proof.folds);
    let r: Fr = transcript.challenge_scalar(labels::HYPERKZG_R);
    // r, −r, r² must be distinct.
    if r.is_zero() || r == Fr::ONE || r == -Fr::ONE {
        return Err(OpeningError::DegenerateChallenge);
    }
    for e in [e_r, e_neg, e_sq] {
        transcript.append_scalars(labels::HYPERKZG_EVALS, e);
    }

    // Folding consistency: 2r·f_{j+1}(r²) = r(1−x)(f_j(r)+f_j(−r)) + x(f_j(r)−f_j(−r)).
    if n == 0 {
        if [e_r, e_neg, e_sq].iter().any(|e| e.first() != Some(value)) {
            return Err(OpeningError::EvaluationMismatch);
        }
    } else {
        let next_values = e_sq.iter().skip(1).chain(std::iter::once(value));
        let rows = e_r.iter().zip(e_neg.iter()).zip(next_values);
        for (j, ((a, b), next)) in rows.enumerate() {
            let x = point.get(n - 1 - j).copied().unwrap_or(Fr::ZERO);
            let lhs = r.double() * next;
            let rhs = r * (Fr::ONE - x) * (*a + b) + x * (*a - b);
            if lhs != rhs {
                return if j + 1 == n {
                    Err(OpeningError::EvaluationMismatch)
                } else {
                    Err(OpeningError::FoldConsistency { round: j })
                };
            }
        }
    }

    let q: Fr = transcript.challenge_scalar(labels::HYPERKZG_Q);
    transcript.append_serializable(labels::HYPERKZG_WITNESSES, &proof.witness);

    // B(u) for each u, and C_B = Σ_j q^j C_j.
    let mut q_powers = Vec::with_capacity(num_polys);
    let mut acc = Fr::ONE;
    for _ in 0..num_polys {
        q_powers.push(acc);
        acc *= q;
    }
    let combine = |e: &[Fr]| -> Fr { e.iter().zip(&q_powers).map(|(v, p)| *v * p).sum() };
    let us = [r, -r, r.square()];
    let values = [combine(e_r), combine(e_neg), combine(e_sq)];
    let [i0, i1, i2] = interpolate(&us, &values);
    // Z(X) = Π (X − u) = X³ + z2 X² + z1 X + z0.
    let z2 = -(us[0] + us[1] + us[2]);
    let z1 = us[0] * us[1] + us[0] * us[2] + us[1] * us[2];
    let z0 = -(us[0] * us[1] * us[2]);

    // e(C_B − [I(τ)]_1, H) = e(W, [Z(τ)]_2).
    let mut bases: Vec<G1Affine> = Vec::with_capacity(num_polys + 3);
    let mut scalars: Vec<Fr> = Vec::with_capacity(num_polys + 3);
    bases.push(commitment.0);
    bases.extend(proof.folds.iter().copied());
    scalars.extend(q_powers.iter().copied());
    bases.extend(vk.g1_powers);
    scalars.extend([-i0, -i1, -i2]);
    let left = msm_serial(&bases, &scalars).into_affine();
    let [h0, h1, h2, h3] = vk.g2_powers;
    let z_tau = (h3 + h2 * z2 + h1 * z1 + h0 * z0).into_affine();
    let check = Bn254::multi_pairing([left, -proof.witness], [h0, z_tau]);
    if check.is_zero() {
        Ok(())
    } else {
        Err(OpeningError::PairingCheck)
    }
}
