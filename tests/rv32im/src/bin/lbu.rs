//! RV32IM conformance test: LBU (zero-extended byte load).
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
    TEST_LD_OP 2, lbu, 0x000000ff, 0, tdat
    TEST_LD_OP 3, lbu, 0x00000000, 1, tdat
    TEST_LD_OP 4, lbu, 0x000000f0, 2, tdat
    TEST_LD_OP 5, lbu, 0x0000000f, 3, tdat
    TEST_LD_OP 6, lbu, 0x0000007f, 4, tdat
    TEST_LD_OP 7, lbu, 0x00000080, 5, tdat
    TEST_LD_OP 8, lbu, 0x00000001, 6, tdat
    TEST_LD_OP 9, lbu, 0x000000fe, 7, tdat

    #-------------------------------------------------------------
    # Every element through negative offsets from the last
    #-------------------------------------------------------------
    TEST_LD_OP 10, lbu, 0x000000ff, -7, tdat7
    TEST_LD_OP 11, lbu, 0x00000000, -6, tdat7
    TEST_LD_OP 12, lbu, 0x000000f0, -5, tdat7
    TEST_LD_OP 13, lbu, 0x0000000f, -4, tdat7
    TEST_LD_OP 14, lbu, 0x0000007f, -3, tdat7
    TEST_LD_OP 15, lbu, 0x00000080, -2, tdat7
    TEST_LD_OP 16, lbu, 0x00000001, -1, tdat7
    TEST_LD_OP 17, lbu, 0x000000fe, 0, tdat7

    #-------------------------------------------------------------
    # Base register not pointing at the data; extreme 12-bit offsets
    #-------------------------------------------------------------
    TEST_LD_OP 18, lbu, 0x000000f0, -32, tdat2+32
    TEST_LD_OP 19, lbu, 0x0000000f, 7, tdat3-7
    TEST_LD_OP 20, lbu, 0x00000000, 2047, tdat1-2047
    TEST_LD_OP 21, lbu, 0x00000080, -2048, tdat5+2048
    TEST_LD_OP 22, lbu, 0x000000ff, 0, tdat0

    #-------------------------------------------------------------
    # Destination equal to the base register
    #-------------------------------------------------------------
    TEST_LD_SRC1_EQ_DEST 23, lbu, 0x00000000, 1, tdat
    TEST_LD_SRC1_EQ_DEST 24, lbu, 0x00000080, -1, tdat6

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_LD_DEST_BYPASS 25, 0, lbu, 0x00000000, 1, tdat
    TEST_LD_DEST_BYPASS 26, 1, lbu, 0x000000f0, 2, tdat
    TEST_LD_DEST_BYPASS 27, 2, lbu, 0x0000000f, 3, tdat
    TEST_LD_SRC1_BYPASS 28, 0, lbu, 0x00000080, 5, tdat
    TEST_LD_SRC1_BYPASS 29, 1, lbu, 0x00000001, 6, tdat
    TEST_LD_SRC1_BYPASS 30, 2, lbu, 0x000000fe, 7, tdat
    TEST_LD_WAW 31, lbu, tdat

    #-------------------------------------------------------------
    # A load into x0 is ignored
    #-------------------------------------------------------------
    TEST_LD_ZERODEST 32, lbu, 0, tdat0

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
