//! `types.SimpleNamespace` (`_PyNamespace_Type`, `_PyNamespace_New`): an object whose
//! attributes live in its `__dict__`, made from keyword arguments, with a repr listing them
//! and equality by dict.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, not_implemented, null_error, ret_obj, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::objimpl::PyObject_GC_UnTrack;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::object::method_table::{plain, END};
use crate::objects::{dict, str as pystr, tuple};

#[repr(C)]
struct Namespace {
    ob_base: PyObject,
    ns_dict: *mut PyObject,
}

static mut NS_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"__dict__".as_ptr(),
        r#type: T_OBJECT,
        offset: core::mem::offset_of!(Namespace, ns_dict) as isize,
        flags: READONLY,
        doc: core::ptr::null(),
    },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut NS_METHODS: [PyMethodDef; 2] =
    [plain(c"__reduce__", ns_reduce, METH_NOARGS).doc(c"Return state information for pickling"), END];

/// `_PyNamespace_Type`: `types.SimpleNamespace`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyNamespace_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(ns_dealloc),
    tp_repr: Some(ns_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_traverse: Some(ns_traverse),
    tp_clear: Some(ns_clear),
    tp_richcompare: Some(ns_richcompare),
    tp_methods: &raw mut NS_METHODS as *mut PyMethodDef,
    tp_members: &raw mut NS_MEMBERS as *mut PyMemberDef,
    tp_dictoffset: core::mem::offset_of!(Namespace, ns_dict) as isize,
    tp_init: Some(ns_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(ns_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"types.SimpleNamespace",
        core::mem::size_of::<Namespace>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)"),
    )
};

unsafe fn ns_type() -> *mut PyTypeObject {
    &raw mut _PyNamespace_Type
}

unsafe fn new_of(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let f = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = PyRef::from_owned(f(tp, 0)).ok_or_else(Raised::assume_set)?;
    (*(op.as_ptr() as *mut Namespace)).ns_dict = dict::new()?.into_ptr();
    Ok(op)
}

unsafe extern "C" fn ns_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    ret_obj(new_of(tp))
}

unsafe extern "C" fn ns_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        if !args.is_null() && tuple::len(args) != 0 {
            return Err(type_error("no positional arguments expected"));
        }
        if kwds.is_null() {
            return Ok(());
        }
        if dict::items(kwds).iter().any(|&(k, _)| !pystr::is_str(k)) {
            return Err(type_error("keywords must be strings"));
        }
        dict::merge((*(op as *mut Namespace)).ns_dict, kwds, 1)
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// `PyObject *_PyNamespace_New(PyObject *kwds)`: a SimpleNamespace holding `kwds`' items.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyNamespace_New(kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let ns = new_of(ns_type())?;
        if !kwds.is_null() {
            if !dict::is_dict(kwds) {
                return Err(null_error());
            }
            dict::merge((*(ns.as_ptr() as *mut Namespace)).ns_dict, kwds, 1)?;
        }
        Ok(ns)
    })();
    ret_obj(r)
}

unsafe extern "C" fn ns_repr(op: *mut PyObject) -> *mut PyObject {
    let tp = (*op).ob_type;
    let name = if tp == ns_type() { String::from("namespace") } else { crate::abstract_::type_name_of(tp) };
    let r = crate::abstract_::object::repr_guarded(op, &format!("{name}(...)"), || {
        let mut text = format!("{name}(");
        let d = (*(op as *mut Namespace)).ns_dict;
        let mut first = true;
        for (k, v) in dict::items(d) {
            if !pystr::is_str(k) {
                continue;
            }
            let (_hk, _hv) = (new_ref(k), new_ref(v));
            let vr = crate::abstract_::object::repr(v)?;
            if !first {
                text.push_str(", ");
            }
            first = false;
            text.push_str(&pystr::to_string(k));
            text.push('=');
            text.push_str(&pystr::to_string(vr.as_ptr()));
        }
        text.push(')');
        pystr::from_utf8(&text)
    });
    ret_obj(r)
}

unsafe extern "C" fn ns_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let both = crate::abstract_::is_instance_of(a, ns_type()) && crate::abstract_::is_instance_of(b, ns_type());
    if !both {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj(crate::abstract_::compare::rich_compare((*(a as *mut Namespace)).ns_dict, (*(b as *mut Namespace)).ns_dict, op))
}

unsafe extern "C" fn ns_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let d = (*(op as *mut Namespace)).ns_dict;
        tuple::from_vec(vec![new_ref((*op).ob_type as *mut PyObject), tuple::new(0)?, new_ref(d)])
    })();
    ret_obj(r)
}

unsafe extern "C" fn ns_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let tp = (*op).ob_type;
    ns_clear(op);
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::temp_alloc::free_gc_object(op as *mut c_void),
    }
    // A subclass made by a class statement is freed through subtype_dealloc, which
    // releases the instance's reference to its type after this (the base is static).
}

unsafe extern "C" fn ns_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = (*(op as *mut Namespace)).ns_dict;
    match visit {
        Some(v) if !d.is_null() => v(d, arg),
        _ => 0,
    }
}

unsafe extern "C" fn ns_clear(op: *mut PyObject) -> c_int {
    let d = core::mem::replace(&mut (*(op as *mut Namespace)).ns_dict, core::ptr::null_mut());
    drop(PyRef::from_owned(d));
    0
}
