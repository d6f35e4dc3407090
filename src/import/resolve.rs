//! Relative imports: the absolute name of `from ..x import y` in a module whose globals are
//! given, from `__package__`, else `__spec__.parent`, else `__name__` (and `__path__`), with
//! CPython's errors and ImportWarnings.
use crate::abstract_::{none, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{dict, str as pystr};

fn key_error(message: &str) -> Raised {
    // KeyError's argument is the message str itself (its repr is what prints).
    match pystr::from_utf8(message) {
        Ok(m) => unsafe { crate::objects::dict::set_key_error(m.as_ptr()) },
        Err(e) => e,
    }
}

unsafe fn warn_import(text: &core::ffi::CStr) -> PyResult<()> {
    if crate::errors::warnings::PyErr_WarnEx(&raw mut exc::_PyExc_ImportWarning as *mut PyObject, text.as_ptr(), 1) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}

fn no_parent() -> Raised {
    raise_type(&raw mut exc::_PyExc_ImportError, "attempted relative import with no known parent package")
}

/// The package a relative import starts from, as a Rust string.
unsafe fn package_of(globals: *mut PyObject) -> PyResult<String> {
    if globals.is_null() {
        return Err(key_error("'__name__' not in globals"));
    }
    if !dict::is_dict(globals) {
        return Err(type_error("globals must be a dict"));
    }
    let package = dict::get_item_str(globals, "__package__")?.filter(|&p| p != none());
    let spec = dict::get_item_str(globals, "__spec__")?.filter(|&s| s != none());
    if let Some(package) = package {
        let package = crate::abstract_::new_ref(package);
        if !pystr::is_str(package.as_ptr()) {
            return Err(type_error("package must be a string"));
        }
        if let Some(spec) = spec {
            let parent = crate::import::spec::attr(spec, "parent")?;
            let equal = crate::abstract_::compare::rich_compare_bool(package.as_ptr(), parent.as_ptr(), crate::object::object::Py_EQ)?;
            if !equal {
                warn_import(c"__package__ != __spec__.parent")?;
            }
        }
        return Ok(pystr::to_string(package.as_ptr()));
    }
    if let Some(spec) = spec {
        let parent = crate::import::spec::attr(spec, "parent")?;
        if !pystr::is_str(parent.as_ptr()) {
            return Err(type_error("__spec__.parent must be a string"));
        }
        return Ok(pystr::to_string(parent.as_ptr()));
    }
    warn_import(c"can't resolve package from __spec__ or __package__, falling back on __name__ and __path__")?;
    let Some(name) = dict::get_item_str(globals, "__name__")? else { return Err(key_error("'__name__' not in globals")) };
    if !pystr::is_str(name) {
        return Err(type_error("__name__ must be a string"));
    }
    let name = pystr::to_string(name);
    if dict::get_item_str(globals, "__path__")?.is_some() {
        return Ok(name);
    }
    match name.rsplit_once('.') {
        Some((parent, _)) => Ok(parent.to_string()),
        None => Err(no_parent()),
    }
}

/// The absolute name for `name` imported at `level` (> 0) from the module of `globals`.
pub(crate) unsafe fn resolve_name(name: *mut PyObject, globals: *mut PyObject, level: i32) -> PyResult<PyRef> {
    let package = package_of(globals)?;
    if package.is_empty() {
        return Err(no_parent());
    }
    // Work on chars: the cut points are dots, so byte offsets are safe.
    let mut end = package.len();
    for _ in 1..level {
        match package[..end].rfind('.') {
            Some(dot) => end = dot,
            None => {
                return Err(raise_type(&raw mut exc::_PyExc_ImportError, "attempted relative import beyond top-level package"));
            }
        }
    }
    let base = &package[..end];
    if pystr::len(name) == 0 {
        return pystr::from_utf8(base);
    }
    pystr::from_utf8(&format!("{base}.{}", pystr::to_string(name)))
}
