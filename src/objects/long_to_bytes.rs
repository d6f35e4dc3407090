//! `int.to_bytes(length=1, byteorder='big', *, signed=False)` and the classmethod
//! `int.from_bytes(bytes, byteorder='big', *, signed=False)`, on the two's complement
//! conversions of long_bytes.rs, with the argument checks and messages of CPython 3.11's
//! generated (Argument Clinic) parsers.
use crate::abstract_::object::is_true;
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{from_slot, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::long_bytes::{from_le_bytes, to_le_bytes};
use crate::objects::{bytes, str as pystr};
use crate::pyport::Py_ssize_t;

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
        Params { function: "to_bytes", names: &["length", "byteorder", "signed"], positional_only: 0, max_positional: 2, required: 0 };
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
        Params { function: "from_bytes", names: &["bytes", "byteorder", "signed"], positional_only: 0, max_positional: 2, required: 1 };
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
