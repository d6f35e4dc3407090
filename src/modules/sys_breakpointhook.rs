//! `sys.breakpointhook` (and `sys.__breakpointhook__`): the default hook behind
//! `breakpoint()`. `$PYTHONBREAKPOINT` names the callable (`module.attr`, or a builtin's
//! name); unset or empty means `pdb.set_trace`, `0` disables the hook. An unimportable
//! name is a RuntimeWarning and the hook returns None, as in CPython 3.11.
use core::ffi::CStr;

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{none_ref, owned, ret};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

/// `sys.breakpointhook(*args, **kws)`.
pub(crate) unsafe extern "C" fn breakpointhook(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let env = crate::runtime::legacy_flags::Py_GETENV(c"PYTHONBREAKPOINT".as_ptr());
        let name = if env.is_null() { "" } else { CStr::from_ptr(env).to_str().unwrap_or("") };
        let name = match name {
            "" => "pdb.set_trace",
            "0" => return Ok(none_ref()),
            other => other,
        };
        let Some(hook) = find_hook(name)? else {
            let message = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{name}\"");
            let text = std::ffi::CString::new(message).unwrap_or_default();
            if crate::errors::warnings::PyErr_WarnEx(&raw mut exc::_PyExc_RuntimeWarning as *mut PyObject, text.as_ptr(), 0) < 0 {
                return Err(Raised::assume_set());
            }
            return Ok(none_ref());
        };
        owned(crate::abstract_::call::vectorcall(hook.as_ptr(), args, nargs as usize, kwnames))
    })())
}

/// The callable `name` names, or None when its module does not import or lacks the
/// attribute (other errors propagate).
unsafe fn find_hook(name: &str) -> PyResult<Option<PyRef>> {
    let (module, attr) = name.rsplit_once('.').unwrap_or(("builtins", name));
    if module.is_empty() {
        return Ok(None); // ".attr": no module to import
    }
    let (Ok(module), Ok(attr)) = (std::ffi::CString::new(module), std::ffi::CString::new(attr)) else {
        return Ok(None);
    };
    let found = owned(crate::import::api::PyImport_ImportModule(module.as_ptr()))
        .and_then(|m| owned(crate::object::object_attr::PyObject_GetAttrString(m.as_ptr(), attr.as_ptr())));
    match found {
        Ok(hook) => Ok(Some(hook)),
        Err(e) => {
            let import_error = &raw mut exc::_PyExc_ImportError as *mut PyObject;
            let attribute_error = &raw mut exc::_PyExc_AttributeError as *mut PyObject;
            if crate::errors::pyerr::PyErr_ExceptionMatches(import_error) != 0
                || crate::errors::pyerr::PyErr_ExceptionMatches(attribute_error) != 0
            {
                crate::errors::pyerr::PyErr_Clear();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}
