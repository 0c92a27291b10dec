//! A guest using a user-defined instruction: `AVGU8` (byte-wise rounding average, defined and
//! registered by the `jolt-extension-example` crate) through `.insn` in the custom-0 space.
//! Natively (the host build) the same function is computed in Rust.
#![cfg_attr(feature = "guest", no_std)]

/// The `funct3` of `AVGU8`'s registration.
pub const AVGU8_FUNCT3: u8 = 0;
/// The `funct7` of `AVGU8`'s registration.
pub const AVGU8_FUNCT7: u8 = 1;

// ANCHOR: insn
/// The rounding average of each byte of `x` and `y`: one custom instruction on RISC-V.
#[inline(always)]
pub fn avgu8(x: u32, y: u32) -> u32 {
    #[cfg(target_arch = "riscv32")]
    {
        let rd: u32;
        // SAFETY: AVGU8 reads two registers and writes one; no memory, no stack, no flags.
        unsafe {
            core::arch::asm!(
                ".insn r 0x0B, {f3}, {f7}, {rd}, {rs1}, {rs2}",
                f3 = const AVGU8_FUNCT3,
                f7 = const AVGU8_FUNCT7,
                rd = out(reg) rd,
                rs1 = in(reg) x,
                rs2 = in(reg) y,
                options(pure, nomem, nostack),
            );
        }
        rd
    }
    #[cfg(not(target_arch = "riscv32"))]
    {
        let (a, b) = (x.to_le_bytes(), y.to_le_bytes());
        u32::from_le_bytes(core::array::from_fn(|i| {
            ((u16::from(a[i]) + u16::from(b[i]) + 1) >> 1) as u8
        }))
    }
}
// ANCHOR_END: insn

// ANCHOR: blend
/// Blends two 32-pixel grey images (four 8-bit pixels per word) `rounds` times toward `b`:
/// each round replaces `a` by the average of `a` and `b`.
#[jolt::provable(max_cycles = 1_000_000, memory_size = 262_144)]
pub fn blend(mut a: [u32; 8], b: [u32; 8], rounds: u32) -> [u32; 8] {
    for _ in 0..rounds {
        for (p, &q) in a.iter_mut().zip(&b) {
            *p = avgu8(*p, q);
        }
    }
    a
}
// ANCHOR_END: blend
