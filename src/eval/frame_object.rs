//! `PyFrame_Type`: the Python-visible frame object, made on demand for a running frame
//! (tracebacks, `PyEval_GetFrame`). While its frame runs it reads through to it; when the
//! frame finishes while the object is still referenced, the object takes a snapshot of what
//! it needs (back link, line, locals) and lives on alone.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, none};
use crate::errors::baseexception::END_GETSET;
use crate::errors::raised::{PyResult, Raised};
use crate::eval::frame::PyFrameObject;
use crate::eval::interp_frame::{self, Frame};
use crate::object::descr::PyGetSetDef;
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Del, PyObject_GC_Track, PyObject_GC_UnTrack, _PyObject_GC_New};
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::code::PyCodeObject;

/// Our `struct _frame`: opaque in 3.11's public headers, but its head follows CPython's
/// internal layout (`f_back`, `f_frame`, `f_trace`, `f_lineno`, `f_trace_lines`,
/// `f_trace_opcodes`), which Cython writes (`f_lineno`) on frames from `PyFrame_New`.
#[repr(C)]
pub(crate) struct FrameObject {
    pub ob_base: PyObject,
    /// After the frame finished: its caller's frame object (strong) or NULL.
    pub back: *mut PyObject,
    /// The frame, NULL once it has finished.
    pub frame: *mut Frame,
    /// The local trace function (`f_trace`, strong) or NULL.
    pub trace: *mut PyObject,
    /// When non-zero, the line reported (kept when the frame finishes, or written by C).
    pub lineno: i32,
    /// `f_trace_lines` (true by default) and `f_trace_opcodes`.
    pub trace_lines: bool,
    pub trace_opcodes: bool,
    pub fast_as_locals: bool,
    /// The frame memory this object owns (a frame made by `PyFrame_New`), or NULL.
    pub owned: *mut Frame,
    pub code: *mut PyObject,
    pub globals: *mut PyObject,
    pub builtins: *mut PyObject,
    /// After the frame finished: its locals (strong) or NULL.
    pub locals: *mut PyObject,
    pub lasti: i32,
}

const _: () = assert!(core::mem::offset_of!(FrameObject, lineno) == 40);
const _: () = assert!(core::mem::offset_of!(FrameObject, trace_lines) == 44);

/// `PyFrame_Type`: `frame`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyFrame_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(frame_dealloc),
    tp_repr: Some(frame_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(frame_traverse),
    tp_clear: Some(frame_clear),
    tp_getset: &raw mut FRAME_GETSET as *mut PyGetSetDef,
    tp_methods: &raw mut crate::eval::frame_trace::FRAME_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"frame", core::mem::size_of::<FrameObject>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

pub(crate) unsafe fn fo<'a>(op: *mut PyObject) -> &'a mut FrameObject {
    &mut *(op as *mut FrameObject)
}

/// The frame object of `f` (borrowed: the frame keeps it), made on first request.
pub(crate) unsafe fn materialize(f: *mut Frame) -> PyResult<*mut PyObject> {
    if !(*f).frame_obj.is_null() {
        return Ok((*f).frame_obj);
    }
    let op = _PyObject_GC_New(&raw mut PyFrame_Type);
    if op.is_null() {
        return Err(Raised::assume_set());
    }
    let o = fo(op);
    o.frame = f;
    o.back = core::ptr::null_mut();
    o.code = new_ref((*f).code as *mut PyObject).into_ptr();
    o.globals = new_ref((*f).globals).into_ptr();
    o.builtins = new_ref((*f).builtins).into_ptr();
    o.locals = core::ptr::null_mut();
    o.lasti = 0;
    o.lineno = 0;
    o.trace = core::ptr::null_mut();
    o.trace_lines = true;
    o.trace_opcodes = false;
    o.fast_as_locals = false;
    o.owned = core::ptr::null_mut();
    (*f).frame_obj = op;
    PyObject_GC_Track(op as *mut c_void);
    Ok(op)
}

/// The frame `f` is finishing: a frame object that outlives it keeps its own copy.
pub(crate) unsafe fn detach(f: *mut Frame) {
    let op = (*f).frame_obj;
    if op.is_null() {
        return;
    }
    if (*op).ob_refcnt > 1 {
        let o = fo(op);
        o.lasti = (*f).lasti as i32;
        o.lineno = interp_frame::line(f);
        if !(*f).previous.is_null() {
            if let Ok(b) = materialize((*f).previous) {
                o.back = new_ref(b).into_ptr();
            } else {
                crate::errors::pyerr::PyErr_Clear();
            }
        }
        if !(*f).locals.is_null() {
            o.locals = new_ref((*f).locals).into_ptr();
        }
    }
    fo(op).frame = core::ptr::null_mut();
}

unsafe extern "C" fn frame_clear(op: *mut PyObject) -> c_int {
    let o = fo(op);
    for field in [&mut o.back, &mut o.locals, &mut o.trace] {
        drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
    }
    0
}

unsafe extern "C" fn frame_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::eval::frame_new::release_owned(op);
    frame_clear(op);
    let o = fo(op);
    for field in [&mut o.code, &mut o.globals, &mut o.builtins] {
        drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
    }
    PyObject_GC_Del(op as *mut c_void);
}

unsafe extern "C" fn frame_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let o = fo(op);
    crate::errors::baseexception::visit_all(&[o.back, o.code, o.globals, o.builtins, o.locals, o.trace], visit, arg)
}

/// The line the frame is at.
pub(crate) unsafe fn lineno(op: *mut PyObject) -> c_int {
    let o = fo(op);
    if o.lineno != 0 || o.frame.is_null() { o.lineno } else { interp_frame::line(o.frame) }
}

/// The offset of the instruction the frame is at, in bytes of the CPython-format
/// `co_code` (objects/code_public.rs).
pub(crate) unsafe fn lasti(op: *mut PyObject) -> c_int {
    let o = fo(op);
    let words = if o.frame.is_null() { o.lasti } else { (*o.frame).lasti as i32 };
    crate::objects::code_public::public_offset(o.code as *mut crate::objects::code::PyCodeObject, words * 4)
}

/// The caller's frame object (borrowed), or NULL.
unsafe fn back(op: *mut PyObject) -> PyResult<*mut PyObject> {
    let o = fo(op);
    if o.frame.is_null() {
        return Ok(o.back);
    }
    let prev = (*o.frame).previous;
    if prev.is_null() { Ok(core::ptr::null_mut()) } else { materialize(prev) }
}

pub(crate) unsafe fn locals(op: *mut PyObject) -> PyResult<*mut PyObject> {
    let o = fo(op);
    if !o.frame.is_null() {
        return crate::eval::locals::frame_locals(o.frame);
    }
    if o.locals.is_null() {
        o.locals = crate::objects::dict::new()?.into_ptr();
    }
    Ok(o.locals)
}

unsafe extern "C" fn frame_repr(op: *mut PyObject) -> *mut PyObject {
    let co = fo(op).code as *mut PyCodeObject;
    let file = crate::objects::long_str::quote_repr(&crate::objects::str::to_string((*co).co_filename));
    let name = crate::objects::str::to_string((*co).co_name);
    let text = format!("<frame at {op:p}, file {file}, line {}, code {name}>", lineno(op));
    crate::abstract_::ret_obj(crate::objects::str::from_utf8(&text))
}

fn or_none(r: PyResult<*mut PyObject>) -> *mut PyObject {
    match r {
        // SAFETY: a live object or NULL.
        Ok(p) => unsafe { new_ref(if p.is_null() { none() } else { p }).into_ptr() },
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn get_back(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    or_none(back(op))
}
unsafe extern "C" fn get_code(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    or_none(Ok(fo(op).code))
}
unsafe extern "C" fn get_globals(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    or_none(Ok(fo(op).globals))
}
unsafe extern "C" fn get_builtins(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    or_none(Ok(fo(op).builtins))
}
unsafe extern "C" fn get_locals(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    or_none(locals(op))
}
unsafe extern "C" fn get_lineno(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::abstract_::ret_obj(crate::objects::int::from_i64(lineno(op) as i64))
}
unsafe extern "C" fn get_lasti(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::abstract_::ret_obj(crate::objects::int::from_i64(lasti(op) as i64))
}

pub(crate) const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut FRAME_GETSET: [PyGetSetDef; 11] = [
    getter(c"f_back", get_back),
    getter(c"f_code", get_code),
    getter(c"f_globals", get_globals),
    getter(c"f_builtins", get_builtins),
    getter(c"f_locals", get_locals),
    PyGetSetDef { set: Some(crate::eval::frame_jump::set_lineno), ..getter(c"f_lineno", get_lineno) },
    getter(c"f_lasti", get_lasti),
    crate::eval::frame_trace::F_TRACE,
    crate::eval::frame_trace::F_TRACE_LINES,
    crate::eval::frame_trace::F_TRACE_OPCODES,
    END_GETSET,
];

pub(crate) unsafe fn check(frame: *mut PyFrameObject) -> Option<*mut PyObject> {
    let op = frame as *mut PyObject;
    if op.is_null() || (*op).ob_type != &raw mut PyFrame_Type {
        let _ = bad_internal_call();
        return None;
    }
    Some(op)
}

/// `PyFrameObject *PyEval_GetFrame(void)`: the running frame's object (borrowed), or NULL.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrame() -> *mut PyFrameObject {
    let f = interp_frame::current(crate::runtime::pystate::current());
    if f.is_null() {
        return core::ptr::null_mut();
    }
    materialize(f).unwrap_or(core::ptr::null_mut()) as *mut PyFrameObject
}

/// `PyFrameObject *PyThreadState_GetFrame(PyThreadState *tstate)`: a new reference to the
/// thread's running frame object, or NULL.
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_GetFrame(tstate: *mut crate::runtime::threadstate::PyThreadState) -> *mut PyFrameObject {
    let f = interp_frame::current(tstate);
    if f.is_null() {
        return core::ptr::null_mut();
    }
    match materialize(f) {
        Ok(o) => new_ref(o).into_ptr() as *mut PyFrameObject,
        Err(_) => core::ptr::null_mut(),
    }
}

/// `int PyFrame_GetLineNumber(PyFrameObject *frame)`.
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetLineNumber(frame: *mut PyFrameObject) -> c_int {
    check(frame).map_or(-1, |op| lineno(op))
}

/// `int PyFrame_GetLasti(PyFrameObject *frame)`: the byte offset of the instruction.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetLasti(frame: *mut PyFrameObject) -> c_int {
    check(frame).map_or(-1, |op| lasti(op))
}

/// `PyCodeObject *PyFrame_GetCode(PyFrameObject *frame)`: a new reference.
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetCode(frame: *mut PyFrameObject) -> *mut PyCodeObject {
    check(frame).map_or(core::ptr::null_mut(), |op| new_ref(fo(op).code).into_ptr() as *mut PyCodeObject)
}

/// `PyFrameObject *PyFrame_GetBack(PyFrameObject *frame)`: a new reference or NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetBack(frame: *mut PyFrameObject) -> *mut PyFrameObject {
    let Some(op) = check(frame) else { return core::ptr::null_mut() };
    match back(op) {
        Ok(b) if !b.is_null() => new_ref(b).into_ptr() as *mut PyFrameObject,
        _ => core::ptr::null_mut(),
    }
}

/// `PyObject *PyFrame_GetGlobals(PyFrameObject *frame)`: a new reference.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetGlobals(frame: *mut PyFrameObject) -> *mut PyObject {
    check(frame).map_or(core::ptr::null_mut(), |op| new_ref(fo(op).globals).into_ptr())
}

/// `PyObject *PyFrame_GetBuiltins(PyFrameObject *frame)`: a new reference.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetBuiltins(frame: *mut PyFrameObject) -> *mut PyObject {
    check(frame).map_or(core::ptr::null_mut(), |op| new_ref(fo(op).builtins).into_ptr())
}

/// `PyObject *PyFrame_GetLocals(PyFrameObject *frame)`: a new reference to the locals
/// mapping.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetLocals(frame: *mut PyFrameObject) -> *mut PyObject {
    let Some(op) = check(frame) else { return core::ptr::null_mut() };
    match locals(op) {
        Ok(l) => new_ref(l).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}
