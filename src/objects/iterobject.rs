//! The iterator over any object with `sq_item` (`iter(seq)` of a type without `tp_iter`,
//! `PySeqIter_New`): asks for items 0, 1, 2, ... until IndexError or StopIteration, then
//! drops the sequence so later calls stay at the end.
use core::ffi::{c_int, c_void};

use crate::abstract_::{null_error, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::pyerr;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::pyport::Py_ssize_t;

/// A sequence iterator: the next index and the sequence (NULL once exhausted).
#[repr(C)]
struct SeqIter {
    ob_base: PyObject,
    it_index: Py_ssize_t,
    it_seq: *mut PyObject,
}

// The pickling methods of reduce_forms read this layout.
const _: () = assert!(
    core::mem::offset_of!(SeqIter, it_index) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_index)
        && core::mem::offset_of!(SeqIter, it_seq) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_seq)
);

static mut SEQITER_METHODS: [crate::object::methods::PyMethodDef; 4] = [
    crate::object::method_table::plain(c"__length_hint__", seqiter_length_hint, crate::object::methods::METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    crate::objects::reduce_forms::INDEXED_REDUCE,
    crate::objects::reduce_forms::INDEXED_SETSTATE,
    crate::object::method_table::END,
];

/// `__length_hint__`: the sequence's length less the items taken, when it has a length
/// (NotImplemented otherwise, so `operator.length_hint` falls back to its default).
unsafe extern "C" fn seqiter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut SeqIter;
    let seq = (*it).it_seq;
    if seq.is_null() {
        return ret_obj(crate::objects::int::from_i64(0));
    }
    ret_obj((|| {
        match crate::abstract_::object::size(seq) {
            Ok(n) => crate::objects::int::from_i64((n - (*it).it_index).max(0) as i64),
            Err(_) if pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 => {
                pyerr::PyErr_Clear();
                Ok(crate::abstract_::new_ref(crate::abstract_::not_implemented()))
            }
            Err(e) => Err(e),
        }
    })())
}

/// `PySeqIter_Type`: CPython names it `iterator`.
#[no_mangle]
pub static mut PySeqIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(seqiter_dealloc),
    tp_traverse: Some(seqiter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(seqiter_next),
    tp_methods: &raw mut SEQITER_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"iterator", core::mem::size_of::<SeqIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// A new iterator over sequence `seq`.
///
/// # Safety
/// `seq` is a live object.
pub(crate) unsafe fn seq_iter_new(seq: *mut PyObject) -> PyResult<PyRef> {
    let it = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PySeqIter_Type, 0)).ok_or_else(no_memory)?;
    let p = it.as_ptr() as *mut SeqIter;
    (*p).it_index = 0;
    (*p).it_seq = crate::abstract_::new_ref(seq).into_ptr();
    PyObject_GC_Track(p as *mut c_void);
    Ok(it)
}

/// `PyObject *PySeqIter_New(PyObject *seq)`.
#[no_mangle]
pub unsafe extern "C" fn PySeqIter_New(seq: *mut PyObject) -> *mut PyObject {
    if seq.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(seq_iter_new(seq))
}

unsafe extern "C" fn seqiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut SeqIter;
    let seq = (*it).it_seq;
    if seq.is_null() {
        return core::ptr::null_mut();
    }
    match crate::abstract_::item::seq_get_item(seq, (*it).it_index) {
        Ok(v) => {
            (*it).it_index += 1;
            v.into_ptr()
        }
        Err(_) => {
            let err = pyerr::PyErr_Occurred();
            let ends = [&raw mut exc::_PyExc_IndexError, &raw mut exc::_PyExc_StopIteration];
            if ends.iter().any(|&e| pyerr::PyErr_GivenExceptionMatches(err, e as *mut PyObject) != 0) {
                pyerr::PyErr_Clear();
                (*it).it_seq = core::ptr::null_mut();
                drop(PyRef::from_owned(seq));
            }
            core::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn seqiter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let it = op as *mut SeqIter;
    drop(PyRef::from_owned((*it).it_seq));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn seqiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let seq = (*(op as *mut SeqIter)).it_seq;
    match visit {
        Some(v) if !seq.is_null() => v(seq, arg),
        _ => 0,
    }
}

// ---- The callable iterator (`iter(callable, sentinel)`, `PyCallIter_New`) ------------------

/// Calls `it_callable` until it returns something equal to `it_sentinel` (or raises
/// StopIteration); both are dropped then, so the iterator stays exhausted.
#[repr(C)]
struct CallIter {
    ob_base: PyObject,
    it_callable: *mut PyObject,
    it_sentinel: *mut PyObject,
}

/// `PyCallIter_Type`: CPython names it `callable_iterator`.
#[no_mangle]
pub static mut PyCallIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(calliter_dealloc),
    tp_traverse: Some(calliter_traverse),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(calliter_next),
    tp_methods: &raw mut CALLITER_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"callable_iterator", core::mem::size_of::<CallIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

static mut CALLITER_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", calliter_reduce, crate::object::methods::METH_NOARGS).doc(c"Return state information for pickling."),
    crate::object::method_table::END,
];

/// `(iter, (callable, sentinel))`, or `(iter, ((),))` once exhausted.
unsafe extern "C" fn calliter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut CallIter;
    ret_obj((|| {
        let iter = crate::objects::reduce_forms::builtin("iter")?;
        if (*it).it_callable.is_null() || (*it).it_sentinel.is_null() {
            return crate::objects::reduce_forms::reduce_one(iter, crate::objects::tuple::new(0)?);
        }
        let args = crate::objects::tuple::from_ptrs(&[(*it).it_callable, (*it).it_sentinel])?;
        crate::objects::tuple::from_vec(vec![iter, args])
    })())
}

/// `PyObject *PyCallIter_New(PyObject *callable, PyObject *sentinel)`.
#[no_mangle]
pub unsafe extern "C" fn PyCallIter_New(callable: *mut PyObject, sentinel: *mut PyObject) -> *mut PyObject {
    if callable.is_null() || sentinel.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    let it = temp_alloc::gc_new_var(&raw mut PyCallIter_Type, 0) as *mut CallIter;
    if it.is_null() {
        let _ = no_memory();
        return core::ptr::null_mut();
    }
    (*it).it_callable = crate::abstract_::new_ref(callable).into_ptr();
    (*it).it_sentinel = crate::abstract_::new_ref(sentinel).into_ptr();
    PyObject_GC_Track(it as *mut c_void);
    it as *mut PyObject
}

unsafe fn calliter_exhaust(it: *mut CallIter) {
    drop(PyRef::from_owned(core::mem::replace(&mut (*it).it_callable, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut (*it).it_sentinel, core::ptr::null_mut())));
}

/// The callable may exhaust this very iterator (dropping callable and sentinel), so both are
/// held across the call and the comparison; an iterator exhausted meanwhile just stops.
unsafe extern "C" fn calliter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut CallIter;
    if (*it).it_callable.is_null() {
        return core::ptr::null_mut();
    }
    let callable = crate::abstract_::new_ref((*it).it_callable);
    let r = crate::abstract_::call::vectorcall(callable.as_ptr(), core::ptr::null(), 0, core::ptr::null_mut());
    match PyRef::from_owned(r) {
        Some(result) => {
            if (*it).it_sentinel.is_null() {
                return core::ptr::null_mut();
            }
            let sentinel = crate::abstract_::new_ref((*it).it_sentinel);
            match crate::abstract_::compare::rich_compare_bool(sentinel.as_ptr(), result.as_ptr(), crate::object::object::Py_EQ) {
                Ok(false) => result.into_ptr(),
                Ok(true) => {
                    calliter_exhaust(it);
                    core::ptr::null_mut()
                }
                Err(_) => core::ptr::null_mut(),
            }
        }
        None => {
            if pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_StopIteration as *mut PyObject) != 0 {
                pyerr::PyErr_Clear();
                calliter_exhaust(it);
            }
            core::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn calliter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    calliter_exhaust(op as *mut CallIter);
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn calliter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let it = op as *mut CallIter;
    let Some(v) = visit else { return 0 };
    for p in [(*it).it_callable, (*it).it_sentinel] {
        if !p.is_null() {
            let r = v(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}
