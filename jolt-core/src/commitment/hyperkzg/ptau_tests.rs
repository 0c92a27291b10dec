//! The snarkjs fixture (`scripts/make-ptau-fixture.sh`: power 8, two contributions) loads and
//! proves; each way of corrupting it is rejected with its own error.

use super::ptau::read_ptau;
use super::*;
use crate::commitment::test_utils;
use ark_bn254::{Fq, Fq2, G2Affine};
use ark_ec::AffineRepr;
use std::io::Cursor;
use std::path::Path;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/bn128-pot8.ptau"
);
/// Offsets in the fixture (its section table: header at 24, tauG1 at 80, tauG2 at 32796).
const MODULUS_AT: usize = 28;
const POWER_AT: usize = 60;
const TAU_G1_AT: usize = 80;
const TAU_G2_AT: usize = 32796;
/// All G1 powers of a power-8 file.
const G1_POWERS: usize = 511;

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).expect("the fixture exists")
}

fn read(bytes: Vec<u8>) -> Result<HyperKzgSrs, PtauError> {
    read_ptau(Cursor::new(bytes), G1_POWERS)
}

fn g1_at(i: usize) -> usize {
    TAU_G1_AT + 64 * i
}

fn g2_at(i: usize) -> usize {
    TAU_G2_AT + 128 * i
}

fn swap(bytes: &mut [u8], a: usize, b: usize, len: usize) {
    let first = bytes[a..a + len].to_vec();
    bytes.copy_within(b..b + len, a);
    bytes[b..b + len].copy_from_slice(&first);
}

/// The Montgomery-form bytes of a coordinate, as snarkjs writes them.
fn write_fq(out: &mut [u8], x: Fq) {
    for (chunk, limb) in out.chunks_exact_mut(8).zip(x.0 .0) {
        chunk.copy_from_slice(&limb.to_le_bytes());
    }
}

#[test]
fn snarkjs_fixture_loads_and_proves_openings() {
    let params = HyperKzgParameters::from_ptau_file(Path::new(FIXTURE), 1 << 8).unwrap();
    let HyperKzgParameters::Ceremony(srs) = &params else {
        panic!("a .ptau gives ceremony parameters");
    };
    assert_eq!(srs.max_len(), 1 << 8, "only the powers asked for are read");
    let vk = HyperKzg::verifier_setup(&params, 8).unwrap();
    assert!(!HyperKzg::is_insecure(&vk));
    let setup = HyperKzg::prover_setup(&params, 8, 8).unwrap();
    test_utils::completeness::<HyperKzg>(&setup, &vk, &(0..=8).collect::<Vec<_>>());

    // The whole file: 2·2^8 − 1 powers, one short of 2^9 evaluations.
    let all = HyperKzgParameters::from_ptau_file(Path::new(FIXTURE), usize::MAX).unwrap();
    assert_eq!(HyperKzg::verifier_setup(&all, 9).unwrap(), vk);
    let err = HyperKzg::prover_setup(&all, 9, 9).err().unwrap();
    assert_eq!(
        err,
        SetupError::TooFewPowers {
            available: G1_POWERS,
            needed: 1 << 9,
            num_vars: 9
        }
    );
    assert!(err
        .to_string()
        .contains("use a .ptau file of power at least 9"));
}

#[test]
fn missing_file_names_the_path() {
    let err = HyperKzgParameters::from_ptau_file(Path::new("/nonexistent/x.ptau"), 8)
        .err()
        .unwrap();
    assert!(
        matches!(&err, SetupError::Ptau { path, error: PtauError::Io(_) } if path == "/nonexistent/x.ptau")
    );
}

#[test]
fn rejects_wrong_magic_version_and_truncation() {
    let mut bytes = fixture();
    bytes[0] = b'x';
    assert_eq!(read(bytes).err(), Some(PtauError::Magic));
    let mut bytes = fixture();
    bytes[4] = 2;
    assert_eq!(read(bytes).err(), Some(PtauError::Version(2)));
    let mut bytes = fixture();
    bytes.truncate(10);
    assert_eq!(read(bytes).err(), Some(PtauError::Truncated("file header")));
    let mut bytes = fixture();
    bytes.truncate(g1_at(300));
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::Truncated("tauG1 section"))
    );
    let mut bytes = fixture();
    bytes.truncate(g2_at(100));
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::Truncated("tauG2 section"))
    );
    // tauG2's section type (at its header, 12 bytes before the body) changed: no tauG2.
    let mut bytes = fixture();
    bytes[TAU_G2_AT - 12] = 9;
    assert_eq!(read(bytes).err(), Some(PtauError::MissingSection("tauG2")));
    // A header section too short for its fields (and empty point sections).
    let mut bytes = b"ptau".to_vec();
    for word in [1u32, 3, 1] {
        bytes.extend(word.to_le_bytes());
    }
    bytes.extend(4u64.to_le_bytes());
    bytes.extend(32u32.to_le_bytes());
    for kind in [2u32, 3] {
        bytes.extend(kind.to_le_bytes());
        bytes.extend(0u64.to_le_bytes());
    }
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::Truncated("header section"))
    );
}

#[test]
fn rejects_another_curve_and_a_wrong_power_count() {
    let mut bytes = fixture();
    bytes[MODULUS_AT] ^= 1;
    assert_eq!(read(bytes).err(), Some(PtauError::WrongCurve));
    let mut bytes = fixture();
    bytes[POWER_AT] = 9;
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::SectionSize {
            section: "tauG1",
            power: 9,
            expected: 1023 * 64,
            got: 511 * 64
        })
    );
    let mut bytes = fixture();
    bytes[POWER_AT] = 1;
    assert_eq!(read(bytes).err(), Some(PtauError::Power(1)));
}

#[test]
fn rejects_points_off_the_curve_or_outside_the_subgroup() {
    let mut bytes = fixture();
    bytes[g1_at(5) + 3] ^= 0x10;
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::NotOnCurve {
            section: "tauG1",
            index: 5
        })
    );
    let mut bytes = fixture();
    bytes[g2_at(2) + 70] ^= 0x01;
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::NotOnCurve {
            section: "tauG2",
            index: 2
        })
    );
    // A coordinate that is not below the modulus.
    let mut bytes = fixture();
    bytes[g1_at(1)..g1_at(1) + 32].fill(0xff);
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::NotOnCurve {
            section: "tauG1",
            index: 1
        })
    );
    // A point of the twist outside the prime-order subgroup.
    let outside = (1u64..)
        .filter_map(|k| G2Affine::get_point_from_x_unchecked(Fq2::from(k), false))
        .find(|p| !p.is_in_correct_subgroup_assuming_on_curve())
        .unwrap();
    let (x, y) = outside.xy().unwrap();
    let mut bytes = fixture();
    let at = g2_at(3);
    for (k, c) in [x.c0, x.c1, y.c0, y.c1].into_iter().enumerate() {
        write_fq(&mut bytes[at + 32 * k..at + 32 * (k + 1)], c);
    }
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::NotInSubgroup {
            section: "tauG2",
            index: 3
        })
    );
}

#[test]
fn rejects_swapped_or_shifted_powers() {
    let mut bytes = fixture();
    swap(&mut bytes, g1_at(10), g1_at(11), 64);
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::InconsistentPower {
            section: "tauG1",
            index: 9
        })
    );
    // The last pair of the powers read (the rest of the file is not read).
    let mut bytes = fixture();
    swap(&mut bytes, g1_at(255), g1_at(300), 64);
    assert_eq!(
        read_ptau(Cursor::new(bytes.clone()), 256).err(),
        Some(PtauError::InconsistentPower {
            section: "tauG1",
            index: 254
        })
    );
    assert!(read_ptau(Cursor::new(bytes), 255).is_ok());
    let mut bytes = fixture();
    swap(&mut bytes, g2_at(2), g2_at(3), 128);
    assert_eq!(
        read(bytes).err(),
        Some(PtauError::InconsistentPower {
            section: "tauG2",
            index: 1
        })
    );
    // Powers shifted by one: the first is no longer the generator.
    let mut bytes = fixture();
    bytes.copy_within(g1_at(1)..g1_at(2), g1_at(0));
    assert_eq!(read(bytes).err(), Some(PtauError::NotGenerator("tauG1")));
}
