//! The `binascii` module: hex, base64, uu and quoted-printable codecs, `crc32` and
//! `crc_hqx`, `Error` (a ValueError) and `Incomplete`. Decoders (`a2b_*`) take bytes-like
//! objects or ASCII str; encoders (`b2a_*`) bytes-like objects only.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::bytes_arg::{self, Bytes};
use crate::modules::module_init::{add, create, dict_of};
use crate::modules::{args_slice, fast, fast_kw, meth, module_def, owned, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{bytes, int, str as pystr};

mod base64;
mod crc;
pub(crate) mod hex;
mod qp;
mod uu;

static mut BINASCII_ERROR: *mut PyObject = core::ptr::null_mut();
static mut INCOMPLETE: *mut PyObject = core::ptr::null_mut();

/// Raises `binascii.Error(message)`.
pub(crate) fn binascii_error(message: &str) -> Raised {
    // SAFETY: made with the module, before any of its functions runs.
    unsafe { raise_type(BINASCII_ERROR as *mut PyTypeObject, message) }
}

/// The data of a decoder's argument: a bytes-like object or an ASCII str.
enum AsciiData {
    Buffer(Bytes),
    Text(String),
}

impl AsciiData {
    fn as_slice(&self) -> &[u8] {
        match self {
            AsciiData::Buffer(b) => b.as_slice(),
            AsciiData::Text(s) => s.as_bytes(),
        }
    }
}

unsafe fn ascii_data(o: *mut PyObject) -> PyResult<AsciiData> {
    if pystr::is_str(o) {
        let s = pystr::to_string(o);
        if !s.is_ascii() {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "string argument should contain only ASCII characters"));
        }
        return Ok(AsciiData::Text(s));
    }
    if crate::objects::bytes_buffer::PyObject_CheckBuffer(o) == 0 {
        return Err(type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", tp_name(o))));
    }
    Ok(AsciiData::Buffer(bytes_arg::read(o)?))
}

/// A flag argument (Argument Clinic's `bool(accept={int})`): an integer, true if nonzero.
unsafe fn flag(o: Option<*mut PyObject>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(o) => {
            let i = crate::abstract_::number::index(o)?;
            Ok(int::size_of(i.as_ptr()) != 0)
        }
    }
}

/// An `unsigned int` argument taken modulo 2**32 (`PyLong_AsUnsignedLongMask`).
unsafe fn masked_u32(o: *mut PyObject) -> PyResult<u32> {
    let i = crate::abstract_::number::index(o)?;
    Ok(crate::objects::long_convert::low_u64(i.as_ptr()) as u32)
}

fn out(data: &[u8]) -> PyResult<PyRef> {
    bytes::from_slice(data)
}

/// Exactly `n` positional arguments, with Argument Clinic's message.
unsafe fn positional<'a>(name: &str, args: *const *mut PyObject, nargs: isize, min: usize, max: usize) -> PyResult<&'a [*mut PyObject]> {
    let a = args_slice(args, nargs);
    if a.len() < min || a.len() > max {
        let (how, n) = if min == max { ("", min) } else if a.len() < min { ("at least ", min) } else { ("at most ", max) };
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!("{name} expected {how}{n} argument{plural}, got {}", a.len())));
    }
    Ok(a)
}

unsafe extern "C" fn a2b_uu(_m: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    ret_obj((|| out(&uu::decode(ascii_data(data)?.as_slice())?))())
}

static B2A_UU: Params = Params { function: "b2a_uu", names: &["data", "backtick"], positional_only: 1, max_positional: 1, required: 1 };

unsafe extern "C" fn b2a_uu(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&B2A_UU, args, nargs as usize, kw)?;
        let data = bytes_arg::read(b[0].unwrap())?;
        out(&uu::encode(data.as_slice(), flag(b[1], false)?)?)
    })())
}

static A2B_BASE64: Params = Params { function: "a2b_base64", names: &["data", "strict_mode"], positional_only: 1, max_positional: 1, required: 1 };

unsafe extern "C" fn a2b_base64(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&A2B_BASE64, args, nargs as usize, kw)?;
        let data = ascii_data(b[0].unwrap())?;
        out(&base64::decode(data.as_slice(), flag(b[1], false)?)?)
    })())
}

static B2A_BASE64: Params = Params { function: "b2a_base64", names: &["data", "newline"], positional_only: 1, max_positional: 1, required: 1 };

unsafe extern "C" fn b2a_base64(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&B2A_BASE64, args, nargs as usize, kw)?;
        let data = bytes_arg::read(b[0].unwrap())?;
        out(&base64::encode(data.as_slice(), flag(b[1], true)?))
    })())
}

unsafe extern "C" fn crc_hqx(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("crc_hqx", args, nargs, 2, 2)?;
        let data = bytes_arg::read(a[0])?;
        let crc = masked_u32(a[1])? as u16;
        int::from_i64(crc::crc_hqx(data.as_slice(), crc) as i64)
    })())
}

unsafe extern "C" fn crc32(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("crc32", args, nargs, 1, 2)?;
        let data = bytes_arg::read(a[0])?;
        let crc = match a.get(1) {
            Some(&c) => masked_u32(c)?,
            None => 0,
        };
        int::from_i64(crate::modules::zlib::checksum::crc32(crc, data.as_slice()) as i64)
    })())
}

/// `hexlify`/`b2a_hex`: `data` in hex digits, `sep` between groups of `bytes_per_sep`.
unsafe fn hexlify_impl(params: &Params, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> PyResult<PyRef> {
    let b = bind(params, args, nargs as usize, kw)?;
    let data = bytes_arg::read(b[0].unwrap())?;
    let sep = match b[1] {
        Some(s) => Some(crate::objects::bytes_methods::hex_separator(s, true)?),
        None => None,
    };
    let group = match b[2] {
        Some(g) => crate::abstract_::item::as_ssize(g, Some(&raw mut exc::_PyExc_OverflowError))?,
        None => 1,
    };
    out(&crate::objects::bytes_methods::hex_text(data.as_slice(), sep, group))
}

static HEXLIFY: Params = Params { function: "hexlify", names: &["data", "sep", "bytes_per_sep"], positional_only: 0, max_positional: 3, required: 1 };
static B2A_HEX: Params = Params { function: "b2a_hex", names: &["data", "sep", "bytes_per_sep"], positional_only: 0, max_positional: 3, required: 1 };

unsafe extern "C" fn hexlify(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj(hexlify_impl(&HEXLIFY, args, nargs, kw))
}

unsafe extern "C" fn b2a_hex(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj(hexlify_impl(&B2A_HEX, args, nargs, kw))
}

unsafe extern "C" fn unhexlify(_m: *mut PyObject, hexstr: *mut PyObject) -> *mut PyObject {
    ret_obj((|| hex::unhexlify(ascii_data(hexstr)?.as_slice()))())
}

static A2B_QP: Params = Params { function: "a2b_qp", names: &["data", "header"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn a2b_qp(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&A2B_QP, args, nargs as usize, kw)?;
        let data = ascii_data(b[0].unwrap())?;
        out(&qp::decode(data.as_slice(), flag(b[1], false)?))
    })())
}

static B2A_QP: Params = Params { function: "b2a_qp", names: &["data", "quotetabs", "istext", "header"], positional_only: 0, max_positional: 4, required: 1 };

unsafe extern "C" fn b2a_qp(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&B2A_QP, args, nargs as usize, kw)?;
        let data = bytes_arg::read(b[0].unwrap())?;
        out(&qp::encode(data.as_slice(), flag(b[1], false)?, flag(b[2], true)?, flag(b[3], false)?))
    })())
}

static mut BINASCII_FUNCTIONS: [PyMethodDef; 13] = [
    meth(c"a2b_uu", a2b_uu, METH_O, c"a2b_uu($module, data, /)\n--\n\nDecode a line of uuencoded data."),
    fast_kw(c"b2a_uu", b2a_uu, c"b2a_uu($module, data, /, *, backtick=False)\n--\n\nUuencode line of data."),
    fast_kw(c"a2b_base64", a2b_base64, c"a2b_base64($module, data, /, *, strict_mode=False)\n--\n\nDecode a line of base64 data.\n\n  strict_mode\n    When set to True, bytes that are not part of the base64 standard are not allowed.\n    The same applies to excess data after padding (= / ==)."),
    fast_kw(c"b2a_base64", b2a_base64, c"b2a_base64($module, data, /, *, newline=True)\n--\n\nBase64-code line of data."),
    fast(c"crc_hqx", crc_hqx, c"crc_hqx($module, data, crc, /)\n--\n\nCompute CRC-CCITT incrementally."),
    fast(c"crc32", crc32, c"crc32($module, data, crc=0, /)\n--\n\nCompute CRC-32 incrementally."),
    fast_kw(c"b2a_hex", b2a_hex, c"b2a_hex($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nHexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  This function is also\navailable as \"hexlify()\"."),
    fast_kw(c"hexlify", hexlify, c"hexlify($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nHexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  This function is also\navailable as \"b2a_hex()\"."),
    meth(c"a2b_hex", unhexlify, METH_O, c"a2b_hex($module, hexstr, /)\n--\n\nBinary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).\nThis function is also available as \"unhexlify()\"."),
    meth(c"unhexlify", unhexlify, METH_O, c"unhexlify($module, hexstr, /)\n--\n\nBinary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case)."),
    fast_kw(c"a2b_qp", a2b_qp, c"a2b_qp($module, /, data, header=False)\n--\n\nDecode a string of qp-encoded data."),
    fast_kw(c"b2a_qp", b2a_qp, c"b2a_qp($module, /, data, quotetabs=False, istext=True, header=False)\n--\n\nEncode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are not encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare both encoded.  When quotetabs is set, space and tabs are encoded."),
    END,
];

static mut BINASCII_DEF: PyModuleDef = module_def(
    c"binascii",
    c"Conversion between binary data and ASCII",
    (&raw mut BINASCII_FUNCTIONS) as *mut PyMethodDef,
);

unsafe fn new_exception(name: &core::ffi::CStr, base: *mut PyTypeObject) -> PyResult<*mut PyObject> {
    Ok(owned(crate::errors::setters::PyErr_NewException(name.as_ptr(), base as *mut PyObject, core::ptr::null_mut()))?.into_ptr())
}

/// `PyInit_binascii` for the inittab.
pub(crate) unsafe extern "C" fn init_binascii() -> *mut PyObject {
    ret_obj((|| {
        if BINASCII_ERROR.is_null() {
            BINASCII_ERROR = new_exception(c"binascii.Error", &raw mut exc::_PyExc_ValueError)?;
            INCOMPLETE = new_exception(c"binascii.Incomplete", &raw mut exc::_PyExc_Exception)?;
        }
        let m = create(&raw mut BINASCII_DEF)?;
        let d = dict_of(&m);
        add(d, "Error", BINASCII_ERROR)?;
        add(d, "Incomplete", INCOMPLETE)?;
        Ok(m)
    })())
}
