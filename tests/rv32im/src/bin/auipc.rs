//! RV32IM conformance test: AUIPC (rd = pc + (imm << 12)).
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    # The pc of each auipc is recovered independently with jal: after
    #   auipc rd, K ; jal x2, 1f ; 1:
    # x2 = pc(auipc) + 8, so rd - x2 = (K << 12) - 8.
    TEST_NUM 2
    auipc x1, 0
    jal x2, 1f
1:  sub x1, x1, x2
    CHECK x1, 0xfffffff8

    TEST_NUM 3
    auipc x1, 1
    jal x2, 1f
1:  sub x1, x1, x2
    CHECK x1, 0x00000ff8

    TEST_NUM 4
    auipc x1, 0x7ffff
    jal x2, 1f
1:  sub x1, x1, x2
    CHECK x1, 0x7fffeff8

    # Negative immediates (bit 31 of the offset set): pc + offset wraps.
    TEST_NUM 5
    auipc x1, 0xfffff
    jal x2, 1f
1:  sub x1, x1, x2
    CHECK x1, 0xffffeff8

    TEST_NUM 6
    auipc x1, 0x80000
    jal x2, 1f
1:  sub x1, x1, x2
    CHECK x1, 0x7ffffff8

    # With the program at 0x8000_0000, pc + 0x8000_0000 wraps to a small
    # address: bit 31 of the result is clear.
    TEST_NUM 7
    auipc x1, 0x80000
    srli x1, x1, 31
    CHECK x1, 0

    # auipc 0 yields the address of the instruction itself.
    TEST_NUM 8
    jal x2, 1f
1:  auipc x1, 0
    bne x1, x2, fail
    TEST_NUM 9
    la x2, 2f
2:  auipc x1, 0
    bne x1, x2, fail

    # The absolute address: this test is linked at 0x8000_0000, entry first.
    TEST_NUM 10
    auipc x1, 0
    srli x1, x1, 28
    CHECK x1, 8

    # Writes to x0 are ignored.
    TEST_NUM 11
    auipc x0, 0x12345
    CHECK x0, 0

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
