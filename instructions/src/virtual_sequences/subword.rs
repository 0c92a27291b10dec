//! Steps shared by the sub-word loads and stores. RAM is word-addressed, so a byte or halfword
//! access reads (and a store writes back) the aligned word that contains it.
//!
//! For an access at address `a`, the containing word is at `a & !3` and the byte offset
//! `a mod 4` sits at bit offset `8·(a mod 4)` in it (little-endian), which is the low 5 bits of
//! `a << 3`: shifts use only those bits.

use super::{imm, reg, v};
use crate::{Instr, Opcode};

/// The address `rs1 + imm`.
pub(super) const ADDRESS: u8 = v(0);
/// The aligned address of the containing word.
pub(super) const WORD_ADDRESS: u8 = v(1);
/// The containing word.
pub(super) const WORD: u8 = v(2);
/// `address << 3`, whose low 5 bits are the bit offset of the access in the word.
pub(super) const BIT_OFFSET: u8 = v(3);

/// Steps loading the word containing the access of `instr` (rs1 + imm) into [`WORD`], with
/// [`ADDRESS`], [`WORD_ADDRESS`] and [`BIT_OFFSET`] set.
pub(super) fn load_containing_word(instr: Instr) -> [Instr; 4] {
    [
        imm(Opcode::Addi, ADDRESS, instr.rs1, instr.imm),
        imm(Opcode::Andi, WORD_ADDRESS, ADDRESS, !3),
        imm(Opcode::Lw, WORD, WORD_ADDRESS, 0),
        imm(Opcode::Slli, BIT_OFFSET, ADDRESS, 3),
    ]
}

/// Steps extracting the `bits`-bit value at the access from [`WORD`] into rd, sign-extended if
/// `signed`, else zero-extended.
pub(super) fn extract(rd: u8, bits: u32, signed: bool) -> Vec<Instr> {
    let shifted = reg(Opcode::Srl, WORD, WORD, BIT_OFFSET);
    if signed {
        vec![
            shifted,
            imm(Opcode::Slli, WORD, WORD, 32 - bits),
            imm(Opcode::Srai, rd, WORD, 32 - bits),
        ]
    } else {
        vec![shifted, imm(Opcode::Andi, rd, WORD, (1 << bits) - 1)]
    }
}

/// Steps merging the low `bits` bits of `instr.rs2` into [`WORD`] at the access, and storing the
/// word back: `word ^ (((rs2 << o) ^ word) & (mask << o))` keeps the word outside the mask and
/// takes rs2's bits inside it.
pub(super) fn merge_and_store(instr: Instr, bits: u32) -> [Instr; 7] {
    let (mask, value) = (v(4), v(5));
    [
        imm(Opcode::Addi, mask, 0, (1 << bits) - 1),
        reg(Opcode::Sll, mask, mask, BIT_OFFSET),
        reg(Opcode::Sll, value, instr.rs2, BIT_OFFSET),
        reg(Opcode::Xor, value, value, WORD),
        reg(Opcode::And, value, value, mask),
        reg(Opcode::Xor, WORD, WORD, value),
        reg(Opcode::Sw, 0, WORD_ADDRESS, WORD),
    ]
}

/// The assertion that the access of `instr` (rs1 + imm) is halfword aligned.
pub(super) fn assert_halfword_aligned(instr: Instr) -> Instr {
    imm(
        Opcode::VirtualAssertHalfwordAligned,
        0,
        instr.rs1,
        instr.imm,
    )
}
