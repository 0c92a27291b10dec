//! Polynomial commitment schemes behind one trait, and the MSMs they are built on.
//!
//! * [`CommitmentScheme`]: commit, batch commit, open, verify, batch open/verify at one point.
//! * [`hyperkzg::HyperKzg`]: HyperKZG over BN254 (pairing-based, short proofs; parameters from a
//!   powers-of-tau ceremony, [`hyperkzg::HyperKzgParameters`]).
//! * [`hyrax::Hyrax`]: Hyrax over BN254 G1 (transparent, `O(√N)` commitments and proofs).
//! * [`msm`]: multi-scalar multiplication, with a fast path for small scalars.

pub mod hyperkzg;
pub mod hyrax;
pub mod msm;
mod scheme;

pub use scheme::{CommitmentScheme, OpeningError, SetupError};

#[cfg(test)]
pub(crate) mod test_utils;
