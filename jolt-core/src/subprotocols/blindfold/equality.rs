//! A Σ-protocol (Chaum–Pedersen style) showing that two Pedersen commitments under different
//! bases hold the same value:
//! ```text
//!   C₁ = y · P₁ + r₁ · Q₁,      C₂ = y · P₂ + r₂ · Q₂
//! ```
//! The prover sends `A₁ = a · P₁ + b₁ · Q₁`, `A₂ = a · P₂ + b₂ · Q₂` for uniform `a, b₁, b₂`,
//! draws `e` and answers `z = a + e·y`, `z₁ = b₁ + e·r₁`, `z₂ = b₂ + e·r₂`; the verifier
//! checks `z·P₁ + z₁·Q₁ = A₁ + e·C₁` and `z·P₂ + z₂·Q₂ = A₂ + e·C₂`.
//!
//! # Soundness and zero knowledge
//! Special soundness: two accepting answers to one announcement give `y, r₁, r₂`, so `C₁` and
//! `C₂` open to one `y` unless a discrete-log relation between `P_i, Q_i` is known. Honest-
//! verifier zero knowledge: the simulator picks `e, z, z₁, z₂` and solves `A₁, A₂`. The
//! caller must have absorbed `C₁` and `C₂`; the announcement is absorbed before `e`.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]

use super::BlindFoldError;
use crate::field::Fr;
use crate::transcript::{Absorb, Sample, Transcript};
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};
use ark_std::UniformRand;

const ANNOUNCEMENT: &[u8] = b"equality_announcement";
const CHALLENGE: &[u8] = b"equality_challenge";

/// Bases `(P, Q)` of a Pedersen commitment `y · P + r · Q`.
pub type Bases = (G1Affine, G1Affine);

/// The proof that two commitments hold one value.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct EqualityProof {
    /// `A₁`.
    pub a1: G1Affine,
    /// `A₂`.
    pub a2: G1Affine,
    /// `z`.
    pub z: Fr,
    /// `z₁`.
    pub z1: Fr,
    /// `z₂`.
    pub z2: Fr,
}

fn challenge(a1: &G1Affine, a2: &G1Affine, transcript: &mut Transcript) -> Fr {
    transcript.append(ANNOUNCEMENT, a1);
    transcript.append(ANNOUNCEMENT, a2);
    transcript.challenge_scalar(CHALLENGE)
}

/// Proves that `y · P₁ + r₁ · Q₁` and `y · P₂ + r₂ · Q₂` hold the same `y`.
pub fn prove<R: RngCore + CryptoRng>(
    y: Fr,
    (b1, r1): (Bases, Fr),
    (b2, r2): (Bases, Fr),
    transcript: &mut Transcript,
    rng: &mut R,
) -> EqualityProof {
    let (a, s1, s2) = (Fr::rand(rng), Fr::rand(rng), Fr::rand(rng));
    let a1 = (b1.0 * a + b1.1 * s1).into_affine();
    let a2 = (b2.0 * a + b2.1 * s2).into_affine();
    let e = challenge(&a1, &a2, transcript);
    EqualityProof {
        a1,
        a2,
        z: a + e * y,
        z1: s1 + e * r1,
        z2: s2 + e * r2,
    }
}

/// Verifies that `c1` (under `b1`) and `c2` (under `b2`) hold the same value.
pub fn verify(
    (b1, c1): (Bases, G1Affine),
    (b2, c2): (Bases, G1Affine),
    proof: &EqualityProof,
    transcript: &mut Transcript,
) -> Result<(), BlindFoldError> {
    let e = challenge(&proof.a1, &proof.a2, transcript);
    let holds = |(p, q): Bases, c: G1Affine, a: G1Affine, zr: Fr| -> bool {
        p * proof.z + q * zr == G1Projective::from(a) + c * e
    };
    if holds(b1, c1, proof.a1, proof.z1) && holds(b2, c2, proof.a2, proof.z2) {
        Ok(())
    } else {
        Err(BlindFoldError::Equality)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_ff::Field;
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn equal_values_verify_and_different_ones_do_not() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(4);
        let mut point = || G1Affine::rand(&mut rng);
        let (b1, b2): (Bases, Bases) = ((point(), point()), (point(), point()));
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
        let (y, r1, r2) = (Fr::rand(&mut rng), Fr::rand(&mut rng), Fr::rand(&mut rng));
        let commit = |(p, q): Bases, y: Fr, r: Fr| (p * y + q * r).into_affine();
        let (c1, c2) = (commit(b1, y, r1), commit(b2, y, r2));
        let proof = prove(y, (b1, r1), (b2, r2), &mut Transcript::new(b"eq"), &mut rng);
        assert_eq!(
            verify((b1, c1), (b2, c2), &proof, &mut Transcript::new(b"eq")),
            Ok(())
        );
        // Another value in the second commitment: no proof the prover can make verifies.
        let c2_other = commit(b2, y + Fr::ONE, r2);
        let cheat = prove(y, (b1, r1), (b2, r2), &mut Transcript::new(b"eq"), &mut rng);
        assert!(verify(
            (b1, c1),
            (b2, c2_other),
            &cheat,
            &mut Transcript::new(b"eq")
        )
        .is_err());
        // Any changed response or announcement is rejected.
        for k in 0..5 {
            let mut bad = proof.clone();
            match k {
                0 => bad.z += Fr::ONE,
                1 => bad.z1 += Fr::ONE,
                2 => bad.z2 += Fr::ONE,
                3 => bad.a1 = (bad.a1 + b1.0).into_affine(),
                _ => bad.a2 = (bad.a2 + b2.1).into_affine(),
            }
            assert!(verify((b1, c1), (b2, c2), &bad, &mut Transcript::new(b"eq")).is_err());
        }
    }
}
