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
