//! The prover and the verifier as separate processes. The prover proves `fib(n)` and writes
//! three files to a directory: the proof, the verifier key and the claim (the input and the
//! output it proves). The verifier reads them and checks the claim; it never builds or runs
//! the guest.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::examples::fibonacci;
use crate::{Error, Proven};

/// The proof's file name.
pub const PROOF_FILE: &str = "fib.proof";
/// The verifier key's file name.
pub const KEY_FILE: &str = "fib.vk";
/// The claim's file name.
pub const CLAIM_FILE: &str = "fib.claim.json";

/// What the prover claims: `fib(n)` returned `output` (`None`: panicked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub n: u32,
    pub output: Option<u128>,
}

/// The directory the files go to when none is given.
pub fn default_dir() -> PathBuf {
    std::env::temp_dir().join("jolt-prover-verifier")
}

/// The prover's side: proves `fib(n)` and writes the proof, the verifier key and the claim to
/// `dir`.
pub fn prove(dir: &Path, n: u32) -> Result<Proven<u128>, Error> {
    let proven = fibonacci::run(n)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::File(format!("cannot create {}: {e}", dir.display())))?;
    jolt::host::write_proof(dir.join(PROOF_FILE), &proven.proof)?;
    jolt::host::write_verifier_key(dir.join(KEY_FILE), &proven.vk)?;
    let claim = Claim {
        n,
        output: proven.output,
    };
    let json = serde_json::to_string_pretty(&claim).expect("a claim always encodes");
    let claim_path = dir.join(CLAIM_FILE);
    std::fs::write(&claim_path, json)
        .map_err(|e| Error::File(format!("cannot write {}: {e}", claim_path.display())))?;
    println!(
        "prover: wrote {PROOF_FILE}, {KEY_FILE} and {CLAIM_FILE} to {}",
        dir.display()
    );
    Ok(proven)
}

/// The verifier's side: reads the files `prove` wrote to `dir` and verifies the claim.
pub fn verify(dir: &Path) -> Result<Claim, Error> {
    let vk = jolt::host::read_verifier_key(dir.join(KEY_FILE))?;
    let proof = jolt::host::read_proof(dir.join(PROOF_FILE))?;
    let claim_path = dir.join(CLAIM_FILE);
    let json = std::fs::read_to_string(&claim_path).map_err(|e| {
        Error::File(format!(
            "cannot read {}: {e} (run the `prove` step first)",
            claim_path.display()
        ))
    })?;
    let claim: Claim = serde_json::from_str(&json).map_err(|e| {
        Error::File(format!(
            "{} is not a claim: {e} (write it with the `prove` step)",
            claim_path.display()
        ))
    })?;
    let start = Instant::now();
    fibonacci_guest::verify_fib(&vk, claim.n, claim.output, &proof)?;
    let claimed = match claim.output {
        Some(value) => format!("fib({}) = {value}", claim.n),
        None => format!("fib({}) panicked", claim.n),
    };
    println!(
        "verifier: {claimed}: the proof is valid ({} bytes, verified in {:.1} ms)",
        proof.size_in_bytes(),
        start.elapsed().as_secs_f64() * 1e3
    );
    Ok(claim)
}
