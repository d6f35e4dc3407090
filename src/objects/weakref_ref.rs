//! `weakref.ref` (`_PyWeakref_RefType`, CPython's `weakref.ReferenceType`): calling it gives
//! the referent or None; hash is the referent's (cached, so it survives the referent);
//! equality compares live referents, dead references by identity; subclassable.
use core::ffi::c_int;
use core::mem::offset_of;
use core::ptr;

use crate::abstract_::{new_ref, none, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::*;
use crate::objects::weakref::*;
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::{Py_hash_t, Py_ssize_t};

/// The first two positional arguments of `ref(ob[, callback])`, checked as CPython does.
unsafe fn ob_and_callback(args: *mut PyObject) -> PyResult<(*mut PyObject, *mut PyObject)> {
    let items = if args.is_null() { &[][..] } else { tuple::items(args) };
    if !crate::abstract_::getargs::check_positional(c"__new__".as_ptr(), items.len() as Py_ssize_t, 1, 2) {
        return Err(Raised::assume_set());
    }
    Ok((items[0], items.get(1).copied().unwrap_or(ptr::null_mut())))
}

/// `ref.__new__(type, ob, callback=None)`: the shared basic reference when `type` is
/// `ref` itself and there is no callback, else a new one.
unsafe extern "C" fn ref_new(tp: *mut PyTypeObject, args: *mut PyObject, _kwargs: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let (ob, callback) = ob_and_callback(args)?;
        if tp == &raw mut _PyWeakref_RefType {
            return new_weakref(tp, ob, callback);
        }
        // A subclass: its own allocation, linked among the references with callbacks.
        if list_ptr(ob).is_null() {
            return Err(type_error(format!("cannot create weak reference to '{}' object", tp_name(ob))));
        }
        let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
        let wr = alloc(tp, 0) as *mut PyWeakReference;
        if wr.is_null() {
            return Err(Raised::assume_set());
        }
        let callback = if callback == none() { ptr::null_mut() } else { callback };
        init(wr, ob, callback);
        link_new(wr);
        Ok(PyRef::from_owned(wr as *mut PyObject).expect("weakref"))
    })())
}

/// `ref.__init__`: checks the arguments again (a subclass may call it with its own), no
/// keywords.
unsafe extern "C" fn ref_init(_self: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    if ob_and_callback(args).is_err() {
        return -1;
    }
    if !kwargs.is_null() && dict::len(kwargs) != 0 {
        let _ = type_error("ref() takes no keyword arguments");
        return -1;
    }
    0
}

/// `r()`: the referent, or None once it is dead.
pub(crate) unsafe extern "C" fn ref_vectorcall(
    op: *mut PyObject,
    _args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    if !kwnames.is_null() && tuple::len(kwnames) != 0 {
        let _ = type_error("weakref() takes no keyword arguments");
        return ptr::null_mut();
    }
    let nargs = (nargsf & !crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET) as Py_ssize_t;
    if !crate::abstract_::getargs::check_positional(c"weakref".as_ptr(), nargs, 0, 0) {
        return ptr::null_mut();
    }
    new_ref(referent(op).unwrap_or(none())).into_ptr()
}

unsafe extern "C" fn ref_call(op: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    if !kwargs.is_null() && dict::len(kwargs) != 0 {
        let _ = type_error("weakref() takes no keyword arguments");
        return ptr::null_mut();
    }
    ref_vectorcall(op, ptr::null(), tuple::len(args), ptr::null_mut())
}

/// The referent's hash, computed once: TypeError if the referent died first.
unsafe extern "C" fn ref_hash(op: *mut PyObject) -> Py_hash_t {
    let wr = op as *mut PyWeakReference;
    if (*wr).hash != -1 {
        return (*wr).hash;
    }
    let Some(o) = referent(op) else {
        let _ = type_error("weak object has gone away");
        return -1;
    };
    let o = new_ref(o);
    let h = crate::abstract_::object::PyObject_Hash(o.as_ptr());
    (*wr).hash = h;
    h
}

unsafe extern "C" fn ref_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    use crate::object::object::{Py_EQ, Py_NE};
    if (op != Py_EQ && op != Py_NE) || !crate::abstract_::is_instance_of(a, &raw mut _PyWeakref_RefType)
        || !crate::abstract_::is_instance_of(b, &raw mut _PyWeakref_RefType)
    {
        return new_ref(not_implemented()).into_ptr();
    }
    match (referent(a), referent(b)) {
        (Some(x), Some(y)) => {
            let (x, y) = (new_ref(x), new_ref(y));
            crate::abstract_::compare::PyObject_RichCompare(x.as_ptr(), y.as_ptr(), op)
        }
        _ => crate::abstract_::compare::bool_ref((a == b) == (op == Py_EQ)).into_ptr(),
    }
}

/// `<weakref at 0x..; to 'T' at 0x.. (name)>`, or `<weakref at 0x..; dead>`.
unsafe extern "C" fn ref_repr(op: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let Some(o) = referent(op) else {
            return pystr::from_utf8(&format!("<weakref at {:p}; dead>", op));
        };
        let o = new_ref(o);
        // Looked up on the type, as CPython since gh-99184: an instance `__getattr__` is not
        // run (and cannot fail the repr).
        let name = crate::abstract_::object::lookup_special(o.as_ptr(), "__name__")?;
        let text = match name {
            Some(n) if pystr::is_str(n.as_ptr()) => {
                format!("<weakref at {:p}; to '{}' at {:p} ({})>", op, tp_name(o.as_ptr()), o.as_ptr(), pystr::to_string(n.as_ptr()))
            }
            _ => format!("<weakref at {:p}; to '{}' at {:p}>", op, tp_name(o.as_ptr()), o.as_ptr()),
        };
        pystr::from_utf8(&text)
    })())
}

static mut REF_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"__callback__".as_ptr(),
        r#type: T_OBJECT,
        offset: offset_of!(PyWeakReference, wr_callback) as isize,
        flags: READONLY,
        doc: ptr::null(),
    },
    PyMemberDef { name: ptr::null(), r#type: 0, offset: 0, flags: 0, doc: ptr::null() },
];

static mut REF_METHODS: [crate::object::methods::PyMethodDef; 2] =
    [crate::objects::generic_alias::CLASS_GETITEM, crate::object::method_table::END];

/// `_PyWeakref_RefType`: `weakref.ReferenceType`, alias `weakref.ref`.
#[no_mangle]
pub static mut _PyWeakref_RefType: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(weakref_dealloc),
    tp_vectorcall_offset: offset_of!(PyWeakReference, vectorcall) as isize,
    tp_repr: Some(ref_repr),
    tp_hash: Some(ref_hash),
    tp_call: Some(ref_call),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(weakref_traverse),
    tp_clear: Some(weakref_tp_clear),
    tp_richcompare: Some(ref_richcompare),
    tp_members: &raw mut REF_MEMBERS as *mut PyMemberDef,
    tp_init: Some(ref_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_methods: &raw mut REF_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_new: Some(ref_new),
    tp_free: Some(crate::object::objimpl::PyObject_GC_Del),
    ..static_type(
        c"weakref.ReferenceType",
        core::mem::size_of::<PyWeakReference>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_VECTORCALL,
        None,
    )
};

/// Raises ReferenceError for a proxy whose referent is gone.
pub(crate) fn dead_referent() -> Raised {
    raise_type(&raw mut exc::_PyExc_ReferenceError, "weakly-referenced object no longer exists")
}

