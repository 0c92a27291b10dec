//! The zero-knowledge opening accumulator (Dory only): the reduction of the [module
//! documentation](super) with every value hidden.
//!
//! Claims `p_i(r_i) = v_i` carry `v_i` as a linear form over committed message rows of a
//! [`Circuit`], and the commitments are hiding ([`crate::commitment::dory::zk`]).
//! 1. The points are absorbed (they are public); the claims are grouped and the `β_g` drawn.
//! 2. The batched sumcheck `Σ_x eq(r_g, x) · C_g(x) = Σ_{i ∈ g} β_g^j v_i` runs with committed
//!    rounds ([`crate::subprotocols::blindfold::sumcheck`]); its input claims are the hidden `Σ β_g^j v_i`.
//! 3. The `c_g = C_g(ρ_g)` are sent as message rows; the circuit records the sumcheck's final
//!    check `c_n = Σ_g ρ'_g · eq(r_g, ρ_g) · c_g` (batching coefficients `ρ'_g`).
//! 4. With `γ`, the value `y = Σ_g γ^g · Π_{j < n − n_g}(1 − ρ_j) · c_g` of `P = Σ_g γ^g C'_g`
//!    is sent as a message row and recorded as that linear constraint; the zero-knowledge Dory
//!    proof of `P` at `ρ` (commitment `Σ_i γ^{g(i)} β_g^{j(i)} com_i`, blind combined alike)
//!    yields `y_com`, and an [`equality`] proof ties `y_com` to the row of `y`.
//!
//! # Soundness
//! As the transparent accumulator, with each cleartext check replaced by a circuit constraint
//! over committed values; the circuit's [`BlindFoldProof`](crate::subprotocols::blindfold::BlindFoldProof)
//! must be verified by the caller. The equality proof makes the opened value the committed `y`.
//!
//! # Zero knowledge
//! Only points, commitments and Σ-protocol messages are absorbed or sent; every value is a
//! hiding row commitment or inside the zero-knowledge Dory proof.
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

use super::{
    claim_coefficients, group_and_draw, merge_commitments, padding_factor, AccumulatorError,
    ProverOpeningAccumulator,
};
use crate::commitment::dory::zk::{open_combination_zk, value_generators, verify_zk, ZkDoryProof};
use crate::commitment::dory::{Dory, DorySetup, Gt};
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::blindfold::equality::{self, EqualityProof};
use crate::subprotocols::blindfold::sumcheck::CommittedSumcheckProof;
use crate::subprotocols::blindfold::sumcheck::{self as committed, CommittedClaim};
use crate::subprotocols::blindfold::{BlindFoldError, Circuit, Lc, PedersenGenerators, ROW_WIDTH};
use crate::subprotocols::sumcheck::SumcheckInstance;
use crate::transcript::{labels, Absorb, Sample, Transcript};
use crate::utils::serialization::SafeVec;
use ark_bn254::G1Affine;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

const VALUE: &[u8] = b"accumulator_value_row";

/// The zero-knowledge proof of all accumulated claims.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkOpeningProof {
    /// The committed batched sumcheck.
    pub sumcheck: CommittedSumcheckProof,
    /// The rows of the `c_g`, [`ROW_WIDTH`] to a row.
    pub evals: SafeVec<G1Affine>,
    /// The row of the opened value `y`.
    pub value: G1Affine,
    /// The zero-knowledge Dory proof of the combination.
    pub opening: ZkDoryProof,
    /// `y_com` and the value row hold the same `y`.
    pub equality: EqualityProof,
}

/// The sumcheck's final check over the rows of the `c_g`, and the opened value as a linear
/// form in them.
fn record_checks(
    circuit: &mut Circuit,
    reduced: &CommittedClaim,
    points: &[&[Fr]],
    evals: &[Lc],
    gamma: &[Fr],
) -> Result<Lc, AccumulatorError> {
    let mut expected = Lc::default();
    let mut value = Lc::default();
    for (k, ((point, c), g)) in points.iter().zip(evals).zip(gamma).enumerate() {
        let rho_g = reduced
            .point
            .get(reduced.point.len().saturating_sub(point.len())..)
            .ok_or(AccumulatorError::Empty)?;
        let weight = reduced.coefficients.get(k).copied().unwrap_or_default();
        expected.add_scaled(c, weight * EqPolynomial::evaluate(point, rho_g));
        value.add_scaled(c, *g * padding_factor(&reduced.point, point.len()));
    }
    circuit.assert_equal(&reduced.value, &expected);
    Ok(value)
}

/// Gathers the prover's claims with hidden values and proves them with one opening.
pub struct ZkProverAccumulator {
    clear: ProverOpeningAccumulator<Dory>,
    values: Vec<Fr>,
    hidden: Vec<Lc>,
    blinds: Vec<Fr>,
}

impl Default for ZkProverAccumulator {
    fn default() -> Self {
        Self::new()
    }
}

impl ZkProverAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self {
            clear: ProverOpeningAccumulator::new(),
            values: Vec::new(),
            hidden: Vec::new(),
            blinds: Vec::new(),
        }
    }

    /// Adds `poly(point) = value`, where `value` is the circuit's `hidden` and `poly` was
    /// committed with the blind `blind`.
    pub fn append(
        &mut self,
        poly: MultilinearPolynomial<Fr>,
        point: Vec<Fr>,
        value: Fr,
        hidden: Lc,
        blind: Fr,
    ) {
        self.clear.append(poly, point, value);
        self.values.push(value);
        self.hidden.push(hidden);
        self.blinds.push(blind);
    }

    /// Proves every claim (see the module documentation), recording the checks in `circuit`.
    ///
    /// # Panics
    /// With no claims, or on a verifier's circuit.
    #[allow(clippy::expect_used, clippy::indexing_slicing)]
    pub fn prove<R: RngCore + CryptoRng>(
        self,
        setup: &DorySetup,
        circuit: &mut Circuit,
        generators: &PedersenGenerators,
        transcript: &mut Transcript,
        rng: &mut R,
    ) -> ZkOpeningProof {
        assert!(!self.values.is_empty(), "accumulator: nothing to prove");
        let points: Vec<&[Fr]> = self.clear.claims().map(|(_, p)| p).collect();
        for p in &points {
            transcript.append_scalars(labels::OPENING_POINT, p);
        }
        let (groups, betas) = group_and_draw(points.iter().copied(), transcript);
        let mut instances = self.clear.eq_instances(&groups, &betas, &self.values);
        let claims: Vec<Lc> = groups
            .iter()
            .zip(&betas)
            .map(|(members, beta)| Lc::combination(members.iter().map(|i| &self.hidden[*i]), beta))
            .collect();
        let mut refs: Vec<&mut dyn SumcheckInstance<Fr>> = instances
            .iter_mut()
            .map(|i| i as &mut dyn SumcheckInstance<Fr>)
            .collect();
        let (sumcheck, reduced) =
            committed::prove(&mut refs, &claims, circuit, generators, transcript, rng);
        let evals: Vec<Fr> = instances.iter().map(|i| i.final_evals()[1]).collect();
        drop(instances);
        let (rows, eval_vars) = circuit.prover_rows(
            &evals,
            labels::ACCUMULATOR_EVALS,
            generators,
            transcript,
            rng,
        );
        let gamma: Vec<Fr> = transcript.challenge_powers(labels::ACCUMULATOR_COMBINE, groups.len());
        let group_points: Vec<&[Fr]> = groups.iter().map(|g| points[g[0]]).collect();
        let value = record_checks(circuit, &reduced, &group_points, &eval_vars, &gamma)
            .expect("the prover's points are the reduced point's suffixes");
        let y = circuit.value(&value).expect("a prover's circuit");
        let (value_row, y_var) = circuit.prover_row(&[y], generators, rng);
        let value_blind = circuit.last_row_blind().expect("a row was committed");
        transcript.append(VALUE, &value_row);
        circuit.assert_equal(&y_var[0], &value);

        let coeffs = claim_coefficients(&groups, &betas, &gamma, self.values.len());
        let polys: Vec<&MultilinearPolynomial<Fr>> = self.clear.claims().map(|(p, _)| p).collect();
        let combined: MultilinearPolynomial<Fr> =
            MultilinearPolynomial::linear_combination(&polys, &coeffs).into();
        let blind: Fr = coeffs.iter().zip(&self.blinds).map(|(k, b)| *k * b).sum();
        let (opening, r_y) = open_combination_zk(
            setup,
            &polys,
            &coeffs,
            &combined,
            blind,
            &reduced.point,
            transcript,
        );
        let equality = equality::prove(
            y,
            (value_generators(reduced.point.len()), r_y),
            (
                generators.scalar_bases().expect("row generators"),
                value_blind,
            ),
            transcript,
            rng,
        );
        ZkOpeningProof {
            sumcheck,
            evals: rows.into(),
            value: value_row,
            opening,
            equality,
        }
    }
}

/// Gathers the verifier's claims with hidden values and checks them against one opening.
#[derive(Default)]
pub struct ZkVerifierAccumulator {
    claims: Vec<(Gt, Vec<Fr>, Lc)>,
}

impl ZkVerifierAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds "the polynomial committed (hiding) in `commitment` evaluates to `value` at
    /// `point`".
    pub fn append(&mut self, commitment: Gt, point: Vec<Fr>, value: Lc) {
        self.claims.push((commitment, point, value));
    }

    /// Verifies the opening, recording its checks in `circuit` (whose BlindFold proof the
    /// caller verifies).
    pub fn verify(
        &self,
        setup: &DorySetup,
        proof: &ZkOpeningProof,
        circuit: &mut Circuit,
        generators: &PedersenGenerators,
        transcript: &mut Transcript,
    ) -> Result<(), AccumulatorError> {
        if self.claims.is_empty() {
            return Err(AccumulatorError::Empty);
        }
        for (_, p, _) in &self.claims {
            transcript.append_scalars(labels::OPENING_POINT, p);
        }
        let (groups, betas) =
            group_and_draw(self.claims.iter().map(|(_, p, _)| p.as_slice()), transcript);
        let mut claims = Vec::with_capacity(groups.len());
        let mut group_points: Vec<&[Fr]> = Vec::with_capacity(groups.len());
        for (members, beta) in groups.iter().zip(&betas) {
            let mut hidden = Vec::with_capacity(members.len());
            for i in members {
                hidden.push(&self.claims.get(*i).ok_or(AccumulatorError::Empty)?.2);
            }
            let point = members
                .first()
                .and_then(|i| self.claims.get(*i))
                .map(|(_, p, _)| p.as_slice())
                .ok_or(AccumulatorError::Empty)?;
            claims.push((Lc::combination(hidden, beta), point.len()));
            group_points.push(point);
        }
        let reduced = committed::verify(&claims, 2, &proof.sumcheck, circuit, transcript)
            .map_err(AccumulatorError::BlindFold)?;
        let eval_vars = circuit
            .verifier_rows(
                &proof.evals,
                groups.len(),
                labels::ACCUMULATOR_EVALS,
                transcript,
            )
            .ok_or(AccumulatorError::WrongNumberOfEvals {
                expected: groups.len().div_ceil(ROW_WIDTH),
                got: proof.evals.len(),
            })?;
        let gamma: Vec<Fr> = transcript.challenge_powers(labels::ACCUMULATOR_COMBINE, groups.len());
        let value = record_checks(circuit, &reduced, &group_points, &eval_vars, &gamma)?;
        let y_var = circuit.verifier_row(proof.value, 1);
        transcript.append(VALUE, &proof.value);
        circuit.assert_equal(y_var.first().ok_or(AccumulatorError::Empty)?, &value);

        let coeffs = claim_coefficients(&groups, &betas, &gamma, self.claims.len());
        let all: Vec<&Gt> = self.claims.iter().map(|(c, _, _)| c).collect();
        let (commitments, merged) = merge_commitments(&all, &coeffs);
        let combined = Dory::combine_commitments(&commitments, &merged)
            .ok_or(AccumulatorError::CommitmentShape)?;
        let y_com = verify_zk(setup, &combined, &reduced.point, &proof.opening, transcript)?;
        let bases = generators
            .scalar_bases()
            .ok_or(AccumulatorError::CommitmentShape)?;
        equality::verify(
            (value_generators(reduced.point.len()), y_com),
            (bases, proof.value),
            &proof.equality,
            transcript,
        )
        .map_err(AccumulatorError::BlindFold)
    }
}

impl From<BlindFoldError> for AccumulatorError {
    fn from(e: BlindFoldError) -> Self {
        AccumulatorError::BlindFold(e)
    }
}
