//! RV32IM conformance test: DIVU (unsigned; x/0 = 2^32-1).
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
    TEST_RR_OP 2, divu, 0xffffffff, 0x00000000, 0x00000000
    TEST_RR_OP 3, divu, 0x00000000, 0x00000000, 0x00000001
    TEST_RR_OP 4, divu, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR_OP 5, divu, 0x00000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, divu, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, divu, 0xffffffff, 0x00000001, 0x00000000
    TEST_RR_OP 8, divu, 0x00000001, 0x00000001, 0x00000001
    TEST_RR_OP 9, divu, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR_OP 10, divu, 0x00000000, 0x00000001, 0x80000000
    TEST_RR_OP 11, divu, 0x00000000, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, divu, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR_OP 13, divu, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR_OP 14, divu, 0x00000001, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, divu, 0x00000001, 0xffffffff, 0x80000000
    TEST_RR_OP 16, divu, 0x00000002, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, divu, 0xffffffff, 0x80000000, 0x00000000
    TEST_RR_OP 18, divu, 0x80000000, 0x80000000, 0x00000001
    TEST_RR_OP 19, divu, 0x00000000, 0x80000000, 0xffffffff
    TEST_RR_OP 20, divu, 0x00000001, 0x80000000, 0x80000000
    TEST_RR_OP 21, divu, 0x00000001, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, divu, 0xffffffff, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, divu, 0x7fffffff, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, divu, 0x00000000, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, divu, 0x00000000, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, divu, 0x00000001, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_OP 28, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006
    TEST_RR_OP 29, divu, 0x00000000, 0x00000014, 0xfffffffa
    TEST_RR_OP 30, divu, 0x00000000, 0xffffffec, 0xfffffffa
    TEST_RR_OP 31, divu, 0x00000001, 0x00000007, 0x00000007
    TEST_RR_OP 32, divu, 0x00000000, 0x00000006, 0x00000014
    TEST_RR_OP 33, divu, 0x40000000, 0x80000000, 0x00000002
    TEST_RR_OP 34, divu, 0xffffffff, 0x00000005, 0x00000000
    TEST_RR_OP 35, divu, 0xffffffff, 0xfffffffb, 0x00000000
    TEST_RR_OP 36, divu, 0x00123456, 0x12345678, 0x00000100

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 37, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC2_EQ_DEST 38, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006
    TEST_RR_SRC12_EQ_DEST 39, divu, 0x00000001, 0xffffffec

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 40, 0, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_DEST_BYPASS 41, 1, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_DEST_BYPASS 42, 2, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC12_BYPASS 43, 0, 0, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 44, 0, 1, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 45, 0, 2, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 46, 1, 0, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 47, 1, 1, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 48, 2, 0, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006
    TEST_RR_SRC21_BYPASS 49, 0, 0, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 50, 0, 1, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 51, 0, 2, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 52, 1, 0, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 53, 1, 1, divu, 0x00000003, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 54, 2, 0, divu, 0x00000003, 0x00000014, 0x00000006

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 55, divu, 0x00000000, 0x00000011
    TEST_RR_ZEROSRC2 56, divu, 0xffffffff, 0xfffffff2
    TEST_RR_ZEROSRC12 57, divu, 0xffffffff
    TEST_RR_ZERODEST 58, divu, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 59, divu, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
