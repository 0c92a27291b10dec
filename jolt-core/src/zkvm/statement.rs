//! The public statement of a zkVM proof and the layout of its shared commitments: what
//! prover and verifier derive identically from the verifier key, the public I/O and the
//! segment's ends ([`super::boundary`]).
//!
//! * The transcript starts with the key's digest, then the segment's first cycle,
//!   `n = log2(padded cycles)`, the number of real cycles, `m = log2(RAM cells)`, the start
//!   (the inputs, or the resumed state) and the end (the outputs, the panic flag and the exit
//!   code, or the paused state). Inputs and outputs are absorbed without trailing zero bytes,
//!   which the zero-filled regions cannot distinguish ([`append_statement`]).
//! * At the entry the registers start as the emulator's (`sp` at the stack top, the stack
//!   guard register at the stack's bottom, the others 0) and RAM as the program image with
//!   the inputs, over the pages the proof lists ([`memory_init`]), the private input region
//!   zero (its words come from the proof's commitments,
//!   [`super::read_write_memory::private_input`]); a halting segment's final
//!   RAM must hold the outputs and the panic flag in the cells of the output region and the
//!   panic word ([`io_statement`]). Termination and the exit code are claims about the
//!   halting cycle ([`boundary_claims`]), not memory.
//! * Sub-proofs read the constraint system's columns where they share a polynomial with it:
//!   [`bytecode_columns`], [`rw_column`], [`byte_columns`].
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

use super::boundary::{
    check_state, cycle_point, last_cycle_columns, End, MachineState, Segment, Start,
};
use super::bytecode::Flag;
use super::constraints::Columns;
use super::io_check::IoStatement;
use super::preprocessing::VerifierKey;
use super::proof::ZkvmError;
use super::read_write_memory::{cols, ram_word, MemoryInit};
use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::r1cs::Variable;
use crate::transcript::{Absorb, Transcript};
use ark_ff::{AdditiveGroup, Field};

use jolt_common::{MemoryLayout, CONTROL_START, PANIC_ADDRESS};
use jolt_tracer::{initial_registers, ProgramIo};

/// The transcript's domain separator.
pub const DOMAIN: &[u8] = b"jolt zkvm proof";
const STATEMENT: &[u8] = b"zkvm_statement";

/// Absorbs the statement (see the [module documentation](self)): the key, the segment's
/// position and size, its start (the inputs, or the resumed state) and its end (the public
/// outputs, panic flag and exit code, or `paused`, the state it pauses in).
pub fn append_statement<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    segment: &Segment,
    paused: Option<&MachineState>,
    (log_cycles, cycles, log_ram): (usize, u64, usize),
    transcript: &mut Transcript,
) {
    transcript.append_bytes(STATEMENT, vk.digest());
    transcript.append_u64(STATEMENT, segment.start_cycle);
    transcript.append_u64(STATEMENT, log_cycles as u64);
    transcript.append_u64(STATEMENT, cycles);
    transcript.append_u64(STATEMENT, log_ram as u64);
    match segment.start {
        Start::Entry { inputs } => {
            transcript.append_u64(STATEMENT, 0);
            transcript.append_bytes(STATEMENT, trim_zeros(inputs));
        }
        Start::Resume(state) => {
            transcript.append_u64(STATEMENT, 1);
            state.append_to_transcript(transcript);
        }
    }
    match (segment.end, paused) {
        (End::Halt(io), _) => {
            transcript.append_u64(STATEMENT, 0);
            transcript.append_bytes(STATEMENT, trim_zeros(&io.outputs));
            transcript.append_u64(STATEMENT, io.panic.into());
            transcript.append_u64(STATEMENT, io.exit_code.into());
        }
        (End::Pause, state) => {
            transcript.append_u64(STATEMENT, 1);
            if let Some(state) = state {
                state.append_to_transcript(transcript);
            }
        }
    }
}

/// `bytes` without its trailing zeros: memory cannot tell them apart from the zero-filled rest
/// of a region, so claims that differ only there are the same statement.
fn trim_zeros(bytes: &[u8]) -> &[u8] {
    let len = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    bytes.get(..len).unwrap_or(bytes)
}

/// `bytes` as little-endian words, the last one zero-padded (as memory holds them).
pub(super) fn le_words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes.chunks(4).map(|chunk| {
        let mut word = [0u8; 4];
        for (b, x) in word.iter_mut().zip(chunk) {
            *b = *x;
        }
        u32::from_le_bytes(word)
    })
}

/// The initial registers and RAM of a segment starting at `start`, over `2^log_ram` cells
/// holding `pages` (checked). At the entry: `sp` at the stack top, the stack guard register
/// at the stack's bottom (if the key has the guard), the program image with the inputs at the
/// start of the input region. On resumption: the state's registers, and no words (the RAM's
/// initial values are opened against the state's page commitments instead).
pub fn memory_init<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    start: &Start,
    log_ram: usize,
    pages: &[u32],
) -> Result<MemoryInit, ZkvmError> {
    if log_ram > vk.max_log_ram {
        return Err(ZkvmError::Statement(format!(
            "2^{log_ram} RAM cells are more than the layout's 2^{}",
            vk.max_log_ram
        )));
    }
    let (registers, words) = match start {
        Start::Entry { inputs } => (
            initial_registers(&vk.run_config(), vk.program.image_end()).to_vec(),
            initial_words(vk, inputs)?,
        ),
        Start::Resume(state) => {
            check_state(state, pages.len())?;
            (state.registers.to_vec(), vec![])
        }
    };
    MemoryInit::paged(
        registers,
        guest_words(&vk.layout),
        words,
        pages.to_vec(),
        log_ram,
    )
    .map_err(|e| ZkvmError::Statement(e.to_string()))
}

/// The words of guest memory from `private_input_start` on at the entry, as the verifier
/// knows them: the program image with `inputs` at the start of the input region (the rest,
/// the private input region included, is zero).
pub fn initial_words<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    inputs: &[u8],
) -> Result<Vec<u32>, ZkvmError> {
    if inputs.len() > vk.layout.max_input_size as usize {
        return Err(ZkvmError::Statement(format!(
            "{} input bytes, but the program takes at most {}",
            inputs.len(),
            vk.layout.max_input_size
        )));
    }
    let layout = &vk.layout;
    let offset = ((layout.input_start() - layout.private_input_start()) / 4) as usize;
    let mut words = vk.image.clone();
    let end = offset + inputs.len().div_ceil(4);
    if words.len() < end {
        words.resize(end, 0);
    }
    for (w, v) in words.iter_mut().skip(offset).zip(le_words(inputs)) {
        *w = v;
    }
    Ok(words)
}

/// The words of guest memory, `[private_input_start, RAM_START + memory_size) / 4`.
pub fn guest_words(layout: &MemoryLayout) -> (u64, u64) {
    (
        u64::from(layout.private_input_start() / 4),
        layout.ram_end() / 4,
    )
}

/// What the final RAM must hold: the output region (the claimed outputs, zero-padded) and the
/// panic flag, as cells of `ram` (consecutive: its I/O region's pages come first).
pub fn io_statement(
    ram: &MemoryInit,
    layout: &MemoryLayout,
    io: &ProgramIo,
) -> Result<IoStatement, ZkvmError> {
    let output_words = (CONTROL_START - layout.output_start()) as usize / 4;
    if io.outputs.len() > 4 * output_words {
        return Err(ZkvmError::Statement(format!(
            "{} output bytes, but the output region holds {}; raise max_output_size",
            io.outputs.len(),
            4 * output_words
        )));
    }
    let mut values: Vec<u64> = vec![0; output_words];
    for (w, v) in values.iter_mut().zip(le_words(&io.outputs)) {
        *w = v.into();
    }
    values.push(io.panic.into());
    debug_assert_eq!(
        layout.output_start() as usize + 4 * values.len(),
        PANIC_ADDRESS as usize + 4
    );
    let first = ram
        .cell(ram_word(true, layout.output_start()))
        .ok_or_else(|| ZkvmError::Statement("the RAM does not hold the output region".into()))?;
    Ok(IoStatement { first, values })
}

/// The claims on constraint-system columns at boolean points that pin the segment's ends, as
/// `(column, point, value)`. Cycle 0 executes the start row. A halting segment: cycle
/// `cycles − 1` executes the halting row of the exit call (so, by "padding starts only after
/// the halting row and never ends", every later cycle is padding and no earlier one halts)
/// and its `rs1` (`a0`) holds the exit code. A paused one: the [`last_cycle_columns`] at the
/// last cycle have the values `last_cycle` (which [`super::boundary::check_transition`]
/// checks). `cycles` must be in `1..=2^log_cycles`.
pub fn boundary_claims<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    segment: &Segment,
    last_cycle: &[Fr],
    log_cycles: usize,
    cycles: u64,
) -> Vec<(Variable, Vec<Fr>, Fr)> {
    let c = &vk.columns;
    let last = cycle_point(cycles.saturating_sub(1), log_cycles);
    let mut claims = vec![(
        c.row,
        vec![Fr::ZERO; log_cycles],
        Fr::from_u64(segment.start_row(vk)),
    )];
    match segment.end {
        End::Halt(io) => {
            claims.push((c.flag(Flag::Halt), last.clone(), Fr::ONE));
            claims.push((c.rs1_value, last, Fr::from_u64(io.exit_code.into())));
        }
        End::Pause => claims.extend(
            last_cycle_columns(c)
                .into_iter()
                .zip(last_cycle)
                .map(|(v, value)| (v, last.clone(), *value)),
        ),
    }
    claims
}

/// The constraint-system columns that are the bytecode check's row and field polynomials,
/// in its order: `row`, `address, step, rs1, rs2, rd, imm`, the circuit flags, the table flags.
pub fn bytecode_columns(c: &Columns) -> Vec<Variable> {
    let mut v = vec![c.row, c.address, c.step, c.rs1, c.rs2, c.rd, c.imm];
    v.extend(Flag::ALL.iter().map(|f| c.flag(*f)));
    v.extend(&c.table_flags);
    v
}

/// The constraint-system column that is the registers/RAM cycle column `k` ([`cols`]), if
/// it is one.
pub fn rw_column(c: &Columns, k: usize) -> Option<Variable> {
    Some(match k {
        cols::RS1 => c.rs1,
        cols::RS2 => c.rs2,
        cols::RD => c.rd,
        cols::RS1_VALUE => c.rs1_value,
        cols::RS2_VALUE => c.rs2_value,
        cols::RD_WRITE => c.rd_write,
        cols::RAM_WORD => c.ram_word,
        cols::RAM_READ => c.ram_read,
        cols::RAM_WRITE => c.ram_write,
        _ => return None,
    })
}

/// The byte columns of the byte range check: `x_bytes`, then `y_bytes`.
pub fn byte_columns(c: &Columns) -> Vec<Variable> {
    c.x_bytes.iter().chain(&c.y_bytes).copied().collect()
}
