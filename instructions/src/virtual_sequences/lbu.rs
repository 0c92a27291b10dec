//! LBU rd, imm(rs1): the byte at rs1 + imm, zero-extended.
//! The containing word is loaded and shifted right by the byte's bit offset (see
//! `subword.rs`), then the byte extended into rd.

use super::subword::{extract, load_containing_word};
use crate::Instr;

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let mut steps = load_containing_word(instr).to_vec();
    steps.extend(extract(instr.rd, 8, false));
    steps
}
