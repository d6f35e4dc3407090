//! `tee(iterable, n=2)`: independent iterators over one source. The values read from the
//! source are kept in a linked list of fixed-size blocks (`_tee_dataobject`) that the `_tee`
//! iterators walk; a block is freed when the last iterator has left it.
use core::ffi::c_int;

use crate::abstract_::iter::{get_iter, next};
use crate::abstract_::{new_ref, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::args_slice;
use crate::modules::itertools::pickling::{args, reduce, reduce_def, setstate_def, state_int, state_items};
use crate::modules::itertools::{alloc_as, next_ret, positional, set_field, value_error};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::tuple;

/// Values per block.
const BLOCK: usize = 57;

#[repr(C)]
struct TeeData {
    ob_base: PyObject,
    it: *mut PyObject,
    nextlink: *mut PyObject,
    values: [*mut PyObject; BLOCK],
    numread: c_int,
    /// Set while reading from the source (a re-entrant read is RuntimeError).
    running: c_int,
}

/// `itertools._tee_dataobject`: not an iterator itself, only storage.
pub static mut TeeData_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(teedata_dealloc),
    tp_traverse: Some(teedata_traverse),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    tp_new: Some(teedata_new_wrapper),
    tp_methods: &raw mut TEEDATA_METHODS as *mut PyMethodDef,
    ..crate::object::static_type::static_type(
        c"itertools._tee_dataobject",
        core::mem::size_of::<TeeData>(),
        0,
        crate::object::typeobject::Py_TPFLAGS_HAVE_GC,
        Some(c"Data container common to multiple tee objects."),
    )
};

static mut TEEDATA_METHODS: [PyMethodDef; 2] = [reduce_def(teedata_reduce), END];

/// `(_tee_dataobject, (it, values_read, next_block_or_None))`.
unsafe extern "C" fn teedata_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let d = op as *mut TeeData;
    ret_obj((|| -> PyResult<PyRef> {
        let read = &(&(*d).values)[..(*d).numread as usize];
        let values = crate::objects::list::from_ptrs(read)?;
        let next = crate::modules::itertools::pickling::or_none((*d).nextlink);
        reduce(op, args(&[(*d).it, values.as_ptr(), next])?, None)
    })())
}

/// `_tee_dataobject(iterable, values, next, /)`: a block holding `values` already read from
/// `iterable`; a full block may name the block after it.
unsafe extern "C" fn teedata_new_wrapper(tp: *mut PyTypeObject, a: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = positional(c"_tee_dataobject", tp, &raw mut TeeData_Type, a, kwds, 3, 3)?;
        if !crate::objects::list::is_list(a[1]) {
            return Err(crate::abstract_::type_error(format!(
                "_tee_dataobject() argument 2 must be list, not {}",
                crate::abstract_::tp_name(a[1])
            )));
        }
        let values = crate::objects::list::items(a[1]);
        let next_ok = if values.len() == BLOCK {
            a[2] == crate::abstract_::none() || (*a[2]).ob_type == &raw mut TeeData_Type
        } else {
            values.len() < BLOCK && a[2] == crate::abstract_::none()
        };
        if !next_ok {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "_tee_dataobject() received an invalid value"));
        }
        let op = teedata_new(a[0])?;
        let d = op.as_ptr() as *mut TeeData;
        for (i, &v) in values.iter().enumerate() {
            (*d).values[i] = new_ref(v).into_ptr();
        }
        (*d).numread = values.len() as c_int;
        if a[2] != crate::abstract_::none() {
            (*d).nextlink = new_ref(a[2]).into_ptr();
        }
        Ok(op)
    })())
}

unsafe extern "C" fn teedata_dealloc(op: *mut PyObject) {
    teedata_unlink(op);
    crate::objects::iter_common::dealloc_fields(op, 2 + BLOCK)
}

unsafe extern "C" fn teedata_traverse(op: *mut PyObject, visit: crate::object::slots::visitproc, arg: *mut core::ffi::c_void) -> c_int {
    crate::objects::iter_common::traverse_fields(op, 2 + BLOCK, visit, arg)
}

/// Frees the chain after a block iteratively (a long chain would overflow the stack if each
/// block's dealloc freed the next recursively).
unsafe fn teedata_unlink(op: *mut PyObject) {
    let mut link = core::mem::replace(&mut (*(op as *mut TeeData)).nextlink, core::ptr::null_mut());
    while !link.is_null() && (*link).ob_refcnt == 1 {
        let after = core::mem::replace(&mut (*(link as *mut TeeData)).nextlink, core::ptr::null_mut());
        drop(PyRef::from_owned(link));
        link = after;
    }
    drop(PyRef::from_owned(link));
}

unsafe fn teedata_new(it: *mut PyObject) -> PyResult<PyRef> {
    let (op, d) = alloc_as::<TeeData>(&raw mut TeeData_Type)?;
    (*d).it = new_ref(it).into_ptr();
    Ok(op)
}

/// The value at `i` of a block, read from the source when it is the next one.
unsafe fn teedata_get(d: *mut TeeData, i: usize) -> PyResult<Option<PyRef>> {
    if i < (*d).numread as usize {
        return Ok(Some(new_ref((*d).values[i])));
    }
    if (*d).running != 0 {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "cannot re-enter the tee iterator"));
    }
    (*d).running = 1;
    let value = next((*d).it);
    (*d).running = 0;
    let Some(value) = value? else { return Ok(None) };
    (*d).values[i] = value.clone().into_ptr();
    (*d).numread += 1;
    Ok(Some(value))
}

#[repr(C)]
struct Tee {
    ob_base: PyObject,
    dataobj: *mut PyObject,
    index: c_int,
    weakreflist: *mut PyObject,
}

unsafe fn tee_clear_weakrefs(op: *mut PyObject) {
    crate::objects::weakref::clear_weakrefs_if_any(op);
}

static mut TEE_METHODS: [PyMethodDef; 4] = [
    plain(c"__copy__", tee_copy, METH_NOARGS).doc(c"Returns an independent iterator."),
    reduce_def(tee_reduce),
    setstate_def(tee_setstate),
    END,
];

iter_type!(Tee_Type, c"itertools._tee", Tee, 1, next: tee_next,
    doc: c"Iterator wrapped to make it copyable.", @drop tee_clear_weakrefs,
    tp_weaklistoffset: core::mem::offset_of!(Tee, weakreflist) as isize,
    tp_new: Some(tee_new_wrapper), tp_methods: &raw mut TEE_METHODS as *mut PyMethodDef);

/// `(_tee, ((),), (dataobject, index))`.
unsafe extern "C" fn tee_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let t = op as *mut Tee;
    ret_obj((|| -> PyResult<PyRef> {
        let empty = tuple::new(0)?;
        let index = crate::objects::int::from_i64((*t).index as i64)?;
        reduce(op, args(&[empty.as_ptr()])?, Some(args(&[(*t).dataobj, index.as_ptr()])?))
    })())
}

/// `__setstate__((dataobject, index))`, index in 0..=57.
unsafe extern "C" fn tee_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let t = op as *mut Tee;
    ret_obj((|| -> PyResult<PyRef> {
        let s = state_items(state, 2, 2)?;
        if (*s[0]).ob_type != &raw mut TeeData_Type {
            return Err(crate::abstract_::type_error(format!(
                "argument 1 must be itertools._tee_dataobject, not {}",
                crate::abstract_::tp_name(s[0])
            )));
        }
        let index = state_int(s[1])?;
        if !(0..=BLOCK as i64).contains(&index) {
            return Err(value_error("Index out of range"));
        }
        set_field(&raw mut (*t).dataobj, Some(new_ref(s[0])));
        (*t).index = index as c_int;
        Ok(new_ref(crate::abstract_::none()))
    })())
}

unsafe fn tee_from(dataobj: *mut PyObject, index: c_int) -> PyResult<PyRef> {
    let (op, t) = alloc_as::<Tee>(&raw mut Tee_Type)?;
    (*t).dataobj = new_ref(dataobj).into_ptr();
    (*t).index = index;
    Ok(op)
}

/// A tee over an iterable (a copy when it is already a tee).
unsafe fn tee_from_iterable(iterable: *mut PyObject) -> PyResult<PyRef> {
    let it = get_iter(iterable)?;
    if (*it.as_ptr()).ob_type == &raw mut Tee_Type {
        let t = it.as_ptr() as *mut Tee;
        return tee_from((*t).dataobj, (*t).index);
    }
    let data = teedata_new(it.as_ptr())?;
    tee_from(data.as_ptr(), 0)
}

unsafe extern "C" fn tee_new_wrapper(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = positional(c"_tee", tp, &raw mut Tee_Type, args, kwds, 1, 1)?;
        tee_from_iterable(a[0])
    })())
}

unsafe extern "C" fn tee_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let t = op as *mut Tee;
    ret_obj(tee_from((*t).dataobj, (*t).index))
}

unsafe extern "C" fn tee_next(op: *mut PyObject) -> *mut PyObject {
    let t = op as *mut Tee;
    next_ret((|| -> PyResult<Option<PyRef>> {
        if (*t).index as usize >= BLOCK {
            let d = (*t).dataobj as *mut TeeData;
            if (*d).nextlink.is_null() {
                (*d).nextlink = teedata_new((*d).it)?.into_ptr();
            }
            let link = new_ref((*d).nextlink);
            drop(PyRef::from_owned(core::mem::replace(&mut (*t).dataobj, link.into_ptr())));
            (*t).index = 0;
        }
        let v = teedata_get((*t).dataobj as *mut TeeData, (*t).index as usize)?;
        if v.is_some() {
            (*t).index += 1;
        }
        Ok(v)
    })())
}

/// `tee(iterable, n=2, /)`.
pub(crate) unsafe extern "C" fn tee_function(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"tee".as_ptr(), a.len() as isize, 1, 2) {
            return Err(Raised::assume_set());
        }
        let n = match a.get(1) {
            Some(&v) => crate::abstract_::item::as_ssize(v, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => 2,
        };
        if n < 0 {
            return Err(value_error("n must be >= 0"));
        }
        if n == 0 {
            return tuple::new(0);
        }
        let it = get_iter(a[0])?;
        let copy_name = crate::objects::str::intern("__copy__")?;
        let first = match crate::object::object_attr::lookup_attr(it.as_ptr(), copy_name.as_ptr())? {
            Some(_) => it,
            None => tee_from_iterable(it.as_ptr())?,
        };
        let mut out = Vec::with_capacity(n as usize);
        out.push(first.clone());
        if n > 1 {
            let copy = crate::object::object_attr::get_attr(first.as_ptr(), copy_name.as_ptr())?;
            for _ in 1..n {
                out.push(crate::modules::owned(crate::abstract_::call::PyObject_CallNoArgs(copy.as_ptr()))?);
            }
        }
        tuple::from_vec(out)
    })())
}
