//! The `_Py_Identifier` API: a C string in a static struct whose `index` (-1 until first
//! use, as `_Py_static_string_init` sets it) numbers it process-wide, so that each later
//! `_PyUnicode_FromId` is an array lookup instead of a hash of the C string. The array holds
//! the interned strs (strong references) until finalization. On top of it, the `*Id`
//! spellings of attribute, dict, import and special-method lookups.
use core::cell::UnsafeCell;
use core::ffi::c_int;
use core::sync::atomic::{AtomicIsize, Ordering};

use crate::object::object::{PyObject, _Py_Identifier};
use crate::object::pending_error::bad_internal_call;
use crate::objects::str as pystr;

/// The next free identifier index (never reused: indices outlive a finalization).
static NEXT_INDEX: AtomicIsize = AtomicIsize::new(0);

struct IdStrings(UnsafeCell<Vec<*mut PyObject>>);
// SAFETY: read and written only with the GIL held (every `*Id` function needs it).
unsafe impl Sync for IdStrings {}

/// The interned str of each identifier index, or NULL before its first use.
static ID_STRINGS: IdStrings = IdStrings(UnsafeCell::new(Vec::new()));

/// The index of `id`, given on first use.
unsafe fn index_of(id: *mut _Py_Identifier) -> usize {
    let slot = &*(&raw mut (*id).index as *const AtomicIsize);
    let index = slot.load(Ordering::Acquire);
    if index >= 0 {
        return index as usize;
    }
    let fresh = NEXT_INDEX.fetch_add(1, Ordering::Relaxed);
    // Two threads racing here (only possible without the GIL) keep the first index.
    match slot.compare_exchange(-1, fresh, Ordering::AcqRel, Ordering::Acquire) {
        Ok(_) => fresh as usize,
        Err(won) => won as usize,
    }
}

/// The interned str of `id` (borrowed: the identifier table keeps it), or NULL with an
/// exception.
///
/// # Safety
/// `id` is NULL or a live identifier; the GIL is held.
#[inline(always)]
pub(crate) unsafe fn id_str(id: *mut _Py_Identifier) -> *mut PyObject {
    // The cached case in line, with no stack frame (the first use's interning is apart).
    if !id.is_null() {
        let index = (*(&raw mut (*id).index as *const AtomicIsize)).load(Ordering::Acquire);
        if index >= 0 {
            let strings = &*ID_STRINGS.0.get();
            if let Some(&s) = strings.get(index as usize) {
                if !s.is_null() {
                    return s;
                }
            }
        }
    }
    id_str_first_use(id)
}

/// `id_str` when the identifier has no str yet (or is not one).
#[cold]
#[inline(never)]
unsafe fn id_str_first_use(id: *mut _Py_Identifier) -> *mut PyObject {
    if id.is_null() || (*id).string.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let index = index_of(id);
    let strings = &mut *ID_STRINGS.0.get();
    if let Some(&s) = strings.get(index) {
        if !s.is_null() {
            return s;
        }
    }
    let s = pystr::PyUnicode_InternFromString((*id).string);
    if s.is_null() {
        return s;
    }
    if strings.len() <= index {
        strings.resize(index + 1, core::ptr::null_mut());
    }
    strings[index] = s;
    s
}

/// Releases the identifier strs (at finalization); indices stay with their identifiers.
pub(crate) fn fini() {
    // SAFETY: finalization holds the GIL; the vector is taken before the strs are released.
    let strings = unsafe { core::mem::take(&mut *ID_STRINGS.0.get()) };
    for s in strings.into_iter().filter(|s| !s.is_null()) {
        // SAFETY: the table held one strong reference to each.
        unsafe { drop(crate::object::ptr::PyRef::from_owned(s)) };
    }
}

/// `PyObject *_PyUnicode_FromId(_Py_Identifier *id)`: the interned str of the identifier,
/// borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_FromId(id: *mut _Py_Identifier) -> *mut PyObject {
    id_str(id)
}

/// Runs `f` on the identifier's str, or gives `fail` when there is none (exception set).
#[inline]
unsafe fn with_name<T>(id: *mut _Py_Identifier, fail: T, f: impl FnOnce(*mut PyObject) -> T) -> T {
    let name = id_str(id);
    if name.is_null() {
        fail
    } else {
        f(name)
    }
}

/// `PyObject *_PyObject_GetAttrId(PyObject *o, _Py_Identifier *name)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GetAttrId(o: *mut PyObject, name: *mut _Py_Identifier) -> *mut PyObject {
    with_name(name, core::ptr::null_mut(), |n| crate::object::object_attr::PyObject_GetAttr(o, n))
}

/// `int _PyObject_SetAttrId(PyObject *o, _Py_Identifier *name, PyObject *value)`: NULL
/// `value` deletes.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_SetAttrId(o: *mut PyObject, name: *mut _Py_Identifier, value: *mut PyObject) -> c_int {
    with_name(name, -1, |n| crate::object::object_attr::PyObject_SetAttr(o, n, value))
}

/// `int _PyObject_LookupAttrId(PyObject *o, _Py_Identifier *name, PyObject **result)`: 1
/// with the value, 0 (`*result` NULL) when missing, -1 on another error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_LookupAttrId(o: *mut PyObject, name: *mut _Py_Identifier, result: *mut *mut PyObject) -> c_int {
    let n = id_str(name);
    if n.is_null() {
        if !result.is_null() {
            *result = core::ptr::null_mut();
        }
        return -1;
    }
    crate::object::object_attr::_PyObject_LookupAttr(o, n, result)
}

/// `PyObject *_PyObject_LookupSpecialId(PyObject *o, _Py_Identifier *name)`: `type(o).name`
/// bound to `o`, or NULL without an exception when the type has no such attribute.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_LookupSpecialId(o: *mut PyObject, name: *mut _Py_Identifier) -> *mut PyObject {
    let n = id_str(name);
    if n.is_null() || o.is_null() {
        if o.is_null() {
            let _ = bad_internal_call();
        }
        return core::ptr::null_mut();
    }
    let tp = (*o).ob_type;
    let found = match crate::object::type_cache::lookup(tp, n) {
        Ok(Some(f)) => crate::abstract_::new_ref(f),
        Ok(None) | Err(_) => return core::ptr::null_mut(),
    };
    match (*(*found.as_ptr()).ob_type).tp_descr_get {
        Some(get) => get(found.as_ptr(), o, tp as *mut PyObject),
        None => found.into_ptr(),
    }
}

/// `PyObject *_PyDict_GetItemIdWithError(PyObject *dp, _Py_Identifier *key)`: borrowed, NULL
/// without an exception when missing.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_GetItemIdWithError(dp: *mut PyObject, key: *mut _Py_Identifier) -> *mut PyObject {
    with_name(key, core::ptr::null_mut(), |k| crate::objects::dict::PyDict_GetItemWithError(dp, k))
}

/// `int _PyDict_SetItemId(PyObject *dp, _Py_Identifier *key, PyObject *item)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_SetItemId(dp: *mut PyObject, key: *mut _Py_Identifier, item: *mut PyObject) -> c_int {
    with_name(key, -1, |k| crate::objects::dict::PyDict_SetItem(dp, k, item))
}

/// `int _PyDict_DelItemId(PyObject *dp, _Py_Identifier *key)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_DelItemId(dp: *mut PyObject, key: *mut _Py_Identifier) -> c_int {
    with_name(key, -1, |k| crate::objects::dict::PyDict_DelItem(dp, k))
}

/// `int _PyDict_ContainsId(PyObject *dp, _Py_Identifier *key)`: 1, 0, or -1 on error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_ContainsId(dp: *mut PyObject, key: *mut _Py_Identifier) -> c_int {
    with_name(key, -1, |k| crate::objects::dict::PyDict_Contains(dp, k))
}

/// `PyObject *_PyImport_GetModuleId(_Py_Identifier *name)`: `sys.modules[name]` (new
/// reference), NULL without an exception when absent.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyImport_GetModuleId(name: *mut _Py_Identifier) -> *mut PyObject {
    with_name(name, core::ptr::null_mut(), |n| crate::runtime::module_table::PyImport_GetModule(n))
}

/// `PyObject *_PyEval_GetBuiltinId(_Py_Identifier *name)`: `builtins.name` (new reference).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyEval_GetBuiltinId(name: *mut _Py_Identifier) -> *mut PyObject {
    with_name(name, core::ptr::null_mut(), |n| crate::internal_api::eval_helpers::_PyEval_GetBuiltin(n))
}

/// The Rust side of the variadic `_PyObject_CallMethodId` shims (src/c/modsupport.c): the
/// identifier's str, or NULL with an exception.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _ferropy_id_str(id: *mut _Py_Identifier) -> *mut PyObject {
    id_str(id)
}
