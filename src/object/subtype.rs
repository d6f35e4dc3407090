//! What instances of heap types need from their type when they die or take part in a
//! cycle: the default `tp_dealloc` (`subtype_dealloc`: finalizer, `tp_del`, the slots and
//! the dict the class added, then the nearest base's own dealloc, then the reference to the
//! type), `tp_traverse` and `tp_clear` for what a class adds (`__slots__`, `__dict__`), and
//! the finalizer calls of PEP 442 (`PyObject_CallFinalizer*`).
//!
//! "What a class adds" is everything between the instance's type and the nearest base
//! whose slot is not ours: each heap type on that stretch of the `tp_base` chain keeps its
//! object members (`__slots__`, or the `PyMemberDef`s of a spec) after its type object.
// Slots are compared by address on purpose: "is this base's dealloc ours?".
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::{c_int, c_void};

use crate::object::member::{PyMemberDef, READONLY, T_OBJECT_EX};
use crate::object::object::{PyObject, PyVarObject};
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::typeobject::*;

unsafe fn is_heap(tp: *mut PyTypeObject) -> bool {
    (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0
}

unsafe fn is_gc(tp: *mut PyTypeObject) -> bool {
    (*tp).tp_flags & Py_TPFLAGS_HAVE_GC != 0
}

/// The object members of heap type `tp` that live in its instances and that instances own
/// (`T_OBJECT_EX`, writable): `__slots__` entries and spec members of that kind.
unsafe fn owned_members<'a>(tp: *mut PyTypeObject) -> &'a [PyMemberDef] {
    let n = (*(tp as *mut PyVarObject)).ob_size;
    if n <= 0 {
        return &[];
    }
    core::slice::from_raw_parts(crate::object::heap_type::members_area(tp), n as usize)
}

/// Calls `f` with the address of each owned member slot of `obj` added by the heap types
/// from `tp` up to (not including) `base`.
unsafe fn for_each_slot(obj: *mut PyObject, tp: *mut PyTypeObject, base: *mut PyTypeObject, mut f: impl FnMut(*mut *mut PyObject) -> c_int) -> c_int {
    let mut t = tp;
    while !t.is_null() && t != base {
        if is_heap(t) {
            for m in owned_members(t) {
                if m.r#type == T_OBJECT_EX && m.flags & READONLY == 0 {
                    let r = f((obj as *mut u8).offset(m.offset) as *mut *mut PyObject);
                    if r != 0 {
                        return r;
                    }
                }
            }
        }
        t = (*t).tp_base;
    }
    0
}

/// Where `obj` keeps its instance dict when its type gives it one (the managed slot
/// `obj[-3]`, or `tp_dictoffset`, negative meaning from the end).
///
/// # Safety
/// `obj` is a live instance of `tp`.
pub(crate) unsafe fn instance_dict_ptr(obj: *mut PyObject, tp: *mut PyTypeObject) -> *mut *mut PyObject {
    if (*tp).tp_flags & Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong != 0 {
        return (obj as *mut *mut PyObject).sub(3);
    }
    let offset = (*tp).tp_dictoffset;
    if offset == 0 {
        return core::ptr::null_mut();
    }
    if offset > 0 {
        return (obj as *mut u8).offset(offset) as *mut *mut PyObject;
    }
    let n = if (*tp).tp_itemsize != 0 { (*(obj as *mut PyVarObject)).ob_size.abs() } else { 0 };
    match crate::object::objimpl::var_size(tp, n) {
        Some(size) => (obj as *mut u8).offset(size as isize + offset) as *mut *mut PyObject,
        None => core::ptr::null_mut(),
    }
}

/// Whether `tp` has an instance dict that `base` does not.
unsafe fn adds_dict(tp: *mut PyTypeObject, base: *mut PyTypeObject) -> bool {
    let has = |t: *mut PyTypeObject| {
        (*t).tp_dictoffset != 0 || (*t).tp_flags & Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong != 0
    };
    has(tp) && !has(base)
}

/// The nearest type on `tp`'s base chain whose dealloc is not `subtype_dealloc`.
unsafe fn dealloc_base(tp: *mut PyTypeObject) -> *mut PyTypeObject {
    let mut base = tp;
    while (*base).tp_dealloc == Some(subtype_dealloc as unsafe extern "C" fn(*mut PyObject)) {
        base = (*base).tp_base;
    }
    base
}

/// `tp_dealloc` of heap types that define none (class statements, specs without
/// `Py_tp_dealloc`).
///
/// # Safety
/// `obj` is an object whose reference count reached zero, of a heap type.
pub(crate) unsafe extern "C" fn subtype_dealloc(obj: *mut PyObject) {
    let tp = (*obj).ob_type;
    let base = dealloc_base(tp);
    if !is_gc(tp) {
        if (*tp).tp_finalize.is_some() && finalizer_resurrected(obj) {
            return;
        }
        if (*tp).tp_weaklistoffset != 0 && (*base).tp_weaklistoffset == 0 {
            crate::objects::weakref::clear_weakrefs_if_any(obj);
        }
        if let Some(del) = (*tp).tp_del {
            if del_resurrected(obj, del) {
                return;
            }
        }
        finish(obj, tp, base);
        return;
    }
    PyObject_GC_UnTrack(obj as *mut c_void);
    // A long chain of instances dies without a deep C stack.
    crate::gc::trashcan::with_trashcan(obj, subtype_dealloc, || dealloc_gc_instance(obj, tp, base));
}

/// The rest of `subtype_dealloc` for a GC instance (already untracked).
unsafe fn dealloc_gc_instance(obj: *mut PyObject, tp: *mut PyTypeObject, base: *mut PyTypeObject) {
    if (*tp).tp_finalize.is_some() {
        // A finalizer may make new references to the object: it must be tracked meanwhile.
        PyObject_GC_Track(obj as *mut c_void);
        if finalizer_resurrected(obj) {
            return;
        }
        PyObject_GC_UnTrack(obj as *mut c_void);
    }
    // A class that added `__weakref__` clears its weak references (a base that has the
    // slot does it in its own dealloc).
    if (*tp).tp_weaklistoffset != 0 && (*base).tp_weaklistoffset == 0 {
        crate::objects::weakref::clear_weakrefs_if_any(obj);
    }
    if let Some(del) = (*tp).tp_del {
        PyObject_GC_Track(obj as *mut c_void);
        if del_resurrected(obj, del) {
            return;
        }
        PyObject_GC_UnTrack(obj as *mut c_void);
    }
    for_each_slot(obj, tp, base, |slot| {
        drop(PyRef::from_owned(core::mem::replace(&mut *slot, core::ptr::null_mut())));
        0
    });
    if adds_dict(tp, base) {
        let dp = instance_dict_ptr(obj, tp);
        if !dp.is_null() {
            drop(PyRef::from_owned(core::mem::replace(&mut *dp, core::ptr::null_mut())));
        }
    }
    // The base's dealloc untracks a GC object itself.
    if is_gc(base) {
        PyObject_GC_Track(obj as *mut c_void);
    }
    finish(obj, tp, base);
}

/// The base's dealloc, then the instance's reference to its heap type (unless the base is a
/// heap type too, whose own dealloc releases it, as 3.8+ heap type deallocs must).
unsafe fn finish(obj: *mut PyObject, _tp: *mut PyTypeObject, base: *mut PyTypeObject) {
    // The type the instance holds now: a `__del__` may have assigned `__class__`.
    let tp = (*obj).ob_type;
    match (*base).tp_dealloc {
        Some(dealloc) => dealloc(obj),
        None => crate::object::temp_alloc::free_object(obj as *mut c_void),
    }
    if is_heap(tp) && !is_heap(base) {
        drop(PyRef::from_owned(tp as *mut PyObject));
    }
}

/// Runs `tp_finalize` from a dealloc (the object is at refcount 0): true when the finalizer
/// made the object reachable again, which the dealloc must then abandon.
unsafe fn finalizer_resurrected(obj: *mut PyObject) -> bool {
    PyObject_CallFinalizerFromDealloc(obj) < 0
}

/// Runs the legacy `tp_del` on a temporarily revived object: true when it stayed alive.
unsafe fn del_resurrected(obj: *mut PyObject, del: unsafe extern "C" fn(*mut PyObject)) -> bool {
    (*obj).ob_refcnt = 1;
    del(obj);
    (*obj).ob_refcnt -= 1;
    (*obj).ob_refcnt != 0
}

/// `void PyObject_CallFinalizer(PyObject *self)`: runs the type's `tp_finalize` once (a GC
/// object remembers that it was finalized).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallFinalizer(obj: *mut PyObject) {
    if obj.is_null() {
        return;
    }
    let tp = (*obj).ob_type;
    let Some(finalize) = (*tp).tp_finalize else { return };
    let gc = crate::object::objimpl::object_is_gc(obj);
    if gc && crate::gc::head::is_finalized(obj) {
        return;
    }
    finalize(obj);
    if gc {
        crate::gc::head::set_finalized(obj);
    }
}

/// `int PyObject_CallFinalizerFromDealloc(PyObject *self)`: for a dealloc at refcount 0:
/// revives the object for the finalizer, then -1 when the finalizer resurrected it (the
/// dealloc must stop), 0 otherwise.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallFinalizerFromDealloc(obj: *mut PyObject) -> c_int {
    if obj.is_null() || (*obj).ob_refcnt != 0 {
        crate::runtime::pystate::fatal_error(
            "PyObject_CallFinalizerFromDealloc",
            "called on object with a non-zero refcount",
        );
    }
    (*obj).ob_refcnt = 1;
    PyObject_CallFinalizer(obj);
    (*obj).ob_refcnt -= 1;
    if (*obj).ob_refcnt == 0 {
        0
    } else {
        -1
    }
}

/// The nearest type on `tp`'s base chain whose traverse (or clear) is not ours.
unsafe fn slot_base<F: PartialEq>(tp: *mut PyTypeObject, slot: impl Fn(&PyTypeObject) -> F, ours: F) -> *mut PyTypeObject {
    let mut base = tp;
    while !base.is_null() && slot(&*base) == ours {
        base = (*base).tp_base;
    }
    base
}

/// `tp_traverse` of classes that add object slots or a dict: those, the type itself (which
/// instances of heap types own), then the base's traverse.
///
/// # Safety
/// `obj` is a live instance of a heap type.
pub(crate) unsafe extern "C" fn subtype_traverse(obj: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit_fn) = visit else { return 0 };
    let tp = (*obj).ob_type;
    let base = slot_base(tp, |t| t.tp_traverse, Some(subtype_traverse as unsafe extern "C" fn(_, _, _) -> c_int));
    let r = for_each_slot(obj, tp, base, |slot| if (*slot).is_null() { 0 } else { visit_fn(*slot, arg) });
    if r != 0 {
        return r;
    }
    if base.is_null() || adds_dict(tp, base) {
        let dp = instance_dict_ptr(obj, tp);
        if !dp.is_null() && !(*dp).is_null() {
            let r = visit_fn(*dp, arg);
            if r != 0 {
                return r;
            }
        }
    }
    // A heap base's traverse visits the type itself.
    if is_heap(tp) && (base.is_null() || (*base).tp_traverse.is_none() || !is_heap(base)) {
        let r = visit_fn(tp as *mut PyObject, arg);
        if r != 0 {
            return r;
        }
    }
    match base.as_ref().and_then(|b| b.tp_traverse) {
        Some(traverse) => traverse(obj, visit, arg),
        None => 0,
    }
}

/// `tp_clear` of classes that add object slots or a dict: drops them, then the base's clear.
///
/// # Safety
/// `obj` is a live instance of a heap type.
pub(crate) unsafe extern "C" fn subtype_clear(obj: *mut PyObject) -> c_int {
    let tp = (*obj).ob_type;
    let base = slot_base(tp, |t| t.tp_clear, Some(subtype_clear as unsafe extern "C" fn(_) -> c_int));
    for_each_slot(obj, tp, base, |slot| {
        drop(PyRef::from_owned(core::mem::replace(&mut *slot, core::ptr::null_mut())));
        0
    });
    if base.is_null() || adds_dict(tp, base) {
        let dp = instance_dict_ptr(obj, tp);
        if !dp.is_null() {
            drop(PyRef::from_owned(core::mem::replace(&mut *dp, core::ptr::null_mut())));
        }
    }
    match base.as_ref().and_then(|b| b.tp_clear) {
        Some(clear) => clear(obj),
        None => 0,
    }
}

// ---------------------------------------------------------------------------------------
// `__dict__` and `__weakref__` of instances of classes that add them.
// ---------------------------------------------------------------------------------------

use crate::object::descr::PyGetSetDef;
use crate::object::pending_error::raise_type;

/// The `__dict__` descriptor of the nearest builtin base (before `object`) whose instances
/// have a dict of their own (`type` for a metaclass that also derives from a plain class):
/// that base's `__dict__` serves the instance, as in CPython (a class's dict stays read-only).
unsafe fn builtin_base_dict_descr(tp: *mut PyTypeObject) -> Option<*mut PyObject> {
    let mut t = tp;
    while !(*t).tp_base.is_null() {
        if (*t).tp_dictoffset != 0 && !is_heap(t) {
            let name = crate::objects::str::intern("__dict__").ok()?;
            let d = crate::object::type_cache::_PyType_Lookup(t, name.as_ptr());
            return (!d.is_null()).then_some(d);
        }
        t = (*t).tp_base;
    }
    None
}

/// `instance.__dict__`: the instance dict, made empty on first use.
unsafe extern "C" fn subtype_get_dict(obj: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    if let Some(d) = builtin_base_dict_descr((*obj).ob_type) {
        if let Some(get) = (*(*d).ob_type).tp_descr_get {
            let _keep = PyRef::from_borrowed(d);
            return get(d, obj, (*obj).ob_type as *mut PyObject);
        }
    }
    let dp = instance_dict_ptr(obj, (*obj).ob_type);
    if dp.is_null() {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_AttributeError, "This object has no __dict__");
        return core::ptr::null_mut();
    }
    if (*dp).is_null() {
        match crate::objects::dict::new() {
            Ok(d) => *dp = d.into_ptr(),
            Err(_) => return core::ptr::null_mut(),
        }
    }
    PyRef::from_borrowed(*dp).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `instance.__dict__ = d` (a dict or subclass), or `del instance.__dict__` (a new empty
/// dict is made on next use).
unsafe extern "C" fn subtype_set_dict(obj: *mut PyObject, value: *mut PyObject, _closure: *mut c_void) -> c_int {
    use crate::errors::exception_types::{_PyExc_AttributeError, _PyExc_TypeError};
    if let Some(d) = builtin_base_dict_descr((*obj).ob_type) {
        if let Some(set) = (*(*d).ob_type).tp_descr_set {
            let _keep = PyRef::from_borrowed(d);
            return set(d, obj, value);
        }
    }
    let dp = instance_dict_ptr(obj, (*obj).ob_type);
    if dp.is_null() {
        let _ = raise_type(&raw mut _PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if !value.is_null() && !crate::objects::dict::is_dict(value) {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("__dict__ must be set to a dictionary, not a '{}'", crate::object::typetype::short_name((*value).ob_type)),
        );
        return -1;
    }
    let new = PyRef::from_borrowed(value).map_or(core::ptr::null_mut(), PyRef::into_ptr);
    let old = core::mem::replace(&mut *dp, new);
    drop(PyRef::from_owned(old));
    0
}

/// `instance.__weakref__`: the head of its weak reference list, or None.
unsafe extern "C" fn subtype_get_weakref(obj: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    let tp = (*obj).ob_type;
    if (*tp).tp_weaklistoffset == 0 {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_AttributeError, "This object has no __weakref__");
        return core::ptr::null_mut();
    }
    let p = *((obj as *mut u8).offset((*tp).tp_weaklistoffset) as *mut *mut PyObject);
    let r = if p.is_null() { &raw mut crate::objects::singletons::_Py_NoneStruct } else { p };
    PyRef::from_borrowed(r).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

const DICT_GETSET: PyGetSetDef = PyGetSetDef {
    name: c"__dict__".as_ptr(),
    get: Some(subtype_get_dict),
    set: Some(subtype_set_dict),
    doc: c"dictionary for instance variables (if defined)".as_ptr(),
    closure: core::ptr::null_mut(),
};
const WEAKREF_GETSET: PyGetSetDef = PyGetSetDef {
    name: c"__weakref__".as_ptr(),
    get: Some(subtype_get_weakref),
    set: None,
    doc: c"list of weak references to the object (if defined)".as_ptr(),
    closure: core::ptr::null_mut(),
};
const END_GETSET: PyGetSetDef =
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() };

static mut GETSETS_FULL: [PyGetSetDef; 3] = [DICT_GETSET, WEAKREF_GETSET, END_GETSET];
static mut GETSETS_DICT: [PyGetSetDef; 2] = [DICT_GETSET, END_GETSET];
static mut GETSETS_WEAKREF: [PyGetSetDef; 2] = [WEAKREF_GETSET, END_GETSET];

/// The `tp_getset` of a class that adds an instance dict and/or a weakref slot (NULL when
/// it adds neither).
pub(crate) fn instance_getsets(add_dict: bool, add_weak: bool) -> *mut PyGetSetDef {
    match (add_dict, add_weak) {
        (true, true) => &raw mut GETSETS_FULL as *mut PyGetSetDef,
        (true, false) => &raw mut GETSETS_DICT as *mut PyGetSetDef,
        (false, true) => &raw mut GETSETS_WEAKREF as *mut PyGetSetDef,
        (false, false) => core::ptr::null_mut(),
    }
}
