//! Rich comparison (CPython's `PyObject_RichCompare`): the left operand's `tp_richcompare`,
//! then the reflected operation on the right operand — first instead when the right
//! operand's type is a proper subclass of the left's — and, when both say NotImplemented,
//! identity for `==`/`!=` and TypeError for orderings.
// Slots are compared by address, as C does.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::c_int;

use crate::abstract_::{from_slot, new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::objects::bool::{false_, true_};

use crate::object::object::{Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE};

/// The operator of each comparison, for error messages.
const OP_SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// The comparison with the operands swapped (`a < b` is `b > a`).
pub(crate) fn swapped(op: c_int) -> c_int {
    match op {
        Py_LT => Py_GT,
        Py_LE => Py_GE,
        Py_GT => Py_LT,
        Py_GE => Py_LE,
        other => other,
    }
}

/// A new reference to True or False.
#[inline]
pub(crate) fn bool_ref(b: bool) -> PyRef {
    // SAFETY: True and False are live static objects.
    unsafe { new_ref(if b { true_() } else { false_() }) }
}

/// The result of comparing with `op` two values whose order is known.
pub(crate) fn ordering_result(ord: core::cmp::Ordering, op: c_int) -> bool {
    use core::cmp::Ordering::*;
    match op {
        Py_LT => ord == Less,
        Py_LE => ord != Greater,
        Py_EQ => ord == Equal,
        Py_NE => ord != Equal,
        Py_GT => ord == Greater,
        _ => ord != Less,
    }
}

/// `v op w` (`PyObject_RichCompare`), `op` in `Py_LT..=Py_GE`.
///
/// # Safety
/// `v` and `w` are live objects.
pub(crate) unsafe fn rich_compare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> PyResult<PyRef> {
    crate::abstract_::object::with_recursion_guard(" in comparison", || do_rich_compare(v, w, op))
}

unsafe fn do_rich_compare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> PyResult<PyRef> {
    let (vt, wt) = ((*v).ob_type, (*w).ob_type);
    let mut reflected_tried = false;
    if vt != wt && crate::object::typetype::is_subtype(wt, vt) {
        if let Some(f) = (*wt).tp_richcompare {
            reflected_tried = true;
            let r = from_slot(f(w, v, swapped(op)))?;
            if r.as_ptr() != not_implemented() {
                return Ok(r);
            }
        }
    }
    if let Some(f) = (*vt).tp_richcompare {
        let r = from_slot(f(v, w, op))?;
        if r.as_ptr() != not_implemented() {
            return Ok(r);
        }
    }
    if !reflected_tried {
        if let Some(f) = (*wt).tp_richcompare {
            let r = from_slot(f(w, v, swapped(op)))?;
            if r.as_ptr() != not_implemented() {
                return Ok(r);
            }
        }
    }
    match op {
        Py_EQ => Ok(bool_ref(v == w)),
        Py_NE => Ok(bool_ref(v != w)),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            OP_SYMBOLS[op as usize],
            tp_name(v),
            tp_name(w)
        ))),
    }
}

/// `bool(v op w)` (`PyObject_RichCompareBool`): identical objects are equal (and not
/// unequal) without asking them, as containers rely on.
///
/// # Safety
/// `v` and `w` are live objects.
pub(crate) unsafe fn rich_compare_bool(v: *mut PyObject, w: *mut PyObject, op: c_int) -> PyResult<bool> {
    if v == w {
        if op == Py_EQ {
            return Ok(true);
        }
        if op == Py_NE {
            return Ok(false);
        }
    }
    let r = rich_compare(v, w, op)?;
    let rp = r.as_ptr();
    if rp == true_() {
        return Ok(true);
    }
    if rp == false_() {
        return Ok(false);
    }
    crate::abstract_::object::is_true(rp)
}

unsafe fn check_args(v: *mut PyObject, w: *mut PyObject, op: c_int) -> PyResult<()> {
    if !(Py_LT..=Py_GE).contains(&op) {
        return Err(bad_internal_call());
    }
    if v.is_null() || w.is_null() {
        if crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(bad_internal_call());
        }
        return Err(Raised::assume_set());
    }
    Ok(())
}

/// `PyObject *PyObject_RichCompare(PyObject *v, PyObject *w, int op)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_RichCompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    ret_obj(check_args(v, w, op).and_then(|()| rich_compare(v, w, op)))
}

/// `int PyObject_RichCompareBool(PyObject *v, PyObject *w, int op)`: 1, 0, or -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PyObject_RichCompareBool(v: *mut PyObject, w: *mut PyObject, op: c_int) -> c_int {
    match check_args(v, w, op).and_then(|()| rich_compare_bool(v, w, op)) {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// `object.__eq__`/`__ne__` (object's `tp_richcompare`): `==` is identity, `!=` inverts the
/// type's own `==` unless that is NotImplemented; orderings are NotImplemented.
pub(crate) unsafe extern "C" fn object_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    match op {
        Py_EQ if v == w => bool_ref(true).into_ptr(),
        Py_NE => {
            let Some(f) = (*(*v).ob_type).tp_richcompare else {
                return new_ref(not_implemented()).into_ptr();
            };
            let r = match from_slot(f(v, w, Py_EQ)) {
                Ok(r) => r,
                Err(_) => return core::ptr::null_mut(),
            };
            if r.as_ptr() == not_implemented() {
                return r.into_ptr();
            }
            match crate::abstract_::object::is_true(r.as_ptr()) {
                Ok(b) => bool_ref(!b).into_ptr(),
                Err(_) => core::ptr::null_mut(),
            }
        }
        _ => new_ref(not_implemented()).into_ptr(),
    }
}

/// `int _Py_SwappedOp[]`: the comparison with its operands swapped, by operator
/// (`a < b` is `b > a`): what a reflected `tp_richcompare` call uses.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static _Py_SwappedOp: [c_int; 6] = [Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE];
