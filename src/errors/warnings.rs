//! Warnings from C (`PyErr_WarnEx`, `PyErr_WarnExplicit*`, `PyErr_WarnFormat`,
//! `PyErr_ResourceWarning`), as CPython's `_warnings` does them before the `warnings`
//! module is imported: the filters are CPython's defaults (kept here until the `warnings`
//! module owns `warnings.filters`), a warning with no Python frame running is attributed to
//! `sys:1`, "default" shows a warning once per (text, category, line) and registry, "error"
//! raises it, and a shown warning is written as `file:line: Category: text`.
use core::ffi::{c_char, c_int, CStr};
use std::collections::HashSet;
use std::sync::Mutex;

use crate::errors::baseexception as be;
use crate::errors::exception_types as exc;
use crate::errors::objtext;
use crate::errors::print::write_stderr;
use crate::errors::pyerr::{is_exception_class, is_exception_instance};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::object::typetype::is_subtype;
use crate::objects::{dict, str as pystr};
use crate::pyport::Py_ssize_t;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Default,
    Ignore,
}

/// `warnings.filters` of a release build of CPython 3.11 started without -W options:
/// (action, category, module or None).
fn default_filters() -> [(Action, *mut PyTypeObject, Option<&'static str>); 5] {
    [
        (Action::Default, &raw mut exc::_PyExc_DeprecationWarning, Some("__main__")),
        (Action::Ignore, &raw mut exc::_PyExc_DeprecationWarning, None),
        (Action::Ignore, &raw mut exc::_PyExc_PendingDeprecationWarning, None),
        (Action::Ignore, &raw mut exc::_PyExc_ImportWarning, None),
        (Action::Ignore, &raw mut exc::_PyExc_ResourceWarning, None),
    ]
}

/// The first matching filter's action, else "default".
unsafe fn action_for(category: *mut PyTypeObject, module: &str) -> Action {
    for (action, cat, m) in default_filters() {
        if is_subtype(category, cat) && m.is_none_or(|m| m == module) {
            return action;
        }
    }
    Action::Default
}

/// Which warnings were shown, per registry: (registry, text, category, line). The registry
/// is the address of the dict the caller passed (0: the `sys` module's, used when no
/// Python frame runs). TODO(warnings): the keys belong in the registry dicts themselves
/// (`__warningregistry__`) once dicts take tuple keys.
static SHOWN: Mutex<Option<HashSet<(usize, String, usize, i64)>>> = Mutex::new(None);

/// Forgets every warning shown (at finalization; the registries die with the runtime).
pub(crate) fn clear_registry() {
    *SHOWN.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// The module name of a file: without `.py`, `<unknown>` for an empty name.
fn module_of(filename: &str) -> String {
    let m = filename.strip_suffix(".py").unwrap_or(filename);
    if m.is_empty() { "<unknown>".into() } else { m.into() }
}

/// The stripped source line `lineno` of `filename`, if the file can be read.
fn source_line(filename: &str, lineno: i64) -> Option<String> {
    let text = std::fs::read(filename).ok()?;
    let line = text.split(|&b| b == b'\n').nth(usize::try_from(lineno).ok()?.checked_sub(1)?)?;
    let line = String::from_utf8_lossy(line);
    Some(line.trim_start_matches([' ', '\t', '\x0c']).trim_end_matches(['\r', '\n']).to_string())
}

/// The category of a warning: the message's class for a Warning instance, else the
/// category given, which is called with the message (no other check, as in CPython 3.11).
unsafe fn category_of(message: *mut PyObject, category: *mut PyObject) -> PyResult<*mut PyTypeObject> {
    let warning = &raw mut exc::_PyExc_Warning;
    if is_exception_instance(message) && is_subtype((*message).ob_type, warning) {
        return Ok((*message).ob_type);
    }
    if category.is_null() || !is_exception_class(category) {
        let name = if category.is_null() { "NoneType".into() } else { objtext::type_name_of(category) };
        return Err(raise(ExcType::TypeError, format!("'{name}' object is not callable")));
    }
    Ok(category as *mut PyTypeObject)
}

/// The C API's default category.
fn runtime_warning_if_null(category: *mut PyObject) -> *mut PyObject {
    if category.is_null() { &raw mut exc::_PyExc_RuntimeWarning as *mut PyObject } else { category }
}

/// Issues one warning (CPython's `warn_explicit`): 0 when shown or filtered out, -1 with
/// the exception set (an "error" filter, or a failure).
pub(crate) unsafe fn warn_explicit(
    category: *mut PyObject,
    message: *mut PyObject,
    filename: &str,
    lineno: i64,
    module: Option<&str>,
    registry: usize,
) -> PyResult<()> {
    let category = category_of(message, category)?;
    let module = module.map_or_else(|| module_of(filename), str::to_string);
    // The text, and the warning instance `category(message)`.
    let (text, instance) = if is_exception_instance(message) {
        (objtext::str_string(message)?, PyRef::from_borrowed(message).expect("live"))
    } else {
        let inst = crate::errors::normalize::create_exception(category as *mut PyObject, message)?;
        (objtext::str_string(message)?, inst)
    };
    let key = (registry, text.clone(), category as usize, lineno);
    {
        let shown = SHOWN.lock().unwrap_or_else(|e| e.into_inner());
        if registry != usize::MAX && shown.as_ref().is_some_and(|s| s.contains(&key)) {
            return Ok(());
        }
    }
    let action = action_for(category, &module);
    if registry != usize::MAX {
        SHOWN.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(HashSet::new).insert(key);
    }
    if action == Action::Ignore {
        return Ok(());
    }
    let name = be::short_type_name(category);
    let mut out = format!("{filename}:{lineno}: {name}: {text}\n");
    if let Some(line) = source_line(filename, lineno) {
        out.push_str(&format!("  {line}\n"));
    }
    write_stderr(&out);
    drop(instance);
    Ok(())
}

/// A warning raised where no Python frame runs: `sys:1`, the `sys` registry.
unsafe fn warn_here(category: *mut PyObject, message: *mut PyObject, _stack_level: Py_ssize_t) -> PyResult<()> {
    warn_explicit(category, message, "sys", 1, None, 0)
}

/// The registry key of a registry dict argument (NULL/None: none, every warning shows).
unsafe fn registry_key(registry: *mut PyObject) -> PyResult<usize> {
    if registry.is_null() || registry == be::none() {
        return Ok(usize::MAX);
    }
    if !dict::is_dict(registry) {
        return Err(raise(ExcType::TypeError, "'registry' must be a dict or None"));
    }
    Ok(registry as usize)
}

fn status(r: PyResult<()>) -> c_int {
    be::to_status(r)
}

/// `int PyErr_WarnEx(PyObject *category, const char *message, Py_ssize_t stack_level)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnEx(category: *mut PyObject, text: *const c_char, stack_level: Py_ssize_t) -> c_int {
    let message = pystr::PyUnicode_FromString(text);
    warn_message(runtime_warning_if_null(category), message, stack_level, core::ptr::null_mut(), 0)
}

#[cfg(not(Py_LIMITED_API))]
/// `int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename,
/// int lineno, PyObject *module, PyObject *registry)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnExplicitObject(
    category: *mut PyObject,
    message: *mut PyObject,
    filename: *mut PyObject,
    lineno: c_int,
    module: *mut PyObject,
    registry: *mut PyObject,
) -> c_int {
    status((|| {
        if message.is_null() || filename.is_null() || !pystr::is_str(filename) {
            return Err(crate::object::pending_error::bad_internal_call());
        }
        let reg = registry_key(registry)?;
        let filename = pystr::to_string(filename);
        let module = if module.is_null() || !pystr::is_str(module) { None } else { Some(pystr::to_string(module)) };
        warn_explicit(runtime_warning_if_null(category), message, &filename, lineno as i64, module.as_deref(), reg)
    })())
}

/// `int PyErr_WarnExplicit(PyObject *category, const char *message, const char *filename,
/// int lineno, const char *module, PyObject *registry)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnExplicit(
    category: *mut PyObject,
    text: *const c_char,
    filename: *const c_char,
    lineno: c_int,
    module: *const c_char,
    registry: *mut PyObject,
) -> c_int {
    let message = pystr::PyUnicode_FromString(text);
    warn_explicit_message(category, message, filename, lineno, module, registry)
}

/// The C shim's callback for `PyErr_WarnFormat`/`PyErr_ResourceWarning`: steals `message`
/// (NULL: formatting failed, -1). `resource` non-zero: a ResourceWarning about `source`.
pub(crate) unsafe extern "C" fn warn_message(
    category: *mut PyObject,
    message: *mut PyObject,
    stack_level: Py_ssize_t,
    _source: *mut PyObject,
    resource: c_int,
) -> c_int {
    let Some(message) = PyRef::from_owned(message) else { return -1 };
    let category = if resource != 0 {
        &raw mut exc::_PyExc_ResourceWarning as *mut PyObject
    } else {
        runtime_warning_if_null(category)
    };
    status(warn_here(category, message.as_ptr(), stack_level))
}

/// The C shim's callback for `PyErr_WarnExplicitFormat`: steals `message`.
pub(crate) unsafe extern "C" fn warn_explicit_message(
    category: *mut PyObject,
    message: *mut PyObject,
    filename: *const c_char,
    lineno: c_int,
    module: *const c_char,
    registry: *mut PyObject,
) -> c_int {
    let Some(message) = PyRef::from_owned(message) else { return -1 };
    status((|| {
        if filename.is_null() {
            return Err(crate::object::pending_error::bad_internal_call());
        }
        let reg = registry_key(registry)?;
        let filename = CStr::from_ptr(filename).to_string_lossy().into_owned();
        let module = if module.is_null() { None } else { Some(CStr::from_ptr(module).to_string_lossy().into_owned()) };
        warn_explicit(runtime_warning_if_null(category), message.as_ptr(), &filename, lineno as i64, module.as_deref(), reg)
    })())
}

