//! A small reference machine for virtual sequences: registers and a word memory, executing
//! each step with `alu` and checking it against the step's lookup.

use std::collections::HashMap;

use jolt_instructions::{
    advice, alu, expand, lookup_query, operands, Instr, Opcode, REGISTER_COUNT,
};
use rand::Rng;
use Opcode::*;

/// Why a run stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Fault {
    Assertion { step: usize, opcode: Opcode },
    Misaligned { step: usize, address: u32 },
}

/// Registers and a word-addressed memory; words never written read as [`initial_word`].
#[derive(Clone)]
pub struct Machine {
    pub regs: [u32; REGISTER_COUNT],
    pub memory: HashMap<u32, u32>,
}

pub fn initial_word(address: u32) -> u32 {
    address.wrapping_mul(0x9e37_79b9) ^ 0x5bd1_e995
}

impl Machine {
    pub fn new(rng: &mut impl Rng) -> Self {
        let mut regs = [0; REGISTER_COUNT];
        for r in &mut regs[1..] {
            *r = rng.gen();
        }
        Self {
            regs,
            memory: HashMap::new(),
        }
    }

    pub fn load(&self, address: u32) -> u32 {
        self.memory
            .get(&address)
            .copied()
            .unwrap_or_else(|| initial_word(address))
    }

    /// Runs `expand(instr)` with `advice_of(step)` as the advice.
    pub fn run(&mut self, instr: Instr, advice_of: impl Fn(usize) -> u32) -> Result<(), Fault> {
        let pc = 0x8000_0000;
        for (step, s) in expand(instr).into_iter().enumerate() {
            let (a, b) = (self.regs[s.rs1 as usize], self.regs[s.rs2 as usize]);
            let value = match s.opcode {
                VirtualAdvice => Some(advice_of(step)),
                Lw | Sw => {
                    let address = a.wrapping_add(s.imm);
                    if address & 3 != 0 {
                        return Err(Fault::Misaligned { step, address });
                    }
                    if s.opcode == Sw {
                        self.memory.insert(address, b);
                        None
                    } else {
                        Some(self.load(address))
                    }
                }
                op => {
                    let (id, x, y) =
                        lookup_query(&s, pc, a, b).expect("every other step has a lookup");
                    let value = alu(op, x, y);
                    assert_eq!(value, id.table().lookup_entry(x, y), "{op:?}");
                    assert_eq!((x, y), operands(&s, pc, a, b));
                    if op.is_assertion() {
                        if value != 1 {
                            return Err(Fault::Assertion { step, opcode: op });
                        }
                        None
                    } else {
                        Some(value)
                    }
                }
            };
            if let (Some(v), true) = (value, s.rd != 0) {
                self.regs[s.rd as usize] = v;
            }
        }
        Ok(())
    }

    /// Runs `instr` with honest advice.
    pub fn run_honest(&mut self, instr: Instr) -> Result<(), Fault> {
        let (a, b) = (self.regs[instr.rs1 as usize], self.regs[instr.rs2 as usize]);
        self.run(instr, |step| advice(instr, step, a, b))
    }
}

/// Register choices for rd, rs1, rs2 that exercise aliasing and x0.
pub fn register_choices(rng: &mut impl Rng) -> Vec<(u8, u8, u8)> {
    let mut choices = vec![
        (5, 6, 7),
        (6, 6, 7),
        (7, 6, 7),
        (5, 6, 6),
        (6, 6, 6),
        (0, 6, 7),
        (5, 0, 7),
        (5, 6, 0),
    ];
    choices.extend((0..8).map(|_| {
        (
            rng.gen_range(0..32),
            rng.gen_range(0..32),
            rng.gen_range(0..32),
        )
    }));
    choices
}
