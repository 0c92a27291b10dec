//! The SHA-256 instructions are sound tables and the hash built on them is SHA-256: every
//! subtable's MLE is its table, every table's decomposition equals its reference semantics on
//! edge and random operands, the registration is accepted next to the built-in tables, and the
//! digest equals the `sha2` crate's on many lengths.

use std::collections::BTreeSet;

use jolt_instructions::check::{check_coverage, check_queries, check_subtable};
use jolt_instructions::{check_extensions, decode, resolve_custom, LookupId, Opcode, TableId};
use jolt_precompiles::sha256::ops::{
    bswap, rotrshr, xorrotr, FUNCT3, ROTRSHR_AMOUNTS, XORROTR_AMOUNTS,
};
use jolt_precompiles::sha256::{
    self, big_sigma0, big_sigma1, small_sigma0, small_sigma1, Left, ShrWrap, XorHigh, EXTENSIONS,
};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sha2::Digest as _;

#[test]
fn subtable_mles_equal_their_tables() {
    for m in 1..8 {
        check_subtable(&XorHigh::new(m)).unwrap();
    }
    for m in [2, 3] {
        check_subtable(&ShrWrap::new(m)).unwrap();
    }
    check_subtable(&Left).unwrap();
}

fn operands() -> Vec<(u32, u32)> {
    let edges = [
        0,
        1,
        2,
        7,
        0x3ff,
        u32::MAX,
        i32::MIN as u32,
        i32::MAX as u32,
        0x00ff_00ff,
        0xff00_ff00,
        0x0101_0101,
        0x8080_8080,
        0x7f7f_7f7f,
        0x6a09_e667,
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(256);
    let pairs = edges
        .iter()
        .flat_map(|&x| edges.iter().map(move |&y| (x, y)));
    pairs
        .chain((0..20_000).map(|_| (rng.gen(), rng.gen())))
        .collect()
}

#[test]
fn decompositions_equal_the_reference_semantics() {
    let operands = operands();
    for e in &EXTENSIONS {
        check_coverage(e.table).unwrap();
        check_queries(e.table, operands.iter().copied()).unwrap();
    }
}

/// Each registration's table computes what its `funct7` says (independent formulas).
#[test]
fn encodings_match_the_semantics() {
    assert_eq!(
        EXTENSIONS.len(),
        XORROTR_AMOUNTS.len() + ROTRSHR_AMOUNTS.len() + 1
    );
    let operands = operands();
    for e in &EXTENSIONS {
        assert_eq!(e.funct3, FUNCT3);
        let f7 = u32::from(e.funct7);
        for &(x, y) in operands.iter().step_by(7) {
            let expected = match f7 {
                k if k < 32 => {
                    assert!(XORROTR_AMOUNTS.contains(&k));
                    (x.rotate_right(k) ^ y.rotate_right(k), xorrotr(x, y, k))
                }
                k if k < 64 => {
                    let k = k - 32;
                    assert!(ROTRSHR_AMOUNTS.contains(&k));
                    let masked = y & !((1 << k) - 1);
                    ((x ^ masked).rotate_right(k), rotrshr(x, y, k))
                }
                _ => {
                    assert_eq!(f7, 64);
                    let b = (x ^ y).to_be_bytes();
                    (u32::from_le_bytes(b), bswap(x, y))
                }
            };
            assert_eq!(expected.0, expected.1, "funct7 {f7}, ({x:#x}, {y:#x})");
            assert_eq!(e.table.lookup_entry(x, y), expected.0, "{}", e.table.name());
        }
    }
}

#[test]
fn registration_is_valid_and_decodes() {
    check_extensions(&EXTENSIONS).unwrap();
    for (k, e) in EXTENSIONS.iter().enumerate() {
        let instr = decode(e.encode(5, 6, 7)).unwrap();
        assert_eq!(instr.opcode, Opcode::Custom);
        assert_eq!(
            resolve_custom(&instr, &EXTENSIONS),
            Ok(Some(TableId::Custom(k as u16)))
        );
    }
}

/// The (subtable, chunk) memories the registration adds to the built-in tables' (the figure
/// in the module doc).
#[test]
fn ten_new_memories() {
    let memories =
        |tables: &mut dyn Iterator<Item = &'static dyn jolt_instructions::Instruction>| {
            let mut set = BTreeSet::new();
            for table in tables {
                for (s, positions) in table.subtables() {
                    for i in positions.iter() {
                        set.insert((s.name(), i));
                    }
                }
            }
            set
        };
    let builtin = memories(&mut LookupId::ALL.iter().map(|id| id.table()));
    let ours = memories(&mut EXTENSIONS.iter().map(|e| e.table));
    let new: Vec<_> = ours.difference(&builtin).collect();
    println!(
        "built-in memories: {}, new: {} {new:?}",
        builtin.len(),
        new.len()
    );
    assert_eq!(new.len(), 10, "{new:?}");
}

#[test]
fn sigma_functions_equal_their_definitions() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    for x in [0, 1, u32::MAX, 0x8000_0000]
        .into_iter()
        .chain((0..10_000).map(|_| rng.gen()))
    {
        let r = |k| x.rotate_right(k);
        assert_eq!(big_sigma0(x), r(2) ^ r(13) ^ r(22), "{x:#x}");
        assert_eq!(big_sigma1(x), r(6) ^ r(11) ^ r(25), "{x:#x}");
        assert_eq!(small_sigma0(x), r(7) ^ r(18) ^ (x >> 3), "{x:#x}");
        assert_eq!(small_sigma1(x), r(17) ^ r(19) ^ (x >> 10), "{x:#x}");
    }
}

#[test]
fn digest_equals_the_sha2_crate() {
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    let mut data = vec![0u8; 2101];
    rng.fill_bytes(&mut data);
    let lengths = [
        0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 135, 136, 137, 1000, 1024, 2100,
    ];
    for len in lengths {
        let expected: [u8; 32] = sha2::Sha256::digest(&data[..len]).into();
        assert_eq!(sha256::digest(&data[..len]), expected, "{len} bytes");
        // Unaligned input takes the byte-by-byte path.
        assert_eq!(
            sha256::digest(&data[1..len + 1]),
            <[u8; 32]>::from(sha2::Sha256::digest(&data[1..len + 1])),
            "{len} bytes at offset 1"
        );
    }
}

#[test]
fn incremental_updates_equal_one_update() {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let mut data = vec![0u8; 700];
    rng.fill_bytes(&mut data);
    for _ in 0..50 {
        let mut hasher = sha256::Sha256::new();
        let mut rest = &data[..];
        while !rest.is_empty() {
            let take = rng.gen_range(0..=rest.len().min(150));
            hasher.update(&rest[..take]);
            rest = &rest[take..];
        }
        assert_eq!(hasher.finalize(), sha256::digest(&data));
    }
}
