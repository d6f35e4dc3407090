//! The object a pattern runs over: a str (its PEP 393 units, read in place) or a bytes-like
//! object (held through the buffer protocol while the match runs), with CPython's type
//! errors, and slicing pieces of it back out as CPython does (str pieces of a str, bytes
//! pieces of any bytes-like object).
use crate::abstract_::{tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::buffer::{Py_buffer, PyBUF_SIMPLE};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::bytes_buffer::{PyBuffer_Release, PyObject_GetBuffer};
use crate::objects::str_access::{self, Units};
use crate::objects::{bytes, str as pystr};

pub(crate) struct Subject<'a> {
    pub obj: *mut PyObject,
    pub units: Units<'a>,
    pub is_bytes: bool,
    buffer: Option<Box<Py_buffer>>,
}

impl Drop for Subject<'_> {
    fn drop(&mut self) {
        if let Some(b) = self.buffer.as_mut() {
            // SAFETY: the view was filled by PyObject_GetBuffer and is released once.
            unsafe { PyBuffer_Release(&mut **b) };
        }
    }
}

impl<'a> Subject<'a> {
    /// Views `obj`, checking it against a str (`pattern_is_bytes == Some(false)`) or bytes
    /// pattern (`None`: a pattern without source text accepts either).
    pub(crate) unsafe fn new(obj: *mut PyObject, pattern_is_bytes: Option<bool>) -> PyResult<Subject<'a>> {
        let subject = if pystr::is_str(obj) {
            Subject { obj, units: str_access::units(obj), is_bytes: false, buffer: None }
        } else {
            let mut view: Box<Py_buffer> = Box::new(core::mem::zeroed());
            if PyObject_GetBuffer(obj, &mut *view, PyBUF_SIMPLE) < 0 {
                crate::errors::pyerr::PyErr_Clear();
                return Err(type_error(format!("expected string or bytes-like object, got '{}'", tp_name(obj))));
            }
            let data: &[u8] = if view.len == 0 {
                &[]
            } else {
                core::slice::from_raw_parts(view.buf as *const u8, view.len as usize)
            };
            Subject { obj, units: Units::One(data), is_bytes: true, buffer: Some(view) }
        };
        match pattern_is_bytes {
            Some(false) if subject.is_bytes => Err(type_error("cannot use a string pattern on a bytes-like object")),
            Some(true) if !subject.is_bytes => Err(type_error("cannot use a bytes pattern on a string-like object")),
            _ => Ok(subject),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.units.len()
    }

    /// `obj[start:end]`.
    pub(crate) unsafe fn slice(&self, start: usize, end: usize) -> PyResult<PyRef> {
        slice_of(self.obj, self.is_bytes, start, end)
    }
}

/// `obj[start:end]` of a subject (which may no longer be viewed).
pub(crate) unsafe fn slice_of(obj: *mut PyObject, is_bytes: bool, start: usize, end: usize) -> PyResult<PyRef> {
    if !is_bytes {
        return str_access::substring(obj, start, end);
    }
    if bytes::is_bytes(obj) {
        if start == 0 && end == bytes::len(obj) && bytes::is_exact(obj) {
            return Ok(crate::abstract_::new_ref(obj));
        }
        return bytes::from_slice(&bytes::as_slice(obj)[start..end]);
    }
    // Other bytes-like objects give bytes too, read through a new view (they may have
    // changed size since the match).
    let view = Subject::new(obj, None)?;
    match view.units {
        Units::One(data) => bytes::from_slice(&data[start.min(data.len())..end.min(data.len())]),
        _ => unreachable!("a buffer view has 1-byte units"),
    }
}
