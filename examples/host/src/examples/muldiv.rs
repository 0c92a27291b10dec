//! The M extension: multiplication, division and remainder on two operands, signs and edge
//! cases included (`i32::MIN / -1`, division by zero).

use crate::{prove_and_verify, Error, Proven};

/// Proves every M-extension result for `(a, b)`.
pub fn run(a: i32, b: i32) -> Result<Proven<[u32; 8]>, Error> {
    prove_and_verify(
        muldiv_guest::compile_muldiv,
        &(a, b),
        |output: Option<&[u32; 8]>| match output {
            Some([mul, mulh, mulhsu, mulhu, div, divu, rem, remu]) => format!(
            "a = {a}, b = {b}: mul {mul:#x}, mulh {mulh:#x}, mulhsu {mulhsu:#x}, mulhu {mulhu:#x}, \
             div {div:#x}, divu {divu:#x}, rem {rem:#x}, remu {remu:#x}"
        ),
            None => format!("muldiv({a}, {b}) panicked"),
        },
    )
}
