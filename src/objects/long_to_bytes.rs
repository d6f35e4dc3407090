//! `int.to_bytes(length=1, byteorder='big', *, signed=False)` and the classmethod
//! `int.from_bytes(bytes, byteorder='big', *, signed=False)`, on the two's complement
//! conversions of long_bytes.rs, with the argument checks and messages of CPython 3.11's
//! generated (Argument Clinic) parsers.
use crate::abstract_::object::is_true;
use crate::abstract_::{from_slot, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::long_bytes::{from_le_bytes, to_le_bytes};
use crate::objects::{bytes, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// The parameters of one method: names in order, how many may be positional, how many are
/// required.
struct Params {
    function: &'static str,
    names: &'static [&'static str],
    max_positional: usize,
    required: usize,
}

/// Binds vectorcall arguments to `params` (CPython's `_PyArg_UnpackKeywords` rules and
/// messages): one slot per parameter, None where the default applies.
unsafe fn bind(
    params: &Params,
    args: *const *mut PyObject,
    nargs: usize,
    kwnames: *mut PyObject,
) -> PyResult<Vec<Option<*mut PyObject>>> {
    let f = params.function;
    let kw: &[*mut PyObject] = if kwnames.is_null() { &[] } else { tuple::items(kwnames) };
    let total = nargs + kw.len();
    let max = params.names.len();
    if total > max {
        let keyword = if nargs == 0 { "keyword " } else { "" };
        let plural = if max == 1 { "" } else { "s" };
        return Err(type_error(format!("{f}() takes at most {max} {keyword}argument{plural} ({total} given)")));
    }
    if nargs > params.max_positional {
        let how = if params.required < params.max_positional { "at most" } else { "exactly" };
        let n = params.max_positional;
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!("{f}() takes {how} {n} positional argument{plural} ({nargs} given)")));
    }
    let mut bound: Vec<Option<*mut PyObject>> = vec![None; max];
    for (i, slot) in bound.iter_mut().enumerate().take(nargs) {
        *slot = Some(*args.add(i));
    }
    for (k, &name) in kw.iter().enumerate() {
        let text = pystr::to_string(name);
        match params.names.iter().position(|&p| p == text) {
            Some(i) if i < nargs => {
                return Err(type_error(format!(
                    "argument for {f}() given by name ('{text}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => bound[i] = Some(*args.add(nargs + k)),
            None => return Err(type_error(format!("'{text}' is an invalid keyword argument for {f}()"))),
        }
    }
    for (i, slot) in bound.iter().enumerate().take(params.required) {
        if slot.is_none() {
            return Err(type_error(format!(
                "{f}() missing required argument '{}' (pos {})",
                params.names[i],
                i + 1
            )));
        }
    }
    Ok(bound)
}

/// `byteorder`: true for 'little', false for 'big'.
unsafe fn little_endian(function: &str, value: Option<*mut PyObject>) -> PyResult<bool> {
    let Some(v) = value else { return Ok(false) };
    if !pystr::is_str(v) {
        return Err(type_error(format!("{function}() argument 'byteorder' must be str, not {}", tp_name(v))));
    }
    match pystr::to_string(v).as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(raise_type(&raw mut exc::_PyExc_ValueError, "byteorder must be either 'little' or 'big'")),
    }
}

unsafe fn signed(value: Option<*mut PyObject>) -> PyResult<bool> {
    match value {
        Some(v) => is_true(v),
        None => Ok(false),
    }
}

unsafe fn to_bytes_impl(op: *mut PyObject, args: *const *mut PyObject, nargs: usize, kwnames: *mut PyObject) -> PyResult<PyRef> {
    const PARAMS: Params =
        Params { function: "to_bytes", names: &["length", "byteorder", "signed"], max_positional: 2, required: 0 };
    let a = bind(&PARAMS, args, nargs, kwnames)?;
    let length: Py_ssize_t = match a[0] {
        Some(v) => {
            let n = crate::abstract_::number::PyNumber_AsSsize_t(v, exc::PyExc_OverflowError);
            if n == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
                return Err(crate::errors::raised::Raised::assume_set());
            }
            n
        }
        None => 1,
    };
    let little = little_endian("to_bytes", a[1])?;
    let signed = signed(a[2])?;
    if length < 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "length argument must be non-negative"));
    }
    let mut out = vec![0u8; length as usize];
    to_le_bytes(op, &mut out, signed)?;
    if !little {
        out.reverse();
    }
    bytes::from_slice(&out)
}

unsafe fn from_bytes_impl(cls: *mut PyObject, args: *const *mut PyObject, nargs: usize, kwnames: *mut PyObject) -> PyResult<PyRef> {
    const PARAMS: Params =
        Params { function: "from_bytes", names: &["bytes", "byteorder", "signed"], max_positional: 2, required: 1 };
    let a = bind(&PARAMS, args, nargs, kwnames)?;
    let little = little_endian("from_bytes", a[1])?;
    let signed = signed(a[2])?;
    let data = from_slot(crate::objects::bytes::PyObject_Bytes(a[0].expect("required")))?;
    let mut raw = bytes::as_slice(data.as_ptr()).to_vec();
    if !little {
        raw.reverse();
    }
    let value = from_le_bytes(&raw, signed)?;
    if cls == &raw mut crate::objects::int::PyLong_Type as *mut PyObject {
        return Ok(value);
    }
    // A subclass gets `cls(value)`, as CPython does.
    from_slot(crate::abstract_::call::PyObject_CallOneArg(cls, value.as_ptr()))
}

/// `int.to_bytes` (METH_FASTCALL | METH_KEYWORDS).
pub(crate) unsafe extern "C" fn to_bytes(
    op: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret_obj(to_bytes_impl(op, args, nargs as usize, kwnames))
}

/// `int.from_bytes` (METH_FASTCALL | METH_KEYWORDS | METH_CLASS): `op` is the class.
pub(crate) unsafe extern "C" fn from_bytes(
    cls: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret_obj(from_bytes_impl(cls, args, nargs as usize, kwnames))
}
