//! `_thread._local`: an object whose attributes are per thread. Each thread that touches it
//! gets its own attribute dict, kept in `dicts` under the thread state's unique id; a
//! subclass's `__init__` runs again (with the construction arguments) in each new thread.
//! Dicts of threads that have ended stay until the object dies.
use core::ffi::{c_int, c_ulong, c_void};

use crate::abstract_::type_error;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::ret;
use crate::object::baseobject::PyBaseObject_Type;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_HAVE_GC};
use crate::objects::iter_common::{alloc, dealloc_fields, traverse_fields};
use crate::objects::{dict, str as pystr, tuple};

#[repr(C)]
struct Local {
    ob_base: PyObject,
    /// thread state id → that thread's attribute dict.
    dicts: *mut PyObject,
    /// The construction arguments, for `__init__` in later threads.
    args: *mut PyObject,
    kw: *mut PyObject,
}

/// `_thread._local`.
pub(crate) static mut Local_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(local_dealloc),
    tp_getattro: Some(local_getattro),
    tp_setattro: Some(local_setattro),
    tp_traverse: Some(local_traverse),
    tp_new: Some(local_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"_thread._local",
        core::mem::size_of::<Local>(),
        0,
        Py_TPFLAGS_DEFAULT as c_ulong | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
        Some(c"Thread-local data"),
    )
};

unsafe fn has_own_init(tp: *mut PyTypeObject) -> bool {
    let own = (*tp).tp_init.map(|f| f as usize);
    own.is_some() && own != (*(&raw mut PyBaseObject_Type)).tp_init.map(|f| f as usize)
}

unsafe extern "C" fn local_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let has_args = (!args.is_null() && tuple::len(args) != 0) || (!kw.is_null() && dict::len(kw) != 0);
        if has_args && !has_own_init(tp) {
            return Err(type_error("Initialization arguments are not supported"));
        }
        let op = alloc(tp)?;
        let l = op.as_ptr() as *mut Local;
        (*l).dicts = dict::new()?.into_ptr();
        (*l).args = if args.is_null() { tuple::from_ptrs(&[])?.into_ptr() } else { crate::abstract_::new_ref(args).into_ptr() };
        (*l).kw = if kw.is_null() { core::ptr::null_mut() } else { crate::abstract_::new_ref(kw).into_ptr() };
        // The creating thread's dict exists now, so its own __init__ (run by type_call
        // after this) fills it without being run twice.
        thread_dict(op.as_ptr(), false)?;
        Ok(op)
    })())
}

/// The calling thread's attribute dict (borrowed), made on first use; a new dict in a
/// thread other than the creator runs the type's own `__init__` when `init` is set.
unsafe fn thread_dict(op: *mut PyObject, init: bool) -> PyResult<*mut PyObject> {
    let l = op as *mut Local;
    let id = crate::runtime::pystate::PyThreadState_GetID(crate::runtime::pystate::current());
    let key = crate::objects::long_convert::PyLong_FromUnsignedLongLong(id);
    let key = PyRef::from_owned(key).ok_or_else(Raised::assume_set)?;
    if let Some(d) = dict::get_item((*l).dicts, key.as_ptr())? {
        return Ok(d);
    }
    let d = dict::new()?;
    dict::set_item((*l).dicts, key.as_ptr(), d.as_ptr())?;
    let tp = (*op).ob_type;
    if init && has_own_init(tp) {
        if let Some(f) = (*tp).tp_init {
            if f(op, (*l).args, (*l).kw) < 0 {
                let _ = dict::del_item((*l).dicts, key.as_ptr());
                return Err(Raised::assume_set());
            }
        }
    }
    Ok(d.as_ptr())
}

unsafe extern "C" fn local_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let d = match thread_dict(op, true) {
        Ok(d) => d,
        Err(_) => return core::ptr::null_mut(),
    };
    if pystr::is_str(name) && pystr::eq_ascii(name, "__dict__") {
        return crate::abstract_::new_ref(d).into_ptr();
    }
    crate::object::generic_getattr::_PyObject_GenericGetAttrWithDict(op, name, d, 0)
}

unsafe extern "C" fn local_setattro(op: *mut PyObject, name: *mut PyObject, value: *mut PyObject) -> c_int {
    let d = match thread_dict(op, true) {
        Ok(d) => d,
        Err(_) => return -1,
    };
    if pystr::is_str(name) && pystr::eq_ascii(name, "__dict__") {
        let message = format!("'{}' object attribute '__dict__' is read-only", crate::abstract_::tp_name(op));
        let _ = raise_type(&raw mut exc::_PyExc_AttributeError, message);
        return -1;
    }
    crate::object::generic_getattr::_PyObject_GenericSetAttrWithDict(op, name, value, d)
}

unsafe extern "C" fn local_dealloc(op: *mut PyObject) {
    dealloc_fields(op, 3);
}

unsafe extern "C" fn local_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 3, visit, arg)
}

