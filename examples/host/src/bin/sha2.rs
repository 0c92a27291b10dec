//! SHA-256 of a buffer, proven: with the SHA-256 instructions of `jolt-precompiles`, or with
//! the `sha2` crate (plain RV32IM) when the second argument is `plain`.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin sha2 -- [bytes] [plain]   # 1024 by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::hashes, main_with, parse_arg, Error};

fn main() -> ExitCode {
    main_with(|| {
        let len = parse_arg(1, "bytes", 1024)?;
        match std::env::args().nth(2).as_deref() {
            None => hashes::sha2(len),
            Some("plain") => hashes::sha2_plain(len),
            Some(other) => Err(Error::Usage(format!(
                "argument 2 is `{other}`: pass `plain` to hash with the sha2 crate, or nothing"
            ))),
        }
    })
}
