//! `str.encode(encoding='utf-8', errors='strict')` and `bytes.decode(...)` (also serving
//! `bytearray.decode`): METH_FASTCALL | METH_KEYWORDS functions the str/bytes/bytearray
//! method tables register with one line each.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::codecs::generic::{decode_text, encode_text};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::str as pystr;
use crate::pyport::Py_ssize_t;

/// An optional str argument as text, with Argument Clinic's messages.
unsafe fn text_arg(f: &str, what: &str, a: Option<*mut PyObject>) -> PyResult<Option<String>> {
    let Some(a) = a else { return Ok(None) };
    if !pystr::is_str(a) {
        return Err(type_error(format!("{f}() argument '{what}' must be str, not {}", tp_name(a))));
    }
    let t = pystr::to_string(a);
    if t.contains('\0') {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "embedded null character"));
    }
    Ok(Some(t))
}

static ENCODE: Params = Params { function: "encode", names: &["encoding", "errors"], positional_only: 0, max_positional: 2, required: 0 };
static DECODE: Params = Params { function: "decode", names: &["encoding", "errors"], positional_only: 0, max_positional: 2, required: 0 };

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(crate) unsafe extern "C" fn str_encode(self_: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let a = bind(&ENCODE, args, nargs as usize, kwnames)?;
        let encoding = text_arg("encode", "encoding", a[0])?;
        let errors = text_arg("encode", "errors", a[1])?;
        encode_text(self_, encoding.as_deref(), errors.as_deref())
    })())
}

/// `bytes.decode(encoding='utf-8', errors='strict')`, and `bytearray.decode`: any object
/// exporting a buffer.
pub(crate) unsafe extern "C" fn bytes_decode(self_: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let a = bind(&DECODE, args, nargs as usize, kwnames)?;
        let encoding = text_arg("decode", "encoding", a[0])?;
        let errors = text_arg("decode", "errors", a[1])?;
        if crate::objects::bytes::is_bytes(self_) {
            return decode_text(crate::objects::bytes::as_slice(self_), self_, encoding.as_deref(), errors.as_deref());
        }
        let data = crate::objects::bytes::bytes_like(self_)?;
        decode_text(&data, core::ptr::null_mut(), encoding.as_deref(), errors.as_deref())
    })())
}

/// The str methods of this area, joined into str's table by src/objects/str_methods.rs.
pub(crate) const STR_METHODS: &[crate::object::methods::PyMethodDef] = &[crate::object::method_table::fast_kw(
    c"encode",
    str_encode,
    crate::object::methods::METH_FASTCALL | crate::object::methods::METH_KEYWORDS,
)];
