//! Sumcheck: proves  `Σ_{x ∈ {0,1}^n} g(x) = C`  for `g(x) = comb(p_1(x), …, p_k(x))`, a
//! polynomial of degree ≤ `d` in each variable built from multilinear `p_j`.
//!
//! Round `i` (`i = 0 … n−1`): the prover sends `h_i(X) = Σ_{x'} g(r_0, …, r_{i−1}, X, x')` of
//! degree ≤ `d` (compressed: the linear coefficient is omitted and recovered from
//! `h_i(0) + h_i(1) = claim_{i−1}`); the verifier draws `r_i` and sets `claim_i = h_i(r_i)`.
//!
//! **Batched sumcheck.** Instances `(C_k, n_k)` with `n = max_k n_k` are combined with
//! coefficients `ρ = (1, ρ_1, …)` from the transcript into one sumcheck of `n` rounds on the
//! claim `Σ_k ρ_k · 2^{n − n_k} · C_k`. Instance `k` is inert (constant round polynomial) in the
//! first `n − n_k` rounds and runs its own rounds in the last `n_k`, so its point is the
//! **suffix** `r[n − n_k ..]`. A single sumcheck is the batch of one.
//!
//! # Transcript
//! Absorbs the claims, then each round polynomial before drawing that round's challenge.
//!
//! # Soundness
//! The verifier ([`verify::verify`], [`verify::verify_batched`]) returns the point `r` and
//! the reduced claim. **The caller MUST check** `g(r) = claim_n` (batched: `Σ_k ρ_k g_k(r_k)`),
//! usually through polynomial openings; [`verify::SumcheckClaim::check`] and
//! [`verify::BatchedSumcheckClaim::check`] do the comparison with a typed error. Because the
//! round check holds by construction of the compressed encoding, a changed coefficient or a
//! changed claimed sum surfaces as [`SumcheckError::FinalEvaluation`].
//!
//! Variable order: `x_0` is the most significant bit of the evaluation index, and round `i`
//! binds `x_i`, so `r` is a point in the order of [`crate::poly::DensePolynomial::evaluate`].
//!
//! # Example
//! ```
//! use jolt_core::field::Fr;
//! use jolt_core::poly::MultilinearPolynomial;
//! use jolt_core::subprotocols::sumcheck::{self, ProductSumcheck, SumcheckInstance};
//! use jolt_core::transcript::Transcript;
//!
//! // Σ_x a(x)·b(x) over {0,1}^2, with a compact (u8) and a dense polynomial.
//! let a: MultilinearPolynomial<Fr> = vec![1u8, 2, 3, 4].into();
//! let b: MultilinearPolynomial<Fr> = vec![Fr::from(5u64); 4].into();
//! let comb = |v: &[Fr]| v[0] * v[1];
//! let mut instance = ProductSumcheck::new_computing_claim(vec![a.clone(), b.clone()], 2, comb);
//! let claim = instance.input_claim();
//! assert_eq!(claim, Fr::from(50u64));
//! let (proof, _, _) = sumcheck::prove(&mut instance, &mut Transcript::new(b"example"));
//!
//! let reduced = sumcheck::verify(claim, 2, 2, &proof, &mut Transcript::new(b"example")).unwrap();
//! // The caller's obligation: evaluate g at the returned point (here directly; in a protocol,
//! // through openings of committed polynomials).
//! let expected = a.evaluate(&reduced.point) * b.evaluate(&reduced.point);
//! assert!(reduced.check(expected).is_ok());
//! ```

pub mod prove;
pub mod verify;

pub use prove::{prove, prove_batched, ProductSumcheck, SumcheckInstance};
pub use verify::{verify, verify_batched, BatchedSumcheckClaim, SumcheckClaim};

use crate::field::JoltField;
use crate::poly::CompressedUniPoly;
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// A sumcheck proof: one compressed round polynomial per round.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct SumcheckProof<F: JoltField> {
    /// Round polynomials `h_0, …, h_{n−1}`, each without its linear coefficient.
    pub round_polys: SafeVec<CompressedUniPoly<F>>,
}

/// Why a sumcheck proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SumcheckError {
    /// The proof has a different number of rounds than the statement.
    #[error("sumcheck: expected {expected} rounds, the proof has {got}")]
    WrongNumberOfRounds {
        /// Rounds of the statement.
        expected: usize,
        /// Rounds in the proof.
        got: usize,
    },
    /// A round polynomial does not have the agreed degree.
    #[error("sumcheck round {round}: expected degree {expected}, got {got}")]
    WrongDegree {
        /// Round index.
        round: usize,
        /// Degree of the statement.
        expected: usize,
        /// Degree in the proof.
        got: usize,
    },
    /// The reduced claim does not match the caller's evaluation of `g(r)`.
    #[error("sumcheck final check: reduced claim {claimed} ≠ evaluation {expected}")]
    FinalEvaluation {
        /// What the caller computed.
        expected: String,
        /// What the sumcheck reduced to.
        claimed: String,
    },
    /// A batched statement with no instances, or with inconsistent instance data.
    #[error("sumcheck: malformed batch ({0})")]
    MalformedBatch(&'static str),
}

#[cfg(test)]
mod tests;
