//! Named attacks: an honest witness of [`every_opcode_program`] with one lie, rejected by the
//! constraint that names it.

use super::*;
use crate::poly::MultilinearPolynomial;
use crate::r1cs::{Unsatisfied, Variable};
use ark_ff::{AdditiveGroup, Field};

struct Setup {
    shape: UniformShape,
    cols: Columns,
    run: Run,
    polys: Vec<MultilinearPolynomial<Fr>>,
}

fn setup() -> Setup {
    let (shape, cols) = rv32im_shape();
    let run = execute(&every_opcode_program());
    let polys = run.witness(&cols).into_polynomials();
    assert_eq!(shape.check_witness(&polys), Ok(()));
    Setup {
        shape,
        cols,
        run,
        polys,
    }
}

impl Setup {
    fn get(&self, v: Variable, t: usize) -> Fr {
        self.polys[v.index()].get(t)
    }

    /// Sets column `v` at cycle `t` to `value` (a field element: the lie need not fit).
    fn set(&mut self, v: Variable, t: usize, value: Fr) {
        let col = &mut self.polys[v.index()];
        let mut evals: Vec<Fr> = (0..col.len()).map(|i| col.get(i)).collect();
        evals[t] = value;
        *col = evals.into();
    }

    fn add(&mut self, v: Variable, t: usize, delta: i64) {
        let d = if delta < 0 {
            -Fr::from(delta.unsigned_abs())
        } else {
            Fr::from(delta as u64)
        };
        self.set(v, t, self.get(v, t) + d);
    }

    /// Recomputes `product = x·y` at cycle `t` after a change of the operands.
    fn fix_product(&mut self, t: usize) {
        let p = self.get(self.cols.x, t) * self.get(self.cols.y, t);
        self.set(self.cols.product, t, p);
    }

    /// The violated constraint's name; panics if the witness still satisfies the shape.
    fn rejected(&self) -> Unsatisfied {
        self.shape
            .check_witness(&self.polys)
            .expect_err("the lie must be caught")
    }

    fn assert_rejected_by(&self, name: &str, cycle: usize) {
        let e = self.rejected();
        assert_eq!((e.name.as_str(), e.cycle), (name, cycle), "{e}");
    }
}

#[test]
fn rejects_wrong_rd_value() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Xor);
    s.add(s.cols.rd_write, t, 1);
    s.assert_rejected_by("rd := lookup output when flag_write_lookup", t);
}

#[test]
fn rejects_nonzero_write_to_x0() {
    let mut s = setup();
    let t = s
        .run
        .find(|r| r.instr.is_ok_and(|i| i.opcode == Opcode::Add && i.rd == 0));
    s.set(s.cols.rd_write, t, Fr::from(5u64));
    s.assert_rejected_by(
        "rd write is 0 without a write flag (x0 is never written)",
        t,
    );
}

#[test]
fn rejects_wrong_link_value() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Jal);
    s.add(s.cols.rd_write, t, 4);
    s.assert_rejected_by("rd := pc + 4 when flag_write_link", t);
}

#[test]
fn rejects_wrong_branch_decision() {
    // A taken branch claimed not taken, the decision consistent with its output: the next row
    // is not the fall-through.
    let mut s = setup();
    let t = s.run.find_op(Opcode::Beq);
    assert_eq!(s.get(s.cols.take_branch, t), Fr::ONE);
    s.set(s.cols.lookup_output, t, Fr::ZERO);
    s.set(s.cols.take_branch, t, Fr::ZERO);
    s.assert_rejected_by("fall-through: next row = row + 1", t);
    // The output changed alone.
    let mut s = setup();
    s.set(s.cols.lookup_output, t, Fr::ZERO);
    s.assert_rejected_by("take_branch = flag_branch * lookup output", t);
}

#[test]
fn rejects_untaken_branch_claimed_taken() {
    let mut s = setup();
    let t = (0..)
        .find(|&t| {
            s.get(s.cols.flag(Flag::Branch), t) == Fr::ONE
                && s.get(s.cols.take_branch, t) == Fr::ZERO
        })
        .unwrap();
    s.set(s.cols.lookup_output, t, Fr::ONE);
    s.set(s.cols.take_branch, t, Fr::ONE);
    s.assert_rejected_by("taken branch: next address = pc + imm mod 2^32", t);
}

#[test]
fn rejects_wrong_jump_target() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Jalr);
    s.add(s.cols.lookup_output, t, 4);
    s.assert_rejected_by("jump: next address = lookup output", t);
}

#[test]
fn rejects_jump_into_a_virtual_sequence() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Jal);
    s.set(s.cols.step, t + 1, Fr::ONE);
    s.assert_rejected_by("jump or taken branch: next row is a word's first row", t);
}

#[test]
fn rejects_wrong_ram_read() {
    let mut s = setup();
    let t = s.run.find(|r| r.source.opcode == Opcode::Lw);
    s.add(s.cols.ram_read, t, 1);
    s.assert_rejected_by("rd := RAM read when flag_write_load", t);
}

#[test]
fn rejects_load_that_changes_memory() {
    let mut s = setup();
    let t = s.run.find(|r| r.source.opcode == Opcode::Lw);
    s.add(s.cols.ram_write, t, 1);
    s.assert_rejected_by("only a store changes memory (a load keeps the word)", t);
}

#[test]
fn rejects_wrong_stored_value() {
    let mut s = setup();
    let t = s.run.find(|r| r.source.opcode == Opcode::Sw);
    s.add(s.cols.ram_write, t, 1);
    s.assert_rejected_by("SW writes rs2 value", t);
}

#[test]
fn rejects_wrong_ram_address() {
    let mut s = setup();
    let t = s.run.find(|r| r.source.opcode == Opcode::Lw);
    s.add(s.cols.ram_word, t, 1);
    s.assert_rejected_by(
        "LW/SW address 4 * (ram_word - 2^31) = rs1 + imm mod 2^32 (word aligned)",
        t,
    );
    // The wrapping access (rs1 + imm ≥ 2^32) with its carry dropped.
    let mut s = setup();
    let t = (0..s.run.trace.cycles.len())
        .find(|&t| {
            s.get(s.cols.flag(Flag::Load), t) == Fr::ONE && s.get(s.cols.carry, t) == Fr::ONE
        })
        .unwrap();
    s.set(s.cols.carry, t, Fr::ZERO);
    s.assert_rejected_by(
        "LW/SW address 4 * (ram_word - 2^31) = rs1 + imm mod 2^32 (word aligned)",
        t,
    );
}

#[test]
fn rejects_misaligned_address() {
    // rs1 off by one (consistently in x): no integer word index matches; the field element
    // (x + y)/4 that would is not in the RAM range (the memory check's obligation).
    let mut s = setup();
    let t = s.run.find(|r| r.source.opcode == Opcode::Lw);
    s.add(s.cols.rs1_value, t, 1);
    s.add(s.cols.x, t, 1);
    s.fix_product(t);
    s.assert_rejected_by(
        "LW/SW address 4 * (ram_word - 2^31) = rs1 + imm mod 2^32 (word aligned)",
        t,
    );
}

#[test]
fn rejects_ram_access_outside_lw_sw() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Add);
    s.set(s.cols.ram_word, t, Fr::from(0x2000_0400u64));
    s.assert_rejected_by("no RAM access: ram_word = 0", t);
}

#[test]
fn rejects_wrong_interleaved_chunk() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Xor);
    s.add(s.cols.chunks[1], t, 1);
    s.assert_rejected_by("interleaved packing: chunk 1 = x byte 1, y byte 1", t);
    // A byte of x changed alone.
    let mut s = setup();
    s.add(s.cols.x_bytes[2], t, 1);
    s.assert_rejected_by("byte packing: x is its bytes", t);
}

#[test]
fn rejects_wrong_shift_chunk() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Sll);
    s.add(s.cols.y_bytes[3], t, 1);
    s.add(s.cols.y, t, 1);
    s.add(s.cols.rs2_value, t, 1);
    s.fix_product(t);
    s.assert_rejected_by("shift packing: chunk 0 = x byte 0, low byte of y", t);
}

#[test]
fn rejects_wrong_split_chunk() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Mulhu);
    s.add(s.cols.chunks[0], t, 1);
    s.assert_rejected_by("product packing: chunks are the digits of x * y", t);
}

/// Documents obligation 5 of [`crate::zkvm`]: bytes that are not range-checked can be shifted
/// between positions without breaking any R1CS row, so the byte range check is required.
#[test]
fn byte_range_check_is_required() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Xor);
    let (xb, yb) = (s.cols.x_bytes, s.cols.y_bytes);
    s.add(xb[0], t, 1);
    s.add(xb[1], t, -256);
    s.add(yb[0], t, -256);
    s.add(yb[1], t, 65536);
    assert_eq!(
        s.shape.check_witness(&s.polys),
        Ok(()),
        "only the byte range check catches this"
    );
    let in_range = |v: Fr| (0..256u64).any(|b| Fr::from(b) == v);
    assert!(!in_range(s.get(yb[1], t)), "the range check rejects it");
}

#[test]
fn rejects_failed_assertion() {
    // A division with wrong advice makes an assertion's lookup output 0.
    let mut s = setup();
    let t = s
        .run
        .find(|r| r.source.opcode == Opcode::Div && r.instr.is_ok_and(|i| i.opcode.is_assertion()));
    s.set(s.cols.lookup_output, t, Fr::ZERO);
    s.assert_rejected_by("an assertion's lookup output is 1", t);
}

#[test]
fn rejects_advice_not_used_as_operand() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::VirtualAdvice);
    s.add(s.cols.advice, t, 1);
    s.assert_rejected_by("x = advice when flag_x_advice", t);
}

#[test]
fn rejects_wrong_next_row() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Xor);
    s.add(s.cols.row, t + 1, 1);
    s.assert_rejected_by("fall-through: next row = row + 1", t);
}

#[test]
fn rejects_padding_before_halt() {
    let mut s = setup();
    let t = s.run.find_op(Opcode::Xor);
    s.set(s.cols.flag(Flag::Noop), t + 1, Fr::ONE);
    s.assert_rejected_by(
        "padding starts only after the halting row and never ends",
        t,
    );
}

#[test]
fn rejects_resuming_after_padding() {
    let mut s = setup();
    let first_pad = s.run.trace.cycles.len();
    assert!(
        first_pad + 1 < s.polys[0].len(),
        "at least two padding cycles"
    );
    s.set(s.cols.flag(Flag::Noop), first_pad + 1, Fr::ZERO);
    s.assert_rejected_by(
        "padding starts only after the halting row and never ends",
        first_pad,
    );
}
