//! A decoded instruction.

use crate::Opcode;

/// One instruction with its operand fields. Fields an instruction does not have are 0.
///
/// `imm` is the sign-extended immediate as bits: the byte offset for branches and JAL, the
/// already-shifted upper value (`imm20 << 12`) for LUI and AUIPC, the shift amount for the
/// shift-immediates. Registers 32.. are virtual registers (virtual sequences only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Instr {
    /// The operation.
    pub opcode: Opcode,
    /// The destination register (0 for none: x0 is never written).
    pub rd: u8,
    /// The first source register.
    pub rs1: u8,
    /// The second source register.
    pub rs2: u8,
    /// The immediate, sign-extended, as bits.
    pub imm: u32,
}
