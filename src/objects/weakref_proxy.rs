//! Weak proxies (`_PyWeakref_ProxyType`, `_PyWeakref_CallableProxyType`): every operation
//! is forwarded to the live referent (with proxies among the operands unwrapped);
//! a dead referent raises ReferenceError. Proxies are unhashable and cannot be subclassed.
use core::ffi::c_int;
use core::ptr;

use crate::abstract_::{new_ref, none, ret_obj, tp_name};
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::{PyMappingMethods, PyNumberMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::typeobject::*;
use crate::objects::weakref::*;
use crate::objects::weakref_ref::dead_referent;
use crate::objects::str as pystr;
use crate::pyport::{Py_hash_t, Py_ssize_t};

/// The referent of a proxy as a new reference (ReferenceError once dead); any other object
/// as itself.
unsafe fn unwrap(o: *mut PyObject) -> PyResult<PyRef> {
    if !o.is_null() && is_proxy(o) {
        match referent(o) {
            Some(r) => Ok(new_ref(r)),
            None => Err(dead_referent()),
        }
    } else {
        Ok(new_ref(o))
    }
}

macro_rules! unary {
    ($name:ident, $f:path) => {
        unsafe extern "C" fn $name(a: *mut PyObject) -> *mut PyObject {
            match unwrap(a) {
                Ok(x) => $f(x.as_ptr()),
                Err(_) => ptr::null_mut(),
            }
        }
    };
}

macro_rules! binary {
    ($name:ident, $f:path) => {
        unsafe extern "C" fn $name(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            match (unwrap(a), unwrap(b)) {
                (Ok(x), Ok(y)) => $f(x.as_ptr(), y.as_ptr()),
                _ => ptr::null_mut(),
            }
        }
    };
}

macro_rules! ternary {
    ($name:ident, $f:path) => {
        unsafe extern "C" fn $name(a: *mut PyObject, b: *mut PyObject, c: *mut PyObject) -> *mut PyObject {
            match (unwrap(a), unwrap(b), unwrap(c)) {
                (Ok(x), Ok(y), Ok(z)) => $f(x.as_ptr(), y.as_ptr(), z.as_ptr()),
                _ => ptr::null_mut(),
            }
        }
    };
}

use crate::abstract_::number as num;
binary!(proxy_add, num::PyNumber_Add);
binary!(proxy_sub, num::PyNumber_Subtract);
binary!(proxy_mul, num::PyNumber_Multiply);
binary!(proxy_mod, num::PyNumber_Remainder);
binary!(proxy_divmod, num::PyNumber_Divmod);
ternary!(proxy_pow, num::PyNumber_Power);
unary!(proxy_neg, num::PyNumber_Negative);
unary!(proxy_pos, num::PyNumber_Positive);
unary!(proxy_abs, num::PyNumber_Absolute);
unary!(proxy_invert, num::PyNumber_Invert);
binary!(proxy_lshift, num::PyNumber_Lshift);
binary!(proxy_rshift, num::PyNumber_Rshift);
binary!(proxy_and, num::PyNumber_And);
binary!(proxy_xor, num::PyNumber_Xor);
binary!(proxy_or, num::PyNumber_Or);
unary!(proxy_int, num::PyNumber_Long);
unary!(proxy_float, crate::objects::float_new::PyNumber_Float);
binary!(proxy_iadd, num::PyNumber_InPlaceAdd);
binary!(proxy_isub, num::PyNumber_InPlaceSubtract);
binary!(proxy_imul, num::PyNumber_InPlaceMultiply);
binary!(proxy_imod, num::PyNumber_InPlaceRemainder);
ternary!(proxy_ipow, num::PyNumber_InPlacePower);
binary!(proxy_ilshift, num::PyNumber_InPlaceLshift);
binary!(proxy_irshift, num::PyNumber_InPlaceRshift);
binary!(proxy_iand, num::PyNumber_InPlaceAnd);
binary!(proxy_ixor, num::PyNumber_InPlaceXor);
binary!(proxy_ior, num::PyNumber_InPlaceOr);
binary!(proxy_floordiv, num::PyNumber_FloorDivide);
binary!(proxy_truediv, num::PyNumber_TrueDivide);
binary!(proxy_ifloordiv, num::PyNumber_InPlaceFloorDivide);
binary!(proxy_itruediv, num::PyNumber_InPlaceTrueDivide);
unary!(proxy_index, num::PyNumber_Index);
binary!(proxy_matmul, num::PyNumber_MatrixMultiply);
binary!(proxy_imatmul, num::PyNumber_InPlaceMatrixMultiply);
unary!(proxy_str, crate::abstract_::object::PyObject_Str);
binary!(proxy_getattr, crate::object::object_attr::PyObject_GetAttr);
binary!(proxy_getitem, crate::abstract_::item::PyObject_GetItem);
unary!(proxy_iter, crate::abstract_::iter::PyObject_GetIter);

unsafe extern "C" fn proxy_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    match (unwrap(a), unwrap(b)) {
        (Ok(x), Ok(y)) => crate::abstract_::compare::PyObject_RichCompare(x.as_ptr(), y.as_ptr(), op),
        _ => ptr::null_mut(),
    }
}

unsafe extern "C" fn proxy_bool(a: *mut PyObject) -> c_int {
    match unwrap(a) {
        Ok(x) => crate::abstract_::object::PyObject_IsTrue(x.as_ptr()),
        Err(_) => -1,
    }
}

unsafe extern "C" fn proxy_length(a: *mut PyObject) -> Py_ssize_t {
    match unwrap(a) {
        Ok(x) => crate::abstract_::object::PyObject_Size(x.as_ptr()),
        Err(_) => -1,
    }
}

unsafe extern "C" fn proxy_contains(a: *mut PyObject, v: *mut PyObject) -> c_int {
    match unwrap(a) {
        Ok(x) => crate::abstract_::sequence::PySequence_Contains(x.as_ptr(), v),
        Err(_) => -1,
    }
}

unsafe extern "C" fn proxy_setitem(a: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    let Ok(x) = unwrap(a) else { return -1 };
    if v.is_null() {
        crate::abstract_::item::PyObject_DelItem(x.as_ptr(), k)
    } else {
        crate::abstract_::item::PyObject_SetItem(x.as_ptr(), k, v)
    }
}

unsafe extern "C" fn proxy_setattr(a: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> c_int {
    match unwrap(a) {
        Ok(x) => crate::object::object_attr::PyObject_SetAttr(x.as_ptr(), name, v),
        Err(_) => -1,
    }
}

/// `next(proxy)`: the referent must be an iterator (TypeError as CPython's otherwise).
unsafe extern "C" fn proxy_iternext(a: *mut PyObject) -> *mut PyObject {
    let Ok(x) = unwrap(a) else { return ptr::null_mut() };
    let next = (*(*x.as_ptr()).ob_type).tp_iternext;
    match next {
        Some(f) if crate::abstract_::iter::PyIter_Check(x.as_ptr()) != 0 => f(x.as_ptr()),
        _ => {
            let _ = crate::abstract_::type_error(format!(
                "Weakref proxy referenced a non-iterator '{}' object",
                tp_name(x.as_ptr())
            ));
            ptr::null_mut()
        }
    }
}

unsafe extern "C" fn proxy_call(a: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    match unwrap(a) {
        Ok(x) => crate::abstract_::call::PyObject_Call(x.as_ptr(), args, kwargs),
        Err(_) => ptr::null_mut(),
    }
}

/// `<weakproxy at 0x.. to T at 0x..>` (a dead proxy shows None, as CPython's does).
unsafe extern "C" fn proxy_repr(op: *mut PyObject) -> *mut PyObject {
    let o = referent(op).unwrap_or(none());
    ret_obj(pystr::from_utf8(&format!("<weakproxy at {:p} to {} at {:p}>", op, tp_name(o), o)))
}

unsafe extern "C" fn proxy_bytes(a: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    match unwrap(a) {
        Ok(x) => crate::objects::bytes::PyObject_Bytes(x.as_ptr()),
        Err(_) => ptr::null_mut(),
    }
}

unsafe extern "C" fn proxy_reversed(a: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let x = unwrap(a)?;
        let name = pystr::intern("__reversed__")?;
        let method = crate::object::object_attr::get_attr(x.as_ptr(), name.as_ptr())?;
        crate::modules::owned(crate::abstract_::call::PyObject_CallNoArgs(method.as_ptr()))
    })())
}

unsafe extern "C" fn proxy_hash(op: *mut PyObject) -> Py_hash_t {
    crate::abstract_::object::PyObject_HashNotImplemented(op)
}

static mut PROXY_METHODS: [PyMethodDef; 3] = [
    crate::modules::meth(c"__bytes__", proxy_bytes, METH_NOARGS, c""),
    crate::modules::meth(c"__reversed__", proxy_reversed, METH_NOARGS, c""),
    crate::modules::END,
];

static mut PROXY_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_add: Some(proxy_add),
    nb_subtract: Some(proxy_sub),
    nb_multiply: Some(proxy_mul),
    nb_remainder: Some(proxy_mod),
    nb_divmod: Some(proxy_divmod),
    nb_power: Some(proxy_pow),
    nb_negative: Some(proxy_neg),
    nb_positive: Some(proxy_pos),
    nb_absolute: Some(proxy_abs),
    nb_bool: Some(proxy_bool),
    nb_invert: Some(proxy_invert),
    nb_lshift: Some(proxy_lshift),
    nb_rshift: Some(proxy_rshift),
    nb_and: Some(proxy_and),
    nb_xor: Some(proxy_xor),
    nb_or: Some(proxy_or),
    nb_int: Some(proxy_int),
    nb_reserved: ptr::null_mut(),
    nb_float: Some(proxy_float),
    nb_inplace_add: Some(proxy_iadd),
    nb_inplace_subtract: Some(proxy_isub),
    nb_inplace_multiply: Some(proxy_imul),
    nb_inplace_remainder: Some(proxy_imod),
    nb_inplace_power: Some(proxy_ipow),
    nb_inplace_lshift: Some(proxy_ilshift),
    nb_inplace_rshift: Some(proxy_irshift),
    nb_inplace_and: Some(proxy_iand),
    nb_inplace_xor: Some(proxy_ixor),
    nb_inplace_or: Some(proxy_ior),
    nb_floor_divide: Some(proxy_floordiv),
    nb_true_divide: Some(proxy_truediv),
    nb_inplace_floor_divide: Some(proxy_ifloordiv),
    nb_inplace_true_divide: Some(proxy_itruediv),
    nb_index: Some(proxy_index),
    nb_matrix_multiply: Some(proxy_matmul),
    nb_inplace_matrix_multiply: Some(proxy_imatmul),
};

static mut PROXY_AS_SEQUENCE: PySequenceMethods = {
    let mut s: PySequenceMethods = unsafe { core::mem::zeroed() };
    s.sq_contains = Some(proxy_contains);
    s
};

static mut PROXY_AS_MAPPING: PyMappingMethods =
    PyMappingMethods { mp_length: Some(proxy_length), mp_subscript: Some(proxy_getitem), mp_ass_subscript: Some(proxy_setitem) };

const fn proxy_type(name: &'static core::ffi::CStr, call: bool) -> PyTypeObject {
    PyTypeObject {
        tp_dealloc: Some(weakref_dealloc),
        tp_repr: Some(proxy_repr),
        tp_as_number: &raw mut PROXY_AS_NUMBER,
        tp_as_sequence: &raw mut PROXY_AS_SEQUENCE,
        tp_as_mapping: &raw mut PROXY_AS_MAPPING,
        tp_hash: Some(proxy_hash),
        tp_call: if call { Some(proxy_call) } else { None },
        tp_str: Some(proxy_str),
        tp_getattro: Some(proxy_getattr),
        tp_setattro: Some(proxy_setattr),
        tp_traverse: Some(weakref_traverse),
        tp_clear: Some(weakref_tp_clear),
        tp_richcompare: Some(proxy_richcompare),
        tp_iter: Some(proxy_iter),
        tp_iternext: Some(proxy_iternext),
        tp_methods: &raw mut PROXY_METHODS as *mut PyMethodDef,
        tp_free: Some(crate::object::objimpl::PyObject_GC_Del),
        ..static_type(name, core::mem::size_of::<PyWeakReference>(), 0, Py_TPFLAGS_HAVE_GC, None)
    }
}

/// `_PyWeakref_ProxyType`: `weakref.ProxyType`.
#[no_mangle]
pub static mut _PyWeakref_ProxyType: PyTypeObject = proxy_type(c"weakref.ProxyType", false);

/// `_PyWeakref_CallableProxyType`: `weakref.CallableProxyType`.
#[no_mangle]
pub static mut _PyWeakref_CallableProxyType: PyTypeObject = proxy_type(c"weakref.CallableProxyType", true);

