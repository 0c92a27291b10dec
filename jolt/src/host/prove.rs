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
//! A [`Proof`] carries the statement it was made for (untrusted): when verification fails,
//! [`Error::Invalid`] says first which part of the claim differs from it
//! ([`jolt_core::files::verify`]). Proofs and keys are kept in the one file format the `jolt`
//! command line reads and writes too ([`jolt_core::files`]).
//!
//! In zero-knowledge mode ([`GuestProgram::prove_zk`], [`verify_zk`]) the proof reveals
//! nothing about the run beyond that statement and the run's padded length.
//!
//! A run longer than `2^20` cycles is proven in shards of `2^20` (or of the size given to
//! [`GuestProgram::prove_in_shards`]), so proving memory follows the shard size, not the
//! run's length; a [`Proof`] holds the shard proofs ([`jolt_core::continuations`]), one for a
//! short run.

use std::path::Path;

use jolt_core::commitment::dory::Dory;
use jolt_core::continuations::{self, DEFAULT_LOG_SHARD_CYCLES};
use jolt_core::files::{self, FileError, Statement};
use jolt_core::zkvm;
use jolt_tracer::ProgramIo;
use serde::{de::DeserializeOwned, Serialize};

use super::{Error, GuestProgram};

/// The commitment scheme of proofs made through this API: Dory, transparent (no trusted setup).
pub type Pcs = Dory;
/// A proof of one run of a guest function: the proofs of its shards (it reads as a
/// [`jolt_core::continuations::ShardedProof`]) and the statement they were made for.
pub type Proof = files::Proof<Pcs>;
/// A zero-knowledge proof of one run of a guest function ([`GuestProgram::prove_zk`]): it
/// reveals nothing about the run beyond its public statement.
pub type ZkProof = files::ZkProof;
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

    /// Builds what proving a run on `inputs` and `private_inputs` (the public and the private
    /// argument tuples, `&()` for none) needs beyond [`Self::preprocess`]: the commitment
    /// parameters for the size of the run's shards (of the default `2^20` cycles at most) and
    /// the lookup subtables. [`Self::prove`] then does only proving work; without this call,
    /// the first proof of each size builds them inside `prove`. Returns the run's cycles.
    #[tracing::instrument(skip_all, name = "prepare", fields(cycles = tracing::field::Empty))]
    pub fn prepare<I: Serialize, P: Serialize>(
        &self,
        pk: &ProverKey,
        inputs: &I,
        private_inputs: &P,
    ) -> Result<u64, Error> {
        let execution = jolt_tracer::run_with_private_input(
            &self.program,
            &self.bytecode,
            &self.run_config(),
            &encode(inputs)?,
            &encode(private_inputs)?,
            &mut jolt_tracer::NoTrace,
        )?;
        tracing::Span::current().record("cycles", execution.cycles);
        pk.prepare(execution.cycles.min(1 << DEFAULT_LOG_SHARD_CYCLES))
            .map_err(Error::Setup)?;
        Ok(execution.cycles)
    }

    /// Runs the function on `inputs` (the argument tuple) and proves the run. Returns the
    /// output (`None` if the guest panicked) and the proof, or [`Error::OutputTooLarge`] if
    /// the output does not fit the output region.
    pub fn prove<I: Serialize, O: DeserializeOwned>(
        &self,
        pk: &ProverKey,
        inputs: &I,
    ) -> Result<(Option<O>, Proof), Error> {
        self.prove_private(pk, inputs, &())
    }

    /// [`Self::prove`] for a function with private arguments: `inputs` is the tuple of the
    /// public ones, `private_inputs` the tuple of the `#[private]` ones. The proof commits to
    /// the private input region; its verifier never sees the private arguments.
    pub fn prove_private<I: Serialize, P: Serialize, O: DeserializeOwned>(
        &self,
        pk: &ProverKey,
        inputs: &I,
        private_inputs: &P,
    ) -> Result<(Option<O>, Proof), Error> {
        self.prove_in_shards(pk, inputs, private_inputs, DEFAULT_LOG_SHARD_CYCLES)
    }

    /// [`Self::prove_private`] in shards of at most `2^log_shard_cycles` cycles (smaller
    /// shards take less memory each; the proof grows with their number).
    pub fn prove_in_shards<I: Serialize, P: Serialize, O: DeserializeOwned>(
        &self,
        pk: &ProverKey,
        inputs: &I,
        private_inputs: &P,
        log_shard_cycles: u32,
    ) -> Result<(Option<O>, Proof), Error> {
        let (input, private) = (encode(inputs)?, encode(private_inputs)?);
        let (io, proof) = continuations::prove_sharded(pk, (&input, &private), log_shard_cycles)?;
        let output = self.output(&io)?;
        let statement = Statement::new(&pk.vk, &io);
        Ok((output, Proof { statement, proof }))
    }
}

impl GuestProgram {
    /// [`Self::prove_private`] in zero knowledge ([`jolt_core::zkvm::zk`]): the proof reveals
    /// nothing beyond the function, its public arguments, its output (or panic) and the
    /// padded length of the run, with blinds from the operating system's randomness. The RAM
    /// of such a proof is the function's whole `memory_size` (so that it does not reveal
    /// which pages the run touched): keep it small with the `memory_size` attribute. A
    /// zero-knowledge proof is of one shard: the run must fit the cycle bound's power of two.
    pub fn prove_zk<I: Serialize, P: Serialize, O: DeserializeOwned>(
        &self,
        pk: &ProverKey,
        inputs: &I,
        private_inputs: &P,
    ) -> Result<(Option<O>, ZkProof), Error> {
        let (input, private) = (encode(inputs)?, encode(private_inputs)?);
        let (io, proof) = zkvm::zk::prove_zk(pk, &input, &private, &mut zkvm::zk::OsRng)?;
        let output = self.output(&io)?;
        let statement = Statement::new(&pk.vk, &io);
        Ok((output, ZkProof { statement, proof }))
    }
}

/// The postcard encoding of an argument tuple or an output.
pub(crate) fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, Error> {
    postcard::to_stdvec(value).map_err(|e| Error::InputEncoding(e.to_string()))
}

/// Verifies that the function of `vk`, run on `inputs` (the tuple of its public arguments)
/// and private arguments the verifier does not know, returned `output` (`None`: panicked).
pub fn verify<I: Serialize, O: Serialize>(
    vk: &VerifierKey,
    inputs: &I,
    output: Option<&O>,
    proof: &Proof,
) -> Result<(), Error> {
    files::verify(vk, &claimed_io(inputs, output)?, proof).map_err(Error::Invalid)
}

/// [`verify`] for a zero-knowledge proof ([`GuestProgram::prove_zk`]).
pub fn verify_zk<I: Serialize, O: Serialize>(
    vk: &VerifierKey,
    inputs: &I,
    output: Option<&O>,
    proof: &ZkProof,
) -> Result<(), Error> {
    files::verify_zk(vk, &claimed_io(inputs, output)?, proof).map_err(Error::Invalid)
}

/// The public I/O of the claim that a function on `inputs` returned `output` (`None`:
/// panicked).
fn claimed_io<I: Serialize, O: Serialize>(
    inputs: &I,
    output: Option<&O>,
) -> Result<ProgramIo, Error> {
    let inputs = encode(inputs)?;
    let (outputs, panic) = match output {
        Some(o) => (encode(o)?, false),
        None => (Vec::new(), true),
    };
    Ok(ProgramIo {
        inputs,
        outputs,
        panic,
        exit_code: if panic {
            jolt_common::PANIC_EXIT_CODE
        } else {
            0
        },
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|e| Error::File(format!("{}: {e}", path.display())))
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::File(format!("{}: {e}", path.display())))
}

fn file_error(path: &Path, e: FileError) -> Error {
    Error::File(format!("{}: {e}", path.display()))
}

/// Writes `proof` to `path`, in the proof file format `jolt verify` reads.
pub fn write_proof(path: impl AsRef<Path>, proof: &Proof) -> Result<(), Error> {
    write(path.as_ref(), &proof.to_file())
}

/// Reads a proof written by [`write_proof`] or by `jolt prove`.
pub fn read_proof(path: impl AsRef<Path>) -> Result<Proof, Error> {
    let path = path.as_ref();
    Proof::from_file(&read(path)?).map_err(|e| file_error(path, e))
}

/// Writes a zero-knowledge proof to `path`, in the file format `jolt verify` reads.
pub fn write_zk_proof(path: impl AsRef<Path>, proof: &ZkProof) -> Result<(), Error> {
    write(path.as_ref(), &proof.to_file())
}

/// Reads a zero-knowledge proof written by [`write_zk_proof`] or by `jolt prove --zk`.
pub fn read_zk_proof(path: impl AsRef<Path>) -> Result<ZkProof, Error> {
    let path = path.as_ref();
    ZkProof::from_file(&read(path)?).map_err(|e| file_error(path, e))
}

/// Writes a verifier key to `path`, in the key file format `jolt verify --key` reads.
pub fn write_verifier_key(path: impl AsRef<Path>, vk: &VerifierKey) -> Result<(), Error> {
    write(path.as_ref(), &files::verifier_key_file(vk))
}

/// Reads a verifier key written by [`write_verifier_key`] or `jolt preprocess` (of a
/// program without custom instructions; for one with, use
/// [`jolt_core::files::read_verifier_key_file`]). A key made with insecure parameters is
/// refused by [`verify`] unless `allow_insecure_parameters` is called on it.
pub fn read_verifier_key(path: impl AsRef<Path>) -> Result<VerifierKey, Error> {
    let path = path.as_ref();
    files::read_verifier_key_file(&read(path)?, &[]).map_err(|e| file_error(path, e))
}

/// Writes a prover key (with the commitment parameters built so far) to `path`.
pub fn write_prover_key(path: impl AsRef<Path>, pk: &ProverKey) -> Result<(), Error> {
    write(path.as_ref(), &files::prover_key_file(pk))
}

/// Reads a prover key written by [`write_prover_key`] (of a program without custom
/// instructions; for one with, use [`jolt_core::files::read_prover_key_file`]).
pub fn read_prover_key(path: impl AsRef<Path>) -> Result<ProverKey, Error> {
    let path = path.as_ref();
    files::read_prover_key_file(&read(path)?, &[], &()).map_err(|e| file_error(path, e))
}
