//! Import of snarkjs powers-of-tau files (`.ptau`, "phase 1") as a [`HyperKzgSrs`].
//!
//! # Format (little-endian throughout)
//! `"ptau"`, version `u32` (1), number of sections `u32`, then the sections, each
//! `type: u32, size: u64, body`. HyperKZG reads three of them:
//! 1. header: `n8: u32` (bytes per base-field element: 32), `q` (`n8` bytes, the base field's
//!    modulus), `power: u32`, `ceremony_power: u32`;
//! 2. `tauG1`: `[τ^i]_1` for `i < 2·2^power − 1`, each point `(x, y)`;
//! 3. `tauG2`: `[τ^i]_2` for `i < 2^power`, each point `(x.c0, x.c1, y.c0, y.c1)`.
//!
//! A coordinate is the `n8`-byte Montgomery form `a·2^256 mod q`, which is also arkworks'
//! in-memory representation of BN254's `Fq`. The other sections (the `α`/`β` powers, the
//! contributions, phase-2 Lagrange bases) are skipped, and of `tauG1` only the powers asked for
//! are read (of `tauG2`, the four the verifier key needs).
//!
//! # What is validated
//! `q` is BN254's base-field modulus; the sections have the sizes `power` implies; every point
//! read is on the curve and in the prime-order subgroup; `[τ^0]_1` and `[τ^0]_2` are the
//! generators; the G1 powers are consistent, `e([τ^{i+1}]_1, [1]_2) = e([τ^i]_1, [τ]_2)` for
//! every `i`, checked at once as `e(Σ_i ρ_i [τ^{i+1}]_1, [1]_2) = e(Σ_i ρ_i [τ^i]_1, [τ]_2)`
//! for random `ρ_i` (an inconsistent file passes with probability about `1/|Fr|`; on failure a
//! bisection names the first bad power); and the G2 powers agree with them,
//! `e([τ]_1, [τ^i]_2) = e([1]_1, [τ^{i+1}]_2)`.
//!
//! # Soundness
//! Validation shows the file is a well-formed SRS for *some* `τ ≠ 0`. That nobody knows `τ`
//! rests on the ceremony (one honest contributor suffices); the contribution transcript
//! (section 7) is not checked here: `snarkjs powersoftau verify` does that.

use super::srs::{HyperKzgSrs, HyperKzgVerifierKey};
use crate::cfg_chunks;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_bn254::{Bn254, Fq, Fq2, Fr, G1Affine, G1Projective, G2Affine};
use ark_ec::pairing::Pairing;
use ark_ec::short_weierstrass::{Affine, SWCurveConfig};
use ark_ec::{AffineRepr, VariableBaseMSM};
use ark_ff::{BigInt, BigInteger, PrimeField, UniformRand, Zero};
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;

/// Bytes of a base-field element.
const N8: usize = 32;
/// Bytes of a G1 point (`x, y`).
const G1_BYTES: usize = 2 * N8;
/// Bytes of a G2 point (`x.c0, x.c1, y.c0, y.c1`).
const G2_BYTES: usize = 4 * N8;
/// G2 powers the verifier key holds.
const G2_POWERS: usize = 4;
/// Largest `power` accepted (snarkjs ceremonies stop at 28).
const MAX_POWER: u32 = 32;

/// What is wrong with a `.ptau` file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PtauError {
    /// The file could not be read.
    #[error("cannot read the file: {0}")]
    Io(String),
    /// The file does not start with `"ptau"`.
    #[error(
        "not a powers-of-tau file (it does not start with \"ptau\"): use a snarkjs .ptau file"
    )]
    Magic,
    /// A format version other than 1.
    #[error("powers-of-tau format version {0} is not supported (only version 1 is)")]
    Version(u32),
    /// The file ends inside the named part.
    #[error("the file is truncated: it ends inside the {0}")]
    Truncated(&'static str),
    /// A section HyperKZG needs is absent.
    #[error("the file has no {0} section")]
    MissingSection(&'static str),
    /// The header names another curve.
    #[error(
        "the file is for another curve (its base field is not BN254's): \
         use a powers-of-tau file for BN254 (snarkjs \"bn128\")"
    )]
    WrongCurve,
    /// `power` is too small for the verifier key, or absurdly large.
    #[error("the file has power {0}; HyperKZG needs a power between 2 and {MAX_POWER}")]
    Power(u32),
    /// A section's size disagrees with the header's `power`.
    #[error("the {section} section holds {got} bytes, but power {power} needs {expected}")]
    SectionSize {
        /// Section name.
        section: &'static str,
        /// The header's power.
        power: u32,
        /// Bytes expected.
        expected: u64,
        /// Bytes found.
        got: u64,
    },
    /// A point is not on the curve (or a coordinate is not below the modulus).
    #[error("{section}[{index}] is not a point of the curve: the file is corrupt")]
    NotOnCurve {
        /// Section name.
        section: &'static str,
        /// Index of the point.
        index: usize,
    },
    /// A point is outside the prime-order subgroup.
    #[error("{section}[{index}] is not in the prime-order subgroup: the file is corrupt")]
    NotInSubgroup {
        /// Section name.
        section: &'static str,
        /// Index of the point.
        index: usize,
    },
    /// The first power is not the group's generator.
    #[error("{0}[0] is not the generator: the file is not a BN254 powers-of-tau")]
    NotGenerator(&'static str),
    /// Power `index + 1` is not `τ` times power `index`.
    #[error(
        "{section}[{next}] is not tau times {section}[{index}]: the powers are inconsistent",
        next = index + 1
    )]
    InconsistentPower {
        /// Section name.
        section: &'static str,
        /// The first power of the inconsistent pair.
        index: usize,
    },
}

impl From<std::io::Error> for PtauError {
    fn from(e: std::io::Error) -> Self {
        PtauError::Io(e.to_string())
    }
}

/// Where a section's body lies in the file.
#[derive(Clone, Copy)]
struct Section {
    start: u64,
    size: u64,
}

fn read_bytes<R: Read>(r: &mut R, buf: &mut [u8], what: &'static str) -> Result<(), PtauError> {
    r.read_exact(buf).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => PtauError::Truncated(what),
        _ => e.into(),
    })
}

fn read_u32<R: Read>(r: &mut R, what: &'static str) -> Result<u32, PtauError> {
    let mut b = [0u8; 4];
    read_bytes(r, &mut b, what)?;
    Ok(u32::from_le_bytes(b))
}

fn read_u64<R: Read>(r: &mut R, what: &'static str) -> Result<u64, PtauError> {
    let mut b = [0u8; 8];
    read_bytes(r, &mut b, what)?;
    Ok(u64::from_le_bytes(b))
}

/// A Montgomery-form coordinate, if below the modulus.
fn coordinate(bytes: &[u8]) -> Option<Fq> {
    let mut limbs = [0u64; 4];
    for (limb, chunk) in limbs.iter_mut().zip(bytes.chunks_exact(8)) {
        *limb = u64::from_le_bytes(chunk.try_into().ok()?);
    }
    let value = BigInt::new(limbs);
    (value < Fq::MODULUS).then(|| Fq::new_unchecked(value))
}

/// Checks `point` (built without checks) is on the curve and in the prime-order subgroup.
fn validate<P: SWCurveConfig>(
    point: Option<Affine<P>>,
    section: &'static str,
    index: usize,
) -> Result<Affine<P>, PtauError> {
    let point = point
        .filter(Affine::is_on_curve)
        .ok_or(PtauError::NotOnCurve { section, index })?;
    if !point.is_in_correct_subgroup_assuming_on_curve() {
        return Err(PtauError::NotInSubgroup { section, index });
    }
    Ok(point)
}

fn g1_point(bytes: &[u8], index: usize) -> Result<G1Affine, PtauError> {
    let point = (|| {
        let x = coordinate(bytes.get(..N8)?)?;
        let y = coordinate(bytes.get(N8..G1_BYTES)?)?;
        Some(G1Affine::new_unchecked(x, y))
    })();
    validate(point, "tauG1", index)
}

fn g2_point(bytes: &[u8], index: usize) -> Result<G2Affine, PtauError> {
    let point = (|| {
        let c = |k: usize| coordinate(bytes.get(k * N8..(k + 1) * N8)?);
        Some(G2Affine::new_unchecked(
            Fq2::new(c(0)?, c(1)?),
            Fq2::new(c(2)?, c(3)?),
        ))
    })();
    validate(point, "tauG2", index)
}

/// Reads the section table and returns the header, `tauG1` and `tauG2` sections.
fn sections<R: Read + Seek>(r: &mut R) -> Result<[Section; 3], PtauError> {
    let file_len = r.seek(SeekFrom::End(0))?;
    r.seek(SeekFrom::Start(0))?;
    let mut magic = [0u8; 4];
    read_bytes(r, &mut magic, "file header")?;
    if &magic != b"ptau" {
        return Err(PtauError::Magic);
    }
    let version = read_u32(r, "file header")?;
    if version != 1 {
        return Err(PtauError::Version(version));
    }
    let count = read_u32(r, "file header")?;
    let mut found: [Option<Section>; 3] = [None; 3];
    for _ in 0..count {
        let kind = read_u32(r, "section table")?;
        let size = read_u64(r, "section table")?;
        let start = r.stream_position()?;
        let end = start
            .checked_add(size)
            .filter(|end| *end <= file_len)
            .ok_or(PtauError::Truncated(match kind {
                1 => "header section",
                2 => "tauG1 section",
                3 => "tauG2 section",
                _ => "section table",
            }))?;
        if let Some(slot @ None) = (kind as usize)
            .checked_sub(1)
            .and_then(|k| found.get_mut(k))
        {
            *slot = Some(Section { start, size });
        }
        r.seek(SeekFrom::Start(end))?;
    }
    match found {
        [Some(header), Some(g1), Some(g2)] => Ok([header, g1, g2]),
        [None, ..] => Err(PtauError::MissingSection("header")),
        [_, None, _] => Err(PtauError::MissingSection("tauG1")),
        [.., None] => Err(PtauError::MissingSection("tauG2")),
    }
}

/// Checks the header (BN254's modulus) and returns `power`.
fn header<R: Read + Seek>(r: &mut R, section: Section) -> Result<u32, PtauError> {
    // `n8`, `q`, `power`, `ceremony_power` (reading past a short header would read the next
    // section).
    if section.size < (4 + N8 + 8) as u64 {
        return Err(PtauError::Truncated("header section"));
    }
    r.seek(SeekFrom::Start(section.start))?;
    let n8 = read_u32(r, "header section")?;
    if n8 as usize != N8 {
        return Err(PtauError::WrongCurve);
    }
    let mut q = [0u8; N8];
    read_bytes(r, &mut q, "header section")?;
    if q[..] != Fq::MODULUS.to_bytes_le()[..] {
        return Err(PtauError::WrongCurve);
    }
    let power = read_u32(r, "header section")?;
    let _ceremony_power = read_u32(r, "header section")?;
    if !(2..=MAX_POWER).contains(&power) {
        return Err(PtauError::Power(power));
    }
    Ok(power)
}

fn check_size(
    section: &'static str,
    s: Section,
    power: u32,
    expected: u64,
) -> Result<(), PtauError> {
    if s.size != expected {
        return Err(PtauError::SectionSize {
            section,
            power,
            expected,
            got: s.size,
        });
    }
    Ok(())
}

/// `e(Σ ρ_i [τ^{i+1}]_1, [1]_2) = e(Σ ρ_i [τ^i]_1, [τ]_2)` over `i ∈ pairs`, random `ρ_i`.
fn g1_pairs_consistent(powers: &[G1Affine], tau_g2: G2Affine, pairs: Range<usize>) -> bool {
    let mut rng = rand::thread_rng();
    let rho: Vec<Fr> = pairs.clone().map(|_| Fr::rand(&mut rng)).collect();
    let (Some(higher), Some(lower)) = (
        powers.get(pairs.start + 1..pairs.end + 1),
        powers.get(pairs.clone()),
    ) else {
        return false;
    };
    let higher = G1Projective::msm_unchecked(higher, &rho);
    let lower = G1Projective::msm_unchecked(lower, &rho);
    Bn254::multi_pairing([higher, -lower], [G2Affine::generator(), tau_g2]).is_zero()
}

/// The first `i` with `[τ^{i+1}]_1 ≠ τ·[τ^i]_1`, if any.
fn first_inconsistent_g1(powers: &[G1Affine], tau_g2: G2Affine) -> Option<usize> {
    let mut pairs = 0..powers.len().saturating_sub(1);
    if g1_pairs_consistent(powers, tau_g2, pairs.clone()) {
        return None;
    }
    // Invariant: `pairs` holds an inconsistent pair.
    while pairs.len() > 1 {
        let mid = pairs.start + pairs.len() / 2;
        pairs = if g1_pairs_consistent(powers, tau_g2, pairs.start..mid) {
            mid..pairs.end
        } else {
            pairs.start..mid
        };
    }
    Some(pairs.start)
}

/// Reads a BN254 powers-of-tau file into an SRS with `min(max_len, 2·2^power − 1)` powers of
/// `τ` in G1 (at least three), validating everything read (see the [module
/// documentation](self)).
#[tracing::instrument(skip_all, name = "read .ptau", fields(powers = max_len))]
pub fn read_ptau<R: Read + Seek>(mut r: R, max_len: usize) -> Result<HyperKzgSrs, PtauError> {
    let [header_section, g1_section, g2_section] = sections(&mut r)?;
    let power = header(&mut r, header_section)?;
    let g1_count = (1usize << (power + 1)) - 1;
    let g2_count = 1usize << power;
    check_size("tauG1", g1_section, power, (g1_count * G1_BYTES) as u64)?;
    check_size("tauG2", g2_section, power, (g2_count * G2_BYTES) as u64)?;

    let len = max_len.clamp(3, g1_count);
    let mut bytes = vec![0u8; len * G1_BYTES];
    r.seek(SeekFrom::Start(g1_section.start))?;
    read_bytes(&mut r, &mut bytes, "tauG1 section")?;
    let g1_powers = cfg_chunks!(bytes, G1_BYTES)
        .enumerate()
        .map(|(i, b)| g1_point(b, i))
        .collect::<Result<Vec<_>, _>>()?;
    let mut bytes = [0u8; G2_POWERS * G2_BYTES];
    r.seek(SeekFrom::Start(g2_section.start))?;
    read_bytes(&mut r, &mut bytes, "tauG2 section")?;
    let mut g2_powers = [G2Affine::zero(); G2_POWERS];
    for (index, (slot, b)) in g2_powers
        .iter_mut()
        .zip(bytes.chunks_exact(G2_BYTES))
        .enumerate()
    {
        *slot = g2_point(b, index)?;
    }

    // `len ≥ 3`.
    let g1_head: [G1Affine; 3] = std::array::from_fn(|i| g1_powers[i]);
    if g1_head[0] != G1Affine::generator() {
        return Err(PtauError::NotGenerator("tauG1"));
    }
    if g2_powers[0] != G2Affine::generator() {
        return Err(PtauError::NotGenerator("tauG2"));
    }
    if let Some(index) = first_inconsistent_g1(&g1_powers, g2_powers[1]) {
        return Err(PtauError::InconsistentPower {
            section: "tauG1",
            index,
        });
    }
    for (index, pair) in g2_powers.windows(2).enumerate() {
        if Bn254::pairing(g1_head[1], pair[0]) != Bn254::pairing(g1_head[0], pair[1]) {
            return Err(PtauError::InconsistentPower {
                section: "tauG2",
                index,
            });
        }
    }
    let vk = HyperKzgVerifierKey {
        g1_powers: g1_head,
        g2_powers,
    };
    Ok(HyperKzgSrs {
        g1_powers: g1_powers.into(),
        vk,
    })
}
