//! Multiples `c·v` of one field element by many small integers `v`, without multiplying:
//! `c·v` is the sum of `c·2^{16k}·d_k` over the 16-bit digits `d_k` of `v`, read from one table
//! per digit position (each table built by `2^16` additions).

use super::JoltField;

/// The tables `c·2^{16k}·d` for `d < 2^16` and the digit positions `k` of `bits`-bit values.
pub struct ScaledDigits<F> {
    tables: Vec<Vec<F>>,
}

impl<F: JoltField> ScaledDigits<F> {
    /// The tables of `c` for values below `2^bits` (`bits ≤ 64`).
    pub fn new(c: F, bits: u32) -> Self {
        let digits = bits.div_ceil(16).max(1) as usize;
        let digit_len = 1usize << bits.min(16);
        let mut tables: Vec<Vec<F>> = Vec::with_capacity(digits);
        let mut base = c;
        for _ in 0..digits {
            let mut table = Vec::with_capacity(digit_len);
            let mut acc = F::zero();
            for _ in 0..digit_len {
                table.push(acc);
                acc += base;
            }
            tables.push(table);
            // After the loop `acc` = c · 2^{16k} · 2^16 when the digit is 16 bits wide.
            base = acc;
        }
        Self { tables }
    }

    /// `c·v`, for `v` below `2^bits` (zero digits are skipped).
    #[inline]
    pub fn get(&self, mut v: u64) -> F {
        let mut out = F::zero();
        let mut k = 0;
        while v != 0 {
            out += self.tables[k][(v & 0xffff) as usize];
            v >>= 16;
            k += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use ark_std::{test_rng, UniformRand};

    /// `get` equals the product on edge and random values of every width.
    #[test]
    fn digit_tables_equal_the_product() {
        let mut rng = test_rng();
        let c = Fr::rand(&mut rng);
        for bits in [8u32, 16, 32, 64] {
            let table = ScaledDigits::new(c, bits);
            let max = if bits == 64 {
                u64::MAX
            } else {
                (1u64 << bits) - 1
            };
            let mut values = vec![0, 1, 2, max, max - 1, max / 2 + 1];
            values.extend((0..64).map(|_| u64::rand(&mut rng) & max));
            for v in values {
                assert_eq!(table.get(v), c * Fr::from(v), "bits {bits}, v {v}");
            }
        }
    }
}
