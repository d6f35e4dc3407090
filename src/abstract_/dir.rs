//! `dir()`: `PyObject_Dir`, and the three `__dir__` methods it usually reaches —
//! `object.__dir__` (the instance dict plus every class dict along `__class__` and its
//! `__bases__`), `type.__dir__` (the class dicts only); `module.__dir__` is in objects/module.rs.
use crate::abstract_::object::lookup_special;
use crate::abstract_::{from_slot, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::object_attr::lookup_attr;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{dict, list, str as pystr, tuple};

/// `obj.<name>`, None when it raises AttributeError (other errors propagate).
unsafe fn attr_or_none(obj: *mut PyObject, name: &str) -> PyResult<Option<PyRef>> {
    lookup_attr(obj, pystr::intern(name)?.as_ptr())
}

/// Adds the keys of `cls.__dict__` and, recursively, of each of `cls.__bases__` to `names`.
/// Either attribute may be missing; anything that is not a mapping/tuple fails as the
/// dict update or the iteration does.
unsafe fn merge_class_dict(names: *mut PyObject, cls: *mut PyObject) -> PyResult<()> {
    if let Some(d) = attr_or_none(cls, "__dict__")? {
        dict::merge(names, d.as_ptr(), 1)?;
    }
    let Some(bases) = attr_or_none(cls, "__bases__")? else { return Ok(()) };
    // A tuple for every class; CPython walks any sequence here.
    let items = if tuple::is_tuple(bases.as_ptr()) {
        tuple::items(bases.as_ptr()).iter().map(|&b| crate::abstract_::new_ref(b)).collect()
    } else {
        crate::abstract_::iter::collect(bases.as_ptr())?
    };
    for base in items {
        merge_class_dict(names, base.as_ptr())?;
    }
    Ok(())
}

/// `object.__dir__(self)`: a list of the instance's `__dict__` keys (when that is a dict)
/// and the names of its class and the class's bases.
///
/// # Safety
/// `obj` is a live object.
pub(crate) unsafe fn object_dir(obj: *mut PyObject) -> PyResult<PyRef> {
    let names = match attr_or_none(obj, "__dict__")? {
        Some(d) if dict::is_dict(d.as_ptr()) => dict::copy(d.as_ptr())?,
        _ => dict::new()?,
    };
    if let Some(cls) = attr_or_none(obj, "__class__")? {
        merge_class_dict(names.as_ptr(), cls.as_ptr())?;
    }
    from_slot(dict::PyDict_Keys(names.as_ptr()))
}

/// `type.__dir__(cls)`: the names of the class and of all its bases.
///
/// # Safety
/// `cls` is a live object.
pub(crate) unsafe fn type_dir(cls: *mut PyObject) -> PyResult<PyRef> {
    let names = dict::new()?;
    merge_class_dict(names.as_ptr(), cls)?;
    from_slot(dict::PyDict_Keys(names.as_ptr()))
}

/// `dir(obj)`: `type(obj).__dir__(obj)` made into a sorted list.
///
/// # Safety
/// `obj` is a live object.
pub(crate) unsafe fn dir(obj: *mut PyObject) -> PyResult<PyRef> {
    let Some(method) = lookup_special(obj, "__dir__")? else {
        return Err(type_error("object does not provide __dir__"));
    };
    let result = from_slot(crate::abstract_::call::PyObject_CallNoArgs(method.as_ptr()))?;
    let names = list::from_iterable(result.as_ptr())?;
    crate::objects::list_sort::sort(names.as_ptr(), None, false)?;
    Ok(names)
}

/// `PyObject *PyObject_Dir(PyObject *o)`: the sorted names of `o`'s attributes; with `o`
/// NULL, the names in the current frame's locals. TODO(eval): there are no frames yet, so
/// the NULL form fails as CPython's does with no frame running.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Dir(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return crate::abstract_::ret_obj(Err(no_frame()));
    }
    crate::abstract_::ret_obj(dir(o))
}

/// What asking for the current frame's locals raises with no Python frame running.
pub(crate) fn no_frame() -> Raised {
    raise_type(&raw mut exc::_PyExc_SystemError, "frame does not exist")
}
