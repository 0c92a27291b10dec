//! `jolt run` and `jolt profile`, and what every command that runs a program prints about
//! the run: the function, its output (hex, and decoded when its type is recorded), the panic
//! flag and the exit code.

use std::path::Path;
use std::time::Instant;

use jolt_common::OUTPUT_TOO_LARGE_EXIT_CODE;
use jolt_tracer::{
    Bytecode, Console, Execution, NoTrace, Profiler, Program, ProgramIo, Recorder, RunConfig,
};
use serde_json::{json, Value};

use crate::decode::Output;
use crate::function::{Bounds, Function};

/// An ELF's function ready to run ([`crate::function`]), with its input.
pub struct Job {
    pub program: Program,
    pub bytecode: Bytecode,
    pub config: RunConfig,
    pub input: Vec<u8>,
    /// The bytes of the private input region (never part of a proof's statement).
    pub private_input: Vec<u8>,
    /// The recorded function that runs (`None` for a plain ELF).
    pub function: Option<Function>,
}

impl Job {
    /// Loads `elf` and the optional input and private input files, and chooses the function
    /// and bounds.
    pub fn load(
        elf: &Path,
        bounds: &Bounds,
        input: Option<&Path>,
        private_input: Option<&Path>,
    ) -> Result<Self, String> {
        let read = |file: Option<&Path>| match file {
            Some(path) => {
                std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
            }
            None => Ok(Vec::new()),
        };
        let mut job = Self::claimed(elf, bounds, read(input)?)?;
        job.private_input = read(private_input)?;
        Ok(job)
    }

    /// The public and the private input of a run.
    pub fn inputs(&self) -> (&[u8], &[u8]) {
        (&self.input, &self.private_input)
    }

    /// Runs the program on its inputs, handing every cycle to `recorder`.
    pub fn execute<R: Recorder>(&self, recorder: &mut R) -> Result<Execution, String> {
        jolt_tracer::run_with_private_input(
            &self.program,
            &self.bytecode,
            &self.config,
            &self.input,
            &self.private_input,
            recorder,
        )
        .map_err(|e| e.to_string())
    }

    /// The ELF's function with claimed inputs `input` (for verifying and preprocessing).
    pub fn claimed(elf: &Path, bounds: &Bounds, input: Vec<u8>) -> Result<Self, String> {
        let resolved = bounds.resolve(elf, input.len())?;
        Ok(Self {
            program: resolved.program,
            bytecode: resolved.bytecode,
            config: resolved.config,
            input,
            private_input: Vec::new(),
            function: resolved.function,
        })
    }

    /// The output of a run, shown for the function's return type.
    pub fn output(&self, io: &ProgramIo) -> Output {
        let ty = self.function.as_ref().map(|f| f.output.as_str());
        Output::new(&io.outputs, ty, io.panic)
    }

    /// The note for an exit code that means something for a recorded function.
    pub fn exit_note(&self, exit_code: u32) -> Option<String> {
        let f = self.function.as_ref()?;
        (exit_code == OUTPUT_TOO_LARGE_EXIT_CODE).then(|| {
            format!(
                "`{}`'s output does not fit its output region of {} bytes: raise it with --max-output-size",
                f.name, self.config.layout.max_output_size
            )
        })
    }

    /// Prints what every command that runs shows: function, output, panic, exit code.
    pub fn print_result(&self, io: &ProgramIo, panic_message: Option<&str>) {
        if let Some(f) = &self.function {
            let inputs = match f.inputs.strip_suffix(",)") {
                Some(one) => format!("{one})"),
                None => f.inputs.clone(),
            };
            match f.private_inputs.as_str() {
                "()" => println!("function: {}{inputs} -> {}", f.name, f.output),
                private => println!(
                    "function: {}{inputs} -> {}, private arguments {private}",
                    f.name, f.output
                ),
            }
        }
        if !io.panic {
            self.output(io).print();
        }
        println!("exit code: {}", io.exit_code);
        if let Some(note) = self.exit_note(io.exit_code) {
            println!("{note}");
        }
        if io.panic {
            match panic_message {
                Some(message) => println!("the guest panicked: {message}"),
                None => println!("the guest panicked"),
            }
        }
    }

    /// The JSON fields every command that runs shows.
    pub fn json_result(&self, io: &ProgramIo, value: &mut Value) {
        value["function"] = json!(self.function.as_ref().map(|f| &f.name));
        value["exit_code"] = json!(io.exit_code);
        value["panic"] = json!(io.panic);
        self.output(io).json_fields(value);
    }

    /// Runs without recording a trace; prints cycles and exit code.
    pub fn run(&self, json: bool) -> Result<(), String> {
        let start = Instant::now();
        let execution = self.execute(&mut NoTrace)?;
        let seconds = start.elapsed().as_secs_f64();
        let io = &execution.io;
        let rate = execution.cycles as f64 / seconds;
        if json {
            let mut value = json!({
                "cycles": execution.cycles,
                "stdout": String::from_utf8_lossy(&execution.console.stdout),
                "stderr": String::from_utf8_lossy(&execution.console.stderr),
                "panic_message": execution.panic_message,
                "seconds": seconds,
                "cycles_per_second": rate,
            });
            self.json_result(io, &mut value);
            println!("{value}");
        } else {
            print_console(&execution.console);
            println!("cycles: {}", execution.cycles);
            self.print_result(io, execution.panic_message.as_deref());
            println!("time: {seconds:.3} s ({:.1} M cycles/s)", rate / 1e6);
        }
        Ok(())
    }

    /// Runs and prints where the cycles went.
    pub fn profile(&self, top: usize, json: bool) -> Result<(), String> {
        let mut profiler = Profiler::new(&self.bytecode);
        let execution = self.execute(&mut profiler)?;
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

/// Passes on what the guest printed: its standard output to stdout, its standard error to
/// stderr, each ending with a line break.
fn print_console(console: &Console) {
    use std::io::Write;
    for (bytes, mut out) in [
        (
            &console.stdout,
            Box::new(std::io::stdout()) as Box<dyn Write>,
        ),
        (&console.stderr, Box::new(std::io::stderr())),
    ] {
        if bytes.is_empty() {
            continue;
        }
        let _ = out.write_all(bytes);
        if !bytes.ends_with(b"\n") {
            let _ = out.write_all(b"\n");
        }
        let _ = out.flush();
    }
}
