//! Traceback objects (`PyTraceBack_Type`, cpython/traceback.h's `PyTracebackObject`): one
//! entry per frame an exception passed through, chained by `tb_next`. C code walks
//! `tb_next` and reads `tb_lineno` directly.
//!
//! Tracebacks are made by the eval loop (`PyTraceBack_Here`) from frame objects, or from
//! Python by `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`. The text is
//! errors/traceback_format.rs's business (`PyTraceBack_Print`).
use core::ffi::{c_int, c_void};

use crate::eval::frame::PyFrameObject;
use crate::object::member::{PyMemberDef, READONLY, T_INT, T_OBJECT};
use crate::object::descr::PyGetSetDef;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::refcount::{Py_DecRef, Py_IncRef};
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};

/// `struct _traceback`: one entry of a traceback chain.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _traceback {
    pub ob_base: PyObject,
    pub tb_next: *mut PyTracebackObject,
    pub tb_frame: *mut PyFrameObject,
    pub tb_lasti: c_int,
    pub tb_lineno: c_int,
}
#[cfg(not(Py_LIMITED_API))]
pub type PyTracebackObject = _traceback;
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyTracebackObject, size = 40,
    ob_base @ 0, tb_next @ 16, tb_frame @ 24, tb_lasti @ 32, tb_lineno @ 36);

const TB_DOC: &core::ffi::CStr = c"TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\nCreate a new traceback object.";

/// `PyTraceBack_Type`: the type of traceback objects (`types.TracebackType`).
#[no_mangle]
pub static mut PyTraceBack_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(tb_dealloc),
    tp_new: Some(tb_new),
    tp_traverse: Some(tb_traverse),
    tp_clear: Some(tb_clear),
    tp_members: &raw mut TB_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut TB_GETSET as *mut PyGetSetDef,
    ..static_type(c"traceback", core::mem::size_of::<PyTracebackObject>(), 0, Py_TPFLAGS_HAVE_GC, Some(TB_DOC))
};

/// `PyTraceBack_Check`.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn is_traceback(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyTraceBack_Type
}

unsafe fn tb<'a>(op: *mut PyObject) -> &'a mut PyTracebackObject {
    &mut *(op as *mut PyTracebackObject)
}

unsafe extern "C" fn tb_clear(op: *mut PyObject) -> c_int {
    let t = tb(op);
    let next = core::mem::replace(&mut t.tb_next, core::ptr::null_mut());
    let frame = core::mem::replace(&mut t.tb_frame, core::ptr::null_mut());
    Py_DecRef(next as *mut PyObject);
    Py_DecRef(frame as *mut PyObject);
    0
}

unsafe extern "C" fn tb_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let t = tb(op);
    crate::errors::baseexception::visit_all(&[t.tb_next as *mut PyObject, t.tb_frame as *mut PyObject], visit, arg)
}

unsafe extern "C" fn tb_dealloc(op: *mut PyObject) {
    crate::object::objimpl::PyObject_GC_UnTrack(op as *mut c_void);
    tb_clear(op);
    crate::object::objimpl::PyObject_GC_Del(op as *mut c_void);
}

unsafe extern "C" fn get_next(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::errors::baseexception::new_ref_or_none(tb(op).tb_next as *mut PyObject)
}

unsafe extern "C" fn get_lineno(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::abstract_::ret_obj(crate::objects::int::from_i64(line_number(tb(op)) as i64))
}

/// The entry's line: `tb_lineno`, or, when that is -1 (entries made by `PyTraceBack_Here`,
/// as in CPython 3.11, so that raising decodes no line table), the line of `tb_lasti` in
/// the frame's code.
pub(crate) unsafe fn line_number(t: &PyTracebackObject) -> c_int {
    if t.tb_lineno != -1 || t.tb_frame.is_null() {
        return t.tb_lineno;
    }
    let code = crate::eval::frame_object::PyFrame_GetCode(t.tb_frame);
    let co = code as *mut crate::objects::code::PyCodeObject;
    // tb_lasti is a CPython-format offset (objects/code_public.rs).
    let word = crate::objects::code_public::word_at(co, t.tb_lasti.max(0));
    let line = crate::objects::code_rt::rt(co).position(word).line as c_int;
    Py_DecRef(code as *mut PyObject);
    line
}

/// `tb.tb_next = x`: a traceback or None, and never one that would make a loop.
unsafe extern "C" fn set_next(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    if value.is_null() {
        let _ = raise(ExcType::TypeError, "can't delete tb_next attribute");
        return -1;
    }
    let none = crate::errors::baseexception::none();
    let new_next = if value == none { core::ptr::null_mut() } else { value };
    if !new_next.is_null() {
        if !is_traceback(new_next) {
            let name = crate::errors::objtext::type_name_of(new_next);
            let _ = raise(ExcType::TypeError, format!("expected traceback object, got '{name}'"));
            return -1;
        }
        let mut cursor = new_next;
        while !cursor.is_null() {
            if cursor == op {
                let _ = raise_value_error("traceback loop detected");
                return -1;
            }
            cursor = tb(cursor).tb_next as *mut PyObject;
        }
    }
    Py_IncRef(new_next);
    let old = core::mem::replace(&mut tb(op).tb_next, new_next as *mut PyTracebackObject);
    Py_DecRef(old as *mut PyObject);
    0
}

/// `int PyTraceBack_Here(PyFrameObject *frame)`: pushes an entry for `frame` (at its
/// current instruction) onto the traceback of the exception being raised.
#[no_mangle]
pub unsafe extern "C" fn PyTraceBack_Here(frame: *mut PyFrameObject) -> c_int {
    let (mut t, mut v, mut old) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut old);
    let op = crate::object::objimpl::_PyObject_GC_New(&raw mut PyTraceBack_Type);
    if op.is_null() {
        crate::errors::pyerr::PyErr_Restore(t, v, old);
        return -1;
    }
    let entry = tb(op);
    entry.tb_next = old as *mut PyTracebackObject;
    Py_IncRef(frame as *mut PyObject);
    entry.tb_frame = frame;
    entry.tb_lasti = crate::eval::frame_object::lasti(frame as *mut PyObject);
    // A running frame's line is that of its instruction: computed when asked (line_number),
    // as CPython 3.11 does, so raising decodes no line table. A line written by C
    // (`f_lineno`, Cython) is kept.
    let o = crate::eval::frame_object::fo(frame as *mut PyObject);
    entry.tb_lineno = if o.lineno == 0 && !o.frame.is_null() { -1 } else { crate::eval::frame_object::lineno(frame as *mut PyObject) };
    crate::object::objimpl::PyObject_GC_Track(op as *mut c_void);
    crate::errors::pyerr::PyErr_Restore(t, v, op);
    0
}

/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
unsafe extern "C" fn tb_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    crate::abstract_::ret_obj(new_from_args(args, kwargs))
}

unsafe fn new_from_args(args: *mut PyObject, kwargs: *mut PyObject) -> crate::errors::raised::PyResult<crate::object::ptr::PyRef> {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    let params = Params {
        function: "TracebackType",
        names: &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"],
        positional_only: 0,
        max_positional: 4,
        required: 4,
    };
    let [next, frame, lasti, lineno] = bind_tuple_dict_array::<4>(&params, args, kwargs)?;
    let none = crate::abstract_::none();
    if next != none && !is_traceback(next) {
        let name = crate::errors::objtext::type_name_of(next);
        return Err(raise(ExcType::TypeError, format!("expected traceback object or None, got '{name}'")));
    }
    if (*frame).ob_type != &raw mut crate::eval::frame_object::PyFrame_Type {
        let name = crate::errors::objtext::type_name_of(frame);
        return Err(raise(ExcType::TypeError, format!("TracebackType() argument 'tb_frame' must be frame, not {name}")));
    }
    let lasti = crate::modules::sys_functions::as_c_int(lasti)?;
    let lineno = crate::modules::sys_functions::as_c_int(lineno)?;
    let op = crate::object::objimpl::_PyObject_GC_New(&raw mut PyTraceBack_Type);
    if op.is_null() {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    let entry = tb(op);
    let next = if next == none { core::ptr::null_mut() } else { next };
    Py_IncRef(next);
    Py_IncRef(frame);
    entry.tb_next = next as *mut PyTracebackObject;
    entry.tb_frame = frame as *mut PyFrameObject;
    entry.tb_lasti = lasti;
    entry.tb_lineno = lineno;
    crate::object::objimpl::PyObject_GC_Track(op as *mut c_void);
    Ok(crate::object::ptr::PyRef::from_owned(op).expect("allocated"))
}

/// `int PyTraceBack_Print(PyObject *tb, PyObject *file)`: writes the traceback's report
/// (honouring `sys.tracebacklimit`) to `file` through its `write` method.
#[no_mangle]
pub unsafe extern "C" fn PyTraceBack_Print(v: *mut PyObject, f: *mut PyObject) -> c_int {
    if v.is_null() {
        return 0;
    }
    if !is_traceback(v) || f.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    let mut text = String::new();
    crate::errors::traceback_format::format_traceback(v, &mut text);
    let written = crate::objects::str::from_utf8(&text).and_then(|s| crate::modules::sys_stdio::file_write(f, s.as_ptr()));
    if written.is_ok() { 0 } else { -1 }
}

fn raise_value_error(message: &str) -> crate::errors::raised::Raised {
    crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_ValueError, message)
}

static mut TB_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"tb_frame".as_ptr(), r#type: T_OBJECT, offset: 24, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"tb_lasti".as_ptr(), r#type: T_INT, offset: 32, flags: READONLY, doc: core::ptr::null() },
    crate::errors::baseexception::END_MEMBER,
];

static mut TB_GETSET: [PyGetSetDef; 3] = [
    // A getter, not a member, as in 3.11 (so assigning says "... is not writable").
    PyGetSetDef { name: c"tb_lineno".as_ptr(), get: Some(get_lineno), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"tb_next".as_ptr(), get: Some(get_next), set: Some(set_next), doc: core::ptr::null(), closure: core::ptr::null_mut() },
    crate::errors::baseexception::END_GETSET,
];
