//! Knowledge of a SHA-256 preimage, proven with the preimage as a private input: the verifier
//! checks the claim "the prover knows a preimage of this digest" without receiving it.
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin preimage -- [secret]   # a fixed phrase by default
//! ```

use std::process::ExitCode;

use jolt_examples::{examples::hashes, main_with};
use jolt_precompiles::sha256;

fn main() -> ExitCode {
    main_with(|| {
        let secret = std::env::args()
            .nth(1)
            .unwrap_or_else(|| "correct horse battery staple".into());
        let digest = sha256::digest(secret.as_bytes());
        hashes::knows_preimage(digest, secret.as_bytes())
    })
}
