//! A user-defined instruction (`AVGU8`, from `examples/extension`) used by a guest, proven.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin custom-instruction -- [rounds]   # 3 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::custom_instruction, main_with, parse_arg};

fn main() -> ExitCode {
    main_with(|| custom_instruction::run(parse_arg(1, "rounds", 3)?))
}
