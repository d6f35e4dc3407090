//! `filter(function or None, iterable)`: the items for which function(item) is true (the
//! items themselves when the function is None or `bool`).
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
struct Filter {
    ob_base: PyObject,
    func: *mut PyObject,
    it: *mut PyObject,
}

/// `PyFilter_Type`.
#[no_mangle]
pub static mut PyFilter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(filter_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(filter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(filter_next),
    tp_methods: &raw mut FILTER_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_new: Some(filter_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"filter",
        core::mem::size_of::<Filter>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true."),
    )
};

unsafe extern "C" fn filter_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        if crate::objects::iter_common::refuses_keywords(tp, &raw mut PyFilter_Type) {
            no_keywords("filter", kwds)?;
        }
        let a = if args.is_null() { &[][..] } else { tuple::items(args) };
        if a.len() != 2 {
            return Err(type_error(format!("filter expected 2 arguments, got {}", a.len())));
        }
        let it = crate::abstract_::iter::get_iter(a[1])?;
        let op = alloc(tp)?;
        let f = op.as_ptr() as *mut Filter;
        (*f).func = crate::abstract_::new_ref(a[0]).into_ptr();
        (*f).it = it.into_ptr();
        Ok(op)
    })();
    ret_obj(r)
}

unsafe extern "C" fn filter_next(op: *mut PyObject) -> *mut PyObject {
    let f = op as *mut Filter;
    let truth_only = (*f).func == crate::abstract_::none()
        || (*f).func == &raw mut crate::objects::bool::PyBool_Type as *mut PyObject;
    loop {
        let item = match crate::abstract_::iter::next((*f).it) {
            Ok(Some(v)) => v,
            _ => return core::ptr::null_mut(),
        };
        let keep = if truth_only {
            crate::abstract_::object::is_true(item.as_ptr())
        } else {
            let args = [item.as_ptr()];
            crate::abstract_::from_slot(crate::abstract_::call::vectorcall((*f).func, args.as_ptr(), 1, core::ptr::null_mut()))
                .and_then(|r| crate::abstract_::object::is_true(r.as_ptr()))
        };
        match keep {
            Ok(true) => return item.into_ptr(),
            Ok(false) => {}
            Err(_) => return core::ptr::null_mut(),
        }
    }
}

unsafe extern "C" fn filter_dealloc(op: *mut PyObject) {
    dealloc_fields_nested(op, 2, filter_dealloc);
}

unsafe extern "C" fn filter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 2, visit, arg)
}

static mut FILTER_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", filter_reduce, crate::object::methods::METH_NOARGS).doc(c"Return state information for pickling."),
    crate::object::method_table::END,
];

/// `(type(f), (func, iterator))`.
unsafe extern "C" fn filter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let f = op as *mut Filter;
    ret_obj((|| {
        let args = tuple::from_ptrs(&[(*f).func, (*f).it])?;
        tuple::from_vec(vec![crate::abstract_::new_ref((*op).ob_type as *mut PyObject), args])
    })())
}
