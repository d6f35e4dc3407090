//! The number protocol (`PyNumber_*`, `PyIndex_Check`): dispatch through the `nb_*` slots
//! with CPython's rules for binary operations — the left operand's slot first, unless the
//! right operand's type is a subclass of the left's with a different slot, which then goes
//! first; `NotImplemented` passes to the other side; sequences get `+` and `*` through
//! `sq_concat`/`sq_repeat`; in-place forms try `nb_inplace_*` first.
use core::ffi::c_int;
use core::ptr::null_mut;

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::{binaryfunc, ternaryfunc, PyNumberMethods};
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BYTES_SUBCLASS};
use crate::object::typetype::is_subtype;
use crate::objects::int::{is_exact_int, is_int};
use crate::objects::singletons::{_Py_NoneStruct, _Py_NotImplementedStruct};
use crate::pyport::Py_ssize_t;

#[inline]
unsafe fn tp(op: *mut PyObject) -> *mut PyTypeObject {
    (*op).ob_type
}

#[inline]
unsafe fn type_name(op: *mut PyObject) -> String {
    std::ffi::CStr::from_ptr((*tp(op)).tp_name).to_string_lossy().into_owned()
}

#[inline]
fn not_implemented() -> *mut PyObject {
    &raw mut _Py_NotImplementedStruct
}

#[inline]
fn none() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

#[inline]
unsafe fn nb(op: *mut PyObject) -> Option<&'static PyNumberMethods> {
    let m = (*tp(op)).tp_as_number;
    if m.is_null() { None } else { Some(&*m) }
}

fn type_error(message: String) -> Raised {
    raise_type(&raw mut exc::_PyExc_TypeError, message)
}

/// SystemError "null argument to internal routine" (CPython's `null_error`), unless an
/// exception is already set.
unsafe fn null_error() -> *mut PyObject {
    if crate::errors::pyerr::PyErr_Occurred().is_null() {
        let _ = raise_type(&raw mut exc::_PyExc_SystemError, "null argument to internal routine");
    }
    null_mut()
}

type Slot = fn(&PyNumberMethods) -> binaryfunc;

/// `v OP w` through the slot chosen by `slot`: a new reference, NotImplemented (new
/// reference) when neither side handles it, NULL on error.
unsafe fn binary_op1(v: *mut PyObject, w: *mut PyObject, slot: Slot) -> *mut PyObject {
    let slotv = nb(v).and_then(slot);
    let mut slotw = if tp(w) != tp(v) { nb(w).and_then(slot) } else { None };
    if slotw.map(|f| f as usize) == slotv.map(|f| f as usize) {
        slotw = None;
    }
    if let Some(fv) = slotv {
        if let Some(fw) = slotw {
            if is_subtype(tp(w), tp(v)) {
                let x = fw(v, w);
                if x != not_implemented() {
                    return x;
                }
                crate::object::refcount::Py_DecRef(x);
                slotw = None;
            }
        }
        let x = fv(v, w);
        if x != not_implemented() {
            return x;
        }
        crate::object::refcount::Py_DecRef(x);
    }
    if let Some(fw) = slotw {
        let x = fw(v, w);
        if x != not_implemented() {
            return x;
        }
        crate::object::refcount::Py_DecRef(x);
    }
    (*not_implemented()).ob_refcnt += 1;
    not_implemented()
}

unsafe fn binop_type_error(v: *mut PyObject, w: *mut PyObject, op_name: &str) -> *mut PyObject {
    let _ = type_error(format!(
        "unsupported operand type(s) for {op_name}: '{}' and '{}'",
        type_name(v),
        type_name(w)
    ));
    null_mut()
}

unsafe fn binary_op(v: *mut PyObject, w: *mut PyObject, slot: Slot, op_name: &str) -> *mut PyObject {
    if v.is_null() || w.is_null() {
        return null_error();
    }
    let r = binary_op1(v, w, slot);
    if r == not_implemented() {
        crate::object::refcount::Py_DecRef(r);
        return binop_type_error(v, w, op_name);
    }
    r
}

/// The in-place form: `nb_inplace_*` of `v` first, then the binary slots.
unsafe fn binary_iop1(v: *mut PyObject, w: *mut PyObject, islot: Slot, slot: Slot) -> *mut PyObject {
    if let Some(f) = nb(v).and_then(islot) {
        let x = f(v, w);
        if x != not_implemented() {
            return x;
        }
        crate::object::refcount::Py_DecRef(x);
    }
    binary_op1(v, w, slot)
}

unsafe fn binary_iop(v: *mut PyObject, w: *mut PyObject, islot: Slot, slot: Slot, op_name: &str) -> *mut PyObject {
    if v.is_null() || w.is_null() {
        return null_error();
    }
    let r = binary_iop1(v, w, islot, slot);
    if r == not_implemented() {
        crate::object::refcount::Py_DecRef(r);
        return binop_type_error(v, w, op_name);
    }
    r
}

/// `PyObject *PyNumber_Or(PyObject *o1, PyObject *o2)`: `o1 | o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Or(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_or, "|")
}
/// `PyObject *PyNumber_Xor(PyObject *o1, PyObject *o2)`: `o1 ^ o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Xor(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_xor, "^")
}
/// `PyObject *PyNumber_And(PyObject *o1, PyObject *o2)`: `o1 & o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_And(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_and, "&")
}
/// `PyObject *PyNumber_Lshift(PyObject *o1, PyObject *o2)`: `o1 << o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Lshift(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_lshift, "<<")
}
/// `PyObject *PyNumber_Rshift(PyObject *o1, PyObject *o2)`: `o1 >> o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Rshift(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_rshift, ">>")
}
/// `PyObject *PyNumber_Subtract(PyObject *o1, PyObject *o2)`: `o1 - o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Subtract(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_subtract, "-")
}
/// `PyObject *PyNumber_Divmod(PyObject *o1, PyObject *o2)`: `o1 divmod() o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Divmod(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_divmod, "divmod()")
}
/// `PyObject *PyNumber_MatrixMultiply(PyObject *o1, PyObject *o2)`: `o1 @ o2`.
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyNumber_MatrixMultiply(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_matrix_multiply, "@")
}
/// `PyObject *PyNumber_FloorDivide(PyObject *o1, PyObject *o2)`: `o1 // o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_FloorDivide(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_floor_divide, "//")
}
/// `PyObject *PyNumber_TrueDivide(PyObject *o1, PyObject *o2)`: `o1 / o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_TrueDivide(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_true_divide, "/")
}
/// `PyObject *PyNumber_Remainder(PyObject *o1, PyObject *o2)`: `o1 % o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Remainder(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_op(o1, o2, |m| m.nb_remainder, "%")
}

/// `PyObject *PyNumber_InPlaceOr(PyObject *o1, PyObject *o2)`: `o1 |= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceOr(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_or, |m| m.nb_or, "|=")
}
/// `PyObject *PyNumber_InPlaceXor(PyObject *o1, PyObject *o2)`: `o1 ^= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceXor(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_xor, |m| m.nb_xor, "^=")
}
/// `PyObject *PyNumber_InPlaceAnd(PyObject *o1, PyObject *o2)`: `o1 &= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceAnd(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_and, |m| m.nb_and, "&=")
}
/// `PyObject *PyNumber_InPlaceLshift(PyObject *o1, PyObject *o2)`: `o1 <<= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceLshift(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_lshift, |m| m.nb_lshift, "<<=")
}
/// `PyObject *PyNumber_InPlaceRshift(PyObject *o1, PyObject *o2)`: `o1 >>= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceRshift(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_rshift, |m| m.nb_rshift, ">>=")
}
/// `PyObject *PyNumber_InPlaceSubtract(PyObject *o1, PyObject *o2)`: `o1 -= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceSubtract(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_subtract, |m| m.nb_subtract, "-=")
}
/// `PyObject *PyNumber_InPlaceMatrixMultiply(PyObject *o1, PyObject *o2)`: `o1 @= o2`.
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceMatrixMultiply(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_matrix_multiply, |m| m.nb_matrix_multiply, "@=")
}
/// `PyObject *PyNumber_InPlaceFloorDivide(PyObject *o1, PyObject *o2)`: `o1 //= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceFloorDivide(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_floor_divide, |m| m.nb_floor_divide, "//=")
}
/// `PyObject *PyNumber_InPlaceTrueDivide(PyObject *o1, PyObject *o2)`: `o1 /= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceTrueDivide(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_true_divide, |m| m.nb_true_divide, "/=")
}
/// `PyObject *PyNumber_InPlaceRemainder(PyObject *o1, PyObject *o2)`: `o1 %= o2`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceRemainder(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject {
    binary_iop(o1, o2, |m| m.nb_inplace_remainder, |m| m.nb_remainder, "%=")
}

/// `PyObject *PyNumber_Add(PyObject *o1, PyObject *o2)`: `o1 + o2`, or sequence
/// concatenation.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Add(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    if v.is_null() || w.is_null() {
        return null_error();
    }
    // The common case first: two exact ints.
    if is_exact_int(v) && is_exact_int(w) {
        return crate::objects::long_ops::add(v, w).map_or(null_mut(), PyRef::into_ptr);
    }
    let r = binary_op1(v, w, |m| m.nb_add);
    if r != not_implemented() {
        return r;
    }
    crate::object::refcount::Py_DecRef(r);
    let sq = (*tp(v)).tp_as_sequence;
    if !sq.is_null() {
        if let Some(concat) = (*sq).sq_concat {
            return concat(v, w);
        }
    }
    binop_type_error(v, w, "+")
}

/// `PyObject *PyNumber_InPlaceAdd(PyObject *o1, PyObject *o2)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceAdd(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    if v.is_null() || w.is_null() {
        return null_error();
    }
    let r = binary_iop1(v, w, |m| m.nb_inplace_add, |m| m.nb_add);
    if r != not_implemented() {
        return r;
    }
    crate::object::refcount::Py_DecRef(r);
    let sq = (*tp(v)).tp_as_sequence;
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_inplace_concat.or((*sq).sq_concat) {
            return f(v, w);
        }
    }
    binop_type_error(v, w, "+=")
}

type Repeat = unsafe extern "C" fn(*mut PyObject, Py_ssize_t) -> *mut PyObject;

/// `seq * n` through `sq_repeat`: TypeError unless `n` has `__index__`.
unsafe fn sequence_repeat(repeat: Repeat, seq: *mut PyObject, n: *mut PyObject) -> *mut PyObject {
    if PyIndex_Check(n) == 0 {
        let _ = type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(n)));
        return null_mut();
    }
    let count = PyNumber_AsSsize_t(n, crate::errors::exception_types::PyExc_OverflowError);
    if count == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return null_mut();
    }
    repeat(seq, count)
}

unsafe fn multiply(v: *mut PyObject, w: *mut PyObject, inplace: bool) -> *mut PyObject {
    if v.is_null() || w.is_null() {
        return null_error();
    }
    let r = if inplace {
        binary_iop1(v, w, |m| m.nb_inplace_multiply, |m| m.nb_multiply)
    } else {
        if is_exact_int(v) && is_exact_int(w) {
            return crate::objects::long_ops::mul(v, w).map_or(null_mut(), PyRef::into_ptr);
        }
        binary_op1(v, w, |m| m.nb_multiply)
    };
    if r != not_implemented() {
        return r;
    }
    crate::object::refcount::Py_DecRef(r);
    let mv = (*tp(v)).tp_as_sequence;
    let mw = (*tp(w)).tp_as_sequence;
    if !mv.is_null() {
        let f = if inplace { (*mv).sq_inplace_repeat.or((*mv).sq_repeat) } else { (*mv).sq_repeat };
        if let Some(f) = f {
            return sequence_repeat(f, v, w);
        }
    }
    if !mw.is_null() {
        // `n * seq` (also for `n *= seq`).
        if let Some(f) = (*mw).sq_repeat {
            return sequence_repeat(f, w, v);
        }
    }
    binop_type_error(v, w, if inplace { "*=" } else { "*" })
}

/// `PyObject *PyNumber_Multiply(PyObject *o1, PyObject *o2)`: `o1 * o2`, or sequence
/// repetition.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Multiply(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    multiply(v, w, false)
}

/// `PyObject *PyNumber_InPlaceMultiply(PyObject *o1, PyObject *o2)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceMultiply(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    multiply(v, w, true)
}

type TSlot = fn(&PyNumberMethods) -> ternaryfunc;

/// `pow(v, w, z)` dispatch: v's slot, w's, then z's (CPython's `ternary_op`).
unsafe fn ternary_op(v: *mut PyObject, w: *mut PyObject, z: *mut PyObject, islot: Option<TSlot>, op_name: &str) -> *mut PyObject {
    if v.is_null() || w.is_null() || z.is_null() {
        return null_error();
    }
    let slot: TSlot = |m| m.nb_power;
    let id = |f: ternaryfunc| f.map(|f| f as usize);
    if let Some(islot) = islot {
        if let Some(f) = nb(v).and_then(islot) {
            let x = f(v, w, z);
            if x != not_implemented() {
                return x;
            }
            crate::object::refcount::Py_DecRef(x);
        }
    }
    let slotv = nb(v).and_then(slot);
    let mut slotw = if tp(w) != tp(v) { nb(w).and_then(slot) } else { None };
    if id(slotw) == id(slotv) {
        slotw = None;
    }
    let try_call = |f: unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject| -> Option<*mut PyObject> {
        let x = f(v, w, z);
        if x != not_implemented() {
            return Some(x);
        }
        crate::object::refcount::Py_DecRef(x);
        None
    };
    if let Some(fv) = slotv {
        if let Some(fw) = slotw {
            if is_subtype(tp(w), tp(v)) {
                if let Some(x) = try_call(fw) {
                    return x;
                }
                slotw = None;
            }
        }
        if let Some(x) = try_call(fv) {
            return x;
        }
    }
    if let Some(fw) = slotw {
        if let Some(x) = try_call(fw) {
            return x;
        }
    }
    if z != none() {
        if let Some(fz) = nb(z).and_then(slot) {
            if id(Some(fz)) != id(slotv) && id(Some(fz)) != id(slotw) {
                if let Some(x) = try_call(fz) {
                    return x;
                }
            }
        }
    }
    let message = if z == none() {
        format!("unsupported operand type(s) for {op_name}: '{}' and '{}'", type_name(v), type_name(w))
    } else {
        format!(
            "unsupported operand type(s) for {op_name}: '{}', '{}', '{}'",
            type_name(v),
            type_name(w),
            type_name(z)
        )
    };
    let _ = type_error(message);
    null_mut()
}

/// `PyObject *PyNumber_Power(PyObject *o1, PyObject *o2, PyObject *o3)`: `pow(o1, o2, o3)`
/// (`o3` is `Py_None` for two-argument pow).
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Power(v: *mut PyObject, w: *mut PyObject, z: *mut PyObject) -> *mut PyObject {
    ternary_op(v, w, z, None, "** or pow()")
}

/// `PyObject *PyNumber_InPlacePower(PyObject *o1, PyObject *o2, PyObject *o3)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlacePower(v: *mut PyObject, w: *mut PyObject, z: *mut PyObject) -> *mut PyObject {
    ternary_op(v, w, z, Some(|m| m.nb_inplace_power), "**=")
}

type USlot = fn(&PyNumberMethods) -> crate::object::slots::unaryfunc;

unsafe fn unary_op(o: *mut PyObject, slot: USlot, what: &str) -> *mut PyObject {
    if o.is_null() {
        return null_error();
    }
    if let Some(f) = nb(o).and_then(slot) {
        return f(o);
    }
    let _ = type_error(format!("bad operand type for {what}: '{}'", type_name(o)));
    null_mut()
}

/// `PyObject *PyNumber_Negative(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Negative(o: *mut PyObject) -> *mut PyObject {
    unary_op(o, |m| m.nb_negative, "unary -")
}
/// `PyObject *PyNumber_Positive(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Positive(o: *mut PyObject) -> *mut PyObject {
    unary_op(o, |m| m.nb_positive, "unary +")
}
/// `PyObject *PyNumber_Invert(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Invert(o: *mut PyObject) -> *mut PyObject {
    unary_op(o, |m| m.nb_invert, "unary ~")
}
/// `PyObject *PyNumber_Absolute(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Absolute(o: *mut PyObject) -> *mut PyObject {
    unary_op(o, |m| m.nb_absolute, "abs()")
}

/// `int PyIndex_Check(PyObject *o)`: 1 if `o` has `__index__` (`nb_index`).
#[no_mangle]
pub unsafe extern "C" fn PyIndex_Check(o: *mut PyObject) -> c_int {
    nb(o).and_then(|m| m.nb_index).is_some() as c_int
}

/// `int PyNumber_Check(PyObject *o)`: 1 if `o` has `__index__`, `__int__` or `__float__`,
/// or is a complex.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Check(o: *mut PyObject) -> c_int {
    if o.is_null() {
        return 0;
    }
    if let Some(m) = nb(o) {
        if m.nb_index.is_some() || m.nb_int.is_some() || m.nb_float.is_some() {
            return 1;
        }
    }
    crate::objects::complex::is_complex(o) as c_int
}

/// `_PyNumber_Index`: `o` itself (a new reference) if it is an int (subclasses included),
/// else the int its `__index__` returns.
pub(crate) unsafe fn index(o: *mut PyObject) -> PyResult<PyRef> {
    if o.is_null() {
        null_error();
        return Err(Raised::assume_set());
    }
    if is_int(o) {
        return Ok(PyRef::from_borrowed(o).unwrap_unchecked());
    }
    let Some(f) = nb(o).and_then(|m| m.nb_index) else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(o))));
    };
    let r = PyRef::from_owned(f(o)).ok_or_else(Raised::assume_set)?;
    if !is_int(r.as_ptr()) {
        return Err(type_error(format!("__index__ returned non-int (type {})", type_name(r.as_ptr()))));
    }
    if !is_exact_int(r.as_ptr()) {
        deprecated_subclass_result("__index__", r.as_ptr())?;
    }
    Ok(r)
}

/// `PyObject *_PyNumber_Index(PyObject *o)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyNumber_Index(o: *mut PyObject) -> *mut PyObject {
    index(o).map_or(null_mut(), PyRef::into_ptr)
}

/// `PyObject *PyNumber_Index(PyObject *o)`: like `_PyNumber_Index`, but always an exact int.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Index(o: *mut PyObject) -> *mut PyObject {
    match index(o) {
        Ok(r) if is_exact_int(r.as_ptr()) => r.into_ptr(),
        Ok(r) => crate::objects::int::_PyLong_Copy(r.as_ptr().cast()),
        Err(_) => null_mut(),
    }
}

/// `Py_ssize_t PyNumber_AsSsize_t(PyObject *o, PyObject *exc)`: `o.__index__()` as a
/// Py_ssize_t; out of range, raise `exc` ("cannot fit 'T' into an index-sized integer"), or
/// clamp when `exc` is NULL.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_AsSsize_t(o: *mut PyObject, exc_type: *mut PyObject) -> Py_ssize_t {
    let v = match index(o) {
        Ok(v) => v,
        Err(_) => return -1,
    };
    match crate::objects::long_convert::int_to_i128(v.as_ptr()).and_then(|x| i64::try_from(x).ok()) {
        Some(x) => x as Py_ssize_t,
        None => {
            if exc_type.is_null() {
                if crate::objects::int::size_of(v.as_ptr()) < 0 { Py_ssize_t::MIN } else { Py_ssize_t::MAX }
            } else {
                let name = type_name(o);
                let _ = raise_type(exc_type.cast(), format!("cannot fit '{name}' into an index-sized integer"));
                -1
            }
        }
    }
}

/// `PyObject *PyNumber_Long(PyObject *o)`: `int(o)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Long(o: *mut PyObject) -> *mut PyObject {
    long(o).map_or(null_mut(), PyRef::into_ptr)
}

/// Issues a warning of `category` (the warnings filters may turn it into an error).
unsafe fn warn(category: *mut PyObject, message: &str) -> PyResult<()> {
    let text = std::ffi::CString::new(message).unwrap_or_default();
    if crate::errors::warnings::PyErr_WarnEx(category, text.as_ptr(), 1) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}

/// CPython's DeprecationWarning for `__int__`/`__index__` returning a strict int subclass.
unsafe fn deprecated_subclass_result(method: &str, r: *mut PyObject) -> PyResult<()> {
    warn(
        crate::errors::exception_types::PyExc_DeprecationWarning,
        &format!(
            "{method} returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
            type_name(r)
        ),
    )
}

/// The special method `name` of `o`'s type, bound to `o` (CPython's `_PyObject_LookupSpecial`:
/// looked up on the type only, then its descriptor `__get__`).
unsafe fn lookup_special(o: *mut PyObject, name: &str) -> PyResult<Option<PyRef>> {
    let n = crate::objects::str::intern(name)?;
    let attr = crate::object::type_cache::_PyType_Lookup(tp(o), n.as_ptr());
    if attr.is_null() {
        if !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        return Ok(None);
    }
    match (*tp(attr)).tp_descr_get {
        Some(get) => PyRef::from_owned(get(attr, o, tp(o).cast())).ok_or_else(Raised::assume_set).map(Some),
        None => Ok(PyRef::from_borrowed(attr)),
    }
}

/// `int(o)` for one argument.
pub(crate) unsafe fn long(o: *mut PyObject) -> PyResult<PyRef> {
    if o.is_null() {
        null_error();
        return Err(Raised::assume_set());
    }
    if is_exact_int(o) {
        return Ok(PyRef::from_borrowed(o).unwrap_unchecked());
    }
    if let Some(f) = nb(o).and_then(|m| m.nb_int) {
        let r = PyRef::from_owned(f(o)).ok_or_else(Raised::assume_set)?;
        if is_exact_int(r.as_ptr()) {
            return Ok(r);
        }
        if !is_int(r.as_ptr()) {
            return Err(type_error(format!("__int__ returned non-int (type {})", type_name(r.as_ptr()))));
        }
        deprecated_subclass_result("__int__", r.as_ptr())?;
        return PyRef::from_owned(crate::objects::int::_PyLong_Copy(r.as_ptr().cast())).ok_or_else(Raised::assume_set);
    }
    if nb(o).and_then(|m| m.nb_index).is_some() {
        return PyRef::from_owned(PyNumber_Index(o)).ok_or_else(Raised::assume_set);
    }
    if let Some(trunc) = lookup_special(o, "__trunc__")? {
        warn(
            crate::errors::exception_types::PyExc_DeprecationWarning,
            "The delegation of int() to __trunc__ is deprecated.",
        )?;
        let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallNoArgs(trunc.as_ptr()))
            .ok_or_else(Raised::assume_set)?;
        if is_exact_int(r.as_ptr()) {
            return Ok(r);
        }
        if is_int(r.as_ptr()) {
            return PyRef::from_owned(crate::objects::int::_PyLong_Copy(r.as_ptr().cast())).ok_or_else(Raised::assume_set);
        }
        if PyIndex_Check(r.as_ptr()) == 0 {
            return Err(type_error(format!("__trunc__ returned non-Integral (type {})", type_name(r.as_ptr()))));
        }
        return PyRef::from_owned(PyNumber_Index(r.as_ptr())).ok_or_else(Raised::assume_set);
    }
    if crate::objects::str::is_str(o) {
        return crate::objects::long_str::from_unicode(o, 10);
    }
    if (*tp(o)).tp_flags & Py_TPFLAGS_BYTES_SUBCLASS != 0 {
        return from_bytes_object(o, 10);
    }
    // bytearray and other buffer exporters: their bytes, parsed (and shown in errors) as bytes.
    if crate::objects::bytes_buffer::PyObject_CheckBuffer(o) != 0 {
        return from_bytes_like(o, 10);
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(o)
    )))
}

/// `repr()` of a bytes value, for error messages.
fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == quote => {
                s.push('\\');
                s.push(c as char);
            }
            0x20..=0x7e => s.push(c as char),
            c => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    // The message shows the repr cut to 200 characters (`%.200R`).
    s.chars().take(200).collect()
}

/// `int(b, base)` for a bytes object (CPython's `_PyLong_FromBytes`).
pub(crate) unsafe fn from_bytes_object(o: *mut PyObject, base: u32) -> PyResult<PyRef> {
    let b = o as *mut crate::objects::bytes::PyBytesObject;
    let n = (*b).ob_base.ob_size as usize;
    let data = core::slice::from_raw_parts(core::ptr::addr_of!((*b).ob_sval) as *const u8, n);
    // An embedded NUL ends the literal in C: the whole value is then invalid.
    let text: Vec<u8> = data.iter().map(|&c| if c == 0 { 0xff } else { c }).collect();
    crate::objects::long_str::from_text(&text, base, || bytes_repr(data))
}

/// The int a bytes-like object `o` (bytearray, memoryview, ...) spells in `base`: parsed,
/// and shown in errors, as a bytes object holding the same bytes (as CPython does).
pub(crate) unsafe fn from_bytes_like(o: *mut PyObject, base: u32) -> PyResult<PyRef> {
    let data = crate::objects::bytes::bytes_like(o)?;
    let copy = crate::objects::bytes::from_slice(&data)?;
    from_bytes_object(copy.as_ptr(), base)
}

/// `PyObject *_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_FromBytes(s: *const core::ffi::c_char, len: Py_ssize_t, base: c_int) -> *mut PyObject {
    if s.is_null() || len < 0 {
        let _ = bad_internal_call();
        return null_mut();
    }
    let data = core::slice::from_raw_parts(s as *const u8, len as usize);
    let text: Vec<u8> = data.iter().map(|&c| if c == 0 { 0xff } else { c }).collect();
    crate::objects::long_str::from_text(&text, base as u32, || bytes_repr(data))
        .map_or(null_mut(), PyRef::into_ptr)
}

/// `PyObject *PyNumber_ToBase(PyObject *n, int base)`: `bin()`, `oct()`, `hex()` or `str()`
/// of `n.__index__()`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_ToBase(n: *mut PyObject, base: c_int) -> *mut PyObject {
    if ![2, 8, 10, 16].contains(&base) {
        let _ = raise_type(&raw mut exc::_PyExc_SystemError, "PyNumber_ToBase: base must be 2, 8, 10 or 16");
        return null_mut();
    }
    match index(n) {
        Ok(v) => crate::objects::long_str::format_with_prefix(v.as_ptr(), base as u32).map_or(null_mut(), PyRef::into_ptr),
        Err(_) => null_mut(),
    }
}

