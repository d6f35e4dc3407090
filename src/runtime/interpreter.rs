//! Interpreter states. `PyInterpreterState` (`struct _is`) is opaque to C, so the Rust
//! struct `Interpreter` is what a `*mut PyInterpreterState` really points to. State that
//! belongs to one interpreter (sys, modules, builtins, codecs, atexit handlers, caches)
//! lives here, never in process globals, so that the GIL can later become per-interpreter.
use crate::runtime::threadstate::{PyInterpreterState, PyThreadState};

pub(crate) struct Interpreter {
    /// The interpreter's thread states, linked through `PyThreadState.next`/`prev`.
    pub(crate) tstate_head: *mut PyThreadState,
}

impl Interpreter {
    /// A new interpreter, owned by the caller through the returned pointer (freed by
    /// `Interpreter::delete`).
    pub(crate) fn new() -> *mut PyInterpreterState {
        let interp = Box::new(Interpreter {
            tstate_head: core::ptr::null_mut(),
        });
        Box::into_raw(interp).cast()
    }

    /// # Safety
    /// `interp` comes from `Interpreter::new` and has no thread states left.
    pub(crate) unsafe fn delete(interp: *mut PyInterpreterState) {
        let interp: Box<Interpreter> = Box::from_raw(interp.cast());
        debug_assert!(interp.tstate_head.is_null());
        drop(interp);
    }

    /// # Safety
    /// `interp` is a live interpreter made by `Interpreter::new`.
    pub(crate) unsafe fn from_c<'a>(interp: *mut PyInterpreterState) -> &'a mut Interpreter {
        &mut *interp.cast::<Interpreter>()
    }
}
