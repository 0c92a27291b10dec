//! Surge on its own: commitments, the Surge proof and one batched opening of every claim.
//!
//! The transcript order is: commitments, then [`super::prove`]/[`super::verify`], then the
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
use crate::opening_accumulator::{
    BatchedOpeningProof, ProverOpeningAccumulator, VerifierOpeningAccumulator,
};
use crate::transcript::Transcript;
use ark_serialize::{
    CanonicalDeserialize, CanonicalSerialize, Compress, Read, SerializationError, Valid, Validate,
    Write,
};

/// A self-contained Surge proof.
#[derive(Clone)]
pub struct SurgeStandaloneProof<PCS: CommitmentScheme> {
    /// The witness commitments.
    pub commitments: SurgeCommitments<PCS>,
    /// The Surge proof.
    pub proof: SurgeProof,
    /// The batched opening of every evaluation claim.
    pub opening: BatchedOpeningProof<PCS>,
}

impl<PCS: CommitmentScheme> PartialEq for SurgeStandaloneProof<PCS> {
    fn eq(&self, other: &Self) -> bool {
        self.commitments == other.commitments
            && self.proof == other.proof
            && self.opening == other.opening
    }
}

impl<PCS: CommitmentScheme> std::fmt::Debug for SurgeStandaloneProof<PCS> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SurgeStandaloneProof")
            .field("commitments", &self.commitments)
            .field("proof", &self.proof)
            .field("opening", &self.opening)
            .finish()
    }
}

/// Commits to `witness`, proves its lookups and opens every claim.
pub fn prove_standalone<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    setup: &PCS::ProverSetup,
    witness: &SurgeWitness,
    transcript: &mut Transcript,
) -> SurgeStandaloneProof<PCS> {
    let commitments = witness.commit::<PCS>(setup);
    commitments.append_to_transcript(transcript);
    let mut accumulator = ProverOpeningAccumulator::<PCS>::new();
    let proof = super::prove(pre, witness, transcript, &mut accumulator);
    let opening = accumulator.prove(setup, transcript);
    SurgeStandaloneProof {
        commitments,
        proof,
        opening,
    }
}

/// Verifies a [`SurgeStandaloneProof`] for `2^log_cycles` cycles.
pub fn verify_standalone<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    setup: &PCS::VerifierSetup,
    log_cycles: usize,
    proof: &SurgeStandaloneProof<PCS>,
    transcript: &mut Transcript,
) -> Result<SurgeVerified, SurgeError> {
    proof.commitments.append_to_transcript(transcript);
    let mut accumulator = VerifierOpeningAccumulator::<PCS>::new();
    let verified = super::verify(
        pre,
        log_cycles,
        &proof.commitments,
        &proof.proof,
        transcript,
        &mut accumulator,
    )?;
    accumulator
        .verify(setup, &proof.opening, transcript)
        .map_err(SurgeError::Opening)?;
    Ok(verified)
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

impl<PCS: CommitmentScheme> CanonicalSerialize for SurgeStandaloneProof<PCS> {
    fn serialize_with_mode<W: Write>(
        &self,
        mut w: W,
        compress: Compress,
    ) -> Result<(), SerializationError> {
        self.commitments.serialize_with_mode(&mut w, compress)?;
        self.proof.serialize_with_mode(&mut w, compress)?;
        self.opening.serialize_with_mode(&mut w, compress)
    }

    fn serialized_size(&self, compress: Compress) -> usize {
        self.commitments.serialized_size(compress)
            + self.proof.serialized_size(compress)
            + self.opening.serialized_size(compress)
    }
}

impl<PCS: CommitmentScheme> Valid for SurgeStandaloneProof<PCS> {
    fn check(&self) -> Result<(), SerializationError> {
        self.commitments.check()?;
        self.proof.check()?;
        self.opening.check()
    }
}

impl<PCS: CommitmentScheme> CanonicalDeserialize for SurgeStandaloneProof<PCS> {
    fn deserialize_with_mode<R: Read>(
        mut r: R,
        compress: Compress,
        validate: Validate,
    ) -> Result<Self, SerializationError> {
        Ok(Self {
            commitments: SurgeCommitments::deserialize_with_mode(&mut r, compress, validate)?,
            proof: SurgeProof::deserialize_with_mode(&mut r, compress, validate)?,
            opening: BatchedOpeningProof::deserialize_with_mode(&mut r, compress, validate)?,
        })
    }
}
