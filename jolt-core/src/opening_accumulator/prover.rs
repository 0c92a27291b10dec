//! The prover's accumulator.

use super::{absorb_and_group, padding_factor, BatchedOpeningProof};
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::sumcheck::{self, ProductSumcheck, SumcheckInstance};
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

    /// Proves every accumulated claim (see the module documentation).
    pub fn prove(
        self,
        setup: &PCS::ProverSetup,
        transcript: &mut Transcript,
    ) -> BatchedOpeningProof<PCS> {
        assert!(!self.claims.is_empty(), "accumulator: nothing to prove");
        // 1. Batched sumcheck, one instance per distinct point r_g:
        //    Σ_x eq(r_g, x) · Σ_{i ∈ g} β_g^j p_i(x) = Σ_{i ∈ g} β_g^j v_i.
        let (groups, betas) = absorb_and_group(
            self.claims.iter().map(|c| (c.point.as_slice(), &c.value)),
            transcript,
        );
        // Each group's polynomials are combined first, so its sumcheck runs over two
        // polynomials (eq and the combination) whatever the group's size.
        let mut instances: Vec<_> = groups
            .iter()
            .zip(&betas)
            .map(|(members, beta)| {
                let point = &self.claims[members[0]].point;
                let polys: Vec<&MultilinearPolynomial<Fr>> =
                    members.iter().map(|i| &self.claims[*i].poly).collect();
                let combined = MultilinearPolynomial::linear_combination(&polys, beta);
                let claim: Fr = members
                    .iter()
                    .zip(beta)
                    .map(|(i, b)| *b * self.claims[*i].value)
                    .sum();
                let eq: MultilinearPolynomial<Fr> = EqPolynomial::evals(point).into();
                ProductSumcheck::new(vec![eq, combined.into()], 2, claim, |v: &[Fr]| v[0] * v[1])
            })
            .collect();
        let mut refs: Vec<&mut dyn SumcheckInstance<Fr>> = instances
            .iter_mut()
            .map(|i| i as &mut dyn SumcheckInstance<Fr>)
            .collect();
        let (sumcheck, rho, _) = sumcheck::prove_batched(&mut refs, transcript);
        // 2. y_i = p_i(ρ_g), in the order of the claims (one eq table per group).
        let mut evals = vec![Fr::from(0u64); self.claims.len()];
        for members in &groups {
            let n = self.claims[members[0]].point.len();
            let eq_rho = EqPolynomial::evals(&rho[rho.len() - n..]);
            for i in members {
                evals[*i] = self.claims[*i].poly.dot(&eq_rho);
            }
        }
        debug_assert!(groups
            .iter()
            .zip(&betas)
            .zip(&instances)
            .all(|((members, beta), inst)| {
                let combined: Fr = members.iter().zip(beta).map(|(i, b)| *b * evals[*i]).sum();
                inst.final_evals()[1] == combined
            }));
        transcript.append_scalars(labels::ACCUMULATOR_EVALS, &evals);
        // 3. One opening of Σ γ^i p'_i at ρ.
        let gamma: Vec<Fr> =
            transcript.challenge_powers(labels::ACCUMULATOR_COMBINE, self.claims.len());
        let polys: Vec<&MultilinearPolynomial<Fr>> = self.claims.iter().map(|c| &c.poly).collect();
        let combined: MultilinearPolynomial<Fr> =
            MultilinearPolynomial::linear_combination(&polys, &gamma).into();
        debug_assert_eq!(
            combined.evaluate(&rho),
            self.claims
                .iter()
                .zip(&evals)
                .zip(&gamma)
                .map(|((c, y), g)| *g * padding_factor(&rho, c.point.len()) * y)
                .sum::<Fr>()
        );
        let opening = PCS::open(setup, &combined, &rho, transcript);
        BatchedOpeningProof {
            sumcheck,
            evals: evals.into(),
            opening,
        }
    }
}
