//! Prove/verify time and peak memory of uniform Spartan on the RV32IM constraint system
//! (`jolt_core::zkvm::constraints::rv32im_shape`), over the witness of a real trace: a loop
//! of ALU, multiply, load/store (word and byte: virtual sequences), shift, compare, call and
//! branch instructions, run until the trace fills `2^log_cycles` cycles (the rest is no-op
//! padding, as in the zkVM).
//!
//! `cargo run --release -p jolt-core --example spartan [log_cycles]` (default 16).
//!
//! Prints JSON: prove time (wall clock, and CPU time of all threads: steadier on a shared
//! machine), verify time, proof size, the resident memory before proving and the peak resident
//! memory while proving (the kernel's high-water mark `VmHWM`, reset just before the prover
//! runs), so `prove_peak_mb − rss_before_prove_mb` is what the prover adds to the witness.
//! Up to `2^18` cycles the witness is first checked against the shape.

#[path = "../../tracer/tests/asm/mod.rs"]
mod asm;

use asm::*;
use jolt_common::MemoryLayout;
use jolt_core::field::Fr;
use jolt_core::poly::MultilinearPolynomial;
use jolt_core::r1cs::spartan;
use jolt_core::transcript::Transcript;
use jolt_core::utils::serialization::to_bytes;
use jolt_core::zkvm::bytecode::program_rows;
use jolt_core::zkvm::constraints::rv32im_shape;
use jolt_core::zkvm::witness::WitnessTable;
use jolt_tracer::{run, Bytecode, Program, RunConfig, Trace};
use std::time::Instant;

/// The benchmark loop, executed `iterations` times (at most `2^31`).
fn loop_program(iterations: u32) -> Program {
    let (base, count, acc, tmp, val, prod, word, byte, flag, link) =
        (8, 5, 6, 7, 9, 10, 11, 12, 13, 1);
    let upper = iterations & !0xfff;
    let low = (iterations & 0xfff) as i32;
    let mut code = vec![
        lui(base, DATA),
        lui(count, upper),
        addi(count, count, low / 2),
        addi(count, count, low - low / 2),
        addi(acc, 0, 1),
    ];
    // loop (11 instructions, the call included):
    let body = [
        add(tmp, acc, count),
        mul(prod, tmp, acc),
        r(0, prod, tmp, 4, val), // xor
        sw(val, base, 0),
        lw(word, base, 0),
        lbu(byte, base, 1),
        sb(byte, base, 2),
        i(0x13, 3, word, 1, acc),  // slli
        r(0, count, acc, 3, flag), // sltu
        jal(link, 16),             // call the subroutine after the loop
        addi(count, count, -1),
    ];
    let loop_len = body.len() as i32 + 1;
    code.extend(body);
    code.push(bne(count, 0, -4 * (loop_len - 1)));
    // Skip over the subroutine to the exit.
    code.push(jal(0, 12));
    // subroutine: acc += flag; return.
    code.extend([add(acc, acc, flag), jalr(0, link, 0)]);
    code.extend(exit());
    program(&code, &[0; 64])
}

fn trace(program: &Program, max_cycles: usize) -> (Bytecode, Trace) {
    let config = RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 20,
            ..MemoryLayout::default()
        },
        max_cycles: max_cycles as u64,
        stack_guard: false,
    };
    let bytecode = Bytecode::new(program);
    let mut trace = Trace::default();
    run(program, &bytecode, &config, &[], &mut trace).expect("the loop runs to its exit");
    (bytecode, trace)
}

/// The witness columns of the loop, filling `2^log_t` cycles (padding included).
fn witness(log_t: usize) -> Vec<MultilinearPolynomial<Fr>> {
    let (_, cols) = rv32im_shape();
    let t_len = 1usize << log_t;
    // Cycles per iteration and fixed overhead, from two short runs.
    let (one, two) = (
        trace(&loop_program(1), t_len).1.cycles.len(),
        trace(&loop_program(2), t_len).1.cycles.len(),
    );
    let per_iter = two - one;
    let iterations = (t_len.saturating_sub(one) / per_iter).max(1) as u32;
    let (bytecode, trace) = trace(&loop_program(iterations), t_len);
    let table = WitnessTable::new(&cols, &program_rows(&bytecode), &trace.cycles);
    assert_eq!(table.len, t_len, "the trace fits the requested size");
    table.into_polynomials()
}

/// A line of `/proc/self/status` in MB (0 where unavailable).
fn status_mb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU time (user + system) of this process so far, in seconds (0 where unavailable).
fn cpu_seconds() -> f64 {
    // Fields 14 and 15 of /proc/self/stat, in clock ticks (100 per second on Linux).
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after_name = &s[s.rfind(')')? + 2..];
            let fields: Vec<&str> = after_name.split_whitespace().collect();
            let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
            Some((ticks(11)? + ticks(12)?) / 100.0)
        })
        .unwrap_or(0.0)
}

fn main() {
    let log_t: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(16);
    let (shape, _) = rv32im_shape();
    let w = witness(log_t);
    if log_t <= 18 {
        assert_eq!(shape.check_witness(&w), Ok(()));
    }
    let rss_before = status_mb("VmRSS:");
    // Reset the high-water mark so VmHWM below is the peak while proving.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let (start, cpu_start) = (Instant::now(), cpu_seconds());
    let (proof, _) = spartan::prove(&shape, &w, &mut Transcript::new(b"spartan-bench"));
    let prove_s = start.elapsed().as_secs_f64();
    let prove_cpu_s = cpu_seconds() - cpu_start;
    let peak = status_mb("VmHWM:");
    let start = Instant::now();
    let claims = spartan::verify(
        &shape,
        log_t,
        &proof,
        &mut Transcript::new(b"spartan-bench"),
    );
    let verify_ms = start.elapsed().as_secs_f64() * 1e3;
    let claims = claims.expect("the proof verifies");
    // The caller's obligation, done directly on the witness here.
    for (p, v) in w.iter().zip(&claims.evals) {
        assert_eq!(p.evaluate(&claims.point), *v, "witness claims hold");
    }
    println!(
        "{{\"constraints\": {}, \"columns\": {}, \"cycles\": {}, \"prove_s\": {prove_s:.3}, \"prove_cpu_s\": {prove_cpu_s:.2}, \"verify_ms\": {verify_ms:.3}, \"proof_bytes\": {}, \"rss_before_prove_mb\": {rss_before:.0}, \"prove_peak_mb\": {peak:.0}}}",
        shape.num_constraints(),
        shape.num_vars(),
        1usize << log_t,
        to_bytes(&proof).len()
    );
}
