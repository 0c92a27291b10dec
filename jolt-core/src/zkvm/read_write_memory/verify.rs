//! The registers-and-RAM verifier (see the [module documentation](super)): single-threaded,
//! shape checked first, typed errors, no panics on proof data.
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
    cols, statement, FinalClaims, MemoryInit, RwError, RwMemory, RwProof, RwStandaloneProof, EVALS,
    LOG_REGISTERS, LOG_SLOTS, MAX_LOG_CYCLES, NUM_POLYS,
};
use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::lasso::memory_checking::{
    self, CheckSetup, CheckedProof, Fingerprint, MemoryCheckingClaims, MemoryCheckingError,
    TupleEvals,
};
use crate::opening_accumulator::VerifierOpeningAccumulator;
use crate::transcript::{Absorb, Transcript};
use crate::zkvm::memory_common::{self, identity_mle, public_mle, slot_weights};
use ark_ff::{AdditiveGroup, Field};

/// Names the memory of a memory-checking error of this check (its index in the check, the
/// read-only timestamp range after the two read-write memories), if it has one.
pub fn memory_checking_error(error: MemoryCheckingError) -> RwError {
    use MemoryCheckingError::*;
    let index = match &error {
        MultisetMismatch { memory } | TupleWidth { memory, .. } | LeafMismatch { memory, .. } => {
            Some(*memory)
        }
        LookupMismatch { memory } => Some(RANGE_MEMORY + memory),
        _ => None,
    };
    match index.and_then(RwMemory::from_index) {
        Some(memory) => RwError::MemoryChecking { memory, error },
        None => RwError::GrandProduct(error),
    }
}

/// The index of the timestamp range check in [`RwMemory`] order.
const RANGE_MEMORY: usize = 2;

/// An error of the timestamp range check's lookups.
fn range_error(error: MemoryCheckingError) -> RwError {
    RwError::MemoryChecking {
        memory: RwMemory::TimestampRange,
        error,
    }
}

fn shape(what: &'static str, expected: usize, got: usize) -> Result<(), RwError> {
    if expected == got {
        Ok(())
    } else {
        Err(RwError::Shape {
            what,
            expected,
            got,
        })
    }
}

/// Splits a point into its slot bits and its cycle bits.
fn split_slots(r: &[Fr]) -> Result<(&[Fr], &[Fr]), RwError> {
    if r.len() < LOG_SLOTS {
        return Err(RwError::Shape {
            what: "slotted point",
            expected: LOG_SLOTS,
            got: r.len(),
        });
    }
    Ok(r.split_at(LOG_SLOTS))
}

/// `Σ_j w_j x_j`.
fn dot(w: &[Fr], x: &[Fr]) -> Fr {
    w.iter().zip(x).map(|(a, b)| *a * b).sum()
}

/// The verifier's side before the GKR: checks the proof's shape, absorbs the statement and
/// draws the fingerprint. Returns the check's statement in the GKR (its two read-write
/// memories' sizes, in [`RwMemory`] order, the timestamp range's, and the fingerprint).
pub fn verify_fingerprint(
    ram: &MemoryInit,
    log_cycles: usize,
    num_commitments: usize,
    proof: &RwProof,
    transcript: &mut Transcript,
) -> Result<CheckSetup<Fr>, RwError> {
    shape("commitments", NUM_POLYS, num_commitments)?;
    shape(
        "register cycle evaluations",
        cols::NUM_REG,
        proof.reg_cycle_evals.len(),
    )?;
    shape(
        "RAM cycle evaluations",
        cols::NUM_RAM,
        proof.ram_cycle_evals.len(),
    )?;
    shape(
        "range cycle evaluations",
        cols::RANGE_OPENED.len(),
        proof.range_cycle_evals.len(),
    )?;
    shape("register final evaluations", 2, proof.reg_final_evals.len())?;
    shape("RAM final evaluations", 2, proof.ram_final_evals.len())?;
    fingerprint_setup(ram, log_cycles, transcript)
}

/// Absorbs the statement and draws the fingerprint: the check's statement in the GKR (its two
/// read-write memories' sizes, in [`RwMemory`] order, the timestamp range's, and the
/// fingerprint), for the transparent and the zero-knowledge verifier.
pub fn fingerprint_setup(
    ram: &MemoryInit,
    log_cycles: usize,
    transcript: &mut Transcript,
) -> Result<CheckSetup<Fr>, RwError> {
    if log_cycles > MAX_LOG_CYCLES || log_cycles == 0 {
        return Err(RwError::TooManyCycles(log_cycles));
    }
    statement(ram, log_cycles, transcript);
    let fp = Fingerprint::<Fr>::draw(transcript);
    let slotted = log_cycles + LOG_SLOTS;
    Ok(CheckSetup {
        sizes: vec![(slotted, LOG_REGISTERS), (log_cycles, ram.log_size)],
        lookup_sizes: vec![(slotted, slotted)],
        fingerprint: fp,
    })
}

/// The verifier's side after the grand product: checks the leaf claims against the proof's
/// tuple evaluations (the initial memory's from `ram`, `ram_init_value(r)` being the initial
/// RAM's value MLE at the cell point `r`: [`MemoryInit::init_mle`] when the verifier knows the
/// contents) and accumulates the evaluations against the [`NUM_POLYS`] `commitments`.
/// Returns the final-state claims (already in `accumulator`), for a caller that pins the
/// final state. The caller MUST verify `accumulator`'s opening.
pub fn verify_evals<PCS: CommitmentScheme>(
    ram: &MemoryInit,
    commitments: &[PCS::Commitment],
    proof: &RwProof,
    claims: &MemoryCheckingClaims<Fr>,
    ram_init_value: impl FnOnce(&[Fr]) -> Fr,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<FinalClaims, RwError> {
    let (
        [rs1, rs2, rd, v1, v2, old, rdw, g1, g2, gd],
        [word, ram_read, ram_write, g_ram],
        [rg1, rg2, rgd, rg_ram],
    ) = (
        proof.reg_cycle_evals.as_slice(),
        proof.ram_cycle_evals.as_slice(),
        proof.range_cycle_evals.as_slice(),
    )
    else {
        return Err(RwError::Shape {
            what: "cycle evaluations",
            expected: 18,
            got: 0,
        });
    };
    let f = Fr::from_u64;
    let ([reg_cycle, ram_point], [reg_mem, ram_mem]) =
        (claims.r_cycle.as_slice(), claims.r_mem.as_slice())
    else {
        return Err(RwError::GrandProduct(MemoryCheckingError::NoMemories));
    };
    let (Some((range_cycle, range_mem)), [multiplicity]) = (
        claims.lookups.shared_points(),
        claims.lookups.multiplicities(),
    ) else {
        return Err(RwError::GrandProduct(MemoryCheckingError::NoMemories));
    };

    // Registers.
    let (r_slot, r_c) = split_slots(reg_cycle)?;
    let reg_point = r_c.to_vec();
    let w = slot_weights(r_slot);
    let id = identity_mle(r_c);
    let now: Vec<Fr> = (1..=3u64).map(|j| f(4) * id + f(j)).collect();
    let a = dot(&w, &[*rs1, *rs2, *rd]);
    // Read timestamps t_old = T − gap.
    let t_old: Vec<Fr> = now.iter().zip([g1, g2, gd]).map(|(t, g)| *t - g).collect();
    let reg_read = TupleEvals::single(a, dot(&w, &[*v1, *v2, *old]), dot(&w, &t_old));
    let reg_write = TupleEvals::single(a, dot(&w, &[*v1, *v2, *rdw]), dot(&w, &now));
    let reg_cell = identity_mle(reg_mem);
    let [reg_fv, reg_fts] = proof.reg_final_evals.as_slice() else {
        return Err(RwError::Shape {
            what: "register final evaluations",
            expected: 2,
            got: proof.reg_final_evals.len(),
        });
    };
    let reg_v0 = public_mle(reg_mem, 1 << LOG_REGISTERS, |i| ram.register(i));
    let reg_init = TupleEvals::single(reg_cell, reg_v0, Fr::ZERO);
    let reg_final = TupleEvals::single(reg_cell, *reg_fv, *reg_fts);

    // RAM.
    let ram_now = identity_mle(ram_point) + Fr::ONE;
    let ram_read_tuple = TupleEvals::single(*word, *ram_read, ram_now - g_ram);
    let ram_write_tuple = TupleEvals::single(*word, *ram_write, ram_now);
    let address = ram.address_mle(ram_mem);
    let v0 = ram_init_value(ram_mem);
    let [ram_fv, ram_fts] = proof.ram_final_evals.as_slice() else {
        return Err(RwError::Shape {
            what: "RAM final evaluations",
            expected: 2,
            got: proof.ram_final_evals.len(),
        });
    };
    let ram_init = TupleEvals::single(address, v0, Fr::ZERO);
    let ram_final = TupleEvals::single(address, *ram_fv, *ram_fts);

    // Timestamp range.
    let (r_slot, r_c) = split_slots(range_cycle)?;
    let range_point = r_c.to_vec();
    let w = slot_weights(r_slot);
    let d = dot(&w, &[rg1, rg2, rgd, rg_ram].map(|g| *g - Fr::ONE));
    claims
        .lookups
        .check_reads(&[(d, vec![])])
        .map_err(range_error)?;
    claims
        .lookups
        .check_table(&[(identity_mle(range_mem), vec![])])
        .map_err(range_error)?;

    claims
        .check_cycle_side(&[reg_read, ram_read_tuple], &[reg_write, ram_write_tuple])
        .map_err(memory_checking_error)?;
    claims
        .check_memory_side(&[reg_init, ram_init], &[reg_final, ram_final])
        .map_err(memory_checking_error)?;

    // Evaluations, in the prover's order.
    let mut open = |ids: &mut dyn Iterator<Item = usize>, evals: &[Fr], point: &[Fr]| {
        for (k, v) in ids.zip(evals) {
            let Some(c) = commitments.get(k) else {
                continue;
            };
            accumulator.append(c.clone(), point.to_vec(), *v);
        }
        transcript.append_scalars(EVALS, evals);
    };
    open(
        &mut (cols::RS1..cols::NUM_REG),
        &proof.reg_cycle_evals,
        &reg_point,
    );
    open(
        &mut (cols::NUM..cols::NUM + 2),
        &proof.reg_final_evals,
        reg_mem,
    );
    open(
        &mut (cols::RAM_WORD..cols::RAM_WORD + cols::NUM_RAM),
        &proof.ram_cycle_evals,
        ram_point,
    );
    open(
        &mut (cols::NUM + 2..cols::NUM + 4),
        &proof.ram_final_evals,
        ram_mem,
    );
    open(
        &mut cols::RANGE_OPENED.into_iter(),
        &proof.range_cycle_evals,
        &range_point,
    );
    if let Some(c) = commitments.get(cols::NUM + 4) {
        accumulator.append(c.clone(), range_mem.to_vec(), *multiplicity);
    }
    Ok(FinalClaims {
        register_point: reg_mem.to_vec(),
        register_value: *reg_fv,
        ram_point: ram_mem.to_vec(),
        ram_value: *ram_fv,
    })
}

/// Verifies a registers-and-RAM proof with its own grand product for `2^log_cycles` cycles
/// with initial RAM `ram` (which the verifier built) against the [`NUM_POLYS`] `commitments`
/// (absorbed by the caller); see [`verify_evals`]. The caller MUST verify `accumulator`'s
/// opening.
pub fn verify<PCS: CommitmentScheme>(
    ram: &MemoryInit,
    log_cycles: usize,
    commitments: &[PCS::Commitment],
    proof: &CheckedProof<Fr, RwProof>,
    ram_init_value: impl FnOnce(&[Fr]) -> Fr,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<FinalClaims, RwError> {
    let setup = verify_fingerprint(ram, log_cycles, commitments.len(), &proof.rest, transcript)?;
    let claims = memory_checking::verify(&setup, &proof.memory_checking, transcript)
        .map_err(memory_checking_error)?;
    verify_evals(
        ram,
        commitments,
        &proof.rest,
        &claims,
        ram_init_value,
        transcript,
        accumulator,
    )
}

/// Verifies an [`RwStandaloneProof`] for `2^log_cycles` cycles.
pub fn verify_standalone<PCS: CommitmentScheme>(
    ram: &MemoryInit,
    setup: &PCS::VerifierSetup,
    log_cycles: usize,
    proof: &RwStandaloneProof<PCS>,
    transcript: &mut Transcript,
) -> Result<(), RwError> {
    proof.verify_with(
        setup,
        transcript,
        |c, t| memory_common::absorb::<PCS>(c, t),
        |commitments, rw_proof, transcript, accumulator| {
            verify(
                ram,
                log_cycles,
                commitments,
                rw_proof,
                |r| ram.init_mle(r),
                transcript,
                accumulator,
            )
            .map(|_| ())
        },
        RwError::Opening,
    )
}

/// Decodes (compressed, validated, no trailing bytes) and verifies.
pub fn verify_standalone_bytes<PCS: CommitmentScheme>(
    ram: &MemoryInit,
    setup: &PCS::VerifierSetup,
    log_cycles: usize,
    bytes: &[u8],
    transcript: &mut Transcript,
) -> Result<(), RwError> {
    let proof: RwStandaloneProof<PCS> =
        crate::utils::serialization::from_bytes(bytes).map_err(|_| RwError::Deserialization)?;
    verify_standalone(ram, setup, log_cycles, &proof, transcript)
}
