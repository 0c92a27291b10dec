//! Byte, halfword and word loads and stores, proven.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin memory-ops -- [words]   # 256 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::memory_ops, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| memory_ops::run(parse_arg(1, "words", 256)?))
}
