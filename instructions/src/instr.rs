//! A decoded instruction.

use crate::Opcode;

/// One instruction with its operand fields. Fields an instruction does not have are 0.
///
/// `imm` is the sign-extended immediate as bits: the byte offset for branches and JAL, the
/// already-shifted upper value (`imm20 << 12`) for LUI and AUIPC, the shift amount for the
/// shift-immediates. Registers 32.. are virtual registers (virtual sequences only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Instr {
    pub opcode: Opcode,
    pub rd: u8,
    pub rs1: u8,
    pub rs2: u8,
    pub imm: u32,
}
