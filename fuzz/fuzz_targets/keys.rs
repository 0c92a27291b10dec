//! Verifier and prover keys decode from any byte string to a key or a typed error, never a
//! panic; a decoded verifier key other than the fixture's rejects the fixture's proof. The
//! input is raw key bytes (first byte 0: verifier key, 1: prover key) or edits to the
//! fixture's verifier key (2) or prover key (3).
#![no_main]

use jolt_core::commitment::hyrax::Hyrax;
use jolt_core::zkvm::{verify, ProverKey, VerifierKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let f = jolt_fuzz::fixture();
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let vk_bytes = f.pk.vk.to_bytes();
    let vk = match mode % 4 {
        0 => VerifierKey::<Hyrax>::from_bytes(rest).ok(),
        1 => ProverKey::<Hyrax>::from_bytes(rest, &()).ok().map(|pk| pk.vk),
        2 => VerifierKey::<Hyrax>::from_bytes(&jolt_fuzz::mutate(&vk_bytes, rest)).ok(),
        _ => ProverKey::<Hyrax>::from_bytes(&jolt_fuzz::mutate(&f.pk.to_bytes(), rest), &())
            .ok()
            .map(|pk| pk.vk),
    };
    if let Some(vk) = vk {
        if verify(&vk, &f.io, &f.proof).is_ok() {
            assert_eq!(
                vk.digest(),
                f.pk.vk.digest(),
                "another key accepted the proof"
            );
        }
    }
});
