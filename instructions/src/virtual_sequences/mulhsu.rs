//! MULHSU rd, rs1, rs2 as a virtual sequence: the high word of signed x times unsigned y is
//! `MULHU(x, y) - (x < 0 ? y : 0)` mod 2^32, since `x = x_u - 2^32·[x < 0]` (see `mulh.rs`).

use super::{reg, v};
use crate::{Instr, Opcode};

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let (x, y) = (instr.rs1, instr.rs2);
    let (h, c) = (v(0), v(1));
    vec![
        reg(Opcode::Mulhu, h, x, y),
        reg(Opcode::VirtualMovsign, c, x, 0),
        reg(Opcode::And, c, c, y),
        reg(Opcode::Sub, instr.rd, h, c),
    ]
}
