//! `map(func, *iterables)`: func applied to one item of each iterator, until the shortest
//! ends.
use core::ffi::{c_int, c_void};

use crate::abstract_::{ret_obj, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::iter_common::{alloc, dealloc_fields_nested, no_keywords, traverse_fields};
use crate::objects::tuple;

#[repr(C)]
struct Map {
    ob_base: PyObject,
    iters: *mut PyObject,
    func: *mut PyObject,
}

/// `PyMap_Type`.
#[no_mangle]
pub static mut PyMap_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(map_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(map_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(map_next),
    tp_methods: &raw mut MAP_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_new: Some(map_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"map",
        core::mem::size_of::<Map>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted."),
    )
};

unsafe extern "C" fn map_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        if crate::objects::iter_common::refuses_keywords(tp, &raw mut PyMap_Type) {
            no_keywords("map", kwds)?;
        }
        let a = if args.is_null() { &[][..] } else { tuple::items(args) };
        if a.len() < 2 {
            return Err(type_error("map() must have at least two arguments."));
        }
        let mut its = Vec::with_capacity(a.len() - 1);
        for &x in &a[1..] {
            its.push(crate::abstract_::iter::get_iter(x)?);
        }
        let op = alloc(tp)?;
        let m = op.as_ptr() as *mut Map;
        (*m).iters = tuple::from_vec(its)?.into_ptr();
        (*m).func = crate::abstract_::new_ref(a[0]).into_ptr();
        Ok(op)
    })();
    ret_obj(r)
}

unsafe extern "C" fn map_next(op: *mut PyObject) -> *mut PyObject {
    let m = op as *mut Map;
    let its = tuple::items((*m).iters);
    let mut args = Vec::with_capacity(its.len());
    for &it in its {
        match crate::abstract_::iter::next(it) {
            Ok(Some(v)) => args.push(v),
            _ => return core::ptr::null_mut(),
        }
    }
    let ptrs: Vec<*mut PyObject> = args.iter().map(PyRef::as_ptr).collect();
    crate::abstract_::call::vectorcall((*m).func, ptrs.as_ptr(), ptrs.len(), core::ptr::null_mut())
}

unsafe extern "C" fn map_dealloc(op: *mut PyObject) {
    dealloc_fields_nested(op, 2, map_dealloc);
}

unsafe extern "C" fn map_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 2, visit, arg)
}

static mut MAP_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", map_reduce, crate::object::methods::METH_NOARGS).doc(c"Return state information for pickling."),
    crate::object::method_table::END,
];

/// `(type(m), (func, *iterators))`.
unsafe extern "C" fn map_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let m = op as *mut Map;
    ret_obj((|| {
        let mut args = vec![(*m).func];
        args.extend_from_slice(tuple::items((*m).iters));
        let args = tuple::from_ptrs(&args)?;
        tuple::from_vec(vec![crate::abstract_::new_ref((*op).ob_type as *mut PyObject), args])
    })())
}
