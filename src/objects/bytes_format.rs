//! `PyBytes_FromFormat(V)`: printf-style formatting into a bytes. The variadic arguments are
//! collected by src/c/bytes_format.c, which walks the format with the same rules as
//! `format` below (keep them in step). Conversions: `%%`, `%c` (0..=255), `%d %i %u %x`
//! with `l`/`z` before `d`/`u`, `%s` (precision limits the length), `%p`; widths (and a `-`) are
//! skipped as CPython 3.11 does; an unknown conversion copies the rest of the format.
use crate::abstract_::ret_obj;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use core::ffi::c_char;

/// One collected argument (`ferropy_bytes_fmt_arg`).
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) union FmtArg {
    i: i64,
    u: u64,
    p: *const core::ffi::c_void,
}

#[repr(C)]
pub(crate) struct BytesFormatCallbacks {
    bytes_from_format: unsafe extern "C" fn(*const c_char, *const FmtArg, usize) -> *mut PyObject,
}

extern "C" {
    static mut ferropy_c_bytes_format_callbacks: BytesFormatCallbacks;
}

/// Fills the shim's callback when the library is loaded, before any C code can call it.
#[used]
#[link_section = ".init_array"]
static SET_BYTES_FORMAT_CALLBACKS: unsafe extern "C" fn() = set_callbacks;

unsafe extern "C" fn set_callbacks() {
    ferropy_c_bytes_format_callbacks = BytesFormatCallbacks { bytes_from_format };
}

unsafe extern "C" fn bytes_from_format(format: *const c_char, args: *const FmtArg, nargs: usize) -> *mut PyObject {
    if format.is_null() {
        return ret_obj(Err(no_memory()));
    }
    let fmt = core::ffi::CStr::from_ptr(format).to_bytes();
    let args = if nargs == 0 { &[][..] } else { core::slice::from_raw_parts(args, nargs) };
    ret_obj(format_bytes(fmt, args).and_then(|v| crate::objects::bytes::from_slice(&v)))
}

unsafe fn format_bytes(f: &[u8], args: &[FmtArg]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(f.len() + 16);
    let mut next = args.iter();
    let mut arg = || *next.next().expect("the C walk collected this argument");
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < f.len() && (f[i].is_ascii_digit() || f[i] == b'-') {
            i += 1;
        }
        let mut precision: Option<usize> = None;
        if f.get(i) == Some(&b'.') {
            i += 1;
            let p0 = i;
            while i < f.len() && f[i].is_ascii_digit() {
                i += 1;
            }
            precision = core::str::from_utf8(&f[p0..i]).ok().and_then(|s| s.parse().ok());
        }
        let sized = matches!(f.get(i), Some(b'l' | b'z')) && matches!(f.get(i + 1), Some(b'd' | b'u'));
        if sized {
            i += 1;
        }
        match f.get(i) {
            Some(b'%') => out.push(b'%'),
            Some(b'c') => {
                let c = arg().i;
                if !(0..=255).contains(&c) {
                    return Err(raise_type(&raw mut exc::_PyExc_OverflowError,
                        "PyBytes_FromFormatV(): %c format expects an integer in range [0; 255]"));
                }
                out.push(c as u8);
            }
            Some(b'd' | b'i') => out.extend_from_slice(arg().i.to_string().as_bytes()),
            Some(b'u') => out.extend_from_slice(arg().u.to_string().as_bytes()),
            Some(b'x') => out.extend_from_slice(format!("{:x}", arg().i as u32).as_bytes()),
            Some(b's') => {
                let p = arg().p as *const c_char;
                let s = core::ffi::CStr::from_ptr(p).to_bytes();
                out.extend_from_slice(&s[..precision.map_or(s.len(), |n| n.min(s.len()))]);
            }
            Some(b'p') => {
                let p = arg().p as usize;
                // glibc's "%p" of NULL is "(nil)", which CPython prefixes with 0x.
                if p == 0 {
                    out.extend_from_slice(b"0x(nil)");
                } else {
                    out.extend_from_slice(format!("{p:#x}").as_bytes());
                }
            }
            _ => {
                out.extend_from_slice(&f[start..]);
                break;
            }
        }
        i += 1;
    }
    Ok(out)
}
