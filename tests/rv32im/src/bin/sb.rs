//! RV32IM conformance test: SB (stores the low byte of rs2 only).
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
    # Store then load back: positive offsets
    #-------------------------------------------------------------
    TEST_ST_OP 2, lb, sb, 0xffffffaa, 0, tdat
    TEST_ST_OP 3, lb, sb, 0x00000000, 1, tdat
    TEST_ST_OP 4, lb, sb, 0xffffffa0, 2, tdat
    TEST_ST_OP 5, lb, sb, 0x0000000a, 3, tdat

    #-------------------------------------------------------------
    # Store then load back: negative offsets
    #-------------------------------------------------------------
    TEST_ST_OP 6, lb, sb, 0xffffff80, -4, tdat9
    TEST_ST_OP 7, lb, sb, 0x0000007f, -3, tdat9
    TEST_ST_OP 8, lb, sb, 0xffffffff, -2, tdat9
    TEST_ST_OP 9, lb, sb, 0x00000001, -1, tdat9

    #-------------------------------------------------------------
    # Base register not pointing at the data; extreme 12-bit offsets
    #-------------------------------------------------------------
    TEST_ST_OP 10, lb, sb, 0x0000005a, -32, tdat9+32
    TEST_ST_OP 11, lb, sb, 0x00000078, 7, tdat9-7
    TEST_ST_OP 12, lb, sb, 0xffffffff, 2047, tdat0-2047
    TEST_ST_OP 13, lb, sb, 0x00000001, -2048, tdat1+2048

    #-------------------------------------------------------------
    # Zero-extending read back
    #-------------------------------------------------------------
    TEST_ST_OP 14, lbu, sb, 0x000000ff, 2, tdat
    TEST_ST_OP 15, lbu, sb, 0x00000080, 2, tdat

    #-------------------------------------------------------------
    # Only the addressed bytes change (checked with lw of the enclosing word)
    #-------------------------------------------------------------
    TEST_ST_WORD 16, sb, 0x123456ab, 16, tword, 16, 0xdeadbeab
    TEST_ST_WORD 17, sb, 0xfedcba98, 17, tword, 16, 0xdead98ab
    TEST_ST_WORD 18, sb, 0x00000000, 18, tword, 16, 0xde0098ab
    TEST_ST_WORD 19, sb, 0xffffffff, 19, tword, 16, 0xff0098ab
    TEST_ST_WORD 20, sb, 0x80000001, 20, tword, 20, 0xdeadbe01
    TEST_ST_WORD 21, sb, 0x123456ab, 21, tword, 20, 0xdeadab01
    TEST_ST_WORD 22, sb, 0xfedcba98, 22, tword, 20, 0xde98ab01
    TEST_ST_WORD 23, sb, 0x00000000, 23, tword, 20, 0x0098ab01
    TEST_NUM 24
    la x15, tword
    lw x14, 12(x15)
    CHECK x14, 0xdeadbeef
    TEST_NUM 25
    la x15, tword
    lw x14, 24(x15)
    CHECK x14, 0xdeadbeef

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_ST_SRC12_BYPASS 26, 0, 0, lb, sb, 0xffffffdd, 0, tdat
    TEST_ST_SRC12_BYPASS 27, 0, 1, lb, sb, 0xffffffcd, 1, tdat
    TEST_ST_SRC12_BYPASS 28, 0, 2, lb, sb, 0xffffffcc, 2, tdat
    TEST_ST_SRC12_BYPASS 29, 1, 0, lb, sb, 0xffffffbc, 3, tdat
    TEST_ST_SRC12_BYPASS 30, 1, 1, lb, sb, 0xffffffbb, 4, tdat
    TEST_ST_SRC12_BYPASS 31, 2, 0, lb, sb, 0xffffffab, 5, tdat
    TEST_ST_SRC21_BYPASS 32, 0, 0, lb, sb, 0xffffffdd, 0, tdat
    TEST_ST_SRC21_BYPASS 33, 0, 1, lb, sb, 0xffffffcd, 1, tdat
    TEST_ST_SRC21_BYPASS 34, 0, 2, lb, sb, 0xffffffcc, 2, tdat
    TEST_ST_SRC21_BYPASS 35, 1, 0, lb, sb, 0xffffffbc, 3, tdat
    TEST_ST_SRC21_BYPASS 36, 1, 1, lb, sb, 0xffffffbb, 4, tdat
    TEST_ST_SRC21_BYPASS 37, 2, 0, lb, sb, 0xffffffab, 5, tdat

    #-------------------------------------------------------------
    # Storing x0 stores zero
    #-------------------------------------------------------------
    TEST_ST_ZEROSRC 38, lb, sb, 3, tdat

    TEST_PASSFAIL
    RVTEST_DATA_BEGIN
tdat:
tdat0:  .byte 0xef
tdat1:  .byte 0xef
tdat2:  .byte 0xef
tdat3:  .byte 0xef
tdat4:  .byte 0xef
tdat5:  .byte 0xef
tdat6:  .byte 0xef
tdat7:  .byte 0xef
tdat8:  .byte 0xef
tdat9:  .byte 0xef
    .p2align 4
tword:
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    RVTEST_DATA_END
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
