//! The GKR of the [module documentation](super) in zero knowledge: every message is a
//! committed row of a BlindFold [`Circuit`], and every check the verifier makes is recorded
//! as a constraint.
//!
//! * The outputs are rows ([`ROW_WIDTH`] values to a row); the caller's checks on them (equal
//!   multiset fingerprints, `q ≠ 0`) are its own constraints on the returned forms.
//! * Round `j` of layer `m` commits the three values `q_j(0), q_j(1), q_j(2)` as one row; the
//!   constraints are `(1 − r_j)·q_j(0) + r_j·q_j(1) = c_j` and
//!   `c_{j+1} = q_j(s_j) = Σ_i ℓ_i(s_j)·q_j(i)` (Lagrange weights on 0, 1, 2: linear).
//! * The layer's claims `L_b(s), R_b(s)` are rows; the layer check `c_m = Σ_b T_b` costs one
//!   product per product vector or unit fraction and three per fraction vector; the next
//!   claims `L + μ(R − L)` are linear.
//! * A single unit fraction's output numerator is constrained to 1.
//!
//! # Soundness
//! The constraints are the transparent verifier's equations over committed values under the
//! same challenges, so a satisfied circuit (BlindFold) gives the transparent soundness. The
//! transcript absorbs the commitments where the transparent proof absorbs the values.
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

use super::leaves::Input;
use super::prove::{prove_with, split_by, Channel};
use super::{GrandProductError, InputKind, Shape};
use crate::field::Fr;
use crate::subprotocols::blindfold::{Circuit, Lc, PedersenGenerators, ROW_WIDTH};
use crate::transcript::{labels, Absorb, Sample, Transcript};
use crate::utils::serialization::SafeVec;
use ark_bn254::G1Affine;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

/// One layer: a row per round, then the rows of the claims `L ‖ R`.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkLayerProof {
    /// The rows `(q_j(0), q_j(1), q_j(2))`.
    pub rounds: SafeVec<G1Affine>,
    /// The rows of the components of every `L_b(s)`, then every `R_b(s)`.
    pub claims: SafeVec<G1Affine>,
}

/// A zero-knowledge batched GKR proof.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkGrandProductProof {
    /// The rows of the outputs.
    pub outputs: SafeVec<G1Affine>,
    /// Layers from the output down.
    pub layers: SafeVec<ZkLayerProof>,
}

/// What a zero-knowledge GKR reduces to (as [`super::GrandProductClaim`], with hidden values).
#[derive(Clone, Debug)]
pub struct ZkGrandProductClaim {
    /// Each vector's outputs, which the caller MUST constrain.
    pub outputs: Vec<Vec<Lc>>,
    /// Each input vector's point.
    pub points: Vec<Vec<Fr>>,
    /// Each vector's input claims at its point, which the caller MUST open.
    pub input_claims: Vec<Vec<Lc>>,
}

/// The verifier's state over hidden values, shared by the zero-knowledge prover (which
/// records the same constraints) and verifier.
struct Tracker {
    claims: Vec<Vec<Lc>>,
    active: Vec<usize>,
    lambda: Vec<Vec<Fr>>,
    running: Lc,
}

impl Tracker {
    fn new(outputs: &[Lc], widths: &[usize]) -> Self {
        Self {
            claims: split_by(outputs, widths),
            active: Vec::new(),
            lambda: Vec::new(),
            running: Lc::default(),
        }
    }

    /// A new layer over the `active` vectors with coefficients `lambda`.
    fn start_layer(&mut self, active: &[usize], lambda: Vec<Vec<Fr>>) {
        let mut claim = Lc::default();
        for (b, l) in active.iter().zip(&lambda) {
            if let Some(c) = self.claims.get(*b) {
                claim.add_scaled(&Lc::combination(c, l), Fr::ONE);
            }
        }
        self.active = active.to_vec();
        self.lambda = lambda;
        self.running = claim;
    }

    /// A round over the committed `q = (q(0), q(1), q(2))`.
    fn round(&mut self, circuit: &mut Circuit, q: &[Lc], rj: Fr, s: Fr) {
        let [q0, q1, q2] = q else { return };
        let mut sum = q0 * (Fr::ONE - rj);
        sum.add_scaled(q1, rj);
        circuit.assert_equal(&sum, &self.running);
        // Lagrange weights on 0, 1, 2 at s.
        let half = Fr::from(2u64).inverse().unwrap_or(Fr::ZERO);
        let weights = [
            (s - Fr::ONE) * (s - Fr::from(2u64)) * half,
            -s * (s - Fr::from(2u64)),
            s * (s - Fr::ONE) * half,
        ];
        self.running = Lc::combination([q0, q1, q2], &weights);
    }

    /// The layer check over the claims `L ‖ R` (components `widths` per vector), then the
    /// next claims `L + μ(R − L)`.
    fn end_layer(&mut self, circuit: &mut Circuit, claims: &[Lc], widths: &[usize], mu: Fr) {
        let total: usize = widths.iter().sum();
        let (left, right) = claims.split_at(total.min(claims.len()));
        let (left, right) = (split_by(left, widths), split_by(right, widths));
        let mut combined = Lc::default();
        for ((l, r), lam) in left.iter().zip(&right).zip(&self.lambda) {
            combined.add_scaled(&term(circuit, l, r, lam), Fr::ONE);
        }
        circuit.assert_equal(&self.running, &combined);
        for ((b, l), r) in self.active.iter().zip(&left).zip(&right) {
            if let Some(c) = self.claims.get_mut(*b) {
                *c = l
                    .iter()
                    .zip(r)
                    .map(|(l, r)| {
                        let mut x = l * (Fr::ONE - mu);
                        x.add_scaled(r, mu);
                        x
                    })
                    .collect();
            }
        }
    }
}

/// A vector's term `T_b` over committed components (the transparent verifier's `term`).
fn term(circuit: &mut Circuit, l: &[Lc], r: &[Lc], lambda: &[Fr]) -> Lc {
    match (l, r, lambda) {
        ([l], [r], [a]) => &circuit.product(l, r) * *a,
        ([pl, ql], [pr, qr], [a, b]) => {
            let mut t = &circuit.product(pl, qr) * *a;
            t.add_scaled(&circuit.product(pr, ql), *a);
            t.add_scaled(&circuit.product(ql, qr), *b);
            t
        }
        ([ql], [qr], [a, b]) => {
            let mut t = &(ql + qr) * *a;
            t.add_scaled(&circuit.product(ql, qr), *b);
            t
        }
        // Unreachable: the shapes were checked.
        _ => Lc::default(),
    }
}

/// The zero-knowledge prover's channel.
struct Committed<'c, R> {
    circuit: &'c mut Circuit,
    generators: &'c PedersenGenerators,
    transcript: &'c mut Transcript,
    rng: &'c mut R,
    tracker: Option<Tracker>,
    outputs: Vec<G1Affine>,
    output_vars: Vec<Lc>,
    output_widths: Vec<usize>,
    layers: Vec<ZkLayerProof>,
}

impl<R: RngCore + CryptoRng> Channel<Fr> for Committed<'_, R> {
    fn outputs(&mut self, outputs: &[Vec<Fr>]) {
        self.output_widths = outputs.iter().map(Vec::len).collect();
        let (rows, vars) = self.circuit.prover_rows(
            &outputs.concat(),
            labels::GRAND_PRODUCT_OUTPUTS,
            self.generators,
            self.transcript,
            self.rng,
        );
        self.tracker = Some(Tracker::new(&vars, &self.output_widths));
        (self.outputs, self.output_vars) = (rows, vars);
    }

    fn batching(&mut self, active: &[usize], widths: &[usize]) -> Vec<Vec<Fr>> {
        let powers: Vec<Fr> = self
            .transcript
            .challenge_powers(labels::GRAND_PRODUCT_LAYER_BATCHING, widths.iter().sum());
        let lambda = split_by(&powers, widths);
        if let Some(t) = self.tracker.as_mut() {
            t.start_layer(active, lambda.clone());
        }
        self.layers.push(ZkLayerProof {
            rounds: Vec::new().into(),
            claims: Vec::new().into(),
        });
        lambda
    }

    fn round(&mut self, q: [Fr; 3], rj: Fr) -> Fr {
        let (row, vars) = self.circuit.prover_row(&q, self.generators, self.rng);
        self.transcript
            .append(labels::GRAND_PRODUCT_LAYER_ROUND, &row);
        let s: Fr = self
            .transcript
            .challenge_scalar(labels::GRAND_PRODUCT_ROUND_CHALLENGE);
        if let Some(t) = self.tracker.as_mut() {
            t.round(self.circuit, &vars, rj, s);
        }
        if let Some(layer) = self.layers.last_mut() {
            layer.rounds.0.push(row);
        }
        s
    }

    fn layer_claims(&mut self, left: &[Fr], right: &[Fr], widths: &[usize]) -> Fr {
        let values = [left, right].concat();
        let (rows, vars) = self.circuit.prover_rows(
            &values,
            labels::GRAND_PRODUCT_LAYER_CLAIMS,
            self.generators,
            self.transcript,
            self.rng,
        );
        let mu: Fr = self
            .transcript
            .challenge_scalar(labels::GRAND_PRODUCT_LAYER_CHALLENGE);
        if let Some(t) = self.tracker.as_mut() {
            t.end_layer(self.circuit, &vars, widths, mu);
        }
        if let Some(layer) = self.layers.last_mut() {
            layer.claims = rows.into();
        }
        mu
    }
}

/// The output numerator of a single unit fraction is 1; a unit vector's input claims are its
/// denominators only.
fn unit_numerators(circuit: &mut Circuit, shapes: &[Shape], claims: &mut [Vec<Lc>]) {
    for (s, claim) in shapes.iter().zip(claims.iter_mut()) {
        if s.kind == (InputKind::Fraction { unit: true }) && claim.len() == 2 {
            if let (0, Some(numerator)) = (s.num_vars, claim.first()) {
                circuit.assert_equal(numerator, &Lc::constant(Fr::ONE));
            }
            claim.remove(0);
        }
    }
}

/// Proves the GKR of `inputs` in zero knowledge (see [`super::prove()`]). Returns the proof,
/// the claim (the hidden outputs for the caller's checks, and the points and hidden input
/// values the caller opens) and the prover's input values, vector by vector.
///
/// # Panics
/// As [`super::prove()`], or on a verifier's circuit.
#[allow(clippy::expect_used, clippy::indexing_slicing)]
pub fn prove_zk<'a, R: RngCore + CryptoRng, I: Into<Input<'a, Fr>>>(
    inputs: Vec<I>,
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
) -> (ZkGrandProductProof, ZkGrandProductClaim, Vec<Vec<Fr>>) {
    let inputs: Vec<Input<'a, Fr>> = inputs.into_iter().map(Into::into).collect();
    let shapes: Vec<Shape> = inputs.iter().map(Input::shape).collect();
    let mut channel = Committed {
        circuit,
        generators,
        transcript,
        rng,
        tracker: None,
        outputs: Vec::new(),
        output_vars: Vec::new(),
        output_widths: Vec::new(),
        layers: Vec::new(),
    };
    let (points, values) = prove_with(inputs, &mut channel);
    let tracker = channel.tracker.expect("the outputs were sent");
    let mut input_claims = tracker.claims;
    unit_numerators(channel.circuit, &shapes, &mut input_claims);
    let proof = ZkGrandProductProof {
        outputs: channel.outputs.into(),
        layers: channel.layers.into(),
    };
    let claim = ZkGrandProductClaim {
        outputs: split_by(&channel.output_vars, &channel.output_widths),
        points,
        input_claims,
    };
    (proof, claim, values)
}

/// Verifies a zero-knowledge GKR proof for vectors of the given shapes, recording the checks
/// in `circuit`.
pub fn verify_zk(
    shapes: &[Shape],
    proof: &ZkGrandProductProof,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
) -> Result<ZkGrandProductClaim, GrandProductError> {
    let k = shapes.len();
    if k == 0 {
        return Err(GrandProductError::Empty);
    }
    let output_widths: Vec<usize> = shapes.iter().map(|s| s.kind.output_width()).collect();
    let num_outputs: usize = output_widths.iter().sum();
    if proof.outputs.len() != num_outputs.div_ceil(ROW_WIDTH) {
        return Err(GrandProductError::WrongNumberOfOutputs {
            expected: num_outputs,
            got: proof.outputs.len(),
        });
    }
    let n = shapes.iter().map(|s| s.num_vars).max().unwrap_or(0);
    if proof.layers.len() != n {
        return Err(GrandProductError::WrongNumberOfLayers {
            expected: n,
            got: proof.layers.len(),
        });
    }
    let output_vars = circuit
        .verifier_rows(
            &proof.outputs,
            num_outputs,
            labels::GRAND_PRODUCT_OUTPUTS,
            transcript,
        )
        .ok_or(GrandProductError::WrongNumberOfOutputs {
            expected: num_outputs,
            got: proof.outputs.len(),
        })?;
    let mut tracker = Tracker::new(&output_vars, &output_widths);
    let mut points: Vec<Vec<Fr>> = vec![Vec::new(); k];
    let mut point: Vec<Fr> = Vec::new();
    for (layer, lp) in proof.layers.iter().enumerate() {
        for (b, s) in shapes.iter().enumerate() {
            if s.num_vars == layer {
                if let Some(p) = points.get_mut(b) {
                    *p = point.clone();
                }
            }
        }
        let active: Vec<usize> = (0..k)
            .filter(|b| shapes.get(*b).is_some_and(|s| s.num_vars > layer))
            .collect();
        let widths: Vec<usize> = active
            .iter()
            .map(|b| tracker.claims.get(*b).map_or(0, Vec::len))
            .collect();
        let below: Vec<usize> = active
            .iter()
            .filter_map(|b| shapes.get(*b).map(|s| s.width(layer + 1)))
            .collect();
        let num_claims = 2 * below.iter().sum::<usize>();
        if lp.rounds.len() != point.len() {
            return Err(GrandProductError::WrongNumberOfRounds {
                layer,
                expected: point.len(),
                got: lp.rounds.len(),
            });
        }
        if lp.claims.len() != num_claims.div_ceil(ROW_WIDTH) {
            return Err(GrandProductError::LayerShape {
                layer,
                expected: num_claims / 2,
            });
        }
        let powers: Vec<Fr> =
            transcript.challenge_powers(labels::GRAND_PRODUCT_LAYER_BATCHING, widths.iter().sum());
        tracker.start_layer(&active, split_by(&powers, &widths));
        let mut challenges = Vec::with_capacity(point.len());
        for (row, rj) in lp.rounds.iter().zip(&point) {
            let vars = circuit.verifier_row(*row, 3);
            transcript.append(labels::GRAND_PRODUCT_LAYER_ROUND, row);
            let s: Fr = transcript.challenge_scalar(labels::GRAND_PRODUCT_ROUND_CHALLENGE);
            tracker.round(circuit, &vars, *rj, s);
            challenges.push(s);
        }
        let vars = circuit
            .verifier_rows(
                &lp.claims,
                num_claims,
                labels::GRAND_PRODUCT_LAYER_CLAIMS,
                transcript,
            )
            .ok_or(GrandProductError::LayerShape {
                layer,
                expected: num_claims / 2,
            })?;
        let mu: Fr = transcript.challenge_scalar(labels::GRAND_PRODUCT_LAYER_CHALLENGE);
        tracker.end_layer(circuit, &vars, &below, mu);
        point = std::iter::once(mu).chain(challenges).collect();
    }
    for (b, s) in shapes.iter().enumerate() {
        if s.num_vars == n {
            if let Some(p) = points.get_mut(b) {
                *p = point.clone();
            }
        }
    }
    let mut input_claims = tracker.claims;
    unit_numerators(circuit, shapes, &mut input_claims);
    Ok(ZkGrandProductClaim {
        outputs: split_by(&output_vars, &output_widths),
        points,
        input_claims,
    })
}
