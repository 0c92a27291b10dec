//! The zkVM verifier: checks a [`JoltProof`] against a [`VerifierKey`] and the claimed public
//! I/O, replaying the prover's transcript ([`super::prover`]). Single-threaded, shape-checked
//! first, no panics on proof data: every failure is a [`ZkvmError`]. Before anything else it
//! refuses a key whose commitment parameters have a known trapdoor
//! ([`VerifierKey::is_insecure`]) unless the caller allowed them
//! ([`VerifierKey::allow_insecure_parameters`]).
//!
//! What it establishes, given the sub-proofs' guarantees ([`crate::zkvm`]): the committed
//! columns satisfy the constraint system at every cycle; cycle 0 executes the entry row, every
//! cycle a row of the program, and cycle `cycles − 1` (at most the key's `max_cycles`) the
//! halting row of the exit call, with the claimed exit code in `a0`, every later cycle being
//! padding; registers start as the emulator's (`sp` at the stack top) and RAM at the image
//! with the inputs, every access is to a word of guest memory and every read returns the last
//! value written; every lookup output is its table's entry; the byte columns are bytes; and
//! the final RAM holds the claimed outputs and panic flag. For a segment of a longer run
//! ([`verify_segment`], [`super::boundary`]) the start and the end are the segment's instead.
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

use super::boundary::{check_state, check_transition, page_commitments, End, Segment, Start};
use super::byte_range::{self, ByteRangeError};
use super::bytecode_checking::{self, BytecodeError};
use super::commitment_layout::{check_commitments, count, layout_error, CheckCommitments};
use super::io_check;
use super::memory_common::public_mle;
use super::preprocessing::VerifierKey;
use super::proof::{JoltProof, ZkvmError};
use super::read_write_memory::{self as rw, cols, private_input};
use super::statement::{append_statement, boundary_claims, io_statement, memory_init, DOMAIN};
use crate::commitment::CommitmentScheme;
use crate::commitment::OpeningError;
use crate::field::Fr;
use crate::lasso::memory_checking::{self, MemoryCheckingError};
use crate::lasso::surge::{self, SurgeError};
use crate::opening_accumulator::VerifierOpeningAccumulator;
use crate::r1cs::spartan;
use crate::transcript::Transcript;
use jolt_tracer::ProgramIo;

/// Refuses a key with insecure commitment parameters unless they were allowed.
fn check_parameters<PCS: CommitmentScheme>(vk: &VerifierKey<PCS>) -> Result<(), ZkvmError> {
    if vk.is_insecure() && !vk.allows_insecure_parameters() {
        return Err(ZkvmError::InsecureParameters);
    }
    Ok(())
}

/// Verifies that the program of `vk`, run on `io.inputs`, halts with `io.outputs`,
/// `io.panic` and `io.exit_code`.
pub fn verify<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    io: &ProgramIo,
    proof: &JoltProof<PCS>,
) -> Result<(), ZkvmError> {
    verify_segment(vk, &Segment::whole(io), proof)
}

/// Verifies a proof of one segment of a run ([`super::boundary`]): from its start to its end
/// in its cycles, the segment's first cycle being `segment.start_cycle`. A paused segment's
/// state is in the proof ([`JoltProof::pause`]); the caller chains it.
#[tracing::instrument(skip_all, name = "verify segment", fields(cycles = proof.cycles))]
pub fn verify_segment<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    segment: &Segment,
    proof: &JoltProof<PCS>,
) -> Result<(), ZkvmError> {
    check_parameters(vk)?;
    let n = proof.log_cycles as usize;
    let log_ram = proof.log_ram as usize;
    if n == 0 || n > vk.max_log_cycles {
        return Err(ZkvmError::Statement(format!(
            "2^{n} cycles is outside the program's bound of 2^{}",
            vk.max_log_cycles
        )));
    }
    let total = segment.start_cycle.checked_add(proof.cycles);
    if proof.cycles == 0 || total.is_none_or(|t| t > vk.max_cycles) || proof.cycles > 1 << n {
        return Err(ZkvmError::Cycles {
            cycles: total.unwrap_or(u64::MAX),
            max_cycles: vk.max_cycles,
            padded: 1 << n,
        });
    }
    let ram = memory_init(vk, &segment.start, log_ram, &proof.ram_pages)?;
    let start_pages = match (segment.start, proof.start_ram.as_ref()) {
        (Start::Entry { .. }, None) => None,
        (Start::Resume(state), Some(opening)) => Some((&state.pages[..], opening)),
        _ => {
            return Err(ZkvmError::Ends(
                "the start RAM's opening does not match the start",
            ))
        }
    };
    let (io_stmt, paused) = match (segment.end, &proof.io, &proof.pause) {
        (End::Halt(io), Some(io_proof), None) => {
            (Some((io_statement(&ram, &vk.layout, io)?, io_proof)), None)
        }
        (End::Pause, None, Some(pause)) => {
            if proof.cycles != 1 << n {
                return Err(ZkvmError::Ends("a paused segment must fill its 2^n cycles"));
            }
            check_state(&pause.state, proof.ram_pages.len())?;
            check_transition(vk, &pause.last_cycle, pause.state.row)?;
            (None, Some(pause))
        }
        _ => {
            return Err(ZkvmError::Ends(
                "the proof does not end as its statement says",
            ))
        }
    };
    let private = match (segment.start, &proof.private_input) {
        (Start::Entry { .. }, Some(p)) if private_input::private_pages(&vk.layout) > 0 => {
            let expected = private_input::private_pages(&vk.layout);
            count("private input", expected, p.pages.len())?;
            Some(p)
        }
        (Start::Entry { .. }, None) if private_input::private_pages(&vk.layout) == 0 => None,
        (Start::Resume(_), None) => None,
        _ => return Err(ZkvmError::Statement(
            "the proof's private input commitments do not match the program's private input region"
                .into(),
        )),
    };
    let cm = &proof.commitments;
    let CheckCommitments {
        surge: surge_commitments,
        bytecode: bytecode_commitments,
        read_write: rw_commitments,
        byte_columns: byte_commitments,
    } = check_commitments(vk, cm)?;
    let groups = cm.groups();
    let mut transcript = Transcript::new(DOMAIN);
    append_statement(
        vk,
        segment,
        paused.map(|p| &p.state),
        (n, proof.cycles, log_ram),
        &mut transcript,
    );
    if let Some(p) = private {
        private_input::append_commitments(&p.pages, &mut transcript);
    }
    cm.append_to_transcript(&mut transcript);
    let mut acc = VerifierOpeningAccumulator::<PCS>::new();

    // Constraint system, and the run's ends.
    let claims = spartan::verify(&vk.shape, n, &proof.spartan, &mut transcript)
        .map_err(ZkvmError::Spartan)?;
    for (commitment, v) in cm.witness.iter().zip(&claims.evals) {
        acc.append(commitment.clone(), claims.point.clone(), *v);
    }
    let last_cycle = paused.map_or(&[][..], |p| &p.last_cycle);
    for (v, point, value) in boundary_claims(vk, segment, last_cycle, n, proof.cycles) {
        let [commitment] = groups
            .columns(&[v])
            .and_then(|c| c.try_into().ok())
            .ok_or_else(|| layout_error("constraint-system"))?;
        acc.append(commitment, point, value);
    }

    // Lookups: Surge's chunks, flags and output are constraint-system columns.
    let (_, surge_setup) = surge::verify_lookups(
        &vk.surge,
        n,
        &surge_commitments,
        &proof.surge,
        &mut transcript,
        &mut acc,
    )
    .map_err(ZkvmError::Surge)?;

    // Bytecode.
    let bytecode_setup = bytecode_checking::verify_fingerprint(
        &vk.bytecode_table,
        n,
        bytecode_commitments.len(),
        &proof.bytecode,
        &mut transcript,
    )
    .map_err(ZkvmError::Bytecode)?;

    // Registers and RAM.
    let rw_setup = rw::verify_fingerprint(
        &ram,
        n,
        rw_commitments.len(),
        &proof.read_write,
        &mut transcript,
    )
    .map_err(ZkvmError::ReadWrite)?;

    // Byte range.
    let byte_setup = byte_range::verify_fingerprint(
        n,
        byte_commitments.len(),
        cm.byte_range.len(),
        &proof.byte_range,
        &mut transcript,
    )
    .map_err(ZkvmError::ByteRange)?;

    // One grand product for the four checks, then each check's claims.
    let checks = [
        surge_setup.statement(),
        bytecode_setup.statement(),
        rw_setup.statement(),
        byte_setup.statement(),
    ];
    let claims = memory_checking::verify_batch(&checks, &proof.memory_checking, &mut transcript)
        .map_err(ZkvmError::MemoryChecking)?;
    let [surge_claims, bytecode_claims, rw_claims, byte_claims]: [_; 4] = claims
        .try_into()
        .map_err(|_| ZkvmError::MemoryChecking(MemoryCheckingError::NoMemories))?;
    let surge_claims = surge_claims.map_err(|e| ZkvmError::Surge(SurgeError::MemoryChecking(e)))?;
    surge::verify_evals(
        &vk.surge,
        &surge_commitments,
        &proof.surge,
        &surge_claims,
        &mut transcript,
        &mut acc,
    )
    .map_err(ZkvmError::Surge)?;
    let bytecode_claims =
        bytecode_claims.map_err(|e| ZkvmError::Bytecode(BytecodeError::MemoryChecking(e)))?;
    bytecode_checking::verify_evals(
        &vk.bytecode_table,
        &bytecode_commitments,
        &proof.bytecode,
        &bytecode_claims,
        &mut transcript,
        &mut acc,
    )
    .map_err(ZkvmError::Bytecode)?;
    let rw_claims = rw_claims.map_err(|e| ZkvmError::ReadWrite(rw::memory_checking_error(e)))?;
    // The initial RAM's value at the cell point: the public part, or a resumed state's
    // opening, plus the private input's opening; the openings are checked after the check.
    let final_claims = rw::verify_evals(
        &ram,
        &rw_commitments,
        &proof.read_write,
        &rw_claims,
        |r| {
            let start = start_pages.map_or_else(|| ram.init_mle(r), |(_, o)| o.value);
            start + private.map_or(Fr::from(0u64), |p| p.opening.value)
        },
        &mut transcript,
        &mut acc,
    )
    .map_err(ZkvmError::ReadWrite)?;
    let r = &final_claims.ram_point;
    let pages_error = |which| move |error| ZkvmError::Pages { which, error };
    if let Some((pages, opening)) = start_pages {
        page_commitments::verify_opening(pages, r, opening, &mut transcript)
            .map_err(pages_error("start"))?;
    }
    if let Some(p) = private {
        page_commitments::verify_opening(&p.pages, r, &p.opening, &mut transcript)
            .map_err(ZkvmError::PrivateInput)?;
    }
    if let Some(pause) = paused {
        let registers = public_mle(
            &final_claims.register_point,
            pause.state.registers.len(),
            |i| pause.state.registers.get(i).map_or(0, |r| (*r).into()),
        );
        if registers != final_claims.register_value {
            return Err(ZkvmError::PausedRegisters);
        }
        let ram_end =
            page_commitments::verify_opening(&pause.state.pages, r, &pause.ram, &mut transcript)
                .map_err(pages_error("end"))?;
        if ram_end != final_claims.ram_value {
            return Err(ZkvmError::Pages {
                which: "end",
                error: OpeningError::EvaluationMismatch,
            });
        }
    }
    let byte_claims =
        byte_claims.map_err(|e| ZkvmError::ByteRange(ByteRangeError::MemoryChecking(e)))?;
    byte_range::verify_evals(
        &byte_commitments,
        &cm.byte_range,
        &proof.byte_range,
        &byte_claims,
        &mut transcript,
        &mut acc,
    )
    .map_err(ZkvmError::ByteRange)?;

    // I/O.
    let ram_final_value = rw_commitments
        .get(cols::NUM + 2)
        .ok_or(ZkvmError::Commitments {
            what: "registers/RAM",
            expected: rw::NUM_POLYS,
            got: rw_commitments.len(),
        })?;
    if let Some((io_stmt, io_proof)) = io_stmt {
        io_check::verify(
            &io_stmt,
            log_ram,
            ram_final_value,
            io_proof,
            &mut transcript,
            &mut acc,
        )
        .map_err(ZkvmError::Io)?;
    }

    acc.verify(vk.pcs(), &proof.opening, &mut transcript)
        .map_err(ZkvmError::Opening)
}

/// Decodes a proof and verifies it ([`verify`]).
pub fn verify_bytes<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    io: &ProgramIo,
    proof: &[u8],
) -> Result<(), ZkvmError> {
    check_parameters(vk)?;
    verify(vk, io, &JoltProof::from_bytes(proof)?)
}
