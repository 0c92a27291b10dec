//! SH rs2, imm(rs1): stores the low halfword of rs2 at rs1 + imm (which must be even). The
//! alignment is asserted, the containing word loaded, the halfword merged in at its bit offset,
//! and the word stored back (see `subword.rs`).

use super::subword::{assert_halfword_aligned, load_containing_word, merge_and_store};
use crate::Instr;

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let mut steps = vec![assert_halfword_aligned(instr)];
    steps.extend(load_containing_word(instr));
    steps.extend(merge_and_store(instr, 16));
    steps
}
