//! What `dory-pcs` needs from this crate: its transcript over ours, and a view of one of our
//! polynomials as its `2^ν × 2^σ` matrix.
//!
//! # Bit order
//! `dory-pcs` takes points least significant bit first (`point[0]` is the lowest index bit;
//! the first `σ` coordinates pick the column, the rest the row). This crate's points are most
//! significant bit first, so [`dory_point`] reverses them; padding variables (fixed to 0) are
//! this crate's leading coordinates and `dory-pcs`'s trailing ones.

use crate::commitment::matrix;
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{labels, Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_iter, cfg_iter_mut};
use ark_bn254::G2Projective;
use ark_ec::scalar_mul::glv::GLVConfig;
use ark_ec::{AffineRepr, ScalarMul};
use ark_ff::{AdditiveGroup, Field as _};
use dory_pcs::backends::arkworks::{ArkFr, ArkG2, BN254};
use dory_pcs::primitives::arithmetic::{DoryRoutines, Group, PairingCurve};
use dory_pcs::primitives::serialization::Compress;
use dory_pcs::primitives::transcript::Transcript as DoryTranscriptTrait;
use dory_pcs::primitives::DorySerialize;
use dory_pcs::{DoryError, Mode, MultilinearLagrange, Polynomial, ProverSetup};

/// `dory-pcs`'s Fiat–Shamir transcript, absorbing into and sampling from one of ours. Each
/// message is absorbed as two merlin messages, `dory-pcs`'s label then the data, so that
/// messages stay unambiguous.
pub(super) struct DoryTranscript<'a>(pub &'a mut Transcript);

impl DoryTranscript<'_> {
    fn absorb(&mut self, label: &[u8], bytes: &[u8]) {
        self.0.append_bytes(labels::DORY_LABEL, label);
        self.0.append_bytes(labels::DORY_MESSAGE, bytes);
    }

    fn absorb_serializable<S: DorySerialize>(&mut self, label: &[u8], s: &S) {
        let mut bytes = Vec::with_capacity(s.serialized_size(Compress::Yes));
        // Writing into a Vec cannot fail.
        let _ = s.serialize_with_mode(&mut bytes, Compress::Yes);
        self.absorb(label, &bytes);
    }
}

impl DoryTranscriptTrait for DoryTranscript<'_> {
    type Curve = BN254;

    fn append_bytes(&mut self, label: &[u8], bytes: &[u8]) {
        self.absorb(label, bytes);
    }

    fn append_field(&mut self, label: &[u8], x: &ArkFr) {
        self.absorb_serializable(label, x);
    }

    fn append_group<G: Group>(&mut self, label: &[u8], g: &G) {
        self.absorb_serializable(label, g);
    }

    fn append_serde<S: DorySerialize>(&mut self, label: &[u8], s: &S) {
        self.absorb_serializable(label, s);
    }

    fn challenge_scalar(&mut self, label: &[u8]) -> ArkFr {
        self.0.append_bytes(labels::DORY_LABEL, label);
        ArkFr(self.0.challenge_scalar(labels::DORY_CHALLENGE))
    }

    fn reset(&mut self, domain_label: &[u8]) {
        self.0.append_bytes(labels::DORY_LABEL, domain_label);
    }
}

/// `point` (most significant bit first) zero-padded in front to `num_vars` coordinates, in
/// `dory-pcs`'s order (least significant bit first).
pub(super) fn dory_point(point: &[Fr], num_vars: usize) -> Vec<ArkFr> {
    let pad = num_vars.saturating_sub(point.len());
    let mut out: Vec<ArkFr> = point.iter().rev().map(|x| ArkFr(*x)).collect();
    out.resize(out.len() + pad, ArkFr(Fr::ZERO));
    out
}

/// A polynomial of `n ≤ ν + σ` variables seen as the `2^ν × 2^σ` matrix of its zero-padding.
pub(super) struct MatrixView<'a> {
    pub poly: &'a MultilinearPolynomial<Fr>,
    pub num_vars: usize,
}

impl MatrixView<'_> {
    fn entry(&self, i: usize) -> ArkFr {
        ArkFr(if i < self.poly.len() {
            self.poly.get(i)
        } else {
            Fr::ZERO
        })
    }
}

impl Polynomial<ArkFr> for MatrixView<'_> {
    fn num_vars(&self) -> usize {
        self.num_vars
    }

    fn evaluate(&self, point: &[ArkFr]) -> ArkFr {
        // Back to most significant bit first; the padding coordinates come first.
        let ours: Vec<Fr> = point.iter().rev().map(|x| x.0).collect();
        let pad = ours.len().saturating_sub(self.poly.num_vars());
        let factor: Fr = ours[..pad].iter().map(|x| Fr::ONE - x).product();
        ArkFr(factor * self.poly.evaluate(&ours[pad..]))
    }

    fn commit<E, Mo, M1>(
        &self,
        nu: usize,
        sigma: usize,
        setup: &ProverSetup<E>,
    ) -> Result<(E::GT, Vec<E::G1>, ArkFr), DoryError>
    where
        E: PairingCurve,
        Mo: Mode,
        M1: DoryRoutines<E::G1>,
        E::G1: Group<Scalar = ArkFr>,
        E::GT: Group<Scalar = ArkFr>,
    {
        let cols = 1usize << sigma;
        let rows: Vec<E::G1> = (0..1usize << nu)
            .map(|i| {
                let row: Vec<ArkFr> = (0..cols).map(|j| self.entry(i * cols + j)).collect();
                M1::msm(&setup.g1_vec[..cols], &row)
            })
            .collect();
        let tier_2 = E::multi_pair_g2_setup(&rows, &setup.g2_vec[..rows.len()]);
        let blind: ArkFr = Mo::sample();
        Ok((Mo::mask(tier_2, &setup.ht, &blind), rows, blind))
    }
}

impl MultilinearLagrange<ArkFr> for MatrixView<'_> {
    fn vector_matrix_product(&self, left_vec: &[ArkFr], _nu: usize, sigma: usize) -> Vec<ArkFr> {
        let left: Vec<Fr> = left_vec.iter().map(|x| x.0).collect();
        matrix::row_combination(self.poly, &left, 1 << sigma)
            .into_iter()
            .map(ArkFr)
            .collect()
    }
}

/// `dory-pcs`'s G2 routines with faster scalar multiplications: the evaluation proof scales
/// thousands of G2 points, by one scalar each round (GLV, halving the doublings) and, for its
/// first message, one base by `2^σ` scalars (a table of the base's windowed multiples).
/// The results are the same group elements as `dory-pcs`'s own G2 routines (tested).
pub(super) struct G2Routines;

impl DoryRoutines<ArkG2> for G2Routines {
    fn msm(bases: &[ArkG2], scalars: &[ArkFr]) -> ArkG2 {
        dory_pcs::backends::arkworks::G2Routines::msm(bases, scalars)
    }

    fn fixed_base_vector_scalar_mul(base: &ArkG2, scalars: &[ArkFr]) -> Vec<ArkG2> {
        let scalars: Vec<Fr> = scalars.iter().map(|k| k.0).collect();
        base.0
            .batch_mul(&scalars)
            .into_iter()
            .map(|p| ArkG2(p.into_group()))
            .collect()
    }

    fn fixed_scalar_mul_bases_then_add(bases: &[ArkG2], vs: &mut [ArkG2], scalar: &ArkFr) {
        assert_eq!(bases.len(), vs.len(), "dory: fold of unequal lengths");
        cfg_iter_mut!(vs)
            .zip(cfg_iter!(bases))
            .for_each(|(v, base)| v.0 += glv_mul(base.0, scalar.0));
    }

    fn fixed_scalar_mul_vs_then_add(vs: &mut [ArkG2], addends: &[ArkG2], scalar: &ArkFr) {
        assert_eq!(addends.len(), vs.len(), "dory: fold of unequal lengths");
        cfg_iter_mut!(vs)
            .zip(cfg_iter!(addends))
            .for_each(|(v, addend)| v.0 = glv_mul(v.0, scalar.0) + addend.0);
    }
}

fn glv_mul(p: G2Projective, k: Fr) -> G2Projective {
    <ark_bn254::g2::Config as GLVConfig>::glv_mul_projective(p, k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_std::{test_rng, UniformRand};
    use dory_pcs::backends::arkworks::G2Routines as DoryG2Routines;

    #[test]
    fn g2_routines_equal_dory_pcs_routines() {
        let mut rng = test_rng();
        for n in [1usize, 7, 64] {
            let points = |rng: &mut _| -> Vec<ArkG2> {
                (0..n).map(|_| ArkG2(G2Projective::rand(rng))).collect()
            };
            let (bases, vs) = (points(&mut rng), points(&mut rng));
            let scalars: Vec<ArkFr> = (0..n).map(|_| ArkFr(Fr::rand(&mut rng))).collect();
            let k = scalars[0];
            assert_eq!(
                G2Routines::fixed_base_vector_scalar_mul(&bases[0], &scalars),
                DoryG2Routines::fixed_base_vector_scalar_mul(&bases[0], &scalars)
            );
            let (mut ours, mut theirs) = (vs.clone(), vs.clone());
            G2Routines::fixed_scalar_mul_bases_then_add(&bases, &mut ours, &k);
            DoryG2Routines::fixed_scalar_mul_bases_then_add(&bases, &mut theirs, &k);
            assert_eq!(ours, theirs);
            G2Routines::fixed_scalar_mul_vs_then_add(&mut ours, &bases, &k);
            DoryG2Routines::fixed_scalar_mul_vs_then_add(&mut theirs, &bases, &k);
            assert_eq!(ours, theirs);
        }
    }
}
