//! `jolt run` and `jolt profile`.

use std::path::Path;
use std::time::Instant;

use jolt_common::MemoryLayout;
use jolt_tracer::{Bytecode, NoTrace, Profiler, Program, RunConfig};
use serde_json::json;

fn load(elf: &Path, max_cycles: u64, memory_size: u32) -> Result<(Program, Bytecode, RunConfig), String> {
    let program = Program::read(elf).map_err(|e| format!("{}: {e}", elf.display()))?;
    let bytecode = Bytecode::new(&program);
    let layout = MemoryLayout { memory_size, ..MemoryLayout::default() };
    Ok((program, bytecode, RunConfig { layout, max_cycles, check_stack: false }))
}

/// Runs `elf` without recording a trace.
pub fn run(elf: &Path, max_cycles: u64, memory_size: u32, json: bool) -> Result<(), String> {
    let (program, bytecode, config) = load(elf, max_cycles, memory_size)?;
    let start = Instant::now();
    let execution = jolt_tracer::run(&program, &bytecode, &config, &[], &mut NoTrace).map_err(|e| e.to_string())?;
    let seconds = start.elapsed().as_secs_f64();
    let io = &execution.io;
    if json {
        let value = json!({
            "cycles": execution.cycles,
            "exit_code": io.exit_code,
            "panic": io.panic,
            "seconds": seconds,
            "cycles_per_second": execution.cycles as f64 / seconds,
        });
        println!("{value}");
    } else {
        println!("cycles: {}", execution.cycles);
        println!("exit code: {}", io.exit_code);
        println!("time: {:.3} s ({:.1} M cycles/s)", seconds, execution.cycles as f64 / seconds / 1e6);
    }
    Ok(())
}

/// Runs `elf` and prints where the cycles went.
pub fn profile(elf: &Path, max_cycles: u64, memory_size: u32, top: usize, json: bool) -> Result<(), String> {
    let (program, bytecode, config) = load(elf, max_cycles, memory_size)?;
    let mut profiler = Profiler::new(&bytecode);
    let execution = jolt_tracer::run(&program, &bytecode, &config, &[], &mut profiler).map_err(|e| e.to_string())?;
    let profile = profiler.finish(&program, &bytecode);
    let functions = &profile.functions[..profile.functions.len().min(top)];
    if json {
        let value = json!({
            "cycles": profile.cycles,
            "exit_code": execution.io.exit_code,
            "instruction_mix": profile.instruction_mix,
            "functions": functions.iter().map(|(f, c)| json!({"function": f, "cycles": c})).collect::<Vec<_>>(),
        });
        println!("{value}");
        return Ok(());
    }
    println!("cycles: {}   exit code: {}", profile.cycles, execution.io.exit_code);
    println!("\ninstruction mix:");
    let mut mix: Vec<_> = profile.instruction_mix.iter().collect();
    mix.sort_by(|a, b| b.1.cmp(a.1));
    let executed: u64 = mix.iter().map(|(_, &n)| n).sum();
    for (name, count) in mix {
        println!("  {name:<8} {count:>12}  {:5.1}%", 100.0 * *count as f64 / executed.max(1) as f64);
    }
    println!("\ncycles per function:");
    for (function, cycles) in functions {
        println!("  {cycles:>12}  {:5.1}%  {function}", 100.0 * *cycles as f64 / profile.cycles.max(1) as f64);
    }
    Ok(())
}
