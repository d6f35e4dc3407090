//! `reversed(seq)`: the object's `__reversed__`, else an iterator over a sequence's items
//! from the last (by `sq_item`), with `__length_hint__`.
use core::ffi::{c_int, c_void};

use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::pyerr;
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::object::method_table::{plain, END};
use crate::objects::iter_common::{alloc, dealloc_fields_nested, no_keywords, traverse_fields};
use crate::objects::{int, tuple};
use crate::pyport::Py_ssize_t;

#[repr(C)]
struct Reversed {
    ob_base: PyObject,
    seq: *mut PyObject,
    index: Py_ssize_t,
}

static mut REVERSED_METHODS: [PyMethodDef; 4] = [
    plain(c"__length_hint__", reversed_length_hint, METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    plain(c"__reduce__", reversed_reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    plain(c"__setstate__", reversed_setstate, METH_O).doc(c"Set state information for unpickling."),
    END,
];

/// `PyReversed_Type`.
#[no_mangle]
pub static mut PyReversed_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(reversed_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(reversed_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(reversed_next),
    tp_methods: &raw mut REVERSED_METHODS as *mut PyMethodDef,
    tp_new: Some(reversed_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"reversed",
        core::mem::size_of::<Reversed>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"reversed(sequence, /)\n--\n\nReturn a reverse iterator over the values of the given sequence."),
    )
};

unsafe extern "C" fn reversed_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        if tp == &raw mut PyReversed_Type {
            no_keywords("reversed", kwds)?;
        }
        let a = if args.is_null() { &[][..] } else { tuple::items(args) };
        if a.len() != 1 {
            return Err(type_error(format!("reversed expected 1 argument, got {}", a.len())));
        }
        let seq = a[0];
        let name = crate::objects::str::intern("__reversed__")?;
        let method = crate::object::type_cache::_PyType_Lookup((*seq).ob_type, name.as_ptr());
        if method == crate::abstract_::none() {
            return Err(type_error(format!("'{}' object is not reversible", tp_name(seq))));
        }
        if !method.is_null() {
            let f = crate::abstract_::object::lookup_special(seq, "__reversed__")?;
            if let Some(f) = f {
                return crate::abstract_::from_slot(crate::abstract_::call::vectorcall(f.as_ptr(), core::ptr::null(), 0, core::ptr::null_mut()));
            }
        }
        if !crate::abstract_::sequence::is_sequence(seq) || crate::objects::dict::is_dict(seq) {
            return Err(type_error(format!("'{}' object is not reversible", tp_name(seq))));
        }
        let n = crate::abstract_::sequence::size(seq)?;
        let op = alloc(tp)?;
        let ro = op.as_ptr() as *mut Reversed;
        (*ro).seq = crate::abstract_::new_ref(seq).into_ptr();
        (*ro).index = n - 1;
        Ok(op)
    })();
    ret_obj(r)
}

unsafe extern "C" fn reversed_next(op: *mut PyObject) -> *mut PyObject {
    let ro = op as *mut Reversed;
    if (*ro).index >= 0 && !(*ro).seq.is_null() {
        match crate::abstract_::item::seq_get_item((*ro).seq, (*ro).index) {
            Ok(v) => {
                (*ro).index -= 1;
                return v.into_ptr();
            }
            Err(_) => {
                let err = pyerr::PyErr_Occurred();
                let ends = [&raw mut exc::_PyExc_IndexError, &raw mut exc::_PyExc_StopIteration];
                if !ends.iter().any(|&e| pyerr::PyErr_GivenExceptionMatches(err, e as *mut PyObject) != 0) {
                    return core::ptr::null_mut();
                }
                pyerr::PyErr_Clear();
            }
        }
    }
    (*ro).index = -1;
    drop(PyRef::from_owned(core::mem::replace(&mut (*ro).seq, core::ptr::null_mut())));
    core::ptr::null_mut()
}

unsafe extern "C" fn reversed_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let ro = op as *mut Reversed;
    if (*ro).seq.is_null() {
        return ret_obj(int::from_i64(0));
    }
    let n = crate::abstract_::sequence::PySequence_Size((*ro).seq);
    if n == -1 {
        return core::ptr::null_mut();
    }
    ret_obj(int::from_i64(if n < (*ro).index { 0 } else { (*ro).index as i64 + 1 }))
}

unsafe extern "C" fn reversed_dealloc(op: *mut PyObject) {
    dealloc_fields_nested(op, 1, reversed_dealloc);
}

unsafe extern "C" fn reversed_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 1, visit, arg)
}

/// `(reversed, (seq,), index)`, or `(reversed, ((),))` once exhausted.
unsafe extern "C" fn reversed_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let ro = op as *mut Reversed;
    ret_obj((|| {
        let tp = crate::abstract_::new_ref((*op).ob_type as *mut PyObject);
        if (*ro).seq.is_null() {
            return crate::objects::reduce_forms::reduce_one(tp, tuple::new(0)?);
        }
        crate::objects::reduce_forms::reduce_at(tp, (*ro).seq, int::from_i64((*ro).index as i64)?)
    })())
}

/// `__setstate__(index)`: clamped to `-1..=len(seq)-1`; an exhausted iterator stays so.
unsafe extern "C" fn reversed_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let ro = op as *mut Reversed;
    ret_obj((|| {
        let index = crate::objects::reduce_forms::state_index(state)?;
        if !(*ro).seq.is_null() {
            let n = crate::abstract_::sequence::size((*ro).seq)?;
            (*ro).index = index.clamp(-1, (n - 1).max(-1));
        }
        Ok(crate::abstract_::new_ref(crate::abstract_::none()))
    })())
}
