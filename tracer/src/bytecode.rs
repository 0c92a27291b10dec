//! The program as the machine executes it: every word of the executable segments decoded and
//! expanded into rows. A plain instruction is one row; an instruction implemented as a virtual
//! sequence (MULH, DIV, LB, SB, ECALL, ...) is several consecutive rows that share its address.
//! Words that do not decode (data, padding, the zero word) become rows that fail only when
//! executed. The code is the file bytes of the executable segments; their zero-filled tails
//! (if any) are not code. Rows are in address order, so falling through to `pc + 4` is `row + 1`.
//!
//! Custom-0 words execute the [`CustomInstruction`] registered for their function bits
//! ([`Bytecode::with_extensions`]); without one they are rows that fail when executed, with
//! [`DecodeError::Unregistered`].
//!
//! A bytecode made for a run with the stack guard ([`Bytecode::for_run`]) carries the guard's
//! rows (see [`crate::stack_guard`]).

use jolt_common::EXIT_SYSCALL;
use jolt_instructions::{
    check_extensions, decode, expand, resolve_custom, CustomInstruction, DecodeError,
    ExtensionError, Instr, Opcode, TableId,
};

use crate::elf::Program;
use crate::emulator::RunConfig;
use crate::stack_guard::{
    check_step, handler_sequence, may_lower_sp, StackGuard, ECALL_WORD, HANDLER_ADDRESS,
};

/// One step of execution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BytecodeRow {
    /// Address of the instruction word this row comes from.
    pub address: u32,
    /// The instruction word at `address`.
    pub word: u32,
    /// What this row executes (`Err` for a word that does not decode).
    pub instr: Result<Instr, DecodeError>,
    /// The instruction word's own decoding, of which this row is a step.
    pub source: Instr,
    /// Index of this row in its sequence (0 for plain instructions).
    pub step: u8,
    /// Rows that follow in the same sequence (0 for the last one, and for plain instructions).
    pub remaining: u8,
    /// The lookup table the row queries, if any.
    pub table: Option<TableId>,
}

/// Decoded and expanded executable segments.
#[derive(Clone, Debug)]
pub struct Bytecode {
    /// Rows in address order.
    pub rows: Vec<BytecodeRow>,
    /// Runs of consecutive code words, in address order.
    spans: Vec<Span>,
    /// The registered custom instructions ([`TableId::Custom`]`(k)` is the `k`-th).
    pub extensions: &'static [CustomInstruction],
    /// The stack guard's rows, if the bytecode has them.
    pub stack_guard: Option<StackGuard>,
}

/// A bytecode that cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BytecodeError {
    /// The custom instructions cannot be registered together.
    #[error("{0}")]
    Extensions(ExtensionError),
    /// The code reaches the stack guard's handler address.
    #[error("the program's code ends at {end:#x}, too close to the top of the address space for the stack guard (at most {max:#x})")]
    NoRoomForStackGuard {
        /// The end of the code.
        end: u64,
        /// The highest end the guard leaves room for.
        max: u32,
    },
}

/// Consecutive code words from `start`: for each, the index of its first row.
#[derive(Clone, Debug)]
struct Span {
    start: u32,
    first_row: Vec<u32>,
}

impl Span {
    fn end(&self) -> u64 {
        u64::from(self.start) + 4 * self.first_row.len() as u64
    }
}

/// Register holding scratch values of the exit sequence (the first virtual register).
const EXIT_SCRATCH: u8 = 32;
/// `a0`: the register whose value at the exit call is the exit code (the halting row's `rs1`).
pub const EXIT_CODE_REGISTER: u8 = 10;

impl Bytecode {
    /// Decodes and expands the executable segments of `program`, without custom instructions.
    pub fn new(program: &Program) -> Self {
        Self::build(code_words(program), &[], false)
    }

    /// Decodes and expands the executable segments of `program`; custom-0 words execute the
    /// instruction of `extensions` registered for their function bits.
    pub fn with_extensions(
        program: &Program,
        extensions: &'static [CustomInstruction],
    ) -> Result<Self, ExtensionError> {
        check_extensions(extensions)?;
        Ok(Self::build(code_words(program), extensions, false))
    }

    /// The bytecode a run of `program` under `config` executes: with `extensions`, and with
    /// the stack guard's rows if `config.stack_guard`.
    pub fn for_run(
        program: &Program,
        config: &RunConfig,
        extensions: &'static [CustomInstruction],
    ) -> Result<Self, BytecodeError> {
        check_extensions(extensions).map_err(BytecodeError::Extensions)?;
        let mut words = code_words(program);
        if !config.stack_guard {
            return Ok(Self::build(words, extensions, false));
        }
        let end = words.last().map_or(0, |&(a, _)| u64::from(a) + 4);
        let max = HANDLER_ADDRESS - 4;
        if end > u64::from(max) {
            return Err(BytecodeError::NoRoomForStackGuard { end, max });
        }
        // The code ends at or below `max`: a gap word precedes the handler.
        push_word(&mut words, u64::from(HANDLER_ADDRESS), ECALL_WORD);
        Ok(Self::build(words, extensions, true))
    }

    /// The rows of `words`. With the `guard`, the last word is the guard's handler and
    /// instructions that may lower `sp` end with the guard's check.
    fn build(
        words: Vec<(u32, u32)>,
        extensions: &'static [CustomInstruction],
        guard: bool,
    ) -> Self {
        let mut rows = Vec::with_capacity(words.len());
        let mut spans: Vec<Span> = Vec::new();
        let mut stack_guard = None;
        for (address, word) in words {
            match spans.last_mut() {
                Some(span) if span.end() == u64::from(address) => {
                    span.first_row.push(rows.len() as u32)
                }
                _ => spans.push(Span {
                    start: address,
                    first_row: vec![rows.len() as u32],
                }),
            }
            let resolved = decode(word)
                .and_then(|instr| resolve_custom(&instr, extensions).map(|table| (instr, table)));
            let (source, table) = match resolved {
                Ok(resolved) => resolved,
                Err(e) => {
                    rows.push(BytecodeRow {
                        address,
                        word,
                        instr: Err(e),
                        source: NOP,
                        step: 0,
                        remaining: 0,
                        table: None,
                    });
                    continue;
                }
            };
            let steps = match (guard, source.opcode) {
                (true, Opcode::Ecall) if address == HANDLER_ADDRESS => {
                    stack_guard = Some(StackGuard {
                        handler_row: rows.len(),
                    });
                    handler_sequence(EXIT_SCRATCH, EXIT_CODE_REGISTER, halting_row())
                }
                (_, Opcode::Ecall) => exit_sequence(),
                (true, _) if may_lower_sp(&source) => {
                    let mut steps = expand(source);
                    steps.push(check_step(address));
                    steps
                }
                _ => expand(source),
            };
            let n = steps.len();
            for (i, step) in steps.into_iter().enumerate() {
                rows.push(BytecodeRow {
                    address,
                    word,
                    instr: Ok(step),
                    source,
                    step: i as u8,
                    remaining: (n - 1 - i) as u8,
                    table: if step.opcode == Opcode::Custom {
                        table
                    } else {
                        step.opcode.lookup().map(TableId::Builtin)
                    },
                });
            }
        }
        Self {
            rows,
            spans,
            extensions,
            stack_guard,
        }
    }

    /// Index of the first row of the instruction at `address`, if it is a code address.
    #[inline(always)]
    pub fn row_of(&self, address: u32) -> Option<usize> {
        if address & 3 != 0 {
            return None;
        }
        let i = self
            .spans
            .partition_point(|s| s.start <= address)
            .checked_sub(1)?;
        let span = &self.spans[i];
        let k = ((address - span.start) >> 2) as usize;
        span.first_row.get(k).map(|&r| r as usize)
    }
}

const NOP: Instr = Instr {
    opcode: Opcode::Addi,
    rd: 0,
    rs1: 0,
    rs2: 0,
    imm: 0,
};

/// The executable segments' words in address order (where segments overlap, the one with
/// the lower address provides the word). A gap between segments is one word, the zero word,
/// at the gap's first address: falling through into a gap fails there, and other gap
/// addresses are not code. Memory is linear in the code's size, however far apart the
/// segments lie.
fn code_words(program: &Program) -> Vec<(u32, u32)> {
    let mut code: Vec<_> = program.segments.iter().filter(|s| s.executable).collect();
    code.sort_by_key(|s| s.vaddr);
    let mut words: Vec<(u32, u32)> = Vec::new();
    for s in code {
        for (k, w) in s.data.chunks_exact(4).enumerate() {
            let address = u64::from(s.vaddr) + 4 * k as u64;
            push_word(
                &mut words,
                address,
                u32::from_le_bytes([w[0], w[1], w[2], w[3]]),
            );
        }
    }
    words
}

/// Appends the word at `address` unless a word already covers it or it lies past `2^32`;
/// a gap before it gets the zero word at its first address.
fn push_word(words: &mut Vec<(u32, u32)>, address: u64, word: u32) {
    let after_last = words.last().map_or(0, |&(a, _)| u64::from(a) + 4);
    if address < after_last || address > u64::from(u32::MAX) {
        return;
    }
    if !words.is_empty() && address != after_last {
        words.push((after_last as u32, 0));
    }
    words.push((address as u32, word));
}

/// The last row of an exit call: reads a0 (the exit code) as its `rs1` and writes nothing;
/// the machine halts after it.
fn halting_row() -> Instr {
    Instr {
        opcode: Opcode::Addi,
        rd: 0,
        rs1: EXIT_CODE_REGISTER,
        rs2: 0,
        imm: 0,
    }
}

/// `ecall` as a sequence: assert a7 = 93 (exit), then the halting row. Nothing is stored, so
/// the only way to terminate, and to set the exit code, is to execute this sequence (or the
/// stack guard's handler, which ends the same way).
fn exit_sequence() -> Vec<Instr> {
    let v = EXIT_SCRATCH;
    let i = |opcode, rd, rs1, rs2, imm: u32| Instr {
        opcode,
        rd,
        rs1,
        rs2,
        imm,
    };
    vec![
        i(Opcode::Addi, v, 0, 0, EXIT_SYSCALL),
        i(Opcode::VirtualAssertEq, 0, 17, v, 0),
        halting_row(),
    ]
}
