//! Filling a type's dict at readying from what the type defines in C: slot wrappers for its
//! own slots (`__add__` for `nb_add`, ...), `__new__` for its own `tp_new`, then descriptors
//! for `tp_methods`, `tp_members` and `tp_getset`. A name already in the dict is kept,
//! except for a method flagged `METH_COEXIST`, which replaces a slot wrapper.
use core::ffi::CStr;

use crate::errors::exception_types::_PyExc_ValueError;
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::descr_objects::*;
use crate::object::member::PyMemberDef;
use crate::object::methods::*;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, str as pystr};

/// Adds `name: value` to the type dict unless the name is there (or always, `replace`).
unsafe fn add(d: *mut PyObject, name: *const core::ffi::c_char, value: *mut PyObject, replace: bool) -> PyResult<()> {
    let value = PyRef::from_owned(value).ok_or_else(Raised::assume_set)?;
    let key = PyRef::from_owned(pystr::PyUnicode_InternFromString(name)).ok_or_else(Raised::assume_set)?;
    if !replace && dict::get_item(d, key.as_ptr())?.is_some() {
        return Ok(());
    }
    dict::set_item(d, key.as_ptr(), value.as_ptr())
}

/// Everything readying puts in the dict of `tp` from its C definition; `own_new` says
/// whether the type defined `tp_new` itself (before inheriting one).
///
/// # Safety
/// `tp` is a type being readied, with its dict created.
pub(crate) unsafe fn fill(tp: *mut PyTypeObject, own_new: bool) -> PyResult<()> {
    let d = (*tp).tp_dict;
    crate::object::slot_wrappers::add_operators(tp, own_new)?;
    let mut ml = (*tp).tp_methods;
    while !ml.is_null() && !(*ml).ml_name.is_null() {
        add_method(tp, d, ml)?;
        ml = ml.add(1);
    }
    let mut m: *mut PyMemberDef = (*tp).tp_members;
    while !m.is_null() && !(*m).name.is_null() {
        add(d, (*m).name, PyDescr_NewMember(tp, m), false)?;
        m = m.add(1);
    }
    let mut gs: *mut PyGetSetDef = (*tp).tp_getset;
    while !gs.is_null() && !(*gs).name.is_null() {
        add(d, (*gs).name, PyDescr_NewGetSet(tp, gs), false)?;
        gs = gs.add(1);
    }
    Ok(())
}

unsafe fn add_method(tp: *mut PyTypeObject, d: *mut PyObject, ml: *mut PyMethodDef) -> PyResult<()> {
    let flags = (*ml).ml_flags;
    let replace = flags & METH_COEXIST != 0;
    if !replace {
        let name = CStr::from_ptr((*ml).ml_name).to_str().unwrap_or("");
        if dict::get_item_str(d, name)?.is_some() {
            return Ok(());
        }
    }
    let descr = if flags & METH_CLASS != 0 {
        if flags & METH_STATIC != 0 {
            return Err(raise_type(&raw mut _PyExc_ValueError, "method cannot be both class and static"));
        }
        PyDescr_NewClassMethod(tp, ml)
    } else if flags & METH_STATIC != 0 {
        crate::objects::classmethod::static_method_from_def(tp, ml)?.into_ptr()
    } else {
        PyDescr_NewMethod(tp, ml)
    };
    add(d, (*ml).ml_name, descr, replace)
}
