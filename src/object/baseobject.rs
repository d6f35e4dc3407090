//! The root of the class hierarchy, `object` (`PyBaseObject_Type`): the slots every type
//! inherits unless it defines its own (deallocation through `tp_free`, allocation, the
//! argument checks of `object.__new__`/`__init__`, the identity hash).
// Slots are compared by address on purpose, as C does: an inherited slot is a copy of the
// base's pointer, so equal addresses mean "the same slot".
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::{c_int, c_void};

use crate::object::generic_alloc::PyType_GenericAlloc;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE};
use crate::object::typetype::type_name;
use crate::objects::{dict, tuple};
use crate::pyport::Py_hash_t;

/// `PyBaseObject_Type`: `object`.
#[no_mangle]
pub static mut PyBaseObject_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(object_dealloc),
    tp_repr: Some(object_repr),
    tp_hash: Some(object_hash),
    tp_str: Some(object_str),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_richcompare: Some(crate::abstract_::compare::object_richcompare),
    tp_methods: &raw mut crate::object::object_methods::OBJECT_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_getset: &raw mut crate::object::object_class::OBJECT_GETSET as *mut crate::object::descr::PyGetSetDef,
    tp_init: Some(object_init),
    tp_alloc: Some(PyType_GenericAlloc),
    tp_new: Some(object_new),
    // TEMP(core-mem): PyObject_Free.
    tp_free: Some(temp_alloc::free_object),
    ..static_type(
        c"object",
        core::mem::size_of::<PyObject>(),
        0,
        Py_TPFLAGS_BASETYPE,
        Some(c"object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"),
    )
};

/// Frees the memory through the type's `tp_free`.
unsafe extern "C" fn object_dealloc(op: *mut PyObject) {
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut c_void),
        None => temp_alloc::free_object(op as *mut c_void),
    }
}

/// `object.__hash__`: the identity hash.
unsafe extern "C" fn object_hash(op: *mut PyObject) -> Py_hash_t {
    crate::object::hash::_Py_HashPointer(op as *const c_void)
}

fn is_object_new(slot: crate::object::slots::newfunc) -> bool {
    slot == Some(object_new)
}

fn is_object_init(slot: crate::object::slots::initproc) -> bool {
    slot == Some(object_init)
}

/// `object.__repr__`: `<module.Name object at 0x...>`, the module left out for builtins.
unsafe extern "C" fn object_repr(op: *mut PyObject) -> *mut PyObject {
    let tp = (*op).ob_type;
    let (module, qualname) = crate::object::typetype::module_and_qualname(tp);
    let text = match module.as_deref() {
        Some(m) if m != "builtins" => format!("<{m}.{qualname} object at {op:p}>"),
        // Without a str module (or for builtins) CPython shows tp_name.
        _ => format!("<{} object at {op:p}>", type_name(tp)),
    };
    crate::objects::str::from_utf8(&text).map_or(core::ptr::null_mut(), |s| s.into_ptr())
}

/// `object.__str__`: the type's `tp_repr`.
unsafe extern "C" fn object_str(op: *mut PyObject) -> *mut PyObject {
    match (*(*op).ob_type).tp_repr {
        Some(repr) => repr(op),
        None => object_repr(op),
    }
}

/// Arguments beyond the type or instance: a non-empty args tuple or keyword dict.
unsafe fn excess_args(args: *mut PyObject, kwds: *mut PyObject) -> bool {
    (!args.is_null() && tuple::is_tuple(args) && tuple::len(args) != 0)
        || (!kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) != 0)
}

/// `object.__new__`: arguments are refused unless a subclass overrides `__init__` (and not
/// `__new__`), which then receives them.
unsafe extern "C" fn object_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    if excess_args(args, kwds) {
        if !is_object_new((*tp).tp_new) {
            let _ = raise(ExcType::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
            return core::ptr::null_mut();
        }
        if is_object_init((*tp).tp_init) {
            let _ = raise(ExcType::TypeError, format!("{}() takes no arguments", type_name(tp)));
            return core::ptr::null_mut();
        }
    }
    if (*tp).tp_flags & crate::object::typeobject::Py_TPFLAGS_IS_ABSTRACT != 0 {
        let _ = crate::object::type_abstract::instantiation_error(tp);
        return core::ptr::null_mut();
    }
    match (*tp).tp_alloc {
        Some(alloc) => alloc(tp, 0),
        None => PyType_GenericAlloc(tp, 0),
    }
}

/// `object.__init__`: accepts arguments only when a subclass overrides `__new__` (and not
/// `__init__`).
unsafe extern "C" fn object_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    if excess_args(args, kwds) {
        let tp = (*op).ob_type;
        if !is_object_init((*tp).tp_init) {
            let _ = raise(ExcType::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if is_object_new((*tp).tp_new) {
            let _ = raise(
                ExcType::TypeError,
                format!("{}.__init__() takes exactly one argument (the instance to initialize)", type_name(tp)),
            );
            return -1;
        }
    }
    0
}
