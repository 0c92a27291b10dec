//! Hiding Pedersen commitments to short rows of field elements:
//! ```text
//!   C = Σ_j v_j · G_j + β · H
//! ```
//! with a uniform blind `β`. `C` is perfectly hiding (for any `v`, `C` is a uniform group
//! element over the choice of `β`) and computationally binding under discrete log in G1.
//!
//! # Soundness
//! The generators `H, G_0, G_1, …` are hashed to G1 from a public seed (ChaCha20 seeded by a
//! merlin transcript over a fixed label; arkworks samples a random `x` coordinate and lifts it),
//! so no discrete-log relation between any two of them is known to anyone. Generator `i` is
//! the same whatever the number of generators asked for.
//!
//! Row layout: `v_j` multiplies `G_j`; a row shorter than the generators is zero-padded.

use crate::commitment::msm::msm_serial;
use crate::field::Fr;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use ark_std::rand::{CryptoRng, RngCore};
use ark_std::UniformRand;

/// The public generators `G_0 … G_{n−1}` and the blinding generator `H`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PedersenGenerators {
    /// `G_j`, multiplying the row's `j`-th entry.
    pub values: Vec<G1Affine>,
    /// `H`, multiplying the blind.
    pub blind: G1Affine,
}

impl PedersenGenerators {
    /// The first `count` value generators and the blinding generator.
    pub fn new(count: usize) -> Self {
        use rand_chacha::rand_core::SeedableRng;
        let mut t = merlin::Transcript::new(b"jolt-core blindfold pedersen generators v1");
        let mut seed = [0u8; 32];
        t.challenge_bytes(b"seed", &mut seed);
        let mut rng = rand_chacha::ChaCha20Rng::from_seed(seed);
        let blind = G1Affine::rand(&mut rng);
        let values = (0..count).map(|_| G1Affine::rand(&mut rng)).collect();
        Self { values, blind }
    }

    /// `(G_0, H)`: the bases of a one-value row `y · G_0 + β · H` (`None` without values).
    pub fn scalar_bases(&self) -> Option<(G1Affine, G1Affine)> {
        Some((*self.values.first()?, self.blind))
    }

    /// `Σ_j row_j · G_j + blind · H` (projective). `None` if the row is longer than the
    /// generators.
    pub fn commit_projective(&self, row: &[Fr], blind: &Fr) -> Option<G1Projective> {
        let gens = self.values.get(..row.len())?;
        Some(msm_serial(gens, row) + self.blind * blind)
    }

    /// `Σ_j row_j · G_j + blind · H`.
    ///
    /// # Panics
    /// If the row is longer than the generators (a prover-side bug).
    #[allow(clippy::expect_used)]
    pub fn commit(&self, row: &[Fr], blind: &Fr) -> G1Affine {
        self.commit_projective(row, blind)
            .expect("a committed row fits the generators")
            .into_affine()
    }

    /// The commitments of the rows `values.chunks(width)` under `blinds`, at once: for each
    /// generator, the multiples of its column's entries from one fixed-base table (arkworks'
    /// `BatchMulPreprocessing`), then each row's sum.
    ///
    /// # Panics
    /// If `width` exceeds the generators or `blinds` has not one blind per row.
    pub fn commit_batch(&self, values: &[Fr], width: usize, blinds: &[Fr]) -> Vec<G1Affine> {
        use ark_ec::scalar_mul::BatchMulPreprocessing;
        let num_rows = values.len().div_ceil(width.max(1));
        assert!(
            width <= self.values.len() && blinds.len() == num_rows,
            "rows fit the generators"
        );
        let column = |base: &G1Affine, scalars: Vec<Fr>| -> Vec<G1Affine> {
            BatchMulPreprocessing::new(G1Projective::from(*base), scalars.len()).batch_mul(&scalars)
        };
        let mut sums = vec![G1Projective::from(G1Affine::identity()); num_rows];
        for (j, base) in self.values.iter().take(width).enumerate() {
            let scalars: Vec<Fr> = (0..num_rows)
                .map(|i| values.get(i * width + j).copied().unwrap_or_default())
                .collect();
            for (sum, p) in sums.iter_mut().zip(column(base, scalars)) {
                *sum += p;
            }
        }
        for (sum, p) in sums.iter_mut().zip(column(&self.blind, blinds.to_vec())) {
            *sum += p;
        }
        G1Projective::normalize_batch(&sums)
    }

    /// A fresh blind and the commitment of `row` under it.
    pub fn commit_hiding<R: RngCore + CryptoRng>(&self, row: &[Fr], rng: &mut R) -> (G1Affine, Fr) {
        let blind = Fr::rand(rng);
        (self.commit(row, &blind), blind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_ec::AffineRepr;
    use ark_ff::{AdditiveGroup, Field};
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn generators_are_a_stable_prefix_and_distinct() {
        let small = PedersenGenerators::new(4);
        let large = PedersenGenerators::new(16);
        assert_eq!(small.blind, large.blind);
        assert_eq!(small.values[..], large.values[..4]);
        let mut all = large.values.clone();
        all.push(large.blind);
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_zero());
            assert!(all[i + 1..].iter().all(|b| b != a));
        }
    }

    #[test]
    fn commitments_are_linear_and_hiding() {
        let gens = PedersenGenerators::new(8);
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
        let a: Vec<Fr> = (0..8).map(|_| Fr::rand(&mut rng)).collect();
        let b: Vec<Fr> = (0..5).map(|_| Fr::rand(&mut rng)).collect();
        let (ba, bb) = (Fr::rand(&mut rng), Fr::rand(&mut rng));
        let sum: Vec<Fr> = (0..8)
            .map(|j| a[j] + b.get(j).copied().unwrap_or(Fr::ZERO))
            .collect();
        let lhs = gens.commit(&a, &ba) + gens.commit(&b, &bb);
        assert_eq!(lhs.into_affine(), gens.commit(&sum, &(ba + bb)));
        // Two blinds, two different commitments of the same row.
        let (c1, _) = gens.commit_hiding(&a, &mut rng);
        let (c2, _) = gens.commit_hiding(&a, &mut rng);
        assert_ne!(c1, c2);
        // A zero row with a zero blind is the identity; a row too long is refused.
        assert_eq!(gens.commit(&[Fr::ZERO; 3], &Fr::ZERO), G1Affine::identity());
        assert!(gens.commit_projective(&[Fr::ONE; 9], &Fr::ONE).is_none());
        // Many rows at once (the last one short) give each row's commitment.
        let values: Vec<Fr> = (0..27).map(|_| Fr::rand(&mut rng)).collect();
        let blinds: Vec<Fr> = (0..4).map(|_| Fr::rand(&mut rng)).collect();
        let batch = gens.commit_batch(&values, 7, &blinds);
        for (i, (row, blind)) in values.chunks(7).zip(&blinds).enumerate() {
            assert_eq!(batch[i], gens.commit(row, blind));
        }
    }
}
