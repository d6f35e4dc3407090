//! float's methods and attributes (`tp_methods`, `tp_getset`): `hex`, `fromhex`,
//! `is_integer`, `conjugate`, `__getnewargs__`, `__getformat__`, `__format__`, `real`, `imag`.
//! The ones that return ints (`__trunc__`, `__floor__`, `__ceil__`, `__round__`,
//! `as_integer_ratio`) are in float_int.rs.
use core::ffi::{c_int, c_void};

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::float::{self as float, float_type, type_name_n, value};
use crate::objects::str as pystr;

fn c_result(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

// ---- hex / fromhex ------------------------------------------------------------------------------

/// `float.hex()` text: `[-]0x1.<13 hex digits>p<exp>` (subnormals `0x0.<...>p-1022`),
/// `0x0.0p+0` for zeros, and `inf`/`-inf`/`nan`.
pub(crate) fn hex_text(x: f64) -> String {
    if x.is_nan() || x.is_infinite() {
        return crate::runtime::strtod::repr_double(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{fraction:013x}p{exp:+}")
}

extern "C" {
    fn ldexp(x: f64, exp: c_int) -> f64;
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Errors of `float.fromhex`.
#[derive(Debug, PartialEq)]
pub(crate) enum HexError {
    Invalid,
    TooLarge,
}

/// The double that a hexadecimal float string spells (`float.fromhex`): surrounding
/// whitespace, a sign, then inf/infinity/nan, or `[0x]hex[.hex][p[sign]decimal]`; the exact
/// value rounded half-to-even.
pub(crate) fn parse_hex_float(s: &[u8]) -> Result<f64, HexError> {
    let start = s.iter().position(|&b| !is_c_space(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !is_c_space(b)).map_or(start, |i| i + 1);
    let s = &s[start..end];
    if let Some((v, n)) = crate::runtime::strtod::parse_inf_or_nan(s) {
        return if n == s.len() { Ok(v) } else { Err(HexError::Invalid) };
    }
    let (negative, mut i) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    if s.len() >= i + 2 && s[i] == b'0' && (s[i + 1] == b'x' || s[i + 1] == b'X') {
        i += 2;
    }
    let hexval = |b: u8| (b as char).to_digit(16);
    let mut nibbles: Vec<u8> = Vec::new();
    let mut frac_len: i64 = 0;
    while let Some(d) = s.get(i).and_then(|&b| hexval(b)) {
        nibbles.push(d as u8);
        i += 1;
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        while let Some(d) = s.get(i).and_then(|&b| hexval(b)) {
            nibbles.push(d as u8);
            frac_len += 1;
            i += 1;
        }
    }
    if nibbles.is_empty() {
        return Err(HexError::Invalid);
    }
    let mut exp: i64 = 0;
    if matches!(s.get(i), Some(b'p' | b'P')) {
        i += 1;
        let exp_negative = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let digits_start = i;
        while let Some(b) = s.get(i).filter(|b| b.is_ascii_digit()) {
            // Saturate: beyond this the result is 0 or too large whatever the digits are.
            exp = (exp * 10 + i64::from(b - b'0')).min(1 << 40);
            i += 1;
        }
        if i == digits_start {
            return Err(HexError::Invalid);
        }
        if exp_negative {
            exp = -exp;
        }
    }
    if i != s.len() {
        return Err(HexError::Invalid);
    }
    let signed = |v: f64| if negative { -v } else { v };
    // value = N * 2**lsb_exp, N the nibbles as an integer.
    let Some(first) = nibbles.iter().position(|&d| d != 0) else {
        return Ok(signed(0.0));
    };
    let digits = &nibbles[first..];
    let bitlen = digits.len() as i64 * 4 - i64::from(digits[0].leading_zeros() as u8 - 4);
    let lsb_exp = exp - 4 * frac_len;
    let top = lsb_exp + bitlen - 1; // value in [2**top, 2**(top+1))
    if top > 1023 {
        return Err(HexError::TooLarge);
    }
    if top < -1076 {
        return Ok(signed(0.0));
    }
    // Keep `keep` bits (53, fewer for subnormals) plus rounding.
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    let bit = |k: i64| -> u64 {
        // Bit k of N counting from the most significant (0), zero past the end.
        if k < 0 || k >= bitlen {
            return 0;
        }
        let pos_from_lsb = bitlen - 1 - k;
        let nib = digits[digits.len() - 1 - (pos_from_lsb / 4) as usize];
        u64::from((nib >> (pos_from_lsb % 4)) & 1)
    };
    let mut q: u64 = 0;
    for k in 0..keep {
        q = (q << 1) | bit(k);
    }
    let round = bit(keep);
    let sticky = (keep + 1..bitlen).any(|k| bit(k) != 0);
    if round == 1 && (sticky || q & 1 == 1) {
        q += 1;
    }
    // q * 2**(top - keep + 1); a carry to 2**53 is still exact.
    let v = unsafe { ldexp(q as f64, (top - keep + 1) as c_int) };
    if v.is_infinite() {
        return Err(HexError::TooLarge);
    }
    Ok(signed(v))
}

/// `float.hex()`.
unsafe extern "C" fn float_hex(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    c_result(pystr::from_utf8(&hex_text(value(op))))
}

/// `float.fromhex(string)` (a class method): for a subclass, `cls(value)`.
unsafe extern "C" fn float_fromhex(cls: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let result = (|| -> PyResult<PyRef> {
        if !pystr::is_str(arg) {
            return Err(raise(ExcType::TypeError, "bad argument type for built-in operation"));
        }
        // The UTF-8 text as it is: unlike float(), fromhex takes ASCII digits and spaces only.
        let text = pystr::to_string(arg);
        let v = match parse_hex_float(text.as_bytes()) {
            Ok(v) => v,
            Err(HexError::Invalid) => {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "invalid hexadecimal floating-point string"))
            }
            Err(HexError::TooLarge) => {
                return Err(raise_type(
                    &raw mut exc::_PyExc_OverflowError,
                    "hexadecimal value too large to represent as a float",
                ))
            }
        };
        let f = float::new(v)?;
        if cls as *mut PyTypeObject == float_type() {
            return Ok(f);
        }
        PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(cls, f.as_ptr())).ok_or_else(Raised::assume_set)
    })();
    c_result(result)
}

// ---- the rest -----------------------------------------------------------------------------------

/// `float.is_integer()`.
unsafe extern "C" fn float_is_integer(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let x = value(op);
    float::bool_result(x.is_finite() && x == x.floor())
}

/// `float.conjugate()`: the float itself (a float for subclass instances).
unsafe extern "C" fn float_conjugate(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::objects::float_arith::float_float(op)
}

/// `float.__getnewargs__()`: `(float(self),)`.
unsafe extern "C" fn float_getnewargs(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    c_result(float::new(value(op)).and_then(|f| crate::objects::tuple::from_slice(&[f])))
}

/// `float.__getformat__(typestr)` (a class method): 'IEEE, little-endian' for 'double' and
/// 'float' on this platform.
unsafe extern "C" fn float_getformat(_cls: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let result = (|| -> PyResult<PyRef> {
        if !pystr::is_str(arg) {
            return Err(raise(
                ExcType::TypeError,
                format!("__getformat__() argument must be str, not {}", type_name_n((*arg).ob_type, 200)),
            ));
        }
        if !pystr::eq_ascii(arg, "double") && !pystr::eq_ascii(arg, "float") {
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                "__getformat__() argument 1 must be 'double' or 'float'",
            ));
        }
        pystr::from_utf8("IEEE, little-endian")
    })();
    c_result(result)
}

/// `float.__format__(format_spec)`.
unsafe extern "C" fn float_format(op: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    let result = (|| {
        let spec = crate::abstract_::format::check_spec(spec)?;
        crate::abstract_::format::format_float_object(op, &spec)
    })();
    c_result(result)
}

/// float's methods.
pub(crate) static mut FLOAT_METHODS: [PyMethodDef; 13] = [
    plain(c"conjugate", float_conjugate, METH_NOARGS).doc(c"conjugate($self, /)\n--\n\nReturn self, the complex conjugate of any float."),
    plain(crate::objects::float_int::TRUNC_NAME, crate::objects::float_int::float_trunc, METH_NOARGS).doc(c"__trunc__($self, /)\n--\n\nReturn the Integral closest to x between 0 and x."),
    plain(c"__floor__", crate::objects::float_int::float_floor, METH_NOARGS).doc(c"__floor__($self, /)\n--\n\nReturn the floor as an Integral."),
    plain(c"__ceil__", crate::objects::float_int::float_ceil, METH_NOARGS).doc(c"__ceil__($self, /)\n--\n\nReturn the ceiling as an Integral."),
    // METH_VARARGS through a cast: `__round__(ndigits=None, /)`.
    plain(c"__round__", crate::objects::float_int::float_round, crate::object::methods::METH_VARARGS)
        .doc(c"__round__($self, ndigits=None, /)\n--\n\nReturn the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits)."),
    plain(c"as_integer_ratio", crate::objects::float_int::float_as_integer_ratio, METH_NOARGS).doc(c"as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original float\nand with a positive denominator.\n\nRaise OverflowError on infinities and a ValueError on NaNs.\n\n>>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n>>> (-.25).as_integer_ratio()\n(-1, 4)"),
    plain(c"fromhex", float_fromhex, METH_O | METH_CLASS).doc(c"fromhex($type, string, /)\n--\n\nCreate a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324"),
    plain(c"hex", float_hex, METH_NOARGS).doc(c"hex($self, /)\n--\n\nReturn a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'"),
    plain(c"is_integer", float_is_integer, METH_NOARGS).doc(c"is_integer($self, /)\n--\n\nReturn True if the float is an integer."),
    plain(c"__getnewargs__", float_getnewargs, METH_NOARGS).doc(c"__getnewargs__($self, /)\n--\n\n"),
    plain(c"__getformat__", float_getformat, METH_O | METH_CLASS).doc(c"__getformat__($type, typestr, /)\n--\n\nYou probably don't want to use this function.\n\n  typestr\n    Must be 'double' or 'float'.\n\nIt exists mainly to be used in Python's test suite.\n\nThis function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\nlittle-endian' best describes the format of floating point numbers used by the\nC type named by typestr."),
    plain(c"__format__", float_format, METH_O).doc(c"__format__($self, format_spec, /)\n--\n\nFormats the float according to format_spec."),
    END,
];

unsafe extern "C" fn float_get_real(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::float_arith::float_float(op)
}

unsafe extern "C" fn float_get_imag(_op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    float::PyFloat_FromDouble(0.0)
}

/// float's attributes `real` and `imag`.
pub(crate) static mut FLOAT_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef {
        name: c"real".as_ptr(),
        get: Some(float_get_real),
        set: None,
        doc: c"the real part of a complex number".as_ptr(),
        closure: core::ptr::null_mut(),
    },
    PyGetSetDef {
        name: c"imag".as_ptr(),
        get: Some(float_get_imag),
        set: None,
        doc: c"the imaginary part of a complex number".as_ptr(),
        closure: core::ptr::null_mut(),
    },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        assert_eq!(hex_text(0.1), "0x1.999999999999ap-4");
        assert_eq!(hex_text(-0.0), "-0x0.0p+0");
        assert_eq!(hex_text(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(hex_text(1.0), "0x1.0000000000000p+0");
        assert_eq!(hex_text(1.7976931348623157e308), "0x1.fffffffffffffp+1023");
        let p = |s: &str| parse_hex_float(s.as_bytes());
        assert_eq!(p("0x1p1"), Ok(2.0));
        assert_eq!(p("  0x1.8p1  "), Ok(3.0));
        assert_eq!(p("-0X1.8P+1"), Ok(-3.0));
        assert_eq!(p("1.8p1"), Ok(3.0));
        assert_eq!(p("0x.8p1"), Ok(1.0));
        assert_eq!(p("0x1."), Ok(1.0));
        assert_eq!(p("0x1p-1075"), Ok(0.0));
        assert_eq!(p("0x1p-1074"), Ok(5e-324));
        assert_eq!(p("0x1.fffffffffffff8p1023"), Err(HexError::TooLarge));
        assert_eq!(p("0x1.fffffffffffff7p1023"), Ok(1.7976931348623157e308));
        assert_eq!(p("0x1p1024"), Err(HexError::TooLarge));
        for bad in ["0x", "0xp1", "0x1p", "0x1p+", "0x1_0p1", "", " ", "0x.p1", "0x1.8p1x"] {
            assert_eq!(p(bad), Err(HexError::Invalid), "{bad}");
        }
        assert_eq!(p("0x1.0000000000000800000001p0"), Ok(1.0000000000000002));
        assert_eq!(p("0x1.00000000000008p0"), Ok(1.0));
        assert_eq!(p("0x1.00000000000018p0"), Ok(1.0000000000000004));
        assert_eq!(p("0x3p-1076"), Ok(5e-324));
        assert_eq!(p("0x1.8p-1074"), Ok(1e-323));
        assert_eq!(p("0x1p99999999999999999999"), Err(HexError::TooLarge));
        assert_eq!(p("0x0p99999999999999999999"), Ok(0.0));
        assert_eq!(p("+0x1.a"), Ok(1.625));
        for x in [0.1, 1e300, 5e-324, 2.2250738585072014e-308, 1.1125369292536007e-308, 123.456] {
            assert_eq!(p(&hex_text(x)), Ok(x));
        }
    }
}
