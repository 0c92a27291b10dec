//! RV32IM conformance test: ADD (rd = rs1 + rs2, wrapping).
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
    TEST_RR_OP 2, add, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, add, 0x00000001, 0x00000000, 0x00000001
    TEST_RR_OP 4, add, 0xffffffff, 0x00000000, 0xffffffff
    TEST_RR_OP 5, add, 0x80000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, add, 0x7fffffff, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, add, 0x00000001, 0x00000001, 0x00000000
    TEST_RR_OP 8, add, 0x00000002, 0x00000001, 0x00000001
    TEST_RR_OP 9, add, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR_OP 10, add, 0x80000001, 0x00000001, 0x80000000
    TEST_RR_OP 11, add, 0x80000000, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, add, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR_OP 13, add, 0x00000000, 0xffffffff, 0x00000001
    TEST_RR_OP 14, add, 0xfffffffe, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, add, 0x7fffffff, 0xffffffff, 0x80000000
    TEST_RR_OP 16, add, 0x7ffffffe, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, add, 0x80000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, add, 0x80000001, 0x80000000, 0x00000001
    TEST_RR_OP 19, add, 0x7fffffff, 0x80000000, 0xffffffff
    TEST_RR_OP 20, add, 0x00000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, add, 0xffffffff, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, add, 0x7fffffff, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, add, 0x80000000, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, add, 0x7ffffffe, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, add, 0xffffffff, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, add, 0xfffffffe, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_OP 28, add, 0xffff8000, 0xffff8000, 0x00000000
    TEST_RR_OP 29, add, 0xffff8000, 0x00000000, 0xffff8000
    TEST_RR_OP 30, add, 0xffffffff, 0x00007fff, 0xffff8000
    TEST_RR_OP 31, add, 0xacf13568, 0x12345678, 0x9abcdef0
    TEST_RR_OP 32, add, 0xffffffff, 0xfffffffe, 0x00000001
    TEST_RR_OP 33, add, 0x00000000, 0x00010000, 0xffff0000
    TEST_RR_OP 34, add, 0x7fffffff, 0x7fff0000, 0x0000ffff
    TEST_RR_OP 35, add, 0xffffffff, 0x55555555, 0xaaaaaaaa

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 36, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_SRC2_EQ_DEST 37, add, 0xffff8000, 0xffff8000, 0x00000000
    TEST_RR_SRC12_EQ_DEST 38, add, 0xffff0000, 0xffff8000

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 39, 0, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 40, 1, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 41, 2, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 42, 0, 0, add, 0xffff8000, 0xffff8000, 0x00000000
    TEST_RR_SRC12_BYPASS 43, 0, 1, add, 0xffff8000, 0xffff8000, 0x00000000
    TEST_RR_SRC12_BYPASS 44, 0, 2, add, 0xffff8000, 0xffff8000, 0x00000000
    TEST_RR_SRC12_BYPASS 45, 1, 0, add, 0xffff8000, 0xffff8000, 0x00000000
    TEST_RR_SRC12_BYPASS 46, 1, 1, add, 0xffff8000, 0xffff8000, 0x00000000
    TEST_RR_SRC12_BYPASS 47, 2, 0, add, 0xffff8000, 0xffff8000, 0x00000000
    TEST_RR_SRC21_BYPASS 48, 0, 0, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 49, 0, 1, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 50, 0, 2, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 51, 1, 0, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 52, 1, 1, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 53, 2, 0, add, 0x0000000a, 0x00000003, 0x00000007

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 54, add, 0x00000011, 0x00000011
    TEST_RR_ZEROSRC2 55, add, 0xfffffff2, 0xfffffff2
    TEST_RR_ZEROSRC12 56, add, 0x00000000
    TEST_RR_ZERODEST 57, add, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 58, add, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
