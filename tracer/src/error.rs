//! Why a run stopped before the exit call. Every message names the cause and, where there is
//! one, the fix.

use jolt_common::LayoutError;
use jolt_instructions::DecodeError;

/// A run that could not finish.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmulatorError {
    #[error("illegal instruction {word:#010x} at pc {pc:#010x}: {reason}")]
    IllegalInstruction {
        pc: u32,
        word: u32,
        reason: DecodeError,
    },
    #[error(
        "misaligned {kind} at pc {pc:#010x} (instruction {word:#010x}): address {address:#010x}"
    )]
    Misaligned {
        pc: u32,
        word: u32,
        address: u32,
        kind: &'static str,
    },
    #[error(
        "{kind} outside guest memory at pc {pc:#010x} (instruction {word:#010x}): address {address:#010x}, memory is [{start:#010x}, {end:#010x})"
    )]
    OutOfBounds {
        pc: u32,
        word: u32,
        address: u32,
        kind: &'static str,
        start: u32,
        end: u64,
    },
    #[error("jump to {target:#010x}, which is not an instruction of the program (pc {pc:#010x}, instruction {word:#010x})")]
    BadJump { pc: u32, word: u32, target: u32 },
    #[error("the program did not halt within {max_cycles} cycles (pc {pc:#010x}); raise max_cycles (--max-cycles on the command line) if it is meant to run longer")]
    MaxCycles { max_cycles: u64, pc: u32 },
    #[error("unsupported ecall at pc {pc:#010x}: a7 = {a7}, but only exit (a7 = 93) exists")]
    UnsupportedEcall { pc: u32, a7: u32 },
    #[error("ebreak at pc {pc:#010x}")]
    Ebreak { pc: u32 },
    #[error(
        "virtual sequence assertion {step} failed at pc {pc:#010x} (instruction {word:#010x})"
    )]
    AssertionFailed {
        pc: u32,
        word: u32,
        step: &'static str,
    },
    #[error("input of {len} bytes exceeds the input region of {max} bytes; raise max_input_size")]
    InputTooLarge { len: usize, max: u32 },
    #[error("{0}")]
    Layout(LayoutError),
    #[error("the checkpoint cannot be resumed: {0}")]
    BadCheckpoint(&'static str),
    #[error("emulator bug at pc {pc:#010x}: {what}")]
    Internal { pc: u32, what: &'static str },
}
