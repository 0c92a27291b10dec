//! Checks of the obligations of [`Subtable`] and [`Instruction`], for tests: of the built-in
//! tables here, and of user-defined ones in their own crates.
//!
//! Each check returns `Err` with a message naming the table and the first failing input.

use ark_ff::{AdditiveGroup, One, Zero as _};

use crate::{Fr, Instruction, Subtable, C, LOG_M, M};

/// The boolean point of index `i`: `point[0]` is its most significant bit.
fn boolean_point(i: usize, point: &mut [Fr]) {
    for (j, p) in point.iter_mut().enumerate() {
        *p = Fr::from((i >> (LOG_M - 1 - j) & 1) as u64);
    }
}

/// `materialize()` has M entries, and `evaluate_mle` equals it on the whole boolean hypercube
/// and is affine in each variable (so it is the multilinear extension), checked at a few
/// non-boolean points.
pub fn check_subtable(subtable: &dyn Subtable) -> Result<(), String> {
    let name = subtable.name();
    let table = subtable.materialize();
    if table.len() != M {
        return Err(format!(
            "{name}: materialize() has {} entries, not {M}",
            table.len()
        ));
    }
    let mut point = vec![Fr::zero(); LOG_M];
    for (i, &entry) in table.iter().enumerate() {
        boolean_point(i, &mut point);
        if subtable.evaluate_mle(&point) != Fr::from(entry) {
            return Err(format!(
                "{name}: evaluate_mle differs from materialize at index {i}"
            ));
        }
    }
    for seed in 1..4u64 {
        let base: Vec<Fr> = (0..LOG_M as u64)
            .map(|j| Fr::from(seed * 1_000_003 + j * 7919 + 17))
            .collect();
        for j in 0..LOG_M {
            let at = |t: Fr| {
                let mut p = base.clone();
                p[j] = t;
                subtable.evaluate_mle(&p)
            };
            let two = Fr::from(2u64);
            if at(two) != at(Fr::one()).double() - at(Fr::zero()) {
                return Err(format!(
                    "{name}: evaluate_mle is not multilinear in variable {j}"
                ));
            }
        }
    }
    Ok(())
}

/// Every one of the C chunks is read by at least one subtable, and no subtable is listed without
/// positions.
pub fn check_coverage(table: &dyn Instruction) -> Result<(), String> {
    let subtables = table.subtables();
    if let Some((s, _)) = subtables.iter().find(|(_, positions)| positions.is_empty()) {
        return Err(format!(
            "{}: subtable {} reads no chunk",
            table.name(),
            s.name()
        ));
    }
    match (0..C).find(|&i| !subtables.iter().any(|(_, positions)| positions.contains(i))) {
        Some(i) => Err(format!(
            "{}: chunk {i} is read by no subtable",
            table.name()
        )),
        None => Ok(()),
    }
}

/// For every query (x, y): `to_indices` agrees with the packing and every index is < M, and
/// `combine_lookups` of the materialized subtables at those indices equals `lookup_entry`.
pub fn check_queries(
    table: &dyn Instruction,
    queries: impl IntoIterator<Item = (u32, u32)>,
) -> Result<(), String> {
    let name = table.name();
    let subtables: Vec<_> = table
        .subtables()
        .into_iter()
        .map(|(s, positions)| (s.materialize(), positions))
        .collect();
    let mut vals = Vec::new();
    for (x, y) in queries {
        let indices = table.to_indices(x, y);
        if indices != table.packing().indices(x, y) {
            return Err(format!(
                "{name}: to_indices({x:#x}, {y:#x}) disagrees with its packing"
            ));
        }
        if let Some(i) = indices.iter().find(|&&i| i >= M) {
            return Err(format!(
                "{name}: index {i:#x} of ({x:#x}, {y:#x}) is not below M"
            ));
        }
        vals.clear();
        for (entries, positions) in &subtables {
            vals.extend(positions.iter().map(|p| Fr::from(entries[indices[p]])));
        }
        if table.combine_lookups(&vals) != Fr::from(table.lookup_entry(x, y)) {
            return Err(format!(
                "{name}: combine_lookups differs from lookup_entry at ({x:#x}, {y:#x})"
            ));
        }
    }
    Ok(())
}
