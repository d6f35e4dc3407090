//! The attributes every type has through its metatype `type`: the getsets `__name__`,
//! `__qualname__`, `__module__`, `__doc__`, `__bases__` and the read-only members `__mro__`,
//! `__base__`, `__basicsize__`, `__itemsize__`, `__flags__`, `__weakrefoffset__`,
//! `__dictoffset__` (`tp_getset` / `tp_members` of `PyType_Type`).
//!
//! A heap type keeps its names in `ht_name` / `ht_qualname` and its module in its dict; a
//! static type's come from `tp_name`. Only mutable (heap) types accept assignments, with
//! CPython's messages for the others.
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::heap_type::{heap, str_utf8};
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT, T_PYSSIZET, T_ULONG};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::*;
use crate::object::typetype::{short_name, type_name};
use crate::objects::singletons::_Py_NoneStruct;
use crate::objects::{dict, str as pystr};

unsafe fn is_heap(tp: *mut PyTypeObject) -> bool {
    (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0
}

fn to_ptr(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

fn to_status(r: PyResult<()>) -> c_int {
    if r.is_ok() { 0 } else { -1 }
}

fn borrowed(op: *mut PyObject) -> PyRef {
    // SAFETY: callers pass live objects.
    unsafe { PyRef::from_borrowed(op) }.expect("non-NULL")
}

fn none() -> PyRef {
    borrowed(&raw mut _Py_NoneStruct)
}

/// What every setter of a special type attribute checks first: the type must be mutable and
/// the attribute is never deleted.
pub(crate) unsafe fn check_settable(tp: *mut PyTypeObject, value: *mut PyObject, name: &str) -> PyResult<()> {
    if (*tp).tp_flags & Py_TPFLAGS_IMMUTABLETYPE != 0 {
        return Err(raise_type(
            &raw mut exc::_PyExc_TypeError,
            format!("cannot set '{name}' attribute of immutable type '{}'", type_name(tp)),
        ));
    }
    if value.is_null() {
        return Err(raise_type(
            &raw mut exc::_PyExc_TypeError,
            format!("cannot delete '{name}' attribute of immutable type '{}'", type_name(tp)),
        ));
    }
    Ok(())
}

/// `type.__name__`.
unsafe extern "C" fn get_name(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let tp = op as *mut PyTypeObject;
    if is_heap(tp) {
        return to_ptr(Ok(borrowed((*heap(tp)).ht_name)));
    }
    to_ptr(pystr::from_utf8(&short_name(tp)))
}

unsafe fn check_str(tp: *mut PyTypeObject, value: *mut PyObject, attr: &str) -> PyResult<()> {
    if !pystr::is_str(value) {
        return Err(raise_type(
            &raw mut exc::_PyExc_TypeError,
            format!("can only assign string to {}.{attr}, not '{}'", type_name(tp), type_name((*value).ob_type)),
        ));
    }
    Ok(())
}

unsafe extern "C" fn set_name(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    let tp = op as *mut PyTypeObject;
    to_status((|| {
        check_settable(tp, value, "__name__")?;
        check_str(tp, value, "__name__")?;
        let utf8 = str_utf8(value)?;
        if core::ffi::CStr::from_ptr(utf8).to_bytes().len() != pystr::to_string(value).len() {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "type name must not contain null characters"));
        }
        // tp_name now points into the new name, which ht_name keeps alive.
        let old = core::mem::replace(&mut (*heap(tp)).ht_name, borrowed(value).into_ptr());
        (*tp).tp_name = utf8;
        drop(PyRef::from_owned(old));
        Ok(())
    })())
}

/// `type.__qualname__`.
unsafe extern "C" fn get_qualname(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let tp = op as *mut PyTypeObject;
    if is_heap(tp) {
        return to_ptr(Ok(borrowed((*heap(tp)).ht_qualname)));
    }
    to_ptr(pystr::from_utf8(&short_name(tp)))
}

unsafe extern "C" fn set_qualname(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    let tp = op as *mut PyTypeObject;
    to_status((|| {
        check_settable(tp, value, "__qualname__")?;
        check_str(tp, value, "__qualname__")?;
        let old = core::mem::replace(&mut (*heap(tp)).ht_qualname, borrowed(value).into_ptr());
        drop(PyRef::from_owned(old));
        Ok(())
    })())
}

/// `type.__module__`: a heap type's dict entry (AttributeError without one), a static
/// type's `tp_name` before its last dot, else "builtins".
unsafe extern "C" fn get_module(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let tp = op as *mut PyTypeObject;
    if is_heap(tp) {
        return to_ptr((|| match dict::get_item_str((*tp).tp_dict, "__module__")? {
            Some(m) => Ok(borrowed(m)),
            None => Err(raise_type(&raw mut exc::_PyExc_AttributeError, "__module__")),
        })());
    }
    let name = type_name(tp);
    let module = match name.rfind('.') {
        Some(dot) => &name[..dot],
        None => "builtins",
    };
    to_ptr(pystr::intern(module))
}

/// Sets `key` in the type's dict and withdraws cached lookups.
unsafe fn set_in_dict(tp: *mut PyTypeObject, key: &str, value: *mut PyObject) -> PyResult<()> {
    let k = pystr::intern(key)?;
    dict::set_item((*tp).tp_dict, k.as_ptr(), value)?;
    crate::object::type_cache::PyType_Modified(tp);
    Ok(())
}

unsafe extern "C" fn set_module(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    let tp = op as *mut PyTypeObject;
    to_status((|| {
        check_settable(tp, value, "__module__")?;
        set_in_dict(tp, "__module__", value)
    })())
}

/// `type.__doc__`: a static type's `tp_doc` without its signature; otherwise the dict's
/// `__doc__` (through its `__get__` when it is a descriptor), None when absent.
unsafe extern "C" fn get_doc(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let tp = op as *mut PyTypeObject;
    to_ptr((|| {
        if !is_heap(tp) && !(*tp).tp_doc.is_null() {
            let doc = core::ffi::CStr::from_ptr((*tp).tp_doc).to_string_lossy();
            return pystr::from_utf8(crate::object::type_ready::doc_without_signature(&short_name(tp), &doc));
        }
        let Some(doc) = dict::get_item_str((*tp).tp_dict, "__doc__")? else { return Ok(none()) };
        match (*(*doc).ob_type).tp_descr_get {
            Some(get) => PyRef::from_owned(get(doc, core::ptr::null_mut(), op)).ok_or_else(Raised::assume_set),
            None => Ok(borrowed(doc)),
        }
    })())
}

unsafe extern "C" fn set_doc(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    let tp = op as *mut PyTypeObject;
    to_status((|| {
        check_settable(tp, value, "__doc__")?;
        set_in_dict(tp, "__doc__", value)
    })())
}

/// `type.__bases__` (assignment: type_bases.rs).
unsafe extern "C" fn get_bases(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let bases = (*(op as *mut PyTypeObject)).tp_bases;
    to_ptr(Ok(if bases.is_null() { none() } else { borrowed(bases) }))
}

/// `type.__dict__`: a read-only proxy of the type's dict.
unsafe extern "C" fn get_dict(tp: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let d = (*(tp as *mut crate::object::typeobject::PyTypeObject)).tp_dict;
    if d.is_null() {
        return crate::abstract_::new_ref(crate::abstract_::none()).into_ptr();
    }
    crate::objects::mappingproxy::PyDictProxy_New(d)
}

/// `type.__text_signature__`: the `(...)` header of a type's internal docstring, or None.
unsafe extern "C" fn get_text_signature(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let tp = op as *mut PyTypeObject;
    crate::object::descr_objects::signature_from_internal(&short_name(tp), (*tp).tp_doc)
}

/// `type.__annotations__`: a class's dict entry (through `__get__` for a descriptor),
/// made an empty dict on first access; static types have none.
unsafe extern "C" fn get_annotations(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let tp = op as *mut PyTypeObject;
    to_ptr((|| {
        if !is_heap(tp) {
            return Err(raise_type(
                &raw mut exc::_PyExc_AttributeError,
                format!("type object '{}' has no attribute '__annotations__'", type_name(tp)),
            ));
        }
        if let Some(a) = dict::get_item_str((*tp).tp_dict, "__annotations__")? {
            return match (*(*a).ob_type).tp_descr_get {
                Some(get) => PyRef::from_owned(get(a, core::ptr::null_mut(), op)).ok_or_else(Raised::assume_set),
                None => Ok(borrowed(a)),
            };
        }
        let d = dict::new()?;
        set_in_dict(tp, "__annotations__", d.as_ptr())?;
        Ok(d)
    })())
}

unsafe extern "C" fn set_annotations(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    let tp = op as *mut PyTypeObject;
    to_status((|| {
        if (*tp).tp_flags & Py_TPFLAGS_IMMUTABLETYPE != 0 {
            return Err(raise_type(
                &raw mut exc::_PyExc_TypeError,
                format!("cannot set '__annotations__' attribute of immutable type '{}'", type_name(tp)),
            ));
        }
        if !value.is_null() {
            return set_in_dict(tp, "__annotations__", value);
        }
        if !dict::del_item((*tp).tp_dict, pystr::intern("__annotations__")?.as_ptr())? {
            return Err(raise_type(&raw mut exc::_PyExc_AttributeError, "__annotations__"));
        }
        crate::object::type_cache::PyType_Modified(tp);
        Ok(())
    })())
}

const fn getset(name: &'static core::ffi::CStr, get: crate::object::descr::getter, set: crate::object::descr::setter) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get, set, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

/// `tp_getset` of `type`.
pub(crate) static mut TYPE_GETSETS: [PyGetSetDef; 10] = [
    getset(c"__name__", Some(get_name), Some(set_name)),
    getset(c"__qualname__", Some(get_qualname), Some(set_qualname)),
    getset(c"__bases__", Some(get_bases), Some(crate::object::type_bases::set)),
    getset(c"__module__", Some(get_module), Some(set_module)),
    getset(c"__abstractmethods__", Some(crate::object::type_abstract::get), Some(crate::object::type_abstract::set)),
    getset(c"__dict__", Some(get_dict), None),
    getset(c"__doc__", Some(get_doc), Some(set_doc)),
    getset(c"__text_signature__", Some(get_text_signature), None),
    getset(c"__annotations__", Some(get_annotations), Some(set_annotations)),
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

const fn member(name: &'static core::ffi::CStr, kind: c_int, offset: usize) -> PyMemberDef {
    PyMemberDef { name: name.as_ptr(), r#type: kind, offset: offset as isize, flags: READONLY, doc: core::ptr::null() }
}

/// `tp_members` of `type`.
pub(crate) static mut TYPE_MEMBERS: [PyMemberDef; 8] = [
    member(c"__basicsize__", T_PYSSIZET, offset_of!(PyTypeObject, tp_basicsize)),
    member(c"__itemsize__", T_PYSSIZET, offset_of!(PyTypeObject, tp_itemsize)),
    member(c"__flags__", T_ULONG, offset_of!(PyTypeObject, tp_flags)),
    member(c"__weakrefoffset__", T_PYSSIZET, offset_of!(PyTypeObject, tp_weaklistoffset)),
    member(c"__base__", T_OBJECT, offset_of!(PyTypeObject, tp_base)),
    member(c"__dictoffset__", T_PYSSIZET, offset_of!(PyTypeObject, tp_dictoffset)),
    member(c"__mro__", T_OBJECT, offset_of!(PyTypeObject, tp_mro)),
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];
