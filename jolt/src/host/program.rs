//! A compiled guest function, and running it in the emulator.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jolt_common::{MemoryLayout, OUTPUT_TOO_LARGE_EXIT_CODE};
use jolt_instructions::CustomInstruction;
use jolt_tracer::{Bytecode, Profiler, Program, ProgramIo, RunConfig};
use serde::{de::DeserializeOwned, Serialize};

use super::{BuildError, Error, Toolchain};

/// What the macro knows about a provable function.
#[derive(Clone, Debug)]
pub struct GuestSpec {
    /// Directory of the guest crate's Cargo.toml.
    pub manifest_dir: &'static str,
    /// The guest package (and binary) name.
    pub package: &'static str,
    /// The provable function.
    pub function: &'static str,
    /// The memory layout from the function's attributes.
    pub layout: MemoryLayout,
    /// The cycle bound from the function's attributes.
    pub max_cycles: u64,
}

impl GuestSpec {
    /// The run configuration from the function's attributes, with the stack guard (the stack
    /// of a `jolt` guest is the region the entry stub gives it).
    pub fn run_config(&self) -> RunConfig {
        RunConfig {
            layout: self.layout,
            max_cycles: self.max_cycles,
            stack_guard: true,
        }
    }

    /// Builds the guest crate and selects this function's entry point.
    pub fn compile(&self) -> Result<GuestProgram, BuildError> {
        let toolchain = Toolchain::detect()?;
        let span = tracing::info_span!("building guest", package = %self.package).entered();
        let elf_path = toolchain.build(self.manifest_dir.as_ref(), self.package)?;
        drop(span);
        let elf = std::fs::read(&elf_path)
            .map_err(|e| BuildError::Io(format!("{}: {e}", elf_path.display())))?;
        let mut program = Program::from_elf(&elf)?;
        let symbol = format!("_jolt_start_{}", self.function);
        program.entry = program
            .symbol(&symbol)
            .ok_or_else(|| BuildError::MissingEntry {
                function: self.function.into(),
                symbol,
            })?;
        let bytecode = Bytecode::for_run(&program, &self.run_config(), &[])?;
        Ok(GuestProgram {
            spec: self.clone(),
            elf_path,
            program,
            bytecode,
            extensions: &[],
        })
    }
}

/// A guest function, built and decoded.
#[derive(Clone, Debug)]
pub struct GuestProgram {
    /// What it was built from.
    pub spec: GuestSpec,
    /// The guest ELF (shared by all functions of the crate; `program.entry` selects this one).
    pub elf_path: PathBuf,
    /// The loaded ELF, its entry set to this function.
    pub program: Program,
    /// The decoded program, for the run configuration.
    pub bytecode: Bytecode,
    /// The user-defined instructions the guest uses ([`GuestProgram::with_extensions`]).
    pub extensions: &'static [CustomInstruction],
}

/// The result of running a guest function without proving it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary<O> {
    /// The function's return value; `None` if it panicked.
    pub output: Option<O>,
    /// Whether the guest panicked (the public panic flag).
    pub panicked: bool,
    /// The panic message with its file and line (`panicked at guest/src/lib.rs:8:9:` and the
    /// message), when the guest panicked. Execution only: a proof shows the panic flag.
    pub panic_message: Option<String>,
    /// The public exit code (0, or [`crate::PANIC_EXIT_CODE`] after a panic).
    pub exit_code: u32,
    /// Cycles, virtual sequence steps included.
    pub cycles: u64,
    /// Executed instructions per mnemonic.
    pub instruction_mix: BTreeMap<&'static str, u64>,
    /// Cycles per guest function, most expensive first.
    pub functions: Vec<(String, u64)>,
    /// What the guest printed to its standard output (`println!` in a std guest,
    /// `jolt::guest::console::print` in a no_std one); lossy UTF-8. Execution only.
    pub stdout: String,
    /// What the guest printed to its standard error; lossy UTF-8. Execution only.
    pub stderr: String,
}

impl GuestProgram {
    /// The same program with the user-defined instructions (custom-0 words) of `extensions`
    /// registered: running, preprocessing and proving then execute them.
    pub fn with_extensions(
        self,
        extensions: &'static [CustomInstruction],
    ) -> Result<Self, BuildError> {
        let bytecode = Bytecode::for_run(&self.program, &self.run_config(), extensions)?;
        Ok(Self {
            bytecode,
            extensions,
            ..self
        })
    }

    /// The run configuration from the function's attributes, with the stack guard.
    pub fn run_config(&self) -> RunConfig {
        self.spec.run_config()
    }

    /// The ELF with its entry point set to this function, for `jolt run` and friends.
    pub fn elf_bytes(&self) -> std::io::Result<Vec<u8>> {
        let mut elf = std::fs::read(&self.elf_path)?;
        if let Some(entry) = elf.get_mut(24..28) {
            entry.copy_from_slice(&self.program.entry.to_le_bytes());
        }
        Ok(elf)
    }

    /// Runs the function on `inputs` (the argument tuple) and profiles it.
    pub fn analyze<I: Serialize, O: DeserializeOwned>(
        &self,
        inputs: &I,
    ) -> Result<Summary<O>, Error> {
        self.analyze_private(inputs, &())
    }

    /// [`Self::analyze`] for a function with private arguments: `inputs` is the tuple of the
    /// public ones, `private_inputs` the tuple of the `#[private]` ones.
    pub fn analyze_private<I: Serialize, P: Serialize, O: DeserializeOwned>(
        &self,
        inputs: &I,
        private_inputs: &P,
    ) -> Result<Summary<O>, Error> {
        let mut profiler = Profiler::new(&self.bytecode);
        let execution = jolt_tracer::run_with_private_input(
            &self.program,
            &self.bytecode,
            &self.run_config(),
            &super::prove::encode(inputs)?,
            &super::prove::encode(private_inputs)?,
            &mut profiler,
        )
        .map_err(Error::Emulator)?;
        let profile = profiler.finish(&self.program, &self.bytecode);
        let io = execution.io;
        Ok(Summary {
            output: self.output(&io)?,
            panicked: io.panic,
            panic_message: execution.panic_message,
            exit_code: io.exit_code,
            cycles: execution.cycles,
            instruction_mix: profile.instruction_mix,
            functions: profile.functions,
            stdout: String::from_utf8_lossy(&execution.console.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&execution.console.stderr).into_owned(),
        })
    }

    /// The function's output in a run's public I/O: `None` if it panicked, an error if it
    /// did not fit the output region.
    pub(crate) fn output<O: DeserializeOwned>(&self, io: &ProgramIo) -> Result<Option<O>, Error> {
        if io.panic {
            return Ok(None);
        }
        if io.exit_code == OUTPUT_TOO_LARGE_EXIT_CODE {
            return Err(Error::OutputTooLarge {
                max_output_size: self.spec.layout.max_output_size,
            });
        }
        decode_output(io)
    }
}

/// The function's return value from the public I/O of a run: `None` if the guest panicked,
/// else the postcard decoding of the output region.
pub fn decode_output<O: DeserializeOwned>(io: &ProgramIo) -> Result<Option<O>, Error> {
    if io.panic {
        return Ok(None);
    }
    postcard::from_bytes(&io.outputs)
        .map(Some)
        .map_err(|e| Error::OutputDecoding(e.to_string()))
}
