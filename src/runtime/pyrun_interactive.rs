//! The interactive loop: `PyRun_InteractiveOne*` reads one statement through
//! `PyOS_Readline` (readline.rs: `sys.ps1`/`sys.ps2` prompts; line editing on a terminal),
//! compiles it in 'single' mode so expression values go through `sys.displayhook`, and runs it in
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

/// Flushes `sys.stdout` and `sys.stderr` before a prompt, ignoring errors.
unsafe fn flush_std_streams() {
    for name in ["stdout", "stderr"] {
        let f = crate::modules::sys_stdio::sys_attr(name);
        if !f.is_null() && f != crate::abstract_::none() && crate::modules::sys_stdio::file_flush(f).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
    }
}

/// One line through `PyOS_Readline` (with its newline); `Ok(None)` at end of input, `Err`
/// with KeyboardInterrupt (or another error) set.
unsafe fn read_line(fp: *mut libc::FILE, prompt_text: &str) -> PyResult<Option<Vec<u8>>> {
    flush_std_streams();
    let prompt = std::ffi::CString::new(prompt_text).unwrap_or_default();
    let line = crate::runtime::readline::PyOS_Readline(fp, crate::runtime::lifecycle::stdout_stream(), prompt.as_ptr());
    if line.is_null() {
        return Err(Raised::assume_set());
    }
    let bytes = core::ffi::CStr::from_ptr(line).to_bytes().to_vec();
    crate::object::pymem::PyMem_Free(line.cast());
    Ok((!bytes.is_empty()).then_some(bytes))
}

/// What the lines read so far are, as the interactive prompt sees them.
#[derive(PartialEq)]
enum Statement {
    /// Ready to run (or to report its syntax error).
    Complete,
    /// An open bracket, string or backslash: more lines, run as soon as it is complete.
    Continued,
    /// A compound statement: more lines, up to an empty one.
    Block,
}

/// A SyntaxError's message and position (`msg`, `lineno`, `offset`), cleared; None when
/// the pending error is not a SyntaxError.
unsafe fn take_syntax_error() -> Option<(String, i64, i64)> {
    use crate::errors::exception_types as exc;
    if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_SyntaxError as *mut PyObject) == 0 {
        return None;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    let field = |name: &str| crate::import::spec::attr_opt(v, name).ok().flatten();
    let number = |o: Option<crate::object::ptr::PyRef>| {
        o.and_then(|o| crate::objects::long_convert::as_i64(o.as_ptr()).ok()).unwrap_or(-1)
    };
    let msg = field("msg").filter(|m| pystr::is_str(m.as_ptr())).map(|m| pystr::to_string(m.as_ptr())).unwrap_or_default();
    let at = (msg, number(field("lineno")), number(field("offset")));
    crate::errors::pyerr::PyErr_Clear();
    for p in [t, v, tb] {
        crate::object::refcount::Py_DecRef(p);
    }
    Some(at)
}

/// Whether `text` compiles in 'single' mode; the SyntaxError's message and position if not.
unsafe fn try_compile(text: &[u8], filename: &str) -> Result<(), Option<(String, i64, i64)>> {
    match crate::runtime::pyrun::compile_source(text, filename, Py_single_input, 0, -1) {
        Ok(_) => Ok(()),
        Err(_) => {
            let e = take_syntax_error();
            crate::errors::pyerr::PyErr_Clear();
            Err(e)
        }
    }
}

/// Whether the first line opens a compound statement, which CPython's prompt keeps open
/// until an empty line (`for x in y: print(x)` too, as an `else:` may follow).
fn opens_block(first_line: &[u8]) -> bool {
    let s = String::from_utf8_lossy(first_line);
    let s = s.trim_start();
    if s.starts_with('@') {
        return true;
    }
    let word: String = s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    matches!(word.as_str(), "if" | "while" | "for" | "try" | "with" | "def" | "class" | "async" | "match") && s.trim_end().contains(':')
}

/// Classifies the lines read so far. A syntax error that moves when a newline is added
/// means the parser ran out of input (CPython's codeop test); messages about unclosed
/// brackets and strings mean the same.
unsafe fn classify(text: &[u8], filename: &str) -> Statement {
    let first_line = text.split(|&c| c == b'\n').next().unwrap_or(&[]);
    let block = opens_block(first_line);
    match try_compile(text, filename) {
        Ok(()) => if block { Statement::Block } else { Statement::Complete },
        Err(None) => Statement::Complete,
        Err(Some((msg, line, offset))) => {
            if msg.contains("was never closed") || msg.starts_with("unterminated triple-quoted string") || msg == "unexpected EOF while parsing" {
                return if block { Statement::Block } else { Statement::Continued };
            }
            let mut longer = text.to_vec();
            longer.push(b'\n');
            match try_compile(&longer, filename) {
                Err(Some((_, l2, o2))) if (l2, o2) != (line, offset) => Statement::Block,
                _ => Statement::Complete,
            }
        }
    }
}

/// Reads one statement: the first line with `sys.ps1`, more with `sys.ps2` while it is
/// incomplete. `Ok(None)` at end of input.
unsafe fn read_statement(fp: *mut libc::FILE, filename: &str) -> PyResult<Option<Vec<u8>>> {
    let ps1 = prompt("ps1", ">>> ");
    let Some(mut text) = read_line(fp, &ps1)? else { return Ok(None) };
    if text.iter().all(|c| c.is_ascii_whitespace()) {
        return Ok(Some(text));
    }
    let mut state = classify(&text, filename);
    while state != Statement::Complete {
        let ps2 = prompt("ps2", "... ");
        let Some(line) = read_line(fp, &ps2)? else { break };
        let empty = line.iter().all(|c| c.is_ascii_whitespace());
        text.extend_from_slice(&line);
        if state == Statement::Block {
            if empty {
                break;
            }
            continue;
        }
        state = classify(&text, filename);
    }
    Ok(Some(text))
}

/// Reads, compiles and runs one interactive statement: 0, -1 (the error printed), or E_EOF.
unsafe fn one(fp: *mut libc::FILE, filename: &str) -> c_int {
    let text = match read_statement(fp, filename) {
        Ok(Some(text)) => text,
        Ok(None) => return E_EOF,
        Err(_) => {
            crate::errors::print::PyErr_Print();
            return -1;
        }
    };
    if text.iter().all(|c| c.is_ascii_whitespace()) {
        return 0;
    }
    let r = (|| -> PyResult<()> {
        let m = crate::runtime::module_table::PyImport_AddModule(c"__main__".as_ptr());
        if m.is_null() {
            return Err(Raised::assume_set());
        }
        let d: *mut PyObject = crate::objects::module::PyModule_GetDict(m);
        crate::runtime::pyrun::ensure_main_builtins(d)?;
        let (code, _) = crate::runtime::pyrun::compile_source(&text, filename, Py_single_input, 0, -1)?;
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
    // The prompts exist in sys from the first prompt on, as in CPython.
    for (name, default) in [(c"ps1", ">>> "), (c"ps2", "... ")] {
        if crate::modules::sys_api::PySys_GetObject(name.as_ptr()).is_null() {
            match pystr::from_utf8(default) {
                Ok(v) => {
                    crate::modules::sys_api::PySys_SetObject(name.as_ptr(), v.as_ptr());
                }
                Err(_) => crate::errors::pyerr::PyErr_Clear(),
            }
        }
    }
    loop {
        if PyRun_InteractiveOneFlags(fp, filename, flags) == E_EOF {
            // The prompt's line is ended, as CPython does at end of input.
            crate::errors::print::write_stderr("\n");
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
