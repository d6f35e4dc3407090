//! The file-object helpers of the C-API (CPython's fileobject.c), which work on any object
//! with `write`/`readline` methods: `PyFile_WriteObject`, `PyFile_WriteString`,
//! `PyFile_GetLine`.
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::{ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, str as pystr};

/// `Py_PRINT_RAW`: write `str(obj)` instead of `repr(obj)`.
const PRINT_RAW: c_int = 1;

/// `int PyFile_WriteObject(PyObject *obj, PyObject *f, int flags)`.
#[no_mangle]
pub unsafe extern "C" fn PyFile_WriteObject(obj: *mut PyObject, f: *mut PyObject, flags: c_int) -> c_int {
    let r = (|| -> PyResult<()> {
        if f.is_null() {
            return Err(type_error("writeobject with NULL file"));
        }
        if obj.is_null() {
            return Err(bad_internal_call());
        }
        let text = if flags & PRINT_RAW != 0 { crate::abstract_::object::str(obj)? } else { crate::abstract_::object::repr(obj)? };
        crate::modules::sys_stdio::file_write(f, text.as_ptr())
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// `int PyFile_WriteString(const char *s, PyObject *f)`: fails at once when an error is
/// pending (as CPython).
#[no_mangle]
pub unsafe extern "C" fn PyFile_WriteString(s: *const c_char, f: *mut PyObject) -> c_int {
    if f.is_null() {
        if crate::errors::pyerr::PyErr_Occurred().is_null() {
            let _ = raise_type(&raw mut exc::_PyExc_SystemError, "null file for PyFile_WriteString");
        }
        return -1;
    }
    if !crate::errors::pyerr::PyErr_Occurred().is_null() || s.is_null() {
        return -1;
    }
    let text = String::from_utf8_lossy(CStr::from_ptr(s).to_bytes()).into_owned();
    match pystr::from_utf8(&text) {
        Ok(v) => PyFile_WriteObject(v.as_ptr(), f, PRINT_RAW),
        Err(_) => -1,
    }
}

/// `f.readline()` (or `f.readline(n)` for n > 0); with n < 0 an empty result is EOFError
/// and a trailing newline is removed.
///
/// # Safety
/// `f` is a live object.
pub(crate) unsafe fn get_line(f: *mut PyObject, n: c_int) -> PyResult<PyRef> {
    let name = pystr::intern("readline")?;
    let method = crate::object::object_attr::get_attr(f, name.as_ptr())?;
    let result = if n <= 0 {
        crate::modules::owned(crate::abstract_::call::PyObject_CallNoArgs(method.as_ptr()))?
    } else {
        let arg = int::from_i64(n as i64)?;
        crate::modules::owned(crate::abstract_::call::PyObject_CallOneArg(method.as_ptr(), arg.as_ptr()))?
    };
    let r = result.as_ptr();
    let is_str = pystr::is_str(r);
    if !is_str && !bytes::is_bytes(r) {
        return Err(type_error("object.readline() returned non-string"));
    }
    if n >= 0 {
        return Ok(result);
    }
    let len = if is_str { pystr::len(r) } else { bytes::as_slice(r).len() };
    if len == 0 {
        return Err(raise_type(&raw mut exc::_PyExc_EOFError, "EOF when reading a line"));
    }
    if is_str {
        if pystr::read_char(r, len - 1) == '\n' as u32 {
            return crate::modules::owned(crate::objects::str_access::PyUnicode_Substring(r, 0, len as isize - 1));
        }
    } else if bytes::as_slice(r)[len - 1] == b'\n' {
        return bytes::from_slice(&bytes::as_slice(r)[..len - 1]);
    }
    Ok(result)
}

/// `PyObject *PyFile_GetLine(PyObject *f, int n)`.
#[no_mangle]
pub unsafe extern "C" fn PyFile_GetLine(f: *mut PyObject, n: c_int) -> *mut PyObject {
    if f.is_null() {
        return ret_obj(Err(bad_internal_call()));
    }
    ret_obj(get_line(f, n))
}

/// `PyObject *PyFile_FromFd(int fd, const char *name, const char *mode, int buffering,
/// const char *encoding, const char *errors, const char *newline, int closefd)`:
/// `io.open(fd, mode, buffering, encoding, errors, newline, closefd)`, then `name` set on
/// the result when it takes it (a failure there is ignored, as CPython does). A NULL string
/// argument is passed as None.
#[no_mangle]
pub unsafe extern "C" fn PyFile_FromFd(
    fd: c_int,
    name: *const c_char,
    mode: *const c_char,
    buffering: c_int,
    encoding: *const c_char,
    errors: *const c_char,
    newline: *const c_char,
    closefd: c_int,
) -> *mut PyObject {
    let text = |s: *const c_char| -> PyResult<PyRef> {
        if s.is_null() {
            return Ok(crate::modules::none_ref());
        }
        crate::modules::owned(crate::objects::str::PyUnicode_FromString(s))
    };
    ret_obj((|| {
        let io = crate::modules::owned(crate::import::api::PyImport_ImportModule(c"io".as_ptr()))?;
        let open = crate::object::object_attr::get_attr(io.as_ptr(), pystr::intern("open")?.as_ptr())?;
        let args = crate::objects::tuple::from_slice(&[
            int::from_i64(fd as i64)?,
            text(mode)?,
            int::from_i64(buffering as i64)?,
            text(encoding)?,
            text(errors)?,
            text(newline)?,
            crate::modules::io::common::py_bool(closefd != 0),
        ])?;
        let stream = crate::modules::owned(crate::abstract_::call::PyObject_Call(open.as_ptr(), args.as_ptr(), core::ptr::null_mut()))?;
        if !name.is_null() {
            let n = crate::modules::owned(crate::codecs::fs_encoding::PyUnicode_DecodeFSDefault(name))?;
            if crate::object::object_attr::set_attr(stream.as_ptr(), pystr::intern("name")?.as_ptr(), n.as_ptr()).is_err() {
                crate::errors::pyerr::PyErr_Clear();
            }
        }
        Ok(stream)
    })())
}

/// The hook `PyFile_SetOpenCodeHook` installed, with its user data (kept for the process,
/// as CPython keeps it in the runtime state).
#[cfg(not(Py_LIMITED_API))]
static mut OPEN_CODE_HOOK: (crate::runtime::hooks::Py_OpenCodeHookFunction, *mut core::ffi::c_void) = (None, core::ptr::null_mut());

/// `int PyFile_SetOpenCodeHook(Py_OpenCodeHookFunction hook, void *userData)`: installs the
/// hook once (audited as "setopencodehook"); a second call fails.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFile_SetOpenCodeHook(hook: crate::runtime::hooks::Py_OpenCodeHookFunction, user_data: *mut core::ffi::c_void) -> c_int {
    let initialized = crate::runtime::lifecycle::Py_IsInitialized() != 0;
    if initialized && crate::modules::sys_audit::audit_no_args(c"setopencodehook").is_err() {
        return -1;
    }
    if (*(&raw const OPEN_CODE_HOOK)).0.is_some() {
        if initialized {
            let _ = raise_type(&raw mut exc::_PyExc_SystemError, "failed to change existing open_code hook");
        }
        return -1;
    }
    OPEN_CODE_HOOK = (hook, user_data);
    0
}

/// `PyObject *PyFile_OpenCodeObject(PyObject *path)`: the hook's result for `path` (a str),
/// or `_io.open(path, "rb")`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFile_OpenCodeObject(path: *mut PyObject) -> *mut PyObject {
    if path.is_null() || !pystr::is_str(path) {
        let name = if path.is_null() { String::from("NoneType") } else { crate::abstract_::tp_name(path) };
        return ret_obj(Err(type_error(format!("'path' must be 'str', not '{name}'"))));
    }
    let (hook, data) = *(&raw const OPEN_CODE_HOOK);
    if let Some(h) = hook {
        return h(path, data);
    }
    ret_obj(crate::modules::io::open::open(path, "rb", -1, None, None, None, true, crate::abstract_::none()))
}

/// `PyObject *PyFile_OpenCode(const char *utf8path)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFile_OpenCode(utf8path: *const c_char) -> *mut PyObject {
    if utf8path.is_null() {
        return ret_obj(Err(bad_internal_call()));
    }
    let p = crate::objects::str::PyUnicode_FromString(utf8path);
    if p.is_null() {
        return p;
    }
    let r = PyFile_OpenCodeObject(p);
    crate::object::refcount::Py_DecRef(p);
    r
}

/// `char *_Py_UniversalNewlineFgetsWithSize(char *buf, int n, FILE *stream, PyObject *fobj,
/// size_t *size)`: reads one line of at most `n - 1` bytes into `buf` (NUL-terminated),
/// turning `\r\n` and a lone `\r` into `\n`; the line's length in `*size` (if not NULL).
/// NULL at the end of the file with nothing read, or (ENXIO) when `fobj` is given: only C
/// streams are read.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_UniversalNewlineFgetsWithSize(
    buf: *mut c_char,
    n: c_int,
    stream: *mut libc::FILE,
    fobj: *mut PyObject,
    size: *mut usize,
) -> *mut c_char {
    if !fobj.is_null() {
        *libc::__errno_location() = libc::ENXIO;
        return core::ptr::null_mut();
    }
    if buf.is_null() || stream.is_null() || n <= 0 {
        return core::ptr::null_mut();
    }
    let mut len = 0usize;
    let limit = (n - 1) as usize;
    while len < limit {
        let mut c = libc::fgetc(stream);
        if c == libc::EOF {
            break;
        }
        if c == b'\r' as c_int {
            let next = libc::fgetc(stream);
            if next != b'\n' as c_int && next != libc::EOF {
                libc::ungetc(next, stream);
            }
            c = b'\n' as c_int;
        }
        *buf.add(len) = c as c_char;
        len += 1;
        if c == b'\n' as c_int {
            break;
        }
    }
    *buf.add(len) = 0;
    if !size.is_null() {
        *size = len;
    }
    if len == 0 { core::ptr::null_mut() } else { buf }
}

/// `char *Py_UniversalNewlineFgets(char *buf, int n, FILE *stream, PyObject *fobj)`:
/// `_Py_UniversalNewlineFgetsWithSize` without the size.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_UniversalNewlineFgets(buf: *mut c_char, n: c_int, stream: *mut libc::FILE, fobj: *mut PyObject) -> *mut c_char {
    _Py_UniversalNewlineFgetsWithSize(buf, n, stream, fobj, core::ptr::null_mut())
}
