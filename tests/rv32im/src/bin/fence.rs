//! RV32IM conformance test: FENCE (memory ordering is a no-op for a single hart: execution continues, memory is consistent).
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    # Plain fence between a store and a load.
    TEST_NUM 2
    la x15, tdat
    li x13, 0x11223344
    sw x13, 0(x15)
    fence
    lw x14, 0(x15)
    CHECK x14, 0x11223344

    # Every predecessor/successor set combination used in practice.
    TEST_NUM 3
    li x14, 0
    fence rw, rw
    addi x14, x14, 1
    fence iorw, iorw
    addi x14, x14, 1
    fence r, r
    addi x14, x14, 1
    fence w, w
    addi x14, x14, 1
    fence r, rw
    addi x14, x14, 1
    fence rw, w
    addi x14, x14, 1
    fence i, o
    addi x14, x14, 1
    fence.tso
    addi x14, x14, 1
    CHECK x14, 8

    # Byte stores and a word load across a fence.
    TEST_NUM 4
    li x13, 0xaa
    sb x13, 4(x15)
    li x13, 0xbb
    sb x13, 5(x15)
    fence w, r
    lw x14, 4(x15)
    CHECK x14, 0xdeadbbaa

    # Registers are untouched by fence.
    TEST_NUM 5
    li x1, 0x7fffffff
    li x2, 0x80000000
    fence
    CHECK x1, 0x7fffffff
    CHECK x2, 0x80000000

    # fence inside a loop.
    TEST_NUM 6
    li x14, 0
    li x5, 3
1:  addi x14, x14, 2
    sw x14, 8(x15)
    fence
    lw x6, 8(x15)
    bne x6, x14, fail
    addi x5, x5, -1
    bne x5, x0, 1b
    CHECK x14, 6

    TEST_PASSFAIL
    RVTEST_DATA_BEGIN
tdat:
    .word 0x00000000
    .word 0xdeadbeef
    .word 0x00000000
    .word 0x00000000
    RVTEST_DATA_END
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
