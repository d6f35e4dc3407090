//! `str(object='')` and `str(bytes_or_buffer, encoding, errors)`: the str type's `tp_new`,
//! instances of subclasses (non-compact `PyUnicodeObject`s with a separate data block, as in
//! CPython), and `tp_str`.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{from_slot, ret_obj, tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::str::{self as pystr, PyASCIIObject, PyCompactUnicodeObject, PyUnicodeObject, PyUnicode_Type};
use crate::pyport::Py_ssize_t;

/// `tp_str` of str: the exact str equal to `op` (itself when exact).
pub(crate) unsafe extern "C" fn str_str(op: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::objects::str_access::substring(op, 0, pystr::len(op)))
}

/// Decoding `obj` for `str(obj, encoding, errors)` (CPython's `PyUnicode_FromEncodedObject`).
/// Hook for the codecs area: until `PyUnicode_FromEncodedObject` exists, bytes are decoded
/// by `bytes.decode(encoding, errors)`.
unsafe fn decode_object(obj: *mut PyObject, encoding: *mut PyObject, errors: *mut PyObject) -> PyResult<PyRef> {
    if pystr::is_str(obj) {
        return Err(type_error("decoding str is not supported"));
    }
    if !crate::objects::bytes::is_bytes(obj) {
        return Err(type_error(format!("decoding to str: need a bytes-like object, {:.80} found", tp_name(obj))));
    }
    let name = pystr::intern("decode")?;
    let decode = crate::object::object_attr::get_attr(obj, name.as_ptr())?;
    let utf8 = pystr::from_utf8("utf-8")?;
    let strict = pystr::from_utf8("strict")?;
    let args = [
        if encoding.is_null() { utf8.as_ptr() } else { encoding },
        if errors.is_null() { strict.as_ptr() } else { errors },
    ];
    from_slot(crate::abstract_::call::vectorcall(decode.as_ptr(), args.as_ptr(), 2, core::ptr::null_mut()))
}

unsafe fn text_arg(o: Option<*mut PyObject>, name: &str) -> PyResult<*mut PyObject> {
    match o {
        None => Ok(core::ptr::null_mut()),
        Some(o) if pystr::is_str(o) => Ok(o),
        Some(o) => Err(type_error(format!("str() argument '{name}' must be str, not {:.100}", tp_name(o)))),
    }
}

/// The exact str that `str(...)` makes from the bound arguments.
unsafe fn make(args: *mut PyObject, kwargs: *mut PyObject) -> PyResult<PyRef> {
    static P: Params = Params { function: "str", names: &["object", "encoding", "errors"], positional_only: 0, max_positional: 3, required: 0 };
    let positional: &[*mut PyObject] = if args.is_null() { &[] } else { crate::objects::tuple::items(args) };
    let a = if kwargs.is_null() || crate::objects::dict::len(kwargs) == 0 {
        bind(&P, positional.as_ptr(), positional.len(), core::ptr::null_mut())?
    } else {
        let unpacked = crate::abstract_::call::unpack_dict(positional, kwargs)?;
        bind(&P, unpacked.args(), unpacked.nargsf() & !crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET, unpacked.kwnames())?
    };
    let encoding = text_arg(a[1], "encoding")?;
    let errors = text_arg(a[2], "errors")?;
    let Some(x) = a[0] else { return pystr::empty() };
    if encoding.is_null() && errors.is_null() {
        return from_slot(crate::abstract_::object::PyObject_Str(x));
    }
    decode_object(x, encoding, errors)
}

/// `tp_new` of str.
pub(crate) unsafe extern "C" fn str_new(tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let s = make(args, kwargs)?;
        if tp == &raw mut PyUnicode_Type {
            return Ok(s);
        }
        subtype_instance(tp, s.as_ptr())
    })())
}

/// `tp_vectorcall` of str: `str(x)` and `str()` without the argument tuple and the binder
/// (static types' `tp_vectorcall` is not inherited, so this only sees `str` itself); other
/// forms take the `tp_new` path.
pub(crate) unsafe extern "C" fn str_vectorcall(
    tp: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let nargs = nargsf & !crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
    if tp == &raw mut PyUnicode_Type as *mut PyObject && (kwnames.is_null() || crate::objects::tuple::len(kwnames) == 0) {
        match nargs {
            0 => return ret_obj(pystr::empty()),
            1 => return crate::abstract_::object::PyObject_Str(*args),
            _ => {}
        }
    }
    crate::abstract_::call::make_tp_call(tp, args, nargs, kwnames)
}

/// An instance of the str subclass `tp` equal to the str `s`: a `PyUnicodeObject` whose
/// code units live in their own block (ASCII ones double as the UTF-8 form).
unsafe fn subtype_instance(tp: *mut PyTypeObject, s: *mut PyObject) -> PyResult<PyRef> {
    let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = from_slot(alloc(tp, 0))?;
    let n = pystr::len(s);
    let kind = pystr::kind(s);
    let ascii = (*(s as *mut PyASCIIObject)).ascii();
    let data = crate::object::pymem::PyObject_Malloc((n + 1) * kind) as *mut u8;
    if data.is_null() {
        return Err(no_memory());
    }
    core::ptr::copy_nonoverlapping(pystr::data(s), data, (n + 1) * kind);
    let u = op.as_ptr() as *mut PyUnicodeObject;
    (*u).data = data as *mut core::ffi::c_void;
    let c = u as *mut PyCompactUnicodeObject;
    (*c).utf8 = if ascii { data as *mut core::ffi::c_char } else { core::ptr::null_mut() };
    (*c).utf8_length = if ascii { n as Py_ssize_t } else { 0 };
    (*c).wstr_length = 0;
    let a = &mut *(u as *mut PyASCIIObject);
    a.length = n as Py_ssize_t;
    a.hash = (*(s as *mut PyASCIIObject)).hash;
    a.wstr = core::ptr::null_mut();
    a.state = 0;
    a.set_kind(kind as core::ffi::c_uint);
    a.set_compact(false);
    a.set_ascii(ascii);
    a.set_ready(true);
    Ok(op)
}

