//! The Keccak lane instructions for guests: one `.insn` each on RISC-V, the reference
//! functions elsewhere.

#[cfg(not(target_arch = "riscv32"))]
use super::{andn_ref, even_ref, rotl_xor_ref};

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

/// The even bits of `w` in the low half, its odd bits in the high half: `even(w, w >> 1)`.
#[inline(always)]
pub fn unzip(w: u32) -> u32 {
    even(w, w >> 1)
}

/// The inverse of [`unzip`]: bit `j` of the low half to bit `2j`, of the high half to bit
/// `2j + 1`. `unzip` has order 5, so this is four of them.
#[inline(always)]
pub fn zip(w: u32) -> u32 {
    unzip(unzip(unzip(unzip(w))))
}
