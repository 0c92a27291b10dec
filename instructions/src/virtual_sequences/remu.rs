//! REMU rd, rs1, rs2 as a virtual sequence: the checked division (see `division.rs` for the
//! soundness argument), then `VirtualAssertValidDiv0` pins the (unused) quotient of a division
//! by zero to `2^32 - 1`, so that the advice is unique, and rd := R.

use super::division::{checked_division, unsigned_advice};
use super::{assertion, reg, v};
use crate::{Instr, Opcode};

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let (q, r) = (v(0), v(1));
    let mut steps = checked_division(instr.rs1, instr.rs2, [q, r, v(2), v(3)]).to_vec();
    steps.push(assertion(Opcode::VirtualAssertValidDiv0, instr.rs2, q));
    steps.push(reg(Opcode::VirtualMove, instr.rd, r, 0));
    steps
}

pub(super) fn advice(step: usize, x: u32, y: u32) -> Option<u32> {
    unsigned_advice(step, x, y)
}
