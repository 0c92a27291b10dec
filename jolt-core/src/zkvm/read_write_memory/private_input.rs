//! Private input: a commitment to the private input region, and the opening that adds its
//! contents to the RAM's initial values without the verifier seeing them.
//!
//! The private input region ([`jolt_common::MemoryLayout::private_input_start`]) is `K` whole
//! pages at the bottom of guest memory, sharing no page with a public word; they are the
//! first listed pages of every proof's RAM ([`super::MemoryInit`]), slots `1..=K`. The
//! verifier's initial RAM ([`super::MemoryInit::init_mle`]) holds zeros there; the proof
//! supplies the rest:
//! ```text
//!   V_init(r) = V_public(r) + V_private(r),   V_private(r) = Σ_{k=1..K} Σ_o eq(r, (k, o))·P_k[o]
//! ```
//!
//! # Commitment and opening
//! The proof carries one page commitment per private page
//! ([`super::page_commitments`]: Pedersen, under generators hashed to the curve), and proves
//! `V_private(r)` at the memory check's cell point with the page opening's inner-product
//! argument ([`super::page_commitments::verify_opening`]), as a resumed segment opens its
//! starting RAM.
//!
//! # Soundness
//! The commitments must be absorbed before any challenge ([`append_commitments`], right after
//! the statement). Every word a commitment can hold is a private word (whole pages), so
//! whatever the prover commits is just another private input: the public words stay the
//! verifier's. Not hiding: a commitment to a guessable input can be recognised (the
//! zero-knowledge mode blinds it).
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

use super::page_commitments::PageCommitment;
use super::LOG_PAGE;
use crate::commitment::ipa::IpaProof;
use crate::transcript::{Absorb, Transcript};
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use jolt_common::MemoryLayout;

const COMMITMENTS: &[u8] = b"zkvm_private_input";

/// The private input's part of a proof: the page commitments (absorbed with the statement)
/// and the opening at the RAM cell point (after the memory check).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct PrivateInputProof {
    /// The commitments of the private pages, slots `1..=K` in order.
    pub pages: SafeVec<PageCommitment>,
    /// `V_private` at the RAM cell point, with its proof.
    pub opening: IpaProof,
}

/// The pages of the private input region of `layout` (0 without private input).
pub fn private_pages(layout: &MemoryLayout) -> usize {
    (layout.private_input_capacity() as usize) >> (LOG_PAGE + 2)
}

/// Absorbs the page commitments (both sides, right after the statement).
pub fn append_commitments(pages: &[PageCommitment], transcript: &mut Transcript) {
    transcript.append_u64(COMMITMENTS, pages.len() as u64);
    for c in pages {
        transcript.append(COMMITMENTS, c);
    }
}
