//! Collatz: proves which start below a bound takes the most steps to reach 1.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin collatz -- [bound]   # 100 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::collatz, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| collatz::run(parse_arg(1, "bound", 100)?))
}
