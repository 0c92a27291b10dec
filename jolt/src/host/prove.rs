//! Proving and verifying guest functions, and keeping keys and proofs in files.
//!
//! The claimed result of a run is `Some(output)` when the function returned `output`, and
//! `None` when the guest panicked: the verifier checks the output region (the postcard
//! encoding of `output`, or nothing on a panic), the panic flag and the exit code (0, or
//! [`jolt_common::PANIC_EXIT_CODE`] on a panic) against the proof.
//!
//! The commitment parameters are the caller's choice ([`GuestProgram::preprocess_with`]).
//! [`GuestProgram::preprocess`] (what `#[provable]`'s `build_`/`preprocess_` functions call)
//! uses HyperKZG's **insecure development SRS** until the transparent default scheme replaces
//! HyperKZG here, and allows it on the key it returns; a verifier key read from a file
//! ([`read_verifier_key`]) is refused if its parameters are insecure, unless the caller calls
//! `allow_insecure_parameters` on it.

use std::path::Path;

use jolt_core::commitment::hyperkzg::{HyperKzg, HyperKzgParameters};
use jolt_core::commitment::CommitmentScheme;
use jolt_core::zkvm;
use jolt_tracer::ProgramIo;
use serde::{de::DeserializeOwned, Serialize};

use super::{Error, GuestProgram};

/// The commitment scheme of proofs made through this API.
pub type Pcs = HyperKzg;
/// Where its parameters come from (a ceremony file, or the insecure development SRS).
pub type Parameters = <Pcs as CommitmentScheme>::Parameters;
/// A proof of one run of a guest function.
pub type Proof = zkvm::JoltProof<Pcs>;
/// What the prover needs: built once per function ([`GuestProgram::preprocess`]).
pub type ProverKey = zkvm::ProverKey<Pcs>;
/// What the verifier needs; small, serializable ([`write_verifier_key`]).
pub type VerifierKey = zkvm::VerifierKey<Pcs>;

impl GuestProgram {
    /// Preprocesses the function for proving with commitment parameters `params`: the prover
    /// key (which holds the verifier key).
    pub fn preprocess_with(&self, params: &Parameters) -> Result<ProverKey, Error> {
        let mut pk =
            ProverKey::with_extensions(&self.program, &self.run_config(), self.extensions, params)?;
        pk.check_stack = true;
        Ok(pk)
    }

    /// Preprocesses the function with HyperKZG's **INSECURE development SRS** (its trapdoor
    /// is public: anyone can forge proofs against the key) and allows it on the returned key.
    /// For development only, until the transparent default scheme replaces HyperKZG here; use
    /// [`Self::preprocess_with`] and a ceremony file otherwise.
    pub fn preprocess(&self) -> Result<ProverKey, Error> {
        let mut pk = self.preprocess_with(&HyperKzgParameters::InsecureDevelopment)?;
        pk.vk.allow_insecure_parameters();
        Ok(pk)
    }

    /// Runs the function on `inputs` (the argument tuple) and proves the run. Returns the
    /// output (`None` if the guest panicked) and the proof.
    pub fn prove<I: Serialize, O: DeserializeOwned>(
        &self,
        pk: &ProverKey,
        inputs: &I,
    ) -> Result<(Option<O>, Proof), Error> {
        let input = postcard::to_stdvec(inputs).map_err(|e| Error::InputEncoding(e.to_string()))?;
        let (io, proof) = zkvm::prove(pk, &input)?;
        let output = if io.panic {
            None
        } else {
            Some(
                postcard::from_bytes(&io.outputs)
                    .map_err(|e| Error::OutputDecoding(e.to_string()))?,
            )
        };
        Ok((output, proof))
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
    zkvm::verify(vk, &io, proof).map_err(Error::Invalid)
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
/// instructions; register them with `ProverKey::from_bytes_with_extensions`), made with the
/// commitment parameters `params`.
pub fn read_prover_key(path: impl AsRef<Path>, params: &Parameters) -> Result<ProverKey, Error> {
    let path = path.as_ref();
    let mut pk = ProverKey::from_bytes(&read(path)?, params)
        .map_err(|e| Error::File(format!("{}: {e}", path.display())))?;
    pk.check_stack = true;
    Ok(pk)
}
