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
//!
//! # Where to start
//! Load a program ([`Program::read`] for an ELF file), decode it for a run configuration, and
//! run it with the recorder you need:
//!
//! ```
//! use jolt_common::{MemoryLayout, RAM_START};
//! use jolt_tracer::{run, Bytecode, NoTrace, Program, RunConfig, Segment, Trace};
//!
//! // li a0, 42; li a7, 93; ecall: exit with code 42.
//! let code: Vec<u8> = [0x02a0_0513u32, 0x05d0_0893, 0x0000_0073]
//!     .iter()
//!     .flat_map(|word| word.to_le_bytes())
//!     .collect();
//! let segment = Segment {
//!     vaddr: RAM_START,
//!     mem_size: code.len() as u32,
//!     data: code,
//!     executable: true,
//! };
//! let program = Program {
//!     entry: RAM_START,
//!     segments: vec![segment],
//!     functions: Vec::new(),
//! };
//! // An ELF's bytes load the same way.
//! let program = Program::from_elf(&program.to_elf())?;
//!
//! let config = RunConfig {
//!     layout: MemoryLayout::default(),
//!     max_cycles: 1_000,
//!     stack_guard: false,
//! };
//! let bytecode = Bytecode::for_run(&program, &config, &[])?;
//! let execution = run(&program, &bytecode, &config, &[], &mut NoTrace)?;
//! assert_eq!(execution.io.exit_code, 42);
//! assert!(!execution.io.panic);
//!
//! // The prover's run: one record per cycle (the exit call is a short virtual sequence).
//! let mut trace = Trace::default();
//! run(&program, &bytecode, &config, &[], &mut trace)?;
//! assert_eq!(trace.cycles.len() as u64, execution.cycles);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

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
pub use checkpoint::{checkpoints, resume, Checkpoint, Inputs, ShardEnd};
pub use console::{Console, MAX_CONSOLE_BYTES};
pub use elf::{ElfError, FunctionSymbol, Program, Segment};
pub use emulator::{initial_registers, run, run_with_private_input, Execution, RunConfig};
pub use error::EmulatorError;
pub use io::ProgramIo;
pub use memory::Memory;
pub use profile::{Profile, Profiler};
pub use stack_guard::{StackGuard, HANDLER_ADDRESS};
pub use trace::{Cycle, LookupRecord, NoTrace, RamAccess, Recorder, Trace};
