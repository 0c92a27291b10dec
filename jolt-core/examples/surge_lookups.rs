//! Surge on 2^16 random lookups over every built-in table, with HyperKZG: prints the number
//! of memories, prove time, verify time and proof size (and its parts: commitments, memory
//! checking grand products, batched opening).
//! Run: `cargo run -p jolt-core --release --example surge_lookups [log_cycles]`.

use jolt_core::commitment::hyperkzg::{HyperKzg, HyperKzgSrs};
use jolt_core::lasso::surge::{
    prove_standalone, verify_standalone, SurgePreprocessing, SurgeWitness,
};
use jolt_core::transcript::Transcript;
use jolt_core::utils::serialization::to_bytes;
use jolt_instructions::{LookupId, M};
use rand::{Rng, SeedableRng};
use std::time::Instant;

fn main() {
    let log_cycles: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(16);
    let tables: Vec<_> = LookupId::ALL.iter().map(|id| id.table()).collect();
    let pre = SurgePreprocessing::new(&tables);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let cycles: Vec<(Option<usize>, u32, u32)> = (0..1usize << log_cycles)
        .map(|_| {
            (
                Some(rng.gen_range(0..pre.num_tables())),
                rng.gen(),
                rng.gen(),
            )
        })
        .collect();
    let srs = HyperKzgSrs::setup_insecure_dev(M.max(1 << log_cycles));
    let vk = srs.verifier_key();

    let start = Instant::now();
    let witness = SurgeWitness::new(&pre, &cycles);
    let witness_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let proof = prove_standalone::<HyperKzg>(&pre, &srs, &witness, &mut Transcript::new(b"surge"));
    let prove_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let ok = verify_standalone::<HyperKzg>(
        &pre,
        &vk,
        log_cycles,
        &proof,
        &mut Transcript::new(b"surge"),
    )
    .is_ok();
    let verify_ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "{{\"lookups\": {}, \"tables\": {}, \"subtables\": {}, \"memories\": {}, \"witness_s\": {witness_s:.2}, \"prove_s\": {prove_s:.2}, \"verify_ms\": {verify_ms:.1}, \"proof_bytes\": {}, \"commitments_bytes\": {}, \"memory_checking_bytes\": {}, \"opening_bytes\": {}, \"valid\": {ok}}}",
        1usize << log_cycles,
        pre.num_tables(),
        pre.subtables().len(),
        pre.num_memories(),
        to_bytes(&proof).len(),
        to_bytes(&proof.commitments).len(),
        to_bytes(&proof.proof.memory_checking).len(),
        to_bytes(&proof.opening).len(),
    );
}
