//! RV32IM conformance test: AND.
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
    TEST_RR_OP 2, and, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, and, 0x00000000, 0x00000000, 0x00000001
    TEST_RR_OP 4, and, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR_OP 5, and, 0x00000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, and, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, and, 0x00000000, 0x00000001, 0x00000000
    TEST_RR_OP 8, and, 0x00000001, 0x00000001, 0x00000001
    TEST_RR_OP 9, and, 0x00000001, 0x00000001, 0xffffffff
    TEST_RR_OP 10, and, 0x00000000, 0x00000001, 0x80000000
    TEST_RR_OP 11, and, 0x00000001, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, and, 0x00000000, 0xffffffff, 0x00000000
    TEST_RR_OP 13, and, 0x00000001, 0xffffffff, 0x00000001
    TEST_RR_OP 14, and, 0xffffffff, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, and, 0x80000000, 0xffffffff, 0x80000000
    TEST_RR_OP 16, and, 0x7fffffff, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, and, 0x00000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, and, 0x00000000, 0x80000000, 0x00000001
    TEST_RR_OP 19, and, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR_OP 20, and, 0x80000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, and, 0x00000000, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, and, 0x00000000, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, and, 0x00000001, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, and, 0x7fffffff, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, and, 0x00000000, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, and, 0x7fffffff, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_OP 28, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_OP 29, and, 0x000f000f, 0x00ff00ff, 0x0f0f0f0f
    TEST_RR_OP 30, and, 0xf000f000, 0xf00ff00f, 0xf0f0f0f0
    TEST_RR_OP 31, and, 0x00000000, 0x55555555, 0xaaaaaaaa
    TEST_RR_OP 32, and, 0x12340000, 0x12345678, 0xffff0000

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 33, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC2_EQ_DEST 34, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_EQ_DEST 35, and, 0x0ff00ff0, 0x0ff00ff0

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 36, 0, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_DEST_BYPASS 37, 1, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_DEST_BYPASS 38, 2, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC12_BYPASS 39, 0, 0, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 40, 0, 1, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 41, 0, 2, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 42, 1, 0, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 43, 1, 1, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC12_BYPASS 44, 2, 0, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR_SRC21_BYPASS 45, 0, 0, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 46, 0, 1, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 47, 0, 2, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 48, 1, 0, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 49, 1, 1, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR_SRC21_BYPASS 50, 2, 0, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 51, and, 0x00000000, 0x00000011
    TEST_RR_ZEROSRC2 52, and, 0x00000000, 0xfffffff2
    TEST_RR_ZEROSRC12 53, and, 0x00000000
    TEST_RR_ZERODEST 54, and, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 55, and, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
