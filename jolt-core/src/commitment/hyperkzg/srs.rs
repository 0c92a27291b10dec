//! HyperKZG structured reference string: `[τ^i]_1` for `i < N`, `[1]_2`, `[τ]_2`.

use crate::utils::serialization::SafeVec;
use ark_bn254::{Fr, G1Affine, G1Projective, G2Affine, G2Projective};
use ark_ec::{CurveGroup, PrimeGroup, ScalarMul};
use ark_ff::{Field, UniformRand};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize, SerializationError};
use rand_chacha::rand_core::SeedableRng;
use std::path::Path;

/// The prover's SRS: powers of `τ` in G1 plus the verifier key.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct HyperKzgSrs {
    /// `[τ^i]_1` for `i < N`: polynomials of up to `N` evaluations can be committed.
    pub g1_powers: SafeVec<G1Affine>,
    /// The verifier's part.
    pub vk: HyperKzgVerifierKey,
}

/// The verifier's key: `[1]_1, [τ]_1, [τ²]_1` and `[1]_2, [τ]_2, [τ²]_2, [τ³]_2` (the
/// three-point opening checks against `[Z(τ)]_2` for a cubic `Z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct HyperKzgVerifierKey {
    /// `[τ^i]_1`, `i < 3`.
    pub g1_powers: [G1Affine; 3],
    /// `[τ^i]_2`, `i < 4`.
    pub g2_powers: [G2Affine; 4],
}

/// The public seed of the development SRS. Anyone can recompute `τ` from it.
pub const INSECURE_DEV_SEED: &[u8] = b"jolt-core HyperKZG INSECURE development SRS v1";

impl HyperKzgSrs {
    /// **INSECURE — development and tests only.** An SRS for polynomials of up to
    /// `max_len` evaluations whose trapdoor `τ` is derived deterministically from the public
    /// [`INSECURE_DEV_SEED`] (merlin → ChaCha20). Since `τ` is public, openings against this
    /// SRS can be forged; use [`HyperKzgSrs::load`] with ceremony parameters in production.
    pub fn setup_insecure_dev(max_len: usize) -> Self {
        let mut t = merlin::Transcript::new(b"jolt-core hyperkzg setup");
        t.append_message(b"seed", INSECURE_DEV_SEED);
        let mut seed = [0u8; 32];
        t.challenge_bytes(b"tau", &mut seed);
        let mut rng = rand_chacha::ChaCha20Rng::from_seed(seed);
        let tau = Fr::rand(&mut rng);
        Self::from_tau(tau, max_len)
    }

    /// An SRS for a known trapdoor (tests and the development setup only).
    fn from_tau(tau: Fr, max_len: usize) -> Self {
        let len = max_len.max(1);
        let mut powers = Vec::with_capacity(len);
        let mut acc = Fr::ONE;
        for _ in 0..len {
            powers.push(acc);
            acc *= tau;
        }
        let g1 = G1Projective::generator();
        let g2 = G2Projective::generator();
        let g1_powers = g1.batch_mul(&powers);
        let small = [Fr::ONE, tau, tau.square(), tau.square() * tau];
        Self {
            g1_powers: g1_powers.into(),
            vk: HyperKzgVerifierKey {
                g1_powers: [0, 1, 2].map(|i| (g1 * small[i]).into_affine()),
                g2_powers: [0, 1, 2, 3].map(|i| (g2 * small[i]).into_affine()),
            },
        }
    }

    /// Largest number of evaluations that can be committed.
    pub fn max_len(&self) -> usize {
        self.g1_powers.len()
    }

    /// The verifier key.
    pub fn verifier_key(&self) -> HyperKzgVerifierKey {
        self.vk
    }

    /// Writes the SRS to `path` (uncompressed ark-serialize encoding).
    pub fn save(&self, path: &Path) -> Result<(), SerializationError> {
        let file = std::fs::File::create(path)?;
        self.serialize_uncompressed(std::io::BufWriter::new(file))
    }

    /// Reads an SRS written by [`HyperKzgSrs::save`] (or produced by a ceremony in the same
    /// encoding), validating every point (on the curve, in the subgroup).
    pub fn load(path: &Path) -> Result<Self, SerializationError> {
        let file = std::fs::File::open(path)?;
        Self::deserialize_uncompressed(std::io::BufReader::new(file))
    }
}
