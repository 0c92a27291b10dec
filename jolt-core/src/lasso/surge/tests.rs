use super::standalone::verify_standalone_bytes;
use super::*;
use crate::commitment::hyperkzg::{HyperKzg, HyperKzgSrs};
use crate::commitment::hyrax::{Hyrax, HyraxSetup};
use crate::commitment::CommitmentScheme;
use crate::lasso::memory_checking::{MemoryCheckingError, Multiset};
use crate::poly::MultilinearPolynomial;
use crate::subprotocols::grand_product::GrandProductError;
use crate::transcript::Transcript;
use crate::utils::serialization::{from_bytes, to_bytes};
use ark_ff::{AdditiveGroup, Field, One, Zero};
use ark_std::rand::{Rng, SeedableRng};
use jolt_instructions::{ChunkPositions, IndexPacking, Instruction, LookupId, Subtable, LOG_M, M};
use rand_chacha::ChaCha8Rng;
use std::sync::OnceLock;

fn srs() -> &'static HyperKzgSrs {
    static SRS: OnceLock<HyperKzgSrs> = OnceLock::new();
    SRS.get_or_init(|| HyperKzgSrs::setup_insecure_dev(M))
}

fn hyrax() -> &'static HyraxSetup {
    static SETUP: OnceLock<HyraxSetup> = OnceLock::new();
    SETUP.get_or_init(|| HyraxSetup::new(LOG_M))
}

fn all_tables() -> Vec<&'static dyn Instruction> {
    LookupId::ALL.iter().map(|id| id.table()).collect()
}

/// ADD, AND, SLTU, SLL: a small set for the attack tests.
pub(super) fn few_tables() -> Vec<&'static dyn Instruction> {
    [LookupId::Add, LookupId::And, LookupId::Sltu, LookupId::Sll]
        .iter()
        .map(|id| id.table())
        .collect()
}

/// `len` random cycles over every table of `pre`, every fifth without lookup. Cycle 0 uses
/// table 0 with (x, y) = (5, 7).
pub(super) fn random_cycles(
    pre: &SurgePreprocessing,
    len: usize,
    seed: u64,
) -> Vec<(Option<usize>, u32, u32)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let edge = [0u32, 1, 31, 32, u32::MAX, i32::MIN as u32, i32::MAX as u32];
    let operand = |rng: &mut ChaCha8Rng| {
        if rng.gen_bool(0.2) {
            edge[rng.gen_range(0..edge.len())]
        } else {
            rng.gen()
        }
    };
    (0..len)
        .map(|t| match t {
            0 => (Some(0), 5, 7),
            _ if t % 5 == 4 => (None, 0, 0),
            _ => {
                let (x, y) = (operand(&mut rng), operand(&mut rng));
                (Some(rng.gen_range(0..pre.num_tables())), x, y)
            }
        })
        .collect()
}

fn prove<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    setup: &PCS::ProverSetup,
    witness: &SurgeWitness,
) -> SurgeStandaloneProof<PCS> {
    prove_standalone::<PCS>(pre, setup, witness, &mut Transcript::new(b"surge-test"))
}

fn verify<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    setup: &PCS::VerifierSetup,
    log_cycles: usize,
    proof: &SurgeStandaloneProof<PCS>,
) -> Result<SurgeVerified, SurgeError> {
    verify_standalone::<PCS>(
        pre,
        setup,
        log_cycles,
        proof,
        &mut Transcript::new(b"surge-test"),
    )
}

/// Adds `delta` to evaluation `i` of `p` (the polynomial becomes dense).
fn bump(p: &mut MultilinearPolynomial<Fr>, i: usize, delta: Fr) {
    let mut evals = p.to_dense().into_evals();
    evals[i] += delta;
    *p = evals.into();
}

fn roundtrip_and_verify<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    setup: &PCS::ProverSetup,
    vsetup: &PCS::VerifierSetup,
    cycles: &[(Option<usize>, u32, u32)],
) -> usize {
    let witness = SurgeWitness::new(pre, cycles);
    let proof = prove::<PCS>(pre, setup, &witness);
    let verified =
        verify::<PCS>(pre, vsetup, witness.log_cycles, &proof).expect("honest proof verifies");
    assert_eq!(
        verified.lookup_output_eval,
        witness.lookup_output.evaluate(&verified.r)
    );
    let bytes = to_bytes(&proof);
    assert!(from_bytes::<SurgeStandaloneProof<PCS>>(&bytes).is_ok_and(|p| p == proof));
    let mut t = Transcript::new(b"surge-test");
    assert!(
        verify_standalone_bytes::<PCS>(pre, vsetup, witness.log_cycles, &bytes, &mut t).is_ok()
    );
    bytes.len()
}

#[test]
fn witness_matches_reference_semantics() {
    let pre = SurgePreprocessing::new(&all_tables());
    let cycles = random_cycles(&pre, 100, 1);
    let w = SurgeWitness::new(&pre, &cycles);
    assert_eq!(w.log_cycles, 7);
    for (t, (table, x, y)) in cycles.iter().enumerate() {
        let out = table.map_or(0, |f| pre.tables()[f].lookup_entry(*x, *y));
        assert_eq!(w.lookup_output.get(t), Fr::from(out as u64));
        let flags: Vec<Fr> = w.flags.iter().map(|p| p.get(t)).collect();
        let e: Vec<Fr> = w.e_polys.iter().map(|p| p.get(t)).collect();
        assert_eq!(pre.combine(&flags, &e), Fr::from(out as u64), "cycle {t}");
    }
    // Each chunk's multiplicities add up to the number of (padded) cycles.
    for fc in &w.multiplicities {
        let total: Fr = (0..M).map(|j| fc.get(j)).sum();
        assert_eq!(total, Fr::from(128u64));
    }
}

/// The memories whose `E_m` is their chunk's `dim_i` are exactly those of the identity
/// subtable, and their `E_m` equals `dim_i` entry by entry.
#[test]
fn identity_memories_read_their_chunk() {
    let pre = SurgePreprocessing::new(&all_tables());
    let w = SurgeWitness::new(&pre, &random_cycles(&pre, 100, 2));
    let mut shared = 0;
    for (m, (s, chunk)) in pre.memories().iter().enumerate() {
        let identity = pre.subtables()[*s].name() == "identity";
        assert_eq!(pre.reads_dim(m), identity, "memory {m}");
        if identity {
            shared += 1;
            assert_eq!(w.e_polys[m], w.dim[*chunk], "memory {m}");
        }
    }
    assert_eq!(shared, jolt_instructions::C);
    assert!(!pre.reads_dim(pre.num_memories()));
}

#[test]
fn preprocessing_deduplicates_in_order() {
    let mut tables = few_tables();
    tables.push(LookupId::Add.table());
    let pre = SurgePreprocessing::new(&tables);
    assert_eq!(pre.num_tables(), 4);
    assert_eq!(pre.table_index("SLTU"), Some(2));
    let names: Vec<&str> = pre.subtables().iter().map(|s| s.name()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "subtables are distinct by name");
    assert_eq!(
        format!("{pre:?}"),
        format!("{:?}", SurgePreprocessing::new(&few_tables()))
    );
}

#[test]
fn surge_completeness_all_tables_hyperkzg() {
    let pre = SurgePreprocessing::new(&all_tables());
    for (len, seed) in [(64, 2), (200, 3)] {
        let size = roundtrip_and_verify::<HyperKzg>(
            &pre,
            srs(),
            &srs().verifier_key(),
            &random_cycles(&pre, len, seed),
        );
        assert!(size > 0);
    }
}

#[test]
fn surge_completeness_all_tables_hyrax() {
    let pre = SurgePreprocessing::new(&all_tables());
    roundtrip_and_verify::<Hyrax>(&pre, hyrax(), hyrax(), &random_cycles(&pre, 100, 4));
}

#[test]
fn surge_completeness_small_sets_and_sizes() {
    let pre = SurgePreprocessing::new(&few_tables());
    for (len, seed) in [(1, 5), (2, 6), (1000, 7)] {
        roundtrip_and_verify::<HyperKzg>(
            &pre,
            srs(),
            &srs().verifier_key(),
            &random_cycles(&pre, len, seed),
        );
    }
    // No lookups at all.
    roundtrip_and_verify::<Hyrax>(&pre, hyrax(), hyrax(), &[(None, 0, 0); 16]);
}

/// A table defined outside the instruction crate: ANDN (`x & !y`) with its own subtable.
#[derive(Debug)]
struct AndNotSubtable;

impl Subtable for AndNotSubtable {
    fn name(&self) -> &'static str {
        "test_andn"
    }
    fn materialize(&self) -> Vec<u64> {
        (0..M as u64).map(|i| (i >> 8) & !i & 0xff).collect()
    }
    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
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
        "TEST_ANDN"
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
            .fold(Fr::zero(), |acc, v| acc * Fr::from(256u64) + v)
    }
    fn g_degree(&self) -> usize {
        1
    }
}

#[test]
fn surge_proves_user_defined_table() {
    static ANDN: AndNot = AndNot;
    let pre = SurgePreprocessing::new(&[&ANDN, LookupId::Xor.table()]);
    roundtrip_and_verify::<HyperKzg>(
        &pre,
        srs(),
        &srs().verifier_key(),
        &random_cycles(&pre, 50, 8),
    );
}

/// An honest witness and proof over [`few_tables`] with 64 cycles.
fn attack_setup() -> (SurgePreprocessing, SurgeWitness) {
    let pre = SurgePreprocessing::new(&few_tables());
    let w = SurgeWitness::new(&pre, &random_cycles(&pre, 64, 9));
    (pre, w)
}

/// Proves a (possibly malicious) witness and verifies.
fn prove_and_verify(
    pre: &SurgePreprocessing,
    w: &SurgeWitness,
) -> Result<SurgeVerified, SurgeError> {
    let proof = prove::<HyperKzg>(pre, srs(), w);
    verify::<HyperKzg>(pre, &srs().verifier_key(), w.log_cycles, &proof)
}

/// Verifies an honest proof after `tamper`.
fn verify_tampered(
    tamper: impl Fn(&mut SurgeStandaloneProof<HyperKzg>),
) -> Result<SurgeVerified, SurgeError> {
    let (pre, w) = attack_setup();
    let mut proof = prove::<HyperKzg>(&pre, srs(), &w);
    assert!(verify::<HyperKzg>(&pre, &srs().verifier_key(), w.log_cycles, &proof).is_ok());
    tamper(&mut proof);
    verify::<HyperKzg>(&pre, &srs().verifier_key(), w.log_cycles, &proof)
}

fn is_primary_final(r: &Result<SurgeVerified, SurgeError>) -> bool {
    matches!(
        r,
        Err(SurgeError::PrimarySumcheck(
            crate::subprotocols::sumcheck::SumcheckError::FinalEvaluation { .. }
        ))
    )
}

#[test]
fn rejects_wrong_lookup_output() {
    let (pre, mut w) = attack_setup();
    bump(&mut w.lookup_output, 0, Fr::ONE);
    let r = prove_and_verify(&pre, &w);
    assert!(is_primary_final(&r), "{r:?}");
}

#[test]
fn rejects_wrong_e_value() {
    let (pre, mut w) = attack_setup();
    // Cycle 0 uses ADD; the AND memory at chunk 0 is not read by ADD's collation, so only
    // memory checking can catch the change.
    let and = pre.table_index("AND").unwrap();
    let m = pre.table_memories(and)[0];
    assert!(!pre.table_memories(0).contains(&m));
    bump(&mut w.e_polys[m], 0, Fr::ONE);
    // Memory checking works on the folded memory of m's chunk.
    let chunk = pre.memories()[m].1;
    assert!(pre.chunk_memories(chunk).contains(&m));
    assert_eq!(
        prove_and_verify(&pre, &w).map(|_| ()),
        Err(SurgeError::MemoryChecking(
            MemoryCheckingError::LookupMismatch { memory: chunk }
        ))
    );
    // The same in the last memory of the last chunk, at cycle 4 (no lookup: no flag set, so
    // the primary sumcheck does not see it).
    let (pre, mut w) = attack_setup();
    let m = *pre.chunk_memories(3).last().unwrap();
    bump(&mut w.e_polys[m], 4, Fr::from(3u64));
    assert_eq!(
        prove_and_verify(&pre, &w).map(|_| ()),
        Err(SurgeError::MemoryChecking(
            MemoryCheckingError::LookupMismatch { memory: 3 }
        ))
    );
}

#[test]
fn memory_checking_is_folded_per_chunk() {
    let pre = SurgePreprocessing::new(&all_tables());
    // Every memory belongs to exactly its chunk's folded memory, in ascending order.
    let mut seen: Vec<usize> = (0..jolt_instructions::C)
        .flat_map(|i| pre.chunk_memories(i).to_vec())
        .collect();
    for i in 0..jolt_instructions::C {
        assert!(pre.chunk_memories(i).windows(2).all(|w| w[0] < w[1]));
        assert!(pre
            .chunk_memories(i)
            .iter()
            .all(|m| pre.memories()[*m].1 == i));
    }
    seen.sort();
    assert_eq!(seen, (0..pre.num_memories()).collect::<Vec<_>>());
    assert!(pre.chunk_memories(jolt_instructions::C).is_empty());
    // The GKR runs over 2C vectors (reads and table per chunk, two outputs each), however
    // many memories there are.
    let w = SurgeWitness::new(&pre, &random_cycles(&pre, 32, 11));
    let proof = prove::<Hyrax>(&pre, hyrax(), &w);
    assert!(pre.num_memories() > jolt_instructions::C);
    assert_eq!(
        proof.proof.memory_checking.grand_product.outputs.len(),
        4 * jolt_instructions::C
    );
    assert!(verify::<Hyrax>(&pre, hyrax(), w.log_cycles, &proof).is_ok());
}

/// Multiplicities that do not count the reads: one more read of a cell, and one read moved
/// to another cell.
#[test]
fn rejects_wrong_multiplicities() {
    let (pre, mut w) = attack_setup();
    bump(&mut w.multiplicities[2], 17, Fr::ONE);
    assert_eq!(
        prove_and_verify(&pre, &w).map(|_| ()),
        Err(SurgeError::MemoryChecking(
            MemoryCheckingError::LookupMismatch { memory: 2 }
        ))
    );
    let (pre, mut w) = attack_setup();
    let read = (0..M)
        .find(|j| w.multiplicities[1].get(*j) != Fr::ZERO)
        .expect("chunk 1 reads a cell");
    bump(&mut w.multiplicities[1], read, -Fr::ONE);
    bump(&mut w.multiplicities[1], (read + 1) % M, Fr::ONE);
    assert_eq!(
        prove_and_verify(&pre, &w).map(|_| ()),
        Err(SurgeError::MemoryChecking(
            MemoryCheckingError::LookupMismatch { memory: 1 }
        ))
    );
}

#[test]
fn rejects_changed_flag() {
    let (pre, mut w) = attack_setup();
    // Cycle 0 is ADD(5, 7) = 12; claim it was an AND lookup instead.
    let and = pre.table_index("AND").unwrap();
    bump(&mut w.flags[0], 0, -Fr::ONE);
    bump(&mut w.flags[and], 0, Fr::ONE);
    let r = prove_and_verify(&pre, &w);
    assert!(is_primary_final(&r), "{r:?}");
}

#[test]
fn rejects_changed_round_polynomial() {
    let r = verify_tampered(|p| {
        p.proof.rest.primary_sumcheck.round_polys[2].coeffs_except_linear[0] += Fr::ONE
    });
    assert!(is_primary_final(&r), "{r:?}");
    let r = verify_tampered(|p| {
        p.proof.rest.primary_sumcheck.round_polys.pop();
    });
    assert!(matches!(r, Err(SurgeError::PrimarySumcheck(_))), "{r:?}");
}

#[test]
fn rejects_changed_grand_product_claim() {
    let r = verify_tampered(|p| p.proof.memory_checking.grand_product.outputs[0] += Fr::ONE);
    assert_eq!(
        r.map(|_| ()),
        Err(SurgeError::MemoryChecking(
            MemoryCheckingError::GrandProduct(GrandProductError::LayerCheck { layer: 0 })
        ))
    );
    let r =
        verify_tampered(|p| p.proof.memory_checking.grand_product.layers[5].right[1] += Fr::ONE);
    assert_eq!(
        r.map(|_| ()),
        Err(SurgeError::MemoryChecking(
            MemoryCheckingError::GrandProduct(GrandProductError::LayerCheck { layer: 5 })
        ))
    );
}

#[test]
fn rejects_changed_evaluations_and_commitments() {
    let r = verify_tampered(|p| p.proof.rest.dim_evals[0] += Fr::ONE);
    assert!(
        matches!(
            r,
            Err(SurgeError::MemoryChecking(
                MemoryCheckingError::LeafMismatch {
                    multiset: Multiset::Read,
                    ..
                }
            ))
        ),
        "{r:?}"
    );
    let r = verify_tampered(|p| p.proof.rest.flag_evals[1] += Fr::ONE);
    assert!(is_primary_final(&r), "{r:?}");
    let r = verify_tampered(|p| p.proof.rest.lookup_output_eval += Fr::ONE);
    assert!(is_primary_final(&r), "{r:?}");
    // A replaced commitment changes the transcript, so the first check after it fails.
    // (E_0 and E_1 are ADD's all-zero memories: their commitments coincide, so replace one
    // with a different commitment.)
    let replaced = |r: &Result<SurgeVerified, SurgeError>| {
        matches!(
            r,
            Err(SurgeError::PrimarySumcheck(_)) | Err(SurgeError::Opening(_))
        )
    };
    let r = verify_tampered(|p| p.commitments.e_polys[0] = p.commitments.dim[2]);
    assert!(replaced(&r), "{r:?}");
    let r = verify_tampered(|p| p.commitments.lookup_output = p.commitments.flags[0]);
    assert!(replaced(&r), "{r:?}");
    let r = verify_tampered(|p| p.opening.evals[0] += Fr::ONE);
    assert!(matches!(r, Err(SurgeError::Opening(_))), "{r:?}");
    let r = verify_tampered(|p| {
        p.proof.rest.e_evals.pop();
    });
    assert!(
        matches!(
            r,
            Err(SurgeError::Shape {
                what: "E evaluations",
                ..
            })
        ),
        "{r:?}"
    );
    let r = verify_tampered(|p| {
        p.commitments.flags.pop();
    });
    assert!(matches!(r, Err(SurgeError::Shape { .. })), "{r:?}");
}

#[test]
fn rejects_wrong_statement() {
    let (pre, w) = attack_setup();
    let proof = prove::<HyperKzg>(&pre, srs(), &w);
    let vk = srs().verifier_key();
    let r = verify::<HyperKzg>(&pre, &vk, w.log_cycles + 1, &proof);
    assert!(matches!(r, Err(SurgeError::PrimarySumcheck(_))), "{r:?}");
    let r = verify::<HyperKzg>(&pre, &vk, 64, &proof);
    assert!(matches!(r, Err(SurgeError::TooManyCycles { .. })), "{r:?}");
    let mut tables = few_tables();
    tables.swap(1, 2);
    let r = verify::<HyperKzg>(&SurgePreprocessing::new(&tables), &vk, w.log_cycles, &proof);
    assert!(r.is_err(), "{r:?}");
}

#[test]
fn rejects_random_and_truncated_bytes() {
    let (pre, w) = attack_setup();
    let proof = prove::<HyperKzg>(&pre, srs(), &w);
    let bytes = to_bytes(&proof);
    let vk = srs().verifier_key();
    let run = |b: &[u8]| {
        verify_standalone_bytes::<HyperKzg>(
            &pre,
            &vk,
            w.log_cycles,
            b,
            &mut Transcript::new(b"surge-test"),
        )
    };
    assert!(run(&bytes).is_ok());
    for cut in [0, 1, 8, bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
        assert_eq!(
            run(&bytes[..cut]).map(|_| ()),
            Err(SurgeError::Deserialization),
            "cut at {cut}"
        );
    }
    let mut rng = ChaCha8Rng::seed_from_u64(10);
    for len in [0usize, 7, 64, 1000, bytes.len()] {
        let random: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
        assert!(run(&random).is_err());
    }
    // Single flipped bytes anywhere: an error, never a panic.
    for _ in 0..40 {
        let mut bad = bytes.clone();
        let i = rng.gen_range(0..bad.len());
        bad[i] ^= 1 << rng.gen_range(0..8);
        assert!(run(&bad).is_err(), "flipped byte {i}");
    }
}

/// The primary sumcheck's prover, which evaluates only the live tables and keeps `eq`
/// factored, sends the same proof and reaches the same values as the generic product sumcheck
/// over `eq`, all flags and all memories, also where a coordinate of `r` is 0 (its round sums
/// `q(1)` instead of solving it).
#[test]
fn primary_sumcheck_matches_the_generic_sumcheck() {
    use crate::poly::EqPolynomial;
    use crate::subprotocols::sumcheck::{self, ProductSumcheck, SumcheckInstance};
    let pre = SurgePreprocessing::new(&all_tables());
    // 2^13 cycles crosses the parallel threshold in the first rounds.
    let w = SurgeWitness::new(&pre, &random_cycles(&pre, 1 << 13, 21));
    for zeros in [vec![], vec![0, 1, 7]] {
        let r: Vec<Fr> = (0..w.log_cycles as u64)
            .map(|i| {
                if zeros.contains(&i) {
                    Fr::from(0u64)
                } else {
                    Fr::from(7 * i + 3)
                }
            })
            .collect();
        let claim = w.lookup_output.evaluate(&r);
        let polys: Vec<MultilinearPolynomial<Fr>> =
            w.flags.iter().chain(&w.e_polys).cloned().collect();
        let tables = pre.num_tables();
        let mut generic = ProductSumcheck::new(
            std::iter::once(EqPolynomial::evals(&r).into())
                .chain(polys.iter().cloned())
                .collect(),
            pre.primary_degree(),
            claim,
            |v: &[Fr]| {
                let (eq, rest) = v.split_at(1);
                let (flags, e) = rest.split_at(tables);
                eq[0] * pre.combine(flags, e)
            },
        );
        let mut primary = super::primary::PrimarySumcheck::new(&pre, r.clone(), polys, claim);
        let (mut t1, mut t2) = (Transcript::new(b"primary"), Transcript::new(b"primary"));
        let generic_proof = sumcheck::prove(&mut generic, &mut t1);
        let primary_proof = sumcheck::prove(&mut primary, &mut t2);
        assert_eq!(generic_proof, primary_proof, "zeros at {zeros:?}");
        assert_eq!(generic.final_evals()[1..], primary.final_evals()[..]);
    }
}
