//! RV32IM conformance test: REMU (unsigned; x%0 = x).
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
    TEST_RR_OP 2, remu, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, remu, 0x00000000, 0x00000000, 0x00000001
    TEST_RR_OP 4, remu, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR_OP 5, remu, 0x00000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, remu, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, remu, 0x00000001, 0x00000001, 0x00000000
    TEST_RR_OP 8, remu, 0x00000000, 0x00000001, 0x00000001
    TEST_RR_OP 9, remu, 0x00000001, 0x00000001, 0xffffffff
    TEST_RR_OP 10, remu, 0x00000001, 0x00000001, 0x80000000
    TEST_RR_OP 11, remu, 0x00000001, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, remu, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR_OP 13, remu, 0x00000000, 0xffffffff, 0x00000001
    TEST_RR_OP 14, remu, 0x00000000, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, remu, 0x7fffffff, 0xffffffff, 0x80000000
    TEST_RR_OP 16, remu, 0x00000001, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, remu, 0x80000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, remu, 0x00000000, 0x80000000, 0x00000001
    TEST_RR_OP 19, remu, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR_OP 20, remu, 0x00000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, remu, 0x00000001, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, remu, 0x7fffffff, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, remu, 0x00000000, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, remu, 0x7fffffff, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, remu, 0x7fffffff, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, remu, 0x00000000, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_OP 28, remu, 0x00000002, 0xffffffec, 0x00000006
    TEST_RR_OP 29, remu, 0x00000014, 0x00000014, 0xfffffffa
    TEST_RR_OP 30, remu, 0xffffffec, 0xffffffec, 0xfffffffa
    TEST_RR_OP 31, remu, 0x00000000, 0x00000007, 0x00000007
    TEST_RR_OP 32, remu, 0x00000006, 0x00000006, 0x00000014
    TEST_RR_OP 33, remu, 0x00000002, 0x80000000, 0x00000003
    TEST_RR_OP 34, remu, 0x00000005, 0x00000005, 0x00000000
    TEST_RR_OP 35, remu, 0xfffffffb, 0xfffffffb, 0x00000000
    TEST_RR_OP 36, remu, 0x00000078, 0x12345678, 0x00000100

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 37, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_SRC2_EQ_DEST 38, remu, 0x00000002, 0xffffffec, 0x00000006
    TEST_RR_SRC12_EQ_DEST 39, remu, 0x00000000, 0xffffffec

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 40, 0, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_DEST_BYPASS 41, 1, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_DEST_BYPASS 42, 2, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_SRC12_BYPASS 43, 0, 0, remu, 0x00000002, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 44, 0, 1, remu, 0x00000002, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 45, 0, 2, remu, 0x00000002, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 46, 1, 0, remu, 0x00000002, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 47, 1, 1, remu, 0x00000002, 0xffffffec, 0x00000006
    TEST_RR_SRC12_BYPASS 48, 2, 0, remu, 0x00000002, 0xffffffec, 0x00000006
    TEST_RR_SRC21_BYPASS 49, 0, 0, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 50, 0, 1, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 51, 0, 2, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 52, 1, 0, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 53, 1, 1, remu, 0x00000002, 0x00000014, 0x00000006
    TEST_RR_SRC21_BYPASS 54, 2, 0, remu, 0x00000002, 0x00000014, 0x00000006

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 55, remu, 0x00000000, 0x00000011
    TEST_RR_ZEROSRC2 56, remu, 0xfffffff2, 0xfffffff2
    TEST_RR_ZEROSRC12 57, remu, 0x00000000
    TEST_RR_ZERODEST 58, remu, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 59, remu, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
