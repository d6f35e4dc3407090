//! `pickle.PickleBuffer` (`PyPickleBuffer_Type`, cpython/picklebufobject.h): a wrapper that
//! marks a buffer for pickle protocol 5's out-of-band transfer. It holds one buffer of the
//! wrapped object (`PyBUF_FULL_RO`) until `release()` or its end; consumers asking it for a
//! buffer get a fresh one from the wrapped object with their own flags (so a memoryview of
//! a PickleBuffer has the wrapped object as `obj` and is writable when that is). The C
//! `_pickle` accelerator reads the held view through `PyPickleBuffer_GetBuffer`; the type
//! lives in the core (as in CPython) and `_pickle` adds it to its module.
use crate::abstract_::new_ref;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::buffer::{Py_buffer, PyBUF_FULL_RO};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyBufferProcs};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::bytes_buffer::{PyBuffer_Release, PyObject_GetBuffer};
use core::ffi::{c_int, c_void};

/// The object: the held view (`view.obj` NULL once released) and the weakref list.
/// CPython's size (104 bytes), so `__basicsize__`/`__sizeof__` agree.
#[repr(C)]
pub struct PyPickleBufferObject {
    pub ob_base: PyObject,
    pub view: Py_buffer,
    pub weakreflist: *mut PyObject,
}
assert_layout!(PyPickleBufferObject, size = 104, ob_base @ 0, view @ 16, weakreflist @ 96);

static mut PICKLEBUFFER_AS_BUFFER: PyBufferProcs = PyBufferProcs {
    bf_getbuffer: Some(picklebuffer_getbuffer),
    // The consumer's buffer comes from the wrapped object, which releases it.
    bf_releasebuffer: None,
};

static mut PICKLEBUFFER_METHODS: [PyMethodDef; 3] = [
    plain(c"raw", picklebuffer_raw, METH_NOARGS).doc(c"raw($self, /)\n--\n\nReturn a memoryview of the raw memory underlying this buffer.\nWill raise BufferError is the buffer isn't contiguous."),
    plain(c"release", picklebuffer_release, METH_NOARGS).doc(c"release($self, /)\n--\n\nRelease the underlying buffer exposed by the PickleBuffer object."),
    END,
];

/// `PyPickleBuffer_Type`: `pickle.PickleBuffer` (not subclassable, as CPython's).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyPickleBuffer_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(picklebuffer_dealloc),
    tp_traverse: Some(picklebuffer_traverse),
    tp_clear: Some(picklebuffer_clear),
    tp_as_buffer: &raw mut PICKLEBUFFER_AS_BUFFER,
    tp_methods: &raw mut PICKLEBUFFER_METHODS as *mut PyMethodDef,
    tp_weaklistoffset: core::mem::offset_of!(PyPickleBufferObject, weakreflist) as isize,
    tp_new: Some(picklebuffer_new),
    tp_free: Some(temp_alloc::free_gc_object),
    ..static_type(
        c"pickle.PickleBuffer",
        core::mem::size_of::<PyPickleBufferObject>(),
        0,
        Py_TPFLAGS_HAVE_GC,
        Some(c"Wrapper for potentially out-of-band buffers"),
    )
};

#[inline]
unsafe fn pb<'a>(op: *mut PyObject) -> &'a mut PyPickleBufferObject {
    &mut *(op as *mut PyPickleBufferObject)
}

#[inline]
unsafe fn is_picklebuffer(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyPickleBuffer_Type
}

fn released_error() -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, "operation forbidden on released PickleBuffer object")
}

/// The held view, or ValueError once released.
unsafe fn held_view<'a>(op: *mut PyObject) -> PyResult<&'a mut Py_buffer> {
    let v = &mut pb(op).view;
    if v.obj.is_null() {
        return Err(released_error());
    }
    Ok(v)
}

/// A new PickleBuffer holding a `PyBUF_FULL_RO` buffer of `base`.
pub(crate) unsafe fn from_object(base: *mut PyObject) -> PyResult<PyRef> {
    let op = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyPickleBuffer_Type, 0)).ok_or_else(no_memory)?;
    let p = pb(op.as_ptr());
    p.weakreflist = core::ptr::null_mut();
    p.view = core::mem::zeroed();
    // Until the view is filled in, dealloc sees `view.obj` NULL and releases nothing.
    if PyObject_GetBuffer(base, &mut p.view, PyBUF_FULL_RO) != 0 {
        p.view = core::mem::zeroed();
        return Err(Raised::assume_set());
    }
    PyObject_GC_Track(op.as_ptr().cast());
    Ok(op)
}

/// `PyObject *PyPickleBuffer_FromObject(PyObject *base)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyPickleBuffer_FromObject(base: *mut PyObject) -> *mut PyObject {
    if base.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match from_object(base) {
        Ok(o) => o.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

/// TypeError unless `op` is a PickleBuffer (CPython's message).
unsafe fn expect_picklebuffer(op: *mut PyObject) -> PyResult<()> {
    if op.is_null() {
        return Err(bad_internal_call());
    }
    if !is_picklebuffer(op) {
        return Err(raise_type(&raw mut exc::_PyExc_TypeError,
                              format!("expected PickleBuffer, {:.200} found", crate::abstract_::tp_name(op))));
    }
    Ok(())
}

/// `const Py_buffer *PyPickleBuffer_GetBuffer(PyObject *obj)`: the held view (valid while
/// the PickleBuffer is alive and not released); NULL with TypeError or ValueError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyPickleBuffer_GetBuffer(obj: *mut PyObject) -> *const Py_buffer {
    let r = expect_picklebuffer(obj).and_then(|()| held_view(obj));
    match r {
        Ok(v) => v as *const Py_buffer,
        Err(_) => core::ptr::null(),
    }
}

/// `int PyPickleBuffer_Release(PyObject *obj)`: releases the held view (again: a no-op).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyPickleBuffer_Release(obj: *mut PyObject) -> c_int {
    if expect_picklebuffer(obj).is_err() {
        return -1;
    }
    PyBuffer_Release(&mut pb(obj).view);
    0
}

unsafe extern "C" fn picklebuffer_new(_tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    // One positional-only parameter, as CPython's `{"", NULL}` keyword list.
    static PARAMS: Params = Params { function: "PickleBuffer", names: &[""], positional_only: 1, max_positional: 1, required: 1 };
    let r = bind_tuple_dict_array::<1>(&PARAMS, args, kw).and_then(|[base]| from_object(base));
    match r {
        Ok(o) => o.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `bf_getbuffer`: a new buffer of the wrapped object, with the consumer's flags.
unsafe extern "C" fn picklebuffer_getbuffer(op: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    match held_view(op) {
        Ok(v) => PyObject_GetBuffer(v.obj, view, flags),
        Err(_) => -1,
    }
}

/// `raw()`: a one-dimensional `B` memoryview of the wrapped memory.
unsafe extern "C" fn picklebuffer_raw(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = held_view(op).and_then(|_| crate::objects::memoryview::raw_bytes_of(op));
    match r {
        Ok(o) => o.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `release()`.
unsafe extern "C" fn picklebuffer_release(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    PyBuffer_Release(&mut pb(op).view);
    new_ref(crate::abstract_::none()).into_ptr()
}

unsafe extern "C" fn picklebuffer_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let obj = pb(op).view.obj;
    match visit {
        Some(v) if !obj.is_null() => v(obj, arg),
        _ => 0,
    }
}

unsafe extern "C" fn picklebuffer_clear(op: *mut PyObject) -> c_int {
    PyBuffer_Release(&mut pb(op).view);
    0
}

unsafe extern "C" fn picklebuffer_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    if !pb(op).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    PyBuffer_Release(&mut pb(op).view);
    temp_alloc::free_gc_object(op as *mut c_void);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_size_is_cpythons() {
        assert_eq!(core::mem::size_of::<PyPickleBufferObject>(), 104);
        assert_eq!(core::mem::offset_of!(PyPickleBufferObject, weakreflist), 96);
    }
}
