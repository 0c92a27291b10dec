//! DIV rd, rs1, rs2 as a virtual sequence, through the magnitudes.
//!
//! With x = rs1, y = rs2 as i32: compute `|x|`, `|y|` (as u32: `|i32::MIN| = 2^31`) and the sign
//! masks sx, sy; the checked division (see `division.rs`) pins Q, R with `|x| = Q·|y| + R` and
//! `R < |y|` when y != 0; then `q = Q` negated when `sx ^ sy` is all ones. That is RISC-V's
//! division rounding towards zero. Overflow: x = i32::MIN, y = -1 gives `|x| = 2^31`, `|y| = 1`,
//! Q = 2^31 and a positive sign, so q = 0x8000_0000 = i32::MIN, as the spec says. Division by
//! zero: `VirtualAssertValidDiv0` pins q = -1 (and with it Q, as negation is a bijection).
//!
//! Advice: Q = `|q|` for the spec's quotient q (for y = 0: 2^32 - 1 if x >= 0, else 1), and
//! R = `|x| mod |y|` (`|x|` for y = 0).

use super::division::{
    apply_sign, checked_division, magnitude, magnitude_of, unsigned_advice, QUOTIENT_STEP,
};
use super::{assertion, reg, v};
use crate::{alu, Instr, Opcode};

/// Index of the first step of the checked division.
const CHECKED_DIVISION: usize = 6;

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let (sx, ax, sy, ay, q, r, t, s) = (v(0), v(1), v(2), v(3), v(4), v(5), v(6), v(7));
    let mut steps = Vec::with_capacity(19);
    steps.extend(magnitude(instr.rs1, sx, ax));
    steps.extend(magnitude(instr.rs2, sy, ay));
    debug_assert_eq!(steps.len(), CHECKED_DIVISION);
    steps.extend(checked_division(ax, ay, [q, r, t, s]));
    // The quotient's sign sx ^ sy (into sy), applied to Q (into t).
    steps.push(reg(Opcode::Xor, sy, sx, sy));
    steps.push(reg(Opcode::Xor, t, q, sy));
    steps.push(reg(Opcode::Sub, t, t, sy));
    steps.push(assertion(Opcode::VirtualAssertValidDiv0, instr.rs2, t));
    steps.push(reg(Opcode::VirtualMove, instr.rd, t, 0));
    steps
}

pub(super) fn advice(step: usize, x: u32, y: u32) -> Option<u32> {
    let step = step.checked_sub(CHECKED_DIVISION)?;
    if step == QUOTIENT_STEP {
        let sign = ((x ^ y) as i32 >> 31) as u32;
        return Some(apply_sign(alu(Opcode::Div, x, y), sign));
    }
    unsigned_advice(step, magnitude_of(x), magnitude_of(y))
}
