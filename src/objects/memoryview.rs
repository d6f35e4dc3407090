//! `_PyManagedBufferObject` and `PyMemoryViewObject` (CPython 3.11's memoryobject.h,
//! outside the limited API).
use crate::object::buffer::Py_buffer;
use crate::object::object::{PyObject, PyVarObject};
use crate::pyport::{Py_hash_t, Py_ssize_t};
use core::ffi::c_int;


/// `_PyManagedBufferObject.flags` bits.
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MANAGED_BUFFER_RELEASED: c_int = 0x001;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MANAGED_BUFFER_FREE_FORMAT: c_int = 0x002;

/// `_PyManagedBufferObject`: owns the exporter's buffer (`master`) on behalf of every
/// memoryview made from it; `exports` counts those views.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyManagedBufferObject {
    pub ob_base: PyObject,
    pub flags: c_int,
    pub exports: Py_ssize_t,
    pub master: Py_buffer,
}
assert_layout!(_PyManagedBufferObject, size = 112, ob_base @ 0, flags @ 16, exports @ 24,
               master @ 32);

/// `PyMemoryViewObject.flags` bits.
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_RELEASED: c_int = 0x001;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_C: c_int = 0x002;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_FORTRAN: c_int = 0x004;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_SCALAR: c_int = 0x008;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_PIL: c_int = 0x010;

/// `PyMemoryViewObject`: a view (`view`) onto a managed buffer; `ob_array` holds the
/// shape, strides and suboffsets (3 * ndim entries, `ob_size` of them).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyMemoryViewObject {
    pub ob_base: PyVarObject,
    pub mbuf: *mut _PyManagedBufferObject,
    pub hash: Py_hash_t,
    pub flags: c_int,
    pub exports: Py_ssize_t,
    pub view: Py_buffer,
    pub weakreflist: *mut PyObject,
    pub ob_array: [Py_ssize_t; 1],
}
assert_layout!(PyMemoryViewObject, size = 152, ob_base @ 0, mbuf @ 24, hash @ 32, flags @ 40,
               exports @ 48, view @ 56, weakreflist @ 136, ob_array @ 144);

// ---- The managed buffer and the memoryview type ------------------------------------------------
// A managed buffer holds the one buffer obtained from the exporter (`master`) for every
// memoryview made from it, directly or by slicing/casting; `exports` counts those views and
// the master is released when the last of them is. A memoryview keeps its own copy of the
// view, with shape, strides and suboffsets in `ob_array` (3 * ndim entries); `view.obj` is
// borrowed from the master.

use crate::abstract_::{new_ref, none, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::buffer::{
    PyBUF_ANY_CONTIGUOUS, PyBUF_C_CONTIGUOUS, PyBUF_FORMAT, PyBUF_FULL_RO, PyBUF_F_CONTIGUOUS, PyBUF_INDIRECT, PyBUF_ND,
    PyBUF_READ, PyBUF_STRIDES, PyBUF_WRITABLE, PyBUF_WRITE,
};
use crate::object::buffer_contig::{contiguous_strides, element_ptr, for_each_element, is_contiguous, shape_of, strides_of, to_contiguous_vec, Dims, View};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{plain, with_kw, END};
use crate::object::methods::{PyMethodDef, METH_KEYWORDS, METH_NOARGS, METH_VARARGS};
use crate::object::object::{Py_EQ, Py_NE};
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::{PyBufferProcs, PyMappingMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::slots::visitproc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_SEQUENCE};
use crate::objects::bytes_buffer::{PyBuffer_FillInfo, PyBuffer_Release, PyObject_CheckBuffer, PyObject_GetBuffer};
use crate::objects::memoryview_struct;
use crate::objects::memoryview_format::{code_cstr, code_itemsize, native_code, read_item, unpack};
use crate::objects::{int, list, str as pystr, tuple};
use core::ffi::{c_char, c_void, CStr};

/// `_PyManagedBuffer_Type`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyManagedBuffer_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(mbuf_dealloc),
    tp_traverse: Some(mbuf_traverse),
    tp_clear: Some(mbuf_clear),
    tp_free: Some(temp_alloc::free_gc_object),
    // GC types, as CPython's: an exporter holding a view of itself is a cycle.
    ..static_type(c"managedbuffer", core::mem::size_of::<_PyManagedBufferObject>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

unsafe fn mbuf_new() -> PyResult<PyRef> {
    let op = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut _PyManagedBuffer_Type, 0)).ok_or_else(no_memory)?;
    let m = op.as_ptr() as *mut _PyManagedBufferObject;
    (*m).flags = 0;
    (*m).exports = 0;
    (*m).master = core::mem::zeroed();
    PyObject_GC_Track(op.as_ptr().cast());
    Ok(op)
}

/// The exporter, while the master buffer is held.
unsafe extern "C" fn mbuf_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let m = op as *mut _PyManagedBufferObject;
    let obj = (*m).master.obj;
    match visit {
        Some(v) if (*m).flags & _Py_MANAGED_BUFFER_RELEASED == 0 && !obj.is_null() => v(obj, arg),
        _ => 0,
    }
}

unsafe extern "C" fn mbuf_clear(op: *mut PyObject) -> c_int {
    mbuf_release(op as *mut _PyManagedBufferObject);
    0
}

/// A managed buffer over the full buffer `o` exports.
unsafe fn mbuf_from_object(o: *mut PyObject) -> PyResult<PyRef> {
    let m = mbuf_new()?;
    if PyObject_GetBuffer(o, &mut (*(m.as_ptr() as *mut _PyManagedBufferObject)).master, PyBUF_FULL_RO) != 0 {
        // Nothing to release: mark it so.
        (*(m.as_ptr() as *mut _PyManagedBufferObject)).flags = _Py_MANAGED_BUFFER_RELEASED;
        return Err(Raised::assume_set());
    }
    Ok(m)
}

unsafe fn mbuf_release(m: *mut _PyManagedBufferObject) {
    if (*m).flags & _Py_MANAGED_BUFFER_RELEASED == 0 {
        (*m).flags |= _Py_MANAGED_BUFFER_RELEASED;
        PyBuffer_Release(&mut (*m).master);
    }
}

unsafe extern "C" fn mbuf_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op.cast());
    let m = op as *mut _PyManagedBufferObject;
    mbuf_release(m);
    if (*m).flags & _Py_MANAGED_BUFFER_FREE_FORMAT != 0 {
        crate::object::pymem::PyMem_Free((*m).master.format as *mut c_void);
    }
    temp_alloc::free_gc_object(op as *mut c_void);
}

static mut MEMORY_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(mv_length),
    sq_concat: None,
    sq_repeat: None,
    sq_item: Some(mv_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: None,
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

static mut MEMORY_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(mv_length),
    mp_subscript: Some(mv_subscript),
    mp_ass_subscript: Some(mv_ass_subscript),
};

static mut MEMORY_AS_BUFFER: PyBufferProcs = PyBufferProcs {
    bf_getbuffer: Some(mv_getbuffer),
    bf_releasebuffer: Some(mv_releasebuffer),
};

const ARRAY_OFFSET: usize = core::mem::offset_of!(PyMemoryViewObject, ob_array);

/// `PyMemoryView_Type`: the memoryview type.
#[no_mangle]
pub static mut PyMemoryView_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(mv_dealloc),
    tp_repr: Some(mv_repr),
    tp_as_sequence: &raw mut MEMORY_AS_SEQUENCE,
    tp_iter: Some(crate::objects::memoryview_iter::memoryview_iter),
    tp_as_mapping: &raw mut MEMORY_AS_MAPPING,
    tp_as_buffer: &raw mut MEMORY_AS_BUFFER,
    tp_hash: Some(mv_hash),
    tp_richcompare: Some(mv_richcompare),
    tp_methods: &raw mut MEMORY_METHODS as *mut PyMethodDef,
    tp_getset: &raw mut MEMORY_GETSET as *mut PyGetSetDef,
    tp_new: Some(mv_new),
    tp_free: Some(temp_alloc::free_gc_object),
    tp_traverse: Some(mv_traverse),
    tp_clear: Some(mv_clear),
    tp_weaklistoffset: core::mem::offset_of!(PyMemoryViewObject, weakreflist) as isize,
    ..static_type(
        c"memoryview",
        ARRAY_OFFSET,
        core::mem::size_of::<Py_ssize_t>(),
        Py_TPFLAGS_SEQUENCE as core::ffi::c_ulong | Py_TPFLAGS_HAVE_GC,
        Some(c"memoryview(object)\n--\n\nCreate a new memoryview object which references the given object."),
    )
};

#[inline]
unsafe fn mv(op: *mut PyObject) -> *mut PyMemoryViewObject {
    op as *mut PyMemoryViewObject
}

/// Whether `op` is a memoryview (`PyMemoryView_Check`).
pub(crate) unsafe fn is_memoryview(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyMemoryView_Type
}

/// A new memoryview registered with `mbuf`, whose view is `src` laid out with `shape`,
/// `strides` and `suboffsets` (copied into the object).
unsafe fn new_view(mbuf: *mut PyObject, src: &Py_buffer, shape: &[Py_ssize_t], strides: &[Py_ssize_t],
                   suboffsets: Option<&[Py_ssize_t]>) -> PyResult<PyRef> {
    let ndim = shape.len();
    if ndim > crate::object::buffer::PyBUF_MAX_NDIM as usize {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "memoryview: number of dimensions must not exceed 64"));
    }
    let size = ARRAY_OFFSET + 3 * ndim.max(1) * core::mem::size_of::<Py_ssize_t>();
    let op = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyMemoryView_Type, (size - ARRAY_OFFSET) as Py_ssize_t / 8))
        .ok_or_else(no_memory)?;
    let m = mv(op.as_ptr());
    (*m).ob_base.ob_size = 3 * ndim as Py_ssize_t;
    (*m).mbuf = new_ref(mbuf).into_ptr() as *mut _PyManagedBufferObject;
    (*(*m).mbuf).exports += 1;
    (*m).hash = -1;
    (*m).exports = 0;
    (*m).weakreflist = core::ptr::null_mut();
    let arr = (*m).ob_array.as_mut_ptr();
    if ndim == 1 {
        *arr = shape[0];
        *arr.add(1) = strides[0];
    } else {
        core::ptr::copy_nonoverlapping(shape.as_ptr(), arr, ndim);
        core::ptr::copy_nonoverlapping(strides.as_ptr(), arr.add(ndim), ndim);
    }
    if let Some(sub) = suboffsets {
        core::ptr::copy_nonoverlapping(sub.as_ptr(), arr.add(2 * ndim), ndim);
    }
    let v = &mut (*m).view;
    *v = Py_buffer {
        buf: src.buf,
        obj: src.obj,
        len: src.len,
        itemsize: src.itemsize,
        readonly: src.readonly,
        ndim: ndim as c_int,
        format: src.format,
        // A 0-dim view has no shape or strides arrays (NULL, as CPython's memoryview).
        shape: if ndim == 0 { core::ptr::null_mut() } else { arr },
        strides: if ndim == 0 { core::ptr::null_mut() } else { arr.add(ndim) },
        suboffsets: if suboffsets.is_some() && ndim > 0 { arr.add(2 * ndim) } else { core::ptr::null_mut() },
        internal: src.internal,
    };
    (*m).flags = layout_flags(v);
    PyObject_GC_Track(op.as_ptr().cast());
    Ok(op)
}

unsafe fn layout_flags(v: &Py_buffer) -> c_int {
    if v.ndim == 1 && v.suboffsets.is_null() && (*v.shape <= 1 || *v.strides == v.itemsize) {
        return _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN;
    }
    let mut f = 0;
    if v.ndim == 0 {
        f |= _Py_MEMORYVIEW_SCALAR;
    }
    if is_contiguous(v, b'C') {
        f |= _Py_MEMORYVIEW_C;
    }
    if is_contiguous(v, b'F') {
        f |= _Py_MEMORYVIEW_FORTRAN;
    }
    if !v.suboffsets.is_null() {
        f |= _Py_MEMORYVIEW_PIL;
    }
    f
}

/// A memoryview of the whole master buffer of `mbuf`.
unsafe fn from_mbuf(mbuf: *mut PyObject) -> PyResult<PyRef> {
    let master = &(*(mbuf as *mut _PyManagedBufferObject)).master;
    let sub = if master.suboffsets.is_null() || master.ndim <= 0 {
        None
    } else {
        Some(core::slice::from_raw_parts(master.suboffsets, master.ndim as usize))
    };
    if master.ndim == 1 {
        // The common case (bytes, bytearray): no Dims to build and move.
        let length = if master.shape.is_null() { master.len / master.itemsize.max(1) } else { *master.shape };
        let stride = if master.strides.is_null() { master.itemsize } else { *master.strides };
        return new_view(mbuf, master, &[length], &[stride], sub);
    }
    let d = Dims::of(master);
    new_view(mbuf, master, d.shape(), d.strides(), sub)
}

/// A memoryview sharing `op`'s managed buffer, with `op`'s view changed by `edit`.
unsafe fn derived(op: *mut PyObject, shape: &[Py_ssize_t], strides: &[Py_ssize_t], edit: impl FnOnce(&mut Py_buffer)) -> PyResult<PyRef> {
    let m = mv(op);
    let mut src = core::ptr::read(&(*m).view);
    edit(&mut src);
    src.len = shape.iter().product::<Py_ssize_t>() * src.itemsize;
    let sub = if src.suboffsets.is_null() { None } else { Some(core::slice::from_raw_parts(src.suboffsets, shape.len())) };
    new_view((*m).mbuf as *mut PyObject, &src, shape, strides, sub)
}

fn released_error() -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, "operation forbidden on released memoryview object")
}

pub(crate) unsafe fn check_released(op: *mut PyObject) -> PyResult<()> {
    let m = mv(op);
    if (*m).flags & _Py_MEMORYVIEW_RELEASED != 0 || (*(*m).mbuf).flags & _Py_MANAGED_BUFFER_RELEASED != 0 {
        return Err(released_error());
    }
    Ok(())
}

/// Releases the view (BufferError while it has exports of its own).
unsafe fn release(op: *mut PyObject) -> PyResult<()> {
    let m = mv(op);
    if (*m).flags & _Py_MEMORYVIEW_RELEASED != 0 {
        return Ok(());
    }
    if (*m).exports > 0 {
        let n = (*m).exports;
        return Err(raise_type(&raw mut exc::_PyExc_BufferError,
                              format!("memoryview has {n} exported buffer{}", if n == 1 { "" } else { "s" })));
    }
    (*m).flags |= _Py_MEMORYVIEW_RELEASED;
    let mbuf = (*m).mbuf;
    (*mbuf).exports -= 1;
    if (*mbuf).exports == 0 {
        mbuf_release(mbuf);
    }
    Ok(())
}

/// One extra export of a managed buffer while Python code may run (released with the
/// buffer's last export, as a view's release would).
struct Pin(*mut _PyManagedBufferObject);

impl Pin {
    unsafe fn new(m: *mut _PyManagedBufferObject) -> Pin {
        (*m).exports += 1;
        Pin(m)
    }
}

impl Drop for Pin {
    fn drop(&mut self) {
        // SAFETY: the view that gave the buffer still holds a reference to it.
        unsafe {
            (*self.0).exports -= 1;
            if (*self.0).exports == 0 {
                mbuf_release(self.0);
            }
        }
    }
}

/// Writes `value` as one element at `p`, unless converting it released the view.
unsafe fn store(op: *mut PyObject, code: u8, p: *mut u8, value: *mut PyObject) -> PyResult<()> {
    let bytes = crate::objects::memoryview_format::pack_bytes(code, value)?;
    check_released(op)?;
    core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
    Ok(())
}

unsafe fn view<'a>(op: *mut PyObject) -> &'a Py_buffer {
    &(*mv(op)).view
}

/// The format code of a view (None: not a native single-character format).
unsafe fn code_of(v: &Py_buffer) -> Option<u8> {
    native_code(if v.format.is_null() { None } else { Some(CStr::from_ptr(v.format).to_bytes()) })
}

unsafe fn format_text(v: &Py_buffer) -> String {
    if v.format.is_null() { "B".into() } else { CStr::from_ptr(v.format).to_string_lossy().into_owned() }
}

pub(crate) unsafe fn code_or_error(v: &Py_buffer) -> PyResult<u8> {
    code_of(v).ok_or_else(|| raise_type(&raw mut exc::_PyExc_NotImplementedError,
                                        format!("memoryview: unsupported format {}", format_text(v))))
}

// ---- C-API ------------------------------------------------------------------------------------

unsafe fn from_object(o: *mut PyObject) -> PyResult<PyRef> {
    if is_memoryview(o) {
        check_released(o)?;
        let d = Dims::of(view(o));
        return derived(o, d.shape(), d.strides(), |_| {});
    }
    if PyObject_CheckBuffer(o) == 0 {
        return Err(type_error(format!("memoryview: a bytes-like object is required, not '{}'", tp_name(o))));
    }
    let m = mbuf_from_object(o)?;
    from_mbuf(m.as_ptr())
}

/// A one-dimensional unsigned-byte view of all the memory `exporter` exports
/// (`PickleBuffer.raw()`): the exporter's layout is dropped, so the memory must be
/// contiguous in C or Fortran order (BufferError otherwise).
pub(crate) unsafe fn raw_bytes_of(exporter: *mut PyObject) -> PyResult<PyRef> {
    let m = from_object(exporter)?;
    let v = view(m.as_ptr());
    if !is_contiguous(v, b'A') {
        return Err(raise_type(&raw mut exc::_PyExc_BufferError, "cannot extract raw buffer from non-contiguous buffer"));
    }
    let nbytes = v.len;
    derived(m.as_ptr(), &[nbytes], &[1], |b| {
        b.format = c"B".as_ptr() as *mut c_char;
        b.itemsize = 1;
        b.suboffsets = core::ptr::null_mut();
    })
}

/// `PyObject *PyMemoryView_FromObject(PyObject *obj)`.
#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromObject(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(from_object(o))
}

/// `PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags)`: a view of
/// raw memory, read-only for `PyBUF_READ`, writable for `PyBUF_WRITE`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromMemory(mem: *mut c_char, size: Py_ssize_t, flags: c_int) -> *mut PyObject {
    if mem.is_null() || size < 0 || (flags != PyBUF_READ && flags != PyBUF_WRITE) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj((|| {
        let m = mbuf_new()?;
        let master = &mut (*(m.as_ptr() as *mut _PyManagedBufferObject)).master;
        PyBuffer_FillInfo(master, core::ptr::null_mut(), mem as *mut c_void, size, (flags == PyBUF_READ) as c_int, PyBUF_FULL_RO);
        from_mbuf(m.as_ptr())
    })())
}

/// `PyObject *PyMemoryView_FromBuffer(const Py_buffer *info)`: a view of the memory `info`
/// describes, with no exporter behind it.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromBuffer(info: *const Py_buffer) -> *mut PyObject {
    if info.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    if (*info).buf.is_null() {
        let _ = raise_type(&raw mut exc::_PyExc_ValueError, "PyMemoryView_FromBuffer(): info->buf must not be NULL");
        return core::ptr::null_mut();
    }
    ret_obj((|| {
        let m = mbuf_new()?;
        let master = &mut (*(m.as_ptr() as *mut _PyManagedBufferObject)).master;
        *master = core::ptr::read(info);
        master.obj = core::ptr::null_mut();
        from_mbuf(m.as_ptr())
    })())
}

/// `PyObject *PyMemoryView_GetContiguous(PyObject *obj, int buffertype, char order)`: a
/// memoryview of `obj` when it is contiguous in `order`, else of a contiguous copy (which
/// cannot be written through).
#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_GetContiguous(obj: *mut PyObject, buffertype: c_int, order: c_char) -> *mut PyObject {
    let order = order as u8;
    if obj.is_null() || (buffertype != PyBUF_READ && buffertype != PyBUF_WRITE) || !matches!(order, b'C' | b'F' | b'A') {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj((|| {
        let m = from_object(obj)?;
        let v = view(m.as_ptr());
        if buffertype == PyBUF_WRITE && v.readonly != 0 {
            return Err(raise_type(&raw mut exc::_PyExc_BufferError, "underlying buffer is not writable"));
        }
        if is_contiguous(v, order) {
            return Ok(m);
        }
        if buffertype == PyBUF_WRITE {
            return Err(raise_type(&raw mut exc::_PyExc_BufferError,
                                  "writable contiguous buffer requested for a non-contiguous object."));
        }
        let fort = if order == b'F' { b'F' } else { b'C' };
        let data = crate::objects::bytes::from_slice(&to_contiguous_vec(v, fort))?;
        let mbuf = mbuf_from_object(data.as_ptr())?;
        // The copy keeps the original's format, in memory of its own.
        let fmt = format_text(v);
        let copy = crate::object::pymem::PyMem_Malloc(fmt.len() + 1) as *mut u8;
        if copy.is_null() {
            return Err(no_memory());
        }
        core::ptr::copy_nonoverlapping(fmt.as_ptr(), copy, fmt.len());
        *copy.add(fmt.len()) = 0;
        let mb = mbuf.as_ptr() as *mut _PyManagedBufferObject;
        (*mb).master.format = copy as *mut c_char;
        (*mb).flags |= _Py_MANAGED_BUFFER_FREE_FORMAT;
        let shape = shape_of(v);
        let strides = contiguous_strides(&shape, v.itemsize, fort);
        let mut src = core::ptr::read(&(*mb).master);
        src.itemsize = v.itemsize;
        new_view(mbuf.as_ptr(), &src, &shape, &strides, None)
    })())
}

// ---- Slots --------------------------------------------------------------------------------------

unsafe extern "C" fn mv_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let a = crate::objects::bytes_methods::parse_kw("memoryview", args, kwds, &["object"])?;
        if a[0].is_null() {
            return Err(type_error("memoryview() missing required argument 'object' (pos 1)"));
        }
        from_object(a[0])
    })())
}

unsafe extern "C" fn mv_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op.cast());
    let m = mv(op);
    if !(*m).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    (*m).exports = 0;
    let _ = release(op);
    drop(PyRef::from_owned((*m).mbuf as *mut PyObject));
    temp_alloc::free_gc_object(op as *mut c_void);
}

/// The managed buffer (which visits the exporter).
unsafe extern "C" fn mv_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let mbuf = (*mv(op)).mbuf as *mut PyObject;
    match visit {
        Some(v) if !mbuf.is_null() => v(mbuf, arg),
        _ => 0,
    }
}

/// Breaks a cycle: the view is released (when nothing exports it) and lets go of its
/// managed buffer. A released view never reads `mbuf` again (`check_released` sees the
/// flag first).
unsafe extern "C" fn mv_clear(op: *mut PyObject) -> c_int {
    if release(op).is_err() {
        crate::errors::pyerr::PyErr_Clear();
        return 0;
    }
    let m = mv(op);
    drop(PyRef::from_owned(core::mem::replace(&mut (*m).mbuf, core::ptr::null_mut()) as *mut PyObject));
    0
}

unsafe extern "C" fn mv_repr(op: *mut PyObject) -> *mut PyObject {
    let released = check_released(op).is_err();
    if released {
        crate::errors::pyerr::PyErr_Clear();
    }
    let text = format!("<{}memory at {:p}>", if released { "released " } else { "" }, op);
    ret_obj(pystr::from_utf8(&text))
}

unsafe extern "C" fn mv_length(op: *mut PyObject) -> Py_ssize_t {
    if check_released(op).is_err() {
        return -1;
    }
    let v = view(op);
    if v.ndim == 0 { 1 } else { *v.shape }
}

/// The address of the item at `index` (one per dimension), with CPython's bound checks.
unsafe fn item_ptr(op: *mut PyObject, index: &[Py_ssize_t]) -> PyResult<*mut u8> {
    let v = view(op);
    let dims = Dims::of(v);
    let mut fixed = [0 as Py_ssize_t; 64];
    for (d, &i) in index.iter().enumerate() {
        let i2 = if i < 0 { i + dims.shape()[d] } else { i };
        if i2 < 0 || i2 >= dims.shape()[d] {
            return Err(raise_type(&raw mut exc::_PyExc_IndexError, format!("index out of bounds on dimension {}", d + 1)));
        }
        fixed[d] = i2;
    }
    Ok(element_ptr(v, &fixed[..index.len()], dims.strides()))
}

/// `view[i]` of a memoryview (its `sq_item`; also each step of its iterator).
pub(crate) unsafe fn item_at(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    mv_item(op, i)
}

unsafe extern "C" fn mv_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        check_released(op)?;
        let v = view(op);
        if v.ndim == 0 {
            return Err(type_error("invalid indexing of 0-dim memory"));
        }
        if v.ndim > 1 {
            return Err(raise_type(&raw mut exc::_PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented"));
        }
        let code = code_or_error(v)?;
        unpack(code, item_ptr(op, &[i])?)
    })())
}

/// The ints of a tuple key, or None when it holds anything else.
unsafe fn int_tuple(key: *mut PyObject) -> PyResult<Option<Vec<Py_ssize_t>>> {
    let mut out = Vec::new();
    for &k in tuple::items(key) {
        if !crate::abstract_::item::is_index(k) {
            return Ok(None);
        }
        out.push(crate::abstract_::item::as_ssize(k, Some(&raw mut exc::_PyExc_IndexError))?);
    }
    Ok(Some(out))
}

/// The address named by a tuple of ints (as many as dimensions).
unsafe fn tuple_item_ptr(op: *mut PyObject, key: *mut PyObject) -> PyResult<Option<*mut u8>> {
    let Some(index) = int_tuple(key)? else { return Ok(None) };
    // The indices' `__index__` may have released the view.
    check_released(op)?;
    let ndim = view(op).ndim as usize;
    if index.len() < ndim {
        return Err(raise_type(&raw mut exc::_PyExc_NotImplementedError, "sub-views are not implemented"));
    }
    if index.len() > ndim {
        return Err(type_error(format!("cannot index {ndim}-dimension view with {}-element tuple", index.len())));
    }
    item_ptr(op, &index).map(Some)
}

unsafe fn is_ellipsis(o: *mut PyObject) -> bool {
    o == &raw mut crate::objects::singletons::_Py_EllipsisObject
}

unsafe fn all_slices(key: *mut PyObject) -> bool {
    tuple::items(key).iter().all(|&k| crate::objects::slice::is_slice(k))
}

/// The layout of `view[slice]` along the first dimension: (start offset in bytes, shape,
/// strides).
unsafe fn sliced(op: *mut PyObject, key: *mut PyObject) -> PyResult<(isize, Dims)> {
    let (mut start, mut stop, step) = crate::objects::slice::unpack(key)?;
    let mut d = Dims::of(view(op));
    let n = crate::objects::slice::adjust_indices(d.shape()[0], &mut start, &mut stop, step);
    let offset = start * d.strides()[0];
    d.shape_mut()[0] = n;
    d.strides_mut()[0] *= step;
    Ok((offset, d))
}

unsafe fn subscript(op: *mut PyObject, key: *mut PyObject) -> PyResult<PyRef> {
    check_released(op)?;
    let v = view(op);
    if v.ndim == 0 {
        if is_ellipsis(key) {
            return Ok(new_ref(op));
        }
        if tuple::is_tuple(key) && tuple::len(key) == 0 {
            return unpack(code_or_error(v)?, v.buf as *const u8);
        }
        return Err(type_error("invalid indexing of 0-dim memory"));
    }
    if crate::abstract_::item::is_index(key) {
        if v.ndim > 1 {
            return Err(raise_type(&raw mut exc::_PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented"));
        }
        let i = crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError))?;
        check_released(op)?;
        let code = code_or_error(v)?;
        return unpack(code, item_ptr(op, &[i])?);
    }
    if crate::objects::slice::is_slice(key) {
        // The slice's `__index__` may release this view: the managed buffer is kept alive
        // meanwhile, so the new view is still valid (as CPython makes the view first).
        let _pin = Pin::new((*mv(op)).mbuf);
        if v.ndim == 1 {
            // One dimension (bytes, bytearray, array views): no Dims to build and move.
            let (mut start, mut stop, step) = crate::objects::slice::unpack(key)?;
            let v = view(op);
            let length = if v.shape.is_null() { v.len / v.itemsize.max(1) } else { *v.shape };
            let stride = if v.strides.is_null() { v.itemsize } else { *v.strides };
            let n = crate::objects::slice::adjust_indices(length, &mut start, &mut stop, step);
            let offset = start * stride;
            return derived(op, &[n], &[stride * step], |s| s.buf = (s.buf as *mut u8).offset(offset) as *mut c_void);
        }
        let (offset, d) = sliced(op, key)?;
        return derived(op, d.shape(), d.strides(), |s| s.buf = (s.buf as *mut u8).offset(offset) as *mut c_void);
    }
    if is_ellipsis(key) {
        return Ok(new_ref(op));
    }
    if tuple::is_tuple(key) {
        if let Some(p) = tuple_item_ptr(op, key)? {
            return unpack(code_or_error(v)?, p);
        }
        if all_slices(key) {
            return Err(raise_type(&raw mut exc::_PyExc_NotImplementedError, "multi-dimensional slicing is not implemented"));
        }
    }
    Err(type_error("memoryview: invalid slice key"))
}

unsafe extern "C" fn mv_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret_obj(subscript(op, key))
}

unsafe fn ass_subscript(op: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    check_released(op)?;
    let v = view(op);
    // An unsupported format is reported before read-only memory, as CPython does.
    code_or_error(v)?;
    if v.readonly != 0 {
        return Err(type_error("cannot modify read-only memory"));
    }
    if value.is_null() {
        return Err(type_error("cannot delete memory"));
    }
    if v.ndim == 0 {
        if is_ellipsis(key) || (tuple::is_tuple(key) && tuple::len(key) == 0) {
            return store(op, code_or_error(v)?, v.buf as *mut u8, value);
        }
        return Err(type_error("invalid indexing of 0-dim memory"));
    }
    if crate::abstract_::item::is_index(key) {
        if v.ndim > 1 {
            return Err(raise_type(&raw mut exc::_PyExc_NotImplementedError, "sub-views are not implemented"));
        }
        let i = crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError))?;
        check_released(op)?;
        let code = code_or_error(v)?;
        return store(op, code, item_ptr(op, &[i])?, value);
    }
    if crate::objects::slice::is_slice(key) {
        if v.ndim != 1 {
            return Err(raise_type(&raw mut exc::_PyExc_NotImplementedError,
                                  "memoryview slice assignments are currently restricted to ndim = 1"));
        }
        let src = View::get(value, PyBUF_FULL_RO)?;
        let (offset, d) = sliced(op, key)?;
        check_released(op)?;
        let (shape, strides) = (d.shape(), d.strides());
        let same = src.0.ndim == 1 && shape_of(&src.0)[0] == shape[0] && src.0.itemsize == v.itemsize
            && code_of(&src.0).zip(code_of(v)).is_some_and(|(a, b)| a == b);
        if !same {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError,
                                  "memoryview assignment: lvalue and rvalue have different structures"));
        }
        // Through a copy: source and destination may overlap.
        let data = to_contiguous_vec(&src.0, b'C');
        let item = v.itemsize as usize;
        // The destination as a view (suboffsets included: a PIL-style item is behind a pointer).
        let mut dest = core::ptr::read(v);
        dest.buf = (v.buf as *mut u8).offset(offset) as *mut c_void;
        for k in 0..shape[0] as usize {
            let p = element_ptr(&dest, &[k as Py_ssize_t], strides);
            core::ptr::copy_nonoverlapping(data.as_ptr().add(k * item), p, item);
        }
        return Ok(());
    }
    if tuple::is_tuple(key) {
        if let Some(p) = tuple_item_ptr(op, key)? {
            return store(op, code_or_error(v)?, p, value);
        }
        if all_slices(key) {
            return Err(raise_type(&raw mut exc::_PyExc_NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1"));
        }
    }
    Err(type_error("memoryview: invalid slice key"))
}

unsafe extern "C" fn mv_ass_subscript(op: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> c_int {
    if ass_subscript(op, key, value).is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn mv_getbuffer(op: *mut PyObject, out: *mut Py_buffer, flags: c_int) -> c_int {
    let r = (|| {
        check_released(op)?;
        let v = view(op);
        let err = |m: &str| raise_type(&raw mut exc::_PyExc_BufferError, m.to_string());
        if flags & PyBUF_WRITABLE != 0 && v.readonly != 0 {
            return Err(err("memoryview: underlying buffer is not writable"));
        }
        if flags & PyBUF_C_CONTIGUOUS == PyBUF_C_CONTIGUOUS && !is_contiguous(v, b'C') {
            return Err(err("memoryview: underlying buffer is not C-contiguous"));
        }
        if flags & PyBUF_F_CONTIGUOUS == PyBUF_F_CONTIGUOUS && !is_contiguous(v, b'F') {
            return Err(err("memoryview: underlying buffer is not Fortran contiguous"));
        }
        if flags & PyBUF_ANY_CONTIGUOUS == PyBUF_ANY_CONTIGUOUS && !is_contiguous(v, b'A') {
            return Err(err("memoryview: underlying buffer is not contiguous"));
        }
        if flags & PyBUF_INDIRECT != PyBUF_INDIRECT && !v.suboffsets.is_null() {
            return Err(err("memoryview: underlying buffer requires suboffsets"));
        }
        if flags & PyBUF_STRIDES != PyBUF_STRIDES && !is_contiguous(v, b'C') {
            return Err(err("memoryview: underlying buffer is not C-contiguous"));
        }
        let o = &mut *out;
        *o = core::ptr::read(v);
        if flags & PyBUF_FORMAT == 0 {
            o.format = core::ptr::null_mut();
        }
        if flags & PyBUF_STRIDES != PyBUF_STRIDES {
            o.strides = core::ptr::null_mut();
        }
        if flags & PyBUF_ND != PyBUF_ND {
            // Without shape the consumer sees one dimension of bytes.
            o.ndim = 1;
            o.shape = core::ptr::null_mut();
        }
        o.obj = new_ref(op).into_ptr();
        (*mv(op)).exports += 1;
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn mv_releasebuffer(op: *mut PyObject, _view: *mut Py_buffer) {
    (*mv(op)).exports -= 1;
}

unsafe extern "C" fn mv_hash(op: *mut PyObject) -> crate::pyport::Py_hash_t {
    let m = mv(op);
    if (*m).hash != -1 {
        return (*m).hash;
    }
    let r = (|| {
        check_released(op)?;
        let v = view(op);
        if v.readonly == 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "cannot hash writable memoryview object"));
        }
        if !matches!(code_of(v), Some(b'B' | b'b' | b'c')) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError,
                                  "memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
        }
        if !v.obj.is_null() && crate::abstract_::object::PyObject_Hash(v.obj) == -1 {
            return Err(Raised::assume_set());
        }
        let data = to_contiguous_vec(v, b'C');
        Ok(crate::object::hash::_Py_HashBytes(data.as_ptr() as *const c_void, data.len() as Py_ssize_t))
    })();
    match r {
        Ok(h) => {
            (*m).hash = h;
            h
        }
        Err(_) => -1,
    }
}

/// The items of a view in C order, as comparable values.
unsafe fn items_of(v: &Py_buffer, code: u8) -> Vec<crate::objects::memoryview_format::Item> {
    let mut out = Vec::new();
    for_each_element(v, b'C', |p| out.push(read_item(code, p)));
    out
}

/// `a == b`: same shape, and equal elements in C order. Identical native single-character
/// formats compare raw values; any other pair unpacks both as the struct module would (an
/// unparsable format makes the views unequal).
unsafe fn views_equal(a: &Py_buffer, b: &Py_buffer) -> PyResult<bool> {
    if a.ndim != b.ndim || shape_of(a) != shape_of(b) {
        return Ok(false);
    }
    if let (Some(ca), Some(cb)) = (code_of(a), code_of(b)) {
        if ca == b'B' && cb == b'B' {
            return Ok(to_contiguous_vec(a, b'C') == to_contiguous_vec(b, b'C'));
        }
        if ca == cb {
            return Ok(items_of(a, ca) == items_of(b, cb));
        }
    }
    let format = |v: &Py_buffer| if v.format.is_null() { &b"B"[..] } else { CStr::from_ptr(v.format).to_bytes() };
    let (Some(fa), Some(fb)) = (memoryview_struct::parse(format(a)), memoryview_struct::parse(format(b))) else {
        return Ok(false);
    };
    for (f, v) in [(&fa, a), (&fb, b)] {
        if f.size as Py_ssize_t > v.itemsize {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!(
                "unpack_from requires a buffer of at least {0} bytes for unpacking {0} bytes at offset 0 (actual buffer size is {1})",
                f.size, v.itemsize)));
        }
    }
    let (mut pa, mut pb) = (Vec::new(), Vec::new());
    for_each_element(a, b'C', |p| pa.push(p));
    for_each_element(b, b'C', |p| pb.push(p));
    for (&x, &y) in pa.iter().zip(&pb) {
        let (x, y) = (fa.unpack(x)?, fb.unpack(y)?);
        if !crate::abstract_::compare::rich_compare_bool(x.as_ptr(), y.as_ptr(), Py_EQ)? {
            return Ok(false);
        }
    }
    Ok(true)
}

unsafe extern "C" fn mv_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if op != Py_EQ && op != Py_NE {
        return new_ref(not_implemented()).into_ptr();
    }
    let equal = if v == w {
        true
    } else if check_released(v).is_err() || (is_memoryview(w) && check_released(w).is_err()) {
        crate::errors::pyerr::PyErr_Clear();
        false
    } else if is_memoryview(w) {
        match views_equal(view(v), view(w)) {
            Ok(e) => e,
            Err(_) => return core::ptr::null_mut(),
        }
    } else {
        match View::get(w, PyBUF_FULL_RO) {
            Ok(other) => match views_equal(view(v), &other.0) {
                Ok(e) => e,
                Err(_) => return core::ptr::null_mut(),
            },
            Err(_) => {
                crate::errors::pyerr::PyErr_Clear();
                return new_ref(not_implemented()).into_ptr();
            }
        }
    };
    crate::abstract_::compare::bool_ref(equal == (op == Py_EQ)).into_ptr()
}

// ---- Attributes ---------------------------------------------------------------------------------

unsafe fn getter(op: *mut PyObject, f: impl FnOnce(&Py_buffer) -> PyResult<PyRef>) -> *mut PyObject {
    ret_obj(check_released(op).and_then(|()| f(view(op))))
}

fn ints(v: &[Py_ssize_t]) -> PyResult<PyRef> {
    tuple::from_vec(v.iter().map(|&x| int::from_i64(x as i64)).collect::<PyResult<Vec<_>>>()?)
}

unsafe extern "C" fn get_obj(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    getter(op, |v| Ok(new_ref(if v.obj.is_null() { none() } else { v.obj })))
}
unsafe extern "C" fn get_nbytes(op: *mut PyObject, _: *mut c_void) -> *mut PyObject { getter(op, |v| int::from_i64(v.len as i64)) }
unsafe extern "C" fn get_readonly(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    getter(op, |v| Ok(crate::abstract_::compare::bool_ref(v.readonly != 0)))
}
unsafe extern "C" fn get_itemsize(op: *mut PyObject, _: *mut c_void) -> *mut PyObject { getter(op, |v| int::from_i64(v.itemsize as i64)) }
unsafe extern "C" fn get_format(op: *mut PyObject, _: *mut c_void) -> *mut PyObject { getter(op, |v| pystr::from_utf8(&format_text(v))) }
unsafe extern "C" fn get_ndim(op: *mut PyObject, _: *mut c_void) -> *mut PyObject { getter(op, |v| int::from_i64(v.ndim as i64)) }
unsafe extern "C" fn get_shape(op: *mut PyObject, _: *mut c_void) -> *mut PyObject { getter(op, |v| ints(&shape_of(v))) }
unsafe extern "C" fn get_strides(op: *mut PyObject, _: *mut c_void) -> *mut PyObject { getter(op, |v| ints(&strides_of(v))) }
unsafe extern "C" fn get_suboffsets(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    getter(op, |v| {
        if v.suboffsets.is_null() || v.ndim == 0 {
            return ints(&[]);
        }
        ints(core::slice::from_raw_parts(v.suboffsets, v.ndim as usize))
    })
}
unsafe extern "C" fn get_c_contiguous(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    getter(op, |v| Ok(crate::abstract_::compare::bool_ref(is_contiguous(v, b'C'))))
}
unsafe extern "C" fn get_f_contiguous(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    getter(op, |v| Ok(crate::abstract_::compare::bool_ref(is_contiguous(v, b'F'))))
}
unsafe extern "C" fn get_contiguous(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    getter(op, |v| Ok(crate::abstract_::compare::bool_ref(is_contiguous(v, b'A'))))
}

const fn getset(name: &'static CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut MEMORY_GETSET: [PyGetSetDef; 13] = [
    getset(c"obj", get_obj),
    getset(c"nbytes", get_nbytes),
    getset(c"readonly", get_readonly),
    getset(c"itemsize", get_itemsize),
    getset(c"format", get_format),
    getset(c"ndim", get_ndim),
    getset(c"shape", get_shape),
    getset(c"strides", get_strides),
    getset(c"suboffsets", get_suboffsets),
    getset(c"c_contiguous", get_c_contiguous),
    getset(c"f_contiguous", get_f_contiguous),
    getset(c"contiguous", get_contiguous),
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

// ---- Methods ------------------------------------------------------------------------------------

unsafe extern "C" fn m_release(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(release(op).map(|()| new_ref(none())))
}

unsafe extern "C" fn m_enter(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(check_released(op).map(|()| new_ref(op)))
}

unsafe extern "C" fn m_exit(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(release(op).map(|()| new_ref(none())))
}

/// The `order` argument of tobytes: C (default), F or A.
unsafe fn order_arg(o: *mut PyObject) -> PyResult<u8> {
    if o.is_null() || o == none() {
        return Ok(b'C');
    }
    if !pystr::is_str(o) {
        return Err(type_error(format!("tobytes() argument 'order' must be str or None, not {}", tp_name(o))));
    }
    match pystr::to_string(o).as_str() {
        "C" => Ok(b'C'),
        "F" => Ok(b'F'),
        "A" => Ok(b'A'),
        _ => Err(raise_type(&raw mut exc::_PyExc_ValueError, "order must be 'C', 'F' or 'A'")),
    }
}

unsafe extern "C" fn m_tobytes(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let a = crate::objects::bytes_methods::parse_kw("tobytes", args, kwds, &["order"])?;
        check_released(op)?;
        let order = order_arg(a[0])?;
        let v = view(op);
        let order = if order == b'A' { if is_contiguous(v, b'F') && !is_contiguous(v, b'C') { b'F' } else { b'C' } } else { order };
        crate::objects::bytes::from_slice(&to_contiguous_vec(v, order))
    })())
}

unsafe extern "C" fn m_hex(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        check_released(op)?;
        let data = crate::objects::bytes::from_slice(&to_contiguous_vec(view(op), b'C'))?;
        PyRef::from_owned(crate::objects::bytes_methods::hex(data.as_ptr(), args, kwds)).ok_or_else(Raised::assume_set)
    })())
}

unsafe fn list_dim(v: &Py_buffer, code: u8, shape: &[Py_ssize_t], strides: &[Py_ssize_t], base: *mut u8, d: usize) -> PyResult<PyRef> {
    let mut items = Vec::with_capacity(shape[d].max(0) as usize);
    for i in 0..shape[d] {
        let mut p = base.offset(i * strides[d]);
        if !v.suboffsets.is_null() && *v.suboffsets.add(d) >= 0 {
            p = (*(p as *mut *mut u8)).offset(*v.suboffsets.add(d));
        }
        items.push(if d + 1 == shape.len() { unpack(code, p)? } else { list_dim(v, code, shape, strides, p, d + 1)? });
    }
    list::from_vec(items)
}

unsafe extern "C" fn m_tolist(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        check_released(op)?;
        let v = view(op);
        let code = code_or_error(v)?;
        if v.ndim == 0 {
            return unpack(code, v.buf as *const u8);
        }
        list_dim(v, code, &shape_of(v), &strides_of(v), v.buf as *mut u8, 0)
    })())
}

unsafe extern "C" fn m_toreadonly(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        check_released(op)?;
        let v = view(op);
        derived(op, &shape_of(v), &strides_of(v), |s| s.readonly = 1)
    })())
}

unsafe fn cast(op: *mut PyObject, format: *mut PyObject, shape_arg: *mut PyObject) -> PyResult<PyRef> {
    if format.is_null() {
        return Err(type_error("cast() missing required argument 'format' (pos 1)"));
    }
    if !pystr::is_str(format) {
        return Err(type_error(format!("cast() argument 'format' must be str, not {}", tp_name(format))));
    }
    check_released(op)?;
    let v = view(op);
    if !is_contiguous(v, b'C') {
        return Err(type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let shape_arg = if shape_arg.is_null() || shape_arg == none() { None } else { Some(shape_arg) };
    // Such views count as C-contiguous but have no defined cast.
    if (shape_arg.is_some() || v.ndim != 1) && shape_of(v).contains(&0) {
        return Err(type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    if let Some(s) = shape_arg {
        if v.ndim != 1 && crate::abstract_::object::PyObject_Size(s) != 1 {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        // Too many dimensions is reported before the formats are looked at.
        let n = if tuple::is_tuple(s) { tuple::len(s) } else if list::is_list(s) { list::len(s) } else { 0 };
        if n > crate::object::buffer::PyBUF_MAX_NDIM as usize {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "memoryview: number of dimensions must not exceed 64"));
        }
    }
    let text = pystr::to_string(format);
    let dest = text.strip_prefix('@').unwrap_or(&text);
    let code = match dest.as_bytes() {
        [c] if b"bBhHiIlLqQnNfd?cP".contains(c) => *c,
        _ => {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError,
                "memoryview: destination format must be a native single character format prefixed with an optional '@'"))
        }
    };
    let is_byte = |c: Option<u8>| matches!(c, Some(b'B' | b'b' | b'c'));
    if !is_byte(code_of(v)) && !is_byte(Some(code)) {
        return Err(type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let itemsize = code_itemsize(code) as Py_ssize_t;
    let shape: Vec<Py_ssize_t> = match shape_arg {
        None => {
            if v.len % itemsize != 0 {
                return Err(type_error("memoryview: length is not a multiple of itemsize"));
            }
            vec![v.len / itemsize]
        }
        Some(s) => {
            if !tuple::is_tuple(s) && !list::is_list(s) {
                return Err(type_error("shape must be a list or a tuple"));
            }
            let items: Vec<*mut PyObject> = if tuple::is_tuple(s) { tuple::items(s).to_vec() } else { list::items(s).to_vec() };
            if items.len() > crate::object::buffer::PyBUF_MAX_NDIM as usize {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "memoryview: number of dimensions must not exceed 64"));
            }
            let mut out = Vec::with_capacity(items.len());
            let mut product: Py_ssize_t = 1;
            for &x in &items {
                if !crate::objects::int::is_int(x) {
                    return Err(type_error("memoryview.cast(): elements of shape must be integers"));
                }
                let n = crate::abstract_::item::as_ssize(x, Some(&raw mut exc::_PyExc_OverflowError))?;
                if n <= 0 {
                    return Err(raise_type(&raw mut exc::_PyExc_ValueError, "memoryview.cast(): elements of shape must be integers > 0"));
                }
                product = product.checked_mul(n).ok_or_else(|| raise_type(&raw mut exc::_PyExc_ValueError,
                    "memoryview.cast(): product(shape) > SSIZE_MAX"))?;
                out.push(n);
            }
            if product.checked_mul(itemsize) != Some(v.len) {
                return Err(type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            out
        }
    };
    let strides = contiguous_strides(&shape, itemsize, b'C');
    derived(op, &shape, &strides, |s| {
        s.itemsize = itemsize;
        s.format = code_cstr(code, text.starts_with('@'));
        s.suboffsets = core::ptr::null_mut();
    })
}

unsafe extern "C" fn m_cast(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::objects::bytes_methods::parse_kw("cast", args, kwds, &["format", "shape"]).and_then(|a| cast(op, a[0], a[1])))
}

static mut MEMORY_METHODS: [PyMethodDef; 10] = [
    plain(c"release", m_release, METH_NOARGS),
    with_kw(c"tobytes", m_tobytes, METH_VARARGS | METH_KEYWORDS),
    with_kw(c"hex", m_hex, METH_VARARGS | METH_KEYWORDS),
    plain(c"tolist", m_tolist, METH_NOARGS),
    with_kw(c"cast", m_cast, METH_VARARGS | METH_KEYWORDS),
    plain(c"toreadonly", m_toreadonly, METH_NOARGS),
    plain(c"__enter__", m_enter, METH_NOARGS),
    plain(c"__exit__", m_exit, METH_VARARGS),
    END,
    END,
];
