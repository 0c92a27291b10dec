//! Host-side errors: each one names the cause and the fix.

use jolt_tracer::{BytecodeError, ElfError, EmulatorError};

/// Building a guest failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("{0}")]
    NoToolchain(String),
    #[error("building guest `{package}` failed:\n{stderr}")]
    Compile { package: String, stderr: String },
    #[error("guest ELF: {0}")]
    Elf(#[from] ElfError),
    #[error("the guest ELF has no entry for function `{function}` (symbol `{symbol}`): is it marked #[jolt::provable] and is the guest's main.rs `use`-ing the guest library?")]
    MissingEntry { function: String, symbol: String },
    #[error("guest build: {0}")]
    Io(String),
    /// The custom instructions cannot be registered together, or the stack guard does not fit.
    #[error("the guest's code cannot be decoded: {0}")]
    Bytecode(#[from] BytecodeError),
}

/// Running a guest function failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Build(#[from] BuildError),
    #[error("guest run failed: {0}")]
    Emulator(#[from] EmulatorError),
    #[error("the inputs do not encode: {0}")]
    InputEncoding(String),
    #[error("the guest's output region does not decode as the function's return type: {0}")]
    OutputDecoding(String),
    #[error("the function's output does not fit its output region of {max_output_size} bytes: raise the `max_output_size` attribute of #[jolt::provable]")]
    OutputTooLarge { max_output_size: u32 },
    #[error("preprocessing failed: {0}")]
    Preprocessing(#[from] jolt_core::zkvm::PreprocessingError),
    #[error("the proof is invalid: {0}")]
    Invalid(jolt_core::continuations::ShardError),
    #[error("{0}")]
    File(String),
    #[error("the run does not fit the proof statement: {0}")]
    Statement(String),
    #[error("{0}")]
    Setup(jolt_core::commitment::SetupError),
    #[error(transparent)]
    Reporting(#[from] super::progress::ReportError),
}

impl From<jolt_core::zkvm::ProveError> for Error {
    fn from(e: jolt_core::zkvm::ProveError) -> Self {
        match e {
            jolt_core::zkvm::ProveError::Run(e) => Self::Emulator(e),
            jolt_core::zkvm::ProveError::Statement(s) => Self::Statement(s),
            jolt_core::zkvm::ProveError::Setup(e) => Self::Setup(e),
        }
    }
}
