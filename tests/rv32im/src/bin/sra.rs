//! RV32IM conformance test: SRA (arithmetic right shift, amount = low 5 bits of rs2).
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
    # Every shift amount class on assorted values
    #-------------------------------------------------------------
    TEST_RR_OP 2, sra, 0x00000001, 0x00000001, 0
    TEST_RR_OP 3, sra, 0x00000000, 0x00000001, 1
    TEST_RR_OP 4, sra, 0x00000000, 0x00000001, 7
    TEST_RR_OP 5, sra, 0x00000000, 0x00000001, 14
    TEST_RR_OP 6, sra, 0x00000000, 0x00000001, 20
    TEST_RR_OP 7, sra, 0x00000000, 0x00000001, 31
    TEST_RR_OP 8, sra, 0xffffffff, 0xffffffff, 0
    TEST_RR_OP 9, sra, 0xffffffff, 0xffffffff, 1
    TEST_RR_OP 10, sra, 0xffffffff, 0xffffffff, 7
    TEST_RR_OP 11, sra, 0xffffffff, 0xffffffff, 14
    TEST_RR_OP 12, sra, 0xffffffff, 0xffffffff, 20
    TEST_RR_OP 13, sra, 0xffffffff, 0xffffffff, 31
    TEST_RR_OP 14, sra, 0x21212121, 0x21212121, 0
    TEST_RR_OP 15, sra, 0x10909090, 0x21212121, 1
    TEST_RR_OP 16, sra, 0x00424242, 0x21212121, 7
    TEST_RR_OP 17, sra, 0x00008484, 0x21212121, 14
    TEST_RR_OP 18, sra, 0x00000212, 0x21212121, 20
    TEST_RR_OP 19, sra, 0x00000000, 0x21212121, 31
    TEST_RR_OP 20, sra, 0x80000000, 0x80000000, 0
    TEST_RR_OP 21, sra, 0xc0000000, 0x80000000, 1
    TEST_RR_OP 22, sra, 0xff000000, 0x80000000, 7
    TEST_RR_OP 23, sra, 0xfffe0000, 0x80000000, 14
    TEST_RR_OP 24, sra, 0xfffff800, 0x80000000, 20
    TEST_RR_OP 25, sra, 0xffffffff, 0x80000000, 31
    TEST_RR_OP 26, sra, 0x7fffffff, 0x7fffffff, 0
    TEST_RR_OP 27, sra, 0x3fffffff, 0x7fffffff, 1
    TEST_RR_OP 28, sra, 0x00ffffff, 0x7fffffff, 7
    TEST_RR_OP 29, sra, 0x0001ffff, 0x7fffffff, 14
    TEST_RR_OP 30, sra, 0x000007ff, 0x7fffffff, 20
    TEST_RR_OP 31, sra, 0x00000000, 0x7fffffff, 31
    TEST_RR_OP 32, sra, 0x12345678, 0x12345678, 0
    TEST_RR_OP 33, sra, 0x091a2b3c, 0x12345678, 1
    TEST_RR_OP 34, sra, 0x002468ac, 0x12345678, 7
    TEST_RR_OP 35, sra, 0x000048d1, 0x12345678, 14
    TEST_RR_OP 36, sra, 0x00000123, 0x12345678, 20
    TEST_RR_OP 37, sra, 0x00000000, 0x12345678, 31
    TEST_RR_OP 38, sra, 0x00000000, 0x00000000, 0
    TEST_RR_OP 39, sra, 0x00000000, 0x00000000, 1
    TEST_RR_OP 40, sra, 0x00000000, 0x00000000, 7
    TEST_RR_OP 41, sra, 0x00000000, 0x00000000, 14
    TEST_RR_OP 42, sra, 0x00000000, 0x00000000, 20
    TEST_RR_OP 43, sra, 0x00000000, 0x00000000, 31

    #-------------------------------------------------------------
    # Only the low 5 bits of rs2 are used
    #-------------------------------------------------------------
    TEST_RR_OP 44, sra, 0x21212121, 0x21212121, 0x00000020
    TEST_RR_OP 45, sra, 0x10909090, 0x21212121, 0x00000021
    TEST_RR_OP 46, sra, 0x21212121, 0x21212121, 0xffffffc0
    TEST_RR_OP 47, sra, 0x10909090, 0x21212121, 0xffffffc1
    TEST_RR_OP 48, sra, 0x00424242, 0x21212121, 0xffffffe7
    TEST_RR_OP 49, sra, 0x00008484, 0x21212121, 0xffffffee
    TEST_RR_OP 50, sra, 0x00000000, 0x21212121, 0xffffffff
    TEST_RR_OP 51, sra, 0x02121212, 0x21212121, 0x80000004
    TEST_RR_OP 52, sra, 0x21212121, 0x21212121, 0x7fffffe0
    TEST_RR_OP 53, sra, 0x00000000, 0x21212121, 0x0000003f
    TEST_RR_OP 54, sra, 0x80000000, 0x80000000, 0x00000020
    TEST_RR_OP 55, sra, 0xc0000000, 0x80000000, 0x00000021
    TEST_RR_OP 56, sra, 0x80000000, 0x80000000, 0xffffffc0
    TEST_RR_OP 57, sra, 0xc0000000, 0x80000000, 0xffffffc1
    TEST_RR_OP 58, sra, 0xff000000, 0x80000000, 0xffffffe7
    TEST_RR_OP 59, sra, 0xfffe0000, 0x80000000, 0xffffffee
    TEST_RR_OP 60, sra, 0xffffffff, 0x80000000, 0xffffffff
    TEST_RR_OP 61, sra, 0xf8000000, 0x80000000, 0x80000004
    TEST_RR_OP 62, sra, 0x80000000, 0x80000000, 0x7fffffe0
    TEST_RR_OP 63, sra, 0xffffffff, 0x80000000, 0x0000003f
    TEST_RR_OP 64, sra, 0xffffffff, 0xffffffff, 0x00000020
    TEST_RR_OP 65, sra, 0xffffffff, 0xffffffff, 0x00000021
    TEST_RR_OP 66, sra, 0xffffffff, 0xffffffff, 0xffffffc0
    TEST_RR_OP 67, sra, 0xffffffff, 0xffffffff, 0xffffffc1
    TEST_RR_OP 68, sra, 0xffffffff, 0xffffffff, 0xffffffe7
    TEST_RR_OP 69, sra, 0xffffffff, 0xffffffff, 0xffffffee
    TEST_RR_OP 70, sra, 0xffffffff, 0xffffffff, 0xffffffff
    TEST_RR_OP 71, sra, 0xffffffff, 0xffffffff, 0x80000004
    TEST_RR_OP 72, sra, 0xffffffff, 0xffffffff, 0x7fffffe0
    TEST_RR_OP 73, sra, 0xffffffff, 0xffffffff, 0x0000003f

    #-------------------------------------------------------------
    # Source/destination register overlap
    #-------------------------------------------------------------
    TEST_RR_SRC1_EQ_DEST 74, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_SRC2_EQ_DEST 75, sra, 0x10909090, 0x21212121, 0xffffffe1
    TEST_RR_SRC12_EQ_DEST 76, sra, 0x10909090, 0x21212121

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_RR_DEST_BYPASS 77, 0, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_DEST_BYPASS 78, 1, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_DEST_BYPASS 79, 2, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_SRC12_BYPASS 80, 0, 0, sra, 0x10909090, 0x21212121, 0xffffffe1
    TEST_RR_SRC12_BYPASS 81, 0, 1, sra, 0x10909090, 0x21212121, 0xffffffe1
    TEST_RR_SRC12_BYPASS 82, 0, 2, sra, 0x10909090, 0x21212121, 0xffffffe1
    TEST_RR_SRC12_BYPASS 83, 1, 0, sra, 0x10909090, 0x21212121, 0xffffffe1
    TEST_RR_SRC12_BYPASS 84, 1, 1, sra, 0x10909090, 0x21212121, 0xffffffe1
    TEST_RR_SRC12_BYPASS 85, 2, 0, sra, 0x10909090, 0x21212121, 0xffffffe1
    TEST_RR_SRC21_BYPASS 86, 0, 0, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_SRC21_BYPASS 87, 0, 1, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_SRC21_BYPASS 88, 0, 2, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_SRC21_BYPASS 89, 1, 0, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_SRC21_BYPASS 90, 1, 1, sra, 0xff000000, 0x80000000, 0x00000007
    TEST_RR_SRC21_BYPASS 91, 2, 0, sra, 0xff000000, 0x80000000, 0x00000007

    #-------------------------------------------------------------
    # x0 as source and destination
    #-------------------------------------------------------------
    TEST_RR_ZEROSRC1 92, sra, 0x00000000, 0x0000000f
    TEST_RR_ZEROSRC2 93, sra, 0xfffffff2, 0xfffffff2
    TEST_RR_ZEROSRC12 94, sra, 0x00000000
    TEST_RR_ZERODEST 95, sra, 0x00000010, 0x00000022
    TEST_RR_ZERODEST 96, sra, 0xffffffff, 0x80000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
