//! The `PyErr_*` functions that build an exception instance before raising it:
//! `PyErr_NoMemory`, `PyErr_SetFromErrno*` (an OSError subclass per errno, with the
//! message of `strerror`), `PyErr_SetImportError*`.
use core::ffi::{c_char, CStr};

use crate::errors::baseexception::{self as be};
use crate::errors::exception_types as exc;
use crate::errors::normalize::instantiate_kw;
use crate::errors::objtext;
use crate::errors::pyerr::{is_exception_class, PyErr_SetObject};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, str as pystr, tuple};

/// `PyObject *PyErr_NoMemory(void)`: sets MemoryError (no value, as CPython 3.11) and
/// returns NULL.
#[no_mangle]
pub unsafe extern "C" fn PyErr_NoMemory() -> *mut PyObject {
    let _ = crate::object::pending_error::no_memory();
    core::ptr::null_mut()
}

/// Raises `v` with its own class as the type.
unsafe fn raise_instance(v: PyRef) {
    PyErr_SetObject((*v.as_ptr()).ob_type as *mut PyObject, v.as_ptr());
}

/// The message of an errno: "Error" for 0, else `strerror`.
fn errno_message(errno: i32) -> String {
    if errno == 0 {
        return "Error".into();
    }
    // SAFETY: strerror returns a NUL-terminated string valid until the next call; it is
    // copied at once (the GIL serializes callers).
    unsafe { CStr::from_ptr(libc::strerror(errno)).to_string_lossy().into_owned() }
}

/// `exc(errno, strerror(errno)[, filename[, 0, filename2]])` raised with the class of the
/// instance (OSError picks the errno's subclass).
unsafe fn set_from_errno(exc: *mut PyObject, f1: *mut PyObject, f2: *mut PyObject, errno: i32) -> PyResult<()> {
    // An interrupted call: a signal handler's exception wins.
    if errno == libc::EINTR && crate::runtime::signals::PyErr_CheckSignals() != 0 {
        return Err(Raised::assume_set());
    }
    let mut items = vec![objtext::new_int(errno as i64)?, pystr::from_utf8(&errno_message(errno))?];
    if let Some(f1) = PyRef::from_borrowed(f1) {
        items.push(f1);
        if let Some(f2) = PyRef::from_borrowed(f2) {
            items.push(objtext::new_int(0)?);
            items.push(f2);
        }
    }
    let args = tuple::from_slice(&items)?;
    if exc.is_null() || !is_exception_class(exc) {
        // CPython calls whatever it is given; a non-class here can only fail.
        let name = if exc.is_null() { "NoneType".to_string() } else { objtext::type_name_of(exc) };
        return Err(raise(ExcType::TypeError, format!("'{name}' object is not callable")));
    }
    let v = instantiate_kw(exc as *mut PyTypeObject, args.as_ptr(), core::ptr::null_mut())?;
    raise_instance(v);
    Ok(())
}

fn errno() -> i32 {
    // SAFETY: the calling thread's errno.
    unsafe { *libc::__errno_location() }
}

/// `PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *exc, PyObject *f1, PyObject *f2)`.
#[cfg(not(limited_api_before_3_4))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilenameObjects(exc: *mut PyObject, f1: *mut PyObject, f2: *mut PyObject) -> *mut PyObject {
    let e = errno();
    let _ = set_from_errno(exc, f1, f2, e);
    core::ptr::null_mut()
}

/// `PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *exc, PyObject *filename)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilenameObject(exc: *mut PyObject, filename: *mut PyObject) -> *mut PyObject {
    PyErr_SetFromErrnoWithFilenameObjects(exc, filename, core::ptr::null_mut())
}

/// `PyObject *PyErr_SetFromErrno(PyObject *exc)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrno(exc: *mut PyObject) -> *mut PyObject {
    PyErr_SetFromErrnoWithFilenameObjects(exc, core::ptr::null_mut(), core::ptr::null_mut())
}

/// `PyObject *PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename)`: the
/// file name decoded from UTF-8 (the file system encoding; undecodable bytes are escaped
/// as lone surrogates in CPython, replaced here).
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilename(exc: *mut PyObject, filename: *const c_char) -> *mut PyObject {
    let e = errno();
    let name = if filename.is_null() {
        None
    } else {
        match pystr::from_utf8(&CStr::from_ptr(filename).to_string_lossy()) {
            Ok(n) => Some(n),
            Err(_) => return core::ptr::null_mut(),
        }
    };
    let f1 = name.as_ref().map_or(core::ptr::null_mut(), |n| n.as_ptr());
    let _ = set_from_errno(exc, f1, core::ptr::null_mut(), e);
    core::ptr::null_mut()
}

/// `PyObject *PyErr_SetImportErrorSubclass(PyObject *exc, PyObject *msg, PyObject *name,
/// PyObject *path)`: raises `exc(msg, name=name, path=path)`.
#[cfg(not(limited_api_before_3_6))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetImportErrorSubclass(
    exception: *mut PyObject,
    msg: *mut PyObject,
    name: *mut PyObject,
    path: *mut PyObject,
) -> *mut PyObject {
    let _ = set_import_error(exception, msg, name, path);
    core::ptr::null_mut()
}

/// `PyObject *PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path)`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetImportError(msg: *mut PyObject, name: *mut PyObject, path: *mut PyObject) -> *mut PyObject {
    PyErr_SetImportErrorSubclass(&raw mut exc::_PyExc_ImportError as *mut PyObject, msg, name, path)
}

unsafe fn set_import_error(exception: *mut PyObject, msg: *mut PyObject, name: *mut PyObject, path: *mut PyObject) -> PyResult<()> {
    let import_error = &raw mut exc::_PyExc_ImportError;
    if exception.is_null()
        || !is_exception_class(exception)
        || !crate::object::typetype::is_subtype(exception as *mut PyTypeObject, import_error)
    {
        return Err(raise(ExcType::TypeError, "expected a subclass of ImportError"));
    }
    if msg.is_null() {
        return Err(raise(ExcType::TypeError, "expected a message argument"));
    }
    let kwargs = dict::new()?;
    let name_key = pystr::intern("name")?;
    let path_key = pystr::intern("path")?;
    dict::set_item(kwargs.as_ptr(), name_key.as_ptr(), be::or_none(name))?;
    dict::set_item(kwargs.as_ptr(), path_key.as_ptr(), be::or_none(path))?;
    let args = tuple::from_slice(&[PyRef::from_borrowed(msg).ok_or_else(Raised::assume_set)?])?;
    let v = instantiate_kw(exception as *mut PyTypeObject, args.as_ptr(), kwargs.as_ptr())?;
    raise_instance(v);
    Ok(())
}

/// `PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict)`: a new
/// exception class `type(class, bases, dict)` for `name` "module.class", with base
/// `Exception` by default (a tuple of bases is taken as it is) and `__module__` from the
/// name unless `dict` has one.
#[no_mangle]
pub unsafe extern "C" fn PyErr_NewException(name: *const c_char, base: *mut PyObject, dict: *mut PyObject) -> *mut PyObject {
    be::to_c(new_exception(name, base, dict))
}

unsafe fn new_exception(name: *const c_char, base: *mut PyObject, dict: *mut PyObject) -> PyResult<PyRef> {
    let full = if name.is_null() { String::new() } else { CStr::from_ptr(name).to_string_lossy().into_owned() };
    let Some(dot) = full.rfind('.') else {
        return Err(crate::object::pending_error::raise_type(
            &raw mut exc::_PyExc_SystemError,
            "PyErr_NewException: name must be module.class",
        ));
    };
    let base = if base.is_null() { &raw mut exc::_PyExc_Exception as *mut PyObject } else { base };
    let dict = match PyRef::from_borrowed(dict) {
        Some(d) => d,
        None => dict::new()?,
    };
    if dict::get_item_str(dict.as_ptr(), "__module__")?.is_none() {
        let key = pystr::intern("__module__")?;
        dict::set_item(dict.as_ptr(), key.as_ptr(), pystr::from_utf8(&full[..dot])?.as_ptr())?;
    }
    let bases = if tuple::is_tuple(base) {
        PyRef::from_borrowed(base).expect("live")
    } else {
        tuple::from_slice(&[PyRef::from_borrowed(base).expect("live")])?
    };
    let args = tuple::from_slice(&[pystr::from_utf8(&full[dot + 1..])?, bases, dict])?;
    let tp = &raw mut crate::object::typetype::PyType_Type as *mut PyObject;
    PyRef::from_owned(crate::abstract_::call::PyObject_Call(tp, args.as_ptr(), core::ptr::null_mut()))
        .ok_or_else(Raised::assume_set)
}

/// `PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base,
/// PyObject *dict)`: `PyErr_NewException` with `__doc__` set from `doc`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_NewExceptionWithDoc(
    name: *const c_char,
    doc: *const c_char,
    base: *mut PyObject,
    dict: *mut PyObject,
) -> *mut PyObject {
    be::to_c((|| {
        let dict = match PyRef::from_borrowed(dict) {
            Some(d) => d,
            None => dict::new()?,
        };
        if !doc.is_null() {
            let d = PyRef::from_owned(pystr::PyUnicode_FromString(doc)).ok_or_else(Raised::assume_set)?;
            let key = pystr::intern("__doc__")?;
            dict::set_item(dict.as_ptr(), key.as_ptr(), d.as_ptr())?;
        }
        new_exception(name, base, dict.as_ptr())
    })())
}

/// `void _PyErr_SetKeyError(PyObject *key)`: KeyError whose single argument is `key`
/// (even when the key is a tuple).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyErr_SetKeyError(key: *mut PyObject) {
    if key.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return;
    }
    let _ = crate::objects::dict::set_key_error(key);
}

/// `int _PyErr_CheckSignals(void)`: `PyErr_CheckSignals` (the thread-state form of it).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyErr_CheckSignals() -> core::ffi::c_int {
    crate::runtime::signals::PyErr_CheckSignals()
}
