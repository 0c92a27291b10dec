//! The Keccak instructions are sound tables (subtable MLEs equal their tables, every chunk is
//! read, the decompositions equal the reference semantics), their registration is valid, the
//! interleaved permutation is Keccak-f[1600], and the hashes equal the `sha3` crate's.

use jolt_instructions::check::{check_coverage, check_queries, check_subtable};
use jolt_instructions::{check_extensions, decode, resolve_custom, Opcode, TableId};
use jolt_precompiles::byte_tables::XorHigh;
use jolt_precompiles::keccak::tables::{AndNByte, EvenBits, EXTENSIONS, ROTL_XOR};
use jolt_precompiles::keccak::{
    self, from_interleaved, gather_even, is_registered_rotation, spread, to_interleaved, ROTATIONS,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sha3::{Digest, Keccak256, Sha3_256};

/// Edge operands crossed with each other, then random pairs.
fn queries(seed: u64) -> Vec<(u32, u32)> {
    let edges = [
        0,
        1,
        2,
        0x80,
        0xff,
        0x100,
        u32::MAX,
        i32::MIN as u32,
        i32::MAX as u32,
        0x00ff_00ff,
        0xff00_ff00,
        0x5555_5555,
        0xaaaa_aaaa,
        0x8080_8080,
        0x0101_0101,
        0xdead_beef,
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    edges
        .iter()
        .flat_map(|&x| edges.iter().map(move |&y| (x, y)))
        .chain((0..5_000).map(|_| (rng.gen(), rng.gen())))
        .collect()
}

#[test]
fn subtable_mles_equal_their_tables() {
    for n in 1..8 {
        check_subtable(&XorHigh::new(n)).unwrap();
    }
    check_subtable(&AndNByte).unwrap();
    check_subtable(&EvenBits).unwrap();
}

#[test]
fn every_table_reads_every_chunk_and_equals_its_reference() {
    for (k, e) in EXTENSIONS.iter().enumerate() {
        check_coverage(e.table).unwrap();
        check_queries(e.table, queries(k as u64)).unwrap();
    }
}

#[test]
fn reference_semantics() {
    for (table, &k) in ROTL_XOR.iter().zip(&ROTATIONS) {
        assert_eq!(table.k(), k);
        assert!(is_registered_rotation(k));
        for (x, y) in queries(k.into()).into_iter().take(300) {
            assert_eq!(keccak::rotl_xor_ref(k, x, y), (x ^ y).rotate_left(k));
        }
    }
    assert!(!is_registered_rotation(0) && !is_registered_rotation(6));
    assert_eq!(keccak::andn_ref(0xff00_f0f0, 0x0f0f_ffff), 0x000f_0f0f);
    assert_eq!(gather_even(0x5555_5555), 0xffff);
    assert_eq!(gather_even(0xaaaa_aaaa), 0);
    assert_eq!(gather_even(0x0000_0005), 0b11);
    assert_eq!(spread(0xffff), 0x5555_5555);
    assert_eq!(spread(0b101), 0b10001);
    assert_eq!(keccak::even_ref(0x5555_5555, 1), 0x0001_ffff);
    assert_eq!(keccak::unzip(0x5555_5555), 0x0000_ffff);
    assert_eq!(keccak::zip(0x0000_ffff), 0x5555_5555);
    assert_eq!(keccak::zip(0xffff_0000), 0xaaaa_aaaa);
    let mut rng = ChaCha8Rng::seed_from_u64(64);
    for _ in 0..10_000 {
        let lane: u64 = rng.gen();
        let [e, o] = to_interleaved(lane);
        // An independent reading of the interleaved form: bit 2j of the lane is bit j of e.
        for j in 0..32 {
            assert_eq!(e >> j & 1, (lane >> (2 * j) & 1) as u32);
            assert_eq!(o >> j & 1, (lane >> (2 * j + 1) & 1) as u32);
        }
        assert_eq!(from_interleaved([e, o]), lane);
        // The way out of the interleaved form the hashes use.
        let (lo, hi) = (lane as u32, (lane >> 32) as u32);
        assert_eq!(keccak::zip(e & 0xffff | o << 16), lo);
        assert_eq!(keccak::zip(e >> 16 | o & 0xffff_0000), hi);
        let w = lo ^ hi.rotate_left(7);
        assert_eq!(keccak::zip(keccak::unzip(w)), w);
        assert_eq!((0..5).fold(w, |v, _| keccak::unzip(v)), w);
        // A 64-bit rotation is two 32-bit ones, swapped for odd amounts.
        for r in 0..64 {
            let [re, ro] = to_interleaved(lane.rotate_left(r));
            let t = r / 2;
            if r % 2 == 0 {
                assert_eq!([re, ro], [e.rotate_left(t), o.rotate_left(t)]);
            } else {
                assert_eq!([re, ro], [o.rotate_left(t + 1), e.rotate_left(t)]);
            }
        }
    }
}

#[test]
fn registration_is_valid_and_decodes() {
    check_extensions(&EXTENSIONS).unwrap();
    for (k, e) in EXTENSIONS.iter().enumerate() {
        assert_eq!(e.funct3, keccak::FUNCT3);
        let instr = decode(e.encode(5, 6, 7)).unwrap();
        assert_eq!(instr.opcode, Opcode::Custom);
        assert_eq!(
            resolve_custom(&instr, &EXTENSIONS),
            Ok(Some(TableId::Custom(k as u16)))
        );
    }
    let names: Vec<_> = EXTENSIONS.iter().map(|e| e.table.name()).collect();
    assert_eq!(names[23..], ["KECCAK_ANDN", "KECCAK_EVEN"]);
    assert_eq!(EXTENSIONS[23].funct7, keccak::FUNCT7_ANDN);
    assert_eq!(EXTENSIONS[24].funct7, keccak::FUNCT7_EVEN);
}

/// The rotation amounts the interleaved rho and theta use are exactly the registered ones.
#[test]
fn the_registered_rotations_are_those_keccak_f_needs() {
    let rho: [[u32; 5]; 5] = [
        [0, 36, 3, 41, 18],
        [1, 44, 10, 45, 2],
        [62, 6, 43, 15, 61],
        [28, 55, 25, 21, 56],
        [27, 20, 39, 8, 14],
    ];
    let mut needed: Vec<u32> = rho
        .iter()
        .flatten()
        .flat_map(|&r| [r / 2, r.div_ceil(2)])
        .chain([1])
        .filter(|&k| k != 0)
        .collect();
    needed.sort();
    needed.dedup();
    assert_eq!(needed, ROTATIONS);
}

#[test]
fn permutation_is_keccak_f1600() {
    let mut rng = ChaCha8Rng::seed_from_u64(1600);
    for _ in 0..50 {
        let mut lanes: [u64; 25] = core::array::from_fn(|_| rng.gen());
        let mut state = [0u32; 50];
        for (l, &lane) in lanes.iter().enumerate() {
            state[2 * l..2 * l + 2].copy_from_slice(&to_interleaved(lane));
        }
        keccak::keccak_f(&mut state);
        ::keccak::f1600(&mut lanes);
        for (l, &lane) in lanes.iter().enumerate() {
            assert_eq!(
                from_interleaved([state[2 * l], state[2 * l + 1]]),
                lane,
                "lane {l}"
            );
        }
    }
}

#[test]
fn hashes_equal_the_sha3_crate() {
    let mut rng = ChaCha8Rng::seed_from_u64(256);
    let data: Vec<u8> = (0..2_100).map(|_| rng.gen()).collect();
    let lengths = [
        0, 1, 31, 32, 55, 56, 63, 64, 65, 127, 128, 135, 136, 137, 271, 272, 273, 1000, 1024,
        2_048, 2_100,
    ];
    for len in lengths.into_iter().chain(0..300) {
        let input = &data[..len];
        let expected: [u8; 32] = Keccak256::digest(input).into();
        assert_eq!(
            keccak::keccak256(input),
            expected,
            "Keccak-256 of {len} bytes"
        );
        let expected: [u8; 32] = Sha3_256::digest(input).into();
        assert_eq!(keccak::sha3_256(input), expected, "SHA3-256 of {len} bytes");
    }
}

/// The (subtable, chunk) memories the registration adds to the built-in tables' (each one a
/// committed polynomial of every cycle of a program registering it): 22 `xor_high_n`,
/// and `keccak_andn` and `keccak_even` at the four chunks.
#[test]
fn the_registration_adds_30_memories() {
    let memories =
        |tables: &mut dyn Iterator<Item = &'static dyn jolt_instructions::Instruction>| {
            let mut set = std::collections::BTreeSet::new();
            for table in tables {
                for (subtable, positions) in table.subtables() {
                    for chunk in positions.iter() {
                        set.insert((subtable.name(), chunk));
                    }
                }
            }
            set
        };
    let builtin = memories(&mut jolt_instructions::LookupId::ALL.iter().map(|id| id.table()));
    let ours = memories(&mut EXTENSIONS.iter().map(|e| e.table));
    let new: Vec<_> = ours.difference(&builtin).collect();
    assert_eq!(new.len(), 30, "{new:?}");
    assert_eq!(
        new.iter()
            .filter(|(name, _)| name.starts_with("xor_high"))
            .count(),
        22
    );
    assert!(ours.contains(&("xor", 0)) && builtin.contains(&("xor", 0)));
    // SHA-256 uses the same `xor_high_n` subtables: a program registering both hash
    // instruction sets pays for the shared memories once.
    let sha = memories(&mut jolt_precompiles::sha256::EXTENSIONS.iter().map(|e| e.table));
    let shared: Vec<_> = new
        .iter()
        .filter(|m| m.0.starts_with("xor_high") && sha.contains(m))
        .collect();
    assert!(shared.len() >= 4, "{shared:?}");
}
