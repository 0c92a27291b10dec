//! RV32IM conformance test: LUI (rd = imm << 12).
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    # Plain values.
    TEST_NUM 2
    lui x1, 0
    CHECK x1, 0
    TEST_NUM 3
    lui x1, 1
    CHECK x1, 0x00001000
    TEST_NUM 4
    lui x1, 0x7ffff
    CHECK x1, 0x7ffff000
    TEST_NUM 5
    lui x1, 0x80000
    CHECK x1, 0x80000000
    TEST_NUM 6
    lui x1, 0xfffff
    CHECK x1, 0xfffff000
    TEST_NUM 7
    lui x1, 0x12345
    CHECK x1, 0x12345000

    # The low 12 bits are cleared, whatever the register held before.
    TEST_NUM 8
    li x1, 0xffffffff
    lui x1, 0xabcde
    CHECK x1, 0xabcde000

    # Sign of the result: arithmetic shifts see bit 31.
    TEST_NUM 9
    lui x1, 0xfffff
    srai x1, x1, 1
    CHECK x1, 0xfffff800
    TEST_NUM 10
    lui x1, 0x7ffff
    srai x1, x1, 20
    CHECK x1, 0x000007ff
    TEST_NUM 11
    lui x1, 0x80000
    srai x1, x1, 31
    CHECK x1, 0xffffffff

    # lui + addi builds any constant (addi immediate is sign-extended).
    TEST_NUM 12
    lui x1, 0x80000
    addi x1, x1, -1
    CHECK x1, 0x7fffffff
    TEST_NUM 13
    lui x1, 0x12346
    addi x1, x1, -0x678
    CHECK x1, 0x12345988

    # Back-to-back writes: the later one wins.
    TEST_NUM 14
    lui x1, 0x11111
    lui x1, 0x22222
    CHECK x1, 0x22222000

    # Writes to x0 are ignored.
    TEST_NUM 15
    lui x0, 0x80000
    CHECK x0, 0
    TEST_NUM 16
    lui x0, 0xfffff
    add x14, x0, x0
    CHECK x14, 0

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
