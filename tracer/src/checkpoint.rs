//! Checkpoints: the machine's state between two cycles, from which a run resumes exactly, so
//! that the shards of a long run can be re-executed (and proven) one at a time, in any order,
//! on any machine.
//!
//! One fast pass without a trace ([`checkpoints`]) records the state at the start of every
//! shard of `shard_cycles` cycles; [`resume`] re-executes one shard from its checkpoint with
//! any [`Recorder`]. The shards' traces, in order, are the trace of the whole run. A checkpoint
//! holds the cycles executed so far, the row executed next, every register (virtual ones
//! included: a shard may start inside a virtual sequence) and the memory pages that differ
//! from the initial memory, which the resuming side rebuilds from the program and the inputs;
//! its size, and the time to take it, follow the memory the run has written, not the address
//! space.

use jolt_instructions::REGISTER_COUNT;
use serde::{Deserialize, Serialize};

use crate::bytecode::Bytecode;
use crate::elf::Program;
use crate::emulator::{Execution, Machine, RunConfig, Stop};
use crate::error::EmulatorError;
use crate::memory::Memory;
use crate::trace::{NoTrace, Recorder};
use jolt_common::MemoryLayout;

/// The first bytes of an encoded checkpoint (the last one is the format version).
const MAGIC: &[u8; 8] = b"JOLTCKP\x01";

/// The machine's state after `cycle` cycles of a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Cycles executed before this state.
    pub cycle: u64,
    /// The bytecode row executed next.
    pub row: u32,
    /// Every register, virtual ones included ([`REGISTER_COUNT`]).
    pub registers: Vec<u32>,
    /// The pages of memory that differ from the initial memory, increasing: the page number
    /// (by absolute word address, [`jolt_common::LOG_PAGE_WORDS`]) and its words of memory.
    pub pages: Vec<(u32, Vec<u32>)>,
}

/// How a resumed shard ended.
#[derive(Clone, Debug)]
pub enum ShardEnd {
    /// The shard's cycles ran out before the halt: the next shard's checkpoint.
    Paused(Checkpoint),
    /// The run halted in this shard.
    Halted(Execution),
}

impl Checkpoint {
    /// The state of `machine`, whose memory started as `initial`.
    fn capture(machine: &Machine<'_>, initial: &Memory) -> Self {
        let pages = machine
            .memory
            .stored_pages()
            .filter(|&p| machine.memory.page(p) != initial.page(p))
            .map(|p| (p, machine.memory.page(p).to_vec()))
            .collect();
        Self {
            cycle: machine.cycle,
            row: machine.row as u32,
            registers: machine.registers.to_vec(),
            pages,
        }
    }

    /// Puts `machine` (at the start of the run) in this state.
    fn restore(&self, machine: &mut Machine<'_>) -> Result<(), EmulatorError> {
        let bad = EmulatorError::BadCheckpoint;
        machine.registers = self
            .registers
            .as_slice()
            .try_into()
            .map_err(|_| bad("it does not hold every register"))?;
        if self.row as usize >= machine.bytecode().rows.len() {
            return Err(bad("its next row is not a row of the program"));
        }
        machine.row = self.row as usize;
        machine.cycle = self.cycle;
        self.write_pages(&mut machine.memory)
    }

    /// Writes the checkpoint's pages into `memory`.
    fn write_pages(&self, memory: &mut Memory) -> Result<(), EmulatorError> {
        for (page, words) in &self.pages {
            memory
                .set_page(*page, words)
                .ok_or(EmulatorError::BadCheckpoint(
                    "a page does not fit guest memory",
                ))?;
        }
        Ok(())
    }

    /// The guest memory in this state, for a run of `program` on `input` and `private_input`
    /// with `layout`.
    pub fn memory(
        &self,
        layout: &MemoryLayout,
        program: &Program,
        input: &[u8],
        private_input: &[u8],
    ) -> Result<Memory, EmulatorError> {
        let mut memory = Memory::new(layout, program, input, private_input);
        self.write_pages(&mut memory)?;
        Ok(memory)
    }

    /// The encoding of the checkpoint (a versioned postcard encoding).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(postcard::to_allocvec(self).unwrap_or_default());
        bytes
    }

    /// Decodes [`Self::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, EmulatorError> {
        let bad = EmulatorError::BadCheckpoint("it is corrupt or not a checkpoint");
        let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or(bad.clone())?;
        let checkpoint: Self = postcard::from_bytes(body).map_err(|_| bad.clone())?;
        if checkpoint.registers.len() != REGISTER_COUNT {
            return Err(bad);
        }
        Ok(checkpoint)
    }
}

/// The public input and the private input of a run.
pub type Inputs<'a> = (&'a [u8], &'a [u8]);

/// Runs `program` on `input` and `private_input` to its exit without a trace, handing `each`
/// the checkpoint at the start of every shard of `shard_cycles` cycles (the first at cycle 0);
/// returns the run.
pub fn checkpoints(
    program: &Program,
    bytecode: &Bytecode,
    config: &RunConfig,
    (input, private_input): Inputs,
    shard_cycles: u64,
    mut each: impl FnMut(Checkpoint),
) -> Result<Execution, EmulatorError> {
    if shard_cycles == 0 {
        return Err(EmulatorError::BadCheckpoint(
            "a shard must have at least one cycle",
        ));
    }
    let mut machine = Machine::start(program, bytecode, config, input, private_input)?;
    let initial = machine.memory.clone();
    loop {
        each(Checkpoint::capture(&machine, &initial));
        let until = machine.cycle.saturating_add(shard_cycles);
        if let Stop::Halted { halting_row } = machine.execute(&mut NoTrace, until)? {
            return Ok(machine.finish(config, input, halting_row));
        }
    }
}

/// Re-executes the shard of at most `shard_cycles` cycles that starts at `checkpoint` (of
/// this program, configuration and inputs), handing its cycles to `recorder`.
pub fn resume<R: Recorder>(
    program: &Program,
    bytecode: &Bytecode,
    config: &RunConfig,
    (input, private_input): Inputs,
    checkpoint: &Checkpoint,
    shard_cycles: u64,
    recorder: &mut R,
) -> Result<ShardEnd, EmulatorError> {
    let mut machine = Machine::start(program, bytecode, config, input, private_input)?;
    let initial = machine.memory.clone();
    checkpoint.restore(&mut machine)?;
    let until = machine.cycle.saturating_add(shard_cycles);
    Ok(match machine.execute(recorder, until)? {
        Stop::Halted { halting_row } => {
            ShardEnd::Halted(machine.finish(config, input, halting_row))
        }
        Stop::Paused => ShardEnd::Paused(Checkpoint::capture(&machine, &initial)),
    })
}
