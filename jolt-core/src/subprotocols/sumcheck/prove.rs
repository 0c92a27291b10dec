//! The sumcheck prover (see the [module documentation](super) for the protocol).

use super::SumcheckProof;
use crate::field::JoltField;
use crate::poly::{MultilinearPolynomial, UniPoly};
use crate::transcript::{labels, Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_into_iter, cfg_iter_mut};

/// One sumcheck statement `Σ_x g(x) = C` that the prover can run round by round.
pub trait SumcheckInstance<F: JoltField>: Send + Sync {
    /// Degree bound `d` of each round polynomial.
    fn degree(&self) -> usize;
    /// Number of variables `n`.
    fn num_rounds(&self) -> usize;
    /// The claimed sum `C`.
    fn input_claim(&self) -> F;
    /// Evaluations `h(0), h(1), …, h(d)` of the current round polynomial, given
    /// `previous_claim = h(0) + h(1)`.
    fn compute_round_evals(&self, previous_claim: F) -> Vec<F>;
    /// Binds the current variable to the round challenge `r`.
    fn bind(&mut self, r: F);
    /// After all rounds: the values of the underlying polynomials at the point `r`.
    fn final_evals(&self) -> Vec<F>;
}

/// Below this many terms per round, the round is computed serially.
const PARALLEL_TERMS: usize = 1 << 11;

/// `Σ_x comb(p_1(x), …, p_k(x)) = C` for multilinear `p_j` and a combining function `comb`
/// of total degree ≤ `degree` (e.g. `|v| v[0] * v[1] * v[2]` has degree 3).
pub struct ProductSumcheck<F, C> {
    polys: Vec<MultilinearPolynomial<F>>,
    degree: usize,
    num_rounds: usize,
    claim: F,
    comb: C,
}

impl<F, C> ProductSumcheck<F, C>
where
    F: JoltField,
    C: Fn(&[F]) -> F + Send + Sync,
{
    /// A statement over `polys` (all with the same number of variables) with claimed sum
    /// `claim`. Use [`ProductSumcheck::new_computing_claim`] to compute the sum.
    pub fn new(polys: Vec<MultilinearPolynomial<F>>, degree: usize, claim: F, comb: C) -> Self {
        assert!(!polys.is_empty(), "sumcheck needs at least one polynomial");
        let num_rounds = polys[0].num_vars();
        assert!(
            polys.iter().all(|p| p.num_vars() == num_rounds),
            "all polynomials must have the same number of variables"
        );
        assert!(degree >= 1, "degree must be at least 1");
        Self {
            polys,
            degree,
            num_rounds,
            claim,
            comb,
        }
    }

    /// Like [`ProductSumcheck::new`], computing the claim `Σ_x g(x)` itself.
    pub fn new_computing_claim(
        polys: Vec<MultilinearPolynomial<F>>,
        degree: usize,
        comb: C,
    ) -> Self {
        let len = polys.first().map(|p| p.len()).unwrap_or(1);
        let k = polys.len();
        let claim = sum_over_chunks(len, |range| {
            let mut vals = vec![F::ZERO; k];
            let mut acc = F::ZERO;
            for i in range {
                for (v, p) in vals.iter_mut().zip(&polys) {
                    *v = p.get(i);
                }
                acc += comb(&vals);
            }
            vec![acc]
        });
        Self::new(polys, degree, claim[0], comb)
    }
}

/// Splits `0..len` into chunks, runs `f` on each (in parallel for long ranges) and sums the
/// returned vectors coordinate-wise (the round sums of every sumcheck prover).
pub(crate) fn sum_over_chunks<F, G>(len: usize, f: G) -> Vec<F>
where
    F: JoltField,
    G: Fn(std::ops::Range<usize>) -> Vec<F> + Send + Sync,
{
    let chunk = if len >= PARALLEL_TERMS {
        (len / (8 * num_threads())).max(PARALLEL_TERMS / 2)
    } else {
        len.max(1)
    };
    let starts: Vec<usize> = (0..len).step_by(chunk).collect();
    let partials: Vec<Vec<F>> = cfg_into_iter!(starts)
        .map(|s| f(s..(s + chunk).min(len)))
        .collect();
    let mut total = partials
        .first()
        .map(|p| vec![F::ZERO; p.len()])
        .unwrap_or_default();
    for p in partials {
        for (t, v) in total.iter_mut().zip(p) {
            *t += v;
        }
    }
    total
}

/// `[h(0), h(2), h(3), …, h(d)]` for `h(X) = Σ_i comb(p_j(X, i))`, where `get(j, i)` is
/// evaluation `i` of polynomial `j` and `X` is the top variable.
fn round_sums<F, C, G>(k: usize, half: usize, d: usize, comb: &C, get: G) -> Vec<F>
where
    F: JoltField,
    C: Fn(&[F]) -> F + Send + Sync,
    G: Fn(usize, usize) -> F + Send + Sync,
{
    sum_over_chunks(half, |range| {
        let mut sums = vec![F::ZERO; d];
        let mut cur = vec![F::ZERO; k];
        let mut diff = vec![F::ZERO; k];
        for i in range {
            for j in 0..k {
                let lo = get(j, i);
                cur[j] = lo;
                diff[j] = get(j, i + half) - lo;
            }
            sums[0] += comb(&cur);
            if d >= 2 {
                // p(2) = p(0) + 2·(p(1) − p(0)), then + (p(1) − p(0)) per step.
                for (c, df) in cur.iter_mut().zip(&diff) {
                    *c += df.double();
                }
                sums[1] += comb(&cur);
                for s in sums.iter_mut().skip(2) {
                    for (c, df) in cur.iter_mut().zip(&diff) {
                        *c += df;
                    }
                    *s += comb(&cur);
                }
            }
        }
        sums
    })
}

impl<F, C> SumcheckInstance<F> for ProductSumcheck<F, C>
where
    F: JoltField,
    C: Fn(&[F]) -> F + Send + Sync,
{
    fn degree(&self) -> usize {
        self.degree
    }

    fn num_rounds(&self) -> usize {
        self.num_rounds
    }

    fn input_claim(&self) -> F {
        self.claim
    }

    fn compute_round_evals(&self, previous_claim: F) -> Vec<F> {
        let d = self.degree;
        let k = self.polys.len();
        let half = self.polys[0].len() / 2;
        let comb = &self.comb;
        // Dense polynomials are read straight from their slices; compact ones (only before
        // their first bind) through the generic accessor.
        let dense: Option<Vec<&[F]>> = self
            .polys
            .iter()
            .map(|p| p.as_dense().map(|d| d.evals()))
            .collect();
        let sums = match dense {
            Some(slices) => round_sums(k, half, d, comb, |j, i| slices[j][i]),
            None => round_sums(k, half, d, comb, |j, i| self.polys[j].get(i)),
        };
        let mut evals = Vec::with_capacity(d + 1);
        evals.push(sums[0]);
        evals.push(previous_claim - sums[0]);
        evals.extend_from_slice(&sums[1..]);
        evals
    }

    fn bind(&mut self, r: F) {
        cfg_iter_mut!(self.polys).for_each(|p| p.bind_top(r));
    }

    fn final_evals(&self) -> Vec<F> {
        self.polys.iter().map(|p| p.get(0)).collect()
    }
}

/// Proves one sumcheck statement. Returns the proof, the point `r` and the reduced claim.
pub fn prove<F: JoltField>(
    instance: &mut dyn SumcheckInstance<F>,
    transcript: &mut Transcript,
) -> (SumcheckProof<F>, Vec<F>, F) {
    prove_batched(&mut [instance], transcript)
}

/// Proves a batch of sumcheck statements with one proof (see the module documentation).
/// Returns the proof, the point `r` (length `max n_k`; instance `k` was bound to the suffix of
/// length `n_k`) and the reduced batched claim.
pub fn prove_batched<F: JoltField>(
    instances: &mut [&mut dyn SumcheckInstance<F>],
    transcript: &mut Transcript,
) -> (SumcheckProof<F>, Vec<F>, F) {
    assert!(!instances.is_empty(), "batched sumcheck needs an instance");
    let claims: Vec<F> = instances.iter().map(|i| i.input_claim()).collect();
    transcript.append_scalars(labels::SUMCHECK_CLAIMS, &claims);
    let mut coeffs = vec![F::ONE];
    coeffs.extend(transcript.challenge_vector::<F>(labels::SUMCHECK_BATCHING, instances.len() - 1));
    let mut round_polys = Vec::new();
    let (point, claim) = run_batched(instances, &coeffs, |combined| {
        let compressed = combined.compress();
        transcript.append_scalars(
            labels::SUMCHECK_ROUND_POLY,
            &compressed.coeffs_except_linear,
        );
        round_polys.push(compressed);
        transcript.challenge_scalar(labels::SUMCHECK_ROUND_CHALLENGE)
    });
    (
        SumcheckProof {
            round_polys: round_polys.into(),
        },
        point,
        claim,
    )
}

/// The rounds of a batched sumcheck with batching coefficients `coeffs`: each round's
/// combined polynomial `Σ_k ρ_k h_k` (of `max_k d_k + 1` coefficients) goes to `send`, which
/// returns the round's challenge. Returns the point and the reduced batched claim.
pub(crate) fn run_batched<F: JoltField>(
    instances: &mut [&mut dyn SumcheckInstance<F>],
    coeffs: &[F],
    mut send: impl FnMut(&UniPoly<F>) -> F,
) -> (Vec<F>, F) {
    let num_rounds = instances.iter().map(|i| i.num_rounds()).max().unwrap_or(0);
    let degree = instances.iter().map(|i| i.degree()).max().unwrap_or(1);
    // Running claim of each instance, scaled by 2^{inactive rounds left}.
    let mut running: Vec<F> = instances
        .iter()
        .map(|inst| {
            inst.input_claim() * F::from_u64(2).pow([(num_rounds - inst.num_rounds()) as u64])
        })
        .collect();
    let mut combined_claim: F = running.iter().zip(coeffs).map(|(c, rho)| *c * rho).sum();

    let mut point = Vec::with_capacity(num_rounds);
    let two_inv = F::from_u64(2).inverse().unwrap_or(F::ZERO);
    for round in 0..num_rounds {
        let polys: Vec<UniPoly<F>> = instances
            .iter()
            .zip(&running)
            .map(|(inst, claim)| {
                if round < num_rounds - inst.num_rounds() {
                    // Inert: the variable is not one of the instance's, h(X) = claim / 2.
                    UniPoly {
                        coeffs: vec![*claim * two_inv],
                    }
                } else {
                    UniPoly::from_evals(&inst.compute_round_evals(*claim))
                }
            })
            .collect();
        let mut combined = vec![F::ZERO; degree + 1];
        for (p, rho) in polys.iter().zip(coeffs) {
            for (c, pc) in combined.iter_mut().zip(&p.coeffs) {
                *c += *pc * rho;
            }
        }
        let combined = UniPoly { coeffs: combined };
        debug_assert_eq!(
            combined.evaluate(F::ZERO) + combined.evaluate(F::ONE),
            combined_claim,
            "sumcheck round {round}: prover's round polynomial is inconsistent"
        );
        let r = send(&combined);
        for ((inst, claim), p) in instances.iter_mut().zip(running.iter_mut()).zip(&polys) {
            *claim = p.evaluate(r);
            if round >= num_rounds - inst.num_rounds() {
                inst.bind(r);
            }
        }
        combined_claim = combined.evaluate(r);
        point.push(r);
    }
    (point, combined_claim)
}
