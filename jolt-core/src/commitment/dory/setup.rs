//! Dory's public parameters, derived by anyone from a public seed and the number of columns.
//!
//! `Γ_1 ∈ G1^{2^c}`, `Γ_2 ∈ G2^{2^c}` and the blinding generators `h_1, h_2` are hashed to the
//! curves: generator `i` of a group is sampled by arkworks (a random `x` coordinate lifted to
//! the curve, then the cofactor cleared) from ChaCha20 seeded by a merlin transcript over
//! [`DORY_SEED`], the group and `i`. Nobody knows a discrete logarithm between any two of
//! them, which is all Dory's binding needs (SXDH on BN254). The verifier's parameters (the
//! pairings `Δ` and `χ` of prefixes of `Γ_1` and `Γ_2`) are computed from the generators by
//! `dory-pcs` itself, never read from a file or a proof.
//!
//! A setup is the number `c` alone; the parameters of each size are derived once per process
//! on first use. The verifier key's digest covers its bound on `c`, and [`DORY_SEED`] is a
//! constant. Generator `i` does not depend on `c`, so a smaller size's generators are a prefix
//! of a larger one's.

use crate::commitment::scheme::SetupError;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_into_iter, cfg_iter};
use ark_bn254::{G1Affine, G1Projective, G2Affine};
use ark_ec::bn::G2Prepared;
use ark_ec::pairing::Pairing;
use ark_ec::{AdditiveGroup, AffineRepr, CurveGroup};
use ark_serialize::{
    CanonicalDeserialize, CanonicalSerialize, Compress, Read, SerializationError, Valid, Validate,
    Write,
};
use ark_std::UniformRand;
use dory_pcs::backends::arkworks::{ArkG1, ArkG2, ArkGT, BN254};
use dory_pcs::{ProverSetup, VerifierSetup};
use rand_chacha::rand_core::SeedableRng;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The public seed every Dory generator is derived from.
pub const DORY_SEED: &[u8] = b"jolt-core Dory generators v1";

/// Largest supported `log2` of the number of columns: polynomials of up to `2^{2·c}`
/// evaluations (`2^{36}`), far above any supported trace.
pub const MAX_LOG_COLS: u32 = 18;

/// The generators and the verifier's derived pairings for `2^log_cols` columns.
pub struct DoryParameters {
    /// `log2` of the number of columns.
    pub log_cols: u32,
    /// `Γ_1` as affine points (the prover's row commitments use them).
    pub g1_affine: Vec<G1Affine>,
    /// `Γ_2` as affine points (the tier-2 pairings use them).
    pub g2_affine: Vec<G2Affine>,
    /// `dory-pcs`'s prover setup (the same generators).
    pub prover: ProverSetup<BN254>,
    /// `dory-pcs`'s verifier setup, derived from `prover`.
    pub verifier: VerifierSetup<BN254>,
    /// `Γ_2` prepared for Miller loops (built on the first commitment).
    g2_prepared: OnceLock<Vec<G2Prepared<ark_bn254::Config>>>,
    /// `v · Γ_1[j]` at index `256·j + v` (built on the first commitment).
    byte_table: OnceLock<Vec<G1Affine>>,
}

fn hash_to_group<G: UniformRand>(group: &'static [u8], index: u64) -> G {
    let mut t = merlin::Transcript::new(DORY_SEED);
    t.append_message(b"group", group);
    t.append_u64(b"index", index);
    let mut seed = [0u8; 32];
    t.challenge_bytes(b"seed", &mut seed);
    G::rand(&mut rand_chacha::ChaCha20Rng::from_seed(seed))
}

/// The parameters of one size, derived once.
type ParameterSlot = OnceLock<Arc<DoryParameters>>;

impl DoryParameters {
    #[tracing::instrument(name = "Dory generators")]
    fn derive(log_cols: u32) -> Self {
        let n = 1u64 << log_cols;
        let g1_affine: Vec<G1Affine> = cfg_into_iter!(0..n)
            .map(|i| hash_to_group(b"G1", i))
            .collect();
        let g2_affine: Vec<G2Affine> = cfg_into_iter!(0..n)
            .map(|i| hash_to_group(b"G2", i))
            .collect();
        let h1: G1Affine = hash_to_group(b"H1", 0);
        let h2: G2Affine = hash_to_group(b"H2", 0);
        let prover = ProverSetup {
            g1_vec: g1_affine.iter().map(|g| ArkG1(g.into_group())).collect(),
            g2_vec: g2_affine.iter().map(|g| ArkG2(g.into_group())).collect(),
            h1: ArkG1(h1.into_group()),
            h2: ArkG2(h2.into_group()),
            ht: ArkGT(ark_bn254::Bn254::pairing(h1, h2)),
        };
        let verifier = prover.to_verifier_setup();
        Self {
            log_cols,
            g1_affine,
            g2_affine,
            prover,
            verifier,
            g2_prepared: OnceLock::new(),
            byte_table: OnceLock::new(),
        }
    }

    /// `v · Γ_1[j]` for every byte `v` at index `256·j + v` (see `super::rows`).
    pub fn byte_table(&self) -> &[G1Affine] {
        self.byte_table.get_or_init(|| {
            let _span = tracing::info_span!("Dory byte table", log_cols = self.log_cols).entered();
            let multiples: Vec<Vec<G1Affine>> = cfg_iter!(self.g1_affine)
                .map(|g| {
                    let mut acc = G1Projective::ZERO;
                    let all: Vec<G1Projective> = (0..256)
                        .map(|_| {
                            let v = acc;
                            acc += g;
                            v
                        })
                        .collect();
                    G1Projective::normalize_batch(&all)
                })
                .collect();
            multiples.concat()
        })
    }

    /// `Γ_2` prepared for Miller loops.
    pub fn g2_prepared(&self) -> &[G2Prepared<ark_bn254::Config>] {
        self.g2_prepared
            .get_or_init(|| cfg_iter!(self.g2_affine).map(|g| (*g).into()).collect())
    }

    /// The parameters for `2^log_cols` columns, derived on first use in this process.
    ///
    /// # Panics
    /// If `log_cols > MAX_LOG_COLS` (decoding checks this first).
    pub fn get(log_cols: u32) -> Arc<Self> {
        assert!(
            (1..=MAX_LOG_COLS).contains(&log_cols),
            "dory: 2^{log_cols} columns"
        );
        static CACHE: OnceLock<Mutex<HashMap<u32, Arc<ParameterSlot>>>> = OnceLock::new();
        // One slot per size, filled outside the map's lock so that sizes derive independently.
        let slot = {
            let mut map = CACHE
                .get_or_init(Default::default)
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            map.entry(log_cols).or_default().clone()
        };
        slot.get_or_init(|| Arc::new(Self::derive(log_cols)))
            .clone()
    }
}

/// Dory's setup: a number of columns `2^log_cols`, encoded as `log_cols` alone; the
/// [`DoryParameters`] of that size are derived (once per process) when first used.
///
/// The prover's setup has the columns of the proof at hand ([`log_cols_for`] of its largest
/// polynomial); the verifier's is a bound, and each opening uses [`log_cols_for`] of its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DorySetup {
    /// `log2` of the number of columns.
    pub log_cols: u32,
}

/// `σ`, the `log2` of the columns of the matrices of a proof whose largest polynomial has
/// `num_vars` variables: `⌈num_vars / 2⌉`, at least 1. Rows `ν = num_vars − σ ≤ σ`.
pub fn log_cols_for(num_vars: usize) -> usize {
    num_vars.div_ceil(2).max(1)
}

impl DorySetup {
    /// The setup for polynomials of up to `num_vars` variables.
    ///
    /// # Panics
    /// If `num_vars > 2 · MAX_LOG_COLS`.
    pub fn new(num_vars: usize) -> Self {
        let log_cols = log_cols_for(num_vars);
        assert!(
            log_cols <= MAX_LOG_COLS as usize,
            "dory: 2^{num_vars} evaluations"
        );
        Self {
            log_cols: log_cols as u32,
        }
    }

    /// [`Self::new`], or an error beyond `2 · MAX_LOG_COLS` variables.
    pub fn bounded(num_vars: usize) -> Result<Self, SetupError> {
        let max = 2 * MAX_LOG_COLS as usize;
        if num_vars > max {
            return Err(SetupError::TooLarge { num_vars, max });
        }
        Ok(Self::new(num_vars))
    }

    /// The generators and derived pairings of this size.
    pub fn parameters(&self) -> Arc<DoryParameters> {
        DoryParameters::get(self.log_cols)
    }
}

impl Valid for DorySetup {
    fn check(&self) -> Result<(), SerializationError> {
        if self.log_cols == 0 || self.log_cols > MAX_LOG_COLS {
            return Err(SerializationError::InvalidData);
        }
        Ok(())
    }
}

impl CanonicalSerialize for DorySetup {
    fn serialize_with_mode<W: Write>(
        &self,
        writer: W,
        compress: Compress,
    ) -> Result<(), SerializationError> {
        self.log_cols.serialize_with_mode(writer, compress)
    }

    fn serialized_size(&self, compress: Compress) -> usize {
        self.log_cols.serialized_size(compress)
    }
}

impl CanonicalDeserialize for DorySetup {
    fn deserialize_with_mode<R: Read>(
        reader: R,
        compress: Compress,
        validate: Validate,
    ) -> Result<Self, SerializationError> {
        let setup = Self {
            log_cols: u32::deserialize_with_mode(reader, compress, validate)?,
        };
        setup.check()?;
        Ok(setup)
    }
}
