//! RV32IM conformance test: LB (sign-extended byte load).
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
    # Every element through positive offsets from the first
    #-------------------------------------------------------------
    TEST_LD_OP 2, lb, 0xffffffff, 0, tdat
    TEST_LD_OP 3, lb, 0x00000000, 1, tdat
    TEST_LD_OP 4, lb, 0xfffffff0, 2, tdat
    TEST_LD_OP 5, lb, 0x0000000f, 3, tdat
    TEST_LD_OP 6, lb, 0x0000007f, 4, tdat
    TEST_LD_OP 7, lb, 0xffffff80, 5, tdat
    TEST_LD_OP 8, lb, 0x00000001, 6, tdat
    TEST_LD_OP 9, lb, 0xfffffffe, 7, tdat

    #-------------------------------------------------------------
    # Every element through negative offsets from the last
    #-------------------------------------------------------------
    TEST_LD_OP 10, lb, 0xffffffff, -7, tdat7
    TEST_LD_OP 11, lb, 0x00000000, -6, tdat7
    TEST_LD_OP 12, lb, 0xfffffff0, -5, tdat7
    TEST_LD_OP 13, lb, 0x0000000f, -4, tdat7
    TEST_LD_OP 14, lb, 0x0000007f, -3, tdat7
    TEST_LD_OP 15, lb, 0xffffff80, -2, tdat7
    TEST_LD_OP 16, lb, 0x00000001, -1, tdat7
    TEST_LD_OP 17, lb, 0xfffffffe, 0, tdat7

    #-------------------------------------------------------------
    # Base register not pointing at the data; extreme 12-bit offsets
    #-------------------------------------------------------------
    TEST_LD_OP 18, lb, 0xfffffff0, -32, tdat2+32
    TEST_LD_OP 19, lb, 0x0000000f, 7, tdat3-7
    TEST_LD_OP 20, lb, 0x00000000, 2047, tdat1-2047
    TEST_LD_OP 21, lb, 0xffffff80, -2048, tdat5+2048
    TEST_LD_OP 22, lb, 0xffffffff, 0, tdat0

    #-------------------------------------------------------------
    # Destination equal to the base register
    #-------------------------------------------------------------
    TEST_LD_SRC1_EQ_DEST 23, lb, 0x00000000, 1, tdat
    TEST_LD_SRC1_EQ_DEST 24, lb, 0xffffff80, -1, tdat6

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_LD_DEST_BYPASS 25, 0, lb, 0x00000000, 1, tdat
    TEST_LD_DEST_BYPASS 26, 1, lb, 0xfffffff0, 2, tdat
    TEST_LD_DEST_BYPASS 27, 2, lb, 0x0000000f, 3, tdat
    TEST_LD_SRC1_BYPASS 28, 0, lb, 0xffffff80, 5, tdat
    TEST_LD_SRC1_BYPASS 29, 1, lb, 0x00000001, 6, tdat
    TEST_LD_SRC1_BYPASS 30, 2, lb, 0xfffffffe, 7, tdat
    TEST_LD_WAW 31, lb, tdat

    #-------------------------------------------------------------
    # A load into x0 is ignored
    #-------------------------------------------------------------
    TEST_LD_ZERODEST 32, lb, 0, tdat0

    TEST_PASSFAIL
    RVTEST_DATA_BEGIN
tdat:
tdat0:  .byte 0xff
tdat1:  .byte 0x00
tdat2:  .byte 0xf0
tdat3:  .byte 0x0f
tdat4:  .byte 0x7f
tdat5:  .byte 0x80
tdat6:  .byte 0x01
tdat7:  .byte 0xfe
    RVTEST_DATA_END
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
