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

use jolt_common::{EXIT_SYSCALL, RAM_START};
use jolt_instructions::{
    check_extensions, decode, expand, resolve_custom, CustomInstruction, DecodeError,
    ExtensionError, Instr, Opcode, TableId,
};

use crate::elf::Program;

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
    /// Address of the first word.
    pub code_start: u32,
    /// Rows in address order.
    pub rows: Vec<BytecodeRow>,
    /// For each word of `[code_start, code_start + 4 * len)`, the index of its first row.
    first_row: Vec<u32>,
    /// The registered custom instructions ([`TableId::Custom`]`(k)` is the `k`-th).
    pub extensions: &'static [CustomInstruction],
}

/// Register holding scratch values of the exit sequence (the first virtual register).
const EXIT_SCRATCH: u8 = 32;
/// `a0`: the register whose value at the exit call is the exit code (the halting row's `rs1`).
pub const EXIT_CODE_REGISTER: u8 = 10;

impl Bytecode {
    /// Decodes and expands the executable segments of `program`, without custom instructions.
    pub fn new(program: &Program) -> Self {
        Self::build(program, &[])
    }

    /// Decodes and expands the executable segments of `program`; custom-0 words execute the
    /// instruction of `extensions` registered for their function bits.
    pub fn with_extensions(
        program: &Program,
        extensions: &'static [CustomInstruction],
    ) -> Result<Self, ExtensionError> {
        check_extensions(extensions)?;
        Ok(Self::build(program, extensions))
    }

    fn build(program: &Program, extensions: &'static [CustomInstruction]) -> Self {
        let code: Vec<_> = program.segments.iter().filter(|s| s.executable).collect();
        let code_start = code.first().map_or(RAM_START, |s| s.vaddr);
        let code_end = code
            .iter()
            .map(|s| u64::from(s.vaddr) + s.data.len() as u64)
            .max()
            .unwrap_or(code_start.into());
        let words = ((code_end - u64::from(code_start)) / 4) as usize;
        let mut rows = Vec::with_capacity(words);
        let mut first_row = Vec::with_capacity(words);
        for k in 0..words {
            let address = code_start + 4 * k as u32;
            first_row.push(rows.len() as u32);
            let word = code
                .iter()
                .find(|s| {
                    address >= s.vaddr
                        && u64::from(address) + 4 <= u64::from(s.vaddr) + s.data.len() as u64
                })
                .map(|s| {
                    let o = (address - s.vaddr) as usize;
                    u32::from_le_bytes([s.data[o], s.data[o + 1], s.data[o + 2], s.data[o + 3]])
                });
            let word = word.unwrap_or(0);
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
            let steps = if source.opcode == Opcode::Ecall {
                exit_sequence()
            } else {
                expand(source)
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
            code_start,
            rows,
            first_row,
            extensions,
        }
    }

    /// Index of the first row of the instruction at `address`, if it is a code address.
    #[inline(always)]
    pub fn row_of(&self, address: u32) -> Option<usize> {
        if address & 3 != 0 {
            return None;
        }
        let k = (address.wrapping_sub(self.code_start) >> 2) as usize;
        self.first_row.get(k).map(|&r| r as usize)
    }
}

const NOP: Instr = Instr {
    opcode: Opcode::Addi,
    rd: 0,
    rs1: 0,
    rs2: 0,
    imm: 0,
};

/// `ecall` as a sequence: assert a7 = 93 (exit), then the halting row, which reads a0 (the exit
/// code) as its `rs1` and writes nothing. The machine halts after it; nothing is stored, so the
/// only way to terminate, and to set the exit code, is to execute this sequence.
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
        i(Opcode::Addi, 0, EXIT_CODE_REGISTER, 0, 0),
    ]
}
