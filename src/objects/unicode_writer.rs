//! `_PyUnicodeWriter`: a str built in place, its buffer widened as larger code points arrive
//! and grown (over-allocated by a quarter when asked) as text is appended. As in CPython, a
//! writer whose first write is a whole str (or ASCII text) without over-allocation shares
//! that str read-only until a second write needs a copy. The `_PyUnicodeWriter_Prepare` and
//! `PrepareKind` macros (include/cpython/unicodeobject.h) call the `*Internal` functions
//! only when the buffer is too small or too narrow.
use core::ffi::{c_char, c_int};

use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory};
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, PyUnicode_Kind, Py_UCS4, _PyUnicodeWriter};
use crate::objects::str_access::{copy_chars, max_char_value, write_char, write_units, MAX_UNICODE};
use crate::pyport::Py_ssize_t;

/// Refreshes the cached fields from the buffer (CPython's `_PyUnicodeWriter_Update`); a
/// read-only buffer shows kind 0 and size 0 so the next write goes through a copy.
unsafe fn update(w: &mut _PyUnicodeWriter) {
    let b = w.buffer;
    w.maxchar = max_char_value(b);
    w.data = pystr::data(b) as *mut core::ffi::c_void;
    if w.readonly == 0 {
        w.kind = kind_enum(pystr::kind(b));
        w.size = pystr::len(b) as Py_ssize_t;
    } else {
        w.kind = PyUnicode_Kind::PyUnicode_WCHAR_KIND;
        w.size = 0;
    }
}

fn kind_enum(k: usize) -> PyUnicode_Kind {
    match k {
        1 => PyUnicode_Kind::PyUnicode_1BYTE_KIND,
        2 => PyUnicode_Kind::PyUnicode_2BYTE_KIND,
        _ => PyUnicode_Kind::PyUnicode_4BYTE_KIND,
    }
}

/// A new buffer of `len` code points holding the writer's first `pos` ones.
unsafe fn rebuffer(w: &mut _PyUnicodeWriter, len: usize, maxchar: Py_UCS4) -> PyResult<()> {
    let nb = pystr::new_compact(len, maxchar)?;
    if !w.buffer.is_null() {
        copy_chars(nb.as_ptr(), 0, w.buffer, 0, w.pos as usize);
        drop(PyRef::from_owned(w.buffer));
    }
    w.buffer = nb.into_ptr();
    w.readonly = 0;
    Ok(())
}

/// Makes room for `length` more code points up to `maxchar`.
unsafe fn prepare(w: &mut _PyUnicodeWriter, length: Py_ssize_t, maxchar: Py_UCS4) -> PyResult<()> {
    if length < 0 || length > Py_ssize_t::MAX - w.pos {
        return Err(no_memory());
    }
    let mut newlen = w.pos + length;
    let maxchar = maxchar.max(w.min_char);
    let grow = |mut n: Py_ssize_t, w: &_PyUnicodeWriter| {
        if w.overallocate != 0 && n <= Py_ssize_t::MAX - n / 4 {
            n += n / 4;
        }
        n.max(w.min_length)
    };
    if w.buffer.is_null() {
        newlen = grow(newlen, w);
        rebuffer(w, newlen as usize, maxchar)?;
    } else if newlen > w.size || w.readonly != 0 {
        newlen = grow(newlen, w).max(w.pos);
        rebuffer(w, newlen as usize, maxchar.max(w.maxchar))?;
    } else if maxchar > w.maxchar {
        rebuffer(w, w.size as usize, maxchar)?;
    }
    update(w);
    Ok(())
}

fn status(r: PyResult<()>) -> c_int {
    if r.is_ok() { 0 } else { -1 }
}

unsafe fn writer<'a>(w: *mut _PyUnicodeWriter) -> PyResult<&'a mut _PyUnicodeWriter> {
    w.as_mut().ok_or_else(bad_internal_call)
}

/// `void _PyUnicodeWriter_Init(_PyUnicodeWriter *writer)`: an empty writer (ASCII minimum).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_Init(w: *mut _PyUnicodeWriter) {
    core::ptr::write_bytes(w, 0, 1);
    (*w).min_char = 127;
    (*w).kind = PyUnicode_Kind::PyUnicode_WCHAR_KIND;
}

/// `int _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer, Py_ssize_t length,
/// Py_UCS4 maxchar)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_PrepareInternal(w: *mut _PyUnicodeWriter, length: Py_ssize_t, maxchar: Py_UCS4) -> c_int {
    status(writer(w).and_then(|w| prepare(w, length, maxchar)))
}

/// `int _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer, enum PyUnicode_Kind
/// kind)`: widens the buffer to `kind`. The kind arrives as a C int (any value).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_PrepareKindInternal(w: *mut _PyUnicodeWriter, kind: c_int) -> c_int {
    let maxchar = match kind {
        1 => 0xff,
        2 => 0xffff,
        4 => MAX_UNICODE,
        _ => {
            let _ = bad_internal_call();
            return -1;
        }
    };
    status(writer(w).and_then(|w| prepare(w, 0, maxchar)))
}

/// Whether `n` more code points up to `maxchar` fit without a new buffer.
fn fits(w: &_PyUnicodeWriter, n: Py_ssize_t, maxchar: Py_UCS4) -> bool {
    maxchar <= w.maxchar && n <= w.size - w.pos
}

/// `int _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_WriteChar(w: *mut _PyUnicodeWriter, ch: Py_UCS4) -> c_int {
    status((|| {
        let w = writer(w)?;
        if ch > MAX_UNICODE {
            return Err(crate::object::pending_error::raise_type(
                &raw mut crate::errors::exception_types::_PyExc_ValueError,
                "character must be in range(0x110000)",
            ));
        }
        if !fits(w, 1, ch) {
            prepare(w, 1, ch)?;
        }
        write_char(w.buffer, w.pos as usize, ch);
        w.pos += 1;
        Ok(())
    })())
}

/// Appends code points `start..end` of the str `s`.
unsafe fn write_range(w: &mut _PyUnicodeWriter, s: *mut PyObject, start: usize, end: usize) -> PyResult<()> {
    let n = (end - start) as Py_ssize_t;
    if n == 0 {
        return Ok(());
    }
    let whole = start == 0 && end == pystr::len(s);
    let mut maxchar = max_char_value(s);
    if !fits(w, n, maxchar) {
        if whole && w.buffer.is_null() && w.overallocate == 0 {
            // Share the str until a later write needs a copy.
            w.buffer = new_ref(s).into_ptr();
            w.readonly = 1;
            update(w);
            w.pos += n;
            return Ok(());
        }
        if !whole && maxchar > w.maxchar {
            maxchar = crate::objects::str_access::code_points(s).skip(start).take(end - start).max().unwrap_or(0);
        }
        prepare(w, n, maxchar)?;
    }
    copy_chars(w.buffer, w.pos as usize, s, start, end - start);
    w.pos += n;
    Ok(())
}

/// `int _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_WriteStr(w: *mut _PyUnicodeWriter, s: *mut PyObject) -> c_int {
    status((|| {
        let w = writer(w)?;
        if s.is_null() || !pystr::is_str(s) {
            return Err(bad_internal_call());
        }
        write_range(w, s, 0, pystr::len(s))
    })())
}

/// `int _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str, Py_ssize_t
/// start, Py_ssize_t end)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_WriteSubstring(w: *mut _PyUnicodeWriter, s: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t) -> c_int {
    status((|| {
        let w = writer(w)?;
        if s.is_null() || !pystr::is_str(s) || start < 0 || start > end || end as usize > pystr::len(s) {
            return Err(bad_internal_call());
        }
        write_range(w, s, start as usize, end as usize)
    })())
}

/// Appends Latin-1 `bytes` whose largest code point is `maxchar`.
unsafe fn write_bytes(w: &mut _PyUnicodeWriter, bytes: &[u8], maxchar: Py_UCS4) -> PyResult<()> {
    let n = bytes.len() as Py_ssize_t;
    if n == 0 {
        return Ok(());
    }
    if !fits(w, n, maxchar) {
        prepare(w, n, maxchar)?;
    }
    let kind = pystr::kind(w.buffer);
    write_units(kind, pystr::data(w.buffer).add(w.pos as usize * kind), bytes);
    w.pos += n;
    Ok(())
}

unsafe fn c_bytes<'a>(s: *const c_char, len: Py_ssize_t) -> PyResult<&'a [u8]> {
    if s.is_null() || len < -1 {
        return Err(bad_internal_call());
    }
    let n = if len == -1 { libc::strlen(s) } else { len as usize };
    Ok(core::slice::from_raw_parts(s as *const u8, n))
}

/// `int _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer, const char *str,
/// Py_ssize_t len)`: `len` -1 means up to the NUL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_WriteASCIIString(w: *mut _PyUnicodeWriter, s: *const c_char, len: Py_ssize_t) -> c_int {
    status((|| {
        let w = writer(w)?;
        let b = c_bytes(s, len)?;
        if !b.is_ascii() {
            return Err(bad_internal_call());
        }
        if !b.is_empty() && w.buffer.is_null() && w.overallocate == 0 {
            let s = crate::objects::str_access::from_ucs1(b)?;
            w.buffer = s.into_ptr();
            w.readonly = 1;
            update(w);
            w.pos += b.len() as Py_ssize_t;
            return Ok(());
        }
        write_bytes(w, b, 0x7f)
    })())
}

/// `int _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer, const char *str,
/// Py_ssize_t len)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_WriteLatin1String(w: *mut _PyUnicodeWriter, s: *const c_char, len: Py_ssize_t) -> c_int {
    status((|| {
        let w = writer(w)?;
        let b = c_bytes(s, len)?;
        let maxchar = b.iter().copied().max().unwrap_or(0) as Py_UCS4;
        write_bytes(w, b, maxchar)
    })())
}

/// `PyObject *_PyUnicodeWriter_Finish(_PyUnicodeWriter *writer)`: the str written (the
/// buffer trimmed to `pos`); the writer is left empty.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_Finish(w: *mut _PyUnicodeWriter) -> *mut PyObject {
    ret_obj((|| {
        let w = writer(w)?;
        let buf = PyRef::from_owned(core::mem::replace(&mut w.buffer, core::ptr::null_mut()));
        let pos = w.pos as usize;
        let Some(buf) = buf else { return pystr::empty() };
        if pos == 0 {
            return pystr::empty();
        }
        if w.readonly != 0 || (pos == pystr::len(buf.as_ptr()) && pos > 1) {
            return Ok(buf);
        }
        // Trimmed (or a shared 1-character str) copy with the buffer's kind.
        if pos == 1 {
            return crate::objects::str_access::char_str(pystr::read_char(buf.as_ptr(), 0));
        }
        let r = pystr::new_compact(pos, max_char_value(buf.as_ptr()))?;
        copy_chars(r.as_ptr(), 0, buf.as_ptr(), 0, pos);
        Ok(r)
    })())
}

/// `void _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer)`: drops the buffer.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeWriter_Dealloc(w: *mut _PyUnicodeWriter) {
    if let Some(w) = w.as_mut() {
        drop(PyRef::from_owned(core::mem::replace(&mut w.buffer, core::ptr::null_mut())));
    }
}
