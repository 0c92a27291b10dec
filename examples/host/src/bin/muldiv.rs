//! The M extension on two operands: every multiplication, division and remainder, proven.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin muldiv -- [a] [b]   # i32::MIN and -1 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::muldiv, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| muldiv::run(parse_arg(1, "a", i32::MIN)?, parse_arg(2, "b", -1)?))
}
