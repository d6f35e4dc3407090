//! `BaseException` instances: creation (`args` tuple), GC support, `str`/`repr`, the
//! attributes every exception has (`args`, `__traceback__`, `__context__`, `__cause__`,
//! `__suppress_context__`, `__dict__`) as getsets/members, the methods `with_traceback`,
//! `add_note`, `__reduce__`, and the `PyException_*` accessors.
//!
//! Every builtin exception type gets its slots from here or from the file of its family
//! (oserror.rs, syntaxerror.rs, ...); tools/gen_exception_types.py wires them.
use core::ffi::{c_char, c_int, c_void};

use crate::errors::exceptions::PyBaseExceptionObject;
use crate::errors::objtext;
use crate::errors::raised::{PyResult, Raised};
use crate::object::member::{PyMemberDef, T_BOOL};
use crate::object::descr::PyGetSetDef;
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::refcount::{Py_DecRef, Py_IncRef};
use crate::object::slots::visitproc;
use crate::object::typeobject::PyTypeObject;
use crate::objects::singletons::_Py_NoneStruct;
use crate::objects::{dict, str as pystr, tuple};

/// The `PyException_HEAD` of any exception instance.
#[inline]
pub(crate) unsafe fn head<'a>(op: *mut PyObject) -> &'a mut PyBaseExceptionObject {
    &mut *(op as *mut PyBaseExceptionObject)
}

pub(crate) fn none() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

/// `op`, or None when it is NULL (borrowed).
pub(crate) fn or_none(op: *mut PyObject) -> *mut PyObject {
    if op.is_null() { none() } else { op }
}

/// A new reference to `op`, or to None when it is NULL.
pub(crate) unsafe fn new_ref_or_none(op: *mut PyObject) -> *mut PyObject {
    let r = if op.is_null() { none() } else { op };
    Py_IncRef(r);
    r
}

/// Replaces the owned pointer in `field` with `value` (a new reference is taken).
pub(crate) unsafe fn set_field(field: &mut *mut PyObject, value: *mut PyObject) {
    Py_IncRef(value);
    let old = core::mem::replace(field, value);
    Py_DecRef(old);
}

/// Clears the owned pointer in `field`.
pub(crate) unsafe fn clear_field(field: &mut *mut PyObject) {
    let old = core::mem::replace(field, core::ptr::null_mut());
    Py_DecRef(old);
}

/// `Err(Raised)` -> NULL, `Ok(r)` -> the owned pointer.
pub(crate) fn to_c(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `Err(Raised)` -> -1, `Ok(())` -> 0.
pub(crate) fn to_status(r: PyResult<()>) -> c_int {
    r.map_or(-1, |()| 0)
}

/// The short name of a type (`_PyType_Name`: after the last dot).
pub(crate) unsafe fn short_type_name(tp: *mut PyTypeObject) -> String {
    crate::object::typetype::short_name(tp)
}

/// Whether `op` is an exception instance (`PyExceptionInstance_Check`).
pub(crate) unsafe fn is_instance(op: *mut PyObject) -> bool {
    crate::errors::pyerr::is_exception_instance(op)
}

/// An empty tuple.
pub(crate) fn empty_tuple() -> PyResult<PyRef> {
    tuple::new(0)
}

/// Refuses keyword arguments: "X() takes no keyword arguments".
pub(crate) unsafe fn no_keywords(tp: *mut PyTypeObject, kwds: *mut PyObject) -> PyResult<()> {
    if !kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) != 0 {
        let name = crate::object::typetype::type_name(tp);
        return Err(raise(ExcType::TypeError, format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// The args tuple of a call (NULL: no arguments).
pub(crate) unsafe fn args_tuple(args: *mut PyObject) -> PyResult<PyRef> {
    match PyRef::from_borrowed(args) {
        Some(a) if tuple::is_tuple(a.as_ptr()) => Ok(a),
        _ => empty_tuple(),
    }
}

// ---- creation and GC ------------------------------------------------------------------------

/// `BaseException.__new__`: an instance whose `args` are the call's arguments.
pub(crate) unsafe extern "C" fn base_new(tp: *mut PyTypeObject, args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    to_c(new_instance(tp, args))
}

/// Allocates an instance of `tp` with `args` (a tuple, or NULL for none).
pub(crate) unsafe fn new_instance(tp: *mut PyTypeObject, args: *mut PyObject) -> PyResult<PyRef> {
    let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = PyRef::from_owned(alloc(tp, 0)).ok_or_else(Raised::assume_set)?;
    let args = args_tuple(args)?;
    head(op.as_ptr()).args = args.into_ptr();
    Ok(op)
}

/// `BaseException.__init__`: sets `args` (no keyword arguments).
pub(crate) unsafe extern "C" fn base_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status(init_args(op, args, kwds))
}

pub(crate) unsafe fn init_args(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> PyResult<()> {
    no_keywords((*op).ob_type, kwds)?;
    set_args(op, args)
}

/// Stores `args` (a tuple; NULL means none) as the instance's args.
pub(crate) unsafe fn set_args(op: *mut PyObject, args: *mut PyObject) -> PyResult<()> {
    let args = args_tuple(args)?;
    let old = core::mem::replace(&mut head(op).args, args.into_ptr());
    Py_DecRef(old);
    Ok(())
}

/// Clears the fields every exception has (`tp_clear`).
pub(crate) unsafe fn clear_head(op: *mut PyObject) {
    let h = head(op);
    clear_field(&mut h.dict);
    clear_field(&mut h.args);
    clear_field(&mut h.notes);
    clear_field(&mut h.traceback);
    clear_field(&mut h.cause);
    clear_field(&mut h.context);
}

pub(crate) unsafe extern "C" fn base_clear(op: *mut PyObject) -> c_int {
    clear_head(op);
    0
}

/// Visits the references of the exception head (`tp_traverse`).
pub(crate) unsafe fn traverse_head(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let h = head(op);
    visit_all(&[h.dict, h.args, h.notes, h.traceback, h.cause, h.context], visit, arg)
}

/// Calls `visit` on each non-NULL object; stops at the first non-zero result.
pub(crate) unsafe fn visit_all(objs: &[*mut PyObject], visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    for &o in objs {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub(crate) unsafe extern "C" fn base_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_head(op, visit, arg)
}

/// Frees an exception whose type's `tp_clear` releases everything it owns.
pub(crate) unsafe extern "C" fn base_dealloc(op: *mut PyObject) {
    let tp = (*op).ob_type;
    crate::object::objimpl::PyObject_GC_UnTrack(op as *mut c_void);
    if let Some(clear) = (*tp).tp_clear {
        clear(op);
    } else {
        clear_head(op);
    }
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::objimpl::PyObject_GC_Del(op as *mut c_void),
    }
}

// ---- str and repr ---------------------------------------------------------------------------

/// `BaseException.__str__`: '' without args, `str(arg)` for one, `str(args)` otherwise.
pub(crate) unsafe extern "C" fn base_str(op: *mut PyObject) -> *mut PyObject {
    to_c(str_of_args(op))
}

pub(crate) unsafe fn str_of_args(op: *mut PyObject) -> PyResult<PyRef> {
    let args = head(op).args;
    if args.is_null() {
        return pystr::from_utf8("");
    }
    match tuple::len(args) {
        0 => pystr::from_utf8(""),
        1 => objtext::str(tuple::items(args)[0]),
        _ => objtext::str(args),
    }
}

/// `BaseException.__repr__`: `Name(arg)` for one argument, `Name` + repr(args) otherwise.
pub(crate) unsafe extern "C" fn base_repr(op: *mut PyObject) -> *mut PyObject {
    to_c(repr_of(op))
}

unsafe fn repr_of(op: *mut PyObject) -> PyResult<PyRef> {
    let name = short_type_name((*op).ob_type);
    let args = head(op).args;
    let text = if args.is_null() || tuple::len(args) == 0 {
        format!("{name}()")
    } else if tuple::len(args) == 1 {
        format!("{name}({})", objtext::repr_string(tuple::items(args)[0])?)
    } else {
        format!("{name}{}", objtext::repr_string(args)?)
    };
    pystr::from_utf8(&text)
}

// ---- attributes -----------------------------------------------------------------------------

fn type_error<T>(message: &str) -> PyResult<T> {
    Err(raise(ExcType::TypeError, message))
}

unsafe extern "C" fn get_args(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    new_ref_or_none(head(op).args)
}

unsafe extern "C" fn set_args_attr(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    to_status((|| {
        if value.is_null() {
            return type_error("args may not be deleted");
        }
        let args = objtext::as_tuple(value)?;
        set_args(op, args.as_ptr())
    })())
}

unsafe extern "C" fn get_traceback(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    new_ref_or_none(head(op).traceback)
}

unsafe extern "C" fn set_traceback_attr(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    to_status(set_traceback(op, value))
}

/// Sets `__traceback__`: a traceback or None (None stores NULL).
pub(crate) unsafe fn set_traceback(op: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    if value.is_null() {
        return type_error("__traceback__ may not be deleted");
    }
    if value == none() {
        clear_field(&mut head(op).traceback);
    } else if crate::eval::traceback::is_traceback(value) {
        set_field(&mut head(op).traceback, value);
    } else {
        return type_error("__traceback__ must be a traceback or None");
    }
    Ok(())
}

unsafe extern "C" fn get_context(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    new_ref_or_none(head(op).context)
}

unsafe extern "C" fn set_context_attr(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    to_status((|| {
        if value.is_null() {
            return type_error("__context__ may not be deleted");
        }
        if value == none() {
            clear_field(&mut head(op).context);
        } else if is_instance(value) {
            set_field(&mut head(op).context, value);
        } else {
            return type_error("exception context must be None or derive from BaseException");
        }
        Ok(())
    })())
}

unsafe extern "C" fn get_cause(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    new_ref_or_none(head(op).cause)
}

unsafe extern "C" fn set_cause_attr(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    to_status((|| {
        if value.is_null() {
            return type_error("__cause__ may not be deleted");
        }
        if value == none() {
            clear_field(&mut head(op).cause);
        } else if is_instance(value) {
            set_field(&mut head(op).cause, value);
        } else {
            return type_error("exception cause must be None or derive from BaseException");
        }
        head(op).suppress_context = 1;
        Ok(())
    })())
}

/// `with_traceback(tb)`: sets `__traceback__` and returns the exception.
unsafe extern "C" fn with_traceback(op: *mut PyObject, tb: *mut PyObject) -> *mut PyObject {
    if set_traceback(op, tb).is_err() {
        return core::ptr::null_mut();
    }
    Py_IncRef(op);
    op
}

/// `__reduce__`: `(type, args)`, plus the instance dict when there is one.
unsafe extern "C" fn reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let h = head(op);
        let tp = PyRef::from_borrowed((*op).ob_type as *mut PyObject).expect("live type");
        let args = PyRef::from_borrowed(h.args).map_or_else(empty_tuple, Ok)?;
        match PyRef::from_borrowed(h.dict) {
            Some(d) => tuple::from_slice(&[tp, args, d]),
            None => tuple::from_slice(&[tp, args]),
        }
    })())
}

/// `__setstate__(state)`: each item of the dict `state` set as an attribute (None: nothing).
/// The items are held while setting, as a key's `__hash__` may empty the dict.
unsafe extern "C" fn setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        if state != none() {
            if !dict::is_dict(state) {
                return Err(raise(ExcType::TypeError, "state is not a dictionary"));
            }
            let items: Vec<(PyRef, PyRef)> = dict::items(state)
                .into_iter()
                .map(|(k, v)| (PyRef::from_borrowed(k).expect("key"), PyRef::from_borrowed(v).expect("value")))
                .collect();
            for (k, v) in items {
                crate::object::object_attr::set_attr(op, k.as_ptr(), v.as_ptr())?;
            }
        }
        Ok(PyRef::from_borrowed(none()).expect("None"))
    })())
}

/// `Py_ssize_t` offset of a field of the exception head, for member tables.
macro_rules! head_offset {
    ($field:ident) => {
        core::mem::offset_of!(PyBaseExceptionObject, $field) as crate::pyport::Py_ssize_t
    };
}

pub(crate) static mut BASE_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"__suppress_context__".as_ptr(),
        r#type: T_BOOL,
        offset: head_offset!(suppress_context),
        flags: 0,
        doc: core::ptr::null(),
    },
    END_MEMBER,
];

pub(crate) const END_MEMBER: PyMemberDef =
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() };

pub(crate) const END_METHOD: PyMethodDef =
    PyMethodDef { ml_name: core::ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: core::ptr::null() };

pub(crate) const END_GETSET: PyGetSetDef =
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() };

const fn getset(
    name: &'static core::ffi::CStr,
    get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject,
    set: unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void) -> c_int,
) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: Some(set), doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

pub(crate) static mut BASE_GETSET: [PyGetSetDef; 6] = [
    // The instance dict at `tp_dictoffset`, as CPython's generic __dict__ getset.
    getset(c"__dict__", crate::object::generic_getattr::PyObject_GenericGetDict, crate::object::generic_getattr::PyObject_GenericSetDict),
    getset(c"args", get_args, set_args_attr),
    getset(c"__traceback__", get_traceback, set_traceback_attr),
    getset(c"__context__", get_context, set_context_attr),
    getset(c"__cause__", get_cause, set_cause_attr),
    END_GETSET,
];

const WITH_TRACEBACK_DOC: &core::ffi::CStr =
    c"Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self.";

/// `add_note(note)`: appends the str to the `__notes__` list, made on first use.
unsafe extern "C" fn add_note(op: *mut PyObject, note: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        if !pystr::is_str(note) {
            let name = objtext::type_name_of(note);
            return type_error(&format!("note must be a str, not '{name}'"));
        }
        let key = pystr::intern("__notes__")?;
        let attr = crate::object::object_attr::PyObject_GetAttr(op, key.as_ptr());
        let notes = match PyRef::from_owned(attr) {
            Some(n) => n,
            None => {
                if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut crate::errors::exception_types::_PyExc_AttributeError as *mut PyObject) == 0 {
                    return Err(Raised::assume_set());
                }
                crate::errors::pyerr::PyErr_Clear();
                let n = crate::objects::list::new(0)?;
                if crate::object::object_attr::PyObject_SetAttr(op, key.as_ptr(), n.as_ptr()) < 0 {
                    return Err(Raised::assume_set());
                }
                n
            }
        };
        if !crate::objects::list::is_list(notes.as_ptr()) {
            return type_error("Cannot add note: __notes__ is not a list");
        }
        crate::objects::list::append(notes.as_ptr(), note)?;
        Ok(PyRef::from_borrowed(none()).expect("None"))
    })())
}

const ADD_NOTE_DOC: &core::ffi::CStr = c"Exception.add_note(note) --\n    add a note to the exception";

pub(crate) static mut BASE_METHODS: [PyMethodDef; 5] = [
    PyMethodDef { ml_name: c"__reduce__".as_ptr(), ml_meth: Some(reduce), ml_flags: METH_NOARGS, ml_doc: core::ptr::null() },
    PyMethodDef { ml_name: c"__setstate__".as_ptr(), ml_meth: Some(setstate), ml_flags: METH_O, ml_doc: core::ptr::null() },
    PyMethodDef { ml_name: c"with_traceback".as_ptr(), ml_meth: Some(with_traceback), ml_flags: METH_O, ml_doc: WITH_TRACEBACK_DOC.as_ptr() },
    PyMethodDef { ml_name: c"add_note".as_ptr(), ml_meth: Some(add_note), ml_flags: METH_O, ml_doc: ADD_NOTE_DOC.as_ptr() },
    END_METHOD,
];

// ---- PyException_* --------------------------------------------------------------------------

/// `PyObject *PyException_GetTraceback(PyObject *ex)`: new reference or NULL.
#[no_mangle]
pub unsafe extern "C" fn PyException_GetTraceback(ex: *mut PyObject) -> *mut PyObject {
    let tb = head(ex).traceback;
    Py_IncRef(tb);
    tb
}

/// `int PyException_SetTraceback(PyObject *ex, PyObject *tb)`: a traceback or None.
#[no_mangle]
pub unsafe extern "C" fn PyException_SetTraceback(ex: *mut PyObject, tb: *mut PyObject) -> c_int {
    to_status(set_traceback(ex, tb))
}

/// `PyObject *PyException_GetCause(PyObject *ex)`: new reference or NULL.
#[no_mangle]
pub unsafe extern "C" fn PyException_GetCause(ex: *mut PyObject) -> *mut PyObject {
    let c = head(ex).cause;
    Py_IncRef(c);
    c
}

/// `void PyException_SetCause(PyObject *ex, PyObject *cause)`: steals `cause` (NULL clears)
/// and sets `__suppress_context__`.
#[no_mangle]
pub unsafe extern "C" fn PyException_SetCause(ex: *mut PyObject, cause: *mut PyObject) {
    let h = head(ex);
    h.suppress_context = 1;
    let old = core::mem::replace(&mut h.cause, cause);
    Py_DecRef(old);
}

/// `PyObject *PyException_GetContext(PyObject *ex)`: new reference or NULL.
#[no_mangle]
pub unsafe extern "C" fn PyException_GetContext(ex: *mut PyObject) -> *mut PyObject {
    let c = head(ex).context;
    Py_IncRef(c);
    c
}

/// `void PyException_SetContext(PyObject *ex, PyObject *context)`: steals `context`.
#[no_mangle]
pub unsafe extern "C" fn PyException_SetContext(ex: *mut PyObject, context: *mut PyObject) {
    let old = core::mem::replace(&mut head(ex).context, context);
    Py_DecRef(old);
}

/// The args tuple of an exception (borrowed; never NULL for an initialized instance).
pub(crate) unsafe fn args_of<'a>(op: *mut PyObject) -> &'a [*mut PyObject] {
    let a = head(op).args;
    if a.is_null() {
        &[]
    } else {
        tuple::items(a)
    }
}

#[allow(dead_code)]
pub(crate) fn c_name(p: *const c_char) -> String {
    if p.is_null() {
        return "(null)".into();
    }
    // SAFETY: a NUL-terminated C string from the caller.
    unsafe { core::ffi::CStr::from_ptr(p).to_string_lossy().into_owned() }
}
