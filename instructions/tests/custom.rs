//! The custom-0 opcode space: every R-type custom-0 word decodes to `Custom` with its function
//! bits, registrations resolve it to a table, an unregistered one is reported, and registrations
//! that would confuse the proof system are refused.

mod common;

use common::encode::r;
use jolt_instructions::subtables;
use jolt_instructions::{
    alu, check_extensions, decode, lookup_query, resolve_custom, ChunkPositions, CustomInstruction,
    DecodeError, ExtensionError, Fr, IndexPacking, Instr, Instruction, LookupId, Opcode, Subtable,
    TableId, CUSTOM_0,
};

/// `x | y` under a fresh name, reusing the built-in `or` subtable.
#[derive(Debug)]
struct OrAgain(&'static str);

impl Instruction for OrAgain {
    fn name(&self) -> &'static str {
        self.0
    }
    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x | y
    }
    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }
    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(subtables::Or), ChunkPositions::all())]
    }
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals.iter()
            .fold(Fr::from(0u64), |acc, &v| acc * Fr::from(256u64) + v)
    }
    fn g_degree(&self) -> usize {
        1
    }
}

/// A subtable that claims the built-in name `and` with other entries.
#[derive(Debug)]
struct FakeAnd;

impl Subtable for FakeAnd {
    fn name(&self) -> &'static str {
        "and"
    }
    fn materialize(&self) -> Vec<u64> {
        vec![0; jolt_instructions::M]
    }
    fn evaluate_mle(&self, _point: &[Fr]) -> Fr {
        Fr::from(0u64)
    }
}

#[derive(Debug)]
struct UsesFakeAnd;

impl Instruction for UsesFakeAnd {
    fn name(&self) -> &'static str {
        "USES_FAKE_AND"
    }
    fn lookup_entry(&self, _x: u32, _y: u32) -> u32 {
        0
    }
    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }
    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(FakeAnd), ChunkPositions::all())]
    }
    fn combine_lookups(&self, _vals: &[Fr]) -> Fr {
        Fr::from(0u64)
    }
    fn g_degree(&self) -> usize {
        1
    }
}

static OR_A: OrAgain = OrAgain("OR_A");
static OR_B: OrAgain = OrAgain("OR_B");

const fn ext(funct3: u8, funct7: u8, table: &'static dyn Instruction) -> CustomInstruction {
    CustomInstruction {
        funct3,
        funct7,
        table,
    }
}

#[test]
fn every_custom_0_word_decodes_with_its_function_bits() {
    for funct3 in 0..8u32 {
        for funct7 in [0u32, 1, 0x20, 0x7f] {
            let word = r(funct7, 7, 6, funct3, 5, CUSTOM_0);
            assert_eq!(
                decode(word),
                Ok(Instr {
                    opcode: Opcode::Custom,
                    rd: 5,
                    rs1: 6,
                    rs2: 7,
                    imm: funct7 << 3 | funct3,
                }),
                "{word:#010x}"
            );
            let e = ext(funct3 as u8, funct7 as u8, &OR_A);
            assert_eq!(e.encode(5, 6, 7), word);
            assert_eq!(e.selector(), funct7 << 3 | funct3);
        }
    }
}

#[test]
fn custom_has_register_operands_and_no_builtin_table() {
    let instr = decode(ext(1, 2, &OR_A).encode(1, 2, 3)).unwrap();
    assert_eq!(
        Opcode::Custom.operand_sources(),
        (
            jolt_instructions::XSource::Rs1,
            jolt_instructions::YSource::Rs2
        )
    );
    assert_eq!(Opcode::Custom.lookup(), None);
    assert_eq!(lookup_query(&instr, 0, 10, 20), None);
    assert_eq!(alu(Opcode::Custom, 10, 20), 0);
    assert_eq!(jolt_instructions::expand(instr), vec![instr]);
}

#[test]
fn registered_words_resolve_to_their_table_and_others_are_reported() {
    let extensions = [ext(0, 0, &OR_A), ext(3, 0x11, &OR_B)];
    let at = |funct3, funct7| decode(r(funct7, 1, 2, funct3, 3, CUSTOM_0)).unwrap();
    assert_eq!(
        resolve_custom(&at(0, 0), &extensions),
        Ok(Some(TableId::Custom(0)))
    );
    assert_eq!(
        resolve_custom(&at(3, 0x11), &extensions),
        Ok(Some(TableId::Custom(1)))
    );
    let missing = resolve_custom(&at(3, 0x12), &extensions).unwrap_err();
    assert_eq!(
        missing,
        DecodeError::Unregistered {
            funct3: 3,
            funct7: 0x12
        }
    );
    let message = missing.to_string();
    assert!(
        message.contains("custom-0") && message.contains("CustomInstruction"),
        "{message}"
    );
    assert_eq!(
        resolve_custom(&at(0, 0), &[]),
        Err(DecodeError::Unregistered {
            funct3: 0,
            funct7: 0
        })
    );
    // Built-in instructions resolve to their built-in table whatever is registered.
    let add = decode(r(0, 1, 2, 0, 3, 0x33)).unwrap();
    assert_eq!(
        resolve_custom(&add, &extensions),
        Ok(Some(TableId::Builtin(LookupId::Add)))
    );
    let sw = decode(0x00a1_2023).unwrap();
    assert_eq!(resolve_custom(&sw, &extensions), Ok(None));
}

#[test]
fn table_ids_number_builtins_then_registrations() {
    for (i, &id) in LookupId::ALL.iter().enumerate() {
        assert_eq!(id.index(), i);
        assert_eq!(TableId::Builtin(id).index(), i);
        assert_eq!(
            TableId::Builtin(id).table(&[]).unwrap().name(),
            id.table().name()
        );
    }
    let extensions = [ext(0, 0, &OR_A), ext(1, 0, &OR_B)];
    let n = LookupId::ALL.len();
    assert_eq!(TableId::Custom(1).index(), n + 1);
    assert_eq!(
        TableId::Custom(1).table(&extensions).unwrap().name(),
        "OR_B"
    );
    assert!(TableId::Custom(2).table(&extensions).is_none());
}

#[test]
fn conflicting_registrations_are_refused() {
    assert_eq!(check_extensions(&[]), Ok(()));
    assert_eq!(
        check_extensions(&[ext(0, 0, &OR_A), ext(0, 1, &OR_B)]),
        Ok(()),
        "a built-in subtable may be reused"
    );
    assert!(matches!(
        check_extensions(&[ext(8, 0, &OR_A)]),
        Err(ExtensionError::FunctOutOfRange { .. })
    ));
    assert!(matches!(
        check_extensions(&[ext(0, 0x80, &OR_A)]),
        Err(ExtensionError::FunctOutOfRange { .. })
    ));
    assert_eq!(
        check_extensions(&[ext(2, 5, &OR_A), ext(2, 5, &OR_B)]),
        Err(ExtensionError::SameEncoding {
            first: "OR_A",
            second: "OR_B",
            funct3: 2,
            funct7: 5
        })
    );
    assert_eq!(
        check_extensions(&[ext(0, 0, &OR_A), ext(1, 0, &OR_A)]),
        Err(ExtensionError::TableName("OR_A"))
    );
    static BUILTIN_NAME: OrAgain = OrAgain("OR");
    assert_eq!(
        check_extensions(&[ext(0, 0, &BUILTIN_NAME)]),
        Err(ExtensionError::TableName("OR"))
    );
    assert_eq!(
        check_extensions(&[ext(0, 0, &UsesFakeAnd)]),
        Err(ExtensionError::SubtableName("and"))
    );
}
