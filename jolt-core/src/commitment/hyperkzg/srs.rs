//! HyperKZG structured reference string (`[τ^i]_1` for `i < N`, `[τ^i]_2` for `i < 4`) and the
//! [`HyperKzgParameters`] it comes from: a ceremony file, or the insecure development SRS.

use super::ptau::read_ptau;
use crate::commitment::SetupError;
use crate::utils::serialization::SafeVec;
use ark_bn254::{Fr, G1Affine, G1Projective, G2Affine, G2Projective};
use ark_ec::{CurveGroup, PrimeGroup, ScalarMul};
use ark_ff::{Field, UniformRand};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use rand_chacha::rand_core::SeedableRng;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Where HyperKZG's SRS comes from.
#[derive(Clone)]
pub enum HyperKzgParameters {
    /// Powers of `τ` from a ceremony ([`HyperKzgParameters::from_ptau_file`]).
    Ceremony(Arc<HyperKzgSrs>),
    /// **INSECURE**: the development SRS ([`HyperKzgSrs::setup_insecure_dev`]), whose `τ`
    /// anyone can compute. Keys made with it are marked and refused by the zkVM verifier
    /// unless the caller allows them.
    InsecureDevelopment,
}

impl HyperKzgParameters {
    /// Loads and validates the powers of `τ` of a snarkjs `.ptau` file (BN254), reading at
    /// most `max_len` G1 powers (`2^max_num_vars` covers every polynomial of a program).
    pub fn from_ptau_file(path: &Path, max_len: usize) -> Result<Self, SetupError> {
        let error = |error| SetupError::Ptau {
            path: path.display().to_string(),
            error,
        };
        let file = std::fs::File::open(path).map_err(|e| error(e.into()))?;
        let srs = read_ptau(std::io::BufReader::new(file), max_len).map_err(error)?;
        Ok(Self::Ceremony(Arc::new(srs)))
    }
}

impl std::fmt::Debug for HyperKzgParameters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Ceremony(srs) => write!(f, "Ceremony({} powers)", srs.max_len()),
            Self::InsecureDevelopment => write!(f, "InsecureDevelopment"),
        }
    }
}

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
    /// SRS can be forged; use ceremony parameters ([`HyperKzgParameters::from_ptau_file`]) in
    /// production.
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
    pub(crate) fn from_tau(tau: Fr, max_len: usize) -> Self {
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

    /// The first `len` powers (`None` if the SRS holds fewer).
    pub(crate) fn truncated(&self, len: usize) -> Option<Self> {
        Some(Self {
            g1_powers: self.g1_powers.get(..len)?.to_vec().into(),
            vk: self.vk,
        })
    }
}

/// The development SRS's verifier key (computed once).
pub(crate) fn insecure_dev_verifier_key() -> &'static HyperKzgVerifierKey {
    static VK: OnceLock<HyperKzgVerifierKey> = OnceLock::new();
    VK.get_or_init(|| HyperKzgSrs::setup_insecure_dev(1).verifier_key())
}
