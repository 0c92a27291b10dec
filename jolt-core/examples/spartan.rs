//! Prove/verify time of uniform Spartan on a synthetic system: 10 copies of a counter machine
//! (7 constraints each: a cross-step counter, booleanity, if-else, two products, an affine
//! product, a conditional cross-step link), i.e. 70 constraints and 80 columns per cycle.
//!
//! `cargo run --release -p jolt-core --example spartan [log_cycles]` (default 16).

use jolt_core::field::Fr;
use jolt_core::poly::MultilinearPolynomial;
use jolt_core::r1cs::{spartan, R1csBuilder, UniformShape};
use jolt_core::transcript::Transcript;
use jolt_core::utils::serialization::to_bytes;
use rand::{Rng, SeedableRng};
use std::time::Instant;

const COPIES: usize = 10;

fn shape() -> UniformShape {
    let mut b = R1csBuilder::new();
    for i in 0..COPIES {
        let [x, step, flag, sel, prod, sq, out, y] =
            ["x", "step", "flag", "sel", "prod", "sq", "out", "y"]
                .map(|n| b.var(format!("{n}{i}")));
        b.constrain_eq("counter", x.next(), x + step);
        b.constrain_binary("flag is a bit", flag);
        b.constrain_if_else("select", flag, x, step, sel);
        b.constrain_prod("product", x, step, prod);
        b.constrain_prod("square", step, step, sq);
        b.constrain_prod("affine product", sel + 1i128, step * 3 + 2i128, out);
        b.constrain_eq_if("conditional link", flag, y.next(), sel);
    }
    b.build()
}

fn witness(log_t: usize) -> Vec<MultilinearPolynomial<Fr>> {
    let t_len = 1usize << log_t;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0);
    let mut cols: Vec<Vec<u64>> = vec![vec![0; t_len]; 8 * COPIES];
    for i in 0..COPIES {
        let (mut x, mut y) = (i as u64, 0u64);
        for t in 0..t_len {
            let step: u64 = rng.gen_range(0..1 << 12);
            let flag: u64 = rng.gen_range(0..2);
            let sel = if flag == 1 { x } else { step };
            let row = [
                x,
                step,
                flag,
                sel,
                x * step,
                step * step,
                (sel + 1) * (3 * step + 2),
                y,
            ];
            for (c, v) in cols[8 * i..8 * i + 8].iter_mut().zip(row) {
                c[t] = v;
            }
            x += step;
            y = if flag == 1 {
                sel
            } else {
                rng.gen_range(0..1 << 10)
            };
        }
    }
    cols.into_iter().map(|c| c.into()).collect()
}

fn main() {
    let log_t: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(16);
    let shape = shape();
    let w = witness(log_t);
    assert_eq!(shape.check_witness(&w), Ok(()));
    let start = Instant::now();
    let (proof, _) = spartan::prove(&shape, &w, &mut Transcript::new(b"spartan-bench"));
    let prove_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let claims = spartan::verify(
        &shape,
        log_t,
        &proof,
        &mut Transcript::new(b"spartan-bench"),
    );
    let verify_ms = start.elapsed().as_secs_f64() * 1e3;
    assert!(claims.is_ok());
    println!(
        "{{\"constraints\": {}, \"columns\": {}, \"cycles\": {}, \"prove_s\": {prove_s:.3}, \"verify_ms\": {verify_ms:.3}, \"proof_bytes\": {}}}",
        shape.num_constraints(),
        shape.num_vars(),
        1usize << log_t,
        to_bytes(&proof).len()
    );
}
