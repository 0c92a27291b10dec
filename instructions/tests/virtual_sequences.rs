//! Every arithmetic virtual sequence (MULH, MULHSU, DIV, DIVU, REM, REMU), run step by step by
//! the reference machine, computes what the instruction it replaces computes; wrong division
//! advice fails an assertion. Every sequence is well formed.

mod common;

use common::machine::{register_choices, Fault, Machine};
use jolt_instructions::{advice, alu, expand, Instr, Opcode, REGISTER_COUNT};
use rand::Rng;
use Opcode::*;

const EXPANDED: [Opcode; 12] = [Mulh, Mulhsu, Div, Divu, Rem, Remu, Lb, Lbu, Lh, Lhu, Sb, Sh];

#[test]
fn sequences_are_well_formed() {
    let mut rng = common::rng(30);
    for op in EXPANDED {
        for _ in 0..50 {
            let instr = Instr {
                opcode: op,
                rd: rng.gen_range(0..32),
                rs1: rng.gen_range(0..32),
                rs2: rng.gen_range(0..32),
                imm: rng.gen(),
            };
            let steps = expand(instr);
            assert!(
                steps.len() > 1 && steps.len() <= 20,
                "{op:?}: {} steps",
                steps.len()
            );
            let (last, body) = steps.split_last().unwrap();
            for s in &steps {
                assert_eq!(
                    expand(*s),
                    vec![*s],
                    "{op:?}: steps are not expanded further"
                );
                assert!(
                    (s.rd as usize) < REGISTER_COUNT
                        && (s.rs1 as usize) < REGISTER_COUNT
                        && (s.rs2 as usize) < REGISTER_COUNT
                );
                assert!(
                    s.opcode.lookup().is_some() || matches!(s.opcode, Lw | Sw),
                    "{op:?}: {:?}",
                    s.opcode
                );
            }
            for s in body {
                assert!(
                    s.rd == 0 || s.rd >= 32,
                    "{op:?}: only the last step writes a real register"
                );
            }
            let writes_rd = !matches!(op, Sb | Sh);
            assert_eq!(last.rd, if writes_rd { instr.rd } else { 0 }, "{op:?}");
            let advice_steps = steps.iter().filter(|s| s.opcode == VirtualAdvice).count();
            assert_eq!(
                advice_steps,
                if matches!(op, Div | Divu | Rem | Remu) {
                    2
                } else {
                    0
                },
                "{op:?}"
            );
        }
    }
    let add = Instr {
        opcode: Add,
        rd: 1,
        rs1: 2,
        rs2: 3,
        imm: 0,
    };
    assert_eq!(expand(add), vec![add]);
}

#[test]
#[should_panic(expected = "is not a VirtualAdvice step")]
fn advice_for_a_step_without_advice_panics() {
    advice(
        Instr {
            opcode: Div,
            rd: 1,
            rs1: 2,
            rs2: 3,
            imm: 0,
        },
        0,
        7,
        3,
    );
}

#[test]
fn arithmetic_sequences_compute_the_instruction() {
    let mut rng = common::rng(31);
    let pairs = common::operand_pairs(32, 3_000);
    let extra = [
        (i32::MIN as u32, u32::MAX),
        (7, 0),
        (i32::MIN as u32, 0),
        (u32::MAX, 0),
        (0, 0),
        (i32::MIN as u32, 1),
    ];
    for op in [Mulh, Mulhsu, Div, Divu, Rem, Remu] {
        for (k, &(x, y)) in pairs.iter().chain(&extra).enumerate() {
            let choices = register_choices(&mut rng);
            let (rd, rs1, rs2) = choices[k % choices.len()];
            let instr = Instr {
                opcode: op,
                rd,
                rs1,
                rs2,
                imm: 0,
            };
            let mut m = Machine::new(&mut rng);
            m.regs[rs1 as usize] = x;
            m.regs[rs2 as usize] = y;
            m.regs[0] = 0;
            let (a, b) = (m.regs[rs1 as usize], m.regs[rs2 as usize]);
            let before = m.regs;
            m.run_honest(instr)
                .unwrap_or_else(|f| panic!("{op:?} ({a:#x}, {b:#x}): {f:?}"));
            let expected = if rd == 0 { 0 } else { alu(op, a, b) };
            assert_eq!(
                m.regs[rd as usize], expected,
                "{op:?} ({a:#x}, {b:#x}) rd={rd} rs1={rs1} rs2={rs2}"
            );
            for r in (0..32).filter(|&r| r != rd as usize) {
                assert_eq!(m.regs[r], before[r], "{op:?} changed x{r}");
            }
        }
    }
}

/// Division advice a cheating prover might try instead of the honest (q, r).
fn wrong_advice(q: u32, r: u32, y: u32) -> Vec<(u32, u32)> {
    let abs_y = (y as i32).unsigned_abs();
    let mut candidates = vec![
        (q.wrapping_add(1), r),
        (q.wrapping_sub(1), r),
        (q.wrapping_add(1 << 31), r),
        (q, r.wrapping_add(1)),
        (q, r.wrapping_sub(1)),
        (q, r.wrapping_add(y)),
        (q, r.wrapping_sub(y)),
        (q, r.wrapping_add(abs_y)),
        (q, r.wrapping_sub(abs_y)),
        (q.wrapping_add(1), r.wrapping_sub(y)),
        (q.wrapping_sub(1), r.wrapping_add(y)),
        (q.wrapping_add(1), r.wrapping_sub(abs_y)),
        (q.wrapping_sub(1), r.wrapping_add(abs_y)),
        (q.wrapping_add(1 << 31), r.wrapping_add(1 << 31)),
        (r, q),
    ];
    candidates.retain(|&c| c != (q, r));
    candidates
}

#[test]
fn wrong_division_advice_fails_an_assertion() {
    let mut rng = common::rng(33);
    let pairs = common::operand_pairs(34, 1_000);
    let extra = [
        (i32::MIN as u32, u32::MAX),
        (7, 0),
        (i32::MIN as u32, 0),
        (1, 3),
        (6, 2),
        (0, 0),
    ];
    for op in [Div, Divu, Rem, Remu] {
        let instr = Instr {
            opcode: op,
            rd: 5,
            rs1: 6,
            rs2: 7,
            imm: 0,
        };
        let steps = expand(instr);
        let advice_steps: Vec<usize> = (0..steps.len())
            .filter(|&i| steps[i].opcode == VirtualAdvice)
            .collect();
        assert_eq!(advice_steps.len(), 2);
        for &(x, y) in pairs.iter().chain(&extra) {
            let q = advice(instr, advice_steps[0], x, y);
            let r = advice(instr, advice_steps[1], x, y);
            let mut m = Machine::new(&mut rng);
            m.regs[6] = x;
            m.regs[7] = y;
            for (q2, r2) in wrong_advice(q, r, y) {
                let result = m
                    .clone()
                    .run(instr, |step| if step == advice_steps[0] { q2 } else { r2 });
                assert!(
                    matches!(result, Err(Fault::Assertion { .. })),
                    "{op:?} ({x:#x}, {y:#x}): advice ({q2:#x}, {r2:#x}) instead of ({q:#x}, {r:#x}) passed"
                );
            }
        }
    }
}
