//! `iter(tuple[int])`: the `generic_alias_iterator` that yields the starred alias
//! `*tuple[int]` once (what `*tuple[int]` in a subscript or star-expression unpacks).
use core::ffi::c_void;

use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::iter_common::{alloc, dealloc_fields, traverse_fields};
use crate::objects::tuple;

#[repr(C)]
struct GaIter {
    ob_base: PyObject,
    /// The alias to star; NULL once yielded.
    obj: *mut PyObject,
}

static mut GAITER_METHODS: [PyMethodDef; 2] = [plain(c"__reduce__", gaiter_reduce, METH_NOARGS), END];

/// The iterator type of generic aliases.
pub(crate) static mut GenericAliasIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(gaiter_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(gaiter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(gaiter_next),
    tp_methods: &raw mut GAITER_METHODS as *mut PyMethodDef,
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(c"generic_alias_iterator", core::mem::size_of::<GaIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// A new iterator over `alias`.
pub(crate) unsafe fn iter_of(alias: *mut PyObject) -> PyResult<PyRef> {
    let it = alloc(&raw mut GenericAliasIter_Type)?;
    (*(it.as_ptr() as *mut GaIter)).obj = new_ref(alias).into_ptr();
    Ok(it)
}

/// `tp_iter` of `types.GenericAlias`.
pub(crate) unsafe extern "C" fn ga_iter(alias: *mut PyObject) -> *mut PyObject {
    ret_obj(iter_of(alias))
}

unsafe extern "C" fn gaiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut GaIter;
    let Some(alias) = PyRef::from_owned(core::mem::replace(&mut (*it).obj, core::ptr::null_mut())) else {
        return core::ptr::null_mut();
    };
    let (origin, args) = crate::objects::generic_alias::parts(alias.as_ptr());
    ret_obj(crate::objects::generic_alias::new_of(&raw mut crate::objects::generic_alias::Py_GenericAliasType, origin, args, true))
}

/// `(iter, (alias,))`, or `(iter, ((),))` once exhausted.
unsafe extern "C" fn gaiter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let iter = crate::objects::reduce_forms::builtin("iter")?;
        let obj = (*(op as *mut GaIter)).obj;
        let arg = if obj.is_null() { tuple::new(0)? } else { new_ref(obj) };
        let inner = tuple::from_ptrs(&[arg.as_ptr()])?;
        tuple::from_ptrs(&[iter.as_ptr(), inner.as_ptr()])
    })();
    ret_obj(r)
}

unsafe extern "C" fn gaiter_dealloc(op: *mut PyObject) {
    dealloc_fields(op, 1)
}

unsafe extern "C" fn gaiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> core::ffi::c_int {
    traverse_fields(op, 1, visit, arg)
}
