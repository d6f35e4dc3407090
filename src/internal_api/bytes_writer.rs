//! `_PyBytesWriter_*`: building a bytes (or bytearray) object of unknown final size through a
//! caller-held `_PyBytesWriter` (cpython/bytesobject.h, used by `_pickle`, `_struct`,
//! `binascii` and the codecs of CPython's modules). Writes go to `small_buffer` until more
//! is needed, then to a bytes/bytearray that grows (by a quarter more when `overallocate`).
//! The caller moves a `char *` cursor; `min_size` accumulates what `Prepare` was asked
//! for, as the struct documents (callers adjust it themselves).
use core::ffi::{c_char, c_void};

use crate::object::object::PyObject;
use crate::objects::bytearray::{PyByteArray_AsString, PyByteArray_FromStringAndSize, PyByteArray_Resize};
use crate::objects::bytes::{PyBytes_AsString, PyBytes_FromStringAndSize, _PyBytesWriter, _PyBytes_Resize};
use crate::pyport::Py_ssize_t;

const SMALL: Py_ssize_t = 512;

/// The first byte of the writer's current storage.
unsafe fn start(w: *mut _PyBytesWriter) -> *mut c_char {
    if (*w).use_small_buffer != 0 {
        (*w).small_buffer.as_mut_ptr()
    } else if (*w).use_bytearray != 0 {
        PyByteArray_AsString((*w).buffer)
    } else {
        PyBytes_AsString((*w).buffer)
    }
}

/// `void _PyBytesWriter_Init(_PyBytesWriter *writer)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytesWriter_Init(writer: *mut _PyBytesWriter) {
    let w = &mut *writer;
    w.buffer = core::ptr::null_mut();
    w.allocated = 0;
    w.min_size = 0;
    w.use_bytearray = 0;
    w.overallocate = 0;
    w.use_small_buffer = 0;
}

/// `void _PyBytesWriter_Dealloc(_PyBytesWriter *writer)`: drops the buffer (after an error).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytesWriter_Dealloc(writer: *mut _PyBytesWriter) {
    let b = core::mem::replace(&mut (*writer).buffer, core::ptr::null_mut());
    drop(crate::object::ptr::PyRef::from_owned(b));
}

/// `void *_PyBytesWriter_Resize(_PyBytesWriter *writer, void *str, Py_ssize_t size)`: room
/// for `size` bytes in all; the cursor `str` at the same offset in the new storage, or NULL
/// (MemoryError, the writer released).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytesWriter_Resize(writer: *mut _PyBytesWriter, str_: *mut c_void, size: Py_ssize_t) -> *mut c_void {
    let w = writer;
    let pos = (str_ as *mut c_char).offset_from(start(w));
    let allocated = if (*w).overallocate != 0 && size <= Py_ssize_t::MAX - size / 4 { size + size / 4 } else { size };
    if !(*w).buffer.is_null() {
        let failed = if (*w).use_bytearray != 0 {
            PyByteArray_Resize((*w).buffer, allocated) < 0
        } else {
            _PyBytes_Resize(&raw mut (*w).buffer, allocated) < 0
        };
        if failed {
            // _PyBytes_Resize already released (and NULLed) a bytes buffer.
            _PyBytesWriter_Dealloc(w);
            return core::ptr::null_mut();
        }
    } else {
        let fresh = if (*w).use_bytearray != 0 {
            PyByteArray_FromStringAndSize(core::ptr::null(), allocated)
        } else {
            PyBytes_FromStringAndSize(core::ptr::null(), allocated)
        };
        if fresh.is_null() {
            return core::ptr::null_mut();
        }
        (*w).buffer = fresh;
        if (*w).use_small_buffer != 0 {
            let dest = if (*w).use_bytearray != 0 { PyByteArray_AsString(fresh) } else { PyBytes_AsString(fresh) };
            core::ptr::copy_nonoverlapping((*w).small_buffer.as_ptr(), dest, pos.max(0) as usize);
            (*w).use_small_buffer = 0;
        }
    }
    (*w).allocated = allocated;
    start(w).offset(pos) as *mut c_void
}

/// `void *_PyBytesWriter_Prepare(_PyBytesWriter *writer, void *str, Py_ssize_t size)`: makes
/// room for `size` more bytes (added to `min_size`); the cursor, moved if the storage moved,
/// or NULL with MemoryError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytesWriter_Prepare(writer: *mut _PyBytesWriter, str_: *mut c_void, size: Py_ssize_t) -> *mut c_void {
    if size == 0 {
        return str_;
    }
    let w = writer;
    if (*w).min_size > Py_ssize_t::MAX - size {
        let _ = crate::object::pending_error::no_memory();
        _PyBytesWriter_Dealloc(w);
        return core::ptr::null_mut();
    }
    (*w).min_size += size;
    if (*w).min_size <= (*w).allocated {
        return str_;
    }
    _PyBytesWriter_Resize(w, str_, (*w).min_size)
}

/// `void *_PyBytesWriter_Alloc(_PyBytesWriter *writer, Py_ssize_t size)`: the first cursor,
/// with room for `size` bytes (in the small buffer when they fit).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytesWriter_Alloc(writer: *mut _PyBytesWriter, size: Py_ssize_t) -> *mut c_void {
    let w = writer;
    (*w).use_small_buffer = 1;
    (*w).allocated = SMALL;
    _PyBytesWriter_Prepare(w, (*w).small_buffer.as_mut_ptr() as *mut c_void, size)
}

/// `void *_PyBytesWriter_WriteBytes(_PyBytesWriter *writer, void *str, const void *bytes,
/// Py_ssize_t size)`: appends `size` bytes at the cursor; the cursor after them, or NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytesWriter_WriteBytes(writer: *mut _PyBytesWriter, str_: *mut c_void, bytes: *const c_void, size: Py_ssize_t) -> *mut c_void {
    let p = _PyBytesWriter_Prepare(writer, str_, size);
    if p.is_null() {
        return p;
    }
    core::ptr::copy_nonoverlapping(bytes as *const u8, p as *mut u8, size.max(0) as usize);
    (p as *mut u8).add(size.max(0) as usize) as *mut c_void
}

/// `PyObject *_PyBytesWriter_Finish(_PyBytesWriter *writer, void *str)`: the bytes (or
/// bytearray) of everything before the cursor; the writer gives up its buffer.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytesWriter_Finish(writer: *mut _PyBytesWriter, str_: *mut c_void) -> *mut PyObject {
    let w = writer;
    let size = (str_ as *mut c_char).offset_from(start(w));
    if size == 0 && (*w).use_bytearray == 0 {
        _PyBytesWriter_Dealloc(w);
        return PyBytes_FromStringAndSize(core::ptr::null(), 0);
    }
    if (*w).use_small_buffer != 0 {
        return if (*w).use_bytearray != 0 {
            PyByteArray_FromStringAndSize((*w).small_buffer.as_ptr(), size)
        } else {
            PyBytes_FromStringAndSize((*w).small_buffer.as_ptr(), size)
        };
    }
    let mut result = core::mem::replace(&mut (*w).buffer, core::ptr::null_mut());
    if size != (*w).allocated {
        if (*w).use_bytearray != 0 {
            if PyByteArray_Resize(result, size) < 0 {
                drop(crate::object::ptr::PyRef::from_owned(result));
                return core::ptr::null_mut();
            }
        } else if _PyBytes_Resize(&mut result, size) < 0 {
            return core::ptr::null_mut();
        }
    }
    result
}
