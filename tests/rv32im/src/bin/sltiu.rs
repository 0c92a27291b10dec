//! RV32IM conformance test: SLTIU (unsigned compare with the sign-extended immediate).
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
    TEST_IMM_OP 2, sltiu, 0x00000000, 0x00000000, 0
    TEST_IMM_OP 3, sltiu, 0x00000001, 0x00000000, 1
    TEST_IMM_OP 4, sltiu, 0x00000001, 0x00000000, -1
    TEST_IMM_OP 5, sltiu, 0x00000001, 0x00000000, 2047
    TEST_IMM_OP 6, sltiu, 0x00000001, 0x00000000, -2048
    TEST_IMM_OP 7, sltiu, 0x00000000, 0x00000001, 0
    TEST_IMM_OP 8, sltiu, 0x00000000, 0x00000001, 1
    TEST_IMM_OP 9, sltiu, 0x00000001, 0x00000001, -1
    TEST_IMM_OP 10, sltiu, 0x00000001, 0x00000001, 2047
    TEST_IMM_OP 11, sltiu, 0x00000001, 0x00000001, -2048
    TEST_IMM_OP 12, sltiu, 0x00000000, 0xffffffff, 0
    TEST_IMM_OP 13, sltiu, 0x00000000, 0xffffffff, 1
    TEST_IMM_OP 14, sltiu, 0x00000000, 0xffffffff, -1
    TEST_IMM_OP 15, sltiu, 0x00000000, 0xffffffff, 2047
    TEST_IMM_OP 16, sltiu, 0x00000000, 0xffffffff, -2048
    TEST_IMM_OP 17, sltiu, 0x00000000, 0x80000000, 0
    TEST_IMM_OP 18, sltiu, 0x00000000, 0x80000000, 1
    TEST_IMM_OP 19, sltiu, 0x00000001, 0x80000000, -1
    TEST_IMM_OP 20, sltiu, 0x00000000, 0x80000000, 2047
    TEST_IMM_OP 21, sltiu, 0x00000001, 0x80000000, -2048
    TEST_IMM_OP 22, sltiu, 0x00000000, 0x7fffffff, 0
    TEST_IMM_OP 23, sltiu, 0x00000000, 0x7fffffff, 1
    TEST_IMM_OP 24, sltiu, 0x00000001, 0x7fffffff, -1
    TEST_IMM_OP 25, sltiu, 0x00000000, 0x7fffffff, 2047
    TEST_IMM_OP 26, sltiu, 0x00000001, 0x7fffffff, -2048

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_IMM_OP 27, sltiu, 0x00000001, 0x00000003, 7
    TEST_IMM_OP 28, sltiu, 0x00000000, 0x00000007, 3
    TEST_IMM_OP 29, sltiu, 0x00000000, 0xfffff800, -2048
    TEST_IMM_OP 30, sltiu, 0x00000001, 0xfffff7ff, -2048
    TEST_IMM_OP 31, sltiu, 0x00000001, 0xfffffffe, -1
    TEST_IMM_OP 32, sltiu, 0x00000000, 0x000007ff, 2047
    TEST_IMM_OP 33, sltiu, 0x00000000, 0x00000800, 2047
    TEST_IMM_OP 34, sltiu, 0x00000001, 0x80000000, -2048

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_IMM_SRC1_EQ_DEST 35, sltiu, 0x00000001, 0x00000003, 7

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_IMM_DEST_BYPASS 36, 0, sltiu, 0x00000000, 0x00000007, 3
    TEST_IMM_DEST_BYPASS 37, 1, sltiu, 0x00000000, 0x00000007, 3
    TEST_IMM_DEST_BYPASS 38, 2, sltiu, 0x00000000, 0x00000007, 3
    TEST_IMM_SRC1_BYPASS 39, 0, sltiu, 0x00000001, 0x00000003, 7
    TEST_IMM_SRC1_BYPASS 40, 1, sltiu, 0x00000001, 0x00000003, 7
    TEST_IMM_SRC1_BYPASS 41, 2, sltiu, 0x00000001, 0x00000003, 7

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_IMM_ZEROSRC1 42, sltiu, 0x00000001, -2048
    TEST_IMM_ZERODEST 43, sltiu, 0x21212121, 291

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
