//! `format(obj, spec)`: `PyObject_Format`, and the `__format__` of the builtin number and
//! text types, which render through src/objects/format_spec.rs.
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::format_spec::{self as fs, FormatError, FormatSpec};
use crate::objects::str as pystr;
use crate::objects::str_repr::StrBuilder;

/// The code points of a str.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn code_points(s: *mut PyObject) -> Vec<u32> {
    (0..pystr::len(s)).map(|i| pystr::read_char(s, i)).collect()
}

/// A new str of code points.
pub(crate) fn str_of(cps: &[u32]) -> PyResult<PyRef> {
    let mut b = StrBuilder::with_capacity(cps.len());
    for &c in cps {
        b.push(c);
    }
    b.finish()
}

/// Raises a formatting error.
pub(crate) fn raise_format_error(e: FormatError) -> Raised {
    match e {
        FormatError::Value(m) => raise_type(&raw mut exc::_PyExc_ValueError, m),
        FormatError::Overflow(m) => raise_type(&raw mut exc::_PyExc_OverflowError, m),
        FormatError::Raised => Raised::assume_set(),
    }
}

/// An int object seen by the int renderer.
struct IntObject(*mut PyObject);

impl fs::IntDigits for IntObject {
    fn is_negative(&self) -> bool {
        // SAFETY: a live int.
        unsafe { crate::objects::int::size_of(self.0) < 0 }
    }
    fn magnitude_digits(&self, base: u32) -> Result<String, FormatError> {
        // An int below 2**60 in decimal: machine arithmetic, not the big-int conversion.
        // SAFETY: a live int.
        if base == 10 {
            if let Some(v) = unsafe { crate::objects::int::medium_value(self.0) } {
                return Ok(v.unsigned_abs().to_string());
            }
        }
        // SAFETY: a live int.
        let text = unsafe { crate::objects::long_str::to_base_string(self.0, base) }.map_err(|_| FormatError::Raised)?;
        Ok(text.strip_prefix('-').map(str::to_string).unwrap_or(text))
    }
    fn as_long(&self) -> Result<i64, FormatError> {
        // SAFETY: a live int.
        unsafe { crate::objects::long_convert::as_i64(self.0) }.map_err(|_| FormatError::Raised)
    }
}

/// `int.__format__(spec)`: an empty spec is `str(n)`; float presentation types format
/// `float(n)`.
///
/// # Safety
/// `n` is a live int.
pub(crate) unsafe fn format_int_object(n: *mut PyObject, spec: &[u32]) -> PyResult<PyRef> {
    if spec.is_empty() {
        return PyRef::from_owned(crate::abstract_::object::PyObject_Str(n)).ok_or_else(Raised::assume_set);
    }
    let type_name = tname(n);
    let f = FormatSpec::parse(spec, &type_name, u32::from(b'd'), b'>').map_err(raise_format_error)?;
    match fs::format_int(&IntObject(n), &f).map_err(raise_format_error)? {
        fs::IntFormatted::Text(t) => str_of(&t),
        fs::IntFormatted::AsFloat => {
            let x = crate::objects::long_float::to_f64(n)?;
            str_of(&fs::format_float(x, &f).map_err(raise_format_error)?)
        }
    }
}

/// Checks the argument of a `__format__` method: a str (TypeError "__format__() argument
/// must be str, not T").
///
/// # Safety
/// `spec` is a live object.
pub(crate) unsafe fn check_spec(spec: *mut PyObject) -> PyResult<Vec<u32>> {
    if !pystr::is_str(spec) {
        return Err(raise(
            ExcType::TypeError,
            format!("__format__() argument must be str, not {}", crate::objects::float::type_name_n((*spec).ob_type, 200)),
        ));
    }
    Ok(code_points(spec))
}

/// The type name of `op` for format messages: `tp_name` itself when it is short UTF-8
/// (no allocation per format call), else its first 200 bytes.
unsafe fn tname<'a>(op: *mut PyObject) -> std::borrow::Cow<'a, str> {
    let tp = (*op).ob_type;
    if !(*tp).tp_name.is_null() {
        let name = core::ffi::CStr::from_ptr((*tp).tp_name).to_bytes();
        if name.len() <= 200 {
            if let Ok(text) = core::str::from_utf8(name) {
                return std::borrow::Cow::Borrowed(text);
            }
        }
    }
    std::borrow::Cow::Owned(crate::objects::float::type_name_n(tp, 200))
}

/// `float.__format__(spec)` of `op`, a float (or subclass instance).
///
/// # Safety
/// `op` is a live float.
pub(crate) unsafe fn format_float_object(op: *mut PyObject, spec: &[u32]) -> PyResult<PyRef> {
    let x = crate::objects::float::value(op);
    if spec.is_empty() {
        return crate::objects::str::from_utf8(&crate::runtime::strtod::repr_double(x));
    }
    let type_name = tname(op);
    let f = FormatSpec::parse(spec, &type_name, 0, b'>').map_err(raise_format_error)?;
    str_of(&fs::format_float(x, &f).map_err(raise_format_error)?)
}

/// `complex.__format__(spec)` of `op`, a complex (or subclass instance).
///
/// # Safety
/// `op` is a live complex.
pub(crate) unsafe fn format_complex_object(op: *mut PyObject, spec: &[u32]) -> PyResult<PyRef> {
    let crate::objects::complex::Py_complex { real, imag } = crate::objects::complex::cval(op);
    let type_name = tname(op);
    let f = FormatSpec::parse(spec, &type_name, 0, b'>').map_err(raise_format_error)?;
    str_of(&fs::format_complex(real, imag, &f).map_err(raise_format_error)?)
}

/// `str.__format__(spec)`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn format_str_object(s: *mut PyObject, spec: &[u32]) -> PyResult<PyRef> {
    if spec.is_empty() {
        // The str itself when exact; a subclass instance gives an exact copy.
        if (*s).ob_type == &raw mut pystr::PyUnicode_Type {
            return Ok(PyRef::from_borrowed(s).expect("not NULL"));
        }
        return str_of(&code_points(s));
    }
    let type_name = tname(s);
    let f = FormatSpec::parse(spec, &type_name, u32::from(b's'), b'<').map_err(raise_format_error)?;
    str_of(&fs::format_str(&code_points(s), &f).map_err(raise_format_error)?)
}

/// `PyObject *PyObject_Format(PyObject *obj, PyObject *format_spec)`: `format(obj, spec)`,
/// i.e. `type(obj).__format__(obj, spec)`, which must return a str. A NULL spec is "".
#[no_mangle]
pub unsafe extern "C" fn PyObject_Format(obj: *mut PyObject, format_spec: *mut PyObject) -> *mut PyObject {
    object_format(obj, format_spec).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe fn object_format(obj: *mut PyObject, spec: *mut PyObject) -> PyResult<PyRef> {
    if obj.is_null() {
        return Err(crate::object::pending_error::bad_internal_call());
    }
    if !spec.is_null() && !pystr::is_str(spec) {
        return Err(raise(
            ExcType::SystemError,
            format!(
                "Format specifier must be a string, not {}",
                crate::objects::float::type_name_n((*spec).ob_type, 200)
            ),
        ));
    }
    let empty = spec.is_null() || pystr::len(spec) == 0;
    // Exact builtin types: their __format__ cannot be replaced, so call it directly.
    let tp = (*obj).ob_type;
    if tp == &raw mut pystr::PyUnicode_Type {
        return format_str_object(obj, &if empty { Vec::new() } else { code_points(spec) });
    }
    if tp == crate::objects::float::float_type() {
        return format_float_object(obj, &if empty { Vec::new() } else { code_points(spec) });
    }
    let spec_cps = || if empty { Vec::new() } else { code_points(spec) };
    if tp == &raw mut crate::objects::int::PyLong_Type || tp == &raw mut crate::objects::bool::PyBool_Type {
        return format_int_object(obj, &spec_cps());
    }
    if tp == crate::objects::complex::complex_type() {
        return format_complex_object(obj, &spec_cps());
    }
    let spec_ref = match PyRef::from_borrowed(spec) {
        Some(s) => s,
        None => pystr::from_utf8("")?,
    };
    let name = pystr::intern("__format__")?;
    let Some(meth) = crate::object::type_cache::lookup(tp, name.as_ptr())? else {
        return Err(raise(
            ExcType::TypeError,
            format!("Type {} doesn't define __format__", crate::objects::float::type_name_n(tp, 100)),
        ));
    };
    // Bind and call the special method: meth.__get__(obj, type)(spec).
    let meth = PyRef::from_borrowed(meth).expect("not NULL");
    let descr_get = (*(*meth.as_ptr()).ob_type).tp_descr_get;
    let bound = match descr_get {
        Some(get) => PyRef::from_owned(get(meth.as_ptr(), obj, tp as *mut PyObject)).ok_or_else(Raised::assume_set)?,
        None => meth,
    };
    let result = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(bound.as_ptr(), spec_ref.as_ptr()))
        .ok_or_else(Raised::assume_set)?;
    if !pystr::is_str(result.as_ptr()) {
        return Err(raise(
            ExcType::TypeError,
            format!(
                "__format__ must return a str, not {}",
                crate::objects::float::type_name_n((*result.as_ptr()).ob_type, 200)
            ),
        ));
    }
    Ok(result)
}
