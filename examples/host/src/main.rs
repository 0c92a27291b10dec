//! The main job: build the Fibonacci guest for RV32IM, prove `fib(n)` in the zkVM, verify the
//! proof and print the result with its cost.
//!
//! ```sh
//! cargo run --release -p jolt-examples -- [n]   # n = 50 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::fibonacci, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| fibonacci::run(parse_arg(1, "n", 50)?))
}
