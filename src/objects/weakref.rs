//! Weak references: `struct _PyWeakReference` (CPython's cpython/weakrefobject.h), the list
//! of weak references each weakly referenceable object keeps (at `tp_weaklistoffset`), and
//! the C API that creates, reads and clears them. The three types (`weakref.ReferenceType`,
//! `ProxyType`, `CallableProxyType`) are in weakref_ref.rs and weakref_proxy.rs.
//!
//! An object's list keeps CPython's order, which `weakref.getweakrefs` shows: the shared
//! "basic" reference (exact `ref`, no callback) first, then the shared basic proxy, then
//! every other reference, newest first. A dead reference has `wr_object == Py_None` and is
//! in no list.
use core::ffi::{c_int, c_void};
use core::ptr;

use crate::abstract_::{none, tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::object::slots::vectorcallfunc;
use crate::objects::weakref_proxy::{_PyWeakref_CallableProxyType, _PyWeakref_ProxyType};
use crate::objects::weakref_ref::_PyWeakref_RefType;
use crate::pyport::{Py_hash_t, Py_ssize_t};

/// `struct _PyWeakReference` (`PyWeakReference`): `wr_object` is the referent, set to
/// `Py_None` once it dies; the references to one object form a doubly linked list through
/// `wr_prev`/`wr_next`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyWeakReference {
    pub ob_base: PyObject,
    pub wr_object: *mut PyObject,
    pub wr_callback: *mut PyObject,
    pub hash: Py_hash_t,
    pub wr_prev: *mut PyWeakReference,
    pub wr_next: *mut PyWeakReference,
    pub vectorcall: vectorcallfunc,
}
pub type PyWeakReference = _PyWeakReference;
assert_layout!(PyWeakReference, size = 64, ob_base @ 0, wr_object @ 16, wr_callback @ 24,
               hash @ 32, wr_prev @ 40, wr_next @ 48, vectorcall @ 56);

/// The head of `op`'s weak reference list, or NULL when its type has none
/// (`_PyObject_GET_WEAKREFS_LISTPTR`, only for types that support weak references).
#[inline]
pub(crate) unsafe fn list_ptr(op: *mut PyObject) -> *mut *mut PyWeakReference {
    let offset = (*(*op).ob_type).tp_weaklistoffset;
    if offset <= 0 {
        return ptr::null_mut();
    }
    (op as *mut u8).offset(offset) as *mut *mut PyWeakReference
}

/// Any of the three weak reference types (or a subclass of `ref`).
#[inline]
pub(crate) unsafe fn is_weakref(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == &raw mut _PyWeakref_RefType
        || tp == &raw mut _PyWeakref_ProxyType
        || tp == &raw mut _PyWeakref_CallableProxyType
        // Only classes (heap types) can derive from ref.
        || ((*tp).tp_flags & crate::object::typeobject::Py_TPFLAGS_HEAPTYPE != 0
            && crate::abstract_::is_instance_of(op, &raw mut _PyWeakref_RefType))
}

pub(crate) unsafe fn is_proxy(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == &raw mut _PyWeakref_ProxyType || tp == &raw mut _PyWeakref_CallableProxyType
}

/// The live referent of a weak reference, or None (NULL) when it is dead.
#[inline]
pub(crate) unsafe fn referent(wr: *mut PyObject) -> Option<*mut PyObject> {
    let o = (*(wr as *mut PyWeakReference)).wr_object;
    if o == none() || o.is_null() || (*o).ob_refcnt <= 0 {
        None
    } else {
        Some(o)
    }
}

/// The shared references at the front of a list: (basic ref, basic proxy), NULL if absent.
unsafe fn basic_refs(head: *mut PyWeakReference) -> (*mut PyWeakReference, *mut PyWeakReference) {
    let is_basic = |w: *mut PyWeakReference, tp: *mut crate::object::typeobject::PyTypeObject| {
        !w.is_null() && (*w).wr_callback.is_null() && (*w).ob_base.ob_type == tp
    };
    let mut r = ptr::null_mut();
    let mut w = head;
    if is_basic(w, &raw mut _PyWeakref_RefType) {
        r = w;
        w = (*w).wr_next;
    }
    let proxy = if is_basic(w, &raw mut _PyWeakref_ProxyType) || is_basic(w, &raw mut _PyWeakref_CallableProxyType) {
        w
    } else {
        ptr::null_mut()
    };
    (r, proxy)
}

/// Links `wr` into `list` after `after` (NULL: at the head).
unsafe fn insert_after(list: *mut *mut PyWeakReference, after: *mut PyWeakReference, wr: *mut PyWeakReference) {
    let next = if after.is_null() { *list } else { (*after).wr_next };
    (*wr).wr_prev = after;
    (*wr).wr_next = next;
    if !next.is_null() {
        (*next).wr_prev = wr;
    }
    if after.is_null() {
        *list = wr;
    } else {
        (*after).wr_next = wr;
    }
}

/// Unlinks a live weak reference from its referent's list and marks it dead (the callback
/// stays: the caller decides whether it runs).
pub(crate) unsafe fn clear_ref(wr: *mut PyWeakReference) {
    let o = (*wr).wr_object;
    if o.is_null() || o == none() {
        return;
    }
    let list = list_ptr(o);
    if !list.is_null() && *list == wr {
        *list = (*wr).wr_next;
    }
    if !(*wr).wr_prev.is_null() {
        (*(*wr).wr_prev).wr_next = (*wr).wr_next;
    }
    if !(*wr).wr_next.is_null() {
        (*(*wr).wr_next).wr_prev = (*wr).wr_prev;
    }
    (*wr).wr_prev = ptr::null_mut();
    (*wr).wr_next = ptr::null_mut();
    (*wr).wr_object = none();
}

/// `void _PyWeakref_ClearRef(PyWeakReference *self)`: kills a weak reference without
/// calling its callback (the collector's tool).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyWeakref_ClearRef(wr: *mut PyWeakReference) {
    if !wr.is_null() {
        clear_ref(wr);
    }
}

/// `Py_ssize_t _PyWeakref_GetWeakrefCount(PyWeakReference *head)`: the length of a list.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyWeakref_GetWeakrefCount(head: *mut PyWeakReference) -> Py_ssize_t {
    let mut n = 0;
    let mut w = head;
    while !w.is_null() {
        n += 1;
        w = (*w).wr_next;
    }
    n
}

/// The weak references to `op`, in list order (borrowed).
pub(crate) unsafe fn refs_of(op: *mut PyObject) -> Vec<*mut PyObject> {
    let list = list_ptr(op);
    let mut out = Vec::new();
    if list.is_null() {
        return out;
    }
    let mut w = *list;
    while !w.is_null() {
        out.push(w as *mut PyObject);
        w = (*w).wr_next;
    }
    out
}

/// Makes a weak reference of type `tp` (ref, a ref subclass or a proxy type) to `ob`
/// with `callback` (NULL or None: none), reusing the shared basic reference or proxy when
/// one fits. TypeError for objects that cannot be weakly referenced.
pub(crate) unsafe fn new_weakref(
    tp: *mut crate::object::typeobject::PyTypeObject,
    ob: *mut PyObject,
    callback: *mut PyObject,
) -> PyResult<PyRef> {
    let list = list_ptr(ob);
    if list.is_null() {
        return Err(type_error(format!("cannot create weak reference to '{}' object", tp_name(ob))));
    }
    let callback = if callback == none() { ptr::null_mut() } else { callback };
    let proxy = tp == &raw mut _PyWeakref_ProxyType || tp == &raw mut _PyWeakref_CallableProxyType;
    let (basic, basic_proxy) = basic_refs(*list);
    if callback.is_null() {
        let shared = if proxy { basic_proxy } else if tp == &raw mut _PyWeakref_RefType { basic } else { ptr::null_mut() };
        if !shared.is_null() {
            return Ok(crate::abstract_::new_ref(shared as *mut PyObject));
        }
    }
    let wr = crate::object::objimpl::alloc_object_no_track(tp, 0) as *mut PyWeakReference;
    if wr.is_null() {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    init(wr, ob, callback);
    // The allocation may have run a collection that changed the list: read it again.
    let (basic, basic_proxy) = basic_refs(*list);
    let after = if callback.is_null() && tp == &raw mut _PyWeakref_RefType {
        ptr::null_mut()
    } else if callback.is_null() && proxy {
        basic
    } else if !basic_proxy.is_null() {
        basic_proxy
    } else {
        basic
    };
    insert_after(list, after, wr);
    crate::object::objimpl::PyObject_GC_Track(wr as *mut c_void);
    Ok(PyRef::from_owned(wr as *mut PyObject).expect("new weakref"))
}

/// Fills a fresh weak reference's fields (not yet linked).
pub(crate) unsafe fn init(wr: *mut PyWeakReference, ob: *mut PyObject, callback: *mut PyObject) {
    (*wr).wr_object = ob;
    (*wr).wr_prev = ptr::null_mut();
    (*wr).wr_next = ptr::null_mut();
    (*wr).hash = -1;
    (*wr).wr_callback = PyRef::from_borrowed(callback).map_or(ptr::null_mut(), PyRef::into_ptr);
    (*wr).vectorcall = if is_proxy(wr as *mut PyObject) { None } else { Some(crate::objects::weakref_ref::ref_vectorcall) };
}

/// Links an initialised weak reference (of a `ref` subclass, made by its `tp_new`) into
/// its referent's list where a reference with a callback goes.
pub(crate) unsafe fn link_new(wr: *mut PyWeakReference) {
    let list = list_ptr((*wr).wr_object);
    let (basic, basic_proxy) = basic_refs(*list);
    let after = if !basic_proxy.is_null() { basic_proxy } else { basic };
    insert_after(list, after, wr);
}

/// Calls `callback(wr)`, reporting a failure as unraisable (the current exception, if any,
/// is kept aside meanwhile).
pub(crate) unsafe fn call_callback(wr: *mut PyObject, callback: *mut PyObject) {
    let result = crate::abstract_::call::PyObject_CallOneArg(callback, wr);
    match PyRef::from_owned(result) {
        Some(r) => drop(r),
        None => crate::errors::print::PyErr_WriteUnraisable(callback),
    }
}

/// `void PyObject_ClearWeakRefs(PyObject *object)`: called by the dealloc of a weakly
/// referenceable type (refcount zero): kills every weak reference to the object, then calls
/// their callbacks, newest reference first, each with its reference as argument.
#[no_mangle]
pub unsafe extern "C" fn PyObject_ClearWeakRefs(object: *mut PyObject) {
    if object.is_null() || (*object).ob_refcnt != 0 {
        let _ = bad_internal_call();
        return;
    }
    let list = list_ptr(object);
    if list.is_null() {
        let _ = bad_internal_call();
        return;
    }
    if (*list).is_null() {
        return;
    }
    let mut pending: Vec<(PyRef, PyRef)> = Vec::new();
    while !(*list).is_null() {
        let wr = *list;
        let callback = core::mem::replace(&mut (*wr).wr_callback, ptr::null_mut());
        clear_ref(wr);
        if let Some(cb) = PyRef::from_owned(callback) {
            // A weak reference being deallocated itself (count 0) gets no callback.
            if (*wr).ob_base.ob_refcnt > 0 {
                pending.push((crate::abstract_::new_ref(wr as *mut PyObject), cb));
            }
        }
    }
    if pending.is_empty() {
        return;
    }
    let (mut t, mut v, mut tb) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    for (wr, cb) in pending {
        call_callback(wr.as_ptr(), cb.as_ptr());
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

/// Kills the weak references to a dying object when its type supports them: what every
/// dealloc of such a type calls.
#[inline]
pub(crate) unsafe fn clear_weakrefs_if_any(op: *mut PyObject) {
    let list = list_ptr(op);
    if !list.is_null() && !(*list).is_null() {
        PyObject_ClearWeakRefs(op);
    }
}

/// `PyObject *PyWeakref_NewRef(PyObject *ob, PyObject *callback)`.
#[no_mangle]
pub unsafe extern "C" fn PyWeakref_NewRef(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject {
    if ob.is_null() {
        let _ = bad_internal_call();
        return ptr::null_mut();
    }
    crate::abstract_::ret_obj(new_weakref(&raw mut _PyWeakref_RefType, ob, callback))
}

/// `PyObject *PyWeakref_NewProxy(PyObject *ob, PyObject *callback)`: a callable proxy
/// for callable objects.
#[no_mangle]
pub unsafe extern "C" fn PyWeakref_NewProxy(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject {
    if ob.is_null() {
        let _ = bad_internal_call();
        return ptr::null_mut();
    }
    let tp = if crate::abstract_::call::PyCallable_Check(ob) != 0 {
        &raw mut _PyWeakref_CallableProxyType
    } else {
        &raw mut _PyWeakref_ProxyType
    };
    crate::abstract_::ret_obj(new_weakref(tp, ob, callback))
}

/// `PyObject *PyWeakref_GetObject(PyObject *ref)`: the referent (borrowed), or None once
/// it is dead; SystemError for anything but a weak reference.
#[no_mangle]
pub unsafe extern "C" fn PyWeakref_GetObject(r: *mut PyObject) -> *mut PyObject {
    if r.is_null() || !is_weakref(r) {
        let _ = bad_internal_call();
        return ptr::null_mut();
    }
    referent(r).unwrap_or(none())
}

/// `tp_traverse` of the weak reference types: only the callback is owned.
pub(crate) unsafe extern "C" fn weakref_traverse(op: *mut PyObject, visit: crate::object::slots::visitproc, arg: *mut c_void) -> c_int {
    let cb = (*(op as *mut PyWeakReference)).wr_callback;
    match visit {
        Some(v) if !cb.is_null() => v(cb, arg),
        _ => 0,
    }
}

/// `tp_clear`: kills the reference and drops its callback.
pub(crate) unsafe extern "C" fn weakref_tp_clear(op: *mut PyObject) -> c_int {
    let wr = op as *mut PyWeakReference;
    clear_ref(wr);
    drop(PyRef::from_owned(core::mem::replace(&mut (*wr).wr_callback, ptr::null_mut())));
    0
}

/// `tp_dealloc` of the weak reference types.
pub(crate) unsafe extern "C" fn weakref_dealloc(op: *mut PyObject) {
    crate::object::objimpl::PyObject_GC_UnTrack(op as *mut c_void);
    weakref_tp_clear(op);
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::objimpl::PyObject_GC_Del(op as *mut c_void),
    }
}

/// `int PyType_SUPPORTS_WEAKREFS(PyTypeObject *type)`: whether instances of `type` keep a
/// list of weak references (a positive `tp_weaklistoffset`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyType_SUPPORTS_WEAKREFS(tp: *mut crate::object::typeobject::PyTypeObject) -> c_int {
    (!tp.is_null() && (*tp).tp_weaklistoffset > 0) as c_int
}

/// `PyObject **PyObject_GET_WEAKREFS_LISTPTR(PyObject *op)`: the address of `op`'s list of
/// weak references (its type supports them).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_GET_WEAKREFS_LISTPTR(op: *mut PyObject) -> *mut *mut PyObject {
    (op as *mut u8).offset((*(*op).ob_type).tp_weaklistoffset) as *mut *mut PyObject
}
