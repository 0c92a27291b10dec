//! Small integer helpers.

/// `log2(n)` for a power of two `n`, or `ceil(log2(n))` otherwise; `log2_ceil(0) = 0`.
pub fn log2_ceil(n: usize) -> usize {
    if n <= 1 {
        0
    } else {
        (usize::BITS - (n - 1).leading_zeros()) as usize
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn log2_ceil_values() {
        use super::log2_ceil;
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 1024, 1025].map(log2_ceil),
            [0, 0, 1, 2, 2, 3, 10, 11]
        );
    }
}
