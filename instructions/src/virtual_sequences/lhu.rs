//! LHU rd, imm(rs1): the halfword at rs1 + imm (which must be even), zero-extended.
//! The alignment is asserted, the containing word loaded and shifted right by the access's bit
//! offset (see `subword.rs`), then the halfword extended into rd.

use super::subword::{assert_halfword_aligned, extract, load_containing_word};
use crate::Instr;

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let mut steps = vec![assert_halfword_aligned(instr)];
    steps.extend(load_containing_word(instr));
    steps.extend(extract(instr.rd, 16, false));
    steps
}
