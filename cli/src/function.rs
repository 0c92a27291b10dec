//! Which function of an ELF runs, and with which bounds.
//!
//! An ELF built from a `#[jolt::provable]` crate records each function in its
//! `.jolt.functions` section ([`jolt_common::record`]): entry symbol, layout, cycle bound and
//! types. The command line runs the recorded function (`--function <name>` when there are
//! several) with the recorded layout and bound and the stack guard, which is exactly what the
//! host API runs and proves; each `--max-input-size`, `--max-output-size`, `--stack-size`,
//! `--memory-size` and `--max-cycles` flag overrides its recorded value. A plain ELF (no
//! record) runs from its ELF entry with the default bounds, its input region grown to the
//! input's length, and no stack guard.

use clap::Args;
use jolt_common::record::{Records, SECTION};
use jolt_common::{defaults, MemoryLayout};
use jolt_tracer::{Bytecode, Program, RunConfig};
use object::{Object, ObjectSection};

/// The function and the bounds of a run, which are also part of a proof's statement.
#[derive(Args, Clone, Debug, Default)]
pub struct Bounds {
    /// The #[jolt::provable] function to run, when the ELF records several.
    #[arg(long, value_name = "NAME")]
    pub function: Option<String>,
    /// Stop with an error after this many cycles (a proof's cycle bound) [default: the
    /// function's, or 16777216].
    #[arg(long)]
    pub max_cycles: Option<u64>,
    /// Bytes of RAM from 0x8000_0000: image, stack and heap [default: the function's, or
    /// 33554432].
    #[arg(long)]
    pub memory_size: Option<u32>,
    /// Bytes of the input region [default: the function's, or 4096 grown to the input].
    #[arg(long)]
    pub max_input_size: Option<u32>,
    /// Bytes of the private input region, in whole 4 KiB pages below the input region
    /// [default: the function's, or 0].
    #[arg(long)]
    pub max_private_input_size: Option<u32>,
    /// Bytes of the output region [default: the function's, or 4096].
    #[arg(long)]
    pub max_output_size: Option<u32>,
    /// Bytes of stack above the image [default: the function's, or 65536].
    #[arg(long)]
    pub stack_size: Option<u32>,
}

/// A provable function as its ELF records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Function {
    pub name: String,
    pub entry: String,
    pub layout: MemoryLayout,
    pub max_cycles: u64,
    /// The public argument types, as a tuple.
    pub inputs: String,
    /// The private argument types, as a tuple (`()` without any).
    pub private_inputs: String,
    /// The return type.
    pub output: String,
}

/// A program ready to run: the ELF's code with the chosen entry, and its run configuration.
pub struct Resolved {
    pub program: Program,
    pub bytecode: Bytecode,
    pub config: RunConfig,
    /// The recorded function that runs (`None` for a plain ELF).
    pub function: Option<Function>,
}

/// The functions an ELF records (none for a plain ELF).
pub fn functions(elf: &[u8]) -> Result<Vec<Function>, String> {
    let Ok(file) = object::File::parse(elf) else {
        return Ok(Vec::new());
    };
    let Some(section) = file.section_by_name(SECTION) else {
        return Ok(Vec::new());
    };
    let data = section
        .data()
        .map_err(|e| format!("the ELF's {SECTION} section cannot be read: {e}"))?;
    Records::new(data)
        .map(|record| {
            record.map_err(|e| e.to_string()).map(|r| Function {
                name: r.name.into(),
                entry: r.entry.into(),
                layout: r.layout,
                max_cycles: r.max_cycles,
                inputs: r.inputs.into(),
                private_inputs: r.private_inputs.into(),
                output: r.output.into(),
            })
        })
        .collect()
}

fn list(functions: &[Function]) -> String {
    let names: Vec<&str> = functions.iter().map(|f| f.name.as_str()).collect();
    names.join(", ")
}

/// The recorded function `wanted` names, or the only one; `None` for a plain ELF.
fn select(functions: Vec<Function>, wanted: Option<&str>) -> Result<Option<Function>, String> {
    match (wanted, functions.len()) {
        (None, 0) => Ok(None),
        (Some(name), 0) => Err(format!(
            "--function {name}: the ELF records no #[jolt::provable] functions (a plain ELF runs from its entry point; drop --function)"
        )),
        (None, 1) => Ok(functions.into_iter().next()),
        (None, _) => Err(format!(
            "the ELF has several provable functions ({}): pick one with --function <name>",
            list(&functions)
        )),
        (Some(name), _) => {
            let listed = list(&functions);
            functions
                .into_iter()
                .find(|f| f.name == name)
                .map(Some)
                .ok_or_else(|| {
                    format!("the ELF has no provable function `{name}`; it has: {listed}")
                })
        }
    }
}

impl Bounds {
    /// The run configuration of `function` (or of a plain ELF whose input has `input_len`
    /// bytes), with this command line's overrides.
    pub fn config(&self, function: Option<&Function>, input_len: usize) -> RunConfig {
        let (base, max_cycles, stack_guard) = match function {
            Some(f) => (f.layout, f.max_cycles, true),
            None => {
                let default = MemoryLayout::default();
                let input_len = u32::try_from(input_len).unwrap_or(u32::MAX);
                let grown = MemoryLayout {
                    max_input_size: default.max_input_size.max(input_len),
                    ..default
                };
                (grown, defaults::MAX_CYCLES, false)
            }
        };
        RunConfig {
            layout: MemoryLayout {
                max_input_size: self.max_input_size.unwrap_or(base.max_input_size),
                max_private_input_size: self
                    .max_private_input_size
                    .unwrap_or(base.max_private_input_size),
                max_output_size: self.max_output_size.unwrap_or(base.max_output_size),
                stack_size: self.stack_size.unwrap_or(base.stack_size),
                memory_size: self.memory_size.unwrap_or(base.memory_size),
            },
            max_cycles: self.max_cycles.unwrap_or(max_cycles),
            stack_guard,
        }
    }

    /// Loads the ELF at `path` and chooses the function and configuration; `input_len` is the
    /// length of the inputs the run gets (or claims).
    pub fn resolve(&self, path: &std::path::Path, input_len: usize) -> Result<Resolved, String> {
        let context = |e: String| format!("{}: {e}", path.display());
        let elf =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut program = Program::from_elf(&elf).map_err(|e| context(e.to_string()))?;
        let function = select(functions(&elf).map_err(context)?, self.function.as_deref())?;
        if let Some(f) = &function {
            program.entry = program.symbol(&f.entry).ok_or_else(|| {
                context(format!(
                    "the function `{}` is recorded but its entry symbol `{}` is missing (a stripped ELF?): build it again without stripping symbols",
                    f.name, f.entry
                ))
            })?;
        }
        let config = self.config(function.as_ref(), input_len);
        if let Some(f) = &function {
            let capacity = config.layout.max_input_size as usize;
            if input_len > capacity {
                return Err(format!(
                    "the input has {input_len} bytes but `{}`'s input region holds {capacity} (max_input_size): raise it with --max-input-size or the function's attribute",
                    f.name
                ));
            }
        }
        let bytecode =
            Bytecode::for_run(&program, &config, &[]).map_err(|e| context(e.to_string()))?;
        Ok(Resolved {
            program,
            bytecode,
            config,
            function,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn function(name: &str) -> Function {
        Function {
            name: name.into(),
            entry: format!("_jolt_start_{name}"),
            layout: MemoryLayout {
                max_input_size: 8192,
                ..MemoryLayout::default()
            },
            max_cycles: 1000,
            inputs: "(u32,)".into(),
            private_inputs: "()".into(),
            output: "u32".into(),
        }
    }

    #[test]
    fn several_functions_need_a_name_and_the_error_lists_them() {
        let two = || vec![function("add"), function("greet")];
        let err = select(two(), None).unwrap_err();
        assert!(
            err.contains("several provable functions (add, greet)"),
            "{err}"
        );
        assert!(err.contains("--function <name>"), "{err}");
        let err = select(two(), Some("nope")).unwrap_err();
        assert!(
            err.contains("no provable function `nope`; it has: add, greet"),
            "{err}"
        );
        assert_eq!(select(two(), Some("greet")).unwrap().unwrap().name, "greet");
        assert_eq!(
            select(vec![function("add")], None).unwrap().unwrap().name,
            "add"
        );
        assert_eq!(select(vec![], None), Ok(None));
        assert!(select(vec![], Some("add"))
            .unwrap_err()
            .contains("no #[jolt::provable]"));
    }

    #[test]
    fn flags_override_the_record_and_plain_elfs_keep_the_defaults() {
        let f = function("add");
        let recorded = Bounds::default().config(Some(&f), 10);
        assert_eq!(recorded.layout, f.layout);
        assert_eq!(recorded.max_cycles, 1000);
        assert!(recorded.stack_guard);
        let flags = Bounds {
            max_cycles: Some(5),
            stack_size: Some(4096),
            ..Bounds::default()
        };
        let overridden = flags.config(Some(&f), 10);
        assert_eq!(overridden.max_cycles, 5);
        assert_eq!(overridden.layout.stack_size, 4096);
        assert_eq!(overridden.layout.max_input_size, 8192);
        let plain = Bounds::default().config(None, 10_000);
        assert_eq!(plain.layout.max_input_size, 10_000);
        assert_eq!(plain.max_cycles, defaults::MAX_CYCLES);
        assert!(!plain.stack_guard);
    }
}
