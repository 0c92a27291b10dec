//! What `#[jolt::provable]` generates on the host: the layout from the attributes, with the
//! defaults of `jolt::defaults` where an attribute is absent.
#![cfg(feature = "host")]

#[jolt::provable]
fn defaults_only(x: u32) -> u32 {
    x
}

#[jolt::provable(
    max_input_size = 100,
    max_output_size = 200,
    stack_size = 8192,
    memory_size = 1048576
)]
fn all_attributes(a: u8, b: (u16, bool)) -> u64 {
    u64::from(a) + u64::from(b.0) + u64::from(b.1)
}

#[test]
fn absent_attributes_take_the_defaults() {
    let layout = memory_layout_defaults_only();
    assert_eq!(layout, jolt::MemoryLayout::default());
    assert_eq!(defaults_only(7), 7, "the function itself is kept");
}

#[test]
fn attributes_set_the_layout() {
    let layout = memory_layout_all_attributes();
    assert_eq!(
        layout,
        jolt::MemoryLayout {
            max_input_size: 100,
            max_private_input_size: 0,
            max_output_size: 200,
            stack_size: 8192,
            memory_size: 1 << 20
        }
    );
    assert_eq!(all_attributes(1, (2, true)), 4);
}
