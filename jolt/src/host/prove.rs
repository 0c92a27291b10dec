//! Proving and verifying guest functions, and keeping keys and proofs in files.
//!
//! The claimed result of a run is `Some(output)` when the function returned `output`, and
//! `None` when the guest panicked: the verifier checks the output region (the postcard
//! encoding of `output`, or nothing on a panic), the panic flag and the exit code (0, or
//! [`jolt_common::PANIC_EXIT_CODE`] on a panic) against the proof.
//!
//! The commitment scheme is Dory ([`Pcs`]): transparent, its parameters derived by prover and
//! verifier alike from a public seed, so no trusted setup and no option to choose.
//!
//! A run longer than `2^20` cycles is proven in shards of `2^20` (or of the size given to
//! [`GuestProgram::prove_in_shards`]), so proving memory follows the shard size, not the
//! run's length; a [`Proof`] holds the shard proofs ([`jolt_core::continuations`]), one for a
//! short run.

use std::path::Path;

use jolt_core::commitment::dory::Dory;
use jolt_core::continuations::{self, ShardedProof, DEFAULT_LOG_SHARD_CYCLES};
use jolt_core::zkvm;
use jolt_tracer::ProgramIo;
use serde::{de::DeserializeOwned, Serialize};

use super::{Error, GuestProgram};

/// The commitment scheme of proofs made through this API: Dory, transparent (no trusted setup).
pub type Pcs = Dory;
/// A proof of one run of a guest function: the proofs of its shards.
pub type Proof = ShardedProof<Pcs>;
/// What the prover needs: built once per function ([`GuestProgram::preprocess`]).
pub type ProverKey = zkvm::ProverKey<Pcs>;
/// What the verifier needs; small, serializable ([`write_verifier_key`]).
pub type VerifierKey = zkvm::VerifierKey<Pcs>;

impl GuestProgram {
    /// Preprocesses the function for proving: the prover key (which holds the verifier key).
    pub fn preprocess(&self) -> Result<ProverKey, Error> {
        Ok(ProverKey::with_extensions(
            &self.program,
            &self.run_config(),
            self.extensions,
            &(),
        )?)
    }

    /// Runs the function on `inputs` (the argument tuple) and proves the run. Returns the
    /// output (`None` if the guest panicked) and the proof, or [`Error::OutputTooLarge`] if
    /// the output does not fit the output region.
    pub fn prove<I: Serialize, O: DeserializeOwned>(
        &self,
        pk: &ProverKey,
        inputs: &I,
    ) -> Result<(Option<O>, Proof), Error> {
        self.prove_in_shards(pk, inputs, DEFAULT_LOG_SHARD_CYCLES)
    }

    /// [`Self::prove`] in shards of at most `2^log_shard_cycles` cycles (smaller shards take
    /// less memory each; the proof grows with their number).
    pub fn prove_in_shards<I: Serialize, O: DeserializeOwned>(
        &self,
        pk: &ProverKey,
        inputs: &I,
        log_shard_cycles: u32,
    ) -> Result<(Option<O>, Proof), Error> {
        let input = postcard::to_stdvec(inputs).map_err(|e| Error::InputEncoding(e.to_string()))?;
        let (io, proof) = continuations::prove_sharded(pk, &input, log_shard_cycles)?;
        Ok((self.output(&io)?, proof))
    }
}

/// Verifies that the function of `vk`, run on `inputs` (the argument tuple), returned
/// `output` (`None`: panicked).
pub fn verify<I: Serialize, O: Serialize>(
    vk: &VerifierKey,
    inputs: &I,
    output: Option<&O>,
    proof: &Proof,
) -> Result<(), Error> {
    let inputs = postcard::to_stdvec(inputs).map_err(|e| Error::InputEncoding(e.to_string()))?;
    let (outputs, panic) = match output {
        Some(o) => (
            postcard::to_stdvec(o).map_err(|e| Error::InputEncoding(e.to_string()))?,
            false,
        ),
        None => (Vec::new(), true),
    };
    let io = ProgramIo {
        inputs,
        outputs,
        panic,
        exit_code: if panic {
            jolt_common::PANIC_EXIT_CODE
        } else {
            0
        },
    };
    continuations::verify_sharded(vk, &io, proof).map_err(Error::Invalid)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|e| Error::File(format!("{}: {e}", path.display())))
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::File(format!("{}: {e}", path.display())))
}

/// Writes `proof` to `path`.
pub fn write_proof(path: impl AsRef<Path>, proof: &Proof) -> Result<(), Error> {
    write(path.as_ref(), &proof.to_bytes())
}

/// Reads a proof written by [`write_proof`].
pub fn read_proof(path: impl AsRef<Path>) -> Result<Proof, Error> {
    let path = path.as_ref();
    Proof::from_bytes(&read(path)?).map_err(|_| {
        Error::File(format!(
            "{}: not a proof (corrupt or truncated)",
            path.display()
        ))
    })
}

/// Writes a verifier key to `path`.
pub fn write_verifier_key(path: impl AsRef<Path>, vk: &VerifierKey) -> Result<(), Error> {
    write(path.as_ref(), &vk.to_bytes())
}

/// Reads a verifier key written by [`write_verifier_key`]. A key made with insecure
/// parameters is refused by [`verify`] unless `allow_insecure_parameters` is called on it.
pub fn read_verifier_key(path: impl AsRef<Path>) -> Result<VerifierKey, Error> {
    let path = path.as_ref();
    VerifierKey::from_bytes(&read(path)?)
        .map_err(|e| Error::File(format!("{}: {e}", path.display())))
}

/// Writes a prover key (with the commitment parameters built so far) to `path`.
pub fn write_prover_key(path: impl AsRef<Path>, pk: &ProverKey) -> Result<(), Error> {
    write(path.as_ref(), &pk.to_bytes())
}

/// Reads a prover key written by [`write_prover_key`] (of a program without custom
/// instructions; register them with `ProverKey::from_bytes_with_extensions`).
pub fn read_prover_key(path: impl AsRef<Path>) -> Result<ProverKey, Error> {
    let path = path.as_ref();
    ProverKey::from_bytes(&read(path)?, &())
        .map_err(|e| Error::File(format!("{}: {e}", path.display())))
}
