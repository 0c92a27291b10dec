//! Profiling: executed cycles per bytecode row, summarised as an instruction mix and as cycles
//! per function (from the ELF's function symbols).

use std::collections::BTreeMap;

use crate::bytecode::Bytecode;
use crate::elf::Program;
use crate::stack_guard::HANDLER_ADDRESS;
use crate::trace::{Cycle, Recorder};

/// Counts executions of each bytecode row.
#[derive(Clone, Debug)]
pub struct Profiler {
    counts: Vec<u64>,
}

impl Profiler {
    /// A profiler for `bytecode`.
    pub fn new(bytecode: &Bytecode) -> Self {
        Self {
            counts: vec![0; bytecode.rows.len()],
        }
    }

    /// Summarises the counts.
    pub fn finish(&self, program: &Program, bytecode: &Bytecode) -> Profile {
        let mut instruction_mix = BTreeMap::new();
        let mut function_cycles: BTreeMap<String, u64> = BTreeMap::new();
        let mut cycles = 0;
        for (row, &count) in bytecode.rows.iter().zip(&self.counts) {
            if count == 0 {
                continue;
            }
            cycles += count;
            if row.step == 0 {
                *instruction_mix.entry(row.source.opcode.name()).or_insert(0) += count;
            }
            let function = match function_at(program, row.address) {
                Some(name) => name,
                None if row.address == HANDLER_ADDRESS => "<stack guard>",
                None => "<unknown>",
            };
            *function_cycles.entry(function.to_string()).or_insert(0) += count;
        }
        let mut functions: Vec<(String, u64)> = function_cycles.into_iter().collect();
        functions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Profile {
            cycles,
            instruction_mix,
            functions,
        }
    }
}

impl Recorder for Profiler {
    #[inline(always)]
    fn record(&mut self, row: usize, _cycle: impl FnOnce() -> Cycle) {
        self.counts[row] += 1;
    }
}

/// Where the cycles of a run went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    /// All cycles, virtual sequence steps included.
    pub cycles: u64,
    /// Executed instructions of the program per mnemonic (a virtual sequence counts once).
    pub instruction_mix: BTreeMap<&'static str, u64>,
    /// Cycles per function, most expensive first.
    pub functions: Vec<(String, u64)>,
}

fn function_at(program: &Program, address: u32) -> Option<&str> {
    let i = program
        .functions
        .partition_point(|f| f.address <= address)
        .checked_sub(1)?;
    let f = &program.functions[i];
    (address < f.address.saturating_add(f.size.max(4))).then_some(f.name.as_str())
}
