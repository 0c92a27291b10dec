//! `jolt`: run, profile, prove, verify and scaffold RV32IM programs; prove one run's shards
//! on many machines (`checkpoints`, `prove-shard`, `assemble`).
//!
//! Every failure prints one line, `error: <cause>`, and exits with status 1 (2 for a usage
//! error: an unknown flag, a missing or extra argument); a guest that runs
//! to its exit call exits 0 whatever its exit code (which is printed). `verify` exits 0 only
//! for a valid proof.

mod build;
mod decode;
mod files;
mod function;
mod new;
mod prove;
mod run;
mod scheme;
mod shards;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use function::Bounds;
use scheme::ParamFlags;

#[derive(Parser)]
#[command(
    name = "jolt",
    version,
    about = "A zkVM for RV32IM: run, profile, prove, verify and scaffold programs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Write a Chrome trace of the phases (preprocessing, each proof phase, verification) to
    /// this file: open it in chrome://tracing or ui.perfetto.dev.
    #[arg(long, global = true, value_name = "FILE")]
    trace: Option<PathBuf>,
}

/// What `run`, `profile` and `prove` share: the program and how it runs.
#[derive(Args)]
struct RunArgs {
    /// The ELF: a #[jolt::provable] guest's (its recorded function runs) or a plain one,
    /// linked at 0x8000_0000, halting with `ecall` (a7 = 93, exit code in a0).
    elf: PathBuf,
    #[command(flatten)]
    bounds: Bounds,
    /// A file whose bytes are placed in the input region (for a provable function: the
    /// postcard encoding of its argument tuple).
    #[arg(long)]
    input: Option<PathBuf>,
    /// A file whose bytes are placed in the private input region (for a provable function:
    /// the postcard encoding of its #[private] argument tuple). A proof commits to it; its
    /// verifier never sees it.
    #[arg(long, value_name = "FILE")]
    private_input: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// The shard size of a proof.
#[derive(Args)]
struct ShardSize {
    /// Prove in shards of at most 2^k cycles (a run that fits one shard has one); larger
    /// shards take more memory: about 4.5 GB at the default 2^20.
    #[arg(long = "shard-log-cycles", value_name = "k",
          default_value_t = jolt_core::continuations::DEFAULT_LOG_SHARD_CYCLES)]
    log_cycles: u32,
}

impl RunArgs {
    fn job(&self) -> Result<run::Job, String> {
        run::Job::load(
            &self.elf,
            &self.bounds,
            self.input.as_deref(),
            self.private_input.as_deref(),
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
    /// Run an ELF and prove the run; write the proof and the public I/O to a file.
    Prove {
        #[command(flatten)]
        args: RunArgs,
        /// The proof file to write.
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        shard: ShardSize,
        #[command(flatten)]
        params: ParamFlags,
        /// Prove in zero knowledge: the proof reveals nothing about the run beyond the
        /// program, the public inputs, the outputs, the panic flag, the exit code and the
        /// padded length (Dory only; one proof of the whole run, whose RAM is the whole
        /// memory_size: keep it small).
        #[arg(long, conflicts_with = "log_cycles")]
        zk: bool,
    },
    /// Run an ELF once and write the checkpoint of every shard (for `prove-shard`).
    Checkpoints {
        #[command(flatten)]
        args: RunArgs,
        /// The directory to write `shard-NNNNN.ckpt` files to.
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        shard: ShardSize,
    },
    /// Prove the shard that starts at a checkpoint written by `checkpoints`.
    ProveShard {
        #[command(flatten)]
        args: RunArgs,
        /// The shard's checkpoint file.
        #[arg(long)]
        checkpoint: PathBuf,
        /// The shard proof file to write.
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        shard: ShardSize,
        #[command(flatten)]
        params: ParamFlags,
    },
    /// Assemble shard proofs (in run order) into the proof file `jolt verify` takes.
    Assemble {
        #[command(flatten)]
        args: RunArgs,
        /// The shard proof files written by `prove-shard`, in run order.
        #[arg(long, num_args = 1.., required = true)]
        shards: Vec<PathBuf>,
        /// The commitment parameters `prove-shard` used (they name the verifier key).
        #[command(flatten)]
        params: ParamFlags,
        /// The proof file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Verify a proof file (transparent or zero-knowledge) for an ELF; exits 0 only when the
    /// proof is valid.
    Verify {
        /// The ELF the proof is for.
        elf: PathBuf,
        /// The proof file written by `jolt prove` or the host API's `write_proof`.
        proof: PathBuf,
        /// Claim these inputs (a file's bytes) instead of the ones the proof file names.
        #[arg(long)]
        input: Option<PathBuf>,
        /// A verifier key written by `jolt preprocess` (instead of building it from the ELF,
        /// the bounds and the commitment parameters).
        #[arg(
            long,
            conflicts_with_all = [
                "max_cycles", "memory_size", "max_input_size", "max_private_input_size",
                "max_output_size", "stack_size",
                "ptau", "insecure_dev_srs"
            ]
        )]
        key: Option<PathBuf>,
        #[command(flatten)]
        bounds: Bounds,
        #[command(flatten)]
        params: ParamFlags,
        /// Accept a key made with the INSECURE development SRS (anyone can forge proofs for
        /// it): development only.
        #[arg(long)]
        allow_insecure: bool,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write the verifier key of an ELF for the given bounds.
    Preprocess {
        /// The ELF.
        elf: PathBuf,
        /// The key file to write.
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        bounds: Bounds,
        #[command(flatten)]
        params: ParamFlags,
    },
    /// Build a #[jolt::provable] guest crate for RV32IM; print its ELF's path and functions.
    Build {
        /// The guest crate's directory.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
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

/// Parses the command line; a usage error is one `error:` line (status 2), help and version
/// print as usual.
fn parse() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|e| {
        if !e.use_stderr() {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        // The error's first paragraph (clap continues a line ending in ':' with a list).
        let rendered = e.render().to_string();
        let first: Vec<&str> = rendered
            .lines()
            .map(str::trim)
            .take_while(|l| !l.is_empty())
            .collect();
        match first.join(" ") {
            line if line.starts_with("error:") => eprintln!("{line} (see `jolt --help`)"),
            _ => eprintln!("error: jolt needs a command (see `jolt --help`)"),
        }
        ExitCode::from(2)
    })
}

/// Progress lines on stderr (a terminal) for the commands that preprocess, prove or verify,
/// and the Chrome trace of `--trace`; the trace file is complete when the report is dropped.
fn report(cli: &Cli) -> Result<jolt::host::progress::Report, String> {
    let progress = matches!(
        cli.command,
        Command::Prove { .. }
            | Command::ProveShard { .. }
            | Command::Checkpoints { .. }
            | Command::Verify { .. }
            | Command::Preprocess { .. }
    );
    let mut reporter = jolt::host::progress::Reporter::new().progress(progress);
    if let Some(path) = &cli.trace {
        reporter = reporter.trace(path);
    }
    reporter.install().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let _report = match report(&cli) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command {
        Command::Run(args) => args.job().and_then(|job| job.run(args.json)),
        Command::Profile { args, top } => args.job().and_then(|job| job.profile(top, args.json)),
        Command::Prove {
            args,
            output,
            shard,
            params,
            zk,
        } => args.job().and_then(|job| match zk {
            true => prove::prove_zk(&job, &params, &output, args.json),
            false => prove::prove(&job, &params, shard.log_cycles, &output, args.json),
        }),
        Command::Checkpoints {
            args,
            output,
            shard,
        } => args
            .job()
            .and_then(|job| shards::checkpoints(&job, shard.log_cycles, &output, args.json)),
        Command::ProveShard {
            args,
            checkpoint,
            output,
            shard,
            params,
        } => args.job().and_then(|job| {
            shards::prove_shard(
                &job,
                &params,
                shard.log_cycles,
                &checkpoint,
                &output,
                args.json,
            )
        }),
        Command::Assemble {
            args,
            shards: files,
            output,
            params,
        } => args
            .job()
            .and_then(|job| shards::assemble(&job, &params, &files, &output)),
        Command::Verify {
            elf,
            proof,
            input,
            key,
            bounds,
            params,
            allow_insecure,
            json,
        } => {
            let key = match &key {
                Some(path) => prove::KeySource::File(path),
                None => prove::KeySource::Flags(&params),
            };
            prove::verify(prove::VerifyArgs {
                elf: &elf,
                proof: &proof,
                input: input.as_deref(),
                key,
                bounds: &bounds,
                allow_insecure,
                json,
            })
        }
        Command::Preprocess {
            elf,
            output,
            bounds,
            params,
        } => prove::preprocess(&elf, &output, &bounds, &params),
        Command::Build { dir, json } => build::build(&dir, json),
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
