//! RV32IM conformance test: MULHU (high 32 bits of unsigned x unsigned).
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
    TEST_RR_OP 2, mulhu, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, mulhu, 0x00000000, 0x00000000, 0x00000001
    TEST_RR_OP 4, mulhu, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR_OP 5, mulhu, 0x00000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, mulhu, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, mulhu, 0x00000000, 0x00000001, 0x00000000
    TEST_RR_OP 8, mulhu, 0x00000000, 0x00000001, 0x00000001
    TEST_RR_OP 9, mulhu, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR_OP 10, mulhu, 0x00000000, 0x00000001, 0x80000000
    TEST_RR_OP 11, mulhu, 0x00000000, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, mulhu, 0x00000000, 0xffffffff, 0x00000000
    TEST_RR_OP 13, mulhu, 0x00000000, 0xffffffff, 0x00000001
    TEST_RR_OP 14, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, mulhu, 0x7fffffff, 0xffffffff, 0x80000000
    TEST_RR_OP 16, mulhu, 0x7ffffffe, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, mulhu, 0x00000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, mulhu, 0x00000000, 0x80000000, 0x00000001
    TEST_RR_OP 19, mulhu, 0x7fffffff, 0x80000000, 0xffffffff
    TEST_RR_OP 20, mulhu, 0x40000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, mulhu, 0x3fffffff, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, mulhu, 0x00000000, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, mulhu, 0x00000000, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, mulhu, 0x7ffffffe, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, mulhu, 0x3fffffff, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, mulhu, 0x3fffffff, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_OP 28, mulhu, 0x00000006, 0xfffffffd, 0x00000007
    TEST_RR_OP 29, mulhu, 0x00000002, 0x00000003, 0xfffffff9
    TEST_RR_OP 30, mulhu, 0xfffffff6, 0xfffffffd, 0xfffffff9
    TEST_RR_OP 31, mulhu, 0x00000001, 0x00010000, 0x00010000
    TEST_RR_OP 32, mulhu, 0x0b00ea4e, 0x12345678, 0x9abcdef0
    TEST_RR_OP 33, mulhu, 0x0001fefe, 0xaaaaaaab, 0x0002fe7d
    TEST_RR_OP 34, mulhu, 0x0001fefe, 0x0002fe7d, 0xaaaaaaab
    TEST_RR_OP 35, mulhu, 0xfe010000, 0xff000000, 0xff000000

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 36, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC2_EQ_DEST 37, mulhu, 0x00000006, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_EQ_DEST 38, mulhu, 0xfffffffa, 0xfffffffd

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 39, 0, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 40, 1, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 41, 2, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 42, 0, 0, mulhu, 0x00000006, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 43, 0, 1, mulhu, 0x00000006, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 44, 0, 2, mulhu, 0x00000006, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 45, 1, 0, mulhu, 0x00000006, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 46, 1, 1, mulhu, 0x00000006, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 47, 2, 0, mulhu, 0x00000006, 0xfffffffd, 0x00000007
    TEST_RR_SRC21_BYPASS 48, 0, 0, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 49, 0, 1, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 50, 0, 2, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 51, 1, 0, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 52, 1, 1, mulhu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 53, 2, 0, mulhu, 0x00000000, 0x00000003, 0x00000007

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 54, mulhu, 0x00000000, 0x00000011
    TEST_RR_ZEROSRC2 55, mulhu, 0x00000000, 0xfffffff2
    TEST_RR_ZEROSRC12 56, mulhu, 0x00000000
    TEST_RR_ZERODEST 57, mulhu, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 58, mulhu, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
