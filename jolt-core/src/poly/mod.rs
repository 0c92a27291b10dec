//! Polynomials.
//!
//! * [`dense::DensePolynomial`]: a multilinear polynomial as its `2^n` field evaluations,
//!   bound in place.
//! * [`compact::CompactPolynomial`]: the same for small values stored as `u8 … u64`; they
//!   become field elements only when the first variable is bound.
//! * [`multilinear::MultilinearPolynomial`]: either of the two, what provers take.
//! * [`eq::EqPolynomial`]: `eq(r, x) = Π_i (r_i x_i + (1 - r_i)(1 - x_i))`, and
//!   [`eq::identity_mle`], the MLE of `i ↦ i`.
//! * [`unipoly::UniPoly`], [`unipoly::CompressedUniPoly`]: sumcheck round polynomials.
//!
//! Variable order: `x_0` is the most significant bit of the evaluation index
//! (`evals[i] = f(x)` with `i = Σ_j x_j 2^{n-1-j}`).

pub mod compact;
pub mod dense;
pub mod eq;
pub mod multilinear;
pub mod unipoly;

pub use compact::{smallest_compact, CompactPolynomial};
pub use dense::DensePolynomial;
pub use eq::{identity_mle, EqPolynomial};
pub use multilinear::MultilinearPolynomial;
pub use unipoly::{CompressedUniPoly, UniPoly};
