//! A multilinear polynomial as a matrix, the layout Hyrax and Dory share.
//!
//! The `2^n` evaluations form a matrix with `2^c` columns and `2^{n−c}` rows (one row of `2^n`
//! entries when `n ≤ c`); entry `(i, j)` is evaluation `i·2^c + j`. With `x_0` the most
//! significant index bit, the first `n − c` variables select the row and the last `c` the
//! column, so `p(r_row, r_col) = Lᵀ M R` with `L = eq(r_row, ·)` and `R = eq(r_col, ·)`.
//!
//! Zero-padding a polynomial at the end (extra top variables fixed to 0) appends zero rows,
//! so its row commitments are the same followed by the identity.

use crate::commitment::msm::wide::WIDE_THRESHOLD;
use crate::commitment::msm::{msm_serial, msm_small, msm_wide};
use crate::field::{Fr, SmallScalar};
use crate::poly::MultilinearPolynomial;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks, cfg_into_iter};
use ark_bn254::{G1Affine, G1Projective};
use ark_ff::AdditiveGroup;

/// `(log rows, log cols)` of an `n`-variable polynomial in a matrix of `2^log_cols` columns.
pub fn shape(num_vars: usize, log_cols: usize) -> (usize, usize) {
    if num_vars >= log_cols {
        (num_vars - log_cols, log_cols)
    } else {
        (0, num_vars)
    }
}

fn commit_rows_small<T: SmallScalar>(
    gens: &[G1Affine],
    values: &[T],
    cols: usize,
) -> Vec<G1Projective> {
    cfg_chunks!(values, cols)
        .map(|row| msm_small(gens, row))
        .collect()
}

/// The Pedersen commitment `Σ_j M[i][j] · G_j` of every row `i` of `poly` laid out with
/// `cols = gens.len()` columns (a power of two; fewer entries than `cols` make one short row).
pub fn commit_rows(gens: &[G1Affine], poly: &MultilinearPolynomial<Fr>) -> Vec<G1Projective> {
    let cols = gens.len().min(poly.len()).max(1);
    let gens = &gens[..cols];
    match poly {
        // Rows of up to WIDE_THRESHOLD points: one serial MSM per row, rows in parallel.
        MultilinearPolynomial::Dense(d) if cols < WIDE_THRESHOLD => cfg_chunks!(d.evals(), cols)
            .map(|row| msm_serial(gens, row))
            .collect(),
        MultilinearPolynomial::Dense(d) => cfg_chunks!(d.evals(), cols)
            .map(|row| msm_wide(gens, row))
            .collect(),
        MultilinearPolynomial::U8(p) => commit_rows_small(gens, p.values(), cols),
        MultilinearPolynomial::U16(p) => commit_rows_small(gens, p.values(), cols),
        MultilinearPolynomial::U32(p) => commit_rows_small(gens, p.values(), cols),
        MultilinearPolynomial::U64(p) => commit_rows_small(gens, p.values(), cols),
    }
}

/// The row combination `u = Lᵀ M` (`u_j = Σ_i left_i · M[i][j]`) of `poly` with `cols`
/// columns; rows beyond the polynomial's are zero.
pub fn row_combination(poly: &MultilinearPolynomial<Fr>, left: &[Fr], cols: usize) -> Vec<Fr> {
    let rows = poly.len().div_ceil(cols).min(left.len());
    let width = cols.min(poly.len());
    // Partial sums over blocks of rows, then added up.
    let block = (rows / (4 * num_threads())).max(1);
    let starts: Vec<usize> = (0..rows).step_by(block).collect();
    let partials: Vec<Vec<Fr>> = cfg_into_iter!(starts)
        .map(|s| {
            let mut u = vec![Fr::ZERO; cols];
            for (i, l) in left.iter().enumerate().skip(s).take(block.min(rows - s)) {
                match poly {
                    MultilinearPolynomial::Dense(d) => {
                        let row = &d.evals()[i * cols..i * cols + width];
                        u.iter_mut().zip(row).for_each(|(u_j, m)| *u_j += *l * m);
                    }
                    _ => {
                        for (j, u_j) in u.iter_mut().enumerate().take(width) {
                            *u_j += *l * poly.get(i * cols + j);
                        }
                    }
                }
            }
            u
        })
        .collect();
    let mut u = vec![Fr::ZERO; cols];
    for p in partials {
        u.iter_mut().zip(p).for_each(|(a, b)| *a += b);
    }
    u
}
