//! The private input region ([`super::private_input`]) in zero knowledge: one hiding Dory
//! commitment to the region, and a committed sumcheck that ties it to the hidden
//! `V_private(r_mem)` of the registers-and-RAM check ([`super::zk`]).
//!
//! The region's `K` pages (slots `1..=K` of the RAM) are the polynomial `P` over
//! `log K' + p` variables (`K'` = `K` rounded up to a power of two, `p` = [`LOG_PAGE`]):
//! `P[s·2^p + o]` is offset `o` of slot `s + 1`, and `P` is zero past the `K` pages. At the RAM
//! cell point `r_mem = (r_slot, r_o)`:
//! ```text
//!   V_private(r_mem) = Σ_{k=1..K} eq(r_slot, k)·P̃_{k−1}(r_o) = Σ_x C(x)·P(x),
//!   C(s, o) = c_s·eq(r_o, o),   c_s = eq(r_slot, s + 1) for s < K, else 0.
//! ```
//! A committed sumcheck of degree 2 over `log K' + p` rounds proves the right-hand sum equal to
//! the hidden `V_private`, and ends in `C̃(ρ)·P̃(ρ)` with `C̃(ρ) = (Σ_{s<K} c_s·eq(ρ_s, s))·
//! eq(r_o, ρ_o)` public and `P̃(ρ)` a hidden row the zero-knowledge accumulator opens.
//!
//! # Soundness
//! The commitment must be absorbed before `r_mem` is drawn (with the statement). Only the
//! weights `c_s` of the `K` private slots are non-zero, so whatever `P` holds elsewhere does
//! not count, and whatever it holds in the private slots is just another private input: the
//! public words stay the verifier's. The sumcheck is sound as any (degree 2, `2/|F|` a round).
//!
//! # Zero knowledge
//! The commitment is hiding, the rounds and `P̃(ρ)` are hiding rows.
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

use super::LOG_PAGE;
use crate::commitment::dory::Gt;
use crate::field::Fr;
use crate::opening_accumulator::zk::{ZkProverAccumulator, ZkVerifierAccumulator};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::blindfold::sumcheck::{self as committed, CommittedSumcheckProof};
use crate::subprotocols::blindfold::{BlindFoldError, Circuit, Lc, PedersenGenerators};
use crate::subprotocols::sumcheck::ProductSumcheck;
use crate::transcript::{Absorb, Transcript};
use ark_bn254::G1Affine;
use ark_ff::AdditiveGroup;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

const VALUE: &[u8] = b"private_input_value_row";
const REGION: &[u8] = b"private_input_region";

/// Absorbs the region's commitment (both sides, right after the statement).
pub fn append_commitment(commitment: &Gt, transcript: &mut Transcript) {
    transcript.append(REGION, commitment);
}

/// The private input's part of a zero-knowledge proof (the commitment travels with the other
/// commitments).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkPrivateInputProof {
    /// The hiding commitment to the region's polynomial `P` (absorbed with the statement).
    pub region: Gt,
    /// The committed sumcheck of `Σ_x C(x)·P(x) = V_private(r_mem)`.
    pub sumcheck: CommittedSumcheckProof,
    /// The row of `P̃(ρ)`.
    pub value: G1Affine,
}

/// `log2` of the slots `P` covers for `pages` private pages.
fn log_slots(pages: usize) -> usize {
    pages.max(1).next_power_of_two().trailing_zeros() as usize
}

/// The number of variables of `P` for `pages` private pages.
pub fn num_vars(pages: usize) -> usize {
    log_slots(pages) + LOG_PAGE
}

/// `P` of the RAM cells `cells` (slot-major, slots `0..=pages`; the null slot is skipped).
pub fn region_polynomial(cells: &[u64], pages: usize) -> MultilinearPolynomial<Fr> {
    let mut values = vec![0u64; 1 << num_vars(pages)];
    let region = cells.get(1 << LOG_PAGE..).unwrap_or_default();
    for (v, c) in values.iter_mut().zip(region.iter().take(pages << LOG_PAGE)) {
        *v = *c;
    }
    values.into()
}

/// The slot weights `c_s` and `r_o` of the cell point `r_mem`; `None` if it has fewer
/// coordinates than a page, or too few slots for `pages`.
fn weights(r_mem: &[Fr], pages: usize) -> Option<(Vec<Fr>, &[Fr])> {
    let (r_slot, r_o) = r_mem.split_at_checked(r_mem.len().checked_sub(LOG_PAGE)?)?;
    let eq = EqPolynomial::evals(r_slot);
    let mut c: Vec<Fr> = eq.get(1..=pages)?.to_vec();
    c.resize(1 << log_slots(pages), Fr::ZERO);
    Some((c, r_o))
}

/// `C̃(ρ)`.
fn weight_at(c: &[Fr], r_o: &[Fr], rho: &[Fr]) -> Option<Fr> {
    let (rho_s, rho_o) = rho.split_at_checked(rho.len().checked_sub(r_o.len())?)?;
    let slots: Fr = c
        .iter()
        .zip(EqPolynomial::evals(rho_s))
        .map(|(a, b)| *a * b)
        .sum();
    Some(slots * EqPolynomial::evaluate(r_o, rho_o))
}

/// Proves that the hidden `value` (`V_private(r_mem)`, the registers-and-RAM check's) is the
/// part of the initial RAM at `r_mem` of the region `region` (committed as `commitment` with
/// the blind `blind`).
///
/// # Panics
/// On a verifier's circuit, or if `r_mem` does not have the slots for `pages`.
#[allow(
    clippy::too_many_arguments,
    clippy::expect_used,
    clippy::indexing_slicing
)]
pub fn prove_zk<R: RngCore + CryptoRng>(
    (region, commitment, blind): (&MultilinearPolynomial<Fr>, Gt, Fr),
    pages: usize,
    (r_mem, value): (&[Fr], &Lc),
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
    accumulator: &mut ZkProverAccumulator,
) -> ZkPrivateInputProof {
    let (c, r_o) = weights(r_mem, pages).expect("a RAM point with the private slots");
    let eq_o = EqPolynomial::evals(r_o);
    let weight: Vec<Fr> = c
        .iter()
        .flat_map(|s| eq_o.iter().map(move |e| *s * e))
        .collect();
    let mut instance = ProductSumcheck::new_computing_claim(
        vec![weight.into(), region.clone()],
        2,
        |v: &[Fr]| v[0] * v[1],
    );
    let (sumcheck, reduced) = committed::prove(
        &mut [&mut instance],
        std::slice::from_ref(value),
        circuit,
        generators,
        transcript,
        rng,
    );
    drop(instance);
    let at = region.evaluate(&reduced.point);
    let (row, vars) = circuit.prover_row(&[at], generators, rng);
    transcript.append(VALUE, &row);
    let hidden = vars.into_iter().next().expect("one value");
    let w = weight_at(&c, r_o, &reduced.point).expect("the sumcheck's point");
    circuit.assert_equal(&reduced.value, &(&hidden * w));
    accumulator.append(region.clone(), reduced.point, at, hidden, blind);
    ZkPrivateInputProof {
        region: commitment,
        sumcheck,
        value: row,
    }
}

/// Verifies a [`ZkPrivateInputProof`] that the hidden `value` is the part of the initial RAM
/// at `r_mem` of the region committed in the proof (`pages` private pages), recording its
/// checks in `circuit` and its claim in `accumulator`.
#[allow(clippy::too_many_arguments)]
pub fn verify_zk(
    pages: usize,
    (r_mem, value): (&[Fr], &Lc),
    proof: &ZkPrivateInputProof,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
    accumulator: &mut ZkVerifierAccumulator,
) -> Result<(), BlindFoldError> {
    let shape = BlindFoldError::Shape("private input point");
    let (c, r_o) = weights(r_mem, pages).ok_or(shape.clone())?;
    let reduced = committed::verify(
        &[(value.clone(), num_vars(pages))],
        2,
        &proof.sumcheck,
        circuit,
        transcript,
    )?;
    let hidden = circuit
        .verifier_row(proof.value, 1)
        .into_iter()
        .next()
        .ok_or(shape.clone())?;
    transcript.append(VALUE, &proof.value);
    let w = weight_at(&c, r_o, &reduced.point).ok_or(shape)?;
    circuit.assert_equal(&reduced.value, &(&hidden * w));
    accumulator.append(proof.region, reduced.point, hidden);
    Ok(())
}
