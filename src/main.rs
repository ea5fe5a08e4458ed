//! The onrecord command line: parse the arguments, run the command ([`cli`]), map the
//! outcome to an exit status: 0 clean, 1 findings at or above `--fail-on`, 2 a usage or
//! input error. A closed standard output (`| head`) ends the run quietly.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc: the many small allocations of a check cost fewer instructions than under
/// glibc's malloc (8% of all instructions on the bench's 200 files).
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc as the `mimalloc` crate's `MiMalloc` wraps it, except that an alignment every
/// mimalloc block already has (8 bytes, a word: nearly every layout Rust asks for) goes to
/// `mi_malloc` and `mi_zalloc`, not to their `_aligned` forms, which the crate calls for
/// every layout and which test the alignment and fall back on every call (-1.1%
/// instructions on the bench's 200 files). Reallocation is as the crate does it:
/// `mi_realloc_aligned` itself goes straight to `mi_realloc` at these alignments.
/// `allocator_matches_the_crate` holds it to `MiMalloc`.
struct Mimalloc;

/// The alignment of every mimalloc block, whatever its size (a word; mimalloc's size
/// classes are multiples of it, so a 24-byte block may not be 16-aligned).
const MI_MIN_ALIGN: usize = std::mem::size_of::<usize>();

// SAFETY: each method hands the layout's size and, where it matters, its alignment to
// mimalloc, which returns null or a block of at least that size and alignment; blocks are
// freed and resized only through mimalloc, which takes any block it gave.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MI_MIN_ALIGN {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MI_MIN_ALIGN {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
    }
}

/// mimalloc's `mi_option_purge_delay` (`mi_option_e` in mimalloc.h; the crate exports no
/// constant for it): how long freed memory is kept before it is returned to the system,
/// 1000 ms by default. The test `purge_delay_is_the_option_it_names` holds the number.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Freed memory goes back at once: with the default delay, one 50 MB file read a window
    // at a time peaked at 208 MB, against 151 MB under glibc; at 0 it stays near that.
    // SAFETY: sets one of the allocator's integer options; no pointer is passed, and the
    // option may be changed at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    match cli::run(cli::args::Cli::parse()) {
        Ok(code) => code,
        // The reader went away (`onrecord check … | head`): stop quietly, as `cat` would.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("onrecord: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// main() has not run in a test: the option holds mimalloc's default for purge_delay, 1000,
/// which no neighbouring option has (use_numa_nodes 0, eager_commit_delay 1, ...).
#[cfg(test)]
#[test]
fn purge_delay_is_the_option_it_names() {
    // SAFETY: reads an integer option.
    assert_eq!(unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
}

/// [`Mimalloc`] against the crate's `MiMalloc`: for every size up to 1 KiB and beyond and
/// every alignment up to 4 KiB, a block of the requested alignment that holds the size,
/// as the crate's does; at a word's alignment or less, exactly mimalloc's size class for
/// a small size (the crate's aligned call falls back to a larger block when the size class's
/// page is full); zeroed when asked; resized keeping its bytes.
#[cfg(test)]
#[test]
fn allocator_matches_the_crate() {
    use std::alloc::{GlobalAlloc, Layout};
    let sizes = (1..=1100).chain([4095, 4096, 65_536, 1 << 20, (1 << 22) + 3]);
    for size in sizes {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: non-zero sizes; every block is freed by the allocator that gave it.
            unsafe {
                let ours = Mimalloc.alloc(layout);
                let theirs = mimalloc::MiMalloc.alloc(layout);
                for p in [ours, theirs] {
                    assert!(!p.is_null() && (p as usize).is_multiple_of(align), "{size} {align}");
                    assert!(libmimalloc_sys::mi_usable_size(p.cast()) >= size, "{size} {align}");
                }
                if align <= MI_MIN_ALIGN && size <= 1100 {
                    assert_eq!(libmimalloc_sys::mi_usable_size(ours.cast()), libmimalloc_sys::mi_good_size(size));
                }
                mimalloc::MiMalloc.dealloc(theirs, layout);
                ours.write_bytes(0xA5, size);
                let grown = Mimalloc.realloc(ours, layout, size * 2 + 1);
                assert!(!grown.is_null() && (grown as usize).is_multiple_of(align), "{size} {align}");
                assert!(std::slice::from_raw_parts(grown, size).iter().all(|&b| b == 0xA5));
                Mimalloc.dealloc(grown, Layout::from_size_align(size * 2 + 1, align).unwrap());
                let zeroed = Mimalloc.alloc_zeroed(layout);
                assert!(!zeroed.is_null() && (zeroed as usize).is_multiple_of(align), "{size} {align}");
                assert!(std::slice::from_raw_parts(zeroed, size).iter().all(|&b| b == 0));
                Mimalloc.dealloc(zeroed, layout);
            }
        }
    }
}
