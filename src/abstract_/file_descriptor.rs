//! `PyObject_AsFileDescriptor`: an int, or the int an object's `fileno()` returns, checked
//! to be a non-negative C int; and `_PyLong_FileDescriptor_Converter`, the `O&` converter
//! lib-dynload modules (`termios`, `fcntl`, `select`) use for file-descriptor arguments.
use core::ffi::{c_int, c_void};

use crate::abstract_::type_error;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::objects::{int, str as pystr};

/// A C int from an int (OverflowError beyond C int).
unsafe fn c_int_of(v: *mut PyObject) -> PyResult<c_int> {
    let fd = crate::objects::long_convert::_PyLong_AsInt(v);
    if fd == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    Ok(fd)
}

pub(crate) unsafe fn as_file_descriptor(o: *mut PyObject) -> PyResult<c_int> {
    if o.is_null() {
        return Err(bad_internal_call());
    }
    let fd = if int::is_int(o) {
        c_int_of(o)?
    } else {
        let name = pystr::intern("fileno")?;
        let Some(method) = crate::object::object_attr::lookup_attr(o, name.as_ptr())? else {
            return Err(type_error("argument must be an int, or have a fileno() method."));
        };
        let r = crate::abstract_::from_slot(crate::abstract_::call::PyObject_CallNoArgs(method.as_ptr()))?;
        if !int::is_int(r.as_ptr()) {
            return Err(type_error("fileno() returned a non-integer"));
        }
        c_int_of(r.as_ptr())?
    };
    if fd < 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// `int PyObject_AsFileDescriptor(PyObject *o)`: the descriptor, or -1 with an error.
#[no_mangle]
pub unsafe extern "C" fn PyObject_AsFileDescriptor(o: *mut PyObject) -> c_int {
    as_file_descriptor(o).unwrap_or(-1)
}

/// `int _PyLong_FileDescriptor_Converter(PyObject *o, void *ptr)`: `*(int *)ptr` = the
/// descriptor; 1 on success, 0 with an error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_FileDescriptor_Converter(o: *mut PyObject, ptr: *mut c_void) -> c_int {
    match as_file_descriptor(o) {
        Ok(fd) => {
            *(ptr as *mut c_int) = fd;
            1
        }
        Err(_) => 0,
    }
}
