//! The examples, each one command: build a guest for RV32IM, run it, prove the run, verify the
//! proof, and print the output with the cycles, the prove time, the proof size and the
//! verification result.
//!
//! Each example is a module with a `run` function, which its binary (`src/bin/*.rs`, or
//! `src/main.rs` for Fibonacci) calls with the size given on the command line, and which the
//! tests call with a small size:
//!
//! ```sh
//! cargo run --release -p jolt-examples -- 50                      # fib(50), the main job
//! cargo run --release -p jolt-examples --bin rollup -- 2          # a batch of 2 transfers
//! ```

mod error;
pub mod examples;
mod run;

pub use error::Error;
pub use run::{main_with, parse_arg, prove_and_verify, prove_and_verify_private, Proven};
