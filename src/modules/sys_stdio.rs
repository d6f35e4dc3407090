//! `sys.stdin`, `sys.stdout`, `sys.stderr` (and the `__std*__` twins) built as CPython's
//! `create_stdio` builds them: `FileIO(fd, closefd=False)` named `<stdin>`..., under a
//! `BufferedReader`/`BufferedWriter` (stdout and stderr are the raw `FileIO` itself under
//! `-u`/`PYTHONUNBUFFERED`; stdin is always buffered), under a `TextIOWrapper` with the
//! configured encoding and errors (stderr always `backslashreplace`), newline `"\n"`,
//! `line_buffering` on a terminal and always for stderr, `write_through` under `-u`, and
//! `mode` 'r'/'w'. A descriptor that is not open at start-up gives None.
//! Also here: the writes and flushes C-level code does through them (`print`,
//! `PySys_WriteStdout`, tracebacks), the finalization flush, `displayhook`/`excepthook`.
use core::ffi::c_int;

use crate::abstract_::{new_ref, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::{args_slice, none_ref, owned, ret};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{dict, int, str as pystr};

/// Whether `fd` is an open descriptor (CPython's `is_valid_fd`).
fn is_valid_fd(fd: c_int) -> bool {
    // SAFETY: F_GETFD only reads the descriptor's flags.
    unsafe { libc::fcntl(fd, libc::F_GETFD) >= 0 }
}

/// One standard stream over `fd`, as `create_stdio` makes it.
unsafe fn create_stdio(fd: c_int, name: &str, writing: bool, buffered: bool, encoding: &str, errors: &str) -> PyResult<PyRef> {
    use crate::modules::io::common::{call_method, py_bool};
    // stdin stays buffered under -u: TextIOWrapper reads through the buffer's read1().
    let buffering = if !buffered && writing { 0 } else { -1 };
    let mode = if writing { "wb" } else { "rb" };
    let fd_obj = int::from_i64(fd as i64)?;
    let buf = crate::modules::io::open::open(fd_obj.as_ptr(), mode, buffering, None, None, None, false, crate::abstract_::none())?;
    let raw = if buffering == 0 { buf.clone() } else { crate::object::object_attr::get_attr(buf.as_ptr(), pystr::intern("raw")?.as_ptr())? };
    crate::object::object_attr::set_attr(raw.as_ptr(), pystr::intern("name")?.as_ptr(), pystr::from_utf8(name)?.as_ptr())?;
    let isatty = crate::abstract_::object::is_true(call_method(raw.as_ptr(), "isatty", &[])?.as_ptr())?;
    let line_buffering = buffered && (isatty || fd == 2);
    let args = [buf, pystr::from_utf8(encoding)?, pystr::from_utf8(errors)?, pystr::from_utf8("\n")?, py_bool(line_buffering), py_bool(!buffered)];
    let args = crate::objects::tuple::from_slice(&args)?;
    let wrapper_type = &raw mut crate::modules::io::textio::TextIOWrapper_Type as *mut PyObject;
    let stream = owned(crate::abstract_::call::PyObject_Call(wrapper_type, args.as_ptr(), core::ptr::null_mut()))?;
    let text_mode = if writing { "w" } else { "r" };
    crate::object::object_attr::set_attr(stream.as_ptr(), pystr::intern("mode")?.as_ptr(), pystr::from_utf8(text_mode)?.as_ptr())?;
    Ok(stream)
}

/// Makes `stdin`/`stdout`/`stderr` and their `__std*__` twins in the sys dict, from the
/// interpreter's configuration (once `_io` can be imported).
pub(crate) unsafe fn install(sysdict: *mut PyObject, config: &crate::runtime::initconfig::PyConfig) -> PyResult<()> {
    let text = |w| crate::modules::sys_functions::wide_str(w).map(|s| pystr::to_string(s.as_ptr()));
    let encoding = text(config.stdio_encoding)?;
    // Already the codec's own name (runtime::codec_names).
    let encoding = if encoding.is_empty() { "utf-8".to_string() } else { encoding };
    let errors = text(config.stdio_errors)?;
    let errors = if errors.is_empty() { "strict".to_string() } else { errors };
    let buffered = config.buffered_stdio != 0;
    let streams = [
        ("stdin", "__stdin__", 0, "<stdin>", false, errors.as_str()),
        ("stdout", "__stdout__", 1, "<stdout>", true, errors.as_str()),
        ("stderr", "__stderr__", 2, "<stderr>", true, "backslashreplace"),
    ];
    for (name, dunder, fd, label, writing, errs) in streams {
        let stream = if is_valid_fd(fd) { create_stdio(fd, label, writing, buffered, &encoding, errs)? } else { none_ref() };
        dict::set_item(sysdict, pystr::intern(dunder)?.as_ptr(), stream.as_ptr())?;
        dict::set_item(sysdict, pystr::intern(name)?.as_ptr(), stream.as_ptr())?;
    }
    Ok(())
}

/// `sys.<name>` of the current interpreter (borrowed), NULL when absent.
pub(crate) unsafe fn sys_attr(name: &str) -> *mut PyObject {
    let Some(owner) = crate::runtime::interpreter::current() else { return core::ptr::null_mut() };
    if owner.sysdict.is_null() {
        return core::ptr::null_mut();
    }
    match dict::get_item_str(owner.sysdict, name) {
        Ok(Some(v)) => v,
        Ok(None) => core::ptr::null_mut(),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            core::ptr::null_mut()
        }
    }
}

/// Calls `file.write(text)` (a `TextIOWrapper`'s own `write` directly: `print`'s path).
pub(crate) unsafe fn file_write(file: *mut PyObject, text: *mut PyObject) -> PyResult<()> {
    if (*file).ob_type == &raw mut crate::modules::io::textio::TextIOWrapper_Type {
        owned(crate::modules::io::textio::write(file, text))?;
        return Ok(());
    }
    let name = pystr::intern("write")?;
    let args = [file, text];
    owned(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), args.as_ptr(), 2, core::ptr::null_mut()))?;
    Ok(())
}

/// Calls `file.flush()`.
pub(crate) unsafe fn file_flush(file: *mut PyObject) -> PyResult<()> {
    let name = pystr::intern("flush")?;
    let args = [file];
    owned(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), args.as_ptr(), 1, core::ptr::null_mut()))?;
    Ok(())
}

/// Whether `file.closed` is true (an error counts as open, as CPython's `file_is_closed`).
unsafe fn file_is_closed(file: *mut PyObject) -> bool {
    let closed = pystr::intern("closed")
        .and_then(|n| crate::object::object_attr::get_attr(file, n.as_ptr()))
        .and_then(|c| crate::abstract_::object::is_true(c.as_ptr()));
    closed.unwrap_or_else(|_| {
        crate::errors::pyerr::PyErr_Clear();
        false
    })
}

/// Flushes `sys.stdout` and `sys.stderr` (finalization): 0, or -1 when a flush failed (a
/// stdout failure is reported as unraisable, a stderr one dropped, as CPython does).
pub(crate) unsafe fn flush_std_files() -> c_int {
    // An exception left pending by the embedder must not make the flush calls fail.
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let mut status = 0;
    for name in ["stdout", "stderr"] {
        let f = sys_attr(name);
        if f.is_null() || f == crate::abstract_::none() {
            continue;
        }
        let f = new_ref(f);
        if !file_is_closed(f.as_ptr()) && file_flush(f.as_ptr()).is_err() {
            if name == "stdout" {
                crate::errors::print::PyErr_WriteUnraisable(f.as_ptr());
            } else {
                crate::errors::pyerr::PyErr_Clear();
            }
            status = -1;
        }
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
    status
}

/// Writes all of `bytes` to `fd` (the fallback when there is no usable stream); errors
/// are dropped.
fn write_fd(fd: c_int, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: writes from a live slice.
        let n = unsafe { libc::write(fd, bytes.as_ptr() as *const core::ffi::c_void, bytes.len()) };
        if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        if n <= 0 {
            return;
        }
        bytes = &bytes[n as usize..];
    }
}

/// Writes `text` to `sys.<name>`: Ok(false) when there is no such stream (or it is None).
pub(crate) unsafe fn write_to(name: &str, text: *mut PyObject) -> PyResult<bool> {
    let f = sys_attr(name);
    if f.is_null() || f == crate::abstract_::none() {
        return Ok(false);
    }
    let f = new_ref(f);
    file_write(f.as_ptr(), text)?;
    Ok(true)
}

// ---- displayhook / excepthook -------------------------------------------------------------------

/// `sys.displayhook(object)`: None prints nothing; otherwise `repr(object)` and a newline
/// go to `sys.stdout` and `builtins._` becomes the object.
pub(crate) unsafe fn displayhook(o: *mut PyObject) -> PyResult<PyRef> {
    if o == crate::abstract_::none() {
        return Ok(none_ref());
    }
    let owner = crate::runtime::interpreter::current().ok_or_else(crate::object::pending_error::bad_internal_call)?;
    let builtins = owner.builtins;
    if builtins.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "lost builtins module"));
    }
    let underscore = pystr::intern("_")?;
    dict::set_item(builtins, underscore.as_ptr(), crate::abstract_::none())?;
    let f = sys_attr("stdout");
    if f.is_null() || f == crate::abstract_::none() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "lost sys.stdout"));
    }
    let f = new_ref(f);
    let r = crate::abstract_::object::repr(o)?;
    file_write(f.as_ptr(), r.as_ptr())?;
    file_write(f.as_ptr(), pystr::intern("\n")?.as_ptr())?;
    dict::set_item(builtins, underscore.as_ptr(), o)?;
    Ok(none_ref())
}

pub(crate) unsafe extern "C" fn displayhook_fast(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if a.len() != 1 {
        return ret(Err(type_error(format!("sys.displayhook() takes exactly one argument ({} given)", a.len()))));
    }
    ret(displayhook(a[0]))
}

pub(crate) unsafe extern "C" fn excepthook(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if a.len() != 3 {
        return ret(Err(type_error(format!("excepthook expected 3 arguments, got {}", a.len()))));
    }
    crate::errors::print::PyErr_Display(a[0], a[1], a[2]);
    none_ref().into_ptr()
}

// ---- PySys_WriteStdout & co (the Rust side of src/c/sys_write.c) -------------------------------

const TRUNCATED: &str = "... truncated";

/// Writes `text` to `sys.stdout` (which 1) or `sys.stderr` (2), or to the C stream when
/// there is none or writing fails.
unsafe fn write_text_or_c(which: c_int, text: &[u8]) {
    let name = if which == 1 { "stdout" } else { "stderr" };
    let written = match core::str::from_utf8(text) {
        Ok(t) => pystr::from_utf8(t).and_then(|s| write_to(name, s.as_ptr())).unwrap_or(false),
        Err(_) => false,
    };
    if !written {
        crate::errors::pyerr::PyErr_Clear();
        let fd = if which == 1 { 1 } else { 2 };
        libc::fflush(core::ptr::null_mut());
        write_fd(fd, text);
    }
}

/// `PySys_WriteStdout`/`Stderr` after formatting into CPython's 1001-byte buffer; the
/// pending exception is kept.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_sys_write(which: c_int, text: *const core::ffi::c_char, truncated: c_int) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    write_text_or_c(which, core::ffi::CStr::from_ptr(text).to_bytes());
    if truncated != 0 {
        write_text_or_c(which, TRUNCATED.as_bytes());
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

/// `PySys_FormatStdout`/`Stderr` once `PyUnicode_FromFormatV` made `message` (stolen; NULL
/// when formatting failed); the shim has set the pending exception aside in `saved`.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_sys_format(which: c_int, message: *mut PyObject, saved: *mut *mut PyObject) {
    if let Some(m) = PyRef::from_owned(message) {
        let name = if which == 1 { "stdout" } else { "stderr" };
        if !matches!(write_to(name, m.as_ptr()), Ok(true)) {
            crate::errors::pyerr::PyErr_Clear();
            if let Ok(bytes) = crate::abstract_::object::str_utf8(m.as_ptr()) {
                libc::fflush(core::ptr::null_mut());
                write_fd(if which == 1 { 1 } else { 2 }, &bytes);
            }
        }
    }
    crate::errors::pyerr::PyErr_Clear();
    crate::errors::pyerr::PyErr_Restore(*saved, *saved.add(1), *saved.add(2));
}
