//! A SHA-256 hash chain: `h ← SHA-256(h)`, n times, with the SHA-256 instructions of
//! `jolt-precompiles`, proven.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin sha2-chain -- [n]   # 32 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::hashes, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| hashes::sha2_chain(parse_arg(1, "n", 32)?))
}
