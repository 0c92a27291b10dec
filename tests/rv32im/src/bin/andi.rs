//! RV32IM conformance test: ANDI (sign-extended 12-bit immediate).
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
    TEST_IMM_OP 2, andi, 0x00000000, 0x00000000, 0
    TEST_IMM_OP 3, andi, 0x00000000, 0x00000000, 1
    TEST_IMM_OP 4, andi, 0x00000000, 0x00000000, -1
    TEST_IMM_OP 5, andi, 0x00000000, 0x00000000, 2047
    TEST_IMM_OP 6, andi, 0x00000000, 0x00000000, -2048
    TEST_IMM_OP 7, andi, 0x00000000, 0x00000001, 0
    TEST_IMM_OP 8, andi, 0x00000001, 0x00000001, 1
    TEST_IMM_OP 9, andi, 0x00000001, 0x00000001, -1
    TEST_IMM_OP 10, andi, 0x00000001, 0x00000001, 2047
    TEST_IMM_OP 11, andi, 0x00000000, 0x00000001, -2048
    TEST_IMM_OP 12, andi, 0x00000000, 0xffffffff, 0
    TEST_IMM_OP 13, andi, 0x00000001, 0xffffffff, 1
    TEST_IMM_OP 14, andi, 0xffffffff, 0xffffffff, -1
    TEST_IMM_OP 15, andi, 0x000007ff, 0xffffffff, 2047
    TEST_IMM_OP 16, andi, 0xfffff800, 0xffffffff, -2048
    TEST_IMM_OP 17, andi, 0x00000000, 0x80000000, 0
    TEST_IMM_OP 18, andi, 0x00000000, 0x80000000, 1
    TEST_IMM_OP 19, andi, 0x80000000, 0x80000000, -1
    TEST_IMM_OP 20, andi, 0x00000000, 0x80000000, 2047
    TEST_IMM_OP 21, andi, 0x80000000, 0x80000000, -2048
    TEST_IMM_OP 22, andi, 0x00000000, 0x7fffffff, 0
    TEST_IMM_OP 23, andi, 0x00000001, 0x7fffffff, 1
    TEST_IMM_OP 24, andi, 0x7fffffff, 0x7fffffff, -1
    TEST_IMM_OP 25, andi, 0x000007ff, 0x7fffffff, 2047
    TEST_IMM_OP 26, andi, 0x7ffff800, 0x7fffffff, -2048

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_IMM_OP 27, andi, 0xff00ff00, 0xff00ff00, -241
    TEST_IMM_OP 28, andi, 0x000000f0, 0x0ff00ff0, 240
    TEST_IMM_OP 29, andi, 0x0000000f, 0x00ff00ff, 1807
    TEST_IMM_OP 30, andi, 0x00000000, 0xf00ff00f, 240
    TEST_IMM_OP 31, andi, 0x00000678, 0x12345678, 2047

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_IMM_SRC1_EQ_DEST 32, andi, 0xff00ff00, 0xff00ff00, -241

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_IMM_DEST_BYPASS 33, 0, andi, 0x000000f0, 0x0ff00ff0, 240
    TEST_IMM_DEST_BYPASS 34, 1, andi, 0x000000f0, 0x0ff00ff0, 240
    TEST_IMM_DEST_BYPASS 35, 2, andi, 0x000000f0, 0x0ff00ff0, 240
    TEST_IMM_SRC1_BYPASS 36, 0, andi, 0xff00ff00, 0xff00ff00, -241
    TEST_IMM_SRC1_BYPASS 37, 1, andi, 0xff00ff00, 0xff00ff00, -241
    TEST_IMM_SRC1_BYPASS 38, 2, andi, 0xff00ff00, 0xff00ff00, -241

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_IMM_ZEROSRC1 39, andi, 0x00000000, -2048
    TEST_IMM_ZERODEST 40, andi, 0x21212121, 291

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
