//! RV32IM conformance test: SLTI (signed compare with sign-extended immediate).
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
    TEST_IMM_OP 2, slti, 0x00000000, 0x00000000, 0
    TEST_IMM_OP 3, slti, 0x00000001, 0x00000000, 1
    TEST_IMM_OP 4, slti, 0x00000000, 0x00000000, -1
    TEST_IMM_OP 5, slti, 0x00000001, 0x00000000, 2047
    TEST_IMM_OP 6, slti, 0x00000000, 0x00000000, -2048
    TEST_IMM_OP 7, slti, 0x00000000, 0x00000001, 0
    TEST_IMM_OP 8, slti, 0x00000000, 0x00000001, 1
    TEST_IMM_OP 9, slti, 0x00000000, 0x00000001, -1
    TEST_IMM_OP 10, slti, 0x00000001, 0x00000001, 2047
    TEST_IMM_OP 11, slti, 0x00000000, 0x00000001, -2048
    TEST_IMM_OP 12, slti, 0x00000001, 0xffffffff, 0
    TEST_IMM_OP 13, slti, 0x00000001, 0xffffffff, 1
    TEST_IMM_OP 14, slti, 0x00000000, 0xffffffff, -1
    TEST_IMM_OP 15, slti, 0x00000001, 0xffffffff, 2047
    TEST_IMM_OP 16, slti, 0x00000000, 0xffffffff, -2048
    TEST_IMM_OP 17, slti, 0x00000001, 0x80000000, 0
    TEST_IMM_OP 18, slti, 0x00000001, 0x80000000, 1
    TEST_IMM_OP 19, slti, 0x00000001, 0x80000000, -1
    TEST_IMM_OP 20, slti, 0x00000001, 0x80000000, 2047
    TEST_IMM_OP 21, slti, 0x00000001, 0x80000000, -2048
    TEST_IMM_OP 22, slti, 0x00000000, 0x7fffffff, 0
    TEST_IMM_OP 23, slti, 0x00000000, 0x7fffffff, 1
    TEST_IMM_OP 24, slti, 0x00000000, 0x7fffffff, -1
    TEST_IMM_OP 25, slti, 0x00000000, 0x7fffffff, 2047
    TEST_IMM_OP 26, slti, 0x00000000, 0x7fffffff, -2048

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_IMM_OP 27, slti, 0x00000001, 0x00000003, 7
    TEST_IMM_OP 28, slti, 0x00000000, 0x00000007, 3
    TEST_IMM_OP 29, slti, 0x00000001, 0xfffffff9, 3
    TEST_IMM_OP 30, slti, 0x00000000, 0x00000003, -7
    TEST_IMM_OP 31, slti, 0x00000000, 0xfffff800, -2048
    TEST_IMM_OP 32, slti, 0x00000001, 0xfffff7ff, -2048
    TEST_IMM_OP 33, slti, 0x00000000, 0x000007ff, 2047
    TEST_IMM_OP 34, slti, 0x00000000, 0x00000800, 2047

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_IMM_SRC1_EQ_DEST 35, slti, 0x00000001, 0x00000003, 7

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_IMM_DEST_BYPASS 36, 0, slti, 0x00000000, 0x00000007, 3
    TEST_IMM_DEST_BYPASS 37, 1, slti, 0x00000000, 0x00000007, 3
    TEST_IMM_DEST_BYPASS 38, 2, slti, 0x00000000, 0x00000007, 3
    TEST_IMM_SRC1_BYPASS 39, 0, slti, 0x00000001, 0x00000003, 7
    TEST_IMM_SRC1_BYPASS 40, 1, slti, 0x00000001, 0x00000003, 7
    TEST_IMM_SRC1_BYPASS 41, 2, slti, 0x00000001, 0x00000003, 7

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_IMM_ZEROSRC1 42, slti, 0x00000000, -2048
    TEST_IMM_ZERODEST 43, slti, 0x21212121, 291

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
