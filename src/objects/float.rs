//! `float` (`PyFloat_Type`, CPython's floatobject.h): the object, its allocation (with a free
//! list, as floats come and go constantly), conversion from and to C doubles, repr, hash
//! and comparison. Elsewhere: float_hash.rs (the numeric hash), float_long.rs (exact
//! int/float conversion and comparison), src/runtime/strtod.rs (text).
use core::ffi::{c_double, CStr};

use crate::errors::raised::PyResult;
use crate::object::object::{PyObject, Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE};
use crate::object::pending_error::{raise, ExcType};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, _Py_TPFLAGS_MATCH_SELF};
use crate::objects::float_long::{compare_double_long, is_int, long_to_double};
use crate::pyport::Py_hash_t;
use core::cmp::Ordering;
use core::ffi::c_int;

/// `PyFloatObject`: a boxed C double.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyFloatObject {
    pub ob_base: PyObject,
    pub ob_fval: f64,
}
assert_layout!(PyFloatObject, size = 24, ob_base @ 0, ob_fval @ 16);

/// `PyFloat_Type`: `float`.
#[no_mangle]
pub static mut PyFloat_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(float_dealloc),
    tp_repr: Some(float_repr),
    tp_hash: Some(float_hash),
    tp_richcompare: Some(float_richcompare),
    tp_as_number: &raw mut crate::objects::float_arith::FLOAT_AS_NUMBER,
    tp_methods: &raw mut crate::objects::float_methods::FLOAT_METHODS as *mut _,
    tp_getset: &raw mut crate::objects::float_methods::FLOAT_GETSET as *mut _,
    tp_new: Some(crate::objects::float_new::float_new),
    ..static_type(
        c"float",
        core::mem::size_of::<PyFloatObject>(),
        0,
        Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
        Some(c"float(x=0, /)\n--\n\nConvert a string or number to a floating point number, if possible."),
    )
};

// ---- Allocation ------------------------------------------------------------------------------

/// Freed exact floats kept for reuse, linked through their `ob_type` field (CPython keeps 100).
const FREE_LIST_MAX: usize = 100;
struct FreeList {
    head: *mut PyObject,
    len: usize,
}
/// Guarded by the GIL, as every object's refcount is.
static mut FREE_LIST: FreeList = FreeList { head: core::ptr::null_mut(), len: 0 };

/// `float_type()`: the address of `PyFloat_Type`.
#[inline]
pub(crate) fn float_type() -> *mut PyTypeObject {
    &raw mut PyFloat_Type
}

/// Whether `op` is a float or an instance of a subclass (`PyFloat_Check`).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_float(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == float_type() || crate::object::typetype::is_subtype(tp, float_type())
}

/// The value of a float (or subclass instance): `PyFloat_AS_DOUBLE`.
///
/// # Safety
/// `op` is a live float.
#[inline]
pub(crate) unsafe fn value(op: *mut PyObject) -> f64 {
    (*(op as *mut PyFloatObject)).ob_fval
}

/// A new float (`PyFloat_FromDouble`): NULL with MemoryError set when memory runs out.
#[inline]
pub(crate) fn new(v: f64) -> PyResult<crate::object::ptr::PyRef> {
    // SAFETY: a new reference (or NULL with the error set).
    unsafe { crate::object::ptr::PyRef::from_owned(PyFloat_FromDouble(v)) }
        .ok_or_else(crate::errors::raised::Raised::assume_set)
}

/// `PyObject *PyFloat_FromDouble(double v)`: a new float.
#[no_mangle]
pub unsafe extern "C" fn PyFloat_FromDouble(v: c_double) -> *mut PyObject {
    let list = &mut *(&raw mut FREE_LIST);
    let op = if !list.head.is_null() {
        let op = list.head;
        list.head = (*op).ob_type as *mut PyObject;
        list.len -= 1;
        op
    } else {
        let op = crate::object::pymem::PyObject_Malloc(core::mem::size_of::<PyFloatObject>()) as *mut PyObject;
        if op.is_null() {
            let _ = crate::object::pending_error::no_memory();
            return op;
        }
        op
    };
    // `float` is static (never freed), so its refcount is not touched, as in CPython.
    (*op).ob_refcnt = 1;
    (*op).ob_type = float_type();
    (*(op as *mut PyFloatObject)).ob_fval = v;
    op
}

unsafe extern "C" fn float_dealloc(op: *mut PyObject) {
    let tp = (*op).ob_type;
    if tp == float_type() {
        let list = &mut *(&raw mut FREE_LIST);
        if list.len < FREE_LIST_MAX {
            (*op).ob_type = list.head as *mut PyTypeObject;
            list.head = op;
            list.len += 1;
            return;
        }
        crate::object::pymem::PyObject_Free(op.cast());
    } else if let Some(free) = (*tp).tp_free {
        free(op.cast());
    }
}

/// Empties the free list (at finalization).
pub(crate) fn clear_free_list() {
    // SAFETY: under the GIL; every block on the list came from PyObject_Malloc.
    unsafe {
        let list = &mut *(&raw mut FREE_LIST);
        while !list.head.is_null() {
            let op = list.head;
            list.head = (*op).ob_type as *mut PyObject;
            crate::object::pymem::PyObject_Free(op.cast());
        }
        list.len = 0;
    }
}

// ---- Conversion to a C double ---------------------------------------------------------------

/// `tp_name` cut to `n` bytes, as CPython's `%.Ns` shows it.
///
/// # Safety
/// `tp` is a live type.
pub(crate) unsafe fn type_name_n(tp: *mut PyTypeObject, n: usize) -> String {
    let name = if (*tp).tp_name.is_null() { &b"?"[..] } else { CStr::from_ptr((*tp).tp_name).to_bytes() };
    String::from_utf8_lossy(&name[..name.len().min(n)]).into_owned()
}

/// What `PyFloat_AsDouble` does: a float's value; else `__float__` (`nb_float`), which must
/// return a float; else `__index__` (`nb_index`) converted exactly-rounded; else TypeError
/// "must be real number, not T".
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn as_double(op: *mut PyObject) -> PyResult<f64> {
    if is_float(op) {
        return Ok(value(op));
    }
    let tp = (*op).ob_type;
    // int's and bool's `__float__` is this conversion: skip the call.
    if tp == &raw mut crate::objects::int::PyLong_Type || tp == &raw mut crate::objects::bool::PyBool_Type {
        return long_to_double(op);
    }
    let nb = (*tp).tp_as_number;
    let nb_float = if nb.is_null() { None } else { (*nb).nb_float };
    let Some(nb_float) = nb_float else {
        if !nb.is_null() && (*nb).nb_index.is_some() {
            let index = crate::objects::float_long::number_index(op)?;
            return long_to_double(index.as_ptr());
        }
        return Err(raise(ExcType::TypeError, format!("must be real number, not {}", type_name_n(tp, 50))));
    };
    let res = crate::object::ptr::PyRef::from_owned(nb_float(op)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
    if !is_float(res.as_ptr()) {
        return Err(raise(
            ExcType::TypeError,
            format!(
                "{}.__float__ returned non-float (type {})",
                type_name_n(tp, 50),
                type_name_n((*res.as_ptr()).ob_type, 50)
            ),
        ));
    }
    if (*res.as_ptr()).ob_type != float_type() {
        warn_deprecation(format!(
            "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
            type_name_n(tp, 50),
            type_name_n((*res.as_ptr()).ob_type, 50)
        ))?;
    }
    Ok(value(res.as_ptr()))
}

/// Issues a DeprecationWarning (an error when warnings are errors).
pub(crate) fn warn_deprecation(text: String) -> PyResult<()> {
    let text = std::ffi::CString::new(text).unwrap_or_default();
    // SAFETY: a valid category and NUL-terminated message.
    let r = unsafe {
        crate::errors::warnings::PyErr_WarnEx(crate::errors::exception_types::PyExc_DeprecationWarning, text.as_ptr(), 1)
    };
    if r < 0 { Err(crate::errors::raised::Raised::assume_set()) } else { Ok(()) }
}

/// `double PyFloat_AsDouble(PyObject *op)`: -1.0 with an exception set on failure
/// (TypeError "bad argument type for built-in operation" for NULL).
#[no_mangle]
pub unsafe extern "C" fn PyFloat_AsDouble(op: *mut PyObject) -> c_double {
    if op.is_null() {
        let _ = raise(ExcType::TypeError, "bad argument type for built-in operation");
        return -1.0;
    }
    if (*op).ob_type == float_type() {
        return value(op);
    }
    as_double(op).unwrap_or(-1.0)
}

/// `double PyFloat_GetMax(void)`: `DBL_MAX`.
#[no_mangle]
pub extern "C" fn PyFloat_GetMax() -> c_double {
    f64::MAX
}

/// `double PyFloat_GetMin(void)`: `DBL_MIN`, the smallest positive normal double.
#[no_mangle]
pub extern "C" fn PyFloat_GetMin() -> c_double {
    f64::MIN_POSITIVE
}

// ---- repr, hash, comparison ------------------------------------------------------------------

/// `float.__repr__`: the shortest text that reads back as the same float.
unsafe extern "C" fn float_repr(op: *mut PyObject) -> *mut PyObject {
    let text = crate::runtime::strtod::repr_double(value(op));
    // The text is ASCII: make the str directly.
    match crate::objects::str::new_compact(text.len(), 0x7f) {
        Ok(s) => {
            core::ptr::copy_nonoverlapping(text.as_ptr(), crate::objects::str::data(s.as_ptr()), text.len());
            s.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// `float.__hash__`: the hash of the exact rational value (equal to the hash of an equal
/// int or Fraction); a NaN hashes by identity, as in 3.10+.
unsafe extern "C" fn float_hash(op: *mut PyObject) -> Py_hash_t {
    crate::objects::float_hash::hash_double(op, value(op))
}

/// Whether `ordering` (None: unordered, a NaN was involved) satisfies comparison `op`.
pub(crate) fn ordering_satisfies(ordering: Option<Ordering>, op: c_int) -> bool {
    match ordering {
        None => op == Py_NE,
        Some(o) => match op {
            Py_LT => o == Ordering::Less,
            Py_LE => o != Ordering::Greater,
            Py_EQ => o == Ordering::Equal,
            Py_NE => o != Ordering::Equal,
            Py_GT => o == Ordering::Greater,
            Py_GE => o != Ordering::Less,
            _ => false,
        },
    }
}

/// A new reference to True or False.
pub(crate) fn bool_result(b: bool) -> *mut PyObject {
    let op = if b { crate::objects::bool::true_() } else { crate::objects::bool::false_() };
    // SAFETY: the bool singletons are static and live.
    unsafe { (*op).ob_refcnt += 1 };
    op
}

/// A new reference to NotImplemented.
pub(crate) fn not_implemented() -> *mut PyObject {
    let op = &raw mut crate::objects::singletons::_Py_NotImplementedStruct;
    // SAFETY: the singleton is static and live.
    unsafe { (*op).ob_refcnt += 1 };
    op
}

/// `float.__lt__` and the others: against a float or an int (compared exactly, never by
/// rounding the int to a double); anything else is NotImplemented. NaN is unordered.
unsafe extern "C" fn float_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_float(v) || !(Py_LT..=Py_GE).contains(&op) {
        return not_implemented();
    }
    let x = value(v);
    let ordering = if is_float(w) {
        x.partial_cmp(&value(w))
    } else if is_int(w) {
        compare_double_long(x, w)
    } else {
        return not_implemented();
    };
    bool_result(ordering_satisfies(ordering, op))
}
