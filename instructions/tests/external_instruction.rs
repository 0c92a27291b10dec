//! The lookup traits are implementable outside this crate: an integration test is another
//! crate, and here it defines ANDN (`x & !y`) with a subtable of its own, then holds them to the
//! same checks as the built-in tables.

use ark_ff::{AdditiveGroup, One, Zero};
use jolt_instructions::check::{check_coverage, check_queries, check_subtable};
use jolt_instructions::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, LOG_M, M};

/// `andn[(a << 8) | b] = a & !b` for bytes a, b.
#[derive(Debug)]
struct AndNotSubtable;

impl Subtable for AndNotSubtable {
    fn name(&self) -> &'static str {
        "example_andn"
    }

    fn materialize(&self) -> Vec<u64> {
        (0..M as u64).map(|i| (i >> 8) & !i & 0xff).collect()
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        // Σ_k 2^(7-k) · a_k · (1 - b_k), with a = point[..8], b = point[8..].
        let half = LOG_M / 2;
        (0..half).fold(Fr::zero(), |acc, k| {
            acc.double() + point[k] * (Fr::one() - point[half + k])
        })
    }
}

#[derive(Debug)]
struct AndNot;

impl Instruction for AndNot {
    fn name(&self) -> &'static str {
        "EXAMPLE_ANDN"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x & !y
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(AndNotSubtable), ChunkPositions::all())]
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals.iter()
            .fold(Fr::zero(), |acc, &v| acc * Fr::from(256u64) + v)
    }

    fn g_degree(&self) -> usize {
        1
    }
}

#[test]
fn user_defined_subtable_mle_matches_its_table() {
    check_subtable(&AndNotSubtable).unwrap();
}

#[test]
fn user_defined_instruction_decomposes_correctly() {
    check_coverage(&AndNot).unwrap();
    let edges = [
        0,
        1,
        u32::MAX,
        i32::MIN as u32,
        i32::MAX as u32,
        0x1234_5678,
    ];
    let pairs = edges
        .iter()
        .flat_map(|&x| edges.iter().map(move |&y| (x, y)));
    let pseudo_random = (0..10_000u32).map(|i| {
        (
            i.wrapping_mul(0x9e37_79b9),
            i.wrapping_mul(0x85eb_ca6b) ^ 0x5bd1_e995,
        )
    });
    check_queries(&AndNot, pairs.chain(pseudo_random)).unwrap();
}

#[test]
fn a_wrong_user_instruction_is_caught() {
    #[derive(Debug)]
    struct Broken;
    impl Instruction for Broken {
        fn name(&self) -> &'static str {
            "BROKEN"
        }
        fn lookup_entry(&self, x: u32, y: u32) -> u32 {
            x | y
        }
        fn packing(&self) -> IndexPacking {
            IndexPacking::Interleaved
        }
        fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
            vec![(Box::new(AndNotSubtable), ChunkPositions::range(0..3))]
        }
        fn combine_lookups(&self, vals: &[Fr]) -> Fr {
            vals.iter()
                .fold(Fr::zero(), |acc, &v| acc * Fr::from(256u64) + v)
        }
        fn g_degree(&self) -> usize {
            1
        }
    }
    assert!(check_coverage(&Broken).unwrap_err().contains("chunk 3"));
    assert!(check_queries(&Broken, [(1, 2)]).is_err());
}
