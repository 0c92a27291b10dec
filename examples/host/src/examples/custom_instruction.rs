//! A user-defined instruction: the guest blends two images with `AVGU8`, an instruction defined
//! outside the zkVM (`jolt-extension-example`) in the custom-0 opcode space; the host registers
//! it, and the same lookup argument proves it.

use jolt_extension_example::EXTENSIONS;

use crate::{prove_and_verify, Error, Proven};

/// The two 32-pixel grey images (four 8-bit pixels per word).
pub fn images() -> ([u32; 8], [u32; 8]) {
    let a = core::array::from_fn(|i| 0x1020_3040u32.wrapping_mul(i as u32 + 1));
    let b = core::array::from_fn(|i| 0xf0e0_d0c0u32.rotate_left(4 * i as u32));
    (a, b)
}

/// Proves `rounds` rounds of blending [`images`] with `AVGU8`.
pub fn run(rounds: u32) -> Result<Proven<[u32; 8]>, Error> {
    let (a, b) = images();
    prove_and_verify(
        || custom_guest::compile_blend()?.with_extensions(&EXTENSIONS),
        &(a, b, rounds),
        |output| match output {
            Some(blend) => format!("{rounds} rounds of AVGU8 blending: {blend:08x?}"),
            None => format!("blend panicked after {rounds} rounds"),
        },
    )
}
