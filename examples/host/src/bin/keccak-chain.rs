//! A Keccak-256 hash chain: `h ← Keccak-256(h)`, n times, proven with the Keccak instructions
//! of `jolt-precompiles`.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin keccak-chain -- [n]   # 32 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::hashes, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| hashes::keccak_chain(parse_arg(1, "n", 32)?))
}
