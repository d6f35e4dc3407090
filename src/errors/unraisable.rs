//! Exceptions that cannot be raised (a destructor's, a callback's): `PyErr_WriteUnraisable`
//! packs them into an `UnraisableHookArgs` struct sequence and calls `sys.unraisablehook`;
//! the default hook (`sys.__unraisablehook__`) prints
//!
//! ```text
//! Exception ignored in: <repr(object)>
//! Traceback (most recent call last):
//!   ...
//! Type: message
//! ```
//!
//! A hook that fails is reported the same way, as "Exception ignored in
//! sys.unraisablehook", with its own exception.
use core::ffi::CStr;

use crate::abstract_::{new_ref, none, ret_obj, type_error};
use crate::errors::objtext;
use crate::errors::print::{exception_type_name, write_stderr};
use crate::errors::pyerr::{PyErr_Clear, PyErr_Fetch};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::refcount::Py_DecRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::structseq::{fini_info_type, info_instance, PyStructSequence_Desc, PyStructSequence_Field};
use crate::objects::str as pystr;

const fn field(name: &'static CStr) -> PyStructSequence_Field {
    PyStructSequence_Field { name: name.as_ptr(), doc: core::ptr::null() }
}

static mut ARGS_TYPE: PyTypeObject = unsafe { core::mem::zeroed() };
static mut ARGS_FIELDS: [PyStructSequence_Field; 6] = [
    field(c"exc_type"),
    field(c"exc_value"),
    field(c"exc_traceback"),
    field(c"err_msg"),
    field(c"object"),
    PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() },
];
static mut ARGS_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"UnraisableHookArgs".as_ptr(),
    doc: c"UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.".as_ptr(),
    fields: &raw mut ARGS_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 5,
};

/// The fields of an `UnraisableHookArgs` (each an object; None for "absent").
struct HookArgs {
    exc_type: *mut PyObject,
    exc_value: *mut PyObject,
    exc_traceback: *mut PyObject,
    err_msg: *mut PyObject,
    object: *mut PyObject,
}

fn or_none(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() { none() } else { o }
}

unsafe fn make_args(a: &HookArgs) -> PyResult<PyRef> {
    let values = [a.exc_type, a.exc_value, a.exc_traceback, a.err_msg, a.object]
        .iter()
        .map(|&o| new_ref(or_none(o)))
        .collect();
    info_instance(&raw mut ARGS_TYPE, &raw mut ARGS_DESC, values)
}

/// What the default hook prints for `a`.
unsafe fn default_hook(a: &HookArgs) {
    let is_none = |o: *mut PyObject| o.is_null() || o == none();
    let mut out = String::new();
    if !is_none(a.object) {
        let label = if is_none(a.err_msg) {
            String::from("Exception ignored in")
        } else {
            objtext::str_string(a.err_msg).unwrap_or_default()
        };
        let r = objtext::repr_string(a.object).unwrap_or_else(|_| {
            PyErr_Clear();
            "<object repr() failed>".into()
        });
        out.push_str(&format!("{label}: {r}\n"));
    } else if !is_none(a.err_msg) {
        out.push_str(&format!("{}:\n", objtext::str_string(a.err_msg).unwrap_or_default()));
    }
    PyErr_Clear();
    if !is_none(a.exc_traceback) && crate::eval::traceback::is_traceback(a.exc_traceback) {
        crate::errors::traceback_format::format_traceback(a.exc_traceback, &mut out);
    }
    if !is_none(a.exc_type) {
        if crate::object::type_layout::is_type(a.exc_type) {
            out.push_str(&exception_type_name(a.exc_type as *mut PyTypeObject));
        } else {
            out.push_str("<unknown>");
        }
        if !is_none(a.exc_value) {
            out.push_str(": ");
            out.push_str(&objtext::str_string(a.exc_value).unwrap_or_else(|_| {
                PyErr_Clear();
                "<exception str() failed>".into()
            }));
        }
        out.push('\n');
    }
    write_stderr(&out);
}

/// Reports the pending exception as unraisable through `sys.unraisablehook`; `message`
/// replaces "Exception ignored in", `obj` (NULL for none) is the object concerned.
pub(crate) unsafe fn write_unraisable(message: Option<&str>, obj: *mut PyObject) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    if tb.is_null() && !v.is_null() && crate::errors::pyerr::is_exception_instance(v) {
        let own = crate::errors::baseexception::head(v).traceback;
        if !own.is_null() {
            tb = new_ref(own).into_ptr();
        }
    }
    let err_msg = message.and_then(|m| pystr::from_utf8(m).ok());
    let args = HookArgs {
        exc_type: t,
        exc_value: v,
        exc_traceback: tb,
        err_msg: err_msg.as_ref().map_or(core::ptr::null_mut(), |m| m.as_ptr()),
        object: obj,
    };
    let hook = crate::modules::sys_stdio::sys_attr("unraisablehook");
    let hook = if hook.is_null() || hook == none() { None } else { Some(new_ref(hook)) };
    match hook {
        None => default_hook(&args),
        Some(hook) => {
            let called = make_args(&args).and_then(|packed| {
                crate::abstract_::from_slot(crate::abstract_::call::PyObject_CallOneArg(hook.as_ptr(), packed.as_ptr()))
            });
            if called.is_err() {
                let (mut t2, mut v2, mut tb2) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
                PyErr_Fetch(&mut t2, &mut v2, &mut tb2);
                crate::errors::normalize::PyErr_NormalizeException(&mut t2, &mut v2, &mut tb2);
                let msg = pystr::from_utf8("Exception ignored in sys.unraisablehook").ok();
                let failed = HookArgs {
                    exc_type: t2,
                    exc_value: v2,
                    exc_traceback: tb2,
                    err_msg: msg.as_ref().map_or(core::ptr::null_mut(), |m| m.as_ptr()),
                    object: hook.as_ptr(),
                };
                default_hook(&failed);
                Py_DecRef(t2);
                Py_DecRef(v2);
                Py_DecRef(tb2);
            }
        }
    }
    PyErr_Clear();
    Py_DecRef(t);
    Py_DecRef(v);
    Py_DecRef(tb);
}

/// `sys.unraisablehook(unraisable, /)` (also `sys.__unraisablehook__`): the default hook.
pub(crate) unsafe extern "C" fn sys_unraisablehook(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if (*arg).ob_type != &raw mut ARGS_TYPE {
        return ret_obj(Err(type_error("sys.unraisablehook argument type must be UnraisableHookArgs")));
    }
    let item = |i: usize| crate::objects::structseq::PyStructSequence_GetItem(arg, i as isize);
    let args = HookArgs { exc_type: item(0), exc_value: item(1), exc_traceback: item(2), err_msg: item(3), object: item(4) };
    default_hook(&args);
    new_ref(none()).into_ptr()
}

/// Returns the struct sequence type to its unmade state (at finalization).
pub(crate) fn fini() {
    // SAFETY: finalization; no code of this runtime uses the type any more.
    unsafe { fini_info_type(&raw mut ARGS_TYPE) };
}
