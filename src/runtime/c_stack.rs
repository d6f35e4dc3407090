//! The C stack guard. Native recursion that the recursion counter does not see — an iterator
//! wrapping an iterator wrapping ... 100,000 deep, as `enumerate(enumerate(...))` builds, each
//! `__next__` calling the inner one — must not run off the end of the thread's stack.
//! CPython 3.11 survives such depths because its C frames are small (and crashes on some, such
//! as nested `map`); ours are bigger, so when a guarded call finds the stack nearly used up
//! it goes on on a fresh stack segment (mapped, freed after), and only past `MAX_GROWN` bytes
//! of segments raises RecursionError. Guarded places: `abstract_::iter::next`, `PyIter_Next`,
//! `PyObject_Hash`.
//!
//! The fast path is a compare of the stack pointer with a limit kept beside the current thread
//! state (no thread-local access). On targets other than x86-64 nothing is switched.
use crate::errors::raised::PyResult;
use crate::runtime::pystate;
use crate::runtime::threadstate::PyThreadState;

/// Stack kept free below a guarded call: what one level of the nesting plus the unguarded
/// work at the innermost level (bounded C recursion, a `repr`) may use.
const RED_ZONE: usize = 256 * 1024;
/// One stack segment (address space reserved without swap; only touched pages cost memory).
const SEGMENT: usize = 64 * 1024 * 1024;
/// Beyond this many bytes of segments a thread gets RecursionError, not more memory.
const MAX_GROWN: usize = 512 * 1024 * 1024;

/// Per thread state: where its thread's stack ends and how deep into segments it is.
#[repr(C)]
pub(crate) struct CStack {
    /// A guarded call with the stack pointer below this takes the slow path.
    limit: usize,
    /// The OS thread's stack as last found (`low..high`), 0..0 before the first look.
    low: usize,
    high: usize,
    /// Bytes of segments in use below the current call.
    grown: usize,
}

impl CStack {
    pub(crate) const fn new() -> CStack {
        // `usize::MAX`: the first guarded call looks the thread's stack up.
        CStack { limit: usize::MAX, low: 0, high: 0, grown: 0 }
    }
}

/// A thread state as allocated: CPython's public struct, then what only ferropy keeps.
#[repr(C)]
pub(crate) struct ThreadStateAlloc {
    pub(crate) ts: PyThreadState,
    pub(crate) c_stack: CStack,
}

#[inline(always)]
fn stack_pointer() -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let sp: usize;
        // SAFETY: reads a register.
        unsafe { core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags)) };
        sp
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let marker = 0u8;
        core::hint::black_box(&marker) as *const u8 as usize
    }
}

/// Runs `f` with at least `RED_ZONE` bytes of C stack below it.
#[inline(always)]
pub(crate) fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let ts = pystate::current();
    if !ts.is_null() {
        // SAFETY: every thread state is allocated as a `ThreadStateAlloc` (pystate.rs), and
        // the current one is live while its thread holds the GIL.
        let st = unsafe { &raw mut (*(ts as *mut ThreadStateAlloc)).c_stack };
        if stack_pointer() < unsafe { (*st).limit } {
            return slow(st, f);
        }
    }
    f()
}

/// The stack bounds of the calling OS thread.
fn thread_stack() -> Option<(usize, usize)> {
    // SAFETY: plain libc queries about the calling thread into local storage.
    unsafe {
        let mut attr: libc::pthread_attr_t = core::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = core::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        ok.then(|| (addr as usize, addr as usize + size))
    }
}

#[cold]
#[inline(never)]
fn slow<T>(st: *mut CStack, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let sp = stack_pointer();
    // SAFETY: `st` belongs to the current thread state; only its own thread uses it.
    unsafe {
        if (*st).grown == 0 && !((*st).low..(*st).high).contains(&sp) {
            // First guarded call on this thread (or the thread state moved to another thread).
            let Some((low, high)) = thread_stack() else {
                (*st).limit = 0;
                return f();
            };
            (*st).low = low;
            (*st).high = high;
            (*st).limit = low + RED_ZONE;
            if sp >= (*st).limit {
                return f();
            }
        }
        if (*st).grown + SEGMENT > MAX_GROWN {
            return Err(crate::object::pending_error::raise_type(
                &raw mut crate::errors::exception_types::_PyExc_RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let Some(segment) = Segment::map(SEGMENT) else {
            return Err(crate::object::pending_error::no_memory());
        };
        let saved_limit = (*st).limit;
        (*st).limit = segment.low + RED_ZONE;
        (*st).grown += SEGMENT;
        let r = segment.run(f);
        (*st).grown -= SEGMENT;
        (*st).limit = saved_limit;
        r
    }
}

/// A mapped stack segment with an inaccessible guard page at its low end.
struct Segment {
    base: *mut libc::c_void,
    len: usize,
    low: usize,
}

const GUARD_PAGE: usize = 4096;

impl Segment {
    fn map(size: usize) -> Option<Segment> {
        let len = size + GUARD_PAGE;
        // SAFETY: a fresh private anonymous mapping, owned by the Segment until unmapped.
        unsafe {
            let base = libc::mmap(
                core::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
                -1,
                0,
            );
            if base == libc::MAP_FAILED {
                return None;
            }
            if libc::mprotect(base, GUARD_PAGE, libc::PROT_NONE) != 0 {
                libc::munmap(base, len);
                return None;
            }
            Some(Segment { base, len, low: base as usize + GUARD_PAGE })
        }
    }

    /// Runs `f` with the stack pointer at the top of this segment. A panic in `f` is caught
    /// on the segment and resumed on the original stack (no unwinding across the switch).
    #[cfg(target_arch = "x86_64")]
    fn run<R, F: FnOnce() -> R>(self, f: F) -> R {
        struct Call<F, R> {
            f: Option<F>,
            result: Option<std::thread::Result<R>>,
        }
        extern "C" fn trampoline<F: FnOnce() -> R, R>(call: *mut Call<F, R>) {
            // SAFETY: `call` points at the caller's live `Call`, used by nobody else meanwhile.
            unsafe {
                let f = (*call).f.take().expect("called once");
                (*call).result = Some(std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
            }
        }
        let mut call = Call { f: Some(f), result: None };
        // The System V ABI wants the stack 16-byte aligned at a call.
        let top = (self.base as usize + self.len) & !15;
        // SAFETY: `top` is the top of a mapped, writable region this call owns; the trampoline
        // is an ordinary C-ABI function that returns normally (panics are caught inside),
        // and r12 (callee-saved, so kept by the trampoline) holds the original stack pointer.
        unsafe {
            core::arch::asm!(
                "mov r12, rsp",
                "mov rsp, {top}",
                "call {func}",
                "mov rsp, r12",
                top = in(reg) top,
                func = in(reg) trampoline::<F, R> as extern "C" fn(*mut Call<F, R>) as usize,
                in("rdi") &raw mut call,
                out("r12") _,
                clobber_abi("C"),
            );
        }
        drop(self);
        match call.result.expect("the trampoline ran") {
            Ok(r) => r,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }

    #[cfg(not(target_arch = "x86_64"))]
    fn run<R>(self, f: impl FnOnce() -> R) -> R {
        drop(self);
        f()
    }
}

impl Drop for Segment {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `map`, no longer in use.
        unsafe { libc::munmap(self.base, self.len) };
    }
}
