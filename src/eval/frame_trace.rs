//! What a frame object holds for tracing: `f_trace` (the local trace function the global one
//! returned from the `call` event), `f_trace_lines`, `f_trace_opcodes`, and `frame.clear()`.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, none, type_error};
use crate::errors::exception_types as exc;
use crate::eval::frame_object::{fo, getter};
use crate::eval::interp_frame;
use crate::object::descr::PyGetSetDef;
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;

/// `(f_trace_lines, f_trace_opcodes)` of frame object `op`.
#[inline]
pub(crate) unsafe fn flags(op: *mut PyObject) -> (bool, bool) {
    let o = fo(op);
    (o.trace_lines, o.trace_opcodes)
}

/// The local trace function of frame object `op` (borrowed), or NULL.
#[inline]
pub(crate) unsafe fn local_trace(op: *mut PyObject) -> *mut PyObject {
    fo(op).trace
}

/// Makes `func` (NULL or None: none) the local trace function of frame object `op`.
pub(crate) unsafe fn set_local_trace(op: *mut PyObject, func: *mut PyObject) {
    let new = if func.is_null() || func == none() { core::ptr::null_mut() } else { new_ref(func).into_ptr() };
    let old = core::mem::replace(&mut fo(op).trace, new);
    crate::object::refcount::Py_DecRef(old);
}

unsafe extern "C" fn get_trace(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let t = fo(op).trace;
    new_ref(if t.is_null() { none() } else { t }).into_ptr()
}

unsafe extern "C" fn set_trace(op: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    set_local_trace(op, v);
    0
}

/// A `T_BOOL` member's setter: only True or False, not deletable.
unsafe fn set_bool(field: &mut bool, v: *mut PyObject) -> c_int {
    if v.is_null() {
        let _ = type_error("can't delete numeric/char attribute");
        return -1;
    }
    if v == crate::objects::bool::true_() {
        *field = true;
    } else if v == crate::objects::bool::false_() {
        *field = false;
    } else {
        let _ = type_error("attribute value type must be bool");
        return -1;
    }
    0
}

unsafe extern "C" fn get_trace_lines(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::bool::PyBool_FromLong(fo(op).trace_lines as _)
}
unsafe extern "C" fn set_trace_lines(op: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    set_bool(&mut fo(op).trace_lines, v)
}
unsafe extern "C" fn get_trace_opcodes(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::bool::PyBool_FromLong(fo(op).trace_opcodes as _)
}
unsafe extern "C" fn set_trace_opcodes(op: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    set_bool(&mut fo(op).trace_opcodes, v)
}

pub(crate) const F_TRACE: PyGetSetDef = PyGetSetDef { set: Some(set_trace), ..getter(c"f_trace", get_trace) };
pub(crate) const F_TRACE_LINES: PyGetSetDef =
    PyGetSetDef { set: Some(set_trace_lines), ..getter(c"f_trace_lines", get_trace_lines) };
pub(crate) const F_TRACE_OPCODES: PyGetSetDef =
    PyGetSetDef { set: Some(set_trace_opcodes), ..getter(c"f_trace_opcodes", get_trace_opcodes) };

/// `frame.clear()`: drops what a finished frame keeps (locals, local trace function); a
/// suspended generator's frame closes the generator; a running frame cannot be cleared.
unsafe extern "C" fn clear(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let f = fo(op).frame;
    if !f.is_null() {
        let gen = crate::objects::gen_type::of_frame(f);
        if gen.is_null() || (*f).state == interp_frame::RUNNING {
            let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "cannot clear an executing frame");
            return core::ptr::null_mut();
        }
        // Closing the generator finishes the frame, which detaches this object.
        let keep = new_ref(gen);
        if crate::objects::gen_type::close(keep.as_ptr()).is_err() {
            crate::errors::unraisable::write_unraisable(None, keep.as_ptr());
        }
        return new_ref(none()).into_ptr();
    }
    let o = fo(op);
    for field in [&mut o.locals, &mut o.trace] {
        crate::object::refcount::Py_DecRef(core::mem::replace(field, core::ptr::null_mut()));
    }
    new_ref(none()).into_ptr()
}

pub(crate) static mut FRAME_METHODS: [PyMethodDef; 2] = [
    crate::object::method_table::plain(c"clear", clear, METH_NOARGS)
        .doc(c"F.clear(): clear most references held by the frame"),
    crate::object::method_table::END,
];
