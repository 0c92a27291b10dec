//! The host side of `#[jolt::provable]`: build a guest crate for RV32IM, run its functions in
//! the emulator, prove and verify them.

mod error;
mod program;
pub mod progress;
mod prove;
mod toolchain;

pub use error::{BuildError, Error};
pub use jolt_tracer::{self as tracer, EmulatorError, Profile, ProgramIo};
pub use program::{decode_output, GuestProgram, GuestSpec, Summary};
pub use prove::{
    read_proof, read_prover_key, read_verifier_key, read_zk_proof, verify, verify_zk, write_proof,
    write_prover_key, write_verifier_key, write_zk_proof, Pcs, Proof, ProverKey, VerifierKey,
    ZkProof,
};
pub use toolchain::{guest_target_dir, Toolchain, TARGET};
