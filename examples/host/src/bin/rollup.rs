//! A rollup state transition: a batch of signed transfers over a Merkle tree of accounts, proven; the proven new root is checked against the native one.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin rollup -- [transfers]   # 2 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::rollup, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| rollup::run(parse_arg(1, "transfers", 2)?))
}
