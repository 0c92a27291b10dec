//! The Keccak lane instructions for guests: one `.insn` each on RISC-V, the reference
//! functions elsewhere.

#[cfg(not(target_arch = "riscv32"))]
use super::{andn_ref, even_ref, merge_hi_ref, merge_lo_ref, rotl_xor_ref};

/// `rd := insn(x, y)` for the Keccak instruction with this `funct7` on RISC-V, `$fallback`
/// elsewhere.
macro_rules! keccak_insn {
    ($funct7:expr, $x:expr, $y:expr, $fallback:expr) => {{
        #[cfg(target_arch = "riscv32")]
        {
            let rd: u32;
            // SAFETY: a Keccak instruction reads two registers and writes one; no memory, no
            // stack, no flags.
            unsafe {
                core::arch::asm!(
                    ".insn r 0x0B, {f3}, {f7}, {rd}, {rs1}, {rs2}",
                    f3 = const super::FUNCT3,
                    f7 = const $funct7,
                    rd = lateout(reg) rd,
                    rs1 = in(reg) $x,
                    rs2 = in(reg) $y,
                    options(pure, nomem, nostack),
                );
            }
            rd
        }
        #[cfg(not(target_arch = "riscv32"))]
        {
            $fallback
        }
    }};
}

/// `rotl32(x ^ y, K)`: `KECCAK_ROTL_XOR_K`. `K` must be one of [`super::ROTATIONS`] (checked
/// at compile time).
#[inline(always)]
pub fn rotl_xor<const K: u32>(x: u32, y: u32) -> u32 {
    const {
        assert!(
            super::is_registered_rotation(K),
            "KECCAK_ROTL_XOR_K is registered only for K in keccak::ROTATIONS"
        )
    };
    keccak_insn!(K, x, y, rotl_xor_ref(K, x, y))
}

/// `!x & y`: `KECCAK_ANDN`.
#[inline(always)]
pub fn andn(x: u32, y: u32) -> u32 {
    keccak_insn!(super::FUNCT7_ANDN, x, y, andn_ref(x, y))
}

/// The even bits of `x` (low half) and of `y` (high half): `KECCAK_EVEN`.
#[inline(always)]
pub fn even(x: u32, y: u32) -> u32 {
    keccak_insn!(super::FUNCT7_EVEN, x, y, even_ref(x, y))
}

/// The low halves of `x` and `y`, bit-interleaved (`x` on the even bits): `KECCAK_MERGE_LO`.
#[inline(always)]
pub fn merge_lo(x: u32, y: u32) -> u32 {
    keccak_insn!(super::FUNCT7_MERGE_LO, x, y, merge_lo_ref(x, y))
}

/// The high halves of `x` and `y`, bit-interleaved (`x` on the even bits): `KECCAK_MERGE_HI`.
#[inline(always)]
pub fn merge_hi(x: u32, y: u32) -> u32 {
    keccak_insn!(super::FUNCT7_MERGE_HI, x, y, merge_hi_ref(x, y))
}
