//! The two ends of a proof's run, so that a long run can be proven in segments (shards) that
//! chain: a proof starts at the program's entry or resumes a paused [`MachineState`], and
//! ends halted (with the public I/O) or paused in a [`MachineState`] the next segment
//! resumes from.
//!
//! # A machine state
//! The bytecode row executed next, every register ([`REGISTER_COUNT`], the virtual ones and
//! the stack guard's included), and a commitment to each RAM page the proof lists
//! ([`page_commitments`]); the pages a proof does not list are not part of its states, and
//! the chain (outside this module) carries their commitments from the shard that last
//! listed them.
//!
//! # What a proof establishes about its ends
//! * **Start.** `row(0)` is the start row (the entry row, or the resumed state's row; a
//!   boundary claim). The register memory starts with the state's registers. At the entry the
//!   RAM starts with the image and the inputs (the verifier's own MLE); on resumption the
//!   RAM's initial values at the memory check's cell point are opened against the state's
//!   page commitments ([`page_commitments::verify_opening`]).
//! * **Halt.** As before: the halting row at the last real cycle, the exit code in its `a0`,
//!   the outputs and panic flag in the final RAM.
//! * **Pause.** Every one of the `2^n` cycles is real: the last cycle is neither the halting
//!   row nor padding, and the row it leads to is the paused state's row
//!   ([`check_transition`], from claims on the last cycle's columns: a jump lands on its
//!   lookup output, a taken branch on `pc + imm mod 2^32`, each at a word's first row; any
//!   other row falls through to the next row). The final register values are the state's
//!   registers (their MLE at the register cell point equals the claimed final values'), and
//!   the final RAM at the cell point opens against the state's page commitments.
//!
//! # Soundness obligations
//! The state's commitments are absorbed in the statement, before any challenge; the caller
//! (the chain) must check that a resumed state is the previous segment's paused state, and
//! derive the first state itself. The cycle bound applies to `start_cycle + cycles`.
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

use super::bytecode::Flag;
use super::constraints::Columns;
use super::preprocessing::VerifierKey;
use super::proof::ZkvmError;
use super::read_write_memory::page_commitments::PageCommitment;
use crate::commitment::ipa::IpaProof;
use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::r1cs::Variable;
use crate::transcript::{Absorb, Transcript};
use crate::utils::serialization::{impl_canonical_fields, SafeVec};
use ark_ff::{AdditiveGroup, Field};
use jolt_instructions::REGISTER_COUNT;
use jolt_tracer::ProgramIo;

pub use super::read_write_memory::page_commitments;

const STATE: &[u8] = b"zkvm_machine_state";

/// The machine between two cycles (see the [module documentation](self)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MachineState {
    /// The bytecode row executed next.
    pub row: u32,
    /// Every register ([`REGISTER_COUNT`]).
    pub registers: SafeVec<u32>,
    /// The commitment of each page the proof lists, in its order.
    pub pages: SafeVec<PageCommitment>,
}

impl_canonical_fields!([] MachineState where [] { row, registers, pages });

impl MachineState {
    /// Absorbs the state.
    pub fn append_to_transcript(&self, transcript: &mut Transcript) {
        transcript.append_u64(STATE, self.row.into());
        transcript.append_u64(STATE, self.registers.len() as u64);
        for r in self.registers.iter() {
            transcript.append_u64(STATE, (*r).into());
        }
        transcript.append_serializable(STATE, &self.pages);
    }
}

/// Where a proof's run starts.
#[derive(Clone, Copy, Debug)]
pub enum Start<'a> {
    /// At the program's entry, with RAM holding the image and these inputs.
    Entry {
        /// The public input bytes (postcard-encoded), placed in the input region.
        inputs: &'a [u8],
    },
    /// In a state a previous segment paused in.
    Resume(&'a MachineState),
}

/// How a proof's run must end, for the verifier.
#[derive(Clone, Copy, Debug)]
pub enum End<'a> {
    /// Halted with this public I/O (its outputs, panic flag and exit code).
    Halt(&'a ProgramIo),
    /// Paused after all `2^n` cycles, in the state the proof names.
    Pause,
}

/// A proof's statement about its run's ends and its place in the whole run.
#[derive(Clone, Copy, Debug)]
pub struct Segment<'a> {
    /// The cycles of the run before this segment.
    pub start_cycle: u64,
    /// Where the segment's run starts: the entry or a resumed state.
    pub start: Start<'a>,
    /// How the segment's run must end: halted with the claimed I/O, or paused.
    pub end: End<'a>,
}

impl<'a> Segment<'a> {
    /// A whole run: from the entry with `io.inputs` to the halt with `io`.
    pub fn whole(io: &'a ProgramIo) -> Self {
        Self {
            start_cycle: 0,
            start: Start::Entry { inputs: &io.inputs },
            end: End::Halt(io),
        }
    }

    /// The row of cycle 0.
    pub fn start_row<PCS: CommitmentScheme>(&self, vk: &VerifierKey<PCS>) -> u64 {
        match self.start {
            Start::Entry { .. } => vk.entry_row,
            Start::Resume(state) => state.row.into(),
        }
    }
}

/// What a paused proof adds: the state it paused in, the final RAM's opening at the memory
/// check's RAM cell point ([`page_commitments::verify_opening`]) and the last cycle's
/// [`last_cycle_columns`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PauseProof {
    /// The state the run paused in, which the next segment resumes.
    pub state: MachineState,
    /// The final RAM's opening at the memory check's cell point against `state`'s page
    /// commitments ([`page_commitments::verify_opening`]).
    pub ram: IpaProof,
    /// The values of the [`last_cycle_columns`] at the last cycle, in that order; the
    /// verifier checks them with [`check_transition`] and as boundary claims.
    pub last_cycle: SafeVec<Fr>,
}

impl_canonical_fields!([] PauseProof where [] { state, ram, last_cycle });

/// The columns whose values at the last cycle decide the next row: `row`, `address`, `imm`,
/// `carry`, `lookup_output`, `flag_jump`, `take_branch`, `flag_halt`, `flag_noop`.
pub fn last_cycle_columns(c: &Columns) -> [Variable; 9] {
    [
        c.row,
        c.address,
        c.imm,
        c.carry,
        c.lookup_output,
        c.flag(Flag::Jump),
        c.take_branch,
        c.flag(Flag::Halt),
        c.flag(Flag::Noop),
    ]
}

/// The bits of cycle `t` as a point of `log_cycles` coordinates (`x_0` most significant).
pub fn cycle_point(t: u64, log_cycles: usize) -> Vec<Fr> {
    (0..log_cycles)
        .rev()
        .map(|i| Fr::from_u64(t.checked_shr(i as u32).unwrap_or(0) & 1))
        .collect()
}

/// Checks that a last cycle with these [`last_cycle_columns`] values (those of a cycle that
/// satisfies the constraints and reads a bytecode row: boolean flags, `take_branch` excluding
/// a jump) leads to `next_row`, a row of the program that is not padding.
pub fn check_transition<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    values: &[Fr],
    next_row: u32,
) -> Result<(), ZkvmError> {
    let fail = |why: &'static str| Err(ZkvmError::Transition(why));
    let [row, address, imm, carry, output, jump, branch, halt, noop] = values else {
        return fail("the last cycle's columns are missing");
    };
    let Some(next) = vk.rows.get(next_row as usize) else {
        return fail("the paused state's row is not a row of the program");
    };
    if next.flag(Flag::Noop) {
        return fail("the paused state's row is the padding row");
    }
    if *halt != Fr::ZERO || *noop != Fr::ZERO {
        return fail("the last cycle halts or pads, so the run did not pause");
    }
    let target = Fr::from_u64(next.address.into());
    let word_start = next.step == 0;
    let ok = match (*jump == Fr::ONE, *branch == Fr::ONE) {
        (true, false) if *branch == Fr::ZERO => word_start && *output == target,
        (false, true) if *jump == Fr::ZERO => {
            let pc_plus_imm = *address + imm - *carry * Fr::from_u64(1 << 32);
            word_start && pc_plus_imm == target
        }
        (false, false) if *jump == Fr::ZERO && *branch == Fr::ZERO => {
            *row + Fr::ONE == Fr::from_u64(next_row.into())
        }
        _ => return fail("the last cycle's flags are not a row's"),
    };
    if ok {
        Ok(())
    } else {
        fail("the last cycle does not lead to the paused state's row")
    }
}

/// Checks a state's shape: every register, one commitment per listed page.
pub fn check_state(state: &MachineState, pages: usize) -> Result<(), ZkvmError> {
    if state.registers.len() != REGISTER_COUNT {
        return Err(ZkvmError::Statement(format!(
            "a machine state holds {} registers, not {REGISTER_COUNT}",
            state.registers.len()
        )));
    }
    if state.pages.len() != pages {
        return Err(ZkvmError::Statement(format!(
            "a machine state commits to {} pages, but the proof lists {pages}",
            state.pages.len()
        )));
    }
    Ok(())
}
