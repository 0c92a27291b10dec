//! RV32IM conformance test: XORI (sign-extended 12-bit immediate).
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
    TEST_IMM_OP 2, xori, 0x00000000, 0x00000000, 0
    TEST_IMM_OP 3, xori, 0x00000001, 0x00000000, 1
    TEST_IMM_OP 4, xori, 0xffffffff, 0x00000000, -1
    TEST_IMM_OP 5, xori, 0x000007ff, 0x00000000, 2047
    TEST_IMM_OP 6, xori, 0xfffff800, 0x00000000, -2048
    TEST_IMM_OP 7, xori, 0x00000001, 0x00000001, 0
    TEST_IMM_OP 8, xori, 0x00000000, 0x00000001, 1
    TEST_IMM_OP 9, xori, 0xfffffffe, 0x00000001, -1
    TEST_IMM_OP 10, xori, 0x000007fe, 0x00000001, 2047
    TEST_IMM_OP 11, xori, 0xfffff801, 0x00000001, -2048
    TEST_IMM_OP 12, xori, 0xffffffff, 0xffffffff, 0
    TEST_IMM_OP 13, xori, 0xfffffffe, 0xffffffff, 1
    TEST_IMM_OP 14, xori, 0x00000000, 0xffffffff, -1
    TEST_IMM_OP 15, xori, 0xfffff800, 0xffffffff, 2047
    TEST_IMM_OP 16, xori, 0x000007ff, 0xffffffff, -2048
    TEST_IMM_OP 17, xori, 0x80000000, 0x80000000, 0
    TEST_IMM_OP 18, xori, 0x80000001, 0x80000000, 1
    TEST_IMM_OP 19, xori, 0x7fffffff, 0x80000000, -1
    TEST_IMM_OP 20, xori, 0x800007ff, 0x80000000, 2047
    TEST_IMM_OP 21, xori, 0x7ffff800, 0x80000000, -2048
    TEST_IMM_OP 22, xori, 0x7fffffff, 0x7fffffff, 0
    TEST_IMM_OP 23, xori, 0x7ffffffe, 0x7fffffff, 1
    TEST_IMM_OP 24, xori, 0x80000000, 0x7fffffff, -1
    TEST_IMM_OP 25, xori, 0x7ffff800, 0x7fffffff, 2047
    TEST_IMM_OP 26, xori, 0x800007ff, 0x7fffffff, -2048

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_IMM_OP 27, xori, 0xff00f00f, 0x00ff0f00, -241
    TEST_IMM_OP 28, xori, 0x0ff00f00, 0x0ff00ff0, 240
    TEST_IMM_OP 29, xori, 0x00ff0ff0, 0x00ff08ff, 1807
    TEST_IMM_OP 30, xori, 0xf00ff0ff, 0xf00ff00f, 240
    TEST_IMM_OP 31, xori, 0x1234532d, 0x12345678, 1365

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_IMM_SRC1_EQ_DEST 32, xori, 0xff00f00f, 0x00ff0f00, -241

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_IMM_DEST_BYPASS 33, 0, xori, 0x0ff00f00, 0x0ff00ff0, 240
    TEST_IMM_DEST_BYPASS 34, 1, xori, 0x0ff00f00, 0x0ff00ff0, 240
    TEST_IMM_DEST_BYPASS 35, 2, xori, 0x0ff00f00, 0x0ff00ff0, 240
    TEST_IMM_SRC1_BYPASS 36, 0, xori, 0xff00f00f, 0x00ff0f00, -241
    TEST_IMM_SRC1_BYPASS 37, 1, xori, 0xff00f00f, 0x00ff0f00, -241
    TEST_IMM_SRC1_BYPASS 38, 2, xori, 0xff00f00f, 0x00ff0f00, -241

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_IMM_ZEROSRC1 39, xori, 0xfffff800, -2048
    TEST_IMM_ZERODEST 40, xori, 0x21212121, 291

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
