//! Why a run stopped before the exit call. Every message names the cause and, where there is
//! one, the fix.

use jolt_common::LayoutError;
use jolt_instructions::DecodeError;

/// A run that could not finish.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmulatorError {
    /// A word that does not decode.
    #[error("illegal instruction {word:#010x} at pc {pc:#010x}: {reason}")]
    IllegalInstruction {
        /// The address of the instruction.
        pc: u32,
        /// The instruction word.
        word: u32,
        /// Why it does not decode.
        reason: DecodeError,
    },
    /// A load or store at an address not aligned to its size.
    #[error(
        "misaligned {kind} at pc {pc:#010x} (instruction {word:#010x}): address {address:#010x}"
    )]
    Misaligned {
        /// The address of the instruction.
        pc: u32,
        /// The instruction word.
        word: u32,
        /// The misaligned address.
        address: u32,
        /// The access (`load`, `store` or `halfword access`).
        kind: &'static str,
    },
    /// A load or store outside guest memory.
    #[error(
        "{kind} outside guest memory at pc {pc:#010x} (instruction {word:#010x}): address {address:#010x}, memory is [{start:#010x}, {end:#010x})"
    )]
    OutOfBounds {
        /// The address of the instruction.
        pc: u32,
        /// The instruction word.
        word: u32,
        /// The address.
        address: u32,
        /// `load` or `store`.
        kind: &'static str,
        /// The first address of guest memory.
        start: u32,
        /// The end of guest memory (exclusive).
        end: u64,
    },
    /// A jump or branch to an address that holds no instruction of the program.
    #[error("jump to {target:#010x}, which is not an instruction of the program (pc {pc:#010x}, instruction {word:#010x})")]
    BadJump {
        /// The address of the instruction.
        pc: u32,
        /// The instruction word.
        word: u32,
        /// Where it jumps.
        target: u32,
    },
    /// The run reached its cycle bound without halting.
    #[error("the program did not halt within {max_cycles} cycles (pc {pc:#010x}); raise max_cycles (--max-cycles on the command line) if it is meant to run longer")]
    MaxCycles {
        /// The cycle bound.
        max_cycles: u64,
        /// Where the run was.
        pc: u32,
    },
    /// An `ecall` other than exit.
    #[error("unsupported ecall at pc {pc:#010x}: a7 = {a7}, but only exit (a7 = 93) exists")]
    UnsupportedEcall {
        /// The address of the instruction.
        pc: u32,
        /// The system call number.
        a7: u32,
    },
    /// An `ebreak`.
    #[error("ebreak at pc {pc:#010x}")]
    Ebreak {
        /// The address of the instruction.
        pc: u32,
    },
    /// An assertion of a virtual sequence failed: the advice was wrong.
    #[error(
        "virtual sequence assertion {step} failed at pc {pc:#010x} (instruction {word:#010x})"
    )]
    AssertionFailed {
        /// The address of the instruction.
        pc: u32,
        /// The instruction word.
        word: u32,
        /// The failing step.
        step: &'static str,
    },
    /// The input does not fit the input region.
    #[error("input of {len} bytes exceeds the input region of {max} bytes; raise max_input_size")]
    InputTooLarge {
        /// Bytes of input.
        len: usize,
        /// Bytes of the input region.
        max: u32,
    },
    /// The private input does not fit the private input region.
    #[error("private input of {len} bytes exceeds the private input region of {max} bytes; raise max_private_input_size")]
    PrivateInputTooLarge {
        /// Bytes of private input.
        len: usize,
        /// Bytes of the private input region.
        max: u32,
    },
    /// The memory layout does not fit the program.
    #[error("{0}")]
    Layout(LayoutError),
    /// A checkpoint that cannot be resumed (corrupt, or not of this memory), or shards of no
    /// cycles.
    #[error("the checkpoint cannot be resumed: {0}")]
    BadCheckpoint(&'static str),
    /// An inconsistency in the emulator itself (a bug to report).
    #[error("emulator bug at pc {pc:#010x}: {what}")]
    Internal {
        /// The address of the instruction.
        pc: u32,
        /// What went wrong.
        what: &'static str,
    },
}
