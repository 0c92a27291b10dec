//! Transcript labels. Each protocol step uses its own constant, so that a message can never
//! be confused with another one of the same length.

/// A generic claim.
pub const CLAIM: &[u8] = b"claim";
/// A generic challenge.
pub const CHALLENGE: &[u8] = b"challenge";
/// A number of variables.
pub const NUM_VARS: &[u8] = b"num_vars";

/// Sumcheck: the claimed sums of the instances.
pub const SUMCHECK_CLAIMS: &[u8] = b"sumcheck_claims";
/// Sumcheck: the coefficients that batch several instances.
pub const SUMCHECK_BATCHING: &[u8] = b"sumcheck_batching";
/// Sumcheck: a round polynomial.
pub const SUMCHECK_ROUND_POLY: &[u8] = b"sumcheck_round_poly";
/// Sumcheck: the round challenge.
pub const SUMCHECK_ROUND_CHALLENGE: &[u8] = b"sumcheck_round_challenge";

/// Grand product: the claimed products.
pub const GRAND_PRODUCT_OUTPUTS: &[u8] = b"grand_product_outputs";
/// Grand product: the batching coefficients of one layer.
pub const GRAND_PRODUCT_LAYER_BATCHING: &[u8] = b"grand_product_layer_batching";
/// Grand product: the left/right claims at the end of a layer.
pub const GRAND_PRODUCT_LAYER_CLAIMS: &[u8] = b"grand_product_layer_claims";
/// Grand product: a round of a layer's sumcheck (two values of its quadratic factor).
pub const GRAND_PRODUCT_LAYER_ROUND: &[u8] = b"grand_product_layer_round";
/// Grand product: the challenge of a round of a layer's sumcheck.
pub const GRAND_PRODUCT_ROUND_CHALLENGE: &[u8] = b"grand_product_round_challenge";
/// Grand product: the challenge that merges left and right claims.
pub const GRAND_PRODUCT_LAYER_CHALLENGE: &[u8] = b"grand_product_layer_challenge";

/// Commitments.
pub const COMMITMENT: &[u8] = b"commitment";
/// Opening: the evaluation point.
pub const OPENING_POINT: &[u8] = b"opening_point";
/// Opening: the claimed evaluation.
pub const OPENING_VALUE: &[u8] = b"opening_value";
/// Opening: the coefficients that combine polynomials opened at the same point.
pub const OPENING_BATCHING: &[u8] = b"opening_batching";

/// HyperKZG: commitments to the folded polynomials.
pub const HYPERKZG_FOLDS: &[u8] = b"hyperkzg_folds";
/// HyperKZG: the challenge point `r`.
pub const HYPERKZG_R: &[u8] = b"hyperkzg_r";
/// HyperKZG: evaluations at `r, −r, r²`.
pub const HYPERKZG_EVALS: &[u8] = b"hyperkzg_evals";
/// HyperKZG: the challenge `q` combining the folded polynomials.
pub const HYPERKZG_Q: &[u8] = b"hyperkzg_q";
/// HyperKZG: the witness commitments.
pub const HYPERKZG_WITNESSES: &[u8] = b"hyperkzg_witnesses";
/// HyperKZG: the challenge `d` combining the three point openings.
pub const HYPERKZG_D: &[u8] = b"hyperkzg_d";

/// Hyrax: the row combination `u = L^T M`.
pub const HYRAX_ROW_COMBINATION: &[u8] = b"hyrax_row_combination";

/// Opening accumulator: the coefficients that combine claims at the same point.
pub const ACCUMULATOR_GROUP: &[u8] = b"accumulator_group";
/// Opening accumulator: the reduced evaluations.
pub const ACCUMULATOR_EVALS: &[u8] = b"accumulator_evals";
/// Opening accumulator: the coefficients that combine the reduced claims.
pub const ACCUMULATOR_COMBINE: &[u8] = b"accumulator_combine";

/// Dory: the label of a `dory-pcs` message or challenge.
pub const DORY_LABEL: &[u8] = b"dory_label";
/// Dory: a `dory-pcs` message.
pub const DORY_MESSAGE: &[u8] = b"dory_message";
/// Dory: a `dory-pcs` challenge.
pub const DORY_CHALLENGE: &[u8] = b"dory_challenge";
