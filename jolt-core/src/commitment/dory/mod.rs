//! Dory over BN254 (Lee, "Dory: Efficient, Transparent arguments for Generalised Inner
//! Products and Polynomial Commitments", 2021): a transparent commitment with `O(log N)`
//! proofs and verification. The evaluation proof is `dory-pcs`'s (a16z); this module lays our
//! polynomials out for it, commits with this crate's MSMs, and encodes its proofs.
//!
//! # Commitment
//! The `2^n` evaluations form the matrix of [`crate::commitment::matrix`] with `2^σ` columns
//! (`σ` fixed by the setup, [`DorySetup::new`]). Row `i` is committed in G1 as
//! `T_i = Σ_j M[i][j]·Γ_1[j]`, and the commitment is `C = Σ_i e(T_i, Γ_2[i]) ∈ GT`. A
//! zero-padded polynomial has the same rows followed by zero rows, which add `e(0, ·) = 1`:
//! the commitment is invariant under zero-padding at the end, and additively homomorphic
//! (the opening accumulator relies on both).
//!
//! # Opening
//! To prove `p(x) = v` for `n` variables, the prover recomputes the row commitments and runs
//! `dory-pcs`'s transparent Eval-VMV-RE protocol on the `2^ν × 2^σ` matrix, `ν = max(n − σ,
//! 0)` (a polynomial with fewer than `σ` variables is opened as its zero-padding, the point
//! padded with leading zeros). It proves `v = Lᵀ M R` with `σ` reduce-and-fold rounds and a
//! final pairing check.
//!
//! # Soundness
//! Binding and knowledge soundness under SXDH on BN254 with generators nobody knows a
//! relation between ([`setup`]). The verifier derives `(ν, σ)` from its setup and the point,
//! never from the proof, and every `GT` element it reads is checked to be in `GT`
//! ([`gt`]). The caller must absorb the commitment before the point is drawn; `open`/`verify`
//! absorb the point and the value.

mod bridge;
pub mod gt;
pub mod proof;
pub mod setup;

pub use gt::Gt;
pub use proof::DoryProof;
pub use setup::{DoryParameters, DorySetup, DORY_SEED, MAX_LOG_COLS};

use crate::commitment::matrix;
use crate::commitment::scheme::{CommitmentScheme, OpeningError};
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{labels, Absorb, AppendToTranscript, Transcript};
use ark_bn254::{Bn254, G1Projective};
use ark_ec::pairing::Pairing;
use ark_ec::CurveGroup;
use bridge::{dory_point, DoryTranscript, MatrixView};
use dory_pcs::backends::arkworks::{ArkFr, ArkG1, ArkGT, G1Routines, G2Routines, BN254};
use dory_pcs::primitives::arithmetic::PairingCurve;
use dory_pcs::Transparent;

/// The Dory scheme (a marker type).
#[derive(Clone, Copy, Debug, Default)]
pub struct Dory;

/// A Dory commitment `Σ_i e(T_i, Γ_2[i]) ∈ GT`.
pub type DoryCommitment = Gt;

impl AppendToTranscript for Gt {
    fn append_to_transcript<T: Absorb + ?Sized>(&self, label: &'static [u8], t: &mut T) {
        t.append_serializable(label, self);
    }
}

/// `(ν, σ)` of the opening of an `n`-variable polynomial: `2^σ` columns and `2^ν` rows.
fn opening_shape(setup: &DorySetup, num_vars: usize) -> (usize, usize) {
    let sigma = setup.log_cols();
    (num_vars.saturating_sub(sigma), sigma)
}

/// `Σ_i e(T_i, Γ_2[i])` over the non-zero rows.
fn tier_two(setup: &DorySetup, rows: &[G1Projective]) -> Gt {
    let rows = G1Projective::normalize_batch(rows);
    let (g1, g2): (Vec<_>, Vec<_>) = rows
        .iter()
        .zip(&setup.0.g2_affine)
        .filter(|(t, _)| !ark_ec::AffineRepr::is_zero(*t))
        .map(|(t, g)| (*t, *g))
        .unzip();
    Gt(Bn254::multi_pairing(g1, g2))
}

impl CommitmentScheme for Dory {
    type ProverSetup = DorySetup;
    type VerifierSetup = DorySetup;
    type Commitment = DoryCommitment;
    type Proof = DoryProof;

    fn verifier_setup(max_num_vars: usize) -> DorySetup {
        DorySetup::new(max_num_vars)
    }

    /// The generators depend on `max_num_vars` only: the prover's are the verifier's.
    fn prover_setup(max_num_vars: usize, _num_vars: usize) -> DorySetup {
        DorySetup::new(max_num_vars)
    }

    fn commit(setup: &DorySetup, poly: &MultilinearPolynomial<Fr>) -> DoryCommitment {
        let (_, log_cols) = matrix::shape(poly.num_vars(), setup.log_cols());
        let rows = matrix::commit_rows(&setup.0.g1_affine[..1 << log_cols], poly);
        tier_two(setup, &rows)
    }

    fn combine_commitments(commitments: &[&Gt], coeffs: &[Fr]) -> Option<Gt> {
        if commitments.len() != coeffs.len() {
            return None;
        }
        let ts: Vec<ArkGT> = commitments.iter().map(|c| ArkGT(c.0)).collect();
        let ks: Vec<ArkFr> = coeffs.iter().map(|k| ArkFr(*k)).collect();
        Some(Gt(BN254::gt_msm(&ts, &ks).0))
    }

    /// # Panics
    /// If `point` does not have `poly.num_vars()` coordinates or is longer than twice the
    /// setup's `σ`.
    fn open(
        setup: &DorySetup,
        poly: &MultilinearPolynomial<Fr>,
        point: &[Fr],
        transcript: &mut Transcript,
    ) -> DoryProof {
        let n = poly.num_vars();
        assert_eq!(point.len(), n, "dory open: point has the wrong length");
        let (nu, sigma) = opening_shape(setup, n);
        assert!(nu <= sigma, "dory open: 2^{n} evaluations exceed the setup");
        transcript.append_scalars(labels::OPENING_POINT, point);
        transcript.append_scalar(labels::OPENING_VALUE, &poly.evaluate(point));
        let (_, log_cols) = matrix::shape(n, sigma);
        let mut rows: Vec<ArkG1> = matrix::commit_rows(&setup.0.g1_affine[..1 << log_cols], poly)
            .into_iter()
            .map(ArkG1)
            .collect();
        rows.resize(1 << nu, ArkG1::default());
        let view = MatrixView {
            poly,
            num_vars: nu + sigma,
        };
        let (proof, _) = dory_pcs::prove::<_, BN254, G1Routines, G2Routines, _, _, Transparent>(
            &view,
            &dory_point(point, nu + sigma),
            rows,
            ArkFr(Fr::from(0u64)),
            nu,
            sigma,
            &setup.0.prover,
            &mut DoryTranscript(transcript),
        )
        .expect("dory open: the matrix has the setup's shape");
        DoryProof::from_dory(&proof).expect("a transparent proof has a final message")
    }

    fn verify(
        setup: &DorySetup,
        commitment: &Gt,
        point: &[Fr],
        value: &Fr,
        proof: &DoryProof,
        transcript: &mut Transcript,
    ) -> Result<(), OpeningError> {
        let (nu, sigma) = opening_shape(setup, point.len());
        if nu > sigma {
            return Err(OpeningError::PointTooLong {
                max: 2 * sigma,
                got: point.len(),
            });
        }
        if proof.first.len() != sigma || proof.second.len() != sigma {
            return Err(OpeningError::ProofShape("number of reduce rounds ≠ σ"));
        }
        transcript.append_scalars(labels::OPENING_POINT, point);
        transcript.append_scalar(labels::OPENING_VALUE, value);
        dory_pcs::verify::<_, BN254, G1Routines, G2Routines, _>(
            ArkGT(commitment.0),
            ArkFr(*value),
            &dory_point(point, nu + sigma),
            &proof.to_dory(nu, sigma),
            setup.0.verifier.clone(),
            &mut DoryTranscript(transcript),
        )
        .map_err(|_| OpeningError::PairingCheck)
    }
}

#[cfg(test)]
mod tests;
