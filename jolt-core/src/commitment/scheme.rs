//! The [`CommitmentScheme`] trait and its error type.
//!
//! A scheme commits to multilinear polynomials over [`Fr`] and proves evaluations
//! `p(point) = value`. Every implementation in this crate is **additively homomorphic and
//! invariant under zero-padding**: the commitment to `p` padded with zeros at the end (extra
//! top variables fixed to 0) is, after [`CommitmentScheme::combine_commitments`], the
//! commitment to the padded polynomial. The opening accumulator relies on this.
//!
//! # Soundness obligations of the caller
//! * The commitment must be absorbed into the transcript before the point is drawn
//!   (open/verify absorb the point and value themselves, not the commitment).
//! * A verifier must use a verifier setup it trusts (derived, not taken from the proof), and
//!   refuse one for which [`CommitmentScheme::is_insecure`] holds unless told otherwise.

use crate::commitment::hyperkzg::PtauError;
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{labels, Absorb, AppendToTranscript, Sample, Transcript};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use std::fmt::Debug;

/// Why an opening proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpeningError {
    /// The point has a length the commitment/setup cannot have.
    #[error("opening: point has {got} variables, expected at most {max}")]
    PointTooLong {
        /// Largest supported number of variables.
        max: usize,
        /// Variables of the point.
        got: usize,
    },
    /// The proof does not have the shape the statement requires.
    #[error("opening: malformed proof ({0})")]
    ProofShape(&'static str),
    /// The commitment does not have the shape the statement requires.
    #[error("opening: malformed commitment ({0})")]
    CommitmentShape(&'static str),
    /// Batch: the numbers of commitments and values differ or are zero.
    #[error("opening: {commitments} commitments but {values} values")]
    BatchShape {
        /// Number of commitments.
        commitments: usize,
        /// Number of values.
        values: usize,
    },
    /// Hyrax: the row combination does not match the row commitments.
    #[error("hyrax: row combination does not match the commitment")]
    CommitmentMismatch,
    /// The claimed value does not match the proof.
    #[error("opening: claimed value does not match the proof")]
    EvaluationMismatch,
    /// HyperKZG: the folded evaluations are inconsistent at round `round`.
    #[error("hyperkzg: folding check failed at round {round}")]
    FoldConsistency {
        /// Folding round.
        round: usize,
    },
    /// HyperKZG: the challenge `r` was zero (probability `2^-254`).
    #[error("hyperkzg: degenerate challenge")]
    DegenerateChallenge,
    /// HyperKZG: the pairing equation does not hold.
    #[error("hyperkzg: pairing check failed")]
    PairingCheck,
}

/// Why a scheme's parameters could not be set up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetupError {
    /// The parameters are too small for the polynomials to commit.
    #[error(
        "the commitment parameters hold {available} powers of tau, but committing to 2^{num_vars} \
         evaluations needs {needed}: use a .ptau file of power at least {num_vars}"
    )]
    TooFewPowers {
        /// Powers the parameters hold.
        available: usize,
        /// Powers needed.
        needed: usize,
        /// Variables of the largest polynomial to commit.
        num_vars: usize,
    },
    /// The polynomials are larger than the scheme supports.
    #[error("committing to 2^{num_vars} evaluations exceeds the largest supported size, 2^{max}")]
    TooLarge {
        /// Variables of the largest polynomial to commit.
        num_vars: usize,
        /// The most variables supported.
        max: usize,
    },
    /// A powers-of-tau file could not be used.
    #[error("{path}: {error}")]
    Ptau {
        /// The file.
        path: String,
        /// What is wrong with it.
        #[source]
        error: PtauError,
    },
}

/// A polynomial commitment scheme for multilinear polynomials over BN254's `Fr`.
pub trait CommitmentScheme: Clone + Send + Sync + 'static {
    /// What the prover needs (SRS powers, generators); serializes with a prover key.
    type ProverSetup: Send + Sync + CanonicalSerialize + CanonicalDeserialize;
    /// What the verifier needs (small; part of a verifier key, so it serializes).
    type VerifierSetup: Clone
        + Debug
        + PartialEq
        + Send
        + Sync
        + CanonicalSerialize
        + CanonicalDeserialize;
    /// A commitment.
    type Commitment: Clone
        + Debug
        + PartialEq
        + Send
        + Sync
        + CanonicalSerialize
        + CanonicalDeserialize
        + AppendToTranscript;
    /// An opening proof.
    type Proof: Clone + Debug + PartialEq + Send + Sync + CanonicalSerialize + CanonicalDeserialize;

    /// Where the scheme's public parameters come from (`()` for transparent schemes).
    type Parameters: Clone + Send + Sync + 'static;

    /// The verifier's public parameters for polynomials of up to `max_num_vars` variables.
    fn verifier_setup(
        params: &Self::Parameters,
        max_num_vars: usize,
    ) -> Result<Self::VerifierSetup, SetupError>;

    /// The prover's public parameters matching [`Self::verifier_setup`]`(params,
    /// max_num_vars)`, able to commit to polynomials of up to `num_vars ≤ max_num_vars`
    /// variables (a scheme whose prover parameters grow with the size builds only what
    /// `num_vars` needs).
    fn prover_setup(
        params: &Self::Parameters,
        max_num_vars: usize,
        num_vars: usize,
    ) -> Result<Self::ProverSetup, SetupError>;

    /// True when someone can know a trapdoor of these parameters (the development SRS).
    fn is_insecure(_setup: &Self::VerifierSetup) -> bool {
        false
    }

    /// Commits to `poly`.
    fn commit(setup: &Self::ProverSetup, poly: &MultilinearPolynomial<Fr>) -> Self::Commitment;

    /// Commits to several polynomials.
    fn batch_commit(
        setup: &Self::ProverSetup,
        polys: &[&MultilinearPolynomial<Fr>],
    ) -> Vec<Self::Commitment> {
        polys.iter().map(|p| Self::commit(setup, p)).collect()
    }

    /// `Σ_i coeffs[i] · commitments[i]`: the commitment to `Σ_i coeffs[i] · p_i`, each `p_i`
    /// zero-padded at the end to the largest. `None` if the inputs are inconsistent (lengths
    /// differ, or a commitment is malformed).
    fn combine_commitments(
        commitments: &[&Self::Commitment],
        coeffs: &[Fr],
    ) -> Option<Self::Commitment>;

    /// Proves `poly(point) = value` (the value is absorbed, not passed: it is `poly(point)`).
    fn open(
        setup: &Self::ProverSetup,
        poly: &MultilinearPolynomial<Fr>,
        point: &[Fr],
        transcript: &mut Transcript,
    ) -> Self::Proof;

    /// Proves `combined(point) = value` for `combined = Σ_i coeffs[i] · p_i` (each `p_i`
    /// zero-padded at the end to `point`'s length), whose commitment the verifier gets from
    /// [`Self::combine_commitments`]. A scheme can use the `p_i` (e.g. their compact values)
    /// to open faster; by default it opens `combined`.
    fn open_combination(
        setup: &Self::ProverSetup,
        polys: &[&MultilinearPolynomial<Fr>],
        coeffs: &[Fr],
        combined: &MultilinearPolynomial<Fr>,
        point: &[Fr],
        transcript: &mut Transcript,
    ) -> Self::Proof {
        let _ = (polys, coeffs);
        Self::open(setup, combined, point, transcript)
    }

    /// Verifies `p(point) = value` for the polynomial committed in `commitment`.
    fn verify(
        setup: &Self::VerifierSetup,
        commitment: &Self::Commitment,
        point: &[Fr],
        value: &Fr,
        proof: &Self::Proof,
        transcript: &mut Transcript,
    ) -> Result<(), OpeningError>;

    /// Proves `p_i(point) = value_i` for several polynomials at one point: absorbs the
    /// values, draws `ρ` and opens `Σ_i ρ^i p_i`.
    fn batch_open(
        setup: &Self::ProverSetup,
        polys: &[&MultilinearPolynomial<Fr>],
        point: &[Fr],
        transcript: &mut Transcript,
    ) -> Self::Proof {
        let values: Vec<Fr> = polys.iter().map(|p| p.evaluate(point)).collect();
        transcript.append_scalars(labels::OPENING_VALUE, &values);
        let rho: Vec<Fr> = transcript.challenge_powers(labels::OPENING_BATCHING, polys.len());
        let combined = MultilinearPolynomial::linear_combination(polys, &rho);
        Self::open(setup, &combined.into(), point, transcript)
    }

    /// Verifies a [`CommitmentScheme::batch_open`] proof.
    fn batch_verify(
        setup: &Self::VerifierSetup,
        commitments: &[&Self::Commitment],
        point: &[Fr],
        values: &[Fr],
        proof: &Self::Proof,
        transcript: &mut Transcript,
    ) -> Result<(), OpeningError> {
        if commitments.len() != values.len() || values.is_empty() {
            return Err(OpeningError::BatchShape {
                commitments: commitments.len(),
                values: values.len(),
            });
        }
        transcript.append_scalars(labels::OPENING_VALUE, values);
        let rho: Vec<Fr> = transcript.challenge_powers(labels::OPENING_BATCHING, values.len());
        let combined = Self::combine_commitments(commitments, &rho)
            .ok_or(OpeningError::CommitmentShape("cannot combine commitments"))?;
        let value: Fr = values.iter().zip(&rho).map(|(v, r)| *v * r).sum();
        Self::verify(setup, &combined, point, &value, proof, transcript)
    }
}
