//! Decoding of RV32IM instruction words (RISC-V unprivileged spec, RV32I base + M extension).
//!
//! FENCE, FENCE.TSO, PAUSE and FENCE.I decode as [`Opcode::Fence`] (a no-op on this single-hart
//! machine; their reserved rd/rs1/imm fields are ignored, as the spec requires). Encodings the spec
//! reserves (non-zero funct7 where it fixes one, SLLI/SRLI/SRAI with shamt[5] set, unused funct3
//! values, CSR and privileged SYSTEM instructions) are [`DecodeError::Unknown`].
//!
//! Every R-type word of the custom-0 space (major opcode 0x0B) decodes as [`Opcode::Custom`] with
//! `imm = funct7 << 3 | funct3`; whether it can execute depends on the instructions registered
//! with the program ([`crate::CustomInstruction`]). An unregistered one is
//! [`DecodeError::Unregistered`] when the program's words are resolved against them.

use crate::{Instr, Opcode, CUSTOM_0};

/// Why a word is not an RV32IM instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// A 16-bit compressed instruction (the C extension), which RV32IM does not have.
    #[error("compressed (RVC) instruction {0:#06x}: build for riscv32im, without the C extension")]
    Compressed(u16),
    /// A word that is no RV32IM instruction, or one the spec reserves.
    #[error("unknown instruction word {0:#010x}")]
    Unknown(u32),
    /// A custom-0 word with no [`crate::CustomInstruction`] registered for its function bits.
    #[error(
        "custom-0 instruction (funct3 = {funct3}, funct7 = {funct7:#04x}) is not registered: \
         register a CustomInstruction for it with the program \
         (Bytecode::with_extensions, ProverKey::with_extensions)"
    )]
    Unregistered {
        /// The word's `funct3`.
        funct3: u8,
        /// The word's `funct7`.
        funct7: u8,
    },
}

/// Decodes one 32-bit instruction word.
#[inline]
pub fn decode(word: u32) -> Result<Instr, DecodeError> {
    use Opcode::*;
    if word == 0 {
        return Err(DecodeError::Unknown(0));
    }
    if word & 0b11 != 0b11 {
        return Err(DecodeError::Compressed(word as u16));
    }
    let rd = ((word >> 7) & 0x1f) as u8;
    let rs1 = ((word >> 15) & 0x1f) as u8;
    let rs2 = ((word >> 20) & 0x1f) as u8;
    let funct3 = (word >> 12) & 0b111;
    let funct7 = word >> 25;
    let unknown = Err(DecodeError::Unknown(word));

    let r = |opcode| {
        Ok(Instr {
            opcode,
            rd,
            rs1,
            rs2,
            imm: 0,
        })
    };
    let i = |opcode| {
        Ok(Instr {
            opcode,
            rd,
            rs1,
            rs2: 0,
            imm: imm_i(word),
        })
    };
    let s = |opcode| {
        Ok(Instr {
            opcode,
            rd: 0,
            rs1,
            rs2,
            imm: imm_s(word),
        })
    };
    let b = |opcode| {
        Ok(Instr {
            opcode,
            rd: 0,
            rs1,
            rs2,
            imm: imm_b(word),
        })
    };
    let shift = |opcode| {
        Ok(Instr {
            opcode,
            rd,
            rs1,
            rs2: 0,
            imm: u32::from(rs2),
        })
    };
    let none = |opcode| {
        Ok(Instr {
            opcode,
            rd: 0,
            rs1: 0,
            rs2: 0,
            imm: 0,
        })
    };

    match word & 0x7f {
        0b011_0111 => Ok(Instr {
            opcode: Lui,
            rd,
            rs1: 0,
            rs2: 0,
            imm: word & 0xffff_f000,
        }),
        0b001_0111 => Ok(Instr {
            opcode: Auipc,
            rd,
            rs1: 0,
            rs2: 0,
            imm: word & 0xffff_f000,
        }),
        0b110_1111 => Ok(Instr {
            opcode: Jal,
            rd,
            rs1: 0,
            rs2: 0,
            imm: imm_j(word),
        }),
        0b110_0111 if funct3 == 0 => i(Jalr),
        0b110_0011 => match funct3 {
            0 => b(Beq),
            1 => b(Bne),
            4 => b(Blt),
            5 => b(Bge),
            6 => b(Bltu),
            7 => b(Bgeu),
            _ => unknown,
        },
        0b000_0011 => match funct3 {
            0 => i(Lb),
            1 => i(Lh),
            2 => i(Lw),
            4 => i(Lbu),
            5 => i(Lhu),
            _ => unknown,
        },
        0b010_0011 => match funct3 {
            0 => s(Sb),
            1 => s(Sh),
            2 => s(Sw),
            _ => unknown,
        },
        0b001_0011 => match (funct3, funct7) {
            (0, _) => i(Addi),
            (2, _) => i(Slti),
            (3, _) => i(Sltiu),
            (4, _) => i(Xori),
            (6, _) => i(Ori),
            (7, _) => i(Andi),
            (1, 0) => shift(Slli),
            (5, 0) => shift(Srli),
            (5, 0b010_0000) => shift(Srai),
            _ => unknown,
        },
        0b011_0011 => match (funct7, funct3) {
            (0, 0) => r(Add),
            (0b010_0000, 0) => r(Sub),
            (0, 1) => r(Sll),
            (0, 2) => r(Slt),
            (0, 3) => r(Sltu),
            (0, 4) => r(Xor),
            (0, 5) => r(Srl),
            (0b010_0000, 5) => r(Sra),
            (0, 6) => r(Or),
            (0, 7) => r(And),
            (1, 0) => r(Mul),
            (1, 1) => r(Mulh),
            (1, 2) => r(Mulhsu),
            (1, 3) => r(Mulhu),
            (1, 4) => r(Div),
            (1, 5) => r(Divu),
            (1, 6) => r(Rem),
            (1, 7) => r(Remu),
            _ => unknown,
        },
        CUSTOM_0 => Ok(Instr {
            opcode: Custom,
            rd,
            rs1,
            rs2,
            imm: funct7 << 3 | funct3,
        }),
        // FENCE (funct3 0) and FENCE.I (funct3 1).
        0b000_1111 if funct3 <= 1 => none(Fence),
        0b111_0011 => match word {
            0x0000_0073 => none(Ecall),
            0x0010_0073 => none(Ebreak),
            _ => unknown,
        },
        _ => unknown,
    }
}

/// I-type immediate: imm[11:0] = word[31:20].
#[inline]
fn imm_i(word: u32) -> u32 {
    ((word as i32) >> 20) as u32
}

/// S-type immediate: imm[11:5] = word[31:25], imm[4:0] = word[11:7].
#[inline]
fn imm_s(word: u32) -> u32 {
    (((word as i32) >> 20) as u32 & !0x1f) | ((word >> 7) & 0x1f)
}

/// B-type immediate: imm[12|10:5] = word[31|30:25], imm[4:1|11] = word[11:8|7].
#[inline]
fn imm_b(word: u32) -> u32 {
    (((word as i32) >> 19) as u32 & !0xfff)
        | ((word << 4) & 0x800)
        | ((word >> 20) & 0x7e0)
        | ((word >> 7) & 0x1e)
}

/// J-type immediate: imm[20|10:1|11|19:12] = word[31|30:21|20|19:12].
#[inline]
fn imm_j(word: u32) -> u32 {
    (((word as i32) >> 11) as u32 & !0xf_ffff)
        | (word & 0xf_f000)
        | ((word >> 9) & 0x800)
        | ((word >> 20) & 0x7fe)
}
