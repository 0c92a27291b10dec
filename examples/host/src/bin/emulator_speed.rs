//! Emulator speed: runs a SHA-256 hash chain guest untraced and traced, and prints one JSON
//! object with cycles per second and trace bytes per cycle. It also writes the guest's ELF and
//! input so that `jolt run` can be timed on the same program:
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin emulator_speed -- [rounds]
//! ```

use std::time::Instant;

use jolt::host::tracer::{self, NoTrace, Trace};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let program = sha2_guest::compile_sha256_chain()?;
    let input = postcard::to_stdvec(&([7u8; 32], rounds))?;
    let config = program.run_config();

    let start = Instant::now();
    let untraced = tracer::run(
        &program.program,
        &program.bytecode,
        &config,
        &input,
        &mut NoTrace,
    )?;
    let untraced_s = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let mut trace = Trace::default();
    let traced = tracer::run(
        &program.program,
        &program.bytecode,
        &config,
        &input,
        &mut trace,
    )?;
    let traced_s = start.elapsed().as_secs_f64();
    assert_eq!(traced.cycles, untraced.cycles);
    let trace_bytes = trace.cycles.len() * std::mem::size_of::<tracer::Cycle>();

    let dir = jolt::host::guest_target_dir();
    let elf_path = dir.join("sha256_chain.elf");
    let input_path = dir.join("sha256_chain.input");
    std::fs::write(&elf_path, program.elf_bytes()?)?;
    std::fs::write(&input_path, &input)?;

    let value = serde_json::json!({
        "program": "sha256_chain",
        "rounds": rounds,
        "cycles": untraced.cycles,
        "untraced_cycles_per_second": untraced.cycles as f64 / untraced_s,
        "traced_cycles_per_second": traced.cycles as f64 / traced_s,
        "trace_bytes_per_cycle": trace_bytes as f64 / traced.cycles as f64,
        "jolt_run": format!("jolt run {} --input {} --json", elf_path.display(), input_path.display()),
    });
    println!("{value}");
    Ok(())
}
