//! `_collections._tuplegetter(index, doc)`: the read-only field descriptors of the classes
//! `namedtuple` makes.
use core::ffi::c_int;

use crate::abstract_::{new_ref, none, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::itertools::repr_string;
use crate::object::member::{PyMemberDef, T_OBJECT};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::{int, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

#[repr(C)]
struct TupleGetter {
    ob_base: PyObject,
    doc: *mut PyObject,
    index: Py_ssize_t,
}

unsafe extern "C" fn tg_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = crate::modules::itertools::positional(c"_tuplegetter", tp, &raw mut TupleGetter_Type, args, kwds, 2, 2)?;
        let index = crate::abstract_::item::as_ssize(a[0], Some(&raw mut exc::_PyExc_OverflowError))?;
        let op = crate::objects::iter_common::alloc(tp)?;
        let g = op.as_ptr() as *mut TupleGetter;
        (*g).index = index;
        (*g).doc = new_ref(a[1]).into_ptr();
        Ok(op)
    })())
}

unsafe extern "C" fn tg_get(op: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    let g = op as *mut TupleGetter;
    if obj.is_null() || obj == none() {
        return new_ref(op).into_ptr();
    }
    ret_obj((|| -> PyResult<PyRef> {
        if !tuple::is_tuple(obj) {
            return Err(type_error(format!(
                "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
                (*g).index,
                tp_name(obj)
            )));
        }
        let items = tuple::items(obj);
        match usize::try_from((*g).index).ok().and_then(|i| items.get(i)) {
            Some(&v) => Ok(new_ref(v)),
            None => Err(raise_type(&raw mut exc::_PyExc_IndexError, "tuple index out of range")),
        }
    })())
}

unsafe extern "C" fn tg_set(_op: *mut PyObject, _obj: *mut PyObject, value: *mut PyObject) -> c_int {
    let what = if value.is_null() { "can't delete attribute" } else { "can't set attribute" };
    let _ = raise_type(&raw mut exc::_PyExc_AttributeError, what);
    -1
}

unsafe extern "C" fn tg_repr(op: *mut PyObject) -> *mut PyObject {
    let g = op as *mut TupleGetter;
    ret_obj((|| pystr::from_utf8(&format!("_tuplegetter({}, {})", (*g).index, repr_string((*g).doc)?)))())
}

unsafe extern "C" fn tg_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let g = op as *mut TupleGetter;
    ret_obj((|| -> PyResult<PyRef> {
        let args = tuple::from_vec(vec![int::from_i64((*g).index as i64)?, new_ref((*g).doc)])?;
        tuple::from_vec(vec![new_ref((*op).ob_type as *mut PyObject), args])
    })())
}

unsafe extern "C" fn tg_dealloc(op: *mut PyObject) {
    crate::objects::iter_common::dealloc_fields(op, 1)
}

unsafe extern "C" fn tg_traverse(op: *mut PyObject, visit: visitproc, arg: *mut core::ffi::c_void) -> c_int {
    crate::objects::iter_common::traverse_fields(op, 1, visit, arg)
}

static mut TG_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef { name: c"__doc__".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(TupleGetter, doc) as isize, flags: 0, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut TG_METHODS: [PyMethodDef; 2] = [plain(c"__reduce__", tg_reduce, METH_NOARGS), END];

/// `_collections._tuplegetter`.
pub static mut TupleGetter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(tg_dealloc),
    tp_repr: Some(tg_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(tg_traverse),
    tp_descr_get: Some(tg_get),
    tp_descr_set: Some(tg_set),
    tp_members: &raw mut TG_MEMBERS as *mut PyMemberDef,
    tp_methods: &raw mut TG_METHODS as *mut PyMethodDef,
    tp_new: Some(tg_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(c"_collections._tuplegetter", core::mem::size_of::<TupleGetter>(), 0, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, None)
};

