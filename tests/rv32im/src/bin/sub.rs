//! RV32IM conformance test: SUB (rd = rs1 - rs2, wrapping).
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
    TEST_RR_OP 2, sub, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, sub, 0xffffffff, 0x00000000, 0x00000001
    TEST_RR_OP 4, sub, 0x00000001, 0x00000000, 0xffffffff
    TEST_RR_OP 5, sub, 0x80000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, sub, 0x80000001, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, sub, 0x00000001, 0x00000001, 0x00000000
    TEST_RR_OP 8, sub, 0x00000000, 0x00000001, 0x00000001
    TEST_RR_OP 9, sub, 0x00000002, 0x00000001, 0xffffffff
    TEST_RR_OP 10, sub, 0x80000001, 0x00000001, 0x80000000
    TEST_RR_OP 11, sub, 0x80000002, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, sub, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR_OP 13, sub, 0xfffffffe, 0xffffffff, 0x00000001
    TEST_RR_OP 14, sub, 0x00000000, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, sub, 0x7fffffff, 0xffffffff, 0x80000000
    TEST_RR_OP 16, sub, 0x80000000, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, sub, 0x80000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, sub, 0x7fffffff, 0x80000000, 0x00000001
    TEST_RR_OP 19, sub, 0x80000001, 0x80000000, 0xffffffff
    TEST_RR_OP 20, sub, 0x00000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, sub, 0x00000001, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, sub, 0x7fffffff, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, sub, 0x7ffffffe, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, sub, 0x80000000, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, sub, 0xffffffff, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, sub, 0x00000000, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_OP 28, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR_OP 29, sub, 0xffff0001, 0xffff8000, 0x00007fff
    TEST_RR_OP 30, sub, 0x77777788, 0x12345678, 0x9abcdef0
    TEST_RR_OP 31, sub, 0x0000ffff, 0x00010000, 0x00000001
    TEST_RR_OP 32, sub, 0xaaaaaaab, 0x55555555, 0xaaaaaaaa

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 33, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_SRC2_EQ_DEST 34, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR_SRC12_EQ_DEST 35, sub, 0x00000000, 0x00000003

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 36, 0, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_DEST_BYPASS 37, 1, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_DEST_BYPASS 38, 2, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_SRC12_BYPASS 39, 0, 0, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 40, 0, 1, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 41, 0, 2, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 42, 1, 0, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 43, 1, 1, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 44, 2, 0, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 45, 0, 0, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_SRC21_BYPASS 46, 0, 1, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_SRC21_BYPASS 47, 0, 2, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_SRC21_BYPASS 48, 1, 0, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_SRC21_BYPASS 49, 1, 1, sub, 0x00000004, 0x00000007, 0x00000003
    TEST_RR_SRC21_BYPASS 50, 2, 0, sub, 0x00000004, 0x00000007, 0x00000003

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 51, sub, 0xffffffef, 0x00000011
    TEST_RR_ZEROSRC2 52, sub, 0xfffffff2, 0xfffffff2
    TEST_RR_ZEROSRC12 53, sub, 0x00000000
    TEST_RR_ZERODEST 54, sub, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 55, sub, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
