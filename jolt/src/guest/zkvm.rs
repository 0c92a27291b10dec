//! The platform layer of Rust's standard library for `target_os = "zkvm"`: the `sys_*`
//! functions it calls (declared in the standard library's `sys/pal/zkvm/abi.rs`), and the
//! `__atomic_*` calls that atomics lower to on RV32IM, which has no atomic instructions.
//!
//! - memory: the guest's allocator (`sys_alloc_aligned`, `sys_alloc_words`);
//! - standard output and error: the console hint (`sys_write`, `sys_log`);
//! - standard input, arguments and environment: empty (`sys_read` reads nothing, no
//!   arguments, no variables); a guest's inputs are its function's arguments;
//! - randomness (`sys_rand`, which seeds `HashMap`): a fixed deterministic stream, so that a
//!   run is a function of the program and its inputs, which the proof requires. A guest must
//!   not rely on it for secrets or against hash flooding;
//! - `sys_cycle_count`: not available in a proof, reads 0;
//! - `sys_panic` and `sys_halt`: a panic exit with the message, and an exit with code 0.
//!
//! The guest is single-threaded, so an atomic operation is a plain load and store.

use core::alloc::{GlobalAlloc, Layout};

use super::{console, exit, report_panic};

/// `size` bytes aligned to `align`, from the guest's allocator; null when the heap is full.
#[no_mangle]
unsafe extern "C" fn sys_alloc_aligned(size: usize, align: usize) -> *mut u8 {
    match Layout::from_size_align(size, align.max(1)) {
        Ok(layout) => super::allocator::HEAP.alloc(layout),
        Err(_) => core::ptr::null_mut(),
    }
}

#[no_mangle]
unsafe extern "C" fn sys_alloc_words(words: usize) -> *mut u32 {
    sys_alloc_aligned(words.saturating_mul(4), 4).cast()
}

#[no_mangle]
unsafe extern "C" fn sys_write(fd: u32, bytes: *const u8, len: usize) {
    console::write(fd, core::slice::from_raw_parts(bytes, len));
}

#[no_mangle]
unsafe extern "C" fn sys_log(bytes: *const u8, len: usize) {
    sys_write(jolt_common::STDERR, bytes, len);
}

#[no_mangle]
extern "C" fn sys_read(_fd: u32, _buffer: *mut u8, _len: usize) -> usize {
    0
}

#[no_mangle]
extern "C" fn sys_argc() -> usize {
    0
}

#[no_mangle]
extern "C" fn sys_argv(_out: *mut u32, _out_words: usize, _index: usize) -> usize {
    0
}

/// No variable is set: the length `usize::MAX` means "not present".
#[no_mangle]
extern "C" fn sys_getenv(_out: *mut u32, _words: usize, _name: *const u8, _len: usize) -> usize {
    usize::MAX
}

#[no_mangle]
extern "C" fn sys_cycle_count() -> usize {
    0
}

/// Fills `words` words with the next values of a fixed stream (SplitMix32-style).
#[no_mangle]
unsafe extern "C" fn sys_rand(out: *mut u32, words: usize) {
    static mut STATE: u32 = 0x9E37_79B9;
    for k in 0..words {
        // SAFETY: single-threaded; `out` holds `words` words (the caller's contract).
        let state = &mut *core::ptr::addr_of_mut!(STATE);
        *state = state.wrapping_add(0x9E37_79B9);
        let mut z = *state;
        z = (z ^ (z >> 16)).wrapping_mul(0x85EB_CA6B);
        z = (z ^ (z >> 13)).wrapping_mul(0xC2B2_AE35);
        *out.add(k) = z ^ (z >> 16);
    }
}

#[no_mangle]
unsafe extern "C" fn sys_panic(message: *const u8, len: usize) -> ! {
    let bytes = core::slice::from_raw_parts(message, len);
    report_panic(&core::str::from_utf8(bytes).unwrap_or("(a message that is not UTF-8)"))
}

#[no_mangle]
extern "C" fn sys_halt() -> ! {
    exit(0)
}

/// Defines the `__atomic_*` calls for one width: single-threaded loads and stores. The memory
/// order arguments have nothing to order.
macro_rules! atomics {
    ($t:ty, $load:ident, $store:ident, $swap:ident, $cas:ident,
     [$($rmw:ident: |$old:ident, $v:ident| $new:expr),*]) => {
        #[no_mangle]
        unsafe extern "C" fn $load(at: *const $t, _order: i32) -> $t {
            at.read_volatile()
        }
        #[no_mangle]
        unsafe extern "C" fn $store(at: *mut $t, value: $t, _order: i32) {
            at.write_volatile(value)
        }
        #[no_mangle]
        unsafe extern "C" fn $swap(at: *mut $t, value: $t, _order: i32) -> $t {
            let old = at.read_volatile();
            at.write_volatile(value);
            old
        }
        /// Stores `desired` if `*at == *expected`; otherwise writes the value seen to
        /// `*expected`.
        #[no_mangle]
        unsafe extern "C" fn $cas(
            at: *mut $t,
            expected: *mut $t,
            desired: $t,
            _success: i32,
            _failure: i32,
        ) -> bool {
            let old = at.read_volatile();
            if old == *expected {
                at.write_volatile(desired);
                true
            } else {
                *expected = old;
                false
            }
        }
        $(
            #[no_mangle]
            unsafe extern "C" fn $rmw(at: *mut $t, $v: $t, _order: i32) -> $t {
                let $old = at.read_volatile();
                at.write_volatile($new);
                $old
            }
        )*
    };
}

atomics!(u8, __atomic_load_1, __atomic_store_1, __atomic_exchange_1,
    __atomic_compare_exchange_1, [
    __atomic_fetch_add_1: |old, v| old.wrapping_add(v),
    __atomic_fetch_sub_1: |old, v| old.wrapping_sub(v),
    __atomic_fetch_and_1: |old, v| old & v,
    __atomic_fetch_nand_1: |old, v| !(old & v),
    __atomic_fetch_or_1: |old, v| old | v,
    __atomic_fetch_xor_1: |old, v| old ^ v
]);
atomics!(u16, __atomic_load_2, __atomic_store_2, __atomic_exchange_2,
    __atomic_compare_exchange_2, [
    __atomic_fetch_add_2: |old, v| old.wrapping_add(v),
    __atomic_fetch_sub_2: |old, v| old.wrapping_sub(v),
    __atomic_fetch_and_2: |old, v| old & v,
    __atomic_fetch_nand_2: |old, v| !(old & v),
    __atomic_fetch_or_2: |old, v| old | v,
    __atomic_fetch_xor_2: |old, v| old ^ v
]);
atomics!(u32, __atomic_load_4, __atomic_store_4, __atomic_exchange_4,
    __atomic_compare_exchange_4, [
    __atomic_fetch_add_4: |old, v| old.wrapping_add(v),
    __atomic_fetch_sub_4: |old, v| old.wrapping_sub(v),
    __atomic_fetch_and_4: |old, v| old & v,
    __atomic_fetch_nand_4: |old, v| !(old & v),
    __atomic_fetch_or_4: |old, v| old | v,
    __atomic_fetch_xor_4: |old, v| old ^ v
]);
atomics!(u64, __atomic_load_8, __atomic_store_8, __atomic_exchange_8,
    __atomic_compare_exchange_8, [
    __atomic_fetch_add_8: |old, v| old.wrapping_add(v),
    __atomic_fetch_sub_8: |old, v| old.wrapping_sub(v),
    __atomic_fetch_and_8: |old, v| old & v,
    __atomic_fetch_nand_8: |old, v| !(old & v),
    __atomic_fetch_or_8: |old, v| old | v,
    __atomic_fetch_xor_8: |old, v| old ^ v
]);
