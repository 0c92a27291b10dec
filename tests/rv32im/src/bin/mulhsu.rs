//! RV32IM conformance test: MULHSU (high 32 bits of signed rs1 x unsigned rs2).
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
    TEST_RR_OP 2, mulhsu, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, mulhsu, 0x00000000, 0x00000000, 0x00000001
    TEST_RR_OP 4, mulhsu, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR_OP 5, mulhsu, 0x00000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, mulhsu, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, mulhsu, 0x00000000, 0x00000001, 0x00000000
    TEST_RR_OP 8, mulhsu, 0x00000000, 0x00000001, 0x00000001
    TEST_RR_OP 9, mulhsu, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR_OP 10, mulhsu, 0x00000000, 0x00000001, 0x80000000
    TEST_RR_OP 11, mulhsu, 0x00000000, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, mulhsu, 0x00000000, 0xffffffff, 0x00000000
    TEST_RR_OP 13, mulhsu, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR_OP 14, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, mulhsu, 0xffffffff, 0xffffffff, 0x80000000
    TEST_RR_OP 16, mulhsu, 0xffffffff, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, mulhsu, 0x00000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, mulhsu, 0xffffffff, 0x80000000, 0x00000001
    TEST_RR_OP 19, mulhsu, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR_OP 20, mulhsu, 0xc0000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, mulhsu, 0xc0000000, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, mulhsu, 0x00000000, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, mulhsu, 0x00000000, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, mulhsu, 0x3fffffff, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, mulhsu, 0x3fffffff, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_OP 28, mulhsu, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_OP 29, mulhsu, 0x00000002, 0x00000003, 0xfffffff9
    TEST_RR_OP 30, mulhsu, 0xfffffffd, 0xfffffffd, 0xfffffff9
    TEST_RR_OP 31, mulhsu, 0x00000001, 0x00010000, 0x00010000
    TEST_RR_OP 32, mulhsu, 0x0b00ea4e, 0x12345678, 0x9abcdef0
    TEST_RR_OP 33, mulhsu, 0xf8cc93d6, 0x9abcdef0, 0x12345678
    TEST_RR_OP 34, mulhsu, 0xffff0081, 0xaaaaaaab, 0x0002fe7d
    TEST_RR_OP 35, mulhsu, 0x0001fefe, 0x0002fe7d, 0xaaaaaaab
    TEST_RR_OP 36, mulhsu, 0xff010000, 0xff000000, 0xff000000

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 37, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC2_EQ_DEST 38, mulhsu, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_EQ_DEST 39, mulhsu, 0xfffffffd, 0xfffffffd

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 40, 0, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 41, 1, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 42, 2, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 43, 0, 0, mulhsu, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 44, 0, 1, mulhsu, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 45, 0, 2, mulhsu, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 46, 1, 0, mulhsu, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 47, 1, 1, mulhsu, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 48, 2, 0, mulhsu, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC21_BYPASS 49, 0, 0, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 50, 0, 1, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 51, 0, 2, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 52, 1, 0, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 53, 1, 1, mulhsu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 54, 2, 0, mulhsu, 0x00000000, 0x00000003, 0x00000007

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 55, mulhsu, 0x00000000, 0x00000011
    TEST_RR_ZEROSRC2 56, mulhsu, 0x00000000, 0xfffffff2
    TEST_RR_ZEROSRC12 57, mulhsu, 0x00000000
    TEST_RR_ZERODEST 58, mulhsu, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 59, mulhsu, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
