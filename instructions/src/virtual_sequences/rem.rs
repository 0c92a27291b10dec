//! REM rd, rs1, rs2 as a virtual sequence, through the magnitudes.
//!
//! With x = rs1, y = rs2 as i32: compute `|x|`, `|y|` (as u32: `|i32::MIN| = 2^31`) and x's sign
//! mask sx; the checked division (see `division.rs`) pins Q, R with `|x| = Q·|y| + R` and
//! `R < |y|` when y != 0; then `r = R` negated when x is negative. That is RISC-V's remainder:
//! x's sign (or zero) and `|r| < |y|`. Overflow: x = i32::MIN, y = -1 gives R = 0. Division by
//! zero: R = `|x|`, so r = x; `VirtualAssertValidDiv0` pins the unused Q to `2^32 - 1`, so the
//! advice is unique.
//!
//! Advice: Q = `|x| / |y|` (2^32 - 1 for y = 0), R = `|x| mod |y|` (`|x|` for y = 0).

use super::division::{checked_division, magnitude, magnitude_of, unsigned_advice};
use super::{assertion, reg, v};
use crate::{Instr, Opcode};

/// Index of the first step of the checked division.
const CHECKED_DIVISION: usize = 6;

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let (sx, ax, sy, ay, q, r, t, s) = (v(0), v(1), v(2), v(3), v(4), v(5), v(6), v(7));
    let mut steps = Vec::with_capacity(17);
    steps.extend(magnitude(instr.rs1, sx, ax));
    steps.extend(magnitude(instr.rs2, sy, ay));
    debug_assert_eq!(steps.len(), CHECKED_DIVISION);
    steps.extend(checked_division(ax, ay, [q, r, t, s]));
    steps.push(assertion(Opcode::VirtualAssertValidDiv0, instr.rs2, q));
    // x's sign applied to R.
    steps.push(reg(Opcode::Xor, t, r, sx));
    steps.push(reg(Opcode::Sub, instr.rd, t, sx));
    steps
}

pub(super) fn advice(step: usize, x: u32, y: u32) -> Option<u32> {
    unsigned_advice(
        step.checked_sub(CHECKED_DIVISION)?,
        magnitude_of(x),
        magnitude_of(y),
    )
}
