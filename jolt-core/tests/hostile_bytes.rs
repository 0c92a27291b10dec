//! Proofs and keys from hostile bytes: the fuzz targets `proof` and `keys` (see `fuzz/`) as
//! bounded property tests. Decoding gives a value or a typed error, never a panic, and only
//! the honest proof under the honest key verifies.

#[path = "../../tracer/tests/asm/mod.rs"]
mod asm;

use std::sync::OnceLock;

use asm::*;
use jolt_common::MemoryLayout;
use jolt_core::commitment::hyrax::Hyrax;
use jolt_core::zkvm::{prove, verify, verify_bytes, JoltProof, ProverKey, VerifierKey};
use jolt_tracer::{ProgramIo, RunConfig};
use proptest::prelude::*;

struct Fixture {
    pk: ProverKey<Hyrax>,
    io: ProgramIo,
    proof: JoltProof<Hyrax>,
    proof_bytes: Vec<u8>,
}

/// A few instructions and exit 0, proven once per test process.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let config = RunConfig {
            layout: MemoryLayout {
                max_input_size: 64,
                max_private_input_size: 0,
                max_output_size: 64,
                stack_size: 4096,
                memory_size: 1 << 16,
            },
            max_cycles: 1 << 12,
            stack_guard: false,
        };
        let output = config.layout.output_start();
        let mut code = vec![
            lui(5, output.wrapping_add(0x800)),
            addi(5, 5, ((output & 0xfff) as i32) << 20 >> 20),
            addi(6, 0, 7),
            mul(7, 6, 6),
            sw(7, 5, 0),
            addi(A0, 0, 0),
        ];
        code.extend(exit());
        let pk = ProverKey::<Hyrax>::new(&program(&code, &[]), &config, &()).expect("preprocesses");
        let (io, proof) = prove(&pk, &[]).expect("proves");
        assert_eq!(io.outputs[0], 49);
        let proof_bytes = proof.to_bytes();
        Fixture {
            pk,
            io,
            proof,
            proof_bytes,
        }
    })
}

/// Byte edits: (position, xor) pairs, and a length to truncate to.
fn edits() -> impl Strategy<Value = (Vec<(usize, u8)>, Option<usize>)> {
    (
        prop::collection::vec((any::<usize>(), 1..=255u8), 1..4),
        prop::option::of(any::<usize>()),
    )
}

fn apply(bytes: &[u8], (flips, cut): &(Vec<(usize, u8)>, Option<usize>)) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for &(pos, x) in flips {
        let len = out.len();
        out[pos % len] ^= x;
    }
    if let Some(cut) = cut {
        out.truncate(cut % bytes.len());
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn changed_proof_bytes_are_rejected(e in edits()) {
        let f = fixture();
        let bytes = apply(&f.proof_bytes, &e);
        prop_assume!(bytes != f.proof_bytes);
        prop_assert!(verify_bytes(&f.pk.vk, &f.io, &bytes).is_err());
    }

    #[test]
    fn random_proof_bytes_are_rejected(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let f = fixture();
        prop_assert!(verify_bytes(&f.pk.vk, &f.io, &bytes).is_err());
    }

    #[test]
    fn changed_keys_decode_or_fail_cleanly_and_reject_the_proof(e in edits(), prover in any::<bool>()) {
        let f = fixture();
        let vk = if prover {
            ProverKey::<Hyrax>::from_bytes(&apply(&f.pk.to_bytes(), &e), &()).ok().map(|pk| pk.vk)
        } else {
            VerifierKey::<Hyrax>::from_bytes(&apply(&f.pk.vk.to_bytes(), &e)).ok()
        };
        if let Some(vk) = vk {
            if vk.digest() != f.pk.vk.digest() {
                prop_assert!(verify(&vk, &f.io, &f.proof).is_err());
            }
        }
    }

    #[test]
    fn random_key_bytes_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        prop_assert!(VerifierKey::<Hyrax>::from_bytes(&bytes).is_err());
        prop_assert!(ProverKey::<Hyrax>::from_bytes(&bytes, &()).is_err());
    }
}
