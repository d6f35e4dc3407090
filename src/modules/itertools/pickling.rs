//! What the itertools types share to pickle in CPython 3.11's forms: `__reduce__` returns
//! `(type(self), args)` or `(type(self), args, state)` (`state` handed back to
//! `__setstate__`); the method-table entries and the small argument checks of the
//! `__setstate__` methods live here, each type's own reduce/setstate beside the type.
use crate::abstract_::{from_slot, new_ref};
use crate::errors::raised::{PyResult, Raised};
use crate::object::method_table::plain;
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::tuple;

/// `(type(op), args[, state])`.
pub(crate) unsafe fn reduce(op: *mut PyObject, args: PyRef, state: Option<PyRef>) -> PyResult<PyRef> {
    let tp = new_ref((*op).ob_type as *mut PyObject);
    tuple::from_vec(match state {
        Some(s) => vec![tp, args, s],
        None => vec![tp, args],
    })
}

/// A tuple of borrowed objects (the `args` of a reduce value).
pub(crate) unsafe fn args(items: &[*mut PyObject]) -> PyResult<PyRef> {
    tuple::from_ptrs(items)
}

/// `o`, or None for NULL.
pub(crate) unsafe fn or_none(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        crate::abstract_::none()
    } else {
        o
    }
}

/// The items of a `__setstate__` tuple of `min..=max` items (TypeError otherwise, as
/// CPython's `PyArg_ParseTuple` of the state).
pub(crate) unsafe fn state_items<'a>(state: *mut PyObject, min: usize, max: usize) -> PyResult<&'a [*mut PyObject]> {
    if !tuple::is_tuple(state) {
        return Err(crate::abstract_::type_error("state is not a tuple"));
    }
    let items = tuple::items(state);
    if items.len() < min || items.len() > max {
        return Err(crate::abstract_::type_error(format!(
            "function takes {} {} argument{} ({} given)",
            if min == max { "exactly" } else if items.len() < min { "at least" } else { "at most" },
            if items.len() < min { min } else { max },
            if (if items.len() < min { min } else { max }) == 1 { "" } else { "s" },
            items.len()
        )));
    }
    Ok(items)
}

/// `obj.name(arg)`.
pub(crate) unsafe fn call_method1(obj: *mut PyObject, name: &str, arg: *mut PyObject) -> PyResult<PyRef> {
    let name = crate::objects::str::intern(name)?;
    let f = crate::object::object_attr::get_attr(obj, name.as_ptr())?;
    from_slot(crate::abstract_::call::PyObject_CallOneArg(f.as_ptr(), arg))
}

/// An `int` state item as a C int (`PyArg_ParseTuple`'s "i").
pub(crate) unsafe fn state_int(v: *mut PyObject) -> PyResult<i64> {
    let n = crate::objects::long_convert::_PyLong_AsInt(v);
    if n == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    Ok(n as i64)
}

pub(crate) const fn reduce_def(f: unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject) -> PyMethodDef {
    plain(c"__reduce__", f, METH_NOARGS).doc(c"Return state information for pickling.")
}

pub(crate) const fn setstate_def(f: unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject) -> PyMethodDef {
    plain(c"__setstate__", f, METH_O).doc(c"Set state information for unpickling.")
}

pub(crate) use crate::objects::reduce_forms::state_index;
