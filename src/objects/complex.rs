//! `complex` (`PyComplex_Type`, CPython's complexobject.h): the object, the C-API, repr,
//! hash, == and !=, and the `_Py_c_*` arithmetic on `Py_complex` values. Number slots are
//! in complex_arith.rs, `complex(...)` and string parsing in complex_new.rs.
use core::ffi::{c_double, c_int};

use crate::errors::raised::{PyResult, Raised};
use crate::object::object::{PyObject, Py_EQ, Py_NE};
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE};
use crate::objects::float::{self as float, bool_result, is_float, not_implemented, type_name_n};
use crate::objects::float_long::{compare_double_long, is_int};
use crate::pyport::Py_hash_t;
use crate::runtime::strtod::{format_double, Py_DTSF_SIGN};

/// `Py_complex`: the C value of a complex number, also used by the `_Py_c_*` arithmetic.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Py_complex {
    pub real: f64,
    pub imag: f64,
}
assert_layout!(Py_complex, size = 16, real @ 0, imag @ 8);

/// `PyComplexObject`: a boxed `Py_complex`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyComplexObject {
    pub ob_base: PyObject,
    pub cval: Py_complex,
}
assert_layout!(PyComplexObject, size = 32, ob_base @ 0, cval @ 16);

/// `PyComplex_Type`: `complex`.
#[no_mangle]
pub static mut PyComplex_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(complex_dealloc),
    tp_repr: Some(complex_repr),
    tp_hash: Some(complex_hash),
    tp_richcompare: Some(complex_richcompare),
    tp_as_number: &raw mut crate::objects::complex_arith::COMPLEX_AS_NUMBER,
    tp_methods: &raw mut COMPLEX_METHODS as *mut _,
    tp_members: &raw mut COMPLEX_MEMBERS as *mut _,
    tp_new: Some(crate::objects::complex_new::complex_new),
    ..static_type(
        c"complex",
        core::mem::size_of::<PyComplexObject>(),
        0,
        Py_TPFLAGS_BASETYPE,
        Some(c"complex(real=0, imag=0)\n--\n\nCreate a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0."),
    )
};

/// The address of `PyComplex_Type`.
#[inline]
pub(crate) fn complex_type() -> *mut PyTypeObject {
    &raw mut PyComplex_Type
}

/// Whether `op` is a complex or an instance of a subclass (`PyComplex_Check`).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_complex(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == complex_type() || crate::object::typetype::is_subtype(tp, complex_type())
}

/// The value of a complex (or subclass instance).
///
/// # Safety
/// `op` is a live complex.
#[inline]
pub(crate) unsafe fn cval(op: *mut PyObject) -> Py_complex {
    (*(op as *mut PyComplexObject)).cval
}

/// A new complex of type `tp` (complex or a subclass) holding `c`.
///
/// # Safety
/// `tp` is complex or a ready subclass of it.
pub(crate) unsafe fn new_of_type(tp: *mut PyTypeObject, c: Py_complex) -> PyResult<PyRef> {
    let op = if tp == complex_type() {
        let op = crate::object::pymem::PyObject_Malloc(core::mem::size_of::<PyComplexObject>()) as *mut PyObject;
        if op.is_null() {
            return Err(crate::object::pending_error::no_memory());
        }
        (*op).ob_refcnt = 1;
        (*op).ob_type = tp;
        op
    } else {
        let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
        let op = alloc(tp, 0);
        if op.is_null() {
            return Err(Raised::assume_set());
        }
        op
    };
    (*(op as *mut PyComplexObject)).cval = c;
    Ok(PyRef::from_owned(op).expect("not NULL"))
}

/// A new complex.
pub(crate) fn new(c: Py_complex) -> PyResult<PyRef> {
    // SAFETY: complex itself.
    unsafe { new_of_type(complex_type(), c) }
}

unsafe extern "C" fn complex_dealloc(op: *mut PyObject) {
    let tp = (*op).ob_type;
    if tp == complex_type() {
        crate::object::pymem::PyObject_Free(op.cast());
    } else if let Some(free) = (*tp).tp_free {
        free(op.cast());
    }
}

/// `PyObject *PyComplex_FromCComplex(Py_complex c)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyComplex_FromCComplex(c: Py_complex) -> *mut PyObject {
    new(c).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `PyObject *PyComplex_FromDoubles(double real, double imag)`.
#[no_mangle]
pub unsafe extern "C" fn PyComplex_FromDoubles(real: c_double, imag: c_double) -> *mut PyObject {
    new(Py_complex { real, imag }).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `double PyComplex_RealAsDouble(PyObject *op)`: the real part of a complex, else
/// `PyFloat_AsDouble(op)`.
#[no_mangle]
pub unsafe extern "C" fn PyComplex_RealAsDouble(op: *mut PyObject) -> c_double {
    if !op.is_null() && is_complex(op) {
        return cval(op).real;
    }
    float::PyFloat_AsDouble(op)
}

/// `double PyComplex_ImagAsDouble(PyObject *op)`: the imaginary part of a complex, else 0.0
/// (for any object: CPython does not check it).
#[no_mangle]
pub unsafe extern "C" fn PyComplex_ImagAsDouble(op: *mut PyObject) -> c_double {
    if !op.is_null() && is_complex(op) {
        return cval(op).imag;
    }
    0.0
}

/// Calls `op.__complex__()` when its type defines it (looked up on the type, as special
/// methods are): Some(result, which must be a complex; a strict subclass warns), None when
/// not defined.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn try_complex_special_method(op: *mut PyObject) -> PyResult<Option<PyRef>> {
    let name = crate::objects::str::intern("__complex__")?;
    let tp = (*op).ob_type;
    let Some(meth) = crate::object::type_cache::lookup(tp, name.as_ptr())? else {
        return Ok(None);
    };
    let meth = PyRef::from_borrowed(meth).expect("not NULL");
    let bound = match (*(*meth.as_ptr()).ob_type).tp_descr_get {
        Some(get) => PyRef::from_owned(get(meth.as_ptr(), op, tp as *mut PyObject)).ok_or_else(Raised::assume_set)?,
        None => meth,
    };
    let res = PyRef::from_owned(crate::abstract_::call::PyObject_CallNoArgs(bound.as_ptr())).ok_or_else(Raised::assume_set)?;
    if !is_complex(res.as_ptr()) {
        return Err(crate::object::pending_error::raise(
            crate::object::pending_error::ExcType::TypeError,
            format!("__complex__ returned non-complex (type {})", type_name_of(res.as_ptr())),
        ));
    }
    if (*res.as_ptr()).ob_type != complex_type() {
        let text = format!(
            "__complex__ returned non-complex (type {}).  The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.",
            type_name_of(res.as_ptr())
        );
        let c_text = std::ffi::CString::new(text).expect("no NUL");
        if crate::errors::warnings::PyErr_WarnEx(crate::errors::exception_types::PyExc_DeprecationWarning, c_text.as_ptr(), 1) < 0 {
            return Err(Raised::assume_set());
        }
    }
    Ok(Some(res))
}

/// What `PyComplex_AsCComplex` computes: a complex's value; `__complex__()`; else
/// `(float(op), 0)` through `PyFloat_AsDouble`.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn as_ccomplex(op: *mut PyObject) -> PyResult<Py_complex> {
    if is_complex(op) {
        return Ok(cval(op));
    }
    if let Some(res) = try_complex_special_method(op)? {
        return Ok(cval(res.as_ptr()));
    }
    Ok(Py_complex { real: float::as_double(op)?, imag: 0.0 })
}

/// `Py_complex PyComplex_AsCComplex(PyObject *op)`: `{-1.0, 0.0}` with an exception set on
/// failure.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyComplex_AsCComplex(op: *mut PyObject) -> Py_complex {
    let error = Py_complex { real: -1.0, imag: 0.0 };
    if op.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return error;
    }
    as_ccomplex(op).unwrap_or(error)
}

// ---- repr, hash, comparison ------------------------------------------------------------------

/// The text of `repr(c)`: `1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`: the shortest round-trip
/// digits without ".0"; a real part of +0.0 is left out.
pub(crate) fn repr_text(c: Py_complex) -> String {
    let part = |x: f64, flags: c_int| format_double(x, b'r', 0, flags).expect("valid").0;
    if c.real == 0.0 && c.real.is_sign_positive() {
        format!("{}j", part(c.imag, 0))
    } else {
        format!("({}{}j)", part(c.real, 0), part(c.imag, Py_DTSF_SIGN))
    }
}

unsafe extern "C" fn complex_repr(op: *mut PyObject) -> *mut PyObject {
    let text = repr_text(cval(op));
    crate::objects::str::from_utf8(&text).map_or(core::ptr::null_mut(), |s| s.into_ptr())
}

/// `hash(real) + 1000003 * hash(imag)` (wrapping), -1 made -2: equal to the hash of an equal
/// float or int when the imaginary part is zero.
unsafe extern "C" fn complex_hash(op: *mut PyObject) -> Py_hash_t {
    let c = cval(op);
    let real = crate::objects::float_hash::hash_double(op, c.real) as u64;
    let imag = crate::objects::float_hash::hash_double(op, c.imag) as u64;
    let h = real.wrapping_add(imag.wrapping_mul(crate::object::hash::_PyHASH_IMAG as u64)) as Py_hash_t;
    if h == -1 { -2 } else { h }
}

/// `==` and `!=` with complex, float and int (exactly); other comparisons are not defined.
unsafe extern "C" fn complex_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if op != Py_EQ && op != Py_NE || !is_complex(v) {
        return not_implemented();
    }
    let c = cval(v);
    let equal = if is_int(w) {
        c.imag == 0.0 && compare_double_long(c.real, w) == Some(core::cmp::Ordering::Equal)
    } else if is_float(w) {
        c.imag == 0.0 && c.real == float::value(w)
    } else if is_complex(w) {
        c == cval(w)
    } else {
        return not_implemented();
    };
    bool_result(equal == (op == Py_EQ))
}

/// `tp_name` of `op`'s type for messages (`%.200s`).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn type_name_of(op: *mut PyObject) -> String {
    type_name_n((*op).ob_type, 200)
}

// ---- Methods and attributes ----------------------------------------------------------------------

use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};

fn c_result(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `z.conjugate()`.
unsafe extern "C" fn complex_conjugate(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let c = cval(op);
    c_result(new(Py_complex { real: c.real, imag: -c.imag }))
}

/// `z.__getnewargs__()`: `(real, imag)`.
unsafe extern "C" fn complex_getnewargs(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let c = cval(op);
    c_result((|| crate::objects::tuple::from_slice(&[float::new(c.real)?, float::new(c.imag)?]))())
}

/// `z.__complex__()`: an exact complex (z itself when exact).
unsafe extern "C" fn complex_complex(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    if (*op).ob_type == complex_type() {
        (*op).ob_refcnt += 1;
        return op;
    }
    c_result(new(cval(op)))
}

/// `z.__format__(format_spec)`.
unsafe extern "C" fn complex_format(op: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    let result = (|| {
        let spec = crate::abstract_::format::check_spec(spec)?;
        crate::abstract_::format::format_complex_object(op, &spec)
    })();
    c_result(result)
}

/// complex's methods.
pub(crate) static mut COMPLEX_METHODS: [PyMethodDef; 5] = [
    plain(c"conjugate", complex_conjugate, METH_NOARGS).doc(c"conjugate($self, /)\n--\n\nReturn the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."),
    plain(c"__complex__", complex_complex, METH_NOARGS).doc(c"__complex__($self, /)\n--\n\nConvert this value to exact type complex."),
    plain(c"__getnewargs__", complex_getnewargs, METH_NOARGS).doc(c"__getnewargs__($self, /)\n--\n\n"),
    plain(c"__format__", complex_format, METH_O).doc(c"__format__($self, format_spec, /)\n--\n\nConvert to a string according to format_spec."),
    END,
];

/// complex's attributes `real` and `imag`: read-only `double` members, as CPython's
/// (`type(complex.real)` is `member_descriptor`).
pub(crate) static mut COMPLEX_MEMBERS: [crate::object::member::PyMemberDef; 3] = [
    crate::object::member::PyMemberDef {
        name: c"real".as_ptr(),
        r#type: crate::object::member::T_DOUBLE,
        offset: (core::mem::offset_of!(PyComplexObject, cval) + core::mem::offset_of!(Py_complex, real)) as isize,
        flags: crate::object::member::READONLY,
        doc: c"the real part of a complex number".as_ptr(),
    },
    crate::object::member::PyMemberDef {
        name: c"imag".as_ptr(),
        r#type: crate::object::member::T_DOUBLE,
        offset: (core::mem::offset_of!(PyComplexObject, cval) + core::mem::offset_of!(Py_complex, imag)) as isize,
        flags: crate::object::member::READONLY,
        doc: c"the imaginary part of a complex number".as_ptr(),
    },
    crate::errors::baseexception::END_MEMBER,
];
