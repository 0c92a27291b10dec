//! A guest panic is a proven result: `100 / divisor` panics when the divisor is 0.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin panic -- [divisor]   # 0 by default: the guest panics
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::panic, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| panic::run(parse_arg(1, "divisor", 0)?))
}
