//! `object.__class__`: reading gives the object's type; assigning one changes it, when both
//! types are mutable (heap types, or module subclasses) and lay their instances out the same
//! way, with CPython's messages.
use core::ffi::{c_int, c_void};

use crate::abstract_::tp_name;
use crate::errors::exception_types::_PyExc_TypeError;
use crate::object::descr::PyGetSetDef;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::refcount::{Py_DecRef, Py_IncRef};
use crate::object::type_layout::is_type;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_IMMUTABLETYPE, Py_TPFLAGS_MANAGED_DICT,
};
use crate::object::typetype::{is_subtype, short_name};

unsafe extern "C" fn class_get(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    let tp = (*op).ob_type as *mut PyObject;
    Py_IncRef(tp);
    tp
}

unsafe fn fail(message: String) -> c_int {
    let _ = raise_type(&raw mut _PyExc_TypeError, message);
    -1
}

/// Whether `old` and `new` agree on the memory before an instance (GC header, managed dict).
unsafe fn same_header(old: *mut PyTypeObject, new: *mut PyTypeObject) -> bool {
    let flags = Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong;
    (*old).tp_flags & flags == (*new).tp_flags & flags
}

unsafe fn is_module_subclass(tp: *mut PyTypeObject) -> bool {
    is_subtype(tp, &raw mut crate::objects::module::PyModule_Type)
}

unsafe extern "C" fn class_set(op: *mut PyObject, value: *mut PyObject, _closure: *mut c_void) -> c_int {
    if value.is_null() {
        return fail("can't delete __class__ attribute".into());
    }
    if !is_type(value) {
        return fail(format!("__class__ must be set to a class, not '{}' object", tp_name(value)));
    }
    let old = (*op).ob_type;
    let new = value as *mut PyTypeObject;
    let mutable = |tp: *mut PyTypeObject| (*tp).tp_flags & Py_TPFLAGS_IMMUTABLETYPE == 0;
    let both_modules = is_module_subclass(old) && is_module_subclass(new);
    if !(both_modules || (mutable(old) && mutable(new))) {
        return fail("__class__ assignment only supported for mutable types or ModuleType subclasses".into());
    }
    // CPython's `compatible_for_assignment`: the same deallocator, and the same fields on
    // the same base (slots compared by name, so `__slots__` in another order fits).
    if crate::object::type_bases::check_compatible(old, new, "__class__").is_err() {
        return -1;
    }
    if !same_header(old, new) {
        return fail(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            short_name(new),
            short_name(old)
        ));
    }
    // Instances of heap types own a reference to their type.
    if (*new).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        Py_IncRef(value);
    }
    (*op).ob_type = new;
    if (*old).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        Py_DecRef(old as *mut PyObject);
    }
    0
}

/// `object`'s getsets: `__class__`.
pub(crate) static mut OBJECT_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"__class__".as_ptr(),
        get: Some(class_get),
        set: Some(class_set),
        doc: c"the object's class".as_ptr(),
        closure: core::ptr::null_mut(),
    },
    PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
];
