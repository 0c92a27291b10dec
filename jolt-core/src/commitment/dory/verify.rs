//! The verifier of Dory's transparent evaluation proof, with its group operations deferred.
//!
//! # What it checks
//! Exactly `dory-pcs`'s transparent verifier (Eval-VMV-RE, Lee 2021, §3–4): the same messages
//! absorbed in the same order with the same labels, the same challenges, and the same final
//! equation
//! ```text
//!   e(E_1 + d·Γ_{1,0}, E_2 + d⁻¹·Γ_{2,0}) · e(H_1, −γ·(E_2' + d⁻¹s_1·Γ_{2,0}))
//!     · e(−γ⁻¹·(E_1' + d·s_2·Γ_{1,0}), H_2) · e(d²·E_{1,init}, Γ_{2,0})
//!   = C' · χ_0 · HT^{s_1 s_2} · D_2'^d · D_1'^{d⁻¹} · D_{2,init}^{d²}
//! ```
//! where `(E_1, E_2)` is the final message and `C', D_1', D_2', E_1', E_2'` the verifier's
//! state after the `σ` reduce rounds. Each round `k = σ, …, 1` updates
//! ```text
//!   C  ← C + χ_k + β·D_2 + β⁻¹·D_1 + α·C_+ + α⁻¹·C_−
//!   D_1 ← D_{1R} + α·D_{1L} + αβ·Δ_{1L,k} + β·Δ_{1R,k}
//!   D_2 ← D_{2R} + α⁻¹·D_{2L} + α⁻¹β⁻¹·Δ_{2L,k} + β⁻¹·Δ_{2R,k}
//!   E_1 ← E_1 + β·E_{1β} + α·E_{1+} + α⁻¹·E_{1−}
//!   E_2 ← E_2 + β⁻¹·E_{2β} + α·E_{2+} + α⁻¹·E_{2−}
//! ```
//! (additive notation in `GT`), starting from `C = C_vmv`, `D_1 =` the commitment,
//! `D_2 = D_{2,vmv}`, `E_1 = E_{1,vmv}`, `E_2 = v·Γ_{2,0}` for the claimed value `v`.
//!
//! # Why deferred
//! Every update is linear in the messages, and the transcript absorbs messages only, never
//! the state. So the state is kept as lists of terms (message or setup element, scalar) and
//! each side of the final equation is computed once: one multi-exponentiation in `GT`, one
//! MSM in each of G1 and G2, and one multi-pairing, instead of three small
//! multi-exponentiations and six scalar multiplications per round. The group elements
//! compared are the same as in `dory-pcs`'s verifier, so the two accept the same proofs
//! (tested on honest and tampered proofs).
//!
//! # Soundness obligations
//! The caller checks the proof's shape against `(ν, σ)` derived from its own setup and the
//! point, absorbs the point and the value, and decodes every `GT` element with its membership
//! check ([`super::gt`]). Zero challenges (`α`, `β`, `γ` or `d`, which have no inverse) reject.
//!
//! Bit order: `point` is in `dory-pcs`'s order (least significant bit first), its first `σ`
//! coordinates picking the column.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use super::bridge::DoryTranscript;
use super::gt::Gt;
use super::proof::DoryProof;
use crate::commitment::scheme::OpeningError;
use crate::field::Fr;
use ark_bn254::{Bn254, Fq12, G1Affine, G1Projective, G2Affine, G2Projective};
use ark_ec::pairing::{Pairing, PairingOutput};
use ark_ec::{AffineRepr, CurveGroup, VariableBaseMSM};
use ark_ff::{Field, One, Zero};
use dory_pcs::backends::arkworks::{ArkFr, ArkG1, ArkG2, ArkGT, BN254};
use dory_pcs::primitives::arithmetic::PairingCurve;
use dory_pcs::primitives::transcript::Transcript as _;
use dory_pcs::VerifierSetup;

/// A linear combination `Σ k_i·x_i` kept as its terms.
struct Terms<T> {
    bases: Vec<T>,
    scalars: Vec<Fr>,
}

impl<T: Copy> Terms<T> {
    fn new() -> Self {
        Self {
            bases: Vec::new(),
            scalars: Vec::new(),
        }
    }

    fn push(&mut self, base: T, k: Fr) {
        self.bases.push(base);
        self.scalars.push(k);
    }

    /// Adds `k` times the combination `other`.
    fn add_scaled(&mut self, other: &Terms<T>, k: Fr) {
        self.bases.extend_from_slice(&other.bases);
        self.scalars.extend(other.scalars.iter().map(|s| *s * k));
    }

    /// Multiplies every coefficient by `k`.
    fn scale(&mut self, k: Fr) {
        self.scalars.iter_mut().for_each(|s| *s *= k);
    }
}

fn gt_sum(terms: &Terms<Gt>) -> Fq12 {
    let bases: Vec<ArkGT> = terms.bases.iter().map(|x| ArkGT(x.0)).collect();
    let scalars: Vec<ArkFr> = terms.scalars.iter().map(|k| ArkFr(*k)).collect();
    BN254::gt_msm(&bases, &scalars).0 .0
}

fn g1_sum(terms: &Terms<G1Affine>) -> G1Projective {
    G1Projective::msm_unchecked(&terms.bases, &terms.scalars)
}

fn g2_sum(terms: &Terms<G2Affine>) -> G2Projective {
    G2Projective::msm_unchecked(&terms.bases, &terms.scalars)
}

fn inverse(x: Fr) -> Result<Fr, OpeningError> {
    x.inverse().ok_or(OpeningError::PairingCheck)
}

fn challenge(transcript: &mut DoryTranscript, label: &[u8]) -> Fr {
    transcript.challenge_scalar(label).0
}

/// Checks `proof` of `value` at `point` (`dory-pcs`'s order, `ν + σ` coordinates, `ν ≤ σ`)
/// against `commitment`; the shape `(ν, σ)` and the proof's round count are the caller's to
/// check (module doc).
pub(super) fn verify(
    setup: &VerifierSetup<BN254>,
    commitment: &Gt,
    value: Fr,
    point: &[Fr],
    nu: usize,
    proof: &DoryProof,
    transcript: &mut DoryTranscript,
) -> Result<(), OpeningError> {
    let sigma = proof.first.len();
    if point.len() != nu + sigma || nu > sigma || proof.second.len() != sigma {
        return Err(OpeningError::ProofShape("dory: point and rounds disagree"));
    }
    if sigma > setup.max_log_n / 2 {
        return Err(OpeningError::ProofShape("dory: more rounds than the setup"));
    }
    // Setup element `k` of one of its lists, and coordinate `i` of the point.
    let at = |list: &[ArkGT], k: usize| {
        list.get(k)
            .map(|x| Gt(x.0))
            .ok_or(OpeningError::ProofShape("dory: more rounds than the setup"))
    };
    let coordinate = |i: usize| {
        point
            .get(i)
            .copied()
            .ok_or(OpeningError::ProofShape("dory: point and rounds disagree"))
    };
    let (g1_0, g2_0) = (setup.g1_0.0.into_affine(), setup.g2_0.0.into_affine());
    transcript.append_serde(b"vmv_c", &ArkGT(proof.vmv_c.0));
    transcript.append_serde(b"vmv_d2", &ArkGT(proof.vmv_d2.0));
    transcript.append_serde(b"vmv_e1", &ArkG1(proof.vmv_e1.into_group()));

    let mut c = Terms::new();
    c.push(proof.vmv_c, Fr::one());
    let mut d1 = Terms::new();
    d1.push(*commitment, Fr::one());
    let mut d2 = Terms::new();
    d2.push(proof.vmv_d2, Fr::one());
    let mut e1 = Terms::new();
    e1.push(proof.vmv_e1, Fr::one());
    let mut e2 = Terms::new();
    e2.push(g2_0, value);
    let (mut s1, mut s2) = (Fr::one(), Fr::one());
    for (round, (first, second)) in proof.first.iter().zip(proof.second.iter()).enumerate() {
        for (label, x) in [
            (&b"d1_left"[..], &first.d1_left),
            (b"d1_right", &first.d1_right),
            (b"d2_left", &first.d2_left),
            (b"d2_right", &first.d2_right),
        ] {
            transcript.append_serde(label, &ArkGT(x.0));
        }
        transcript.append_serde(b"e1_beta", &ArkG1(first.e1_beta.into_group()));
        transcript.append_serde(b"e2_beta", &ArkG2(first.e2_beta.into_group()));
        let beta = challenge(transcript, b"beta");
        transcript.append_serde(b"c_plus", &ArkGT(second.c_plus.0));
        transcript.append_serde(b"c_minus", &ArkGT(second.c_minus.0));
        transcript.append_serde(b"e1_plus", &ArkG1(second.e1_plus.into_group()));
        transcript.append_serde(b"e1_minus", &ArkG1(second.e1_minus.into_group()));
        transcript.append_serde(b"e2_plus", &ArkG2(second.e2_plus.into_group()));
        transcript.append_serde(b"e2_minus", &ArkG2(second.e2_minus.into_group()));
        let alpha = challenge(transcript, b"alpha");
        let (alpha_inv, beta_inv) = (inverse(alpha)?, inverse(beta)?);

        let k = sigma - round;
        c.push(at(&setup.chi, k)?, Fr::one());
        c.add_scaled(&d2, beta);
        c.add_scaled(&d1, beta_inv);
        c.push(second.c_plus, alpha);
        c.push(second.c_minus, alpha_inv);
        d1 = Terms::new();
        d1.push(first.d1_right, Fr::one());
        d1.push(first.d1_left, alpha);
        d1.push(at(&setup.delta_1l, k)?, alpha * beta);
        d1.push(at(&setup.delta_1r, k)?, beta);
        d2 = Terms::new();
        d2.push(first.d2_right, Fr::one());
        d2.push(first.d2_left, alpha_inv);
        d2.push(at(&setup.delta_2l, k)?, alpha_inv * beta_inv);
        d2.push(at(&setup.delta_2r, k)?, beta_inv);
        e1.push(first.e1_beta, beta);
        e1.push(second.e1_plus, alpha);
        e1.push(second.e1_minus, alpha_inv);
        e2.push(first.e2_beta, beta_inv);
        e2.push(second.e2_plus, alpha);
        e2.push(second.e2_minus, alpha_inv);

        // The folded evaluation scalars, most significant coordinate first; the row
        // coordinates beyond ν are zero.
        let y = coordinate(k - 1)?;
        let x = if k - 1 < nu {
            coordinate(sigma + k - 1)?
        } else {
            Fr::zero()
        };
        s1 *= alpha * (Fr::one() - y) + y;
        s2 *= alpha_inv * (Fr::one() - x) + x;
    }

    let gamma = challenge(transcript, b"gamma");
    transcript.append_serde(b"final_e1", &ArkG1(proof.final_e1.into_group()));
    transcript.append_serde(b"final_e2", &ArkG2(proof.final_e2.into_group()));
    let d = challenge(transcript, b"d");
    let (gamma_inv, d_inv) = (inverse(gamma)?, inverse(d)?);
    let d_sq = d * d;

    // Right side: C' + χ_0 + s_1 s_2·HT + d·D_2' + d⁻¹·D_1' + d²·D_{2,init}.
    c.push(at(&setup.chi, 0)?, Fr::one());
    c.push(Gt(setup.ht.0), s1 * s2);
    c.add_scaled(&d2, d);
    c.add_scaled(&d1, d_inv);
    c.push(proof.vmv_d2, d_sq);
    let rhs = gt_sum(&c);

    // Left side: the four pairings.
    let p1_g1 = proof.final_e1.into_group() + g1_0 * d;
    let p1_g2 = proof.final_e2.into_group() + g2_0 * d_inv;
    e2.push(g2_0, d_inv * s1);
    e2.scale(-gamma);
    let p2_g2 = g2_sum(&e2);
    e1.push(g1_0, d * s2);
    e1.scale(-gamma_inv);
    let p3_g1 = g1_sum(&e1);
    let p4_g1 = proof.vmv_e1 * d_sq;
    let g1 = G1Projective::normalize_batch(&[p1_g1, setup.h1.0, p3_g1, p4_g1]);
    let g2 = G2Projective::normalize_batch(&[p1_g2, p2_g2, setup.h2.0, g2_0.into_group()]);
    let PairingOutput(lhs) = Bn254::multi_pairing(g1, g2);
    if lhs == rhs {
        Ok(())
    } else {
        Err(OpeningError::PairingCheck)
    }
}
