//! The encoding of a Dory opening proof: the messages of `dory-pcs`'s transparent evaluation
//! proof in arkworks types, with bounded decoding ([`SafeVec`]) and `GT` membership checks
//! ([`Gt`]). The matrix shape `(ν, σ)` is not encoded: the verifier derives it from its setup
//! and the point.

use super::gt::Gt;
use crate::utils::serialization::{impl_canonical_fields, SafeVec};
use ark_bn254::{G1Affine, G2Affine};
use ark_ec::{AffineRepr, CurveGroup};
use dory_pcs::backends::arkworks::{ArkDoryProof, ArkG1, ArkG2, ArkGT};

/// The first message of a reduce round: `D_{1L}, D_{1R}, D_{2L}, D_{2R}, E_{1β}, E_{2β}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstRound {
    /// `D_{1L} = ⟨v_{1L}, Γ_2'⟩`: the left half of the prover's G1 vector paired with the first
    /// half of the G2 generators.
    pub d1_left: Gt,
    /// `D_{1R} = ⟨v_{1R}, Γ_2'⟩`: the right half of the G1 vector against the same generators.
    pub d1_right: Gt,
    /// `D_{2L} = ⟨Γ_1', v_{2L}⟩`: the first half of the G1 generators paired with the left half
    /// of the prover's G2 vector.
    pub d2_left: Gt,
    /// `D_{2R} = ⟨Γ_1', v_{2R}⟩`: the same generators against the right half of the G2 vector.
    pub d2_right: Gt,
    /// `E_{1β} = ⟨Γ_1, s_2⟩`: the G1 generators weighted by the right-hand evaluation scalars.
    pub e1_beta: G1Affine,
    /// `E_{2β} = ⟨Γ_2, s_1⟩`: the G2 generators weighted by the left-hand evaluation scalars.
    pub e2_beta: G2Affine,
}

/// The second message of a reduce round: `C_±, E_{1±}, E_{2±}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondRound {
    /// `C_+ = ⟨v_{1L}, v_{2R}⟩`, after the first challenge `β` has been applied to `v_1, v_2`.
    pub c_plus: Gt,
    /// `C_- = ⟨v_{1R}, v_{2L}⟩`, the other cross term.
    pub c_minus: Gt,
    /// `E_{1+} = ⟨v_{1L}, s_{2R}⟩`: the G1 cross term with the scalar vectors.
    pub e1_plus: G1Affine,
    /// `E_{1-} = ⟨v_{1R}, s_{2L}⟩`.
    pub e1_minus: G1Affine,
    /// `E_{2+} = ⟨v_{2R}, s_{1L}⟩`: the G2 cross term with the scalar vectors.
    pub e2_plus: G2Affine,
    /// `E_{2-} = ⟨v_{2L}, s_{1R}⟩`.
    pub e2_minus: G2Affine,
}

/// A Dory opening proof: the VMV message `(C, D_2, E_1)`, `σ` reduce rounds and the folded
/// witness `(E_1, E_2)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoryProof {
    /// VMV `C = e(⟨T, Lᵀ M⟩, Γ_{2,fin})`: the row commitments `T` combined by the row-folded
    /// matrix `Lᵀ M`, paired with the last G2 generator.
    pub vmv_c: Gt,
    /// VMV `D_2 = e(⟨Γ_1[..2^σ], Lᵀ M⟩, Γ_{2,fin})`: the column vector `Lᵀ M` committed
    /// against the G1 generators.
    pub vmv_d2: Gt,
    /// VMV `E_1 = ⟨T, L⟩`: the row commitments folded by the row weights `L`.
    pub vmv_e1: G1Affine,
    /// The first message of each reduce round, one per round (`σ` rounds), in round order.
    pub first: SafeVec<FirstRound>,
    /// The second message of each reduce round, in the same order as [`Self::first`].
    pub second: SafeVec<SecondRound>,
    /// The folded G1 witness `E_1` that the final pairing check opens.
    pub final_e1: G1Affine,
    /// The folded G2 witness `E_2` that the final pairing check opens.
    pub final_e2: G2Affine,
}

impl_canonical_fields!([] FirstRound where [] {
    d1_left, d1_right, d2_left, d2_right, e1_beta, e2_beta
});
impl_canonical_fields!([] SecondRound where [] {
    c_plus, c_minus, e1_plus, e1_minus, e2_plus, e2_minus
});
impl_canonical_fields!([] DoryProof where [] {
    vmv_c, vmv_d2, vmv_e1, first, second, final_e1, final_e2
});

pub(super) fn g1(p: &ArkG1) -> G1Affine {
    p.0.into_affine()
}
pub(super) fn g2(p: &ArkG2) -> G2Affine {
    p.0.into_affine()
}
pub(super) fn gt(x: &ArkGT) -> Gt {
    Gt(x.0)
}
pub(super) fn ark_g1(p: &G1Affine) -> ArkG1 {
    ArkG1(p.into_group())
}
pub(super) fn ark_g2(p: &G2Affine) -> ArkG2 {
    ArkG2(p.into_group())
}
pub(super) fn ark_gt(x: &Gt) -> ArkGT {
    ArkGT(x.0)
}

/// The VMV message and the reduce rounds of a `dory-pcs` proof, in this crate's types.
pub(super) type Rounds = (
    (Gt, Gt, G1Affine),
    SafeVec<FirstRound>,
    SafeVec<SecondRound>,
);

/// The messages every `dory-pcs` proof has, transparent or zero-knowledge.
pub(super) fn rounds_from_dory(p: &ArkDoryProof) -> Rounds {
    (
        (
            gt(&p.vmv_message.c),
            gt(&p.vmv_message.d2),
            g1(&p.vmv_message.e1),
        ),
        p.first_messages
            .iter()
            .map(|m| FirstRound {
                d1_left: gt(&m.d1_left),
                d1_right: gt(&m.d1_right),
                d2_left: gt(&m.d2_left),
                d2_right: gt(&m.d2_right),
                e1_beta: g1(&m.e1_beta),
                e2_beta: g2(&m.e2_beta),
            })
            .collect::<Vec<_>>()
            .into(),
        p.second_messages
            .iter()
            .map(|m| SecondRound {
                c_plus: gt(&m.c_plus),
                c_minus: gt(&m.c_minus),
                e1_plus: g1(&m.e1_plus),
                e1_minus: g1(&m.e1_minus),
                e2_plus: g2(&m.e2_plus),
                e2_minus: g2(&m.e2_minus),
            })
            .collect::<Vec<_>>()
            .into(),
    )
}

/// A `dory-pcs` proof of a `2^nu × 2^sigma` matrix with these messages and neither a final
/// message nor zero-knowledge fields (the caller sets those).
pub(super) fn rounds_to_dory(
    (vmv_c, vmv_d2, vmv_e1): (&Gt, &Gt, &G1Affine),
    first: &[FirstRound],
    second: &[SecondRound],
    nu: usize,
    sigma: usize,
) -> ArkDoryProof {
    use dory_pcs::{FirstReduceMessage, SecondReduceMessage, VMVMessage};
    ArkDoryProof {
        vmv_message: VMVMessage {
            c: ark_gt(vmv_c),
            d2: ark_gt(vmv_d2),
            e1: ark_g1(vmv_e1),
        },
        first_messages: first
            .iter()
            .map(|m| FirstReduceMessage {
                d1_left: ark_gt(&m.d1_left),
                d1_right: ark_gt(&m.d1_right),
                d2_left: ark_gt(&m.d2_left),
                d2_right: ark_gt(&m.d2_right),
                e1_beta: ark_g1(&m.e1_beta),
                e2_beta: ark_g2(&m.e2_beta),
            })
            .collect(),
        second_messages: second
            .iter()
            .map(|m| SecondReduceMessage {
                c_plus: ark_gt(&m.c_plus),
                c_minus: ark_gt(&m.c_minus),
                e1_plus: ark_g1(&m.e1_plus),
                e1_minus: ark_g1(&m.e1_minus),
                e2_plus: ark_g2(&m.e2_plus),
                e2_minus: ark_g2(&m.e2_minus),
            })
            .collect(),
        final_message: None,
        nu,
        sigma,
        e2: None,
        y_com: None,
        sigma1_proof: None,
        sigma2_proof: None,
        scalar_product_proof: None,
    }
}

impl DoryProof {
    /// The encoding of a transparent `dory-pcs` proof; `None` if it has no final message
    /// (a zero-knowledge proof).
    pub(super) fn from_dory(p: &ArkDoryProof) -> Option<Self> {
        let fin = p.final_message.as_ref()?;
        let ((vmv_c, vmv_d2, vmv_e1), first, second) = rounds_from_dory(p);
        Some(Self {
            vmv_c,
            vmv_d2,
            vmv_e1,
            first,
            second,
            final_e1: g1(&fin.e1),
            final_e2: g2(&fin.e2),
        })
    }

    /// The `dory-pcs` proof of a `2^nu × 2^sigma` matrix carrying these messages.
    #[cfg(test)]
    pub(super) fn to_dory(&self, nu: usize, sigma: usize) -> ArkDoryProof {
        let mut proof = rounds_to_dory(
            (&self.vmv_c, &self.vmv_d2, &self.vmv_e1),
            &self.first,
            &self.second,
            nu,
            sigma,
        );
        proof.final_message = Some(dory_pcs::ScalarProductMessage {
            e1: ark_g1(&self.final_e1),
            e2: ark_g2(&self.final_e2),
        });
        proof
    }
}
