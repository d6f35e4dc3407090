//! Address text and byte order: `inet_aton`/`inet_ntoa`, `inet_pton`/`inet_ntop`,
//! `htons`/`ntohs`/`htonl`/`ntohl`.
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::abstract_::{tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, error_for, value_error};
use crate::modules::{args_slice, fast, meth, ret};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::{bytes, int, long_convert, str as pystr};

use super::errors::os_error;

/// The text of a packed IPv4 (4 bytes) or IPv6 (16 bytes) address, as the C library
/// writes it.
pub(crate) fn ntop(family: c_int, packed: &[u8]) -> String {
    // Declared here, not at module level, so the header generator does not export it.
    extern "C" {
        fn inet_ntop(af: c_int, src: *const c_void, dst: *mut c_char, size: libc::socklen_t) -> *const c_char;
    }
    let mut buf = [0 as c_char; 64];
    // SAFETY: `packed` has the family's size (checked by callers); the buffer is large.
    unsafe {
        if inet_ntop(family, packed.as_ptr() as *const c_void, buf.as_mut_ptr(), buf.len() as libc::socklen_t).is_null() {
            return String::new();
        }
        CStr::from_ptr(buf.as_ptr()).to_string_lossy().into_owned()
    }
}

fn overflow(message: &str) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}

/// The int argument of the byte-order functions as i128 (None: beyond 128 bits).
unsafe fn int_value(op: *mut PyObject) -> PyResult<Option<i128>> {
    let i = crate::abstract_::number::index(op)?;
    Ok(long_convert::int_to_i128(i.as_ptr()))
}

unsafe fn short_arg(name: &str, op: *mut PyObject) -> PyResult<u16> {
    match int_value(op)?.filter(|v| i64::try_from(*v).is_ok()) {
        None => Err(overflow("Python int too large to convert to C long")),
        Some(v) if v < 0 => Err(overflow(&format!("{name}: can't convert negative Python int to C 16-bit unsigned integer"))),
        Some(v) if v <= 0xffff => Ok(v as u16),
        Some(_) => Err(overflow(&format!("{name}: Python int too large to convert to C 16-bit unsigned integer"))),
    }
}

unsafe fn long_arg(op: *mut PyObject) -> PyResult<u32> {
    if !int::is_int(op) {
        return Err(type_error(format!("expected int, {} found", tp_name(op))));
    }
    if crate::abstract_::compare::rich_compare_bool(op, int::small_int(0), crate::object::object::Py_LT)? {
        return Err(overflow("can't convert negative value to unsigned int"));
    }
    match int_value(op)? {
        Some(v) if v <= u32::MAX as i128 => Ok(v as u32),
        Some(v) if v <= u64::MAX as i128 => Err(overflow("int larger than 32 bits")),
        _ => Err(overflow("Python int too large to convert to C unsigned long")),
    }
}

unsafe extern "C" fn htons(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(short_arg("htons", x).and_then(|v| int::from_i64(v.to_be() as i64)))
}

unsafe extern "C" fn ntohs(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(short_arg("ntohs", x).and_then(|v| int::from_i64(u16::from_be(v) as i64)))
}

unsafe extern "C" fn htonl(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(long_arg(x).and_then(|v| int::from_i64(v.to_be() as i64)))
}

unsafe extern "C" fn ntohl(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(long_arg(x).and_then(|v| int::from_i64(u32::from_be(v) as i64)))
}

/// One part of an `inet_aton` address: decimal, octal (leading 0) or hex (0x).
fn aton_part(text: &str) -> Option<u32> {
    let (digits, radix) = if let Some(h) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        (h, 16)
    } else if text.len() > 1 && text.starts_with('0') {
        (&text[1..], 8)
    } else {
        (text, 10)
    };
    if digits.is_empty() && radix == 16 {
        return Some(0);
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u32::from_str_radix(digits, radix).ok()
}

/// The classic `inet_aton` forms: `a.b.c.d`, `a.b.c` (c is 16 bits), `a.b` (24), `a` (32);
/// anything after a white-space character is ignored.
pub(crate) fn aton(text: &str) -> Option<[u8; 4]> {
    let text = text.split(|c: char| c.is_ascii_whitespace()).next().unwrap_or("");
    let parts: Vec<u32> = text.split('.').map(aton_part).collect::<Option<_>>()?;
    let (head, last) = parts.split_at(parts.len().checked_sub(1)?);
    if head.len() > 3 || head.iter().any(|&p| p > 0xff) {
        return None;
    }
    let rest_bits = 8 * (4 - head.len() as u32);
    if rest_bits < 32 && last[0] >> rest_bits != 0 {
        return None;
    }
    let mut v = last[0];
    for (i, &p) in head.iter().enumerate() {
        v |= p << (24 - 8 * i);
    }
    Some(v.to_be_bytes())
}

unsafe fn str_only(function: &str, op: *mut PyObject) -> PyResult<String> {
    if !pystr::is_str(op) {
        return Err(type_error(format!("{function}() argument 1 must be str, not {}", tp_name(op))));
    }
    Ok(String::from_utf8_lossy(crate::objects::str_utf8::as_utf8(op)?).into_owned())
}

unsafe extern "C" fn inet_aton(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let text = str_only("inet_aton", arg)?;
        match aton(&text) {
            Some(b) if !text.contains('\0') => bytes::from_slice(&b),
            _ => Err(os_error("illegal IP address string passed to inet_aton")),
        }
    })())
}

unsafe extern "C" fn inet_ntoa(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let data = crate::modules::bytes_arg::read(arg)?;
        let d = data.as_slice();
        if d.len() != 4 {
            return Err(os_error("packed IP wrong length for inet_ntoa"));
        }
        pystr::from_utf8(&format!("{}.{}.{}.{}", d[0], d[1], d[2], d[3]))
    })())
}

unsafe extern "C" fn inet_pton_fn(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    // Declared here, not at module level, so the header generator does not export it.
    extern "C" {
        fn inet_pton(af: c_int, src: *const c_char, dst: *mut c_void) -> c_int;
    }
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("inet_pton", a.len(), 2, 2)?;
        let family = c_int_arg(a[0])?;
        if !pystr::is_str(a[1]) {
            return Err(type_error(format!("inet_pton() argument 2 must be str, not {}", tp_name(a[1]))));
        }
        let text = std::ffi::CString::new(crate::objects::str_utf8::as_utf8(a[1])?.to_vec())
            .map_err(|_| value_error("embedded null character"))?;
        let mut out = [0u8; 16];
        let r = inet_pton(family, text.as_ptr(), out.as_mut_ptr() as *mut c_void);
        match r {
            1 => bytes::from_slice(&out[..if family == libc::AF_INET6 { 16 } else { 4 }]),
            0 => Err(os_error("illegal IP address string passed to inet_pton")),
            _ => Err(error_for(libc::EAFNOSUPPORT)),
        }
    })())
}

unsafe extern "C" fn inet_ntop_fn(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("inet_ntop", a.len(), 2, 2)?;
        let family = c_int_arg(a[0])?;
        let data = crate::modules::bytes_arg::read(a[1])?;
        let want = match family {
            libc::AF_INET => 4,
            libc::AF_INET6 => 16,
            _ => return Err(value_error(&format!("unknown address family {family}"))),
        };
        if data.as_slice().len() != want {
            return Err(value_error("invalid length of packed IP address string"));
        }
        pystr::from_utf8(&ntop(family, data.as_slice()))
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 8] = [
    meth(c"htons", htons, METH_O, c"htons($module, x, /)\n--\n\nConvert a 16-bit unsigned integer from host to network byte order."),
    meth(c"ntohs", ntohs, METH_O, c"ntohs($module, x, /)\n--\n\nConvert a 16-bit unsigned integer from network to host byte order."),
    meth(c"htonl", htonl, METH_O, c"htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order."),
    meth(c"ntohl", ntohl, METH_O, c"ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order."),
    meth(c"inet_aton", inet_aton, METH_O, c"inet_aton(string) -> bytes giving packed 32-bit IP representation\n\nConvert an IP address in string format (123.45.67.89) to the 32-bit packed\nbinary format used in low-level network functions."),
    meth(c"inet_ntoa", inet_ntoa, METH_O, c"inet_ntoa($module, packed_ip, /)\n--\n\nConvert an IP address from 32-bit packed binary format to string format."),
    fast(c"inet_pton", inet_pton_fn, c"inet_pton(af, ip) -> packed IP address string\n\nConvert an IP address from string format to a packed string suitable\nfor use with low-level network functions."),
    fast(c"inet_ntop", inet_ntop_fn, c"inet_ntop(af, packed_ip) -> string formatted IP address\n\nConvert a packed IP address of the given family to string format."),
];
