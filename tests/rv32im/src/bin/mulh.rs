//! RV32IM conformance test: MULH (high 32 bits of signed x signed).
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
    TEST_RR_OP 2, mulh, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, mulh, 0x00000000, 0x00000000, 0x00000001
    TEST_RR_OP 4, mulh, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR_OP 5, mulh, 0x00000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, mulh, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, mulh, 0x00000000, 0x00000001, 0x00000000
    TEST_RR_OP 8, mulh, 0x00000000, 0x00000001, 0x00000001
    TEST_RR_OP 9, mulh, 0xffffffff, 0x00000001, 0xffffffff
    TEST_RR_OP 10, mulh, 0xffffffff, 0x00000001, 0x80000000
    TEST_RR_OP 11, mulh, 0x00000000, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, mulh, 0x00000000, 0xffffffff, 0x00000000
    TEST_RR_OP 13, mulh, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR_OP 14, mulh, 0x00000000, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, mulh, 0x00000000, 0xffffffff, 0x80000000
    TEST_RR_OP 16, mulh, 0xffffffff, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, mulh, 0x00000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, mulh, 0xffffffff, 0x80000000, 0x00000001
    TEST_RR_OP 19, mulh, 0x00000000, 0x80000000, 0xffffffff
    TEST_RR_OP 20, mulh, 0x40000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, mulh, 0xc0000000, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, mulh, 0x00000000, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, mulh, 0x00000000, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, mulh, 0xffffffff, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, mulh, 0xc0000000, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_OP 28, mulh, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_OP 29, mulh, 0xffffffff, 0x00000003, 0xfffffff9
    TEST_RR_OP 30, mulh, 0x00000000, 0xfffffffd, 0xfffffff9
    TEST_RR_OP 31, mulh, 0x00000001, 0x00010000, 0x00010000
    TEST_RR_OP 32, mulh, 0xf8cc93d6, 0x12345678, 0x9abcdef0
    TEST_RR_OP 33, mulh, 0xf8cc93d6, 0x9abcdef0, 0x12345678
    TEST_RR_OP 34, mulh, 0xffff0081, 0xaaaaaaab, 0x0002fe7d
    TEST_RR_OP 35, mulh, 0xffff0081, 0x0002fe7d, 0xaaaaaaab
    TEST_RR_OP 36, mulh, 0x00010000, 0xff000000, 0xff000000
    TEST_RR_OP 37, mulh, 0xffffffff, 0xffff0000, 0x00010000

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 38, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC2_EQ_DEST 39, mulh, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_EQ_DEST 40, mulh, 0x00000000, 0xfffffffd

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 41, 0, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 42, 1, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 43, 2, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 44, 0, 0, mulh, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 45, 0, 1, mulh, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 46, 0, 2, mulh, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 47, 1, 0, mulh, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 48, 1, 1, mulh, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 49, 2, 0, mulh, 0xffffffff, 0xfffffffd, 0x00000007
    TEST_RR_SRC21_BYPASS 50, 0, 0, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 51, 0, 1, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 52, 0, 2, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 53, 1, 0, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 54, 1, 1, mulh, 0x00000000, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 55, 2, 0, mulh, 0x00000000, 0x00000003, 0x00000007

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 56, mulh, 0x00000000, 0x00000011
    TEST_RR_ZEROSRC2 57, mulh, 0x00000000, 0xfffffff2
    TEST_RR_ZEROSRC12 58, mulh, 0x00000000
    TEST_RR_ZERODEST 59, mulh, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 60, mulh, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
