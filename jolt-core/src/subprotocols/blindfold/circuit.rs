//! The verifier's checks over hidden values, written as a rank-1 constraint system.
//!
//! A zero-knowledge prover sends Pedersen commitments in place of its messages: each message
//! is one **row** of at most [`ROW_WIDTH`] field elements, committed as
//! `Σ_j v_j G_j + β H` ([`super::pedersen`]). The verifier, which sees only the commitments,
//! records each check it would have made on the cleartext values as a constraint over the
//! row entries instead. Prover and verifier build the same [`Circuit`] by running the same
//! code: the verifier's circuit holds the row commitments, the prover's also the values, the
//! blinds, and the values of the products the checks need.
//!
//! Variables are the entries of the **witness grid** `W`: the message rows in the order they
//! were sent, then the auxiliary rows (the outputs of [`Circuit::product`], [`ROW_WIDTH`] to a
//! row, committed when the circuit is proven). A [`Lc`] is a linear form in the variables plus
//! a constant; each constraint is `⟨a, z⟩ · ⟨b, z⟩ = ⟨c, z⟩` with the constant on the slot
//! of `z` that holds 1 (see [`super::r1cs`] for the layout).
//!
//! # Soundness
//! The circuit's shape and coefficients must depend only on public data and challenges, never
//! on a hidden value, so that the verifier builds exactly the prover's circuit; every hidden
//! value a check reads must be a variable of a committed row.

use super::pedersen::PedersenGenerators;
use crate::field::Fr;
use crate::transcript::{Absorb, Transcript};
use ark_bn254::G1Affine;
use ark_ff::{AdditiveGroup, Field};
use ark_std::rand::{CryptoRng, RngCore};
use std::ops::{Add, Mul, Sub};

/// Entries per row of the witness grid (a round polynomial of degree ≤ 7 fits one row).
pub const ROW_WIDTH: usize = 8;
/// `log2(ROW_WIDTH)`.
pub const LOG_ROW_WIDTH: usize = 3;

/// A variable of the witness grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Var {
    /// Entry `col` of message row `row`.
    Message {
        /// The message row's index, in the order sent.
        row: usize,
        /// The entry in the row.
        col: usize,
    },
    /// The `k`-th auxiliary value (a product's output).
    Aux(usize),
}

/// A linear form `Σ c_i · x_i + constant` in the grid's variables.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lc {
    pub(super) terms: Vec<(Var, Fr)>,
    pub(super) constant: Fr,
}

impl Lc {
    /// The constant `c`.
    pub fn constant(c: Fr) -> Self {
        Self {
            terms: Vec::new(),
            constant: c,
        }
    }

    fn var(v: Var) -> Self {
        Self {
            terms: vec![(v, Fr::ONE)],
            constant: Fr::ZERO,
        }
    }

    /// `Σ_k weights[k] · forms[k]`.
    pub fn combination<'a>(forms: impl IntoIterator<Item = &'a Lc>, weights: &[Fr]) -> Lc {
        let mut out = Lc::default();
        for (f, w) in forms.into_iter().zip(weights) {
            out.add_scaled(f, *w);
        }
        out
    }

    /// `self += s · other`.
    pub fn add_scaled(&mut self, other: &Lc, s: Fr) {
        self.terms
            .extend(other.terms.iter().map(|(v, c)| (*v, *c * s)));
        self.constant += other.constant * s;
    }
}

impl Add<&Lc> for &Lc {
    type Output = Lc;
    fn add(self, rhs: &Lc) -> Lc {
        let mut out = self.clone();
        out.add_scaled(rhs, Fr::ONE);
        out
    }
}

impl Sub<&Lc> for &Lc {
    type Output = Lc;
    fn sub(self, rhs: &Lc) -> Lc {
        let mut out = self.clone();
        out.add_scaled(rhs, -Fr::ONE);
        out
    }
}

impl Mul<Fr> for &Lc {
    type Output = Lc;
    fn mul(self, s: Fr) -> Lc {
        let mut out = Lc::default();
        out.add_scaled(self, s);
        out
    }
}

/// One constraint `⟨a, z⟩ · ⟨b, z⟩ = ⟨c, z⟩`.
#[derive(Clone, Debug)]
pub(super) struct Constraint {
    pub(super) a: Lc,
    pub(super) b: Lc,
    pub(super) c: Lc,
}

/// The prover's side of the grid: the message rows' values and blinds, and the auxiliary
/// values.
#[derive(Clone, Debug, Default)]
pub(super) struct GridWitness {
    pub(super) rows: Vec<[Fr; ROW_WIDTH]>,
    pub(super) blinds: Vec<Fr>,
    pub(super) aux: Vec<Fr>,
}

impl GridWitness {
    fn value(&self, lc: &Lc) -> Fr {
        lc.terms.iter().fold(lc.constant, |acc, (v, c)| {
            let x = match *v {
                Var::Message { row, col } => self.rows.get(row).map_or(Fr::ZERO, |r| r[col]),
                Var::Aux(k) => self.aux.get(k).copied().unwrap_or(Fr::ZERO),
            };
            acc + x * c
        })
    }
}

/// The checks over a proof's hidden messages (see the module documentation).
#[derive(Clone, Debug, Default)]
pub struct Circuit {
    /// The commitment of each message row, in the order sent.
    pub(super) row_commitments: Vec<G1Affine>,
    pub(super) constraints: Vec<Constraint>,
    pub(super) num_aux: usize,
    /// `Some` on the prover's side.
    pub(super) witness: Option<GridWitness>,
}

impl Circuit {
    /// The prover's circuit, which records values and blinds.
    pub fn for_prover() -> Self {
        Self {
            witness: Some(GridWitness::default()),
            ..Self::default()
        }
    }

    /// The verifier's circuit, which records only commitments and constraints.
    pub fn for_verifier() -> Self {
        Self::default()
    }

    /// Number of message rows so far.
    pub fn num_message_rows(&self) -> usize {
        self.row_commitments.len()
    }

    fn new_row(&mut self, commitment: G1Affine, width: usize) -> Vec<Lc> {
        let row = self.row_commitments.len();
        self.row_commitments.push(commitment);
        (0..width.min(ROW_WIDTH))
            .map(|col| Lc::var(Var::Message { row, col }))
            .collect()
    }

    /// Prover: commits to the message `values` as a new row under a fresh blind. Returns the
    /// commitment (to send and absorb) and one variable per value.
    ///
    /// # Panics
    /// On a verifier's circuit, or for more than [`ROW_WIDTH`] values.
    #[allow(clippy::expect_used)]
    pub fn prover_row<R: RngCore + CryptoRng>(
        &mut self,
        values: &[Fr],
        generators: &PedersenGenerators,
        rng: &mut R,
    ) -> (G1Affine, Vec<Lc>) {
        assert!(
            values.len() <= ROW_WIDTH,
            "a message row holds at most {ROW_WIDTH} values"
        );
        let (commitment, blind) = generators.commit_hiding(values, rng);
        let witness = self.witness.as_mut().expect("a prover's circuit");
        let mut row = [Fr::ZERO; ROW_WIDTH];
        row[..values.len()].copy_from_slice(values);
        witness.rows.push(row);
        witness.blinds.push(blind);
        (commitment, self.new_row(commitment, values.len()))
    }

    /// Prover: the blind of the last message row committed (`None` before any, or on a
    /// verifier's circuit).
    pub fn last_row_blind(&self) -> Option<Fr> {
        self.witness.as_ref()?.blinds.last().copied()
    }

    /// Verifier: a message row received as `commitment`, of which the first `width` entries
    /// are read (at most [`ROW_WIDTH`]).
    pub fn verifier_row(&mut self, commitment: G1Affine, width: usize) -> Vec<Lc> {
        self.new_row(commitment, width)
    }

    /// Prover: commits `values` as consecutive rows of [`ROW_WIDTH`], absorbing each
    /// commitment under `label`. Returns the commitments and one variable per value.
    ///
    /// # Panics
    /// On a verifier's circuit.
    pub fn prover_rows<R: RngCore + CryptoRng>(
        &mut self,
        values: &[Fr],
        label: &'static [u8],
        generators: &PedersenGenerators,
        transcript: &mut Transcript,
        rng: &mut R,
    ) -> (Vec<G1Affine>, Vec<Lc>) {
        let mut rows = Vec::with_capacity(values.len().div_ceil(ROW_WIDTH));
        let mut vars = Vec::with_capacity(values.len());
        for chunk in values.chunks(ROW_WIDTH) {
            let (row, v) = self.prover_row(chunk, generators, rng);
            transcript.append(label, &row);
            rows.push(row);
            vars.extend(v);
        }
        (rows, vars)
    }

    /// Verifier: the rows of [`Self::prover_rows`] for `count` values, each absorbed under
    /// `label`. `None` unless there are `⌈count / ROW_WIDTH⌉` rows.
    pub fn verifier_rows(
        &mut self,
        rows: &[G1Affine],
        count: usize,
        label: &'static [u8],
        transcript: &mut Transcript,
    ) -> Option<Vec<Lc>> {
        if rows.len() != count.div_ceil(ROW_WIDTH) {
            return None;
        }
        let mut vars = Vec::with_capacity(count);
        for (k, row) in rows.iter().enumerate() {
            vars.extend(self.new_row(*row, (count - k * ROW_WIDTH).min(ROW_WIDTH)));
            transcript.append(label, row);
        }
        Some(vars)
    }

    /// A new variable constrained to `a · b`.
    pub fn product(&mut self, a: &Lc, b: &Lc) -> Lc {
        let k = self.num_aux;
        self.num_aux += 1;
        if let Some(w) = self.witness.as_mut() {
            let v = w.value(a) * w.value(b);
            w.aux.push(v);
        }
        let out = Lc::var(Var::Aux(k));
        self.constraints.push(Constraint {
            a: a.clone(),
            b: b.clone(),
            c: out.clone(),
        });
        out
    }

    /// The constraint `a ≠ 0`, as `a · a⁻¹ = 1` with a new variable for `a⁻¹` (the prover's
    /// `0` for `a = 0`, which leaves the circuit unsatisfied).
    pub fn assert_nonzero(&mut self, a: &Lc) {
        let k = self.num_aux;
        self.num_aux += 1;
        if let Some(w) = self.witness.as_mut() {
            let v = w.value(a).inverse().unwrap_or(Fr::ZERO);
            w.aux.push(v);
        }
        self.constraints.push(Constraint {
            a: a.clone(),
            b: Lc::var(Var::Aux(k)),
            c: Lc::constant(Fr::ONE),
        });
    }

    /// The constraint `a = b`.
    pub fn assert_equal(&mut self, a: &Lc, b: &Lc) {
        self.constraints.push(Constraint {
            a: a - b,
            b: Lc::constant(Fr::ONE),
            c: Lc::default(),
        });
    }

    /// The prover's value of `lc` (`None` on a verifier's circuit).
    pub fn value(&self, lc: &Lc) -> Option<Fr> {
        self.witness.as_ref().map(|w| w.value(lc))
    }

    /// Prover: every value of every message row, in order (the cleartext messages a
    /// transparent proof would have sent; `None` on a verifier's circuit).
    pub fn message_values(&self) -> Option<Vec<Fr>> {
        let w = self.witness.as_ref()?;
        Some(w.rows.iter().flatten().copied().collect())
    }

    /// Prover: whether every constraint holds on the recorded values (`None` on a verifier's
    /// circuit).
    pub fn is_satisfied(&self) -> Option<bool> {
        let w = self.witness.as_ref()?;
        Some(
            self.constraints
                .iter()
                .all(|c| w.value(&c.a) * w.value(&c.b) == w.value(&c.c)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn prover_and_verifier_build_the_same_constraints() {
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
        let mut prover = Circuit::for_prover();
        let (c, xs) = prover.prover_row(&[Fr::from(3u64), Fr::from(5u64)], &gens, &mut rng);
        let p = prover.product(&xs[0], &xs[1]);
        prover.assert_equal(&p, &Lc::constant(Fr::from(15u64)));
        assert_eq!(prover.value(&p), Some(Fr::from(15u64)));
        assert_eq!(prover.is_satisfied(), Some(true));

        let mut verifier = Circuit::for_verifier();
        let ys = verifier.verifier_row(c, 2);
        let q = verifier.product(&ys[0], &ys[1]);
        verifier.assert_equal(&q, &Lc::constant(Fr::from(15u64)));
        assert_eq!(ys, xs);
        assert_eq!(p, q);
        assert_eq!(verifier.constraints.len(), prover.constraints.len());
        assert_eq!(verifier.row_commitments, prover.row_commitments);
        assert_eq!(verifier.is_satisfied(), None);

        prover.assert_equal(&xs[0], &Lc::constant(Fr::from(4u64)));
        assert_eq!(prover.is_satisfied(), Some(false));
    }
}
