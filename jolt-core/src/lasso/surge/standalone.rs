//! Surge on its own: commitments, the Surge proof and one batched opening of every claim.
//!
//! The transcript order is: commitments, then [`super::prove()`]/[`super::verify()`], then the
//! accumulator's batched opening. In the zkVM, the commitments and the opening are shared with
//! the other sub-proofs instead.
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

use super::{
    SurgeCommitments, SurgeError, SurgePreprocessing, SurgeProof, SurgeVerified, SurgeWitness,
};
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::lasso::memory_checking::CheckedProof;
use crate::opening_accumulator::StandaloneProof;
use crate::transcript::Transcript;

/// A self-contained Surge proof: commitments, the Surge proof and the batched opening.
pub type SurgeStandaloneProof<PCS> =
    StandaloneProof<PCS, CheckedProof<Fr, SurgeProof>, SurgeCommitments<PCS>>;

/// Commits to `witness`, proves its lookups and opens every claim.
pub fn prove_standalone<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    setup: &PCS::ProverSetup,
    witness: &SurgeWitness,
    transcript: &mut Transcript,
) -> SurgeStandaloneProof<PCS> {
    StandaloneProof::prove_with(
        setup,
        witness.commit::<PCS>(setup),
        transcript,
        SurgeCommitments::append_to_transcript,
        |transcript, accumulator| super::prove(pre, witness, transcript, accumulator),
    )
}

/// Verifies a [`SurgeStandaloneProof`] for `2^log_cycles` cycles.
pub fn verify_standalone<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    setup: &PCS::VerifierSetup,
    log_cycles: usize,
    proof: &SurgeStandaloneProof<PCS>,
    transcript: &mut Transcript,
) -> Result<SurgeVerified, SurgeError> {
    proof.verify_with(
        setup,
        transcript,
        SurgeCommitments::append_to_transcript,
        |commitments, surge_proof, transcript, accumulator| {
            super::verify(
                pre,
                log_cycles,
                commitments,
                surge_proof,
                transcript,
                accumulator,
            )
        },
        SurgeError::Opening,
    )
}

/// Decodes and verifies a [`SurgeStandaloneProof`] from bytes (compressed, validated, no
/// trailing bytes).
pub fn verify_standalone_bytes<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    setup: &PCS::VerifierSetup,
    log_cycles: usize,
    bytes: &[u8],
    transcript: &mut Transcript,
) -> Result<SurgeVerified, SurgeError> {
    let proof: SurgeStandaloneProof<PCS> =
        crate::utils::serialization::from_bytes(bytes).map_err(|_| SurgeError::Deserialization)?;
    verify_standalone(pre, setup, log_cycles, &proof, transcript)
}
