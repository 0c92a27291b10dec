//! `AVGU8` is a sound table: its subtable's MLE is its table on the whole hypercube, every chunk
//! is read, and its decomposition equals the reference semantics on edge and random operands;
//! the registration is accepted next to the built-in tables.

use jolt_extension_example::{avgu8, AvgU8, AvgU8Byte, EXTENSIONS, FUNCT3, FUNCT7};
use jolt_instructions::check::{check_coverage, check_queries, check_subtable};
use jolt_instructions::{check_extensions, decode, resolve_custom, Instruction, Opcode, TableId};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

// ANCHOR: checks
#[test]
fn subtable_mle_equals_its_table() {
    check_subtable(&AvgU8Byte).unwrap();
}

#[test]
fn every_chunk_is_read() {
    check_coverage(&AvgU8).unwrap();
}
// ANCHOR_END: checks

#[test]
fn reference_semantics_lane_by_lane() {
    assert_eq!(avgu8(0, 0), 0);
    assert_eq!(avgu8(u32::MAX, u32::MAX), u32::MAX);
    assert_eq!(avgu8(u32::MAX, 0), 0x8080_8080);
    assert_eq!(avgu8(0x0102_0304, 0x0000_0000), 0x0101_0202);
    assert_eq!(avgu8(0x8000_00ff, 0x7f00_0001), 0x8000_0080);
    // Lanes do not carry into each other.
    assert_eq!(avgu8(0x00ff_00ff, 0x00ff_00ff), 0x00ff_00ff);
    assert_eq!(avgu8(0x00ff_0000, 0x0001_0000), 0x0080_0000);
}

#[test]
fn decomposition_equals_reference_on_edge_and_random_operands() {
    let edges = [
        0,
        1,
        2,
        u32::MAX,
        i32::MIN as u32,
        i32::MAX as u32,
        0x00ff_00ff,
        0xff00_ff00,
        0x0101_0101,
        0x8080_8080,
        0x7f7f_7f7f,
    ];
    let pairs = edges
        .iter()
        .flat_map(|&x| edges.iter().map(move |&y| (x, y)));
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    let random: Vec<(u32, u32)> = (0..20_000).map(|_| (rng.gen(), rng.gen())).collect();
    check_queries(&AvgU8, pairs.chain(random.iter().copied())).unwrap();
    for &(x, y) in &random {
        // An independent formula: the rounding average is (x | y) - ((x ^ y) >> 1) per lane.
        let lanes = (x | y).wrapping_sub(((x ^ y) >> 1) & 0x7f7f_7f7f);
        assert_eq!(AvgU8.lookup_entry(x, y), lanes, "({x:#x}, {y:#x})");
    }
}

#[test]
fn registration_decodes_and_resolves() {
    check_extensions(&EXTENSIONS).unwrap();
    let word = EXTENSIONS[0].encode(10, 11, 12);
    let instr = decode(word).unwrap();
    assert_eq!(instr.opcode, Opcode::Custom);
    assert_eq!(
        instr.imm,
        u32::from(FUNCT7) << 3 | u32::from(FUNCT3),
        "{word:#010x}"
    );
    assert_eq!(
        resolve_custom(&instr, &EXTENSIONS),
        Ok(Some(TableId::Custom(0)))
    );
}
