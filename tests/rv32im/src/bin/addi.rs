//! RV32IM conformance test: ADDI (sign-extended 12-bit immediate).
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    #-------------------------------------------------------------
    # Edge operands: 0, 1, -1, INT_MIN, INT_MAX against immediates 0, 1, -1, 2047, -2048
    #-------------------------------------------------------------
    TEST_IMM_OP 2, addi, 0x00000000, 0x00000000, 0
    TEST_IMM_OP 3, addi, 0x00000001, 0x00000000, 1
    TEST_IMM_OP 4, addi, 0xffffffff, 0x00000000, -1
    TEST_IMM_OP 5, addi, 0x000007ff, 0x00000000, 2047
    TEST_IMM_OP 6, addi, 0xfffff800, 0x00000000, -2048
    TEST_IMM_OP 7, addi, 0x00000001, 0x00000001, 0
    TEST_IMM_OP 8, addi, 0x00000002, 0x00000001, 1
    TEST_IMM_OP 9, addi, 0x00000000, 0x00000001, -1
    TEST_IMM_OP 10, addi, 0x00000800, 0x00000001, 2047
    TEST_IMM_OP 11, addi, 0xfffff801, 0x00000001, -2048
    TEST_IMM_OP 12, addi, 0xffffffff, 0xffffffff, 0
    TEST_IMM_OP 13, addi, 0x00000000, 0xffffffff, 1
    TEST_IMM_OP 14, addi, 0xfffffffe, 0xffffffff, -1
    TEST_IMM_OP 15, addi, 0x000007fe, 0xffffffff, 2047
    TEST_IMM_OP 16, addi, 0xfffff7ff, 0xffffffff, -2048
    TEST_IMM_OP 17, addi, 0x80000000, 0x80000000, 0
    TEST_IMM_OP 18, addi, 0x80000001, 0x80000000, 1
    TEST_IMM_OP 19, addi, 0x7fffffff, 0x80000000, -1
    TEST_IMM_OP 20, addi, 0x800007ff, 0x80000000, 2047
    TEST_IMM_OP 21, addi, 0x7ffff800, 0x80000000, -2048
    TEST_IMM_OP 22, addi, 0x7fffffff, 0x7fffffff, 0
    TEST_IMM_OP 23, addi, 0x80000000, 0x7fffffff, 1
    TEST_IMM_OP 24, addi, 0x7ffffffe, 0x7fffffff, -1
    TEST_IMM_OP 25, addi, 0x800007fe, 0x7fffffff, 2047
    TEST_IMM_OP 26, addi, 0x7ffff7ff, 0x7fffffff, -2048

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_IMM_OP 27, addi, 0x0000000a, 0x00000003, 7
    TEST_IMM_OP 28, addi, 0xfffffff6, 0xfffffffd, -7
    TEST_IMM_OP 29, addi, 0x80000000, 0x7fffffff, 1
    TEST_IMM_OP 30, addi, 0x7fffffff, 0x80000000, -1
    TEST_IMM_OP 31, addi, 0x00000000, 0x00000800, -2048
    TEST_IMM_OP 32, addi, 0xffffffff, 0xfffff800, 2047

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_IMM_SRC1_EQ_DEST 33, addi, 0x0000000a, 0x00000003, 7

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_IMM_DEST_BYPASS 34, 0, addi, 0xfffffff6, 0xfffffffd, -7
    TEST_IMM_DEST_BYPASS 35, 1, addi, 0xfffffff6, 0xfffffffd, -7
    TEST_IMM_DEST_BYPASS 36, 2, addi, 0xfffffff6, 0xfffffffd, -7
    TEST_IMM_SRC1_BYPASS 37, 0, addi, 0x0000000a, 0x00000003, 7
    TEST_IMM_SRC1_BYPASS 38, 1, addi, 0x0000000a, 0x00000003, 7
    TEST_IMM_SRC1_BYPASS 39, 2, addi, 0x0000000a, 0x00000003, 7

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_IMM_ZEROSRC1 40, addi, 0xfffff800, -2048
    TEST_IMM_ZERODEST 41, addi, 0x21212121, 291

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
