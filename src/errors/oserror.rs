//! `OSError` and its subclasses: `errno`, `strerror`, `filename`, `filename2`,
//! `characters_written` (BlockingIOError), the errno -> subclass mapping of
//! `OSError(errno, ...)`, and CPython's `[Errno N] message: 'file'` str.
// Slots are compared by address on purpose, as CPython does to see an overridden `__init__`.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::{c_int, c_void};

use crate::errors::baseexception::{self as be, clear_field, to_c, to_status};
use crate::errors::exception_types as exc;
use crate::errors::exceptions::PyOSErrorObject;
use crate::errors::objtext;
use crate::errors::raised::PyResult;
use crate::object::member::PyMemberDef;
use crate::object::descr::PyGetSetDef;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_ssize_t;

unsafe fn os<'a>(op: *mut PyObject) -> &'a mut PyOSErrorObject {
    &mut *(op as *mut PyOSErrorObject)
}

/// The subclass `OSError(errno, ...)` creates for `errno` (Linux's values), if any.
pub(crate) fn subclass_for_errno(errno: i64) -> Option<*mut PyTypeObject> {
    let e = c_int::try_from(errno).ok()?;
    // SAFETY: only the addresses of the static types are taken.
    let tp = match e {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &raw mut exc::_PyExc_BlockingIOError,
        libc::ECHILD => &raw mut exc::_PyExc_ChildProcessError,
        libc::EPIPE | libc::ESHUTDOWN => &raw mut exc::_PyExc_BrokenPipeError,
        libc::ECONNABORTED => &raw mut exc::_PyExc_ConnectionAbortedError,
        libc::ECONNREFUSED => &raw mut exc::_PyExc_ConnectionRefusedError,
        libc::ECONNRESET => &raw mut exc::_PyExc_ConnectionResetError,
        libc::EEXIST => &raw mut exc::_PyExc_FileExistsError,
        libc::ENOENT => &raw mut exc::_PyExc_FileNotFoundError,
        libc::EISDIR => &raw mut exc::_PyExc_IsADirectoryError,
        libc::ENOTDIR => &raw mut exc::_PyExc_NotADirectoryError,
        libc::EINTR => &raw mut exc::_PyExc_InterruptedError,
        libc::EACCES | libc::EPERM => &raw mut exc::_PyExc_PermissionError,
        libc::ESRCH => &raw mut exc::_PyExc_ProcessLookupError,
        libc::ETIMEDOUT => &raw mut exc::_PyExc_TimeoutError,
        _ => return None,
    };
    Some(tp)
}

/// Whether `tp` (a Python subclass) overrides `__init__` but not `__new__`: then the
/// arguments are parsed by `__init__` instead of `__new__`.
unsafe fn use_init(tp: *mut PyTypeObject) -> bool {
    (*tp).tp_init != Some(oserror_init) && (*tp).tp_new == Some(oserror_new)
}

/// `OSError.__new__`: picks the errno subclass and fills the fields from the arguments.
pub(crate) unsafe extern "C" fn oserror_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let mut tp = tp;
        let args = be::args_tuple(args)?;
        if !use_init(tp) {
            be::no_keywords(tp, kwds)?;
            let items = tuple::items(args.as_ptr());
            if (2..=5).contains(&items.len()) && tp == &raw mut exc::_PyExc_OSError {
                if let Some(sub) = objtext::int_value(items[0]).and_then(subclass_for_errno) {
                    tp = sub;
                }
            }
        }
        let op = be::new_instance(tp, args.as_ptr())?;
        os(op.as_ptr()).written = -1;
        if !use_init(tp) {
            fill_fields(op.as_ptr(), args.as_ptr())?;
        }
        Ok(op)
    })())
}

/// `OSError.__init__`: does the work of `__new__` for subclasses that override `__init__`.
pub(crate) unsafe extern "C" fn oserror_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    if !use_init((*op).ob_type) {
        return 0;
    }
    to_status((|| {
        be::no_keywords((*op).ob_type, kwds)?;
        let args = be::args_tuple(args)?;
        be::set_args(op, args.as_ptr())?;
        fill_fields(op, args.as_ptr())
    })())
}

/// `(errno, strerror[, filename[, winerror[, filename2]]])`: with a filename, `args` keeps
/// only `(errno, strerror)`; BlockingIOError's third argument is `characters_written`.
unsafe fn fill_fields(op: *mut PyObject, args: *mut PyObject) -> PyResult<()> {
    let items = tuple::items(args);
    if !(2..=5).contains(&items.len()) {
        return Ok(());
    }
    let o = os(op);
    be::set_field(&mut o.myerrno, items[0]);
    be::set_field(&mut o.strerror, items[1]);
    let filename = items.get(2).copied().filter(|&f| f != be::none());
    let filename2 = items.get(4).copied().filter(|&f| f != be::none());
    if let Some(f) = filename {
        if (*op).ob_type == &raw mut exc::_PyExc_BlockingIOError && objtext::is_int(f) {
            match objtext::int_value(f) {
                Some(v) => o.written = v as Py_ssize_t,
                None => {
                    return Err(raise_type(
                        &raw mut exc::_PyExc_ValueError,
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
            }
        } else {
            be::set_field(&mut o.filename, f);
            if let Some(f2) = filename2 {
                be::set_field(&mut o.filename2, f2);
            }
            let short = tuple::from_slice(&[
                PyRef::from_borrowed(items[0]).expect("live"),
                PyRef::from_borrowed(items[1]).expect("live"),
            ])?;
            be::set_args(op, short.as_ptr())?;
        }
    }
    Ok(())
}

/// `OSError.__str__`.
pub(crate) unsafe extern "C" fn oserror_str(op: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let o = os(op);
        if !o.filename.is_null() {
            let errno = objtext::str_or_null(o.myerrno)?;
            let strerror = objtext::str_or_null(o.strerror)?;
            let file = objtext::repr_string(o.filename)?;
            let text = if !o.filename2.is_null() {
                let file2 = objtext::repr_string(o.filename2)?;
                format!("[Errno {errno}] {strerror}: {file} -> {file2}")
            } else {
                format!("[Errno {errno}] {strerror}: {file}")
            };
            return pystr::from_utf8(&text);
        }
        if !o.myerrno.is_null() && !o.strerror.is_null() {
            let errno = objtext::str_string(o.myerrno)?;
            let strerror = objtext::str_string(o.strerror)?;
            return pystr::from_utf8(&format!("[Errno {errno}] {strerror}"));
        }
        be::str_of_args(op)
    })())
}

pub(crate) unsafe extern "C" fn oserror_clear(op: *mut PyObject) -> c_int {
    let o = os(op);
    clear_field(&mut o.myerrno);
    clear_field(&mut o.strerror);
    clear_field(&mut o.filename);
    clear_field(&mut o.filename2);
    be::clear_head(op);
    0
}

pub(crate) unsafe extern "C" fn oserror_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let o = os(op);
    let r = be::visit_all(&[o.myerrno, o.strerror, o.filename, o.filename2], visit, arg);
    if r != 0 {
        return r;
    }
    be::traverse_head(op, visit, arg)
}

unsafe extern "C" fn get_written(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let w = os(op).written;
    if w == -1 {
        let _ = raise_type(&raw mut exc::_PyExc_AttributeError, "characters_written");
        return core::ptr::null_mut();
    }
    to_c(crate::errors::objtext::new_int(w as i64))
}

unsafe extern "C" fn set_written(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    let o = os(op);
    if value.is_null() {
        if o.written == -1 {
            let _ = raise_type(&raw mut exc::_PyExc_AttributeError, "characters_written");
            return -1;
        }
        o.written = -1;
        return 0;
    }
    match crate::errors::objtext::index_value(value) {
        Ok(v) => {
            o.written = v as Py_ssize_t;
            0
        }
        Err(_) => -1,
    }
}

macro_rules! os_member {
    ($name:literal, $field:ident, $doc:literal) => {
        PyMemberDef {
            name: $name.as_ptr(),
            r#type: crate::object::member::T_OBJECT,
            offset: core::mem::offset_of!(PyOSErrorObject, $field) as Py_ssize_t,
            flags: 0,
            doc: $doc.as_ptr(),
        }
    };
}

pub(crate) static mut OSERROR_MEMBERS: [PyMemberDef; 5] = [
    os_member!(c"errno", myerrno, c"POSIX exception code"),
    os_member!(c"strerror", strerror, c"exception strerror"),
    os_member!(c"filename", filename, c"exception filename"),
    os_member!(c"filename2", filename2, c"second exception filename"),
    be::END_MEMBER,
];

pub(crate) static mut OSERROR_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"characters_written".as_ptr(),
        get: Some(get_written),
        set: Some(set_written),
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
    be::END_GETSET,
];

/// `OSError.__reduce__`: `(type, args[, dict])`, the filenames put back into a two-item
/// `args` (`(errno, strerror, filename)`, or five items with `filename2`).
unsafe extern "C" fn oserror_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let o = &*(op as *mut PyOSErrorObject);
        let tp = crate::abstract_::new_ref((*op).ob_type as *mut PyObject);
        let mut args = if o.args.is_null() { tuple::new(0)? } else { crate::abstract_::new_ref(o.args) };
        if tuple::len(args.as_ptr()) == 2 && !o.filename.is_null() {
            let a = tuple::items(args.as_ptr());
            args = if o.filename2.is_null() {
                tuple::from_ptrs(&[a[0], a[1], o.filename])?
            } else {
                tuple::from_ptrs(&[a[0], a[1], o.filename, be::none(), o.filename2])?
            };
        }
        match PyRef::from_borrowed(o.dict) {
            Some(d) => tuple::from_vec(vec![tp, args, d]),
            None => tuple::from_vec(vec![tp, args]),
        }
    })())
}

pub(crate) static mut OSERROR_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", oserror_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::END,
];
