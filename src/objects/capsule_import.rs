//! `PyCapsule_Import`: how extension modules reach each other's C-APIs. The dotted name's
//! first part is imported, the rest are attributes, and the object found must be a valid
//! capsule of exactly that name.
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::errors::exception_types as exc;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::capsule::{PyCapsule_GetPointer, PyCapsule_IsValid};

/// `void *PyCapsule_Import(const char *name, int no_block)`: the pointer of the capsule
/// `name` ("module.attr..."); NULL with ImportError (the module cannot be imported),
/// AttributeError (a missing attribute, or not a capsule of that name).
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_Import(name: *const c_char, no_block: c_int) -> *mut c_void {
    let _ = no_block; // Imports never block on another thread's lock here.
    if name.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    let text = CStr::from_ptr(name).to_string_lossy().into_owned();
    let mut parts = text.split('.');
    let first = parts.next().unwrap_or("");
    let Ok(first_c) = std::ffi::CString::new(first) else { return core::ptr::null_mut() };
    let Some(mut object) = PyRef::from_owned(crate::import::api::PyImport_ImportModule(first_c.as_ptr())) else {
        let _ = raise_type(&raw mut exc::_PyExc_ImportError, format!("PyCapsule_Import could not import module \"{first}\""));
        return core::ptr::null_mut();
    };
    for part in parts {
        let Ok(part_c) = std::ffi::CString::new(part) else { return core::ptr::null_mut() };
        let next = crate::object::object_attr::PyObject_GetAttrString(object.as_ptr(), part_c.as_ptr());
        match PyRef::from_owned(next) {
            Some(n) => object = n,
            None => return core::ptr::null_mut(),
        }
    }
    if PyCapsule_IsValid(object.as_ptr(), name) != 0 {
        // The module keeps the capsule, and so the pointer, alive.
        return PyCapsule_GetPointer(object.as_ptr(), name);
    }
    let _ = raise_type(&raw mut exc::_PyExc_AttributeError, format!("PyCapsule_Import \"{text}\" is not valid"));
    core::ptr::null_mut()
}
