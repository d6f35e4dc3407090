//! `array.arrayiterator`: what `iter(array)` returns. It lets go of the array once
//! exhausted (so `__reduce__` then gives `(iter, ((),))`, as CPython) and can be restored
//! at an index by `__setstate__` (pickling).
use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_DISALLOW_INSTANTIATION};
use crate::objects::tuple;

use super::object::{self as arr, len};

#[repr(C)]
struct ArrayIter {
    ob_base: PyObject,
    /// The array, NULL once exhausted.
    array: *mut PyObject,
    index: usize,
}

pub(crate) unsafe extern "C" fn array_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let tp = &raw mut ARRAY_ITER_TYPE;
        let it = crate::modules::owned(crate::object::temp_alloc::gc_new_var(tp, 0))?;
        let r = it.as_ptr() as *mut ArrayIter;
        (*r).array = new_ref(op).into_ptr();
        (*r).index = 0;
        crate::object::objimpl::PyObject_GC_Track(it.as_ptr().cast());
        Ok(it)
    })())
}

unsafe extern "C" fn iter_dealloc(op: *mut PyObject) {
    crate::objects::iter_common::dealloc_fields(op, 1)
}

unsafe extern "C" fn iter_traverse(op: *mut PyObject, visit: crate::object::slots::visitproc, arg: *mut core::ffi::c_void) -> core::ffi::c_int {
    crate::objects::iter_common::traverse_fields(op, 1, visit, arg)
}

unsafe extern "C" fn iter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut ArrayIter;
    let a = (*it).array;
    if a.is_null() {
        return core::ptr::null_mut();
    }
    if (*it).index >= len(a) {
        (*it).array = core::ptr::null_mut();
        drop(PyRef::from_owned(a));
        return core::ptr::null_mut();
    }
    (*it).index += 1;
    ret_obj(arr::get(a, (*it).index - 1))
}

unsafe fn builtin_iter() -> PyResult<*mut PyObject> {
    let builtins = crate::modules::builtins_module::PyEval_GetBuiltins();
    Ok(crate::objects::dict::get_item_str(builtins, "iter")?.unwrap_or(crate::abstract_::none()))
}

unsafe extern "C" fn iter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let it = op as *mut ArrayIter;
        let iter = new_ref(builtin_iter()?);
        if (*it).array.is_null() {
            let inner = tuple::from_slice(&[tuple::new(0)?])?;
            return tuple::from_slice(&[iter, inner]);
        }
        let inner = tuple::from_slice(&[new_ref((*it).array)])?;
        tuple::from_slice(&[iter, inner, crate::objects::int::from_i64((*it).index as i64)?])
    })())
}

unsafe extern "C" fn iter_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let index = crate::objects::long_convert::PyLong_AsSsize_t(state);
    if index == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return core::ptr::null_mut();
    }
    let it = op as *mut ArrayIter;
    if !(*it).array.is_null() {
        (*it).index = (index.max(0) as usize).min(len((*it).array));
    }
    crate::modules::none_ref().into_ptr()
}

static mut ITER_METHODS: [PyMethodDef; 3] = [
    plain(c"__reduce__", iter_reduce, METH_NOARGS).doc(c"__reduce__($self, /)\n--\n\nReturn state information for pickling."),
    plain(c"__setstate__", iter_setstate, METH_O).doc(c"__setstate__($self, state, /)\n--\n\nSet state information for unpickling."),
    END,
];

pub(crate) static mut ARRAY_ITER_TYPE: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(iter_dealloc),
    tp_traverse: Some(iter_traverse),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(iter_next),
    tp_methods: (&raw mut ITER_METHODS) as *mut PyMethodDef,
    ..static_type(
        c"array.arrayiterator",
        core::mem::size_of::<ArrayIter>(),
        0,
        Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | Py_TPFLAGS_DISALLOW_INSTANTIATION | crate::object::typeobject::Py_TPFLAGS_HAVE_GC,
        None,
    )
};
