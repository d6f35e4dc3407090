//! The interactive loop: `PyRun_InteractiveOne*` reads one statement (with `sys.ps1` and
//! `sys.ps2` prompts on stderr, as CPython's readline does when input is a file), compiles
//! it in 'single' mode so expression values go through `sys.displayhook`, and runs it in
//! `__main__`; `PyRun_InteractiveLoop*` repeats until end of input.
use core::ffi::{c_char, c_int};

use crate::compiler::flags::{PyCompilerFlags, Py_single_input};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::objects::str as pystr;

/// CPython's `E_EOF`: what `PyRun_InteractiveOne*` returns at end of input.
const E_EOF: c_int = 11;

unsafe fn prompt(name: &str, default: &str) -> String {
    let p = crate::modules::sys_stdio::sys_attr(name);
    if p.is_null() {
        return default.to_string();
    }
    match crate::abstract_::object::str(p) {
        Ok(s) => pystr::to_string(s.as_ptr()),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            default.to_string()
        }
    }
}

unsafe fn read_line(fp: *mut libc::FILE, prompt_text: &str) -> Option<Vec<u8>> {
    crate::errors::print::write_stderr(prompt_text);
    let mut line = Vec::new();
    loop {
        let c = libc::fgetc(fp);
        if c == libc::EOF {
            break;
        }
        line.push(c as u8);
        if c == b'\n' as c_int {
            break;
        }
    }
    if line.is_empty() { None } else { Some(line) }
}

/// Whether a statement so far needs more lines: a compound statement header, an open
/// bracket or a backslash continuation.
fn needs_more(text: &[u8]) -> bool {
    let s = String::from_utf8_lossy(text);
    let trimmed = s.trim_end();
    if trimmed.ends_with(':') || trimmed.ends_with('\\') {
        return true;
    }
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// Reads, compiles and runs one interactive statement: 0, -1 (the error printed), or E_EOF.
unsafe fn one(fp: *mut libc::FILE, filename: &str) -> c_int {
    let ps1 = prompt("ps1", ">>> ");
    let ps2 = prompt("ps2", "... ");
    let Some(first) = read_line(fp, &ps1) else { return E_EOF };
    let mut text = first;
    if needs_more(&text) {
        loop {
            match read_line(fp, &ps2) {
                Some(l) if !l.iter().all(|c| c.is_ascii_whitespace()) => text.extend_from_slice(&l),
                _ => break,
            }
        }
    }
    if text.iter().all(|c| c.is_ascii_whitespace()) {
        return 0;
    }
    let r = (|| -> PyResult<()> {
        let m = crate::runtime::module_table::PyImport_AddModule(c"__main__".as_ptr());
        if m.is_null() {
            return Err(Raised::assume_set());
        }
        let d: *mut PyObject = crate::objects::module::PyModule_GetDict(m);
        crate::runtime::pyrun::ensure_builtins(d)?;
        let code = crate::runtime::pyrun::compile_source(&text, filename, Py_single_input, -1)?;
        crate::eval::eval_code::eval_code(code.as_ptr(), d, d)?;
        Ok(())
    })();
    match r {
        Ok(()) => 0,
        Err(_) => {
            crate::errors::print::PyErr_Print();
            -1
        }
    }
}

unsafe fn c_name(filename: *const c_char) -> String {
    if filename.is_null() { "???".into() } else { core::ffi::CStr::from_ptr(filename).to_string_lossy().into_owned() }
}

/// `int PyRun_InteractiveOneFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_InteractiveOneFlags(fp: *mut libc::FILE, filename: *const c_char, _flags: *mut PyCompilerFlags) -> c_int {
    one(fp, &c_name(filename))
}

/// `int PyRun_InteractiveOneObject(FILE *fp, PyObject *filename, PyCompilerFlags *flags)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_InteractiveOneObject(fp: *mut libc::FILE, filename: *mut PyObject, _flags: *mut PyCompilerFlags) -> c_int {
    let name = if filename.is_null() || !pystr::is_str(filename) { "???".to_string() } else { pystr::to_string(filename) };
    one(fp, &name)
}

/// `int PyRun_InteractiveOne(FILE *f, const char *p)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_InteractiveOne(f: *mut libc::FILE, p: *const c_char) -> c_int {
    PyRun_InteractiveOneFlags(f, p, core::ptr::null_mut())
}

/// `int PyRun_InteractiveLoopFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)`:
/// statements until end of input; 0.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_InteractiveLoopFlags(fp: *mut libc::FILE, filename: *const c_char, flags: *mut PyCompilerFlags) -> c_int {
    loop {
        if PyRun_InteractiveOneFlags(fp, filename, flags) == E_EOF {
            return 0;
        }
    }
}

/// `int PyRun_InteractiveLoop(FILE *f, const char *p)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_InteractiveLoop(f: *mut libc::FILE, p: *const c_char) -> c_int {
    PyRun_InteractiveLoopFlags(f, p, core::ptr::null_mut())
}
