//! The `_codecs` module: the codec registry (`register`, `unregister`, `lookup`,
//! `encode`, `decode`, `lookup_error`, `register_error`) and the raw codec functions the
//! `encodings` package wraps (`utf_8_encode`, `charmap_decode`, ...). Every function is
//! positional-only; each returns `(result, consumed length)` as CPython's do. The codecs
//! themselves live in src/codecs/.
use core::ffi::c_int;

use crate::abstract_::{none, tp_name, type_error};
use crate::codecs::error_mode::ErrorMode;
use crate::codecs::generic::{decode_builtin, encode_builtin, Builtin, Order};
use crate::codecs::{charmap, registry, utf16, utf32, utf7};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, fast_kw, meth, module_def, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, str as pystr, tuple};

// ---- argument conversion (Argument Clinic's messages) ------------------------------------

/// Checks the number of positional arguments: "f expected at least 1 argument, got 0".
unsafe fn arity<'a>(f: &str, args: *const *mut PyObject, nargs: isize, min: usize, max: usize) -> PyResult<&'a [*mut PyObject]> {
    let a = args_slice(args, nargs);
    let name = std::ffi::CString::new(f).unwrap();
    if !crate::abstract_::getargs::check_positional(name.as_ptr(), a.len() as isize, min as isize, max as isize) {
        return Err(Raised::assume_set());
    }
    Ok(a)
}

unsafe fn str_param(f: &str, n: usize, o: *mut PyObject) -> PyResult<*mut PyObject> {
    if !pystr::is_str(o) {
        return Err(type_error(format!("{f}() argument {n} must be str, not {}", tp_name(o))));
    }
    Ok(o)
}

/// The optional `errors` argument at index `i`: absent or None is `None`.
unsafe fn errors_param(f: &str, a: &[*mut PyObject], i: usize) -> PyResult<Option<String>> {
    match a.get(i) {
        None => Ok(None),
        Some(&o) if o == none() => Ok(None),
        Some(&o) if pystr::is_str(o) => Ok(Some(pystr::to_string(o))),
        Some(&o) => Err(type_error(format!("{f}() argument {} must be str or None, not {}", i + 1, tp_name(o)))),
    }
}

/// An int argument at index `i` (`default` when absent).
unsafe fn int_param(a: &[*mut PyObject], i: usize, default: i64) -> PyResult<i64> {
    match a.get(i) {
        None => Ok(default),
        Some(&o) => crate::errors::objtext::index_value(o),
    }
}

/// A bytes-like argument (`y*`); `str_too` also takes a str as its UTF-8 (`s*`).
unsafe fn data_param(o: *mut PyObject, str_too: bool) -> PyResult<Vec<u8>> {
    if str_too && pystr::is_str(o) {
        return crate::codecs::utf8::encode_vec(o, ErrorMode::STRICT);
    }
    bytes::bytes_like(o)
}

unsafe fn pair(result: PyRef, n: usize) -> PyResult<PyRef> {
    tuple::from_slice(&[result, int::from_i64(n as i64)?])
}

// ---- the registry --------------------------------------------------------------------------

unsafe extern "C" fn register(_m: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    if registry::PyCodec_Register(f) < 0 {
        return core::ptr::null_mut();
    }
    ret(Ok(none_ref()))
}

unsafe extern "C" fn unregister(_m: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    if registry::PyCodec_Unregister(f) < 0 {
        return core::ptr::null_mut();
    }
    ret(Ok(none_ref()))
}

unsafe extern "C" fn lookup(_m: *mut PyObject, encoding: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !pystr::is_str(encoding) {
            return Err(type_error(format!("lookup() argument must be str, not {}", tp_name(encoding))));
        }
        registry::lookup(&pystr::to_string(encoding))
    })())
}

/// `encode(obj, encoding='utf-8', errors='strict')` / `decode(...)`: any object, any codec.
unsafe fn encode_or_decode(f: &'static str, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> PyResult<PyRef> {
    use crate::abstract_::unpack_keywords::{bind, Params};
    static ENCODE: Params = Params { function: "encode", names: &["obj", "encoding", "errors"], positional_only: 0, max_positional: 3, required: 1 };
    static DECODE: Params = Params { function: "decode", names: &["obj", "encoding", "errors"], positional_only: 0, max_positional: 3, required: 1 };
    let params = if f == "encode" { &ENCODE } else { &DECODE };
    let b = bind(params, args, nargs as usize, kwnames)?;
    let text = |i: usize, default: &str| -> PyResult<String> {
        match b[i] {
            None => Ok(default.to_string()),
            Some(o) if pystr::is_str(o) => Ok(pystr::to_string(o)),
            Some(o) => Err(type_error(format!("{f}() argument '{}' must be str, not {}", params.names[i], tp_name(o)))),
        }
    };
    let encoding = text(1, "utf-8")?;
    let errors = text(2, "strict")?;
    let obj = b[0].unwrap();
    if f == "encode" {
        registry::encode(obj, &encoding, Some(&errors))
    } else {
        registry::decode(obj, &encoding, Some(&errors))
    }
}

unsafe extern "C" fn encode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret(encode_or_decode("encode", args, nargs, kw))
}

unsafe extern "C" fn decode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret(encode_or_decode("decode", args, nargs, kw))
}

unsafe extern "C" fn lookup_error(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !pystr::is_str(name) {
            return Err(type_error(format!("lookup_error() argument must be str, not {}", tp_name(name))));
        }
        crate::codecs::error_handlers::lookup(&pystr::to_string(name))
    })())
}

unsafe extern "C" fn register_error(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = arity("register_error", args, nargs, 2, 2)?;
        let name = str_param("register_error", 1, a[0])?;
        let name = std::ffi::CString::new(pystr::to_string(name))
            .map_err(|_| crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_ValueError, "embedded null character"))?;
        if crate::codecs::error_handlers::PyCodec_RegisterError(name.as_ptr(), a[1]) < 0 {
            return Err(Raised::assume_set());
        }
        Ok(none_ref())
    })())
}

// ---- the builtin codecs' functions -----------------------------------------------------

/// `<codec>_encode(str, errors=None, /)`.
unsafe fn encode_with(f: &str, b: Builtin, args: *const *mut PyObject, nargs: isize) -> PyResult<PyRef> {
    let a = arity(f, args, nargs, 1, 2)?;
    let s = str_param(f, 1, a[0])?;
    let errors = errors_param(f, a, 1)?;
    pair(encode_builtin(b, s, ErrorMode::new(errors.as_deref()))?, pystr::len(s))
}

/// `<codec>_decode(data, errors=None, final=<final_default>, /)`; codecs without state
/// (`has_final` false) take no `final` and always decode everything.
unsafe fn decode_with(f: &str, b: Builtin, args: *const *mut PyObject, nargs: isize, has_final: bool, final_default: bool) -> PyResult<PyRef> {
    let a = arity(f, args, nargs, 1, if has_final { 3 } else { 2 })?;
    let str_too = matches!(b, Builtin::UnicodeEscape | Builtin::RawUnicodeEscape);
    let data = data_param(a[0], str_too)?;
    let errors = errors_param(f, a, 1)?;
    let final_ = int_param(a, 2, final_default as i64)? != 0;
    let owner = if bytes::is_bytes(a[0]) { a[0] } else { core::ptr::null_mut() };
    let mut consumed = data.len();
    let r = decode_builtin(b, &data, owner, ErrorMode::new(errors.as_deref()), (!final_).then_some(&mut consumed))?;
    pair(r, consumed)
}

macro_rules! builtin_codec {
    ($enc:ident, $dec:ident, $b:expr, $has_final:expr, $final_default:expr) => {
        unsafe extern "C" fn $enc(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
            ret(encode_with(stringify!($enc), $b, args, nargs))
        }
        unsafe extern "C" fn $dec(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
            ret(decode_with(stringify!($dec), $b, args, nargs, $has_final, $final_default))
        }
    };
}

builtin_codec!(utf_8_encode, utf_8_decode, Builtin::Utf8, true, false);
builtin_codec!(utf_16_le_encode, utf_16_le_decode, Builtin::Utf16(Order::Little), true, false);
builtin_codec!(utf_16_be_encode, utf_16_be_decode, Builtin::Utf16(Order::Big), true, false);
builtin_codec!(utf_32_le_encode, utf_32_le_decode, Builtin::Utf32(Order::Little), true, false);
builtin_codec!(utf_32_be_encode, utf_32_be_decode, Builtin::Utf32(Order::Big), true, false);
builtin_codec!(latin_1_encode, latin_1_decode, Builtin::Latin1, false, true);
builtin_codec!(ascii_encode, ascii_decode, Builtin::Ascii, false, true);
builtin_codec!(unicode_escape_encode, unicode_escape_decode, Builtin::UnicodeEscape, true, true);
builtin_codec!(raw_unicode_escape_encode, raw_unicode_escape_decode, Builtin::RawUnicodeEscape, true, true);

/// A UTF-16/32 decoder with a byte order in and out.
type OrderedDecode = unsafe fn(&[u8], *mut PyObject, ErrorMode, &mut c_int, Option<&mut usize>) -> PyResult<PyRef>;

/// `utf_16_encode(str, errors=None, byteorder=0, /)` and the UTF-32 one: 0 writes a BOM.
unsafe fn encode_ordered(f: &str, utf16_: bool, args: *const *mut PyObject, nargs: isize) -> PyResult<PyRef> {
    let a = arity(f, args, nargs, 1, 3)?;
    let s = str_param(f, 1, a[0])?;
    let errors = errors_param(f, a, 1)?;
    let order = Order::from_c(int_param(a, 2, 0)?.clamp(-1, 1) as c_int);
    let errors = ErrorMode::new(errors.as_deref());
    let r = if utf16_ { utf16::encode(s, errors, order)? } else { utf32::encode(s, errors, order)? };
    pair(r, pystr::len(s))
}

/// `utf_16_decode(data, errors=None, final=False, /)` (BOM detection), and with `ex`
/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False, /)` answering
/// `(str, consumed, byteorder)`.
unsafe fn decode_ordered(f: &str, decode: OrderedDecode, ex: bool, args: *const *mut PyObject, nargs: isize) -> PyResult<PyRef> {
    let a = arity(f, args, nargs, 1, if ex { 4 } else { 3 })?;
    let data = data_param(a[0], false)?;
    let errors = errors_param(f, a, 1)?;
    let mut order = if ex { int_param(a, 2, 0)?.clamp(-1, 1) as c_int } else { 0 };
    let final_ = int_param(a, if ex { 3 } else { 2 }, 0)? != 0;
    let owner = if bytes::is_bytes(a[0]) { a[0] } else { core::ptr::null_mut() };
    let mut consumed = data.len();
    let r = decode(&data, owner, ErrorMode::new(errors.as_deref()), &mut order, (!final_).then_some(&mut consumed))?;
    if ex {
        return tuple::from_slice(&[r, int::from_i64(consumed as i64)?, int::from_i64(order as i64)?]);
    }
    pair(r, consumed)
}

unsafe extern "C" fn utf_16_encode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(encode_ordered("utf_16_encode", true, args, nargs))
}
unsafe extern "C" fn utf_32_encode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(encode_ordered("utf_32_encode", false, args, nargs))
}
unsafe extern "C" fn utf_16_decode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(decode_ordered("utf_16_decode", utf16::decode, false, args, nargs))
}
unsafe extern "C" fn utf_32_decode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(decode_ordered("utf_32_decode", utf32::decode, false, args, nargs))
}
unsafe extern "C" fn utf_16_ex_decode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(decode_ordered("utf_16_ex_decode", utf16::decode, true, args, nargs))
}
unsafe extern "C" fn utf_32_ex_decode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(decode_ordered("utf_32_ex_decode", utf32::decode, true, args, nargs))
}

unsafe extern "C" fn utf_7_encode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = arity("utf_7_encode", args, nargs, 1, 2)?;
        let s = str_param("utf_7_encode", 1, a[0])?;
        errors_param("utf_7_encode", a, 1)?;
        pair(utf7::encode(s, false, false)?, pystr::len(s))
    })())
}

unsafe extern "C" fn utf_7_decode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = arity("utf_7_decode", args, nargs, 1, 3)?;
        let data = data_param(a[0], false)?;
        let errors = errors_param("utf_7_decode", a, 1)?;
        let final_ = int_param(a, 2, 0)? != 0;
        let owner = if bytes::is_bytes(a[0]) { a[0] } else { core::ptr::null_mut() };
        let mut consumed = data.len();
        let r = utf7::decode(&data, owner, ErrorMode::new(errors.as_deref()), (!final_).then_some(&mut consumed))?;
        pair(r, consumed)
    })())
}

// ---- charmap -------------------------------------------------------------------------------

unsafe extern "C" fn charmap_decode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = arity("charmap_decode", args, nargs, 1, 3)?;
        let data = data_param(a[0], false)?;
        let errors = errors_param("charmap_decode", a, 1)?;
        let mapping = a.get(2).copied().unwrap_or(core::ptr::null_mut());
        let owner = if bytes::is_bytes(a[0]) { a[0] } else { core::ptr::null_mut() };
        pair(charmap::decode(&data, owner, mapping, ErrorMode::new(errors.as_deref()))?, data.len())
    })())
}

unsafe extern "C" fn charmap_encode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = arity("charmap_encode", args, nargs, 1, 3)?;
        let s = str_param("charmap_encode", 1, a[0])?;
        let errors = errors_param("charmap_encode", a, 1)?;
        let mapping = a.get(2).copied().unwrap_or(core::ptr::null_mut());
        pair(charmap::encode(s, mapping, ErrorMode::new(errors.as_deref()))?, pystr::len(s))
    })())
}

unsafe extern "C" fn charmap_build(_m: *mut PyObject, map: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !pystr::is_str(map) {
            return Err(type_error(format!("charmap_build() argument must be str, not {}", tp_name(map))));
        }
        charmap::build(map)
    })())
}

// ---- bytes escapes and buffers ---------------------------------------------------------

/// `escape_encode(data, errors=None, /)`: a bytes object's escaped form (no quotes; `'`
/// escaped, `"` not).
unsafe extern "C" fn escape_encode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = arity("escape_encode", args, nargs, 1, 2)?;
        if !bytes::is_bytes(a[0]) {
            return Err(type_error(format!("escape_encode() argument 1 must be bytes, not {}", tp_name(a[0]))));
        }
        errors_param("escape_encode", a, 1)?;
        let data = bytes::as_slice(a[0]);
        let mut out = Vec::with_capacity(data.len());
        for &b in data {
            match b {
                b'\'' | b'\\' => out.extend_from_slice(&[b'\\', b]),
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                0x20..=0x7E => out.push(b),
                _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
            }
        }
        pair(bytes::from_slice(&out)?, data.len())
    })())
}

/// `escape_decode(data, errors=None, /)`: bytes-literal escapes (str data as UTF-8).
unsafe extern "C" fn escape_decode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = arity("escape_decode", args, nargs, 1, 2)?;
        let data = data_param(a[0], true)?;
        let errors = errors_param("escape_decode", a, 1)?;
        let mut first = None;
        let v = crate::codecs::bytes_escape::decode(&data, errors.as_deref(), &mut first)?;
        if let Some(e) = first {
            crate::codecs::unicode_escape::deprecation(&format!("invalid escape sequence '\\{}'", e as char))?;
        }
        pair(bytes::from_slice(&v)?, data.len())
    })())
}

/// `readbuffer_encode(data, errors=None, /)`: the bytes of a buffer (a str as UTF-8).
unsafe extern "C" fn readbuffer_encode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = arity("readbuffer_encode", args, nargs, 1, 2)?;
        let data = data_param(a[0], true)?;
        errors_param("readbuffer_encode", a, 1)?;
        pair(bytes::from_slice(&data)?, data.len())
    })())
}

macro_rules! pos_only {
    ($name:literal, $f:ident, $sig:literal) => {
        fast(
            // SAFETY: the literal has no NUL inside.
            unsafe { core::ffi::CStr::from_bytes_with_nul_unchecked(concat!($name, "\0").as_bytes()) },
            $f,
            unsafe { core::ffi::CStr::from_bytes_with_nul_unchecked(concat!($name, "($module, ", $sig, ", /)\n--\n\n\0").as_bytes()) },
        )
    };
}

static mut CODECS_FUNCTIONS: [PyMethodDef; 40] = [
    meth(c"register", register, METH_O, c"register($module, search_function, /)\n--\n\nRegister a codec search function.\n\nSearch functions are expected to take one argument, the encoding name in\nall lower case letters, and either return None, or a tuple of functions\n(encoder, decoder, stream_reader, stream_writer) (or a CodecInfo object)."),
    meth(c"unregister", unregister, METH_O, c"unregister($module, search_function, /)\n--\n\nUnregister a codec search function and clear the registry's cache.\n\nIf the search function is not registered, do nothing."),
    meth(c"lookup", lookup, METH_O, c"lookup($module, encoding, /)\n--\n\nLooks up a codec tuple in the Python codec registry and returns a CodecInfo object."),
    fast_kw(c"encode", encode, c"encode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\nEncodes obj using the codec registered for encoding."),
    fast_kw(c"decode", decode, c"decode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\nDecodes obj using the codec registered for encoding."),
    meth(c"lookup_error", lookup_error, METH_O, c"lookup_error($module, name, /)\n--\n\nlookup_error(errors) -> handler\n\nReturn the error handler for the specified error handling name or raise a\nLookupError, if no handler exists under this name."),
    pos_only!("register_error", register_error, "errors, handler"),
    pos_only!("escape_encode", escape_encode, "data, errors=None"),
    pos_only!("escape_decode", escape_decode, "data, errors=None"),
    pos_only!("utf_8_encode", utf_8_encode, "str, errors=None"),
    pos_only!("utf_8_decode", utf_8_decode, "data, errors=None, final=False"),
    pos_only!("utf_7_encode", utf_7_encode, "str, errors=None"),
    pos_only!("utf_7_decode", utf_7_decode, "data, errors=None, final=False"),
    pos_only!("utf_16_encode", utf_16_encode, "str, errors=None, byteorder=0"),
    pos_only!("utf_16_decode", utf_16_decode, "data, errors=None, final=False"),
    pos_only!("utf_16_le_encode", utf_16_le_encode, "str, errors=None"),
    pos_only!("utf_16_le_decode", utf_16_le_decode, "data, errors=None, final=False"),
    pos_only!("utf_16_be_encode", utf_16_be_encode, "str, errors=None"),
    pos_only!("utf_16_be_decode", utf_16_be_decode, "data, errors=None, final=False"),
    pos_only!("utf_16_ex_decode", utf_16_ex_decode, "data, errors=None, byteorder=0, final=False"),
    pos_only!("utf_32_encode", utf_32_encode, "str, errors=None, byteorder=0"),
    pos_only!("utf_32_decode", utf_32_decode, "data, errors=None, final=False"),
    pos_only!("utf_32_le_encode", utf_32_le_encode, "str, errors=None"),
    pos_only!("utf_32_le_decode", utf_32_le_decode, "data, errors=None, final=False"),
    pos_only!("utf_32_be_encode", utf_32_be_encode, "str, errors=None"),
    pos_only!("utf_32_be_decode", utf_32_be_decode, "data, errors=None, final=False"),
    pos_only!("utf_32_ex_decode", utf_32_ex_decode, "data, errors=None, byteorder=0, final=False"),
    pos_only!("unicode_escape_encode", unicode_escape_encode, "str, errors=None"),
    pos_only!("unicode_escape_decode", unicode_escape_decode, "data, errors=None, final=True"),
    pos_only!("raw_unicode_escape_encode", raw_unicode_escape_encode, "str, errors=None"),
    pos_only!("raw_unicode_escape_decode", raw_unicode_escape_decode, "data, errors=None, final=True"),
    pos_only!("latin_1_encode", latin_1_encode, "str, errors=None"),
    pos_only!("latin_1_decode", latin_1_decode, "data, errors=None"),
    pos_only!("ascii_encode", ascii_encode, "str, errors=None"),
    pos_only!("ascii_decode", ascii_decode, "data, errors=None"),
    pos_only!("charmap_encode", charmap_encode, "str, errors=None, mapping=None"),
    pos_only!("charmap_decode", charmap_decode, "data, errors=None, mapping=None"),
    meth(c"charmap_build", charmap_build, METH_O, c"charmap_build($module, map, /)\n--\n\n"),
    pos_only!("readbuffer_encode", readbuffer_encode, "data, errors=None"),
    END,
];

static mut CODECS_DEF: PyModuleDef = module_def(c"_codecs", c"", (&raw mut CODECS_FUNCTIONS) as *mut PyMethodDef);

use crate::objects::module::PyModuleDef;

/// The `_codecs` module's constructor (`PyInit__codecs` for the inittab).
pub(crate) unsafe extern "C" fn init_codecs() -> *mut PyObject {
    ret(owned(crate::objects::module::PyModule_Create2(&raw mut CODECS_DEF, crate::modules::sys_module::API_VERSION as i32)))
}
