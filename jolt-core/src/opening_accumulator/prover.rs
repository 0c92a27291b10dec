//! The prover's accumulator.

use super::eq_sumcheck::EqSumcheck;
use super::{absorb_and_group, claim_coefficients, padding_factor, BatchedOpeningProof};
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::subprotocols::sumcheck::{self, SumcheckInstance};
use crate::transcript::{labels, Absorb, Sample, Transcript};
use std::marker::PhantomData;

/// One claim `poly(point) = value`.
struct ProverClaim {
    poly: MultilinearPolynomial<Fr>,
    point: Vec<Fr>,
    value: Fr,
}

/// Gathers the prover's evaluation claims and proves them with one opening.
pub struct ProverOpeningAccumulator<PCS: CommitmentScheme> {
    claims: Vec<ProverClaim>,
    _pcs: PhantomData<PCS>,
}

impl<PCS: CommitmentScheme> Default for ProverOpeningAccumulator<PCS> {
    fn default() -> Self {
        Self::new()
    }
}

impl<PCS: CommitmentScheme> ProverOpeningAccumulator<PCS> {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self {
            claims: Vec::new(),
            _pcs: PhantomData,
        }
    }

    /// Number of accumulated claims.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// True if no claim was accumulated.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// Adds the claim `poly(point) = value` (the value must be correct; checked in debug
    /// builds).
    pub fn append(&mut self, poly: MultilinearPolynomial<Fr>, point: Vec<Fr>, value: Fr) {
        assert_eq!(
            poly.num_vars(),
            point.len(),
            "accumulator: point has the wrong length"
        );
        debug_assert_eq!(
            poly.evaluate(&point),
            value,
            "accumulator: wrong claimed value"
        );
        self.claims.push(ProverClaim { poly, point, value });
    }

    /// One instance per group of claims at one point `r_g`, over `C_g = Σ_{i ∈ g} β_g^j p_i`:
    /// `Σ_x eq(r_g, x)·C_g(x) = Σ_{i ∈ g} β_g^j v_i` with the claims' `values`.
    pub(super) fn eq_instances(
        &self,
        groups: &[Vec<usize>],
        betas: &[Vec<Fr>],
        values: &[Fr],
    ) -> Vec<EqSumcheck<Fr>> {
        groups
            .iter()
            .zip(betas)
            .map(|(members, beta)| {
                let polys: Vec<&MultilinearPolynomial<Fr>> =
                    members.iter().map(|i| &self.claims[*i].poly).collect();
                let combined = MultilinearPolynomial::linear_combination(&polys, beta).into();
                let point = self.claims[members[0]].point.clone();
                let claim: Fr = members.iter().zip(beta).map(|(i, b)| *b * values[*i]).sum();
                EqSumcheck::new(point, combined, claim)
            })
            .collect()
    }

    /// The claims' polynomials and points.
    pub(super) fn claims(&self) -> impl Iterator<Item = (&MultilinearPolynomial<Fr>, &[Fr])> {
        self.claims.iter().map(|c| (&c.poly, c.point.as_slice()))
    }

    /// Proves every accumulated claim (see the module documentation).
    #[tracing::instrument(skip_all, name = "opening proof", fields(claims = self.claims.len()))]
    pub fn prove(
        self,
        setup: &PCS::ProverSetup,
        transcript: &mut Transcript,
    ) -> BatchedOpeningProof<PCS> {
        assert!(!self.claims.is_empty(), "accumulator: nothing to prove");
        // 1. Batched sumcheck, one instance per distinct point r_g, over the group's
        //    combination C_g = Σ_{i ∈ g} β_g^j p_i:  Σ_x eq(r_g, x)·C_g(x) = Σ_{i ∈ g} β_g^j v_i.
        let (groups, betas) = absorb_and_group(
            self.claims.iter().map(|c| (c.point.as_slice(), &c.value)),
            transcript,
        );
        let span = tracing::info_span!("combinations").entered();
        let values: Vec<Fr> = self.claims.iter().map(|c| c.value).collect();
        let mut instances = self.eq_instances(&groups, &betas, &values);
        drop(span);
        let span = tracing::info_span!("batching sumcheck").entered();
        let mut refs: Vec<&mut dyn SumcheckInstance<Fr>> = instances
            .iter_mut()
            .map(|i| i as &mut dyn SumcheckInstance<Fr>)
            .collect();
        let (sumcheck, rho, _) = sumcheck::prove_batched(&mut refs, transcript);
        drop(span);
        // 2. c_g = C_g(ρ_g), the suffix of ρ of the group's length.
        let evals: Vec<Fr> = instances.iter().map(|inst| inst.final_evals()[1]).collect();
        drop(instances);
        transcript.append_scalars(labels::ACCUMULATOR_EVALS, &evals);
        // 3. One opening of P = Σ_g γ^g C'_g = Σ_i k_i p_i at ρ (C'_g zero-padded at the end
        //    to ρ's length), combined again from the claims' own (mostly compact) polynomials.
        let gamma: Vec<Fr> = transcript.challenge_powers(labels::ACCUMULATOR_COMBINE, groups.len());
        let claim_coeffs = claim_coefficients(&groups, &betas, &gamma, self.claims.len());
        let claim_polys: Vec<&MultilinearPolynomial<Fr>> =
            self.claims.iter().map(|c| &c.poly).collect();
        let span = tracing::info_span!("combined").entered();
        let combined: MultilinearPolynomial<Fr> =
            MultilinearPolynomial::linear_combination(&claim_polys, &claim_coeffs).into();
        drop(span);
        debug_assert_eq!(
            combined.evaluate(&rho),
            groups
                .iter()
                .zip(&evals)
                .zip(&gamma)
                .map(|((g, c), k)| { *k * padding_factor(&rho, self.claims[g[0]].point.len()) * c })
                .sum::<Fr>()
        );
        let opening = PCS::open_combination(
            setup,
            &claim_polys,
            &claim_coeffs,
            &combined,
            &rho,
            transcript,
        );
        BatchedOpeningProof {
            sumcheck,
            evals: evals.into(),
            opening,
        }
    }
}
