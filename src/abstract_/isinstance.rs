//! `isinstance` and `issubclass` (`PyObject_IsInstance`, `PyObject_IsSubclass`): the exact-type
//! fast paths, tuples of classes (searched in order, depth-first), the metaclass hooks
//! `__instancecheck__`/`__subclasscheck__`, and the fallback for "class-like" objects that
//! are not types but have a `__bases__` tuple, as CPython does.
use core::ffi::c_int;

use crate::abstract_::object::is_true;
use crate::abstract_::{null_error, type_error};
use crate::errors::raised::PyResult;
use crate::eval::recursion;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_TYPE_SUBCLASS};
use crate::object::typetype::{is_subtype, PyType_Type};
use crate::objects::{str as pystr, tuple};

const INSTANCE_ARG2: &str = "isinstance() arg 2 must be a type, a tuple of types, or a union";
const SUBCLASS_ARG1: &str = "issubclass() arg 1 must be a class";
const SUBCLASS_ARG2: &str = "issubclass() arg 2 must be a class, a tuple of classes, or a union";

unsafe fn is_type(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_TYPE_SUBCLASS != 0
}

unsafe fn is_exact_type(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyType_Type
}

/// `getattr(o, name)`, with AttributeError meaning "absent".
unsafe fn attr_or_none(o: *mut PyObject, name: &'static str) -> PyResult<Option<PyRef>> {
    let n = pystr::intern_static(name)?;
    crate::object::object_attr::lookup_attr(o, n.as_ptr())
}

/// `cls.__bases__` when it is a tuple (CPython's `abstract_get_bases`), else None.
unsafe fn bases_of(cls: *mut PyObject) -> PyResult<Option<PyRef>> {
    match attr_or_none(cls, "__bases__")? {
        Some(b) if tuple::is_tuple(b.as_ptr()) => Ok(Some(b)),
        _ => Ok(None),
    }
}

/// Whether `derived` reaches `cls` through `__bases__` (depth-first).
unsafe fn abstract_issubclass(derived: *mut PyObject, cls: *mut PyObject) -> PyResult<bool> {
    let mut derived = PyRef::from_borrowed(derived).expect("non-NULL");
    loop {
        if derived.as_ptr() == cls {
            return Ok(true);
        }
        let Some(bases) = bases_of(derived.as_ptr())? else { return Ok(false) };
        let items = tuple::items(bases.as_ptr());
        match items.len() {
            0 => return Ok(false),
            // One base: iterate instead of recursing (long single-inheritance chains).
            1 => derived = PyRef::from_borrowed(items[0]).expect("tuple items are non-NULL"),
            _ => {
                for &base in items {
                    recursion::enter(" in __issubclass__")?;
                    let found = abstract_issubclass(base, cls);
                    recursion::leave();
                    if found? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

/// CPython's `check_class`: a type, or anything with a `__bases__` tuple.
unsafe fn check_class(cls: *mut PyObject, message: &str) -> PyResult<()> {
    if is_type(cls) || bases_of(cls)?.is_some() {
        Ok(())
    } else {
        Err(type_error(message))
    }
}

/// `obj.__class__`, None when absent.
unsafe fn class_of(inst: *mut PyObject) -> PyResult<Option<PyRef>> {
    attr_or_none(inst, "__class__")
}

/// isinstance without the metaclass hook (`type.__instancecheck__`'s work).
pub(crate) unsafe fn recursive_isinstance(inst: *mut PyObject, cls: *mut PyObject) -> PyResult<bool> {
    if is_type(cls) {
        let tp = cls as *mut PyTypeObject;
        if (*inst).ob_type == tp || is_subtype((*inst).ob_type, tp) {
            return Ok(true);
        }
        // A proxy may claim another class through `__class__`.
        return match class_of(inst)? {
            Some(icls) if icls.as_ptr() != (*inst).ob_type as *mut PyObject && is_type(icls.as_ptr()) => {
                Ok(is_subtype(icls.as_ptr() as *mut PyTypeObject, tp))
            }
            _ => Ok(false),
        };
    }
    check_class(cls, INSTANCE_ARG2)?;
    match class_of(inst)? {
        Some(icls) => abstract_issubclass(icls.as_ptr(), cls),
        None => Ok(false),
    }
}

/// issubclass without the metaclass hook (`type.__subclasscheck__`'s work).
pub(crate) unsafe fn recursive_issubclass(derived: *mut PyObject, cls: *mut PyObject) -> PyResult<bool> {
    if is_type(cls) && is_type(derived) {
        return Ok(is_subtype(derived as *mut PyTypeObject, cls as *mut PyTypeObject));
    }
    check_class(derived, SUBCLASS_ARG1)?;
    check_class(cls, SUBCLASS_ARG2)?;
    abstract_issubclass(derived, cls)
}

/// Calls the metaclass hook `name` of `cls` with `arg`, if the metaclass has one.
/// A function hook is called with `cls` first rather than bound (no method object).
unsafe fn call_hook(cls: *mut PyObject, name: &core::ffi::CStr, arg: *mut PyObject, where_: &str) -> PyResult<Option<bool>> {
    use crate::object::slot_dunders::{call_found, lookup_method};
    let Some(hook) = lookup_method(cls, name)? else { return Ok(None) };
    recursion::enter(where_)?;
    let r = call_found(&hook, cls, &[arg]);
    recursion::leave();
    Ok(Some(is_true(r?.as_ptr())?))
}

/// `isinstance(inst, cls)`.
pub(crate) unsafe fn isinstance(inst: *mut PyObject, cls: *mut PyObject) -> PyResult<bool> {
    if (*inst).ob_type as *mut PyObject == cls {
        return Ok(true);
    }
    if is_exact_type(cls) {
        return recursive_isinstance(inst, cls);
    }
    isinstance_other(inst, cls)
}

/// `isinstance` for a `cls` that is not an exact type: a union, a tuple, or a class whose
/// metaclass may define `__instancecheck__` (out of line: the exact-type cases above need
/// no stack frame).
#[inline(never)]
unsafe fn isinstance_other(inst: *mut PyObject, cls: *mut PyObject) -> PyResult<bool> {
    // A union is checked as the tuple of its members.
    let cls = if crate::objects::union_type::is_union(cls) { crate::objects::union_type::members(cls) } else { cls };
    if tuple::is_tuple(cls) {
        recursion::enter(" in __instancecheck__")?;
        let mut found = Ok(false);
        for &item in tuple::items(cls) {
            // The exact-type hit without the call (it is `isinstance`'s first test).
            if (*inst).ob_type as *mut PyObject == item {
                found = Ok(true);
                break;
            }
            found = isinstance(inst, item);
            if !matches!(found, Ok(false)) {
                break;
            }
        }
        recursion::leave();
        return found;
    }
    match call_hook(cls, c"__instancecheck__", inst, " in __instancecheck__")? {
        Some(r) => Ok(r),
        None => recursive_isinstance(inst, cls),
    }
}

/// `issubclass(derived, cls)`.
pub(crate) unsafe fn issubclass(derived: *mut PyObject, cls: *mut PyObject) -> PyResult<bool> {
    if is_exact_type(cls) {
        if derived == cls {
            return Ok(true);
        }
        return recursive_issubclass(derived, cls);
    }
    let cls = if crate::objects::union_type::is_union(cls) { crate::objects::union_type::members(cls) } else { cls };
    if tuple::is_tuple(cls) {
        recursion::enter(" in __subclasscheck__")?;
        let mut found = Ok(false);
        for &item in tuple::items(cls) {
            found = issubclass(derived, item);
            if !matches!(found, Ok(false)) {
                break;
            }
        }
        recursion::leave();
        return found;
    }
    match call_hook(cls, c"__subclasscheck__", derived, " in __subclasscheck__")? {
        Some(r) => Ok(r),
        None => recursive_issubclass(derived, cls),
    }
}

fn to_c(r: PyResult<bool>) -> c_int {
    match r {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// `int PyObject_IsInstance(PyObject *inst, PyObject *cls)`: 1, 0, or -1 with an exception.
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsInstance(inst: *mut PyObject, cls: *mut PyObject) -> c_int {
    if inst.is_null() || cls.is_null() {
        let _ = null_error();
        return -1;
    }
    to_c(isinstance(inst, cls))
}

/// `int PyObject_IsSubclass(PyObject *derived, PyObject *cls)`: 1, 0, or -1 with an exception.
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsSubclass(derived: *mut PyObject, cls: *mut PyObject) -> c_int {
    if derived.is_null() || cls.is_null() {
        let _ = null_error();
        return -1;
    }
    to_c(issubclass(derived, cls))
}

/// `int _PyObject_RealIsInstance(PyObject *inst, PyObject *cls)`: isinstance without the
/// `__instancecheck__` hook (`type.__instancecheck__`'s work).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_RealIsInstance(inst: *mut PyObject, cls: *mut PyObject) -> c_int {
    if inst.is_null() || cls.is_null() {
        let _ = null_error();
        return -1;
    }
    to_c(recursive_isinstance(inst, cls))
}

/// `int _PyObject_RealIsSubclass(PyObject *derived, PyObject *cls)`: issubclass without the
/// `__subclasscheck__` hook.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_RealIsSubclass(derived: *mut PyObject, cls: *mut PyObject) -> c_int {
    if derived.is_null() || cls.is_null() {
        let _ = null_error();
        return -1;
    }
    to_c(recursive_issubclass(derived, cls))
}
