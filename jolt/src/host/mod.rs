//! The host side of `#[jolt::provable]`: build a guest crate for RV32IM, then run its functions
//! in the emulator.

mod error;
mod program;
mod toolchain;

pub use error::{BuildError, Error};
pub use jolt_tracer::{self as tracer, EmulatorError, Profile, ProgramIo};
pub use program::{GuestProgram, GuestSpec, Summary};
pub use toolchain::{guest_target_dir, Toolchain, TARGET};
