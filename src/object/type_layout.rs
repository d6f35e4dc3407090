//! Instance layouts of classes with several bases: which base's C layout a new type
//! extends (the "best base"), shared by `PyType_FromSpec*` and `type(name, bases, dict)`.
//!
//! A type's *solid base* is the nearest type along its `tp_base` chain that adds C fields
//! of its own (beyond a `__dict__` / `__weakref__` slot a class statement appended). Two
//! bases can be combined only when one's solid base is a subtype of the other's: then the
//! instance layout of the more derived one contains the other's.
use crate::errors::raised::PyResult;
use crate::object::baseobject::PyBaseObject_Type;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::typeobject::*;
use crate::object::typetype::is_subtype;
use crate::objects::tuple;

const PTR: isize = core::mem::size_of::<*mut PyObject>() as isize;

/// Whether `tp` has instance fields that `base` does not.
unsafe fn adds_fields(tp: *mut PyTypeObject, base: *mut PyTypeObject) -> bool {
    let (t, b) = (&*tp, &*base);
    let mut size = t.tp_basicsize;
    if t.tp_itemsize != 0 || b.tp_itemsize != 0 {
        return size != b.tp_basicsize || t.tp_itemsize != b.tp_itemsize;
    }
    let heap = t.tp_flags & Py_TPFLAGS_HEAPTYPE != 0;
    // A weakref or dict slot appended by a class statement is not a layout of its own.
    if heap && t.tp_weaklistoffset != 0 && b.tp_weaklistoffset == 0 && t.tp_weaklistoffset + PTR == size {
        size -= PTR;
    }
    if heap && t.tp_dictoffset > 0 && b.tp_dictoffset == 0 && t.tp_dictoffset + PTR == size {
        size -= PTR;
    }
    size != b.tp_basicsize
}

/// The nearest type along `tp`'s base chain (itself included) that adds C fields.
///
/// # Safety
/// `tp` is a live type whose base chain is live.
pub(crate) unsafe fn solid_base(tp: *mut PyTypeObject) -> *mut PyTypeObject {
    let object = &raw mut PyBaseObject_Type;
    let base = if (*tp).tp_base.is_null() { object } else { solid_base((*tp).tp_base) };
    if adds_fields(tp, base) { tp } else { base }
}

/// The base whose layout a type with `bases` (a tuple) extends: TypeError "bases must be
/// types" for a non-type, "type 'X' is not an acceptable base type" for a base without
/// `Py_TPFLAGS_BASETYPE`, "multiple bases have instance lay-out conflict" when two bases'
/// layouts cannot be combined. `Ok(None)` for an empty tuple (CPython returns NULL with no
/// exception set there, and so do its callers).
///
/// # Safety
/// `bases` is a live tuple.
pub(crate) unsafe fn best_base(bases: *mut PyObject) -> PyResult<Option<*mut PyTypeObject>> {
    let mut base: Option<*mut PyTypeObject> = None;
    let mut winner: *mut PyTypeObject = core::ptr::null_mut();
    for &b in tuple::items(bases) {
        if !is_type(b) {
            return Err(raise(ExcType::TypeError, "bases must be types"));
        }
        let b = b as *mut PyTypeObject;
        crate::object::type_ready::ready(b)?;
        // Every base must allow subclassing, not only the one whose layout wins.
        if (*b).tp_flags & crate::object::typeobject::Py_TPFLAGS_BASETYPE == 0 {
            return Err(raise(
                ExcType::TypeError,
                format!("type '{}' is not an acceptable base type", crate::object::typetype::type_name(b)),
            ));
        }
        let candidate = solid_base(b);
        if winner.is_null() {
            winner = candidate;
            base = Some(b);
        } else if is_subtype(winner, candidate) {
            // The winner's layout already contains the candidate's.
        } else if is_subtype(candidate, winner) {
            winner = candidate;
            base = Some(b);
        } else {
            return Err(raise(ExcType::TypeError, "multiple bases have instance lay-out conflict"));
        }
    }
    Ok(base)
}

/// `PyType_Check(op)`.
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_type(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_TYPE_SUBCLASS != 0
}
