//! MULH rd, rs1, rs2 as a virtual sequence: the high word of the signed product from MULHU and
//! two sign corrections.
//!
//! As integers, a signed word is `x = x_u - 2^32·[x < 0]` (x_u its unsigned value), so
//! `x·y = x_u·y_u - 2^32·([x < 0]·y_u + [y < 0]·x_u) + 2^64·[x < 0]·[y < 0]`, and mod 2^32 the high
//! word is `MULHU(x, y) - (x < 0 ? y : 0) - (y < 0 ? x : 0)`. `MOVSIGN(x) & y` is `y` when x is
//! negative and 0 otherwise.

use super::{reg, v};
use crate::{Instr, Opcode};

pub(super) fn sequence(instr: Instr) -> Vec<Instr> {
    let (x, y) = (instr.rs1, instr.rs2);
    let (h, c) = (v(0), v(1));
    vec![
        reg(Opcode::Mulhu, h, x, y),
        reg(Opcode::VirtualMovsign, c, x, 0),
        reg(Opcode::And, c, c, y),
        reg(Opcode::Sub, h, h, c),
        reg(Opcode::VirtualMovsign, c, y, 0),
        reg(Opcode::And, c, c, x),
        reg(Opcode::Sub, instr.rd, h, c),
    ]
}
