//! The grand-product prover (see the [module documentation](super)).

use super::layer::LayerSumcheck;
use super::leaves::{map_pairs, materialize, Leaves, Source};
use super::{GrandProductProof, LayerProof};
use crate::cfg_into_iter;
use crate::field::JoltField;
use crate::transcript::{labels, Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use std::borrow::Cow;

/// Layers stored below `2^{n − RECOMPUTED}` entries: the larger ones (except the input) are
/// read as products of input entries, block by block ([`Folded`]), and never stored, so a
/// vector's layers take a quarter of its input's memory, for about `2.5 · 2^n` extra
/// multiplications and `3 · 2^n` extra reads of the input.
const RECOMPUTED: usize = 2;

/// `V^{(m)}` from `V^{(m+1)}`: the lower half times the upper half.
fn halve<F: JoltField, S: Source<F> + ?Sized>(prev: &S) -> Vec<F> {
    let half = prev.len() / 2;
    map_pairs(prev, 0, half, half, |a, b| a * b)
}

/// The layer `V^{(n−k)}` of an input `V^{(n)}`, read without being stored: entry `x` is the
/// product of the input's entries `x + j·2^{n−k}`, `j < 2^k`.
struct Folded<'a, F: JoltField> {
    input: &'a Leaves<'a, F>,
    k: usize,
}

impl<F: JoltField> Source<F> for Folded<'_, F> {
    fn len(&self) -> usize {
        self.input.len() >> self.k
    }

    fn read(&self, start: usize, len: usize) -> Cow<'_, [F]> {
        let stride = self.len();
        let mut out = self.input.read(start, len).into_owned();
        for j in 1..1usize << self.k {
            let block = self.input.read(start + j * stride, len);
            out.iter_mut().zip(block.iter()).for_each(|(o, x)| *o *= x);
        }
        Cow::Owned(out)
    }
}

/// A layer as the layer sumcheck reads it: the input or a kept layer, or a folded one.
enum Layer<'a, F: JoltField> {
    Borrowed(&'a dyn Source<F>),
    Folded(Folded<'a, F>),
}

impl<F: JoltField> Layer<'_, F> {
    fn source(&self) -> &dyn Source<F> {
        match self {
            Self::Borrowed(s) => *s,
            Self::Folded(f) => f,
        }
    }
}

/// The layers of one vector: `V^{(m)}` has `2^m` entries, `V^{(n)}` is the input. Only the
/// input and the layers of at most `n − 1 − RECOMPUTED` variables are kept.
struct Layers<'a, F> {
    input: Leaves<'a, F>,
    /// `V^{(0)}, …, V^{(kept)}`.
    kept: Vec<Vec<F>>,
}

impl<'a, F: JoltField> Layers<'a, F> {
    fn new(input: Leaves<'a, F>) -> Self {
        let n = input.len().trailing_zeros() as usize;
        let last_kept = n.saturating_sub(1 + RECOMPUTED);
        // The largest kept layer in one read of the input, the smaller ones by halving.
        let mut layer = match n {
            0 => input.read(0, 1).into_owned(),
            _ => materialize(&Folded {
                input: &input,
                k: n - last_kept,
            }),
        };
        let mut kept = Vec::with_capacity(last_kept + 1);
        for _ in 0..last_kept {
            let next = halve(&layer);
            kept.push(layer);
            layer = next;
        }
        kept.push(layer);
        kept.reverse();
        Self { input, kept }
    }

    /// Frees the input and the kept layers (the vector has left the batch).
    fn free(&mut self) {
        self.input = Leaves::Values(Vec::new());
        self.kept = Vec::new();
    }

    fn num_vars(&self) -> usize {
        self.input.len().trailing_zeros() as usize
    }

    /// `V^{(m)}`: borrowed if kept, else folded from the input. Called for increasing `m`:
    /// the kept layers below `m` are no longer needed and freed.
    fn layer(&mut self, m: usize) -> Layer<'_, F> {
        for used in self.kept.iter_mut().take(m) {
            *used = Vec::new();
        }
        let n = self.num_vars();
        if m == n {
            return Layer::Borrowed(&self.input);
        }
        if m < self.kept.len() {
            return Layer::Borrowed(&self.kept[m]);
        }
        Layer::Folded(Folded {
            input: &self.input,
            k: n - m,
        })
    }
}

/// Proves the products of `inputs` (each of a power-of-two length; lengths may differ; a
/// computed input is read in blocks and never materialised).
/// Returns the proof, and for each input its point (of length `log2` of its length) and its
/// evaluation there (which the caller then proves with openings).
#[tracing::instrument(skip_all, name = "grand product", fields(products = inputs.len()))]
pub fn prove<'a, F: JoltField, I: Into<Leaves<'a, F>>>(
    inputs: Vec<I>,
    transcript: &mut Transcript,
) -> (GrandProductProof<F>, Vec<Vec<F>>, Vec<F>) {
    let inputs: Vec<Leaves<'a, F>> = inputs.into_iter().map(Into::into).collect();
    assert!(
        !inputs.is_empty(),
        "grand product needs at least one vector"
    );
    assert!(
        inputs.iter().all(|v| v.len().is_power_of_two()),
        "vector lengths must be powers of two"
    );
    let depths: Vec<usize> = inputs
        .iter()
        .map(|v| v.len().trailing_zeros() as usize)
        .collect();
    let n = depths.iter().copied().max().unwrap_or(0);
    let k = inputs.len();

    let mut all_layers: Vec<Layers<F>> = cfg_into_iter!(inputs).map(Layers::new).collect();
    let outputs: Vec<F> = all_layers.iter().map(|l| l.kept[0][0]).collect();
    transcript.append_scalars(labels::GRAND_PRODUCT_OUTPUTS, &outputs);

    let mut point: Vec<F> = Vec::new();
    let mut claims = outputs.clone();
    let mut points: Vec<Vec<F>> = vec![Vec::new(); k];
    let mut layer_proofs = Vec::with_capacity(n);
    for m in 0..n {
        // Vectors of depth m are done: their claims are at the current point, and their
        // input and layers are freed.
        for (b, d) in depths.iter().enumerate() {
            if *d == m {
                points[b] = point.clone();
                all_layers[b].free();
            }
        }
        let active: Vec<usize> = (0..k).filter(|b| depths[*b] > m).collect();
        let lambda_powers: Vec<F> =
            transcript.challenge_powers(labels::GRAND_PRODUCT_LAYER_BATCHING, active.len());
        let claim: F = active
            .iter()
            .zip(&lambda_powers)
            .map(|(b, l)| claims[*b] * l)
            .sum();
        let below: Vec<Layer<'_, F>> = all_layers
            .iter_mut()
            .zip(&depths)
            .filter(|(_, d)| **d > m)
            .map(|(layers, _)| layers.layer(m + 1))
            .collect();
        let below_refs: Vec<&dyn Source<F>> = below.iter().map(Layer::source).collect();
        let outcome =
            LayerSumcheck::new(point.clone(), lambda_powers, below_refs, claim).prove(transcript);
        let (left, right, r) = (outcome.left, outcome.right, outcome.point);
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &left);
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &right);
        let mu: F = transcript.challenge_scalar(labels::GRAND_PRODUCT_LAYER_CHALLENGE);
        for (j, b) in active.iter().enumerate() {
            claims[*b] = left[j] + mu * (right[j] - left[j]);
        }
        point = std::iter::once(mu).chain(r).collect();
        layer_proofs.push(LayerProof {
            rounds: outcome.rounds.into(),
            left: left.into(),
            right: right.into(),
        });
    }
    for (b, d) in depths.iter().enumerate() {
        if *d == n {
            points[b] = point.clone();
        }
    }
    let proof = GrandProductProof {
        outputs: outputs.into(),
        layers: layer_proofs.into(),
    };
    (proof, points, claims)
}
