//! Decoding rejects what is not RV32IM: reserved encodings, other extensions, compressed words;
//! random words decode consistently.

mod common;

use common::encode::{b, i, r, s};
use jolt_instructions::{decode, DecodeError, Opcode};
use rand::Rng;
use Opcode::*;

#[test]
fn reserved_encodings_are_rejected() {
    let reserved = [
        r(1, 0, 10, 1, 10, 0x13),     // slli with shamt[5] = 1 (RV64 only)
        r(1, 0, 10, 5, 10, 0x13),     // srli with shamt[5] = 1
        r(0x21, 0, 10, 5, 10, 0x13),  // srai with shamt[5] = 1
        r(0x10, 0, 10, 5, 10, 0x13),  // srli with a non-zero funct7
        r(0x20, 0, 10, 1, 10, 0x13),  // "srai"-style funct7 on slli
        r(0x20, 11, 10, 1, 10, 0x33), // funct7 0x20 with sll
        r(0x20, 11, 10, 7, 10, 0x33), // funct7 0x20 with and
        r(0x02, 11, 10, 0, 10, 0x33), // unknown funct7
        r(0x40, 11, 10, 0, 10, 0x33), // unknown funct7
        i(0, 1, 1, 0, 0x67),          // jalr with funct3 1
        b(8, 1, 2, 2),                // branch funct3 2
        b(8, 1, 2, 3),                // branch funct3 3
        i(0, 1, 3, 2, 0x03),          // ld
        i(0, 1, 6, 2, 0x03),          // lwu
        i(0, 1, 7, 2, 0x03),
        s(0, 1, 2, 3, 0x23), // sd
        s(0, 1, 2, 4, 0x23),
        0x0000_200f, // misc-mem funct3 2
        0x3020_0073, // mret
        0x1050_0073, // wfi
        0x3401_1073, // csrrw
        0x0000_0173, // ecall with rd != 0
        0x0000_202f, // amo (A extension)
        0x0000_0007, // flw (F extension)
        0x0000_003b, // op-32 (RV64)
        0x0000_001b, // op-imm-32 (RV64)
        0x0000_007f, // longer encoding
        0x0000_0000, // the defined illegal instruction
        0xffff_ffff,
    ];
    for word in reserved {
        assert_eq!(
            decode(word),
            Err(DecodeError::Unknown(word)),
            "{word:#010x}"
        );
    }
}

#[test]
fn compressed_words_are_reported() {
    for word in [
        0x0000_4501u32,
        0x1234_4501,
        0x0000_8082,
        0xffff_fffe,
        0x0000_0001,
        0x0000_0002,
    ] {
        assert_eq!(
            decode(word),
            Err(DecodeError::Compressed(word as u16)),
            "{word:#010x}"
        );
    }
    let message = decode(0x8082).unwrap_err().to_string();
    assert!(
        message.contains("0x8082") && message.contains("without the C extension"),
        "{message}"
    );
}

#[test]
fn random_words_decode_consistently() {
    let mut rng = common::rng(11);
    for _ in 0..100_000 {
        let word: u32 = rng.gen();
        match decode(word) {
            Ok(instr) => {
                assert!(!instr.opcode.is_virtual());
                assert!(instr.rd < 32 && instr.rs1 < 32 && instr.rs2 < 32);
                assert_eq!(
                    instr.rd,
                    if has_rd(instr.opcode) {
                        (word >> 7 & 31) as u8
                    } else {
                        0
                    }
                );
            }
            Err(DecodeError::Compressed(half)) => assert_ne!(word & 3, 3, "{half:#x}"),
            Err(DecodeError::Unknown(w)) => assert_eq!(w, word),
            Err(e @ DecodeError::Unregistered { .. }) => panic!("decode never resolves: {e}"),
        }
    }
}

fn has_rd(opcode: Opcode) -> bool {
    !matches!(
        opcode,
        Beq | Bne | Blt | Bge | Bltu | Bgeu | Sb | Sh | Sw | Fence | Ecall | Ebreak
    )
}

#[test]
fn opcode_list_is_complete_and_ordered() {
    let all = Opcode::ALL;
    assert!(
        all.windows(2).all(|w| w[0] < w[1]),
        "ALL is sorted without duplicates"
    );
    assert_eq!(all.first(), Some(&Lui));
    assert_eq!(all.last(), Some(&VirtualAssertMulUNoOverflow));
    let names: std::collections::HashSet<_> = all.iter().map(|op| op.name()).collect();
    assert_eq!(names.len(), all.len());
    for &op in all {
        assert_eq!(op.is_virtual(), op.name().starts_with("VIRTUAL_"), "{op:?}");
        assert!(!op.is_assertion() || op.is_virtual(), "{op:?}");
    }
    assert!(
        !all.contains(&Custom),
        "custom words have no built-in semantics"
    );
    assert!(!Custom.is_virtual() && !Custom.is_assertion());
}
