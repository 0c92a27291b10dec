//! RV32IM conformance test: OR.
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
    # Edge operands: every pair of 0, 1, -1, INT_MIN, INT_MAX
    #-------------------------------------------------------------
    TEST_RR_OP 2, or, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, or, 0x00000001, 0x00000000, 0x00000001
    TEST_RR_OP 4, or, 0xffffffff, 0x00000000, 0xffffffff
    TEST_RR_OP 5, or, 0x80000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, or, 0x7fffffff, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, or, 0x00000001, 0x00000001, 0x00000000
    TEST_RR_OP 8, or, 0x00000001, 0x00000001, 0x00000001
    TEST_RR_OP 9, or, 0xffffffff, 0x00000001, 0xffffffff
    TEST_RR_OP 10, or, 0x80000001, 0x00000001, 0x80000000
    TEST_RR_OP 11, or, 0x7fffffff, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, or, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR_OP 13, or, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR_OP 14, or, 0xffffffff, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, or, 0xffffffff, 0xffffffff, 0x80000000
    TEST_RR_OP 16, or, 0xffffffff, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, or, 0x80000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, or, 0x80000001, 0x80000000, 0x00000001
    TEST_RR_OP 19, or, 0xffffffff, 0x80000000, 0xffffffff
    TEST_RR_OP 20, or, 0x80000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, or, 0xffffffff, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, or, 0x7fffffff, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, or, 0x7fffffff, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, or, 0xffffffff, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, or, 0xffffffff, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, or, 0x7fffffff, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_OP 28, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_OP 29, or, 0x0fff0fff, 0x00ff00ff, 0x0f0f0f0f
    TEST_RR_OP 30, or, 0xf0fff0ff, 0xf00ff00f, 0xf0f0f0f0
    TEST_RR_OP 31, or, 0xffffffff, 0x55555555, 0xaaaaaaaa
    TEST_RR_OP 32, or, 0x12345678, 0x12345678, 0x00000000

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 33, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC2_EQ_DEST 34, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_EQ_DEST 35, or, 0x0ff00ff0, 0x0ff00ff0

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 36, 0, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_DEST_BYPASS 37, 1, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_DEST_BYPASS 38, 2, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC12_BYPASS 39, 0, 0, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 40, 0, 1, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 41, 0, 2, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 42, 1, 0, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 43, 1, 1, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 44, 2, 0, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC21_BYPASS 45, 0, 0, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 46, 0, 1, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 47, 0, 2, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 48, 1, 0, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 49, 1, 1, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 50, 2, 0, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 51, or, 0x00000011, 0x00000011
    TEST_RR_ZEROSRC2 52, or, 0xfffffff2, 0xfffffff2
    TEST_RR_ZEROSRC12 53, or, 0x00000000
    TEST_RR_ZERODEST 54, or, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 55, or, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
