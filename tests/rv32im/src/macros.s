#=============================================================================
# Shared assembler macros for the RV32IM conformance tests.
#
# Every test binary is one `global_asm!` block that starts with the text of
# this file (see `include_str!` in src/bin/*.rs), so there is exactly one copy
# of these macros.
#
# Conventions (in the spirit of riscv-tests' "-p" environment):
#   * The program is linked at 0x8000_0000 with `_start` first (link.x) and
#     needs no stack.
#   * gp (x3) holds the number of the test case being run.  Test case numbers
#     start at 2.
#   * A failing check branches to `fail`, which exits with a0 = gp (the number
#     of the failing test case; 1 if no case had started).  Falling through all
#     cases reaches `pass`, which exits with a0 = 0.
#   * Exit is `ecall` with a7 = 93 and a0 = exit code.
#   * Only RV32IM instructions are used: no compressed instructions, no CSRs,
#     no privileged instructions.
#   * t2 (x7) holds the expected value of a check; x4/x5/x6 are used by the
#     bypass loops.
#   * This file must not contain curly braces (it is a Rust asm template).
#=============================================================================

#-----------------------------------------------------------------------------
# Program frame
#-----------------------------------------------------------------------------

.macro RVTEST_CODE_BEGIN
    # Module-level asm is assembled with the base ISA only: enable M here.
    .option arch, +m
    .option norvc
    .option norelax
    .section .text.init, "ax", @progbits
    .p2align 2
    .globl _start
_start:
    # Start from a known register state (gp = 0: no test case yet).
    li x1, 0
    li x2, 0
    li x3, 0
    li x4, 0
    li x5, 0
    li x6, 0
    li x7, 0
    li x8, 0
    li x9, 0
    li x10, 0
    li x11, 0
    li x12, 0
    li x13, 0
    li x14, 0
    li x15, 0
    li x16, 0
    li x17, 0
    li x18, 0
    li x19, 0
    li x20, 0
    li x21, 0
    li x22, 0
    li x23, 0
    li x24, 0
    li x25, 0
    li x26, 0
    li x27, 0
    li x28, 0
    li x29, 0
    li x30, 0
    li x31, 0
.endm

# Exit with code 0.
.macro RVTEST_PASS
    li a0, 0
    li a7, 93
    ecall
1:  j 1b
.endm

# Exit with the number of the failing test case (never 0).
.macro RVTEST_FAIL
    mv a0, gp
    bne a0, x0, 1f
    li a0, 1
1:  li a7, 93
    ecall
2:  j 2b
.endm

# Ends the code of a test: passes iff at least one test case ran.
.macro TEST_PASSFAIL
    bne x0, gp, pass
fail:
    RVTEST_FAIL
pass:
    RVTEST_PASS
.endm

.macro RVTEST_DATA_BEGIN
    .data
    .p2align 4
.endm

.macro RVTEST_DATA_END
    .p2align 4
.endm

#-----------------------------------------------------------------------------
# Helpers
#-----------------------------------------------------------------------------

# Branch to fail unless register `reg` equals the 32-bit constant `val`.
.macro CHECK reg, val
    li x7, \val
    bne \reg, x7, fail
.endm

# Start test case `n`.
.macro TEST_NUM n
    li gp, \n
.endm

.macro NOPS count
    .rept \count
    nop
    .endr
.endm

# Run the body of a bypass loop twice: x4 counts iterations.
.macro LOOP_START
    li x4, 0
.endm

.macro LOOP_END label
    addi x4, x4, 1
    li x5, 2
    bne x4, x5, \label
.endm

#-----------------------------------------------------------------------------
# Register-register operations: inst rd, rs1, rs2
#-----------------------------------------------------------------------------

.macro TEST_RR_OP n, inst, result, val1, val2
    TEST_NUM \n
    li x11, \val1
    li x12, \val2
    \inst x14, x11, x12
    CHECK x14, \result
.endm

.macro TEST_RR_SRC1_EQ_DEST n, inst, result, val1, val2
    TEST_NUM \n
    li x11, \val1
    li x12, \val2
    \inst x11, x11, x12
    CHECK x11, \result
.endm

.macro TEST_RR_SRC2_EQ_DEST n, inst, result, val1, val2
    TEST_NUM \n
    li x11, \val1
    li x12, \val2
    \inst x12, x11, x12
    CHECK x12, \result
.endm

.macro TEST_RR_SRC12_EQ_DEST n, inst, result, val1
    TEST_NUM \n
    li x11, \val1
    \inst x11, x11, x11
    CHECK x11, \result
.endm

# Result consumed `nops` instructions after it is produced.
.macro TEST_RR_DEST_BYPASS n, nops, inst, result, val1, val2
    TEST_NUM \n
    LOOP_START
1:  li x1, \val1
    li x2, \val2
    \inst x14, x1, x2
    NOPS \nops
    addi x6, x14, 0
    LOOP_END 1b
    CHECK x6, \result
.endm

# rs1 written, then `n1` instructions, then rs2, then `n2`, then the op.
.macro TEST_RR_SRC12_BYPASS n, n1, n2, inst, result, val1, val2
    TEST_NUM \n
    LOOP_START
1:  li x1, \val1
    NOPS \n1
    li x2, \val2
    NOPS \n2
    \inst x14, x1, x2
    LOOP_END 1b
    CHECK x14, \result
.endm

# rs2 written first, then rs1.
.macro TEST_RR_SRC21_BYPASS n, n1, n2, inst, result, val1, val2
    TEST_NUM \n
    LOOP_START
1:  li x2, \val2
    NOPS \n1
    li x1, \val1
    NOPS \n2
    \inst x14, x1, x2
    LOOP_END 1b
    CHECK x14, \result
.endm

.macro TEST_RR_ZEROSRC1 n, inst, result, val
    TEST_NUM \n
    li x2, \val
    \inst x1, x0, x2
    CHECK x1, \result
.endm

.macro TEST_RR_ZEROSRC2 n, inst, result, val
    TEST_NUM \n
    li x1, \val
    \inst x2, x1, x0
    CHECK x2, \result
.endm

.macro TEST_RR_ZEROSRC12 n, inst, result
    TEST_NUM \n
    li x1, 0x5a5a5a5a
    \inst x1, x0, x0
    CHECK x1, \result
.endm

# A write to x0 is ignored: x0 still reads as zero afterwards.
.macro TEST_RR_ZERODEST n, inst, val1, val2
    TEST_NUM \n
    li x1, \val1
    li x2, \val2
    \inst x0, x1, x2
    CHECK x0, 0
    # ... and x0 used as a source right after the write still reads zero.
    add x14, x0, x0
    CHECK x14, 0
.endm

#-----------------------------------------------------------------------------
# Register-immediate operations: inst rd, rs1, imm
#-----------------------------------------------------------------------------

.macro TEST_IMM_OP n, inst, result, val1, imm
    TEST_NUM \n
    li x11, \val1
    \inst x14, x11, \imm
    CHECK x14, \result
.endm

.macro TEST_IMM_SRC1_EQ_DEST n, inst, result, val1, imm
    TEST_NUM \n
    li x11, \val1
    \inst x11, x11, \imm
    CHECK x11, \result
.endm

.macro TEST_IMM_DEST_BYPASS n, nops, inst, result, val1, imm
    TEST_NUM \n
    LOOP_START
1:  li x1, \val1
    \inst x14, x1, \imm
    NOPS \nops
    addi x6, x14, 0
    LOOP_END 1b
    CHECK x6, \result
.endm

.macro TEST_IMM_SRC1_BYPASS n, nops, inst, result, val1, imm
    TEST_NUM \n
    LOOP_START
1:  li x1, \val1
    NOPS \nops
    \inst x14, x1, \imm
    LOOP_END 1b
    CHECK x14, \result
.endm

.macro TEST_IMM_ZEROSRC1 n, inst, result, imm
    TEST_NUM \n
    li x1, 0x5a5a5a5a
    \inst x1, x0, \imm
    CHECK x1, \result
.endm

.macro TEST_IMM_ZERODEST n, inst, val1, imm
    TEST_NUM \n
    li x1, \val1
    \inst x0, x1, \imm
    CHECK x0, 0
    add x14, x0, x0
    CHECK x14, 0
.endm

#-----------------------------------------------------------------------------
# Loads: inst rd, offset(rs1), against data in .data
#-----------------------------------------------------------------------------

.macro TEST_LD_OP n, inst, result, offset, base
    TEST_NUM \n
    la x15, \base
    \inst x14, \offset(x15)
    CHECK x14, \result
.endm

# rd == rs1: the address is read before the destination is written.
.macro TEST_LD_SRC1_EQ_DEST n, inst, result, offset, base
    TEST_NUM \n
    la x15, \base
    \inst x15, \offset(x15)
    CHECK x15, \result
.endm

.macro TEST_LD_DEST_BYPASS n, nops, inst, result, offset, base
    TEST_NUM \n
    LOOP_START
1:  la x13, \base
    \inst x14, \offset(x13)
    NOPS \nops
    addi x6, x14, 0
    LOOP_END 1b
    CHECK x6, \result
.endm

.macro TEST_LD_SRC1_BYPASS n, nops, inst, result, offset, base
    TEST_NUM \n
    LOOP_START
1:  la x13, \base
    NOPS \nops
    \inst x14, \offset(x13)
    LOOP_END 1b
    CHECK x14, \result
.endm

# Write-after-write: a later write of rd wins over the load.
.macro TEST_LD_WAW n, inst, base
    TEST_NUM \n
    la x15, \base
    \inst x2, 0(x15)
    li x2, 2
    CHECK x2, 2
.endm

# A load into x0 is ignored.
.macro TEST_LD_ZERODEST n, inst, offset, base
    TEST_NUM \n
    la x15, \base
    \inst x0, \offset(x15)
    CHECK x0, 0
.endm

#-----------------------------------------------------------------------------
# Stores: st rs2, offset(rs1), then read back with ld
#-----------------------------------------------------------------------------

.macro TEST_ST_OP n, ld, st, result, offset, base
    TEST_NUM \n
    la x15, \base
    li x12, \result
    \st x12, \offset(x15)
    \ld x14, \offset(x15)
    CHECK x14, \result
.endm

# Store `value` with `st` at offset(base), then check the aligned word at
# woffset(base) equals `word`: only the stored bytes change.
.macro TEST_ST_WORD n, st, value, offset, base, woffset, word
    TEST_NUM \n
    la x15, \base
    li x12, \value
    \st x12, \offset(x15)
    lw x14, \woffset(x15)
    CHECK x14, \word
.endm

.macro TEST_ST_SRC12_BYPASS n, n1, n2, ld, st, result, offset, base
    TEST_NUM \n
    LOOP_START
1:  li x13, \result
    NOPS \n1
    la x12, \base
    NOPS \n2
    \st x13, \offset(x12)
    \ld x14, \offset(x12)
    LOOP_END 1b
    CHECK x14, \result
.endm

.macro TEST_ST_SRC21_BYPASS n, n1, n2, ld, st, result, offset, base
    TEST_NUM \n
    LOOP_START
1:  la x12, \base
    NOPS \n1
    li x13, \result
    NOPS \n2
    \st x13, \offset(x12)
    \ld x14, \offset(x12)
    LOOP_END 1b
    CHECK x14, \result
.endm

# Storing x0 stores zero.
.macro TEST_ST_ZEROSRC n, ld, st, offset, base
    TEST_NUM \n
    la x15, \base
    li x14, -1
    \st x14, \offset(x15)
    \st x0, \offset(x15)
    \ld x14, \offset(x15)
    CHECK x14, 0
.endm

#-----------------------------------------------------------------------------
# Conditional branches: inst rs1, rs2, target
#-----------------------------------------------------------------------------

# Taken, both forwards and backwards.
.macro TEST_BR2_OP_TAKEN n, inst, val1, val2
    TEST_NUM \n
    li x1, \val1
    li x2, \val2
    \inst x1, x2, 2f
    bne x0, gp, fail
1:  bne x0, gp, 3f
2:  \inst x1, x2, 1b
    bne x0, gp, fail
3:
.endm

# Not taken, neither forwards nor backwards.
.macro TEST_BR2_OP_NOTTAKEN n, inst, val1, val2
    TEST_NUM \n
    li x1, \val1
    li x2, \val2
    \inst x1, x2, 1f
    bne x0, gp, 2f
1:  bne x0, gp, fail
2:  \inst x1, x2, 1b
3:
.endm

# Both operands the same register.
.macro TEST_BR1_SAME_TAKEN n, inst, val
    TEST_NUM \n
    li x1, \val
    \inst x1, x1, 1f
    bne x0, gp, fail
1:
.endm

.macro TEST_BR1_SAME_NOTTAKEN n, inst, val
    TEST_NUM \n
    li x1, \val
    \inst x1, x1, fail
.endm

# Not-taken branch right after its operands are written.
.macro TEST_BR2_SRC12_BYPASS n, n1, n2, inst, val1, val2
    TEST_NUM \n
    LOOP_START
1:  li x1, \val1
    NOPS \n1
    li x2, \val2
    NOPS \n2
    \inst x1, x2, fail
    LOOP_END 1b
.endm

.macro TEST_BR2_SRC21_BYPASS n, n1, n2, inst, val1, val2
    TEST_NUM \n
    LOOP_START
1:  li x2, \val2
    NOPS \n1
    li x1, \val1
    NOPS \n2
    \inst x1, x2, fail
    LOOP_END 1b
.endm

# Instructions after a taken branch are not executed.
.macro TEST_BR2_SKIP n, inst, val1, val2
    TEST_NUM \n
    li x1, \val1
    li x2, \val2
    li x14, 1
    \inst x1, x2, 1f
    addi x14, x14, 1
    addi x14, x14, 1
    addi x14, x14, 1
    addi x14, x14, 1
1:  addi x14, x14, 1
    addi x14, x14, 1
    CHECK x14, 3
.endm

#-----------------------------------------------------------------------------
# Jumps
#-----------------------------------------------------------------------------

# jalr through a register written `nops` instructions earlier.
.macro TEST_JALR_SRC1_BYPASS n, nops, inst
    TEST_NUM \n
    LOOP_START
1:  la x6, 2f
    NOPS \nops
    \inst x13, 0(x6)
    bne x0, gp, fail
2:  LOOP_END 1b
.endm
