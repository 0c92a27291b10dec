//! Dory over BN254 (Lee, "Dory: Efficient, Transparent arguments for Generalised Inner
//! Products and Polynomial Commitments", 2021): a transparent commitment with `O(log N)`
//! proofs and verification. The evaluation proof is `dory-pcs`'s (a16z); this module lays our
//! polynomials out for it, commits with this crate's MSMs, encodes its proofs, and checks them
//! with the same verifier's equations evaluated in one pass at the end (the `verify` module).
//!
//! # Commitment
//! The `2^n` evaluations form the matrix of [`crate::commitment::matrix`] with `2^σ` columns,
//! `σ = ⌈N/2⌉` for the largest polynomial of the proof, `N` variables ([`DorySetup`]). Row `i` is committed in G1 as
//! `T_i = Σ_j M[i][j]·Γ_1[j]`, and the commitment is `C = Σ_i e(T_i, Γ_2[i]) ∈ GT`. A
//! zero-padded polynomial has the same rows followed by zero rows, which add `e(0, ·) = 1`:
//! the commitment is invariant under zero-padding at the end, and additively homomorphic
//! (the opening accumulator relies on both).
//!
//! # Opening
//! To prove `p(x) = v` for `N` variables, the prover recomputes the row commitments and runs
//! `dory-pcs`'s transparent Eval-VMV-RE protocol on the `2^ν × 2^σ` matrix, `ν = N − σ`
//! (for `N = 1`, one row: the point is padded with a leading zero). It proves `v = Lᵀ M R` with `σ` reduce-and-fold rounds and a
//! final pairing check.
//!
//! # Soundness
//! Binding and knowledge soundness under SXDH on BN254 with generators nobody knows a
//! relation between ([`setup`]). The verifier derives `(ν, σ)` from the point's length (bounded
//! by its setup), never from the proof, and every `GT` element it reads is checked to be in `GT`
//! ([`gt`]). The caller must absorb the commitment before the point is drawn; `open`/`verify`
//! absorb the point and the value.

mod bridge;
mod combination;
pub mod gt;
mod line;
mod pairing;
pub mod proof;
mod rows;
pub mod setup;
mod verify;
pub mod zk;

pub use gt::Gt;
pub use proof::DoryProof;
pub use setup::{log_cols_for, DoryParameters, DorySetup, DORY_SEED, MAX_LOG_COLS};

use crate::commitment::scheme::{CommitmentScheme, OpeningError, SetupError};
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{labels, Absorb, AppendToTranscript, Transcript};
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use bridge::{dory_point, DoryTranscript, G2Routines, MatrixView};
use dory_pcs::backends::arkworks::{ArkDoryProof, ArkFr, ArkG1, ArkGT, G1Routines, BN254};
use dory_pcs::primitives::arithmetic::PairingCurve;
use dory_pcs::Transparent;
use std::sync::Arc;

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

/// `Σ_i e(T_i, Γ_2[i])` over the non-zero rows.
fn tier_two(params: &DoryParameters, rows: &[G1Affine]) -> Gt {
    Gt(pairing::multi_pairing(rows, params.g2_prepared()))
}

/// Runs `dory-pcs`'s evaluation proof of `poly` at `point` given its row commitments, in
/// mode `Mo` (transparent, or zero-knowledge for a commitment blinded by `commit_blind`);
/// absorbs nothing itself. Returns the proof and, in zero knowledge, the blind of `y_com`.
///
/// # Panics
/// If `point` does not have `poly.num_vars()` coordinates, or the setup is not the one of
/// `poly`'s size ([`setup::log_cols_for`]).
fn run_opening<Mo: dory_pcs::Mode>(
    setup: &DorySetup,
    poly: &MultilinearPolynomial<Fr>,
    rows: Vec<G1Projective>,
    commit_blind: Fr,
    point: &[Fr],
    transcript: &mut Transcript,
) -> (ArkDoryProof, Option<Fr>) {
    let n = poly.num_vars();
    assert_eq!(point.len(), n, "dory open: point has the wrong length");
    let sigma = setup.log_cols as usize;
    assert_eq!(
        sigma,
        setup::log_cols_for(n),
        "dory open: setup of another size"
    );
    let nu = n.saturating_sub(sigma);
    let mut rows: Vec<ArkG1> = rows.into_iter().map(ArkG1).collect();
    rows.resize(1 << nu, ArkG1::default());
    let view = MatrixView {
        poly,
        num_vars: nu + sigma,
    };
    let (proof, blind) = dory_pcs::prove::<_, BN254, G1Routines, G2Routines, _, _, Mo>(
        &view,
        &dory_point(point, nu + sigma),
        rows,
        ArkFr(commit_blind),
        nu,
        sigma,
        &setup.parameters().prover,
        &mut DoryTranscript(transcript),
    )
    .expect("dory open: the matrix has the setup's shape");
    (proof, blind.map(|b| b.0))
}

/// The transparent evaluation proof of `poly` at `point`: absorbs the point and the value,
/// then runs [`run_opening`].
fn prove_opening(
    setup: &DorySetup,
    poly: &MultilinearPolynomial<Fr>,
    rows: Vec<G1Projective>,
    point: &[Fr],
    transcript: &mut Transcript,
) -> DoryProof {
    transcript.append_scalars(labels::OPENING_POINT, point);
    transcript.append_scalar(labels::OPENING_VALUE, &poly.evaluate(point));
    let (proof, _) =
        run_opening::<Transparent>(setup, poly, rows, Fr::from(0u64), point, transcript);
    DoryProof::from_dory(&proof).expect("a transparent proof has a final message")
}

impl CommitmentScheme for Dory {
    type Parameters = ();
    type ProverSetup = DorySetup;
    type VerifierSetup = DorySetup;
    type Commitment = DoryCommitment;
    type Proof = DoryProof;

    /// A bound: each opening uses the columns [`setup::log_cols_for`] its point's length.
    fn verifier_setup(_params: &(), max_num_vars: usize) -> Result<DorySetup, SetupError> {
        DorySetup::bounded(max_num_vars)
    }

    /// The columns of a proof whose largest polynomial has `num_vars` variables (every
    /// polynomial of the proof is committed, and their combination opened, in this shape);
    /// derives the parameters of that size now, so that proving does not.
    fn prover_setup(
        _params: &(),
        _max_num_vars: usize,
        num_vars: usize,
    ) -> Result<DorySetup, SetupError> {
        let setup = DorySetup::bounded(num_vars)?;
        // The tables every commitment uses, built here so that proving does not.
        let params = setup.parameters();
        params.byte_table();
        params.g2_prepared();
        Ok(setup)
    }

    /// Keeps a compact polynomial's rows for its opening (the `rows` module).
    fn commit(setup: &DorySetup, poly: &MultilinearPolynomial<Fr>) -> DoryCommitment {
        let params = setup.parameters();
        let span = tracing::info_span!("rows").entered();
        let rows = Arc::new(G1Projective::normalize_batch(&rows::commit_rows(
            &params, poly,
        )));
        drop(span);
        let span = tracing::info_span!("tier two").entered();
        let commitment = tier_two(&params, &rows);
        drop(span);
        if poly.as_dense().is_none() {
            rows::keep_rows(setup.log_cols, rows::fingerprint(poly), rows);
        }
        commitment
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
    /// If `point` does not have `poly.num_vars()` coordinates, or the setup is not the one
    /// of `poly`'s size ([`setup::log_cols_for`]).
    fn open(
        setup: &DorySetup,
        poly: &MultilinearPolynomial<Fr>,
        point: &[Fr],
        transcript: &mut Transcript,
    ) -> DoryProof {
        let rows = rows::commit_rows(&setup.parameters(), poly);
        prove_opening(setup, poly, rows, point, transcript)
    }

    /// The row commitments of the combination are combined from those of the distinct `p_i`
    /// (computed from their compact values), not recomputed from its dense evaluations.
    fn open_combination(
        setup: &DorySetup,
        polys: &[&MultilinearPolynomial<Fr>],
        coeffs: &[Fr],
        combined: &MultilinearPolynomial<Fr>,
        point: &[Fr],
        transcript: &mut Transcript,
    ) -> DoryProof {
        let span = tracing::info_span!("combined rows").entered();
        let rows = combination::row_commitments(setup, polys, coeffs);
        drop(span);
        prove_opening(setup, combined, rows, point, transcript)
    }

    fn verify(
        setup: &DorySetup,
        commitment: &Gt,
        point: &[Fr],
        value: &Fr,
        proof: &DoryProof,
        transcript: &mut Transcript,
    ) -> Result<(), OpeningError> {
        let sigma = setup::log_cols_for(point.len());
        if sigma > setup.log_cols as usize {
            return Err(OpeningError::PointTooLong {
                max: 2 * setup.log_cols as usize,
                got: point.len(),
            });
        }
        let nu = point.len().saturating_sub(sigma);
        if proof.first.len() != sigma || proof.second.len() != sigma {
            return Err(OpeningError::ProofShape("number of reduce rounds ≠ σ"));
        }
        transcript.append_scalars(labels::OPENING_POINT, point);
        transcript.append_scalar(labels::OPENING_VALUE, value);
        let point: Vec<Fr> = dory_point(point, nu + sigma).iter().map(|x| x.0).collect();
        verify::verify(
            &DoryParameters::get(sigma as u32).verifier,
            commitment,
            *value,
            &point,
            nu,
            proof,
            &mut DoryTranscript(transcript),
        )
    }
}

#[cfg(test)]
mod tests;
