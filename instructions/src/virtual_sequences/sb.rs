//! SB rs2, imm(rs1): stores the low byte of rs2 at rs1 + imm. The containing word is loaded,
//! the byte merged in at its bit offset, and the word stored back (see `subword.rs`).

use super::subword::{load_containing_word, merge_and_store};
use crate::Instr;

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let mut steps = load_containing_word(instr).to_vec();
    steps.extend(merge_and_store(instr, 8));
    steps
}
