//! A bump allocator over the heap region `[heap_start, heap_end)`: allocation is a pointer
//! increment, memory is never reused (a guest runs once). Exhausting the heap is a panic
//! (Rust's default allocation-error handler), so it shows as the public panic flag.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

pub(super) struct Bump {
    next: UnsafeCell<usize>,
    end: UnsafeCell<usize>,
}

// SAFETY: the guest is single-threaded.
unsafe impl Sync for Bump {}

#[global_allocator]
pub(super) static HEAP: Bump = Bump {
    next: UnsafeCell::new(0),
    end: UnsafeCell::new(0),
};

/// Sets the heap bounds; called once before the guest function runs.
pub(super) unsafe fn init(start: usize, end: usize) {
    *HEAP.next.get() = start;
    *HEAP.end.get() = end;
}

unsafe impl GlobalAlloc for Bump {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let next = *self.next.get();
        let Some(start) = next
            .checked_add(layout.align() - 1)
            .map(|v| v & !(layout.align() - 1))
        else {
            return core::ptr::null_mut();
        };
        match start.checked_add(layout.size()) {
            Some(end) if end <= *self.end.get() => {
                *self.next.get() = end;
                start as *mut u8
            }
            _ => core::ptr::null_mut(),
        }
    }

    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
}
