//! The Surge verifier (see the [module documentation](super)): single-threaded, shape checked
//! first, typed errors, no panics on proof data.
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

use super::{SurgeCommitments, SurgeError, SurgePreprocessing, SurgeProof, MAX_LOG_CYCLES};
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::lasso::labels;
use crate::lasso::memory_checking::{
    self, CheckSetup, CheckedProof, Fingerprint, MemoryCheckingClaims, MemoryCheckingError,
};
use crate::opening_accumulator::VerifierOpeningAccumulator;
use crate::poly::{identity_mle, EqPolynomial};
use crate::subprotocols::sumcheck;
use crate::transcript::{Absorb, Sample, Transcript};
use jolt_instructions::{C, LOG_M};

/// What a verified Surge proof establishes, given the accumulated openings: the committed
/// `lookup_output` evaluates to `lookup_output_eval` at `r`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurgeVerified {
    /// The point `r` of the primary sumcheck.
    pub r: Vec<Fr>,
    /// `lookup_output(r)`.
    pub lookup_output_eval: Fr,
}

fn shape(what: &'static str, expected: usize, got: usize) -> Result<(), SurgeError> {
    if expected == got {
        Ok(())
    } else {
        Err(SurgeError::Shape {
            what,
            expected,
            got,
        })
    }
}

fn check_shapes<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    commitments: &SurgeCommitments<PCS>,
    proof: &SurgeProof,
) -> Result<(), SurgeError> {
    let (tables, memories) = (pre.num_tables(), pre.num_memories());
    shape("dim commitments", C, commitments.dim.len())?;
    shape("E commitments", memories, commitments.e_polys.len())?;
    shape(
        "multiplicity commitments",
        C,
        commitments.multiplicities.len(),
    )?;
    shape("flag commitments", tables, commitments.flags.len())?;
    shape("flag evaluations", tables, proof.flag_evals.len())?;
    shape(
        "primary E evaluations",
        memories,
        proof.primary_e_evals.len(),
    )?;
    shape("dim evaluations", C, proof.dim_evals.len())?;
    shape("E evaluations", memories, proof.e_evals.len())
}

/// Verifies a Surge proof with its own grand product for `2^log_cycles` cycles against
/// `commitments` (which the caller absorbed before). Appends every evaluation claim to
/// `accumulator`: the caller MUST verify the accumulator's batched opening.
pub fn verify<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    log_cycles: usize,
    commitments: &SurgeCommitments<PCS>,
    proof: &CheckedProof<Fr, SurgeProof>,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<SurgeVerified, SurgeError> {
    let (verified, setup) = verify_lookups(
        pre,
        log_cycles,
        commitments,
        &proof.rest,
        transcript,
        accumulator,
    )?;
    let claims = memory_checking::verify(&setup, &proof.memory_checking, transcript)
        .map_err(SurgeError::MemoryChecking)?;
    verify_evals(
        pre,
        commitments,
        &proof.rest,
        &claims,
        transcript,
        accumulator,
    )?;
    Ok(verified)
}

/// The verifier's side before the grand product: checks the shapes, verifies the primary
/// sumcheck (its claims go to `accumulator`) and draws the fingerprint. Returns what the
/// primary sumcheck establishes and the check's statement in the grand product (the `C`
/// memories' sizes and the fingerprint).
pub fn verify_lookups<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    log_cycles: usize,
    commitments: &SurgeCommitments<PCS>,
    proof: &SurgeProof,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<(SurgeVerified, CheckSetup<Fr>), SurgeError> {
    if log_cycles > MAX_LOG_CYCLES {
        return Err(SurgeError::TooManyCycles {
            log_cycles,
            max: MAX_LOG_CYCLES,
        });
    }
    check_shapes(pre, commitments, proof)?;
    pre.append_statement(log_cycles, transcript);

    // 1. Primary sumcheck.
    let r: Vec<Fr> = transcript.challenge_vector(labels::SURGE_PRIMARY_POINT, log_cycles);
    transcript.append_scalar(labels::SURGE_LOOKUP_OUTPUT, &proof.lookup_output_eval);
    accumulator.append(
        commitments.lookup_output.clone(),
        r.clone(),
        proof.lookup_output_eval,
    );
    let reduced = sumcheck::verify(
        proof.lookup_output_eval,
        log_cycles,
        pre.primary_degree(),
        &proof.primary_sumcheck,
        transcript,
    )
    .map_err(SurgeError::PrimarySumcheck)?;
    let expected = EqPolynomial::evaluate(&r, &reduced.point)
        * pre.combine(&proof.flag_evals, &proof.primary_e_evals);
    reduced
        .check(expected)
        .map_err(SurgeError::PrimarySumcheck)?;
    transcript.append_scalars(labels::SURGE_PRIMARY_EVALS, &proof.flag_evals);
    transcript.append_scalars(labels::SURGE_PRIMARY_EVALS, &proof.primary_e_evals);
    let primary_claims = commitments
        .flags
        .iter()
        .zip(proof.flag_evals.iter())
        .chain(commitments.e_polys.iter().zip(proof.primary_e_evals.iter()));
    for (c, v) in primary_claims {
        accumulator.append(c.clone(), reduced.point.clone(), *v);
    }

    // 2. The fingerprint of memory checking.
    let fp = Fingerprint::<Fr>::draw(transcript);
    let verified = SurgeVerified {
        r,
        lookup_output_eval: proof.lookup_output_eval,
    };
    Ok((
        verified,
        CheckSetup {
            sizes: Vec::new(),
            lookup_sizes: vec![(log_cycles, LOG_M); C],
            fingerprint: fp,
        },
    ))
}

/// The read tuples `(dim_i, [E_m for the memories m of chunk i])` of the `C` folded memories
/// from the evaluations of `dim` and `E` (values, or hidden forms).
pub(super) fn read_tuples<V: Clone>(
    pre: &SurgePreprocessing,
    dim: &[V],
    e: &[V],
) -> Result<Vec<(V, Vec<V>)>, SurgeError> {
    dim.iter()
        .enumerate()
        .map(|(i, d)| {
            let values = pre
                .chunk_memories(i)
                .iter()
                .map(|m| {
                    e.get(*m).cloned().ok_or(SurgeError::Shape {
                        what: "memory layout",
                        expected: pre.num_memories(),
                        got: *m,
                    })
                })
                .collect::<Result<Vec<V>, SurgeError>>()?;
            Ok((d.clone(), values))
        })
        .collect()
}

/// The table tuples `(i(r_mem), [s(r_mem) for the memories of chunk i])` of the `C` folded
/// memories, from the subtables' MLEs (computed by the verifier itself).
pub(super) fn table_tuples(
    pre: &SurgePreprocessing,
    r_mem: &[Fr],
) -> Result<Vec<(Fr, Vec<Fr>)>, SurgeError> {
    let subtable_evals: Vec<Fr> = pre
        .subtables()
        .iter()
        .map(|s| s.evaluate_mle(r_mem))
        .collect();
    let address = identity_mle(r_mem);
    (0..C)
        .map(|i| {
            let values = pre
                .chunk_memories(i)
                .iter()
                .map(|m| {
                    pre.memories()
                        .get(*m)
                        .and_then(|(sub, _)| subtable_evals.get(*sub))
                        .copied()
                        .ok_or(SurgeError::Shape {
                            what: "memory layout",
                            expected: pre.num_memories(),
                            got: *m,
                        })
                })
                .collect::<Result<Vec<Fr>, SurgeError>>()?;
            Ok((address, values))
        })
        .collect()
}

/// The verifier's side after the GKR: checks the read claims against the proof's tuple
/// evaluations and the table claims against the subtables' MLEs (computed here), and
/// accumulates the evaluations.
pub fn verify_evals<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    commitments: &SurgeCommitments<PCS>,
    proof: &SurgeProof,
    claims: &MemoryCheckingClaims<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<(), SurgeError> {
    let lookups = &claims.lookups;
    let (r_cycle, r_mem) = lookups
        .shared_points()
        .ok_or(SurgeError::MemoryChecking(MemoryCheckingError::NoMemories))?;
    let reads = read_tuples(pre, &proof.dim_evals, &proof.e_evals)?;
    let table = table_tuples(pre, r_mem)?;
    lookups
        .check_reads(&reads)
        .map_err(SurgeError::MemoryChecking)?;
    lookups
        .check_table(&table)
        .map_err(SurgeError::MemoryChecking)?;
    for evals in [&proof.dim_evals, &proof.e_evals] {
        transcript.append_scalars(labels::SURGE_MEMORY_EVALS, evals);
    }
    let cycle_claims = commitments
        .dim
        .iter()
        .zip(proof.dim_evals.iter())
        .chain(commitments.e_polys.iter().zip(proof.e_evals.iter()));
    for (c, v) in cycle_claims {
        accumulator.append(c.clone(), r_cycle.to_vec(), *v);
    }
    if lookups.multiplicities().len() != commitments.multiplicities.len() {
        return Err(SurgeError::Shape {
            what: "multiplicity claims",
            expected: commitments.multiplicities.len(),
            got: lookups.multiplicities().len(),
        });
    }
    for (c, v) in commitments
        .multiplicities
        .iter()
        .zip(lookups.multiplicities())
    {
        accumulator.append(c.clone(), r_mem.to_vec(), *v);
    }
    Ok(())
}
