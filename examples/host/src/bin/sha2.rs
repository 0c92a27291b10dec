//! SHA-256 (the `sha2` crate) of a buffer, proven.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin sha2 -- [bytes]   # 1024 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::hashes, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| hashes::sha2(parse_arg(1, "bytes", 1024)?))
}
