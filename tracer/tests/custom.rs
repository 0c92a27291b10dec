//! Custom-0 instructions: a registered one executes as its table and records its lookup; an
//! unregistered one is an illegal instruction whose message says how to register it.

mod asm;

use asm::*;
use jolt_common::MemoryLayout;
use jolt_instructions::{
    ChunkPositions, CustomInstruction, DecodeError, ExtensionError, Fr, IndexPacking, Instruction,
    LookupId, Subtable, TableId,
};
use jolt_tracer::{run, Bytecode, EmulatorError, RunConfig, Trace};

/// A built-in table under another name.
#[derive(Debug)]
struct Renamed(&'static str, LookupId);

impl Instruction for Renamed {
    fn name(&self) -> &'static str {
        self.0
    }
    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        self.1.table().lookup_entry(x, y)
    }
    fn packing(&self) -> IndexPacking {
        self.1.table().packing()
    }
    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        self.1.table().subtables()
    }
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        self.1.table().combine_lookups(vals)
    }
    fn g_degree(&self) -> usize {
        self.1.table().g_degree()
    }
}

static XOR2: Renamed = Renamed("TEST_XOR2", LookupId::Xor);
static SUB2: Renamed = Renamed("TEST_SUB2", LookupId::Sub);
static EXTENSIONS: [CustomInstruction; 2] = [
    CustomInstruction {
        funct3: 0,
        funct7: 0,
        table: &XOR2,
    },
    CustomInstruction {
        funct3: 5,
        funct7: 0x21,
        table: &SUB2,
    },
];

fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 20,
            ..MemoryLayout::default()
        },
        max_cycles: 10_000,
        stack_guard: false,
    }
}

/// `a0 := (12 xor 10) - 5` through the two custom instructions; `x0` as a destination too.
fn program_words() -> Vec<u32> {
    let mut words = vec![
        addi(5, 0, 12),
        addi(6, 0, 10),
        EXTENSIONS[0].encode(7, 5, 6),
        addi(6, 0, 5),
        EXTENSIONS[1].encode(A0 as u8, 7, 6),
        EXTENSIONS[1].encode(0, 7, 6),
    ];
    words.extend(exit());
    words
}

#[test]
fn registered_custom_instructions_execute_and_record_their_lookup() {
    let program = program(&program_words(), &[]);
    let bytecode = Bytecode::with_extensions(&program, &EXTENSIONS).unwrap();
    let mut trace = Trace::default();
    let execution = run(&program, &bytecode, &config(), &[], &mut trace).unwrap();
    assert_eq!(execution.io.exit_code, (12 ^ 10) - 5);
    let custom: Vec<_> = trace
        .cycles
        .iter()
        .filter_map(|c| c.lookup)
        .filter(|l| matches!(l.table, TableId::Custom(_)))
        .collect();
    assert_eq!(custom.len(), 3);
    assert_eq!(custom[0].table, TableId::Custom(0));
    assert_eq!((custom[0].x, custom[0].y, custom[0].output), (12, 10, 6));
    assert_eq!(custom[1].table, TableId::Custom(1));
    assert_eq!((custom[1].x, custom[1].y, custom[1].output), (6, 5, 1));
    // rd = x0: the register stays 0, the lookup still has its output.
    assert_eq!(custom[2].output, 1);
    assert_eq!(trace.cycles[5].rd_value, 0);
    for l in trace.cycles.iter().filter_map(|c| c.lookup) {
        let table = l.table.table(bytecode.extensions).unwrap();
        assert_eq!(table.lookup_entry(l.x, l.y), l.output);
    }
}

#[test]
fn an_unregistered_custom_instruction_is_illegal_and_says_how_to_register() {
    let words = program_words();
    let program = program(&words, &[]);
    for bytecode in [
        Bytecode::new(&program),
        Bytecode::with_extensions(&program, &EXTENSIONS[1..]).unwrap(),
    ] {
        let err = run(&program, &bytecode, &config(), &[], &mut Trace::default()).unwrap_err();
        assert_eq!(
            err,
            EmulatorError::IllegalInstruction {
                pc: 0x8000_0008,
                word: words[2],
                reason: DecodeError::Unregistered {
                    funct3: 0,
                    funct7: 0
                },
            }
        );
        let message = err.to_string();
        assert!(
            message.contains("custom-0")
                && message.contains("not registered")
                && message.contains("CustomInstruction"),
            "{message}"
        );
    }
}

#[test]
fn conflicting_registrations_are_refused() {
    static SAME: [CustomInstruction; 2] = [
        CustomInstruction {
            funct3: 1,
            funct7: 0,
            table: &XOR2,
        },
        CustomInstruction {
            funct3: 1,
            funct7: 0,
            table: &SUB2,
        },
    ];
    let program = program(&program_words(), &[]);
    assert!(matches!(
        Bytecode::with_extensions(&program, &SAME),
        Err(ExtensionError::SameEncoding { .. })
    ));
}

#[test]
fn a_table_id_keeps_the_cycle_record_at_48_bytes() {
    assert_eq!(std::mem::size_of::<Option<jolt_tracer::LookupRecord>>(), 16);
    assert_eq!(std::mem::size_of::<jolt_tracer::Cycle>(), 48);
}
