//! RV32IM conformance test: DIV (signed, rounds toward zero; x/0 = -1; INT_MIN/-1 = INT_MIN).
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
    TEST_RR_OP 2, div, 0xffffffff, 0x00000000, 0x00000000
    TEST_RR_OP 3, div, 0x00000000, 0x00000000, 0x00000001
    TEST_RR_OP 4, div, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR_OP 5, div, 0x00000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, div, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, div, 0xffffffff, 0x00000001, 0x00000000
    TEST_RR_OP 8, div, 0x00000001, 0x00000001, 0x00000001
    TEST_RR_OP 9, div, 0xffffffff, 0x00000001, 0xffffffff
    TEST_RR_OP 10, div, 0x00000000, 0x00000001, 0x80000000
    TEST_RR_OP 11, div, 0x00000000, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, div, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR_OP 13, div, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR_OP 14, div, 0x00000001, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, div, 0x00000000, 0xffffffff, 0x80000000
    TEST_RR_OP 16, div, 0x00000000, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, div, 0xffffffff, 0x80000000, 0x00000000
    TEST_RR_OP 18, div, 0x80000000, 0x80000000, 0x00000001
    TEST_RR_OP 19, div, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR_OP 20, div, 0x00000001, 0x80000000, 0x80000000
    TEST_RR_OP 21, div, 0xffffffff, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, div, 0xffffffff, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, div, 0x7fffffff, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, div, 0x80000001, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, div, 0x00000000, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, div, 0x00000001, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_OP 28, div, 0xfffffffd, 0xffffffec, 0x00000006
    TEST_RR_OP 29, div, 0xfffffffd, 0x00000014, 0xfffffffa
    TEST_RR_OP 30, div, 0x00000003, 0xffffffec, 0xfffffffa
    TEST_RR_OP 31, div, 0x00000001, 0x00000007, 0x00000007
    TEST_RR_OP 32, div, 0x00000000, 0x00000006, 0x00000014
    TEST_RR_OP 33, div, 0x00000000, 0xfffffffa, 0x00000014
    TEST_RR_OP 34, div, 0xc0000000, 0x80000000, 0x00000002
    TEST_RR_OP 35, div, 0x7fffffff, 0x80000001, 0xffffffff
    TEST_RR_OP 36, div, 0xffffffff, 0x00000005, 0x00000000
    TEST_RR_OP 37, div, 0xffffffff, 0xfffffffb, 0x00000000
    TEST_RR_OP 38, div, 0x00123456, 0x12345678, 0x00000100

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 39, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC2_EQ_DEST 40, div, 0xfffffffd, 0xffffffec, 0x00000006
    TEST_RR_SRC12_EQ_DEST 41, div, 0x00000001, 0xffffffec

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 42, 0, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_DEST_BYPASS 43, 1, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_DEST_BYPASS 44, 2, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC12_BYPASS 45, 0, 0, div, 0xfffffffd, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 46, 0, 1, div, 0xfffffffd, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 47, 0, 2, div, 0xfffffffd, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 48, 1, 0, div, 0xfffffffd, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 49, 1, 1, div, 0xfffffffd, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 50, 2, 0, div, 0xfffffffd, 0xffffffec, 0x00000006
    TEST_RR_SRC21_BYPASS 51, 0, 0, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 52, 0, 1, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 53, 0, 2, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 54, 1, 0, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 55, 1, 1, div, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 56, 2, 0, div, 0x00000003, 0x00000014, 0x00000006

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 57, div, 0x00000000, 0x00000011
    TEST_RR_ZEROSRC2 58, div, 0xffffffff, 0xfffffff2
    TEST_RR_ZEROSRC12 59, div, 0xffffffff
    TEST_RR_ZERODEST 60, div, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 61, div, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
