//! The grand-product prover (see the [module documentation](super)).

use super::layer::LayerSumcheck;
use super::leaves::{map_pairs, Leaves, Source};
use super::{GrandProductProof, LayerProof};
use crate::cfg_into_iter;
use crate::field::JoltField;
use crate::transcript::{labels, Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;

/// Layers stored below `2^{n − RECOMPUTED}` entries: the larger ones (except the input) are
/// recomputed from the input when their turn comes, so a vector's layers take `1.25×` its
/// input's memory instead of `2×`, for about `1.25 · 2^n` extra multiplications.
const RECOMPUTED: usize = 2;

/// `V^{(m)}` from `V^{(m+1)}`: the lower half times the upper half.
fn halve<F: JoltField, S: Source<F> + ?Sized>(prev: &S) -> Vec<F> {
    let half = prev.len() / 2;
    map_pairs(prev, 0, half, half, |a, b| a * b)
}

/// A layer as the layer sumcheck reads it: the input or a kept layer, or a recomputed one.
enum Layer<'a, F: JoltField> {
    Borrowed(&'a dyn Source<F>),
    Owned(Vec<F>),
}

impl<F: JoltField> Layer<'_, F> {
    fn source(&self) -> &dyn Source<F> {
        match self {
            Self::Borrowed(s) => *s,
            Self::Owned(v) => v,
        }
    }
}

/// The layers of one vector: `V^{(m)}` has `2^m` entries, `V^{(n)}` is the input. Only the
/// input and the layers of at most `n − 1 − RECOMPUTED` variables are kept.
struct Layers<'a, F> {
    input: Leaves<'a, F>,
    /// `V^{(0)}, …, V^{(kept)}`.
    kept: Vec<Vec<F>>,
    /// `V^{(n−1)}` while the recomputed layers below it are proved.
    top: Option<Vec<F>>,
}

impl<'a, F: JoltField> Layers<'a, F> {
    fn new(input: Leaves<'a, F>) -> Self {
        let n = input.len().trailing_zeros() as usize;
        let last_kept = n.saturating_sub(1 + RECOMPUTED);
        let mut kept = Vec::with_capacity(last_kept + 1);
        let mut layer: Option<Vec<F>> = None;
        for m in (0..n).rev() {
            let next = match &layer {
                Some(prev) => halve(prev),
                None => halve(&input),
            };
            if m <= last_kept {
                kept.push(next.clone());
            }
            layer = Some(next);
        }
        if n == 0 {
            kept.push(input.read(0, 1).into_owned());
        }
        kept.reverse();
        Self {
            input,
            kept,
            top: None,
        }
    }

    /// Frees the input and the kept layers (the vector has left the batch).
    fn free(&mut self) {
        self.input = Leaves::Values(Vec::new());
        self.kept = Vec::new();
        self.top = None;
    }

    fn num_vars(&self) -> usize {
        self.input.len().trailing_zeros() as usize
    }

    /// `V^{(m)}`, borrowed if kept, else recomputed from the input. Called for increasing
    /// `m`: the kept layers below `m` are no longer needed and freed, and recomputing a layer
    /// keeps `V^{(n−1)}` for the next call, so the input is read once for all the recomputed
    /// layers.
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
        let top = self.top.take().unwrap_or_else(|| halve(&self.input));
        if m == n - 1 {
            return Layer::Owned(top);
        }
        let mut layer = halve(&top);
        for _ in m + 1..n - 1 {
            layer = halve(&layer);
        }
        self.top = Some(top);
        Layer::Owned(layer)
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
