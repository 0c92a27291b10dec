//! `jolt run` and `jolt profile`.

use std::path::Path;
use std::time::Instant;

use jolt_common::MemoryLayout;
use jolt_tracer::{Bytecode, NoTrace, Profiler, Program, RunConfig};
use serde_json::json;

/// A raw ELF ready to run.
pub struct Job {
    pub program: Program,
    pub bytecode: Bytecode,
    pub config: RunConfig,
    pub input: Vec<u8>,
}

/// Reads and checks an ELF.
pub fn read_program(elf: &Path) -> Result<Program, String> {
    Program::read(elf).map_err(|e| format!("{}: {e}", elf.display()))
}

/// The run configuration of `jolt run`: the default layout with `memory_size` bytes of RAM and
/// an input region of at least `input_len` bytes. `jolt verify` derives the same one from the
/// claimed inputs.
pub fn run_config(max_cycles: u64, memory_size: u32, input_len: usize) -> RunConfig {
    let default = MemoryLayout::default();
    let input_len = u32::try_from(input_len).unwrap_or(u32::MAX);
    RunConfig {
        layout: MemoryLayout {
            memory_size,
            max_input_size: default.max_input_size.max(input_len),
            ..default
        },
        max_cycles,
        stack_guard: false,
    }
}

impl Job {
    /// Loads `elf` and the optional input file.
    pub fn load(
        elf: &Path,
        max_cycles: u64,
        memory_size: u32,
        input: Option<&Path>,
    ) -> Result<Self, String> {
        let program = read_program(elf)?;
        let bytecode = Bytecode::new(&program);
        let input = match input {
            Some(path) => {
                std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
            }
            None => Vec::new(),
        };
        Ok(Self {
            program,
            bytecode,
            config: run_config(max_cycles, memory_size, input.len()),
            input,
        })
    }

    /// Runs without recording a trace; prints cycles and exit code.
    pub fn run(&self, json: bool) -> Result<(), String> {
        let start = Instant::now();
        let execution = jolt_tracer::run(
            &self.program,
            &self.bytecode,
            &self.config,
            &self.input,
            &mut NoTrace,
        )
        .map_err(|e| e.to_string())?;
        let seconds = start.elapsed().as_secs_f64();
        let io = &execution.io;
        let rate = execution.cycles as f64 / seconds;
        if json {
            let value = json!({
                "cycles": execution.cycles,
                "exit_code": io.exit_code,
                "panic": io.panic,
                "panic_message": execution.panic_message,
                "seconds": seconds,
                "cycles_per_second": rate,
            });
            println!("{value}");
        } else {
            println!("cycles: {}", execution.cycles);
            println!("exit code: {}", io.exit_code);
            if io.panic {
                match &execution.panic_message {
                    Some(message) => println!("the guest panicked: {message}"),
                    None => println!("the guest panicked"),
                }
            }
            println!("time: {seconds:.3} s ({:.1} M cycles/s)", rate / 1e6);
        }
        Ok(())
    }

    /// Runs and prints where the cycles went.
    pub fn profile(&self, top: usize, json: bool) -> Result<(), String> {
        let mut profiler = Profiler::new(&self.bytecode);
        let execution = jolt_tracer::run(
            &self.program,
            &self.bytecode,
            &self.config,
            &self.input,
            &mut profiler,
        )
        .map_err(|e| e.to_string())?;
        let profile = profiler.finish(&self.program, &self.bytecode);
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
        println!(
            "cycles: {}   exit code: {}",
            profile.cycles, execution.io.exit_code
        );
        println!("\ninstruction mix:");
        let mut mix: Vec<_> = profile.instruction_mix.iter().collect();
        mix.sort_by_key(|&(_, n)| std::cmp::Reverse(*n));
        let executed: u64 = mix.iter().map(|(_, &n)| n).sum();
        for (name, count) in mix {
            println!(
                "  {name:<8} {count:>12}  {:5.1}%",
                100.0 * *count as f64 / executed.max(1) as f64
            );
        }
        println!("\ncycles per function:");
        for (function, cycles) in functions {
            println!(
                "  {cycles:>12}  {:5.1}%  {function}",
                100.0 * *cycles as f64 / profile.cycles.max(1) as f64
            );
        }
        Ok(())
    }
}
