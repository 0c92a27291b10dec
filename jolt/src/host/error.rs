//! Host-side errors: each one names the cause and the fix.
//!
//! Their `Debug` is their `Display`, so that `main` returning `Result<_, Error>` or an
//! `unwrap` prints the message as it reads (a compile error as cargo printed it), not a
//! struct with escaped newlines.

use jolt_tracer::{BytecodeError, ElfError, EmulatorError};

/// Building a guest failed.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// No RV32IM guest toolchain is installed; the message names what to install.
    #[error("{0}")]
    NoToolchain(String),
    /// The guest did not compile: `stderr` is cargo's output as it printed it.
    #[error("building the guest package `{package}` failed; cargo reported:\n{}", .stderr.trim_end())]
    Compile {
        /// The guest package.
        package: String,
        /// Cargo's output.
        stderr: String,
    },
    /// The built guest is not an ELF this machine runs.
    #[error("guest ELF: {0}")]
    Elf(#[from] ElfError),
    /// The guest ELF lacks the function's entry symbol.
    #[error("the guest ELF has no entry for function `{function}` (symbol `{symbol}`): is it marked #[jolt::provable] and is the guest's main.rs `use`-ing the guest library?")]
    MissingEntry {
        /// The function.
        function: String,
        /// The entry symbol it should have.
        symbol: String,
    },
    /// A file or process of the build failed.
    #[error("guest build: {0}")]
    Io(String),
    /// The custom instructions cannot be registered together, or the stack guard does not fit.
    #[error("the guest's code cannot be decoded: {0}")]
    Bytecode(#[from] BytecodeError),
}

/// Running a guest function failed.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Building the guest failed.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// The guest stopped before its exit call.
    #[error("guest run failed: {0}")]
    Emulator(#[from] EmulatorError),
    /// The arguments (or a claimed output) do not encode with postcard.
    #[error("the inputs do not encode: {0}")]
    InputEncoding(String),
    /// The output region does not decode as the return type.
    #[error("the guest's output region does not decode as the function's return type: {0}")]
    OutputDecoding(String),
    /// The output does not fit the output region.
    #[error("the function's output does not fit its output region of {max_output_size} bytes: raise the `max_output_size` attribute of #[jolt::provable]")]
    OutputTooLarge {
        /// Bytes of the output region.
        max_output_size: u32,
    },
    /// Preprocessing (the prover and verifier keys) failed.
    #[error("preprocessing failed: {0}")]
    Preprocessing(#[from] jolt_core::zkvm::PreprocessingError),
    /// The proof does not verify; the rejection says first how the claim differs from the
    /// statement the proof was made for, when it does.
    #[error("{0}")]
    Invalid(jolt_core::files::Rejection),
    /// A proof or key file cannot be written or read.
    #[error("{0}")]
    File(String),
    /// The run cannot be proven under its statement (layout, cycle bound).
    #[error("the run does not fit the proof statement: {0}")]
    Statement(String),
    /// The commitment parameters cannot be set up.
    #[error("{0}")]
    Setup(jolt_core::commitment::SetupError),
    /// Progress or the trace file could not be set up ([`super::progress`]).
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

impl std::fmt::Debug for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compile_error_reads_as_cargo_printed_it() {
        let stderr = "error[E0308]: mismatched types\n --> src/lib.rs:3:5\n  |\n3 |     \"x\"\n";
        let error = Error::Build(BuildError::Compile {
            package: "my-guest".into(),
            stderr: stderr.into(),
        });
        let shown = error.to_string();
        let mut lines = shown.lines();
        assert_eq!(
            lines.next(),
            Some("building the guest package `my-guest` failed; cargo reported:")
        );
        assert_eq!(
            lines.collect::<Vec<_>>(),
            stderr.lines().collect::<Vec<_>>()
        );
        assert_eq!(format!("{error:?}"), shown);
        let boxed: Box<dyn std::error::Error> = Box::new(error);
        assert_eq!(format!("{boxed:?}"), shown);
    }
}
