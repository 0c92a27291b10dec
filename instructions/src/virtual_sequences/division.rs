//! The checked division shared by DIV, DIVU, REM and REMU: advice quotient Q and remainder R of
//! x by y (registers holding u32 values), and assertions that pin them down.
//!
//! # Soundness
//! Q and R are < 2^32: each `VirtualAdvice` step's lookup (MOVE) range-checks its value. The steps
//! assert
//! 1. `y == 0 || R < y`,
//! 2. `Q·y < 2^32` over the integers (the high word of the product is zero),
//! 3. with `t = Q·y mod 2^32` (= Q·y by 2) and `s = t + R mod 2^32`: `t <= s`, which holds iff the
//!    sum did not wrap (if it wrapped, `s = t + R - 2^32 < t` because `R < 2^32`),
//! 4. `s == x`.
//!
//! So `x = Q·y + R` over the integers. If `y != 0`, with `0 <= R < y` this is Euclidean
//! division: `Q = ⌊x / y⌋`, `R = x mod y`, unique. If `y == 0` it gives `R = x`, and the caller
//! pins Q with `VirtualAssertValidDiv0`.
//!
//! Checks 2 and 3 are what make it sound: `Q·y + R ≡ x (mod 2^32)` alone has other solutions,
//! e.g. `Q + 2^31` when y is even, or `x = 1, y = 3: Q = 0x5555_5555, R = 2`
//! (`3·Q + 2 = 2^32 + 1`).

use super::{advice_into, assertion, reg};
use crate::{Instr, Opcode};

/// Steps of the checked division of register `x` by register `y`: Q into `q`, R into `r`,
/// using `t` and `s` as scratch. Q is the advice of step [`QUOTIENT_STEP`], R of step
/// [`REMAINDER_STEP`] (counted from the first step returned here).
pub(super) fn checked_division(x: u8, y: u8, [q, r, t, s]: [u8; 4]) -> [Instr; 8] {
    [
        advice_into(q),
        advice_into(r),
        assertion(Opcode::VirtualAssertValidUnsignedRemainder, r, y),
        assertion(Opcode::VirtualAssertMulUNoOverflow, q, y),
        reg(Opcode::Mul, t, q, y),
        reg(Opcode::Add, s, t, r),
        assertion(Opcode::VirtualAssertLte, t, s),
        assertion(Opcode::VirtualAssertEq, s, x),
    ]
}

/// Index of the quotient's advice step in [`checked_division`].
pub(super) const QUOTIENT_STEP: usize = 0;
/// Index of the remainder's advice step in [`checked_division`].
pub(super) const REMAINDER_STEP: usize = 1;

/// The honest (Q, R) of the unsigned division of x by y: `(2^32 - 1, x)` when y = 0.
fn unsigned_quotient_remainder(x: u32, y: u32) -> (u32, u32) {
    match y {
        0 => (u32::MAX, x),
        _ => (x / y, x % y),
    }
}

/// The advice of step `step` of [`checked_division`] of x by y with the honest (Q, R), if it is
/// an advice step.
pub(super) fn unsigned_advice(step: usize, x: u32, y: u32) -> Option<u32> {
    let (q, r) = unsigned_quotient_remainder(x, y);
    match step {
        QUOTIENT_STEP => Some(q),
        REMAINDER_STEP => Some(r),
        _ => None,
    }
}

/// Steps computing the magnitude `|v|` (as u32, so `|i32::MIN| = 2^31`) of register `v` into
/// `out`, and its sign mask (all ones if negative, else 0) into `sign`:
/// `|v| = (v ^ sign) - sign`.
pub(super) fn magnitude(v: u8, sign: u8, out: u8) -> [Instr; 3] {
    [
        reg(Opcode::VirtualMovsign, sign, v, 0),
        reg(Opcode::Xor, out, v, sign),
        reg(Opcode::Sub, out, out, sign),
    ]
}

/// `|v|` as [`magnitude`] computes it.
pub(super) fn magnitude_of(v: u32) -> u32 {
    (v as i32).unsigned_abs()
}

/// `(v ^ sign) - sign`: v negated when `sign` is all ones, unchanged when it is 0.
pub(super) fn apply_sign(v: u32, sign: u32) -> u32 {
    (v ^ sign).wrapping_sub(sign)
}
