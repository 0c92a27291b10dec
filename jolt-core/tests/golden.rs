//! Golden bytes: proofs of fixed statements have a fixed encoding. A change here means the
//! proof format or the Fiat–Shamir transcript changed: update the constants deliberately.

use jolt_core::commitment::hyperkzg::{HyperKzg, HyperKzgSrs};
use jolt_core::commitment::CommitmentScheme;
use jolt_core::field::Fr;
use jolt_core::poly::MultilinearPolynomial;
use jolt_core::subprotocols::{grand_product, sumcheck};
use jolt_core::transcript::{labels, Absorb, Transcript};
use jolt_core::utils::serialization::to_bytes;

/// A short digest of `bytes` (merlin, so no extra dependency), as hex.
fn digest(bytes: &[u8]) -> String {
    let mut t = merlin::Transcript::new(b"golden");
    t.append_message(b"bytes", bytes);
    let mut out = [0u8; 16];
    t.challenge_bytes(b"digest", &mut out);
    out.iter().map(|b| format!("{b:02x}")).collect()
}

fn poly(n: usize, seed: u64) -> MultilinearPolynomial<Fr> {
    (0..1u64 << n)
        .map(|i| Fr::from(i * i + seed))
        .collect::<Vec<_>>()
        .into()
}

#[test]
fn golden_sumcheck_and_grand_product_proofs() {
    let mut inst = sumcheck::ProductSumcheck::new_computing_claim(
        vec![poly(4, 1), poly(4, 2), poly(4, 3)],
        3,
        |v: &[Fr]| v[0] * v[1] * v[2],
    );
    let (proof, _, _) = sumcheck::prove(&mut inst, &mut Transcript::new(b"golden"));
    let bytes = to_bytes(&proof);
    assert_eq!(
        (bytes.len(), digest(&bytes)),
        (GOLDEN_SUMCHECK.0, GOLDEN_SUMCHECK.1.to_string())
    );

    let inputs: Vec<Vec<Fr>> = (0..2)
        .map(|s| (1..=8u64).map(|i| Fr::from(i + s)).collect())
        .collect();
    let (proof, _, _) = grand_product::prove(inputs, &mut Transcript::new(b"golden"));
    let bytes = to_bytes(&proof);
    assert_eq!(
        (bytes.len(), digest(&bytes)),
        (GOLDEN_GRAND_PRODUCT.0, GOLDEN_GRAND_PRODUCT.1.to_string())
    );
}

#[test]
fn golden_hyperkzg_proof() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 5);
    let p = poly(5, 7);
    let c = HyperKzg::commit(&srs, &p);
    let mut t = Transcript::new(b"golden");
    t.append(labels::COMMITMENT, &c);
    let point: Vec<Fr> = (0..5u64).map(|i| Fr::from(3 * i + 1)).collect();
    let proof = HyperKzg::open(&srs, &p, &point, &mut t);
    let bytes = [to_bytes(&c), to_bytes(&proof)].concat();
    assert_eq!(
        (bytes.len(), digest(&bytes)),
        (GOLDEN_HYPERKZG.0, GOLDEN_HYPERKZG.1.to_string())
    );
}

const GOLDEN_SUMCHECK: (usize, &str) = (424, "233b9e45074ffcb09e45f569aa7198f4");
const GOLDEN_GRAND_PRODUCT: (usize, &str) = (728, "37b303b2cc307c6ab22e3d8352ed2f79");
const GOLDEN_HYPERKZG: (usize, &str) = (712, "6d1602932722d625252ef5a3ef5edceb");
