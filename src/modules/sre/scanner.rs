//! `_sre.SRE_Scanner` (`Pattern.scanner`, and under `Pattern.finditer`): successive
//! `match()`/`search()` calls, each going on where the previous match ended (an empty match
//! makes the next one advance), None for good once one finds nothing.
use core::ffi::{c_ulong, c_void};

use super::engine::State;
use super::pattern::{self, clamp, run, Mode};
use super::subject::Subject;
use super::match_obj;
use crate::abstract_::{new_ref, none};
use crate::errors::raised::PyResult;
use crate::modules::{ret, END};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::plain;
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};

#[repr(C)]
struct Scanner {
    ob_base: PyObject,
    pattern: PyRef,
    string: PyRef,
    /// Where the next call starts; None once exhausted.
    at: Option<usize>,
    endpos: usize,
    must_advance: bool,
}

/// `_sre.SRE_Scanner`.
pub(crate) static mut Scanner_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(scanner_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut SCANNER_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut SCANNER_GETSET) as *mut PyGetSetDef,
    ..static_type(c"_sre.SRE_Scanner", core::mem::size_of::<Scanner>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, None)
};

/// A scanner of `string` from `pos` to `endpos` (checked and clamped as by `search`).
pub(crate) unsafe fn new(pattern: *mut PyObject, string: *mut PyObject, pos: isize, endpos: isize) -> PyResult<PyRef> {
    let subject = Subject::new(string, pattern::get(pattern).is_bytes)?;
    let (pos, endpos) = clamp(pos, endpos, subject.len());
    let op = temp_alloc::malloc_object(&raw mut Scanner_Type, core::mem::size_of::<Scanner>());
    let op = PyRef::from_owned(op).ok_or_else(no_memory)?;
    let s = op.as_ptr() as *mut Scanner;
    core::ptr::addr_of_mut!((*s).pattern).write(new_ref(pattern));
    core::ptr::addr_of_mut!((*s).string).write(new_ref(string));
    core::ptr::addr_of_mut!((*s).at).write(Some(pos));
    core::ptr::addr_of_mut!((*s).endpos).write(endpos);
    core::ptr::addr_of_mut!((*s).must_advance).write(false);
    Ok(op)
}

unsafe extern "C" fn scanner_dealloc(op: *mut PyObject) {
    let s = op as *mut Scanner;
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*s).pattern));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*s).string));
    temp_alloc::free_object(op.cast());
}

unsafe fn step(op: *mut PyObject, mode: Mode) -> PyResult<PyRef> {
    let s = &mut *(op as *mut Scanner);
    let Some(at) = s.at else { return Ok(new_ref(none())) };
    let p = pattern::get(s.pattern.as_ptr());
    let subject = Subject::new(s.string.as_ptr(), p.is_bytes)?;
    let endpos = s.endpos.min(subject.len());
    let mut st = State::new(p.groups);
    if !run(&mut st, &p.code, &subject.units, at, endpos, mode, s.must_advance)? {
        s.at = None;
        return Ok(new_ref(none()));
    }
    s.must_advance = st.end == st.start;
    s.at = Some(st.end);
    match_obj::new(s.pattern.as_ptr(), &subject, &st, at, endpos)
}

unsafe extern "C" fn scanner_match(op: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(step(op, Mode::Match))
}

unsafe extern "C" fn scanner_search(op: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(step(op, Mode::Search))
}

unsafe extern "C" fn get_pattern(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref((*(op as *mut Scanner)).pattern.as_ptr()).into_ptr()
}

static mut SCANNER_METHODS: [PyMethodDef; 3] =
    [plain(c"match", scanner_match, METH_NOARGS), plain(c"search", scanner_search, METH_NOARGS), END];

static mut SCANNER_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"pattern".as_ptr(), get: Some(get_pattern), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];
