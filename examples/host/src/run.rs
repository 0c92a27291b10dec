//! Running an example: build the guest, run it, prove the run, verify the proof, and print
//! what it cost.

use std::fmt::Display;
use std::process::ExitCode;
use std::str::FromStr;
use std::time::Instant;

use jolt::host::{BuildError, GuestProgram, Proof, VerifierKey};
use serde::{de::DeserializeOwned, Serialize};

use crate::Error;

/// A verified proof of one run, and what it cost.
#[derive(Debug)]
pub struct Proven<O> {
    /// The function's return value; `None` if the guest panicked (a proven result too).
    pub output: Option<O>,
    pub cycles: u64,
    pub shards: usize,
    pub proof_bytes: usize,
    pub prove_seconds: f64,
    pub verify_milliseconds: f64,
    pub proof: Proof,
    pub vk: VerifierKey,
}

/// Builds the guest with `compile`, runs it on `inputs` (the argument tuple), proves the run
/// and verifies the proof, printing each step; `describe` turns the output into the line that
/// reports it. Returns `Err` if any step fails, the verification included.
pub fn prove_and_verify<I, O>(
    compile: impl FnOnce() -> Result<GuestProgram, BuildError>,
    inputs: &I,
    describe: impl FnOnce(Option<&O>) -> String,
) -> Result<Proven<O>, Error>
where
    I: Serialize,
    O: Serialize + DeserializeOwned,
{
    prove_and_verify_private(compile, inputs, &(), describe)
}

/// [`prove_and_verify`] for a function with `#[private]` arguments: `private_inputs` is their
/// tuple, given to the prover only; the verifier gets `inputs` alone.
pub fn prove_and_verify_private<I, P, O>(
    compile: impl FnOnce() -> Result<GuestProgram, BuildError>,
    inputs: &I,
    private_inputs: &P,
    describe: impl FnOnce(Option<&O>) -> String,
) -> Result<Proven<O>, Error>
where
    I: Serialize,
    P: Serialize,
    O: Serialize + DeserializeOwned,
{
    let start = Instant::now();
    let program = compile()?;
    println!("guest built in {:.1} s", start.elapsed().as_secs_f64());
    let summary = program.analyze_private::<I, P, O>(inputs, private_inputs)?;
    println!("cycles: {}", summary.cycles);
    if let Some(message) = &summary.panic_message {
        println!("the guest {message}");
    }

    let start = Instant::now();
    let pk = program.preprocess()?;
    pk.prepare(summary.cycles)
        .map_err(jolt::host::Error::Setup)?;
    let preprocess_seconds = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let (output, proof) = program.prove_private::<I, P, O>(&pk, inputs, private_inputs)?;
    let prove_seconds = start.elapsed().as_secs_f64();
    let start = Instant::now();
    jolt::host::verify(&pk.vk, inputs, output.as_ref(), &proof)?;
    let verify_milliseconds = start.elapsed().as_secs_f64() * 1e3;

    println!("{}", describe(output.as_ref()));
    println!(
        "proof: {} cycles in {} shard(s), {} bytes; preprocess {preprocess_seconds:.2} s, prove {prove_seconds:.2} s, verify {verify_milliseconds:.1} ms",
        proof.cycles(),
        proof.shards.len(),
        proof.size_in_bytes()
    );
    println!("verified: the proof is valid");
    Ok(Proven {
        output,
        cycles: proof.cycles(),
        shards: proof.shards.len(),
        proof_bytes: proof.size_in_bytes(),
        prove_seconds,
        verify_milliseconds,
        proof,
        vk: pk.vk,
    })
}

/// The `position`-th command-line argument (1 is the first) parsed as a `T`, or `default`
/// when absent.
pub fn parse_arg<T: FromStr>(position: usize, name: &str, default: T) -> Result<T, Error>
where
    T::Err: Display,
{
    match std::env::args().nth(position) {
        None => Ok(default),
        Some(text) => text
            .parse()
            .map_err(|e| Error::Usage(format!("argument {position} ({name}) is `{text}`: {e}"))),
    }
}

/// Runs an example's `body` as a binary's `main`: exit code 0 if it succeeded, else the error
/// on stderr and exit code 1.
pub fn main_with<T>(body: impl FnOnce() -> Result<T, Error>) -> ExitCode {
    // Progress lines for the guest build and each prover phase (on a terminal), and a Chrome
    // trace when JOLT_TRACE names a file.
    let _report = match jolt::host::progress::show() {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match body() {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
