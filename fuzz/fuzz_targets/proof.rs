//! The verifier never panics on proof bytes and accepts only the honest proof: the input is
//! either a whole proof (first byte even) or edits to the fixture's honest proof (odd).
#![no_main]

use jolt_core::zkvm::verify_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let f = jolt_fuzz::fixture();
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let candidate = if mode % 2 == 0 {
        rest.to_vec()
    } else {
        jolt_fuzz::mutate(&f.proof_bytes, rest)
    };
    if verify_bytes(&f.pk.vk, &f.io, &candidate).is_ok() {
        assert_eq!(candidate, f.proof_bytes, "a changed proof verified");
    }
});
