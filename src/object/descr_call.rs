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
    let name = || pystr::to_string((*d).d_name);
    let items = tuple::items(args);
    let Some(&self_) = items.first() else {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("descriptor '{}' of '{}' object needs an argument", name(), name_upto((*d).d_type, 100)),
        );
        return core::ptr::null_mut();
    };
    if !is_subtype((*self_).ob_type, (*d).d_type) {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                name(),
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

// ---- method_descriptor and classmethod_descriptor --------------------------------------------

use crate::object::descr_objects::descr_qualname_string;
use crate::object::methods::{PyMethodDef, METH_METHOD};
use crate::object::slots::{vectorcallfunc, PY_VECTORCALL_ARGUMENTS_OFFSET};
use crate::object::typeobject::PyTypeObject;

unsafe fn method_def(descr: *mut PyObject) -> *mut PyMethodDef {
    (*(descr as *mut PyMethodDescrObject)).d_method
}

/// The class a `METH_METHOD` function receives: the descriptor's type.
unsafe fn defining_class(descr: *mut PyObject) -> *mut PyTypeObject {
    if (*method_def(descr)).ml_flags & METH_METHOD != 0 {
        (*(descr as *mut PyDescrObject)).d_type
    } else {
        core::ptr::null_mut()
    }
}

/// `list.append(lst, x)`: the first argument is `self`, checked against the type; the
/// function is called through its convention, named "list.append" in errors.
pub(crate) unsafe extern "C" fn method_vectorcall(
    descr: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let name = || descr_qualname_string(descr);
    if nargs < 1 {
        let _ = raise_type(&raw mut _PyExc_TypeError, format!("unbound method {}() needs an argument", name()));
        return core::ptr::null_mut();
    }
    let self_ = *args;
    if crate::object::descr_objects::check_instance(descr, self_).is_err() {
        return core::ptr::null_mut();
    }
    crate::object::call_convention::call_method_def(
        method_def(descr),
        self_,
        defining_class(descr),
        args.add(1),
        nargs - 1,
        kwnames,
        &name,
    )
}

/// The vectorcall entry of a new method descriptor.
pub(crate) fn method_vectorcall_entry() -> vectorcallfunc {
    Some(method_vectorcall)
}

/// `method_descriptor.__get__`: the descriptor itself on the class, a builtin method bound
/// to the instance otherwise.
pub(crate) unsafe extern "C" fn method_get(descr: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        (*descr).ob_refcnt += 1;
        return descr;
    }
    if crate::object::descr_objects::check_instance(descr, obj).is_err() {
        return core::ptr::null_mut();
    }
    crate::objects::cfunction::PyCMethod_New(method_def(descr), obj, core::ptr::null_mut(), defining_class(descr))
}

/// The class a classmethod descriptor binds to: `tp`, or the type of `obj`; checked to be
/// a subtype of the descriptor's type.
unsafe fn classmethod_target(descr: *mut PyObject, obj: *mut PyObject, tp: *mut PyObject) -> Option<*mut PyObject> {
    let d = descr as *mut PyDescrObject;
    // Only the error messages need the name as text.
    let name = || pystr::to_string((*d).d_name);
    let tp = if !tp.is_null() {
        tp
    } else if !obj.is_null() {
        (*obj).ob_type as *mut PyObject
    } else {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("descriptor '{}' for type '{}' needs either an object or a type", name(), name_upto((*d).d_type, 100)),
        );
        return None;
    };
    if (*(*tp).ob_type).tp_flags & crate::object::typeobject::Py_TPFLAGS_TYPE_SUBCLASS == 0 {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!(
                "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
                name(),
                name_upto((*d).d_type, 100),
                name_upto((*tp).ob_type, 100)
            ),
        );
        return None;
    }
    if !is_subtype(tp as *mut PyTypeObject, (*d).d_type) {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!(
                "descriptor '{}' requires a subtype of '{}' but received '{}'",
                name(),
                name_upto((*d).d_type, 100),
                name_upto(tp as *mut PyTypeObject, 100)
            ),
        );
        return None;
    }
    Some(tp)
}

/// `classmethod_descriptor.__get__`: a builtin method bound to the class.
pub(crate) unsafe extern "C" fn classmethod_get(descr: *mut PyObject, obj: *mut PyObject, tp: *mut PyObject) -> *mut PyObject {
    let Some(cls) = classmethod_target(descr, obj, tp) else { return core::ptr::null_mut() };
    crate::objects::cfunction::PyCMethod_New(method_def(descr), cls, core::ptr::null_mut(), defining_class(descr))
}

/// `classmethod_descriptor.__call__`: `dict.__dict__['fromkeys'](dict, keys)`.
pub(crate) unsafe extern "C" fn classmethod_call(descr: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let d = descr as *mut PyDescrObject;
    let items = tuple::items(args);
    let Some(&cls) = items.first() else {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("descriptor '{}' of '{}' object needs an argument", pystr::to_string((*d).d_name), name_upto((*d).d_type, 100)),
        );
        return core::ptr::null_mut();
    };
    let Some(cls) = classmethod_target(descr, core::ptr::null_mut(), cls) else { return core::ptr::null_mut() };
    let rest: Vec<PyRef> = items[1..].iter().map(|&o| PyRef::from_borrowed(o).expect("non-NULL")).collect();
    let Ok(rest) = tuple::from_slice(&rest) else { return core::ptr::null_mut() };
    let name = || descr_qualname_string(descr);
    crate::object::call_convention::call_method_def_tuple(method_def(descr), cls, defining_class(descr), rest.as_ptr(), kwds, &name)
}
