//! `bool` (`PyBool_Type`, a subclass of `int`) and its two instances `_Py_FalseStruct` and
//! `_Py_TrueStruct`, laid out as CPython 3.11 lays them out: int objects with one digit
//! (0 or 1) and `ob_size` 0 or 1. They are static data reached by address (`Py_True`), never
//! freed; the hash is int's (True is 1, False is 0).
use core::ffi::{c_long, c_ulong};

use crate::object::object::{PyObject, PyVarObject};
use crate::object::slots::PyNumberMethods;
use crate::object::static_type::static_type;
use crate::object::typeobject::PyTypeObject;
use crate::objects::int::{digit, PyLongObject, PyLong_Type};
use crate::objects::singletons::{fatal_dealloc, repr_str};

/// `_Py_FalseStruct`: `False` (`Py_False`), the int 0.
#[no_mangle]
pub static mut _Py_FalseStruct: PyLongObject = PyLongObject {
    ob_base: PyVarObject { ob_base: PyObject { ob_refcnt: 1, ob_type: &raw mut PyBool_Type }, ob_size: 0 },
    ob_digit: [0],
};

/// `_Py_TrueStruct`: `True` (`Py_True`), the int 1.
#[no_mangle]
pub static mut _Py_TrueStruct: PyLongObject = PyLongObject {
    ob_base: PyVarObject { ob_base: PyObject { ob_refcnt: 1, ob_type: &raw mut PyBool_Type }, ob_size: 1 },
    ob_digit: [1],
};

/// `PyBool_Type`: `bool`, whose base is `int` (not subclassable: no `Py_TPFLAGS_BASETYPE`).
#[no_mangle]
pub static mut PyBool_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(bool_dealloc),
    tp_repr: Some(bool_repr),
    tp_as_number: &raw mut BOOL_AS_NUMBER,
    tp_new: Some(bool_new),
    tp_base: &raw mut PyLong_Type,
    ..static_type(
        c"bool",
        core::mem::size_of::<PyLongObject>(),
        core::mem::size_of::<digit>(),
        crate::object::typeobject::Py_TPFLAGS_DEFAULT as c_ulong,
        Some(c"bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed."),
    )
};

unsafe extern "C" fn bool_dealloc(_op: *mut PyObject) {
    fatal_dealloc("bool_dealloc", "True or False")
}

unsafe extern "C" fn bool_repr(op: *mut PyObject) -> *mut PyObject {
    repr_str(if op == true_() { "True" } else { "False" })
}

/// `True` as a raw pointer (borrowed).
#[inline]
pub(crate) fn true_() -> *mut PyObject {
    (&raw mut _Py_TrueStruct).cast()
}

/// `False` as a raw pointer (borrowed).
#[inline]
pub(crate) fn false_() -> *mut PyObject {
    (&raw mut _Py_FalseStruct).cast()
}

/// `PyObject *PyBool_FromLong(long v)`: a new reference to `True` if `v` is non-zero, else
/// to `False`.
#[no_mangle]
pub unsafe extern "C" fn PyBool_FromLong(v: c_long) -> *mut PyObject {
    let op = if v != 0 { true_() } else { false_() };
    (*op).ob_refcnt += 1;
    op
}

// ---- Number slots: &, |, ^ of two bools are bools; anything else is int's operation. ----

static mut BOOL_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_and: Some(bool_and),
    nb_or: Some(bool_or),
    nb_xor: Some(bool_xor),
    // SAFETY: the other slots are NULL (inherited from int at readying).
    ..unsafe { core::mem::zeroed() }
};

#[inline]
unsafe fn is_bool(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyBool_Type
}

/// `a OP b`: a bool when both are bools, else int's slot (`PyLong_Type`'s).
unsafe fn bool_binop(
    a: *mut PyObject,
    b: *mut PyObject,
    on_bools: fn(bool, bool) -> bool,
    int_slot: fn(&PyNumberMethods) -> crate::object::slots::binaryfunc,
) -> *mut PyObject {
    if !is_bool(a) || !is_bool(b) {
        let int_methods = &*(&raw const crate::objects::long_ops::LONG_AS_NUMBER);
        return match int_slot(int_methods) {
            Some(f) => f(a, b),
            None => core::ptr::null_mut(),
        };
    }
    PyBool_FromLong(on_bools(a == true_(), b == true_()) as c_long)
}

unsafe extern "C" fn bool_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    bool_binop(a, b, |x, y| x & y, |m| m.nb_and)
}

unsafe extern "C" fn bool_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    bool_binop(a, b, |x, y| x | y, |m| m.nb_or)
}

unsafe extern "C" fn bool_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    bool_binop(a, b, |x, y| x ^ y, |m| m.nb_xor)
}

/// `bool.__new__`: `bool()` is False, `bool(x)` is `PyObject_IsTrue(x)`; no keywords.
unsafe extern "C" fn bool_new(
    _tp: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    use crate::object::pending_error::raise_type;
    use crate::objects::{dict, tuple};
    let type_error = |m: String| {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_TypeError, m);
        core::ptr::null_mut()
    };
    if !kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) != 0 {
        return type_error("bool() takes no keyword arguments".into());
    }
    let items: &[*mut PyObject] = if args.is_null() { &[] } else { tuple::items(args) };
    match items {
        [] => PyBool_FromLong(0),
        [x] => match crate::abstract_::object::is_true(*x) {
            Ok(v) => PyBool_FromLong(v as c_long),
            Err(_) => core::ptr::null_mut(),
        },
        _ => type_error(format!("bool expected at most 1 argument, got {}", items.len())),
    }
}
