//! The singletons `None` (`_Py_NoneStruct`, type `NoneType` = `_PyNone_Type`),
//! `NotImplemented` (`_Py_NotImplementedStruct`, `_PyNotImplemented_Type`) and `Ellipsis`
//! (`_Py_EllipsisObject`, `PyEllipsis_Type`). They are static data that C programs reach by
//! address (`Py_None` is `&_Py_NoneStruct`), so a PIE program's copy-relocated object is the
//! one the library uses (docs/DESIGN.md, "Exported data"). They start with one reference that
//! is never released; deallocating one is a fatal error, as in CPython.
use core::ffi::{c_int, c_void};

use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::slots::PyNumberMethods;
use crate::object::static_type::static_type;
use crate::object::typeobject::PyTypeObject;
use crate::pyport::Py_hash_t;

/// A static object of type `tp` that is never freed.
const fn static_object(tp: *mut PyTypeObject) -> PyObject {
    PyObject { ob_refcnt: 1, ob_type: tp }
}

/// A str holding `text` for a `tp_repr` slot (NULL with MemoryError set on failure).
pub(crate) fn repr_str(text: &str) -> *mut PyObject {
    crate::objects::str::from_utf8(text).map_or(core::ptr::null_mut(), |s| s.into_ptr())
}

/// Aborts with CPython's message for a singleton whose count reached zero
/// (`_Py_FatalRefcountError`).
pub(crate) fn fatal_dealloc(function: &str, what: &str) -> ! {
    crate::runtime::pystate::fatal_error(function, &format!("deallocating {what}"))
}

/// The `tp_new` of a singleton's type: the singleton (a new reference), or TypeError
/// "NAME takes no arguments" when called with any.
unsafe fn singleton_new(
    singleton: *mut PyObject,
    tp: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    use crate::objects::{dict, tuple};
    let has_args = !args.is_null() && tuple::is_tuple(args) && tuple::len(args) != 0;
    let has_kwds = !kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) != 0;
    if has_args || has_kwds {
        let name = crate::object::typetype::type_name(tp);
        let _ = raise(ExcType::TypeError, format!("{name} takes no arguments"));
        return core::ptr::null_mut();
    }
    (*singleton).ob_refcnt += 1;
    singleton
}

// ---- None --------------------------------------------------------------------------------

/// `_Py_NoneStruct`: `None` (`Py_None`).
#[no_mangle]
pub static mut _Py_NoneStruct: PyObject = static_object(&raw mut _PyNone_Type);

/// `_PyNone_Type`: `NoneType`. Its hash is the identity hash (as in CPython 3.11).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyNone_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(none_dealloc),
    tp_repr: Some(none_repr),
    tp_hash: Some(none_hash),
    tp_as_number: &raw mut NONE_AS_NUMBER,
    tp_new: Some(none_new),
    ..static_type(c"NoneType", 0, 0, crate::object::typeobject::Py_TPFLAGS_DEFAULT as _, None)
};

unsafe extern "C" fn none_dealloc(_op: *mut PyObject) {
    fatal_dealloc("none_dealloc", "None")
}

/// None's number slots: only `nb_bool` (None is false).
static mut NONE_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_bool: Some(none_bool),
    // SAFETY: every field is an Option of a function pointer, for which zero is None.
    ..unsafe { core::mem::zeroed() }
};

unsafe extern "C" fn none_bool(_op: *mut PyObject) -> c_int {
    0
}

unsafe extern "C" fn none_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    singleton_new(&raw mut _Py_NoneStruct, tp, args, kwds)
}

unsafe extern "C" fn none_repr(_op: *mut PyObject) -> *mut PyObject {
    repr_str("None")
}

unsafe extern "C" fn none_hash(op: *mut PyObject) -> Py_hash_t {
    crate::object::hash::_Py_HashPointer(op as *const c_void)
}

// ---- NotImplemented ------------------------------------------------------------------------

/// `_Py_NotImplementedStruct`: `NotImplemented` (`Py_NotImplemented`).
#[no_mangle]
pub static mut _Py_NotImplementedStruct: PyObject = static_object(&raw mut _PyNotImplemented_Type);

/// `_PyNotImplemented_Type`: `NotImplementedType` (the identity hash is `object`'s).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyNotImplemented_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(notimplemented_dealloc),
    tp_repr: Some(notimplemented_repr),
    tp_new: Some(notimplemented_new),
    tp_methods: &raw mut NOTIMPLEMENTED_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"NotImplementedType", 0, 0, crate::object::typeobject::Py_TPFLAGS_DEFAULT as _, None)
};

unsafe extern "C" fn notimplemented_dealloc(_op: *mut PyObject) {
    fatal_dealloc("notimplemented_dealloc", "NotImplemented")
}

unsafe extern "C" fn notimplemented_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    singleton_new(&raw mut _Py_NotImplementedStruct, tp, args, kwds)
}

unsafe extern "C" fn notimplemented_repr(_op: *mut PyObject) -> *mut PyObject {
    repr_str("NotImplemented")
}

/// `__reduce__` of the named singletons: their builtin name, which pickle saves as a global.
unsafe extern "C" fn notimplemented_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    notimplemented_repr(op)
}

static mut NOTIMPLEMENTED_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", notimplemented_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::END,
];

// ---- Ellipsis ------------------------------------------------------------------------------

/// `_Py_EllipsisObject`: `Ellipsis`, `...` (`Py_Ellipsis`).
#[no_mangle]
pub static mut _Py_EllipsisObject: PyObject = static_object(&raw mut PyEllipsis_Type);

/// `PyEllipsis_Type`: `ellipsis` (the identity hash is `object`'s).
#[no_mangle]
pub static mut PyEllipsis_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(ellipsis_dealloc),
    tp_repr: Some(ellipsis_repr),
    tp_new: Some(ellipsis_new),
    tp_methods: &raw mut ELLIPSIS_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"ellipsis", 0, 0, crate::object::typeobject::Py_TPFLAGS_DEFAULT as _, None)
};

unsafe extern "C" fn ellipsis_dealloc(_op: *mut PyObject) {
    fatal_dealloc("ellipsis_dealloc", "Ellipsis")
}

unsafe extern "C" fn ellipsis_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    singleton_new(&raw mut _Py_EllipsisObject, tp, args, kwds)
}

unsafe extern "C" fn ellipsis_repr(_op: *mut PyObject) -> *mut PyObject {
    repr_str("Ellipsis")
}

unsafe extern "C" fn ellipsis_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ellipsis_repr(op)
}

static mut ELLIPSIS_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", ellipsis_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::END,
];
