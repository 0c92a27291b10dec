//! Polynomial commitment schemes behind one trait, and the MSMs they are built on.
//!
//! * [`CommitmentScheme`]: commit, batch commit, open, verify, batch open/verify at one point.
//! * [`dory::Dory`]: Dory over BN254 (transparent, `O(log N)` proofs and verification): the
//!   default.
//! * [`hyperkzg::HyperKzg`]: HyperKZG over BN254 (pairing-based, short proofs; parameters from a
//!   powers-of-tau ceremony, [`hyperkzg::HyperKzgParameters`]).
//! * [`hyrax::Hyrax`]: Hyrax over BN254 G1 (transparent, `O(√N)` commitments and proofs).
//! * [`ipa`]: an inner-product argument opening one Pedersen vector commitment at a point in
//!   `O(log n)` (the RAM page commitments of a machine state and of a private input).
//! * [`matrix`]: the row layout Hyrax and Dory share.
//! * [`msm`]: multi-scalar multiplication, with a fast path for small scalars.

pub mod dory;
pub mod hyperkzg;
pub mod hyrax;
pub mod ipa;
pub mod matrix;
pub mod msm;
mod scheme;

pub use scheme::{CommitmentScheme, OpeningError, SetupError};

#[cfg(test)]
pub(crate) mod test_utils;
