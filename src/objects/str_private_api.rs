//! The underscore-named str functions of CPython's cpython/unicodeobject.h that C code
//! builds strings with: the unchecked copy and fill (used on strings still being built,
//! which may not pass `PyUnicode_CopyCharacters`'s "not shared" check), the storage class
//! of a substring, ASCII construction, the numeric-parser transform and the identifier scan.
//!
//! CPython leaves bad arguments to these undefined (asserts); here they do nothing or
//! raise SystemError rather than touch memory out of bounds.
use crate::abstract_::{new_ref, ret_obj};
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::objects::str as pystr;
use crate::objects::str_access::{code_points, copy_chars, max_char_value, write_char};
use crate::objects::unicode_db;
use crate::pyport::Py_ssize_t;

use crate::objects::str::Py_UCS4;

/// The largest code point of a storage class: what `c` needs.
fn class_max(c: Py_UCS4) -> Py_UCS4 {
    match c {
        0..=0x7f => 0x7f,
        0x80..=0xff => 0xff,
        0x100..=0xffff => 0xffff,
        _ => 0x10ffff,
    }
}

/// `void _PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
/// Py_ssize_t from_start, Py_ssize_t how_many)`: `PyUnicode_CopyCharacters` without its
/// checks that `to` is unshared; the caller guarantees the characters fit.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_FastCopyCharacters(
    to: *mut PyObject,
    to_start: Py_ssize_t,
    from: *mut PyObject,
    from_start: Py_ssize_t,
    how_many: Py_ssize_t,
) {
    if to.is_null() || from.is_null() || !pystr::is_str(to) || !pystr::is_str(from) || to_start < 0 || from_start < 0 || how_many <= 0 {
        return;
    }
    let (to_len, from_len) = (pystr::len(to), pystr::len(from));
    let (ts, fs) = (to_start as usize, from_start as usize);
    if ts > to_len || fs > from_len {
        return;
    }
    let n = (how_many as usize).min(from_len - fs).min(to_len - ts);
    let limit = max_char_value(to);
    if max_char_value(from) > limit && code_points(from).skip(fs).take(n).any(|c| c > limit) {
        return;
    }
    copy_chars(to, ts, from, fs, n);
}

/// `void _PyUnicode_FastFill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length,
/// Py_UCS4 fill_char)`: `PyUnicode_Fill` without the "not shared" check.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_FastFill(unicode: *mut PyObject, start: Py_ssize_t, length: Py_ssize_t, fill_char: Py_UCS4) {
    if unicode.is_null() || !pystr::is_str(unicode) || start < 0 || length <= 0 || fill_char > max_char_value(unicode) {
        return;
    }
    let len = pystr::len(unicode);
    let start = start as usize;
    if start >= len {
        return;
    }
    for i in start..len.min(start + length as usize) {
        write_char(unicode, i, fill_char);
    }
}

/// `Py_UCS4 _PyUnicode_FindMaxChar(PyObject *unicode, Py_ssize_t start, Py_ssize_t end)`:
/// the storage class (0x7f, 0xff, 0xffff or 0x10ffff) that `unicode[start:end]` needs;
/// 127 for an empty range, the string's own class for the whole string.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_FindMaxChar(unicode: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t) -> Py_UCS4 {
    if unicode.is_null() || !pystr::is_str(unicode) {
        return 127;
    }
    let len = pystr::len(unicode) as Py_ssize_t;
    let (start, end) = (start.clamp(0, len), end.clamp(0, len));
    if start == 0 && end == len {
        return max_char_value(unicode);
    }
    if start >= end {
        return 127;
    }
    let max = code_points(unicode).skip(start as usize).take((end - start) as usize).max().unwrap_or(0);
    class_max(max)
}

/// `PyObject *_PyUnicode_FromASCII(const char *buffer, Py_ssize_t size)`: a str of ASCII
/// bytes (a non-ASCII byte is UnicodeDecodeError here, not a broken string).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_FromASCII(buffer: *const core::ffi::c_char, size: Py_ssize_t) -> *mut PyObject {
    if size < 0 || (buffer.is_null() && size > 0) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    crate::codecs::ascii::PyUnicode_DecodeASCII(buffer, size, core::ptr::null())
}

/// `PyObject *_PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode)`: for the
/// number parsers, a str whose decimal digits are ASCII digits and whose whitespace is
/// ASCII space, cut after the first other non-ASCII code point, which becomes `?` (so
/// the parser fails there). An ASCII str comes back as itself.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_TransformDecimalAndSpaceToASCII(unicode: *mut PyObject) -> *mut PyObject {
    if unicode.is_null() || !pystr::is_str(unicode) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    if max_char_value(unicode) == 0x7f {
        return new_ref(unicode).into_ptr();
    }
    let mut out = Vec::with_capacity(pystr::len(unicode));
    for c in code_points(unicode) {
        let t = if c < 128 {
            c
        } else if unicode_db::is_space(c) {
            ' ' as Py_UCS4
        } else {
            match unicode_db::decimal(c) {
                d if d >= 0 => '0' as Py_UCS4 + d as Py_UCS4,
                _ => {
                    out.push('?' as Py_UCS4);
                    break;
                }
            }
        };
        out.push(t);
    }
    ret_obj(pystr::from_code_points(&out))
}

/// `Py_ssize_t _PyUnicode_ScanIdentifier(PyObject *unicode)`: the length of the identifier
/// at the start of `unicode` (0 when it does not start with one).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_ScanIdentifier(unicode: *mut PyObject) -> Py_ssize_t {
    if unicode.is_null() || !pystr::is_str(unicode) {
        let _ = bad_internal_call();
        return -1;
    }
    let mut n = 0;
    for c in code_points(unicode) {
        let ok = if n == 0 { unicode_db::is_identifier_start(c) } else { unicode_db::is_identifier_continue(c) };
        if !ok {
            break;
        }
        n += 1;
    }
    n
}

/// The `O&` converter to a `wchar_t *` (PyMem memory) behind `_PyUnicode_WideCharString_*`:
/// 1 on success (without `Py_CLEANUP_SUPPORTED`, as CPython's: the caller frees the string);
/// called with NULL, it frees what `*ptr` holds.
unsafe fn wide_char_converter(obj: *mut PyObject, ptr: *mut core::ffi::c_void, none_ok: bool) -> core::ffi::c_int {
    let p = ptr as *mut *mut libc::wchar_t;
    if obj.is_null() {
        crate::object::pymem::PyMem_Free(*p as *mut core::ffi::c_void);
        *p = core::ptr::null_mut();
        return 1;
    }
    if none_ok && obj == crate::abstract_::none() {
        *p = core::ptr::null_mut();
        return 1;
    }
    if pystr::is_str(obj) {
        *p = crate::objects::str_access::PyUnicode_AsWideCharString(obj, core::ptr::null_mut());
        return if (*p).is_null() { 0 } else { 1 };
    }
    let what = if none_ok { "str or None" } else { "str" };
    let _ = crate::abstract_::type_error(format!(
        "argument must be {what}, not {}",
        crate::abstract_::tp_name(obj).chars().take(50).collect::<String>()
    ));
    0
}

/// `int _PyUnicode_WideCharString_Converter(PyObject *obj, void *ptr)`: an `O&` converter
/// from a str to a NUL-terminated `wchar_t *` stored at `ptr`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_WideCharString_Converter(obj: *mut PyObject, ptr: *mut core::ffi::c_void) -> core::ffi::c_int {
    wide_char_converter(obj, ptr, false)
}

/// `int _PyUnicode_WideCharString_Opt_Converter(PyObject *obj, void *ptr)`: as
/// `_PyUnicode_WideCharString_Converter`, None giving NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_WideCharString_Opt_Converter(obj: *mut PyObject, ptr: *mut core::ffi::c_void) -> core::ffi::c_int {
    wide_char_converter(obj, ptr, true)
}
