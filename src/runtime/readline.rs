//! `PyOS_Readline`: how the interactive loop and `input()` read a line from a terminal.
//! Input that is not a terminal (or output that is not) is read with C stdio and the
//! prompt goes to stderr, as CPython's `PyOS_StdioReadline`; on a terminal the function in
//! `PyOS_ReadlineFunctionPointer` is called, which is the line editor (line_editor.rs:
//! editing keys and history, as CPython gives once its `readline` module is loaded) unless
//! an embedder installed its own. The GIL is released while waiting for input.
use core::ffi::{c_char, CStr};

use crate::runtime::threadstate::PyThreadState;

/// The type of `PyOS_ReadlineFunctionPointer`: `char *(*)(FILE *, FILE *, const char *)`.
pub(crate) type ReadlineFunction = unsafe extern "C" fn(*mut libc::FILE, *mut libc::FILE, *const c_char) -> *mut c_char;

/// `PyOS_ReadlineFunctionPointer`: the reader used on terminals; NULL means the built-in
/// line editor. The result is a `PyMem_RawMalloc` buffer holding the line with its newline,
/// "" at end of input, or NULL with an exception set (KeyboardInterrupt).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyOS_ReadlineFunctionPointer: Option<unsafe extern "C" fn(*mut libc::FILE, *mut libc::FILE, *const c_char) -> *mut c_char> = None;

/// `_PyOS_ReadlineTState`: the thread state that called `PyOS_Readline`, while it waits.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyOS_ReadlineTState: *mut PyThreadState = core::ptr::null_mut();

/// A `PyMem_RawMalloc` copy of `bytes` with a terminating NUL; NULL (MemoryError set by
/// the caller) when out of memory.
pub(crate) unsafe fn raw_c_string(bytes: &[u8]) -> *mut c_char {
    let p = crate::object::pymem::PyMem_RawMalloc(bytes.len() + 1) as *mut u8;
    if !p.is_null() {
        core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
        *p.add(bytes.len()) = 0;
    }
    p.cast()
}

/// Runs the pending signal handlers with the GIL taken back for them; false when one
/// raised (the exception is set).
unsafe fn signals_ok(tstate: *mut PyThreadState) -> bool {
    crate::runtime::gil::PyEval_RestoreThread(tstate);
    let ok = crate::runtime::signals::PyErr_CheckSignals() == 0;
    let _ = crate::runtime::gil::PyEval_SaveThread();
    ok
}

/// `PyOS_StdioReadline`: the prompt on stderr, then a line read with `fgets`; called
/// without the GIL. A signal that interrupts the read runs its handler; KeyboardInterrupt
/// gives NULL.
pub(crate) unsafe extern "C" fn stdio_readline(sys_stdin: *mut libc::FILE, _sys_stdout: *mut libc::FILE, prompt: *const c_char) -> *mut c_char {
    let tstate = _PyOS_ReadlineTState;
    let err = crate::runtime::lifecycle::stderr_stream();
    if !prompt.is_null() && !err.is_null() {
        libc::fputs(prompt, err);
    }
    libc::fflush(err);
    let mut line: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 1024];
    loop {
        *libc::__errno_location() = 0;
        let got = libc::fgets(chunk.as_mut_ptr().cast(), chunk.len() as i32, sys_stdin);
        if got.is_null() {
            if *libc::__errno_location() == libc::EINTR {
                libc::clearerr(sys_stdin);
                if !tstate.is_null() && !signals_ok(tstate) {
                    return core::ptr::null_mut();
                }
                continue;
            }
            break; // end of input (or an error): what was read so far
        }
        let n = CStr::from_ptr(chunk.as_ptr().cast()).to_bytes().len();
        line.extend_from_slice(&chunk[..n]);
        if line.last() == Some(&b'\n') {
            break;
        }
    }
    raw_c_string(&line)
}

/// `char *PyOS_Readline(FILE *stdin, FILE *stdout, const char *prompt)`: one line of
/// input (see the module comment) in a `PyMem_Malloc` buffer the caller frees with
/// `PyMem_Free`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyOS_Readline(sys_stdin: *mut libc::FILE, sys_stdout: *mut libc::FILE, prompt: *const c_char) -> *mut c_char {
    if !_PyOS_ReadlineTState.is_null() && _PyOS_ReadlineTState == crate::runtime::pystate::current() {
        let _ = crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_RuntimeError,
            "can't re-enter readline",
        );
        return core::ptr::null_mut();
    }
    let terminal = libc::isatty(libc::fileno(sys_stdin)) != 0 && libc::isatty(libc::fileno(sys_stdout)) != 0;
    let reader: ReadlineFunction = match PyOS_ReadlineFunctionPointer {
        Some(f) if terminal => f,
        None if terminal => crate::runtime::line_editor::edit_line,
        _ => stdio_readline,
    };
    let tstate = crate::runtime::gil::PyEval_SaveThread();
    _PyOS_ReadlineTState = tstate;
    let line = reader(sys_stdin, sys_stdout, prompt);
    _PyOS_ReadlineTState = core::ptr::null_mut();
    crate::runtime::gil::PyEval_RestoreThread(tstate);
    if line.is_null() {
        if crate::errors::pyerr::PyErr_Occurred().is_null() {
            crate::errors::pyerr::PyErr_SetNone(&raw mut crate::errors::exception_types::_PyExc_KeyboardInterrupt as *mut crate::object::object::PyObject);
        }
        return line;
    }
    // The reader's buffer is the raw domain's; the caller frees ours with PyMem_Free.
    let bytes = CStr::from_ptr(line).to_bytes();
    let copy = crate::object::pymem::PyMem_Malloc(bytes.len() + 1) as *mut u8;
    if copy.is_null() {
        crate::object::pymem::PyMem_RawFree(line.cast());
        crate::errors::setters::PyErr_NoMemory();
        return core::ptr::null_mut();
    }
    core::ptr::copy_nonoverlapping(bytes.as_ptr(), copy, bytes.len() + 1);
    crate::object::pymem::PyMem_RawFree(line.cast());
    copy.cast()
}
