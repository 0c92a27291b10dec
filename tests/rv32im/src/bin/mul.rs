//! RV32IM conformance test: MUL (low 32 bits of the product).
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
    TEST_RR_OP 2, mul, 0x00000000, 0x00000000, 0x00000000
    TEST_RR_OP 3, mul, 0x00000000, 0x00000000, 0x00000001
    TEST_RR_OP 4, mul, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR_OP 5, mul, 0x00000000, 0x00000000, 0x80000000
    TEST_RR_OP 6, mul, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR_OP 7, mul, 0x00000000, 0x00000001, 0x00000000
    TEST_RR_OP 8, mul, 0x00000001, 0x00000001, 0x00000001
    TEST_RR_OP 9, mul, 0xffffffff, 0x00000001, 0xffffffff
    TEST_RR_OP 10, mul, 0x80000000, 0x00000001, 0x80000000
    TEST_RR_OP 11, mul, 0x7fffffff, 0x00000001, 0x7fffffff
    TEST_RR_OP 12, mul, 0x00000000, 0xffffffff, 0x00000000
    TEST_RR_OP 13, mul, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR_OP 14, mul, 0x00000001, 0xffffffff, 0xffffffff
    TEST_RR_OP 15, mul, 0x80000000, 0xffffffff, 0x80000000
    TEST_RR_OP 16, mul, 0x80000001, 0xffffffff, 0x7fffffff
    TEST_RR_OP 17, mul, 0x00000000, 0x80000000, 0x00000000
    TEST_RR_OP 18, mul, 0x80000000, 0x80000000, 0x00000001
    TEST_RR_OP 19, mul, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR_OP 20, mul, 0x00000000, 0x80000000, 0x80000000
    TEST_RR_OP 21, mul, 0x80000000, 0x80000000, 0x7fffffff
    TEST_RR_OP 22, mul, 0x00000000, 0x7fffffff, 0x00000000
    TEST_RR_OP 23, mul, 0x7fffffff, 0x7fffffff, 0x00000001
    TEST_RR_OP 24, mul, 0x80000001, 0x7fffffff, 0xffffffff
    TEST_RR_OP 25, mul, 0x80000000, 0x7fffffff, 0x80000000
    TEST_RR_OP 26, mul, 0x00000001, 0x7fffffff, 0x7fffffff

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_RR_OP 27, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_OP 28, mul, 0xffffffeb, 0xfffffffd, 0x00000007
    TEST_RR_OP 29, mul, 0xffffffeb, 0x00000003, 0xfffffff9
    TEST_RR_OP 30, mul, 0x00000015, 0xfffffffd, 0xfffffff9
    TEST_RR_OP 31, mul, 0x00000000, 0x00010000, 0x00010000
    TEST_RR_OP 32, mul, 0xfffe0001, 0x0000ffff, 0x0000ffff
    TEST_RR_OP 33, mul, 0x242d2080, 0x12345678, 0x9abcdef0
    TEST_RR_OP 34, mul, 0x0000ff7f, 0xaaaaaaab, 0x0002fe7d
    TEST_RR_OP 35, mul, 0x0000ff7f, 0x0002fe7d, 0xaaaaaaab
    TEST_RR_OP 36, mul, 0x00000000, 0xff000000, 0xff000000
    TEST_RR_OP 37, mul, 0xffa60000, 0x00007e00, 0xb6db6d00
    TEST_RR_OP 38, mul, 0xffa60000, 0xb6db6d00, 0x00007e00

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 39, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_SRC2_EQ_DEST 40, mul, 0xffffffeb, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_EQ_DEST 41, mul, 0x00000009, 0xfffffffd

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 42, 0, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 43, 1, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_DEST_BYPASS 44, 2, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_SRC12_BYPASS 45, 0, 0, mul, 0xffffffeb, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 46, 0, 1, mul, 0xffffffeb, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 47, 0, 2, mul, 0xffffffeb, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 48, 1, 0, mul, 0xffffffeb, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 49, 1, 1, mul, 0xffffffeb, 0xfffffffd, 0x00000007
    TEST_RR_SRC12_BYPASS 50, 2, 0, mul, 0xffffffeb, 0xfffffffd, 0x00000007
    TEST_RR_SRC21_BYPASS 51, 0, 0, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 52, 0, 1, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 53, 0, 2, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 54, 1, 0, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 55, 1, 1, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_RR_SRC21_BYPASS 56, 2, 0, mul, 0x00000015, 0x00000003, 0x00000007

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 57, mul, 0x00000000, 0x00000011
    TEST_RR_ZEROSRC2 58, mul, 0x00000000, 0xfffffff2
    TEST_RR_ZEROSRC12 59, mul, 0x00000000
    TEST_RR_ZERODEST 60, mul, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 61, mul, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
