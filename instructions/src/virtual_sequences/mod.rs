//! Virtual sequences: the instructions without a lookup decomposition, rewritten as short
//! sequences of simpler instructions over the virtual registers (32..) plus assertions.
//!
//! A sequence is static: it depends on the instruction only. Advice values (`VirtualAdvice`
//! steps) come from [`advice`] at run time and are untrusted; the assertions that follow pin them
//! down uniquely (the argument is in each file). Every sequence reads the original rs1/rs2 as it
//! needs them, writes only virtual registers until its last step, and writes the original rd
//! (ignored when it is x0) in its last step, so rd may equal rs1 or rs2.
//!
//! RAM is word-addressed: the only memory steps are LW and SW at 4-byte-aligned addresses.
//!
//! How the emulator executes a step (x, y from [`crate::operands`]): `VirtualAdvice` writes rd :=
//! [`advice`]; an assertion ([`crate::Opcode::is_assertion`]) fails the run unless
//! [`crate::alu`] returns 1 and writes nothing; LW/SW access the word at rs1 + imm; every other
//! step writes rd := `alu(opcode, x, y)`.

mod div;
mod division;
mod divu;
mod lb;
mod lbu;
mod lh;
mod lhu;
mod mulh;
mod mulhsu;
mod rem;
mod remu;
mod sb;
mod sh;
mod subword;

use crate::{Instr, Opcode};

/// The instruction as executed: a plain instruction is returned as itself; MULH, MULHSU, DIV,
/// DIVU, REM, REMU, LB, LBU, LH, LHU, SB, SH become a short sequence of simpler instructions over
/// virtual registers (>= 32) and assertions. Static: it depends on the instruction only, never on
/// runtime values (compute it once per bytecode word). Advice values are produced at run time by
/// [`advice`].
pub fn expand(instr: Instr) -> Vec<Instr> {
    use Opcode::*;
    match instr.opcode {
        Mulh => mulh::sequence(instr),
        Mulhsu => mulhsu::sequence(instr),
        Div => div::sequence(instr),
        Divu => divu::sequence(instr),
        Rem => rem::sequence(instr),
        Remu => remu::sequence(instr),
        Lb => lb::sequence(instr),
        Lbu => lbu::sequence(instr),
        Lh => lh::sequence(instr),
        Lhu => lhu::sequence(instr),
        Sb => sb::sequence(instr),
        Sh => sh::sequence(instr),
        _ => vec![instr],
    }
}

/// For a `VirtualAdvice` step at `step` of `expand(instr)`, the advice value given the values of
/// the original instruction's rs1/rs2. Panics if that step is not a `VirtualAdvice` step.
pub fn advice(instr: Instr, step: usize, rs1v: u32, rs2v: u32) -> u32 {
    let value = match instr.opcode {
        Opcode::Div => div::advice(step, rs1v, rs2v),
        Opcode::Divu => divu::advice(step, rs1v, rs2v),
        Opcode::Rem => rem::advice(step, rs1v, rs2v),
        Opcode::Remu => remu::advice(step, rs1v, rs2v),
        _ => None,
    };
    value.unwrap_or_else(|| panic!("step {step} of {instr:?} is not a VirtualAdvice step"))
}

/// Virtual register `i` (0-based).
const fn v(i: u8) -> u8 {
    assert!((i as usize) < crate::VIRTUAL_REGISTER_COUNT);
    32 + i
}

/// A step reading two registers.
fn reg(opcode: Opcode, rd: u8, rs1: u8, rs2: u8) -> Instr {
    Instr {
        opcode,
        rd,
        rs1,
        rs2,
        imm: 0,
    }
}

/// A step reading one register and an immediate.
fn imm(opcode: Opcode, rd: u8, rs1: u8, imm: u32) -> Instr {
    Instr {
        opcode,
        rd,
        rs1,
        rs2: 0,
        imm,
    }
}

/// An assertion on two registers.
fn assertion(opcode: Opcode, rs1: u8, rs2: u8) -> Instr {
    debug_assert!(opcode.is_assertion());
    reg(opcode, 0, rs1, rs2)
}

/// rd := advice.
fn advice_into(rd: u8) -> Instr {
    reg(Opcode::VirtualAdvice, rd, 0, 0)
}
