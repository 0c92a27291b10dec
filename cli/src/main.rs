//! `jolt`: run, profile and scaffold RV32IM programs.
//!
//! Every failure prints one line, `error: <cause>`, and exits with status 1; a guest that runs
//! to its exit call exits 0 whatever its exit code (which is printed).

mod new;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "jolt",
    version,
    about = "A zkVM for RV32IM: run, profile and scaffold programs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What `run` and `profile` share: the program and how it runs.
#[derive(Args)]
struct RunArgs {
    /// The ELF, linked at 0x8000_0000, halting with `ecall` (a7 = 93, exit code in a0).
    elf: PathBuf,
    /// Stop with an error after this many cycles.
    #[arg(long, default_value_t = jolt_common::defaults::MAX_CYCLES)]
    max_cycles: u64,
    /// Bytes of RAM from 0x8000_0000 (image, stack and heap).
    #[arg(long, default_value_t = jolt_common::defaults::MEMORY_SIZE)]
    memory_size: u32,
    /// A file whose bytes are placed in the input region.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

impl RunArgs {
    fn job(&self) -> Result<run::Job, String> {
        run::Job::load(
            &self.elf,
            self.max_cycles,
            self.memory_size,
            self.input.as_deref(),
        )
    }
}

#[derive(Subcommand)]
enum Command {
    /// Run an RV32IM ELF to its exit call and print cycles and exit code.
    Run(RunArgs),
    /// Run an ELF and print its instruction mix and the cycles spent in each function.
    Profile {
        #[command(flatten)]
        args: RunArgs,
        /// How many functions to list.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// Create a guest + host project that builds and runs as it is.
    New {
        /// Directory (and package name) of the new project.
        name: PathBuf,
        /// Path of the `jolt` crate the project depends on (defaults to this build's sources).
        #[arg(long)]
        jolt_path: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => args.job().and_then(|job| job.run(args.json)),
        Command::Profile { args, top } => args.job().and_then(|job| job.profile(top, args.json)),
        Command::New { name, jolt_path } => new::scaffold(&name, jolt_path),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
