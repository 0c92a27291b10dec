//! The RV32IM emulator of the zkVM.
//!
//! [`Program`] loads an ELF; [`Bytecode`] decodes its executable segments into rows (virtual
//! sequences expanded); [`run`] executes from the entry point to the exit call, handing each
//! cycle to a [`Recorder`]: [`NoTrace`] for plain runs, [`Trace`] for the prover, [`Profiler`]
//! for instruction mixes and per-function cycle counts.
//!
//! A long run splits into shards: [`checkpoints`] records the state at the start of each in
//! one fast pass, and [`resume`] re-executes any one of them alone.
//!
//! With the [`stack_guard`], `sp` below the stack region ends the run as a panic.
//!
//! User-defined instructions in the custom-0 opcode space run when registered with
//! [`Bytecode::with_extensions`] (see [`jolt_instructions::CustomInstruction`]); without a
//! registration such a word is an illegal instruction.

mod bytecode;
mod checkpoint;
mod console;
mod elf;
mod elf_writer;
mod emulator;
mod error;
mod io;
mod memory;
mod profile;
pub mod stack_guard;
mod trace;

pub use bytecode::{Bytecode, BytecodeError, BytecodeRow, EXIT_CODE_REGISTER};
pub use checkpoint::{checkpoints, resume, Checkpoint, ShardEnd};
pub use console::{Console, MAX_CONSOLE_BYTES};
pub use elf::{ElfError, FunctionSymbol, Program, Segment};
pub use emulator::{initial_registers, run, Execution, RunConfig};
pub use error::EmulatorError;
pub use io::ProgramIo;
pub use memory::Memory;
pub use profile::{Profile, Profiler};
pub use stack_guard::{StackGuard, HANDLER_ADDRESS};
pub use trace::{Cycle, LookupRecord, NoTrace, RamAccess, Recorder, Trace};
