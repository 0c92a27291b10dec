//! The SHA-256 instructions: their reference semantics, their encodings, and the guest calls.
//!
//! Three families, all with `funct3 = `[`FUNCT3`]:
//!
//! | instruction | `rd :=` | `funct7` |
//! |---|---|---|
//! | `XORROTR k` | `rotr(rs1 ^ rs2, k)` | `k` |
//! | `ROTRSHR k` | `rotr(rs1, k) ^ (rs2 >> k)` | `32 + k` |
//! | `BSWAP` | `swap_bytes(rs1 ^ rs2)` | `64` |
//!
//! for the amounts `k` in [`XORROTR_AMOUNTS`] and [`ROTRSHR_AMOUNTS`]. With `rs2 = x0`,
//! `XORROTR k` is the rotation `rotr(rs1, k)` and `BSWAP` the big-endian load of a word.
//!
//! On `riscv32` each call below is one `.insn r 0x0B, 1, funct7, rd, rs1, rs2`; elsewhere it is
//! the reference function, so the same code runs natively.

/// The `funct3` of every SHA-256 instruction.
pub const FUNCT3: u8 = 1;
/// The rotation amounts of `XORROTR k`.
pub const XORROTR_AMOUNTS: [u32; 7] = [2, 4, 7, 9, 11, 13, 14];
/// The amounts of `ROTRSHR k`.
pub const ROTRSHR_AMOUNTS: [u32; 2] = [3, 10];
/// The `funct7` of `BSWAP`.
pub const BSWAP_FUNCT7: u8 = 64;

/// The `funct7` of `XORROTR k`.
pub const fn xorrotr_funct7(k: u32) -> u8 {
    k as u8
}

/// The `funct7` of `ROTRSHR k`.
pub const fn rotrshr_funct7(k: u32) -> u8 {
    32 + k as u8
}

/// Reference semantics of `XORROTR k`: `rotr(x ^ y, k)`.
pub const fn xorrotr(x: u32, y: u32, k: u32) -> u32 {
    (x ^ y).rotate_right(k)
}

/// Reference semantics of `ROTRSHR k`: `rotr(x, k) ^ (y >> k)` (`k` below 32).
pub const fn rotrshr(x: u32, y: u32, k: u32) -> u32 {
    x.rotate_right(k) ^ (y >> k)
}

/// Reference semantics of `BSWAP`: the bytes of `x ^ y` in reverse order.
pub const fn bswap(x: u32, y: u32) -> u32 {
    (x ^ y).swap_bytes()
}

/// One two-operand instruction: `.insn` on RISC-V, the reference function elsewhere.
macro_rules! binary {
    ($(#[$doc:meta])* $name:ident, $funct7:expr, $reference:expr) => {
        $(#[$doc])*
        #[inline(always)]
        pub fn $name(x: u32, y: u32) -> u32 {
            #[cfg(target_arch = "riscv32")]
            {
                let rd: u32;
                // SAFETY: the instruction reads two registers and writes one; no memory, no
                // stack, no flags.
                unsafe {
                    core::arch::asm!(
                        ".insn r 0x0B, {f3}, {f7}, {rd}, {rs1}, {rs2}",
                        f3 = const FUNCT3,
                        f7 = const $funct7,
                        rd = lateout(reg) rd,
                        rs1 = in(reg) x,
                        rs2 = in(reg) y,
                        options(pure, nomem, nostack),
                    );
                }
                rd
            }
            #[cfg(not(target_arch = "riscv32"))]
            {
                $reference(x, y)
            }
        }
    };
}

/// One instruction with `rs2 = x0`: `.insn` on RISC-V, the reference function elsewhere.
macro_rules! unary {
    ($(#[$doc:meta])* $name:ident, $funct7:expr, $reference:expr) => {
        $(#[$doc])*
        #[inline(always)]
        pub fn $name(x: u32) -> u32 {
            #[cfg(target_arch = "riscv32")]
            {
                let rd: u32;
                // SAFETY: the instruction reads one register (and x0) and writes one; no
                // memory, no stack, no flags.
                unsafe {
                    core::arch::asm!(
                        ".insn r 0x0B, {f3}, {f7}, {rd}, {rs1}, x0",
                        f3 = const FUNCT3,
                        f7 = const $funct7,
                        rd = lateout(reg) rd,
                        rs1 = in(reg) x,
                        options(pure, nomem, nostack),
                    );
                }
                rd
            }
            #[cfg(not(target_arch = "riscv32"))]
            {
                $reference(x, 0)
            }
        }
    };
}

binary!(
    /// `XORROTR 2`: `rotr(x ^ y, 2)`.
    xorrotr2, xorrotr_funct7(2), |x, y| xorrotr(x, y, 2)
);
binary!(
    /// `XORROTR 4`: `rotr(x ^ y, 4)`.
    xorrotr4, xorrotr_funct7(4), |x, y| xorrotr(x, y, 4)
);
binary!(
    /// `XORROTR 7`: `rotr(x ^ y, 7)`.
    xorrotr7, xorrotr_funct7(7), |x, y| xorrotr(x, y, 7)
);
binary!(
    /// `XORROTR 11`: `rotr(x ^ y, 11)`.
    xorrotr11, xorrotr_funct7(11), |x, y| xorrotr(x, y, 11)
);
binary!(
    /// `XORROTR 14`: `rotr(x ^ y, 14)`.
    xorrotr14, xorrotr_funct7(14), |x, y| xorrotr(x, y, 14)
);
binary!(
    /// `ROTRSHR 3`: `rotr(x, 3) ^ (y >> 3)`.
    rotrshr3, rotrshr_funct7(3), |x, y| rotrshr(x, y, 3)
);
binary!(
    /// `ROTRSHR 10`: `rotr(x, 10) ^ (y >> 10)`.
    rotrshr10, rotrshr_funct7(10), |x, y| rotrshr(x, y, 10)
);
unary!(
    /// `XORROTR 2` with `rs2 = x0`: `rotr(x, 2)`.
    rotr2, xorrotr_funct7(2), |x, y| xorrotr(x, y, 2)
);
unary!(
    /// `XORROTR 9` with `rs2 = x0`: `rotr(x, 9)`.
    rotr9, xorrotr_funct7(9), |x, y| xorrotr(x, y, 9)
);
unary!(
    /// `XORROTR 11` with `rs2 = x0`: `rotr(x, 11)`.
    rotr11, xorrotr_funct7(11), |x, y| xorrotr(x, y, 11)
);
unary!(
    /// `XORROTR 13` with `rs2 = x0`: `rotr(x, 13)`.
    rotr13, xorrotr_funct7(13), |x, y| xorrotr(x, y, 13)
);
unary!(
    /// `BSWAP` with `rs2 = x0`: the byte-reversed word (a big-endian load's value).
    byte_swap, BSWAP_FUNCT7, bswap
);
