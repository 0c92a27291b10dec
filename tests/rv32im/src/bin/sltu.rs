//! RV32IM conformance test: SLTU (unsigned less-than).
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
    TEST_RR_OP 2, sltu, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, sltu, 0x00000001, 0x00000000, 0x00000001
    TEST_RR_OP 4, sltu, 0x00000001, 0x00000000, 0xffffffff
    TEST_RR_OP 5, sltu, 0x00000001, 0x00000000, 0x80000000
    TEST_RR_OP 6, sltu, 0x00000001, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, sltu, 0x00000000, 0x00000001, 0x00000000
    TEST_RR_OP 8, sltu, 0x00000000, 0x00000001, 0x00000001
    TEST_RR_OP 9, sltu, 0x00000001, 0x00000001, 0xffffffff
    TEST_RR_OP 10, sltu, 0x00000001, 0x00000001, 0x80000000
    TEST_RR_OP 11, sltu, 0x00000001, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, sltu, 0x00000000, 0xffffffff, 0x00000000
    TEST_RR_OP 13, sltu, 0x00000000, 0xffffffff, 0x00000001
    TEST_RR_OP 14, sltu, 0x00000000, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, sltu, 0x00000000, 0xffffffff, 0x80000000
    TEST_RR_OP 16, sltu, 0x00000000, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, sltu, 0x00000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, sltu, 0x00000000, 0x80000000, 0x00000001
    TEST_RR_OP 19, sltu, 0x00000001, 0x80000000, 0xffffffff
    TEST_RR_OP 20, sltu, 0x00000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, sltu, 0x00000000, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, sltu, 0x00000000, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, sltu, 0x00000000, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, sltu, 0x00000001, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, sltu, 0x00000001, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, sltu, 0x00000000, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_OP 28, sltu, 0x00000000, 0x00000007, 0x00000003
    TEST_RR_OP 29, sltu, 0x00000001, 0xfffffffe, 0xffffffff
    TEST_RR_OP 30, sltu, 0x00000000, 0xffffffff, 0xfffffffe
    TEST_RR_OP 31, sltu, 0x00000000, 0xffff8000, 0x7fffffff
    TEST_RR_OP 32, sltu, 0x00000001, 0x00007fff, 0xffff8000
    TEST_RR_OP 33, sltu, 0x00000000, 0xfffffff9, 0x00000003
    TEST_RR_OP 34, sltu, 0x00000001, 0x00000003, 0xfffffff9
    TEST_RR_OP 35, sltu, 0x00000000, 0x00000005, 0x00000005
    TEST_RR_OP 36, sltu, 0x00000000, 0x80000001, 0x80000000

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 37, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_SRC2_EQ_DEST 38, sltu, 0x00000000, 0x00000007, 0x00000003
    TEST_RR_SRC12_EQ_DEST 39, sltu, 0x00000000, 0x00000007

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 40, 0, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 41, 1, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 42, 2, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 43, 0, 0, sltu, 0x00000000, 0x00000007, 0x00000003
    TEST_RR_SRC12_BYPASS 44, 0, 1, sltu, 0x00000000, 0x00000007, 0x00000003
    TEST_RR_SRC12_BYPASS 45, 0, 2, sltu, 0x00000000, 0x00000007, 0x00000003
    TEST_RR_SRC12_BYPASS 46, 1, 0, sltu, 0x00000000, 0x00000007, 0x00000003
    TEST_RR_SRC12_BYPASS 47, 1, 1, sltu, 0x00000000, 0x00000007, 0x00000003
    TEST_RR_SRC12_BYPASS 48, 2, 0, sltu, 0x00000000, 0x00000007, 0x00000003
    TEST_RR_SRC21_BYPASS 49, 0, 0, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 50, 0, 1, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 51, 0, 2, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 52, 1, 0, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 53, 1, 1, sltu, 0x00000001, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 54, 2, 0, sltu, 0x00000001, 0x00000003, 0x00000007

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 55, sltu, 0x00000001, 0x00000011
    TEST_RR_ZEROSRC2 56, sltu, 0x00000000, 0xfffffff2
    TEST_RR_ZEROSRC12 57, sltu, 0x00000000
    TEST_RR_ZERODEST 58, sltu, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 59, sltu, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
