//! `mappingproxy` (`types.MappingProxyType`, `PyDictProxy_New`): a read-only view of a
//! mapping; every read goes to the mapping, writes are refused (no `mp_ass_subscript`).
//! `type.__dict__` is one.
use core::ffi::{c_int, c_void};

use crate::abstract_::unpack_keywords::{bind_tuple_dict, Params};
use crate::abstract_::{from_slot, new_ref, none, null_error, ret_obj, tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PyNumberMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_MAPPING};
use crate::object::method_table::{fast, plain, END};
use crate::objects::container_methods::{args as fast_args, check_positional};
use crate::objects::{dict, list, tuple};
use crate::pyport::Py_ssize_t;

#[repr(C)]
struct MappingProxy {
    ob_base: PyObject,
    mapping: *mut PyObject,
}

unsafe fn mapping(op: *mut PyObject) -> *mut PyObject {
    (*(op as *mut MappingProxy)).mapping
}

static mut MP_AS_MAPPING: PyMappingMethods =
    PyMappingMethods { mp_length: Some(mp_len), mp_subscript: Some(mp_getitem), mp_ass_subscript: None };

static mut MP_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: None,
    sq_concat: None,
    sq_repeat: None,
    sq_item: None,
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(mp_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

static mut MP_AS_NUMBER: PyNumberMethods = {
    let mut n: PyNumberMethods = unsafe { core::mem::zeroed() };
    n.nb_or = Some(mp_or);
    n.nb_inplace_or = Some(mp_ior);
    n
};

static mut MP_METHODS: [PyMethodDef; 8] = [
    fast(c"get", mp_get, METH_FASTCALL).doc(c"D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."),
    plain(c"keys", mp_keys, METH_NOARGS).doc(c"D.keys() -> a set-like object providing a view on D's keys"),
    plain(c"values", mp_values, METH_NOARGS).doc(c"D.values() -> an object providing a view on D's values"),
    plain(c"items", mp_items, METH_NOARGS).doc(c"D.items() -> a set-like object providing a view on D's items"),
    plain(c"copy", mp_copy, METH_NOARGS).doc(c"D.copy() -> a shallow copy of D"),
    plain(c"__reversed__", mp_reversed, METH_NOARGS).doc(c"D.__reversed__() -> reverse iterator"),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

/// `PyDictProxy_Type`.
#[no_mangle]
pub static mut PyDictProxy_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(mp_dealloc),
    tp_repr: Some(mp_repr),
    tp_as_number: &raw mut MP_AS_NUMBER,
    tp_as_sequence: &raw mut MP_AS_SEQUENCE,
    tp_as_mapping: &raw mut MP_AS_MAPPING,
    tp_str: Some(mp_str),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(mp_traverse),
    tp_richcompare: Some(mp_richcompare),
    tp_iter: Some(mp_iter),
    tp_methods: &raw mut MP_METHODS as *mut PyMethodDef,
    tp_new: Some(mp_new),
    ..static_type(c"mappingproxy", core::mem::size_of::<MappingProxy>(), 0, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING as core::ffi::c_ulong, None)
};

/// A mapping a proxy may wrap: the mapping protocol, but not a list or tuple.
unsafe fn check_mapping(m: *mut PyObject) -> PyResult<()> {
    let tp = (*m).ob_type;
    let is_mapping = !(*tp).tp_as_mapping.is_null() && (*(*tp).tp_as_mapping).mp_subscript.is_some();
    if !is_mapping || list::is_list(m) || tuple::is_tuple(m) {
        return Err(type_error(format!("mappingproxy() argument must be a mapping, not {}", tp_name(m))));
    }
    Ok(())
}

/// A new proxy of `m`.
pub(crate) unsafe fn new(m: *mut PyObject) -> PyResult<PyRef> {
    check_mapping(m)?;
    let op = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyDictProxy_Type, 0)).ok_or_else(no_memory)?;
    (*(op.as_ptr() as *mut MappingProxy)).mapping = new_ref(m).into_ptr();
    PyObject_GC_Track(op.as_ptr() as *mut c_void);
    Ok(op)
}

/// `PyObject *PyDictProxy_New(PyObject *mapping)`.
#[no_mangle]
pub unsafe extern "C" fn PyDictProxy_New(m: *mut PyObject) -> *mut PyObject {
    if m.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(new(m))
}

static MP_NEW_PARAMS: Params = Params { function: "mappingproxy", names: &["mapping"], positional_only: 0, max_positional: 1, required: 1 };

unsafe extern "C" fn mp_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let (_hold, bound) = bind_tuple_dict(&MP_NEW_PARAMS, args, kwds)?;
        new(bound[0].unwrap_or(none()))
    })();
    ret_obj(r)
}

unsafe extern "C" fn mp_len(op: *mut PyObject) -> Py_ssize_t {
    crate::abstract_::object::PyObject_Size(mapping(op))
}

unsafe extern "C" fn mp_getitem(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::abstract_::item::get_item(mapping(op), key))
}

unsafe extern "C" fn mp_contains(op: *mut PyObject, key: *mut PyObject) -> c_int {
    let m = mapping(op);
    let r = if dict::is_exact(m) { dict::get_item(m, key).map(|v| v.is_some()) } else { crate::abstract_::sequence::contains(m, key) };
    match r {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// Calls method `name` of the mapping with `args`.
unsafe fn call_method(op: *mut PyObject, name: &str, args: &[*mut PyObject]) -> *mut PyObject {
    let r = (|| {
        let n = crate::objects::str::intern(name)?;
        let f = crate::object::object_attr::get_attr(mapping(op), n.as_ptr())?;
        from_slot(crate::abstract_::call::vectorcall(f.as_ptr(), args.as_ptr(), args.len(), core::ptr::null_mut()))
    })();
    ret_obj(r)
}

unsafe extern "C" fn mp_get(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    if check_positional("get", n, 1, 2).is_err() {
        return core::ptr::null_mut();
    }
    let a = fast_args(a, n);
    call_method(op, "get", &[a[0], a.get(1).copied().unwrap_or(none())])
}

unsafe extern "C" fn mp_keys(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    call_method(op, "keys", &[])
}
unsafe extern "C" fn mp_values(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    call_method(op, "values", &[])
}
unsafe extern "C" fn mp_items(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    call_method(op, "items", &[])
}
unsafe extern "C" fn mp_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    call_method(op, "copy", &[])
}
unsafe extern "C" fn mp_reversed(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let m = mapping(op);
    ret_obj(crate::abstract_::from_slot(crate::abstract_::call::vectorcall(
        &raw mut crate::objects::reversed::PyReversed_Type as *mut PyObject,
        [m].as_ptr(),
        1,
        core::ptr::null_mut(),
    )))
}

unsafe extern "C" fn mp_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::abstract_::iter::get_iter(mapping(op)))
}

unsafe extern "C" fn mp_repr(op: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let inner = crate::abstract_::object::repr(mapping(op))?;
        crate::objects::str::from_utf8(&format!("mappingproxy({})", crate::objects::str::to_string(inner.as_ptr())))
    })();
    ret_obj(r)
}

unsafe extern "C" fn mp_str(op: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::abstract_::object::str(mapping(op)))
}

unsafe extern "C" fn mp_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    ret_obj(crate::abstract_::compare::rich_compare(mapping(a), b, op))
}

/// The mapping behind a proxy, or the object itself.
unsafe fn unwrap(o: *mut PyObject) -> *mut PyObject {
    if (*o).ob_type == &raw mut PyDictProxy_Type { mapping(o) } else { o }
}

unsafe extern "C" fn mp_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    crate::abstract_::number::PyNumber_Or(unwrap(a), unwrap(b))
}

unsafe extern "C" fn mp_ior(_a: *mut PyObject, _b: *mut PyObject) -> *mut PyObject {
    let _ = type_error("'|=' is not supported by mappingproxy; use '|' instead");
    core::ptr::null_mut()
}

unsafe extern "C" fn mp_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned(mapping(op)));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn mp_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    match visit {
        Some(v) => v(mapping(op), arg),
        None => 0,
    }
}
