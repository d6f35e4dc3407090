//! int's methods and attributes (`tp_methods`, `tp_getset`): bit_length, bit_count,
//! as_integer_ratio, conjugate, __trunc__/__floor__/__ceil__/__round__, __getnewargs__,
//! __sizeof__, __format__ (through format_spec.rs), and real/imag/numerator/denominator.
//! TODO(bytes): to_bytes/from_bytes need bytes objects (their core is long_bytes.rs).
use core::ffi::c_void;
use core::ptr::null_mut;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{fast, fast_kw, plain, END};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::int::{digits, from_i64, from_int, from_u64, size_of, to_int, PyLongObject};
use crate::objects::long_digits::{self as ld, Int};
use crate::objects::long_ops::long_long;
use crate::pyport::Py_ssize_t;

#[inline]
fn out(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(null_mut(), PyRef::into_ptr)
}

/// int's method table.
pub(crate) static mut LONG_METHODS: [PyMethodDef; 14] = [
    plain(c"conjugate", int_self, METH_NOARGS).doc(c"Returns self, the complex conjugate of any int."),
    plain(c"bit_length", bit_length, METH_NOARGS).doc(c"bit_length($self, /)\n--\n\nNumber of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"),
    plain(c"bit_count", bit_count, METH_NOARGS).doc(c"bit_count($self, /)\n--\n\nNumber of ones in the binary representation of the absolute value of self.\n\nAlso known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"),
    plain(c"as_integer_ratio", as_integer_ratio, METH_NOARGS).doc(c"as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original int\nand with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)"),
    plain(c"__trunc__", int_self, METH_NOARGS).doc(c"Truncating an Integral returns itself."),
    plain(c"__floor__", int_self, METH_NOARGS).doc(c"Flooring an Integral returns itself."),
    plain(c"__ceil__", int_self, METH_NOARGS).doc(c"Ceiling of an Integral returns itself."),
    fast(c"__round__", round, METH_FASTCALL).doc(c"__round__($self, ndigits=<unrepresentable>, /)\n--\n\nRounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."),
    fast_kw(c"to_bytes", crate::objects::long_to_bytes::to_bytes, METH_FASTCALL | METH_KEYWORDS).doc(c"to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\nReturn an array of bytes representing an integer."),
    fast_kw(c"from_bytes", crate::objects::long_to_bytes::from_bytes, METH_FASTCALL | METH_KEYWORDS | METH_CLASS).doc(c"from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\nReturn the integer represented by the given array of bytes."),
    plain(c"__getnewargs__", getnewargs, METH_NOARGS).doc(c"__getnewargs__($self, /)\n--\n\n"),
    plain(c"__sizeof__", sizeof, METH_NOARGS).doc(c"__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."),
    plain(c"__format__", format, METH_O).doc(c"__format__($self, format_spec, /)\n--\n\n"),
    END,
];

type Getter = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject;

const fn getter(name: &'static core::ffi::CStr, get: Getter, doc: &'static core::ffi::CStr) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: doc.as_ptr(), closure: core::ptr::null_mut() }
}

/// int's attributes.
pub(crate) static mut LONG_GETSET: [PyGetSetDef; 5] = [
    getter(c"real", get_self, c"the real part of a complex number"),
    getter(c"imag", get_zero, c"the imaginary part of a complex number"),
    getter(c"numerator", get_self, c"the numerator of a rational number in lowest terms"),
    getter(c"denominator", get_one, c"the denominator of a rational number in lowest terms"),
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `int(self)`: self for an exact int, an exact copy for subclasses (bools included).
unsafe extern "C" fn int_self(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    long_long(op)
}

unsafe extern "C" fn get_self(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long_long(op)
}

unsafe extern "C" fn get_zero(_: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    out(from_i64(0))
}

unsafe extern "C" fn get_one(_: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    out(from_i64(1))
}

unsafe extern "C" fn bit_length(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    out(from_u64(ld::bit_length(digits(op))))
}

unsafe extern "C" fn bit_count(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    out(from_u64(digits(op).iter().map(|d| u64::from(d.count_ones())).sum()))
}

unsafe extern "C" fn as_integer_ratio(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let num = PyRef::from_owned(long_long(op)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
        crate::objects::tuple::from_slice(&[num, from_i64(1)?])
    })();
    out(r)
}

unsafe extern "C" fn getnewargs(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let v = PyRef::from_owned(long_long(op)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
        crate::objects::tuple::from_slice(&[v])
    })();
    out(r)
}

unsafe extern "C" fn sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let n = size_of(op).unsigned_abs().max(1);
    out(from_u64((core::mem::offset_of!(PyLongObject, ob_digit) + n * 4) as u64))
}

/// An int as `format_spec::format_int` sees it (decimal digits computed beforehand, so the
/// str-digit limit can fail before formatting starts).
struct Digits {
    op: *mut PyObject,
    decimal: Option<String>,
}

impl crate::objects::format_spec::IntDigits for Digits {
    fn is_negative(&self) -> bool {
        // SAFETY: `op` is a live int for the duration of the call.
        unsafe { size_of(self.op) < 0 }
    }
    fn magnitude_digits(&self, base: u32) -> Result<String, crate::objects::format_spec::FormatError> {
        if base == 10 {
            if let Some(d) = &self.decimal {
                return Ok(d.trim_start_matches('-').to_string());
            }
        }
        // SAFETY: as above.
        Ok(unsafe { crate::objects::long_str::mag_to_base(digits(self.op), base) })
    }
    fn as_long(&self) -> Result<i64, crate::objects::format_spec::FormatError> {
        // SAFETY: as above.
        match unsafe { crate::objects::long_convert::int_to_i128(self.op) }.and_then(|v| i64::try_from(v).ok()) {
            Some(v) => Ok(v),
            None => Err(crate::objects::format_spec::FormatError::Overflow("Python int too large to convert to C long".into())),
        }
    }
}

fn format_error(e: crate::objects::format_spec::FormatError) -> crate::errors::raised::Raised {
    use crate::objects::format_spec::FormatError;
    match e {
        FormatError::Value(m) => raise_type(&raw mut exc::_PyExc_ValueError, m),
        FormatError::Overflow(m) => raise_type(&raw mut exc::_PyExc_OverflowError, m),
        FormatError::Raised => crate::errors::raised::Raised::assume_set(),
    }
}

/// `int.__format__(format_spec)`.
unsafe extern "C" fn format(op: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    use crate::objects::format_spec::{format_float, format_int, FormatSpec, IntFormatted};
    use crate::objects::str as pystr;
    if !pystr::is_str(spec) {
        let name = crate::abstract_::tp_name(spec);
        let _ = raise_type(&raw mut exc::_PyExc_TypeError, format!("__format__() argument must be str, not {name}"));
        return null_mut();
    }
    let n = pystr::len(spec);
    if n == 0 {
        return out(crate::abstract_::object::str(op));
    }
    let cps: Vec<u32> = (0..n).map(|i| pystr::read_char(spec, i)).collect();
    let r = (|| -> PyResult<PyRef> {
        let parsed = FormatSpec::parse(&cps, "int", u32::from(b'd'), b'>').map_err(format_error)?;
        let decimal = if matches!(char::from_u32(parsed.ty), Some('d' | 'n')) {
            Some(crate::objects::long_str::to_decimal_string(op)?)
        } else {
            None
        };
        match format_int(&Digits { op, decimal }, &parsed).map_err(format_error)? {
            IntFormatted::Text(text) => pystr::from_code_points(&text),
            IntFormatted::AsFloat => {
                let x = crate::objects::long_float::to_f64(op)?;
                let text = format_float(x, &parsed).map_err(format_error)?;
                pystr::from_code_points(&text)
            }
        }
    })();
    out(r)
}

/// `(q, r)` with `q` the integer nearest to `a / b` (ties to even) and `r = a - q*b`.
pub(crate) fn divmod_near(a: &Int, b: &Int) -> (Int, Int) {
    let (mut q, mut r) = a.divmod_floor(b);
    // Compare 2r with b (r has b's sign): round up when past half, or at half with q odd.
    let twice = r.shl(1);
    let c = ld::cmp_mag(&twice.mag, &b.mag);
    let q_odd = q.mag.first().is_some_and(|d| d & 1 == 1);
    if c == core::cmp::Ordering::Greater || (c == core::cmp::Ordering::Equal && q_odd) {
        q = q.add(&Int::from_i64(1));
        r = r.sub(b);
    }
    (q, r)
}

/// `int.__round__(ndigits)`: self without `ndigits` or with `ndigits >= 0`, else rounded
/// to a multiple of 10**-ndigits, ties to even.
unsafe extern "C" fn round(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    if nargs > 1 {
        let _ = raise_type(&raw mut exc::_PyExc_TypeError, format!("__round__ expected at most 1 argument, got {nargs}"));
        return null_mut();
    }
    if nargs == 0 {
        return long_long(op);
    }
    let nd = match crate::abstract_::number::index(*args) {
        Ok(v) => v,
        Err(_) => return null_mut(),
    };
    if size_of(nd.as_ptr()) >= 0 {
        return long_long(op);
    }
    // 10 ** -ndigits; a huge -ndigits rounds everything to 0.
    let neg = to_int(nd.as_ptr()).neg();
    let Some(e) = neg.to_i128().and_then(|v| u64::try_from(v).ok()).filter(|&e| e < 1 << 40) else {
        return out(from_i64(0));
    };
    let a = to_int(op);
    if (e as f64) * core::f64::consts::LOG2_10 > ld::bit_length(&a.mag) as f64 + 2.0 {
        return out(from_i64(0));
    }
    let p = Int::from_i64(10).pow(e);
    let (_, r) = divmod_near(&a, &p);
    out(from_int(&a.sub(&r)))
}

/// `PyObject *_PyLong_DivmodNear(PyObject *a, PyObject *b)`: `(q, r)` with `q` nearest to
/// `a / b` (ties to even).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_DivmodNear(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    use crate::objects::int::is_int;
    if a.is_null() || b.is_null() || !is_int(a) || !is_int(b) {
        let _ = raise_type(&raw mut exc::_PyExc_TypeError, "non-integer arguments in division");
        return null_mut();
    }
    if size_of(b) == 0 {
        let _ = raise_type(&raw mut exc::_PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return null_mut();
    }
    let (q, r) = divmod_near(&to_int(a), &to_int(b));
    let res = (|| crate::objects::tuple::from_slice(&[from_int(&q)?, from_int(&r)?]))();
    out(res)
}

/// `PyObject *_PyLong_GCD(PyObject *a, PyObject *b)`: the non-negative gcd of two ints.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_GCD(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    use crate::objects::int::is_int;
    if a.is_null() || b.is_null() || !is_int(a) || !is_int(b) {
        let _ = crate::object::pending_error::bad_internal_call();
        return null_mut();
    }
    let (mut x, mut y) = (to_int(a).abs(), to_int(b).abs());
    while !y.is_zero() {
        let r = x.divrem_trunc(&y).1;
        x = y;
        y = r;
    }
    out(from_int(&x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_division_ties_to_even() {
        let near = |a: i64, b: i64| {
            let (q, r) = divmod_near(&Int::from_i64(a), &Int::from_i64(b));
            (q.to_i128().unwrap(), r.to_i128().unwrap())
        };
        assert_eq!(near(15, 10), (2, -5));
        assert_eq!(near(25, 10), (2, 5));
        assert_eq!(near(-25, 10), (-2, -5));
        assert_eq!(near(14, 10), (1, 4));
        assert_eq!(near(16, 10), (2, -4));
        assert_eq!(near(7, -2), (-4, -1));
    }
}
