//! RV32IM conformance test: basic smoke test (arithmetic, memory, control flow; writes to x0 ignored).
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    # The smallest possible check.
    TEST_NUM 2
    li x1, 1
    CHECK x1, 1

    # x0 reads as zero at start and after writes from every instruction class.
    TEST_NUM 3
    CHECK x0, 0
    TEST_NUM 4
    li x1, 0x7fffffff
    addi x0, x0, 1
    addi x0, x1, 5
    add x0, x1, x1
    lui x0, 0x12345
    auipc x0, 0x12345
    xori x0, x1, -1
    slli x0, x1, 3
    mul x0, x1, x1
    la x15, tdat
    lw x0, 0(x15)
    jal x0, 1f
1:  CHECK x0, 0
    add x14, x0, x0
    CHECK x14, 0
    TEST_NUM 5
    la x6, 1f
    jalr x0, 0(x6)
1:  CHECK x0, 0

    # A small loop: sum 1..10.
    TEST_NUM 6
    li x14, 0
    li x5, 10
1:  add x14, x14, x5
    addi x5, x5, -1
    bne x5, x0, 1b
    CHECK x14, 55

    # Memory round trip.
    TEST_NUM 7
    la x15, tdat
    lw x14, 0(x15)
    CHECK x14, 0x01234567
    TEST_NUM 8
    li x13, 0x89abcdef
    sw x13, 4(x15)
    lw x14, 4(x15)
    CHECK x14, 0x89abcdef
    TEST_NUM 9
    lbu x14, 4(x15)
    CHECK x14, 0xef
    TEST_NUM 10
    lb x14, 7(x15)
    CHECK x14, 0xffffff89

    # A multiply and a divide.
    TEST_NUM 11
    li x1, 1000
    li x2, 1000
    mul x14, x1, x2
    CHECK x14, 1000000
    TEST_NUM 12
    li x2, 7
    divu x13, x14, x2
    remu x12, x14, x2
    CHECK x13, 142857
    CHECK x12, 1

    # All 31 writable registers hold distinct values.
    TEST_NUM 13
    li x1, 1
    li x2, 2
    li x4, 4
    li x5, 5
    li x6, 6
    li x8, 8
    li x9, 9
    li x10, 10
    li x11, 11
    li x12, 12
    li x13, 13
    li x14, 14
    li x15, 15
    li x16, 16
    li x17, 17
    li x18, 18
    li x19, 19
    li x20, 20
    li x21, 21
    li x22, 22
    li x23, 23
    li x24, 24
    li x25, 25
    li x26, 26
    li x27, 27
    li x28, 28
    li x29, 29
    li x30, 30
    li x31, 31
    add x7, x1, x2
    add x7, x7, x4
    add x7, x7, x5
    add x7, x7, x6
    add x7, x7, x8
    add x7, x7, x9
    add x7, x7, x10
    add x7, x7, x11
    add x7, x7, x12
    add x7, x7, x13
    add x7, x7, x14
    add x7, x7, x15
    add x7, x7, x16
    add x7, x7, x17
    add x7, x7, x18
    add x7, x7, x19
    add x7, x7, x20
    add x7, x7, x21
    add x7, x7, x22
    add x7, x7, x23
    add x7, x7, x24
    add x7, x7, x25
    add x7, x7, x26
    add x7, x7, x27
    add x7, x7, x28
    add x7, x7, x29
    add x7, x7, x30
    add x7, x7, x31
    add x7, x7, gp
    # 1 + 2 + (4 + 5 + 6) + (8 + ... + 31) = 486, plus gp = 13 -> 499
    li x6, 499
    bne x7, x6, fail

    TEST_PASSFAIL
    RVTEST_DATA_BEGIN
tdat:
    .word 0x01234567
    .word 0x00000000
    RVTEST_DATA_END
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
