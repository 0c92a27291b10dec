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
use ark_ff::{AdditiveGroup, Field as _};
use dory_pcs::backends::arkworks::{ArkFr, BN254};
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
