//! RV32IM conformance test: JALR (target = (rs1 + imm) & ~1; link = pc + 4).
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    # Basic call and link value.
    TEST_NUM 2
    li x5, 0
    la x6, 2f
    jalr x5, 0(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    # jalr x0: no link.
    TEST_NUM 3
    la x6, 1f
    jalr x0, 0(x6)
    j fail
1:  CHECK x0, 0

    # Positive and negative offsets.
    TEST_NUM 4
    la x6, 2f
    addi x6, x6, -16
    jalr x5, 16(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    TEST_NUM 5
    la x6, 2f
    addi x6, x6, 2000
    jalr x5, -2000(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    TEST_NUM 6
    la x6, 2f
    addi x6, x6, 2047
    addi x6, x6, 1
    jalr x5, -2048(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    TEST_NUM 7
    la x6, 2f
    addi x6, x6, -2047
    jalr x5, 2047(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    # Bit 0 of the target is cleared: odd rs1 ...
    TEST_NUM 8
    la x6, 2f
    addi x6, x6, 1
    jalr x5, 0(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    # ... odd offset ...
    TEST_NUM 9
    la x6, 2f
    jalr x5, 1(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    # ... odd rs1 and odd offset summing to an even target ...
    TEST_NUM 10
    la x6, 2f
    addi x6, x6, -3
    jalr x5, 3(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    # ... and odd offset with an even sum minus one (-1 + 2 = +1 -> cleared).
    TEST_NUM 11
    la x6, 2f
    addi x6, x6, 2
    jalr x5, -1(x6)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    # rd == rs1: the target uses the old value of the register.
    TEST_NUM 12
    la x5, 2f
    jalr x5, 0(x5)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    TEST_NUM 13
    la x5, 2f
    addi x5, x5, -8
    jalr x5, 8(x5)
1:  j fail
2:  la x6, 1b
    bne x5, x6, fail

    # Call and return through ra.
    TEST_NUM 14
    li x14, 0
    la x6, 3f
    jalr ra, 0(x6)
    CHECK x14, 1
    j 4f
3:  addi x14, x14, 1
    jalr x0, 0(ra)
    j fail
4:

    # Bypassing the target register.
    TEST_JALR_SRC1_BYPASS 15, 0, jalr
    TEST_JALR_SRC1_BYPASS 16, 1, jalr
    TEST_JALR_SRC1_BYPASS 17, 2, jalr

    # Instructions after the jalr are skipped.
    TEST_NUM 18
    li x14, 1
    la x6, 1f
    jalr x0, 0(x6)
    addi x14, x14, 1
    addi x14, x14, 1
    addi x14, x14, 1
1:  addi x14, x14, 1
    CHECK x14, 2

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
