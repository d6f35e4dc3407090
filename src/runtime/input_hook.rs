//! `PyOS_InputHook`: a function C code (GUI toolkits) installs to be called while the
//! interpreter waits for a line typed at a terminal; `PyOS_Readline` (readline.rs: the
//! prompt, and `input()` when `sys.stdin` and `sys.stdout` are the process' terminal)
//! calls it before each read, without the GIL, as CPython's line reader does.
use core::ffi::c_int;

/// `int (*PyOS_InputHook)(void)`: NULL (no hook) by default.
#[no_mangle]
pub static mut PyOS_InputHook: Option<unsafe extern "C" fn() -> c_int> = None;

/// Calls the hook when one is installed (its result is ignored, as in CPython).
pub(crate) fn call() {
    // SAFETY: a plain read of the exported pointer; the hook is the embedder's function.
    unsafe {
        if let Some(hook) = core::ptr::read_volatile(&raw const PyOS_InputHook) {
            hook();
        }
    }
}
