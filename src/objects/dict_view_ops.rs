//! dict keys and items views as sets: the operators `& | - ^` against any iterable (either
//! side), `isdisjoint`, and the `mapping` attribute of every view. Results are new sets,
//! built in CPython's order.
use core::ffi::c_void;

use crate::abstract_::compare::bool_ref;
use crate::errors::raised::PyResult;
use crate::object::descr::PyGetSetDef;
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::PyNumberMethods;
use crate::object::method_table::plain;
use crate::objects::container_methods::ret;
use crate::objects::dict;
use crate::objects::dict_views::{is_set_view, view_dict, PyDictKeys_Type};
use crate::objects::set;

/// The number slots of keys and items views.
pub(crate) static mut VIEW_AS_NUMBER: PyNumberMethods = {
    let mut n = unsafe { core::mem::zeroed::<PyNumberMethods>() };
    n.nb_subtract = Some(view_sub);
    n.nb_and = Some(view_and);
    n.nb_xor = Some(view_xor);
    n.nb_or = Some(view_or);
    n
};

/// The method of keys and items views (their tables are in dict_views.rs).
pub(crate) const ISDISJOINT: PyMethodDef =
    plain(c"isdisjoint", view_isdisjoint, METH_O).doc(c"Return True if the view and the given iterable have a null intersection.");

/// Getsets of every view.
pub(crate) static mut VIEW_GETSETS: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"mapping".as_ptr(),
        get: Some(view_mapping),
        set: None,
        doc: c"dictionary that this view refers to".as_ptr(),
        closure: core::ptr::null_mut(),
    },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

unsafe extern "C" fn view_mapping(v: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(crate::objects::mappingproxy::new(view_dict(v)))
}

/// A new set of `o`'s elements (a keys view of an exact dict is read through the dict).
unsafe fn to_set(o: *mut PyObject) -> PyResult<PyRef> {
    let mut src = o;
    if (*o).ob_type == &raw mut PyDictKeys_Type && dict::is_exact(view_dict(o)) {
        src = view_dict(o);
    }
    set::new(false, src)
}

/// Whether `key` is in view `v` (a key, or a `(key, value)` pair).
unsafe fn view_contains(v: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    crate::abstract_::sequence::contains(v, key)
}

unsafe fn size(o: *mut PyObject) -> PyResult<isize> {
    crate::abstract_::object::size(o)
}

unsafe extern "C" fn view_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = to_set(a)?;
        set::update(r.as_ptr(), b)?;
        Ok(r)
    })())
}

unsafe extern "C" fn view_sub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = to_set(a)?;
        call_method(r.as_ptr(), c"difference_update", b)?;
        Ok(r)
    })())
}

unsafe extern "C" fn view_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = to_set(a)?;
        call_method(r.as_ptr(), c"symmetric_difference_update", b)?;
        Ok(r)
    })())
}

unsafe fn call_method(o: *mut PyObject, name: &core::ffi::CStr, arg: *mut PyObject) -> PyResult<PyRef> {
    let name = crate::object::object_attr::interned_name(name.as_ptr())?;
    let m = crate::object::object_attr::get_attr(o, name.as_ptr())?;
    let r = crate::abstract_::call::call_tuple(m.as_ptr(), crate::objects::tuple::from_ptrs(&[arg])?.as_ptr(), core::ptr::null_mut());
    crate::abstract_::from_slot(r)
}

/// `a & b` with one side a view: an exact set at least as big does the work itself; else
/// the larger of two views is probed while the other is iterated.
unsafe extern "C" fn view_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let (mut this, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
        let len_this = size(this)?;
        if (*other).ob_type == &raw mut set::PySet_Type && len_this <= size(other)? {
            return call_method(other, c"intersection", this);
        }
        if is_set_view(other) && size(other)? > len_this {
            core::mem::swap(&mut this, &mut other);
        }
        let r = set::new(false, core::ptr::null_mut())?;
        let it = crate::abstract_::iter::get_iter(other)?;
        while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
            if view_contains(this, x.as_ptr())? {
                set::add(r.as_ptr(), x.as_ptr())?;
            }
        }
        Ok(r)
    })())
}

unsafe extern "C" fn view_isdisjoint(v: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<bool> {
        if v == other {
            return Ok(size(v)? == 0);
        }
        let (mut this, mut it_over) = (v, other);
        if (set::is_any_set(other) || is_set_view(other)) && size(other)? > size(v)? {
            core::mem::swap(&mut this, &mut it_over);
        }
        let it = crate::abstract_::iter::get_iter(it_over)?;
        while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
            if view_contains(this, x.as_ptr())? {
                return Ok(false);
            }
        }
        Ok(true)
    })();
    match r {
        Ok(b) => bool_ref(b).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}
