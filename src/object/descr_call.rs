//! Calling descriptors: an unbound slot wrapper (`int.__add__(1, 2)`), a bound one
//! (`(1).__add__(2)`, a `method-wrapper`).
use core::ffi::{c_void, CStr};

use crate::errors::exception_types::_PyExc_TypeError;
use crate::object::descr::*;
use crate::object::descr_objects::{d_base, MethodWrapperObject};
use crate::object::generic_getattr::name_upto;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typetype::is_subtype;
use crate::objects::{dict, str as pystr, tuple};

/// Calls the slot of wrapper descriptor `descr` for `self_` with positional `args` (a
/// tuple) and keywords `kwds` (a dict or NULL).
unsafe fn call_wrapper(descr: *mut PyObject, self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let base = d_base(descr);
    let wrapped = (*(descr as *mut PyWrapperDescrObject)).d_wrapped;
    if (*base).flags & PyWrapperFlag_KEYWORDS != 0 {
        // SAFETY: a KEYWORDS wrapper is declared with the wrapperfunc_kwds signature.
        let f: wrapperfunc_kwds = core::mem::transmute((*base).wrapper);
        return match f {
            Some(f) => f(self_, args, wrapped, kwds),
            None => core::ptr::null_mut(),
        };
    }
    if !kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) != 0 {
        let name = CStr::from_ptr((*base).name).to_string_lossy();
        let _ = raise_type(&raw mut _PyExc_TypeError, format!("wrapper {name}() takes no keyword arguments"));
        return core::ptr::null_mut();
    }
    match (*base).wrapper {
        Some(f) => f(self_, args, wrapped as *mut c_void),
        None => core::ptr::null_mut(),
    }
}

/// `wrapper_descriptor.__call__`: `int.__add__(1, 2)`; the first argument is `self`.
pub(crate) unsafe extern "C" fn wrapper_descr_call(descr: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let d = descr as *mut PyDescrObject;
    let name = pystr::to_string((*d).d_name);
    let items = tuple::items(args);
    let Some(&self_) = items.first() else {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("descriptor '{name}' of '{}' object needs an argument", name_upto((*d).d_type, 100)),
        );
        return core::ptr::null_mut();
    };
    if !is_subtype((*self_).ob_type, (*d).d_type) {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!(
                "descriptor '{name}' requires a '{}' object but received a '{}'",
                name_upto((*d).d_type, 100),
                name_upto((*self_).ob_type, 100)
            ),
        );
        return core::ptr::null_mut();
    }
    let rest: Vec<PyRef> = items[1..].iter().map(|&o| PyRef::from_borrowed(o).expect("non-NULL")).collect();
    let Ok(rest) = tuple::from_slice(&rest) else { return core::ptr::null_mut() };
    call_wrapper(descr, self_, rest.as_ptr(), kwds)
}

/// `method-wrapper.__call__`: `(1).__add__(2)`.
pub(crate) unsafe extern "C" fn method_wrapper_call(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let w = op as *mut MethodWrapperObject;
    call_wrapper((*w).descr, (*w).self_, args, kwds)
}
