//! RV32IM conformance test: JAL (link = pc + 4; +-1 MiB pc-relative target).
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    # Link register holds the address after the jal.
    TEST_NUM 2
    li x4, 0
    jal x4, 2f
1:  nop
    nop
    j fail
2:  la x2, 1b
    bne x2, x4, fail

    # Default link register ra; instructions after the jal are skipped.
    TEST_NUM 3
    li x14, 1
    jal 1f
    addi x14, x14, 1
    addi x14, x14, 1
    addi x14, x14, 1
1:  addi x14, x14, 1
    CHECK x14, 2
    la x2, 1b
    addi x2, x2, -12
    bne x2, ra, fail

    # jal x0 (j): no link written.
    TEST_NUM 4
    li x1, 0x1234
    jal x0, 1f
    j fail
1:  CHECK x0, 0
    CHECK x1, 0x1234

    # Backward jump.
    TEST_NUM 5
    li x14, 0
    j 2f
1:  addi x14, x14, 1
    jal x5, 3f
2:  jal x6, 1b
    j fail
3:  CHECK x14, 1
    la x2, 2b
    bne x2, x5, fail
    addi x2, x2, 4
    bne x2, x6, fail

    # rd = x31, and the link value used right away.
    TEST_NUM 6
    jal x31, 1f
2:  j fail
1:  la x2, 2b
    bne x2, x31, fail

    # Longer distance (more than the 4 KiB branch range).
    TEST_NUM 7
    jal x5, 1f
2:  j fail
    .rept 1100
    j fail
    .endr
1:  la x2, 2b
    bne x2, x5, fail

    # Loop using jal back-edges: 5 iterations.
    TEST_NUM 8
    li x14, 0
    li x15, 5
1:  addi x14, x14, 1
    beq x14, x15, 2f
    jal x0, 1b
2:  CHECK x14, 5

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
