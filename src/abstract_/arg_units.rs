//! One format unit of `PyArg_Parse*` (CPython 3.11's getargs units): converting an argument
//! and storing it through the pointers the C caller passed, or skipping a unit whose
//! argument was not given (its pointers are still taken off the va_list).
//!
//! The units, parenthesised groups included, are walked by `arg_format.rs`; this file knows
//! what each unit letter (and its `#`, `*`, `!`, `&` suffix) takes and stores.
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::abstract_::arg_va::Va;
use crate::errors::exception_types::{_PyExc_SystemError, _PyExc_ValueError};
use crate::errors::pyerr::PyErr_Occurred;
use crate::errors::raised::Raised;
use crate::object::buffer::{Py_buffer, PyBUF_SIMPLE, PyBUF_WRITABLE};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::typeobject::PyTypeObject;
use crate::objects::bytes_buffer::{PyBuffer_FillInfo, PyBuffer_Release, PyObject_GetBuffer};
use crate::objects::singletons::_Py_NoneStruct;
use crate::objects::{bytes, str as pystr};
use crate::pyport::Py_ssize_t;

/// What the `O&` converter's return value means when it has this bit: call it again with
/// NULL to free what it made, should a later unit fail (`Py_CLEANUP_SUPPORTED`).
const CLEANUP_SUPPORTED: c_int = 0x20000;

/// Why a unit failed: an exception is already set, or "must be X, not Y" is still to be
/// worded with the argument's position. The text follows "argument N" (", item 0 must be
/// ..." for units inside parentheses).
pub(crate) enum Fail {
    Raised,
    Msg(String),
}

impl From<Raised> for Fail {
    fn from(_: Raised) -> Fail {
        Fail::Raised
    }
}

/// The message of a unit refusing `arg` (CPython's `converterr`).
pub(crate) unsafe fn expected(what: &str, arg: *mut PyObject) -> Fail {
    let got = if arg == &raw mut _Py_NoneStruct {
        "None".to_string()
    } else {
        CStr::from_ptr((*(*arg).ob_type).tp_name).to_string_lossy().chars().take(50).collect()
    };
    let what: String = what.chars().take(50).collect();
    Fail::Msg(format!(" must be {what}, not {got}"))
}

/// What to undo when a later unit fails: buffers taken, memory allocated, converters that
/// asked to be called again.
pub(crate) enum Cleanup {
    Buffer(*mut Py_buffer),
    Mem(*mut *mut c_char),
    Converter(unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int, *mut c_void),
}

/// The undo list of one parse; run on failure, dropped on success (the caller then owns
/// what the units stored).
pub(crate) struct Cleanups(Vec<Cleanup>);

impl Cleanups {
    pub(crate) fn new() -> Cleanups {
        Cleanups(Vec::new())
    }

    fn push(&mut self, c: Cleanup) {
        self.0.push(c);
    }

    /// Undoes everything, in the order it was done.
    pub(crate) unsafe fn run(&mut self) {
        for c in self.0.drain(..) {
            match c {
                Cleanup::Buffer(view) => PyBuffer_Release(view),
                Cleanup::Mem(p) => {
                    crate::object::pymem::PyMem_Free(*p as *mut c_void);
                    *p = core::ptr::null_mut();
                }
                Cleanup::Converter(f, addr) => {
                    f(core::ptr::null_mut(), addr);
                }
            }
        }
    }
}

/// The parse-wide settings a unit needs.
#[derive(Clone, Copy)]
pub(crate) struct Mode {
    /// `#` lengths are `Py_ssize_t` (the `_SizeT` entry points); without it `#` is an error.
    pub size_t: bool,
}

/// The length in bytes of the unit starting at `f[0]` (a letter; parentheses are the
/// caller's business).
#[inline]
pub(crate) fn unit_len(f: &[u8]) -> usize {
    let next = f.get(1).copied().unwrap_or(0);
    match f[0] {
        b'e' if next == b's' || next == b't' => 2 + (f.get(2) == Some(&b'#')) as usize,
        b's' | b'z' | b'y' => 1 + (next == b'#' || next == b'*') as usize,
        b'u' | b'Z' => 1 + (next == b'#') as usize,
        b'w' => 1 + (next == b'*') as usize,
        b'O' => 1 + (next == b'!' || next == b'&') as usize,
        _ => 1,
    }
}

/// How many va_list pointers a unit takes.
pub(crate) fn unit_pointers(u: &[u8]) -> usize {
    match u {
        [b'e', _, b'#'] => 3,
        [b'e', ..] => 2,
        [_, b'#'] | [b'O', _] => 2,
        _ => 1,
    }
}

/// Stores `v` through the next pointer of `va`.
#[inline(always)]
unsafe fn store<T>(va: &mut Va, v: T) {
    let p = va.ptr::<T>();
    p.write_unaligned(v);
}

/// `*p` for the `#` length pointer, refusing `#` without `PY_SSIZE_T_CLEAN` (3.11).
#[inline]
unsafe fn store_len(va: &mut Va, mode: Mode, n: Py_ssize_t) -> Result<(), Fail> {
    if !mode.size_t {
        return Err(ssize_t_clean_error());
    }
    store::<Py_ssize_t>(va, n);
    Ok(())
}

pub(crate) fn ssize_t_clean_error() -> Fail {
    let _ = raise_type(&raw mut _PyExc_SystemError, "PY_SSIZE_T_CLEAN macro must be defined for '#' formats");
    Fail::Raised
}

/// Whether a C function reported failure with `bad` and an exception.
#[inline]
unsafe fn failed<T: PartialEq>(v: T, bad: T) -> bool {
    v == bad && !PyErr_Occurred().is_null()
}

unsafe fn overflow(message: &str) -> Fail {
    let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_OverflowError, message);
    Fail::Raised
}

/// A C long from an int or `__index__` object (`PyLong_AsLong`).
#[inline]
unsafe fn as_long(arg: *mut PyObject) -> Result<i64, Fail> {
    let v = crate::objects::long_convert::PyLong_AsLong(arg);
    if failed(v, -1) {
        return Err(Fail::Raised);
    }
    Ok(v)
}

/// The low bits of an int or `__index__` object (`PyLong_AsUnsignedLongMask`).
#[inline]
unsafe fn as_mask(arg: *mut PyObject) -> Result<u64, Fail> {
    let v = crate::objects::long_convert::PyLong_AsUnsignedLongMask(arg);
    if failed(v, u64::MAX) {
        return Err(Fail::Raised);
    }
    Ok(v)
}

/// A range-checked signed integer unit.
#[inline(always)]
unsafe fn ranged(arg: *mut PyObject, min: i64, max: i64, what: &str) -> Result<i64, Fail> {
    let v = as_long(arg)?;
    if v < min {
        return Err(overflow(&format!("{what} is less than minimum")));
    }
    if v > max {
        return Err(overflow(&format!("{what} is greater than maximum")));
    }
    Ok(v)
}

/// The UTF-8 form of a str and its length in bytes; the pointer lives as long as the str.
unsafe fn utf8(arg: *mut PyObject) -> Result<(*const c_char, Py_ssize_t), Fail> {
    let mut n: Py_ssize_t = 0;
    let p = crate::abstract_::arg_va::str_utf8_and_size(arg, &mut n);
    if p.is_null() {
        return Err(Fail::Raised);
    }
    Ok((p, n))
}

fn has_nul(p: *const c_char, n: Py_ssize_t) -> bool {
    // SAFETY: `p` points at `n` readable bytes.
    unsafe { core::slice::from_raw_parts(p as *const u8, n as usize) }.contains(&0)
}

/// Whether a type's buffers stay valid without a release call (CPython's test for the
/// `s#`/`y#`/`y` units, which hand out a pointer and keep no view).
unsafe fn releases_buffers(arg: *mut PyObject) -> bool {
    let pb = (*(*arg).ob_type).tp_as_buffer;
    !pb.is_null() && (*pb).bf_releasebuffer.is_some()
}

/// Whether a view is C-contiguous (`PyBuffer_IsContiguous(view, 'C')`).
unsafe fn c_contiguous(v: &Py_buffer) -> bool {
    if !v.suboffsets.is_null() {
        return false;
    }
    if v.strides.is_null() || v.shape.is_null() {
        return true;
    }
    let mut expected = v.itemsize;
    for d in (0..v.ndim as usize).rev() {
        let extent = *v.shape.add(d);
        if extent > 1 && *v.strides.add(d) != expected {
            return false;
        }
        expected *= extent;
        if extent == 0 {
            return true;
        }
    }
    true
}

/// A simple, contiguous view of `arg` into `view` (CPython's `getbuffer`).
unsafe fn get_simple_buffer(arg: *mut PyObject, view: *mut Py_buffer, flags: c_int, what: &str) -> Result<(), Fail> {
    if PyObject_GetBuffer(arg, view, flags) != 0 {
        return Err(Fail::Raised);
    }
    if !c_contiguous(&*view) {
        PyBuffer_Release(view);
        return Err(expected(what, arg));
    }
    Ok(())
}

/// The bytes of a read-only buffer that needs no release (`s#`, `y#`, `y`): pointer and
/// length.
unsafe fn read_only_bytes(arg: *mut PyObject) -> Result<(*mut c_void, Py_ssize_t), Fail> {
    if releases_buffers(arg) {
        return Err(expected("read-only bytes-like object", arg));
    }
    let mut view: Py_buffer = core::mem::zeroed();
    get_simple_buffer(arg, &mut view, PyBUF_SIMPLE, "contiguous buffer")?;
    let r = (view.buf, view.len);
    PyBuffer_Release(&mut view);
    Ok(r)
}

/// A `*` unit's buffer for a str: its UTF-8 bytes, the str as exporter.
unsafe fn str_buffer(arg: *mut PyObject, view: *mut Py_buffer) -> Result<(), Fail> {
    let (p, n) = utf8(arg)?;
    if PyBuffer_FillInfo(view, arg, p as *mut c_void, n, 1, 0) != 0 {
        return Err(Fail::Raised);
    }
    Ok(())
}

/// Converts `arg` by the unit `u`, taking its pointers from `va`.
pub(crate) unsafe fn convert(arg: *mut PyObject, u: &[u8], va: &mut Va, mode: Mode, cleanups: &mut Cleanups) -> Result<(), Fail> {
    let none = &raw mut _Py_NoneStruct;
    match u {
        [b'b'] => store::<u8>(va, ranged(arg, 0, u8::MAX as i64, "unsigned byte integer")? as u8),
        [b'B'] => store::<u8>(va, as_mask(arg)? as u8),
        [b'h'] => store::<i16>(va, ranged(arg, i16::MIN as i64, i16::MAX as i64, "signed short integer")? as i16),
        [b'H'] => store::<u16>(va, as_mask(arg)? as u16),
        [b'i'] => store::<i32>(va, ranged(arg, i32::MIN as i64, i32::MAX as i64, "signed integer")? as i32),
        [b'I'] => store::<u32>(va, as_mask(arg)? as u32),
        [b'l'] => store::<i64>(va, as_long(arg)?),
        [b'k'] | [b'K'] => {
            if !crate::objects::int::is_int(arg) {
                return Err(expected("int", arg));
            }
            store::<u64>(va, as_mask(arg)?)
        }
        [b'L'] => {
            let v = crate::objects::long_convert::PyLong_AsLongLong(arg);
            if failed(v, -1) {
                return Err(Fail::Raised);
            }
            store::<i64>(va, v)
        }
        [b'n'] => {
            let index = crate::abstract_::number::PyNumber_Index(arg);
            if index.is_null() {
                return Err(Fail::Raised);
            }
            let index = crate::object::ptr::PyRef::from_owned(index).unwrap_unchecked();
            let v = crate::objects::long_convert::PyLong_AsSsize_t(index.as_ptr());
            drop(index);
            if failed(v, -1) {
                return Err(Fail::Raised);
            }
            store::<Py_ssize_t>(va, v)
        }
        [b'c'] => {
            let byte = if bytes::is_bytes(arg) && bytes::len(arg) == 1 {
                bytes::as_slice(arg)[0]
            } else if let Some(b) = crate::abstract_::arg_va::bytearray_single(arg) {
                b
            } else {
                return Err(expected("a byte string of length 1", arg));
            };
            store::<c_char>(va, byte as c_char)
        }
        [b'C'] => {
            if !(pystr::is_str(arg) && pystr::len(arg) == 1) {
                return Err(expected("a unicode character", arg));
            }
            store::<c_int>(va, pystr::read_char(arg, 0) as c_int)
        }
        [b'p'] => {
            let v = crate::abstract_::object::PyObject_IsTrue(arg);
            if v < 0 {
                return Err(Fail::Raised);
            }
            store::<c_int>(va, v)
        }
        [b'f'] | [b'd'] => {
            let v = crate::objects::float::PyFloat_AsDouble(arg);
            if failed(v, -1.0) {
                return Err(Fail::Raised);
            }
            if u == b"f" { store::<f32>(va, v as f32) } else { store::<f64>(va, v) }
        }
        [b'D'] => {
            let v = crate::objects::complex::PyComplex_AsCComplex(arg);
            if v.real == -1.0 && !PyErr_Occurred().is_null() {
                return Err(Fail::Raised);
            }
            store(va, v)
        }
        [b'O'] => store(va, arg),
        [b'O', b'!'] => {
            let tp = va.ptr::<PyTypeObject>();
            let out = va.ptr::<*mut PyObject>();
            if crate::object::typetype::PyType_IsSubtype((*arg).ob_type, tp) == 0 {
                let name = CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned();
                return Err(expected(&name, arg));
            }
            *out = arg;
        }
        [b'O', b'&'] => {
            let f = va.ptr::<c_void>();
            let addr = va.ptr::<c_void>();
            let f: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int = core::mem::transmute(f);
            let r = f(arg, addr);
            if r == CLEANUP_SUPPORTED {
                cleanups.push(Cleanup::Converter(f, addr));
            } else if r == 0 {
                return Err(if PyErr_Occurred().is_null() { Fail::Msg(" (unspecified)".into()) } else { Fail::Raised });
            }
        }
        [b'S'] | [b'Y'] | [b'U'] => {
            let ok = match u[0] {
                b'S' => bytes::is_bytes(arg),
                b'Y' => crate::abstract_::arg_va::is_bytearray(arg),
                _ => pystr::is_str(arg),
            };
            if !ok {
                return Err(expected(["bytes", "bytearray", "str"][(u[0] == b'Y') as usize + 2 * (u[0] == b'U') as usize], arg));
            }
            store(va, arg)
        }
        [b's'] | [b'z'] => {
            let out = va.ptr::<*const c_char>();
            if u == b"z" && arg == none {
                *out = core::ptr::null();
                return Ok(());
            }
            if !pystr::is_str(arg) {
                return Err(expected(if u == b"z" { "str or None" } else { "str" }, arg));
            }
            let (p, n) = utf8(arg)?;
            if has_nul(p, n) {
                let _ = raise_type(&raw mut _PyExc_ValueError, "embedded null character");
                return Err(Fail::Raised);
            }
            *out = p;
        }
        [b's', b'#'] | [b'z', b'#'] | [b'y', b'#'] => {
            let out = va.ptr::<*const c_void>();
            let (p, n) = if u == b"z#" && arg == none {
                (core::ptr::null_mut(), 0)
            } else if u != b"y#" && pystr::is_str(arg) {
                let (p, n) = utf8(arg)?;
                (p as *mut c_void, n)
            } else {
                read_only_bytes(arg)?
            };
            *out = p;
            store_len(va, mode, n)?;
        }
        [b'y'] => {
            let out = va.ptr::<*const c_char>();
            let (p, n) = read_only_bytes(arg)?;
            if has_nul(p as *const c_char, n) {
                let _ = raise_type(&raw mut _PyExc_ValueError, "embedded null byte");
                return Err(Fail::Raised);
            }
            *out = p as *const c_char;
        }
        [b's', b'*'] | [b'z', b'*'] | [b'y', b'*'] => {
            let view = va.ptr::<Py_buffer>();
            if u == b"z*" && arg == none {
                PyBuffer_FillInfo(view, core::ptr::null_mut(), core::ptr::null_mut(), 0, 1, 0);
            } else if u != b"y*" && pystr::is_str(arg) {
                str_buffer(arg, view)?;
            } else {
                get_simple_buffer(arg, view, PyBUF_SIMPLE, "contiguous buffer")?;
            }
            cleanups.push(Cleanup::Buffer(view));
        }
        [b'w', b'*'] => {
            let view = va.ptr::<Py_buffer>();
            if PyObject_GetBuffer(arg, view, PyBUF_WRITABLE) != 0 {
                crate::errors::pyerr::PyErr_Clear();
                return Err(expected("read-write bytes-like object", arg));
            }
            if !c_contiguous(&*view) {
                PyBuffer_Release(view);
                return Err(expected("contiguous buffer", arg));
            }
            cleanups.push(Cleanup::Buffer(view));
        }
        [b'e', kind, rest @ ..] => crate::abstract_::arg_encode::convert_encoded(arg, *kind == b't', !rest.is_empty(), va, mode, cleanups)?,
        [b'u' | b'Z', ..] => {
            let text = format!("getargs: The '{}' format is deprecated. Use 'U' instead.", u[0] as char);
            crate::objects::float::warn_deprecation(text)?;
            let _ = raise_type(&raw mut _PyExc_SystemError, "getargs: Py_UNICODE formats are not supported by ferropy");
            return Err(Fail::Raised);
        }
        _ => {
            return Err(Fail::Msg(" (impossible<bad format char>)".to_string()));
        }
    }
    Ok(())
}

/// Records memory an `es`/`et` unit allocated, freed should a later unit fail.
pub(crate) fn push_mem(cleanups: &mut Cleanups, p: *mut *mut c_char) {
    cleanups.push(Cleanup::Mem(p));
}
