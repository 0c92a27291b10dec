//! Elements of the pairing target group `GT ⊂ F_{p^12}^*` (order `r`), as they appear in Dory
//! commitments and proofs, with a fast membership check on decoding.
//!
//! # Membership
//! A decoded `x ∈ F_{p^12}` is accepted only if it lies in `GT`, the order-`r` subgroup
//! (otherwise a prover could mix in elements of small order and guess challenges modulo
//! that order). Checking `x^r = 1` costs a 254-bit exponentiation per element; instead:
//! 1. `x` is in the cyclotomic subgroup of order `Φ_12(p) = p^4 − p^2 + 1`:
//!    `x^{p^4} · x = x^{p^2}` (two Frobenius maps and a multiplication);
//! 2. there, `x ∈ GT ⟺ x^p = x^{6u²}` where `u` is BN254's curve parameter: `p ≡ 6u²
//!    (mod r)`, and `gcd(p − 6u², Φ_12(p)) = r` (a test recomputes both facts), so the
//!    equation holds exactly for the elements whose order divides `r`. `6u²` has 127 bits,
//!    and cyclotomic squarings are cheap, so this is several times faster than `x^r`.
//!
//! # Compressed encoding (the torus `T_2`)
//! `F_{p^12} = F_{p^6}[w]/(w² − v)`, and every element of `GT` has norm 1 over `F_{p^6}`:
//! `x = a + b·w` with `a² − v·b² = 1` (`GT` lies in the subgroup of order `p^6 + 1`, where
//! `x^{p^6} = x̄ = x^{-1}`). So `x ≠ ±1` is determined by the single `F_{p^6}` element
//! ```text
//!   c = (1 + a) / b,        and back:   x = (c + w) / (c − w) = ((c² + v) + 2c·w) / (c² − v)
//! ```
//! (`c² ≠ v` since `v` is not a square in `F_{p^6}`, and `c ≠ 0` for `b ≠ 0`, as `a = −1`
//! forces `b = 0`). `−1 ∉ GT` (it has order 2), and `c = 0` encodes the identity. The
//! compressed encoding is `c` (192 bytes instead of 384); it is canonical (each element has one
//! encoding, each field coordinate is read below `p`) and decoding still checks membership, as
//! `(c + w)/(c − w)` has norm 1 but is in `GT` only for a negligible fraction of `c`.

use ark_bn254::{Bn254, Fq12, Fq6};
use ark_ec::pairing::PairingOutput;
use ark_ff::{AdditiveGroup, CyclotomicMultSubgroup, Field, One, Zero};
use ark_serialize::{
    CanonicalDeserialize, CanonicalSerialize, Compress, Read, SerializationError, Valid, Validate,
    Write,
};

/// `6u²` for BN254's `u = 4965661367192848881`, as little-endian 64-bit limbs.
pub(super) const SIX_U_SQUARED: [u64; 2] = [0xf83e_9682_e87c_fd46, 0x6f4d_8248_eeb8_59fb];

/// Whether `x` lies in the order-`r` subgroup `GT` of `F_{p^12}^*` (see the module doc).
pub fn is_in_gt(x: &Fq12) -> bool {
    if x.is_zero() {
        return false;
    }
    let mut x_p2 = *x;
    x_p2.frobenius_map_in_place(2);
    let mut x_p4 = *x;
    x_p4.frobenius_map_in_place(4);
    if x_p4 * x != x_p2 {
        return false;
    }
    let mut x_p = *x;
    x_p.frobenius_map_in_place(1);
    x_p == x.cyclotomic_exp(SIX_U_SQUARED)
}

/// `v`, the non-residue with `w² = v` in `F_{p^12} = F_{p^6}[w]/(w² − v)`.
fn nonresidue() -> Fq6 {
    Fq6::new(
        ark_bn254::Fq2::ZERO,
        ark_bn254::Fq2::ONE,
        ark_bn254::Fq2::ZERO,
    )
}

/// The torus coordinate `c = (1 + a)/b` of `x = a + b·w ∈ GT`, `0` for the identity.
/// Only elements of norm 1 other than `−1` have one; for any other `x` the result is not
/// meaningful (callers hold `GT` elements).
pub fn to_torus(x: &Fq12) -> Fq6 {
    match x.c1.inverse() {
        Some(b_inv) => (Fq6::one() + x.c0) * b_inv,
        None => Fq6::zero(),
    }
}

/// `(c + w)/(c − w)`, and the identity for `c = 0`; has norm 1, not necessarily in `GT`.
pub fn from_torus(c: &Fq6) -> Fq12 {
    if c.is_zero() {
        return Fq12::ONE;
    }
    let v = nonresidue();
    let c2 = c.square();
    // c² − v ≠ 0: v is not a square in F_{p^6}.
    let inv = (c2 - v).inverse().unwrap_or_default();
    Fq12::new((c2 + v) * inv, c.double() * inv)
}

/// An element of `GT`, written additively as `dory-pcs` does (`a + b` is the product in
/// `F_{p^12}`). Encoded compressed as its torus coordinate (192 bytes), uncompressed as its 12
/// coordinates (384 bytes); decoding checks membership.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gt(pub PairingOutput<Bn254>);

impl Default for Gt {
    fn default() -> Self {
        Gt(PairingOutput(Fq12::ONE))
    }
}

impl Valid for Gt {
    fn check(&self) -> Result<(), SerializationError> {
        if is_in_gt(&self.0 .0) {
            Ok(())
        } else {
            Err(SerializationError::InvalidData)
        }
    }
}

impl CanonicalSerialize for Gt {
    fn serialize_with_mode<W: Write>(
        &self,
        writer: W,
        compress: Compress,
    ) -> Result<(), SerializationError> {
        match compress {
            Compress::Yes => to_torus(&self.0 .0).serialize_with_mode(writer, compress),
            Compress::No => self.0 .0.serialize_with_mode(writer, compress),
        }
    }

    fn serialized_size(&self, compress: Compress) -> usize {
        match compress {
            Compress::Yes => Fq6::zero().serialized_size(compress),
            Compress::No => self.0 .0.serialized_size(compress),
        }
    }
}

impl CanonicalDeserialize for Gt {
    fn deserialize_with_mode<R: Read>(
        reader: R,
        compress: Compress,
        validate: Validate,
    ) -> Result<Self, SerializationError> {
        let x = match compress {
            Compress::Yes => from_torus(&Fq6::deserialize_with_mode(reader, compress, validate)?),
            Compress::No => Fq12::deserialize_with_mode(reader, compress, validate)?,
        };
        let gt = Gt(PairingOutput(x));
        if validate == Validate::Yes {
            gt.check()?;
        }
        Ok(gt)
    }
}
