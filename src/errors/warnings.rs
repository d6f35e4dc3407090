//! Issuing warnings (CPython's `Python/_warnings.c` semantics, written here): the C API
//! (`PyErr_WarnEx`, `PyErr_WarnExplicit*`, `PyErr_WarnFormat`, `PyErr_ResourceWarning`)
//! and `_warnings.warn`/`warn_explicit` share this code and one filter state
//! (warnings_state.rs). A warning is attributed to the Python frame `stacklevel` calls up
//! (`sys:1` when none runs), checked against the module's `__warningregistry__`, matched
//! against the filters (action, message regex, category, module regex, line), then raised
//! ("error"), dropped ("ignore") or shown: through `warnings._showwarnmsg` once `warnings`
//! is imported, else written to `sys.stderr` as `file:line: Category: text`.
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::baseexception as be;
use crate::errors::exception_types as exc;
use crate::errors::objtext;
use crate::errors::print::write_stderr;
use crate::errors::raised::{PyResult, Raised};
use crate::errors::warnings_state as wstate;
use crate::object::object::PyObject;
use crate::object::object_attr::get_attr;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::{dict, int, list, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// Forgets what was shown (kept for the runtime's teardown; registries are dicts now).
pub(crate) fn clear_registry() {}

unsafe fn owned(op: *mut PyObject) -> PyResult<PyRef> {
    PyRef::from_owned(op).ok_or_else(Raised::assume_set)
}

unsafe fn is_exact_str(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut pystr::PyUnicode_Type
}

/// A filter's message or module part against the text (CPython's `check_matched`): None
/// matches all, a plain str must be equal, anything else is a regex (`.match(arg)`).
unsafe fn matches(pattern: *mut PyObject, arg: *mut PyObject) -> PyResult<bool> {
    if pattern == none() {
        return Ok(true);
    }
    if is_exact_str(pattern) {
        if !pystr::is_str(arg) {
            return Err(type_error(format!("Can't compare {} and {}", tp_name(pattern), tp_name(arg))));
        }
        return Ok(pystr::eq(pattern, arg));
    }
    let method = get_attr(pattern, pystr::intern("match")?.as_ptr())?;
    let result = owned(crate::abstract_::call::PyObject_CallOneArg(method.as_ptr(), arg))?;
    crate::abstract_::object::is_true(result.as_ptr())
}

/// The first matching filter's action and the filter (None), else the default action.
unsafe fn get_filter(category: *mut PyObject, text: *mut PyObject, lineno: i64, module: *mut PyObject) -> PyResult<(PyRef, PyRef)> {
    let filters = wstate::filters()?;
    let mut i = 0;
    // The list may change while filters run Python code (a regex's match).
    while i < list::len(filters.as_ptr()) {
        let item = new_ref(list::items(filters.as_ptr())[i]);
        if !tuple::is_tuple(item.as_ptr()) || tuple::len(item.as_ptr()) != 5 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("_warnings.filters item {i} isn't a 5-tuple")));
        }
        let f = tuple::items(item.as_ptr());
        if !pystr::is_str(f[0]) {
            return Err(type_error(format!("action must be a string, not '{}'", tp_name(f[0]))));
        }
        let good_msg = matches(f[1], text)?;
        let is_subclass = crate::abstract_::isinstance::issubclass(category, f[2])?;
        let good_mod = matches(f[3], module)?;
        let ln = crate::objects::long_convert::as_i64(f[4])?;
        if good_msg && is_subclass && good_mod && (ln == 0 || ln == lineno) {
            return Ok((new_ref(f[0]), item));
        }
        i += 1;
    }
    Ok((wstate::default_action()?, new_ref(none())))
}

/// Whether `registry[key]` says the warning was shown; a registry of an older filter
/// version is emptied first. `should_set`: mark it shown.
unsafe fn already_warned(registry: *mut PyObject, key: *mut PyObject, should_set: bool) -> PyResult<bool> {
    let version = wstate::state()?.filters_version;
    let current = dict::get_item_str(registry, "version")?;
    let up_to_date = match current {
        Some(v) if int::is_exact_int(v) => crate::objects::long_convert::as_i64(v).ok() == Some(version),
        _ => false,
    };
    if !up_to_date {
        crate::errors::pyerr::PyErr_Clear();
        dict::clear(registry);
        dict::set_item(registry, pystr::intern("version")?.as_ptr(), int::from_i64(version)?.as_ptr())?;
    } else if let Some(seen) = dict::get_item(registry, key)? {
        let seen = new_ref(seen);
        if crate::abstract_::object::is_true(seen.as_ptr())? {
            return Ok(true);
        }
    }
    if should_set {
        dict::set_item(registry, key, crate::abstract_::compare::bool_ref(true).as_ptr())?;
    }
    Ok(false)
}

/// `registry[(text, category)]`, set; whether it was already there.
unsafe fn update_registry(registry: *mut PyObject, text: *mut PyObject, category: *mut PyObject) -> PyResult<bool> {
    let key = tuple::from_ptrs(&[text, category])?;
    already_warned(registry, key.as_ptr(), true)
}

/// The module name of a file: without `.py`, `<unknown>` for an empty name.
unsafe fn normalize_module(filename: *mut PyObject) -> PyResult<PyRef> {
    let name = pystr::to_string(filename);
    if name.is_empty() {
        return pystr::from_utf8("<unknown>");
    }
    match name.strip_suffix(".py") {
        Some(stem) => pystr::from_utf8(stem),
        None => Ok(new_ref(filename)),
    }
}

/// The stripped source line `lineno` of `filename`, if the file can be read.
fn file_line(filename: &str, lineno: i64) -> Option<String> {
    let text = std::fs::read(filename).ok()?;
    let line = text.split(|&b| b == b'\n').nth(usize::try_from(lineno).ok()?.checked_sub(1)?)?;
    Some(String::from_utf8_lossy(line).to_string())
}

fn strip_line(line: &str) -> String {
    line.trim_start_matches([' ', '\t', '\x0c']).trim_end_matches(['\r', '\n']).to_string()
}

/// The warning written to `sys.stderr` without the `warnings` module (errors dropped).
unsafe fn show_warning(filename: *mut PyObject, lineno: i64, text: *mut PyObject, category: *mut PyObject, sourceline: Option<&PyRef>) {
    let written = (|| -> PyResult<()> {
        let name = get_attr(category, pystr::intern("__name__")?.as_ptr())?;
        let mut out = format!(
            "{}:{lineno}: {}: {}\n",
            objtext::str_string(filename)?,
            objtext::str_string(name.as_ptr())?,
            objtext::str_string(text)?
        );
        let line = match sourceline {
            Some(l) => Some(objtext::str_string(l.as_ptr())?),
            None => file_line(&pystr::to_string(filename), lineno),
        };
        if let Some(line) = line {
            out.push_str(&format!("  {}\n", strip_line(&line)));
        }
        write_stderr(&out);
        Ok(())
    })();
    if written.is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
}

/// Shows a warning: `warnings._showwarnmsg(WarningMessage(...))` when `warnings` is
/// imported (imported for a warning with a `source`, as CPython does), else `show_warning`.
#[allow(clippy::too_many_arguments)]
unsafe fn call_show_warning(
    category: *mut PyObject,
    text: *mut PyObject,
    message: *mut PyObject,
    filename: *mut PyObject,
    lineno: i64,
    lineno_obj: *mut PyObject,
    sourceline: Option<&PyRef>,
    source: *mut PyObject,
) -> PyResult<()> {
    let has_source = !source.is_null() && source != none();
    if has_source {
        drop(owned(crate::import::api::PyImport_ImportModule(c"warnings".as_ptr()))?);
    }
    let Some(show) = wstate::warnings_attr("_showwarnmsg")? else {
        show_warning(filename, lineno, text, category, sourceline);
        return Ok(());
    };
    if crate::abstract_::call::PyCallable_Check(show.as_ptr()) == 0 {
        return Err(type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    let Some(cls) = wstate::warnings_attr("WarningMessage")? else {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "unable to get warnings.WarningMessage"));
    };
    let source = if source.is_null() { none() } else { source };
    let args = tuple::from_ptrs(&[message, category, filename, lineno_obj, none(), none(), source])?;
    let msg = owned(crate::abstract_::call::call_tuple(cls.as_ptr(), args.as_ptr(), core::ptr::null_mut()))?;
    drop(owned(crate::abstract_::call::PyObject_CallOneArg(show.as_ptr(), msg.as_ptr()))?);
    Ok(())
}

/// One warning, placed (CPython's `warn_explicit`): `module` NULL is derived from the
/// file name; `registry` NULL/None keeps no record; `sourceline` is the line to show.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn warn_explicit_object(
    category: *mut PyObject,
    message: *mut PyObject,
    filename: *mut PyObject,
    lineno: i64,
    module: *mut PyObject,
    registry: *mut PyObject,
    sourceline: Option<PyRef>,
    source: *mut PyObject,
) -> PyResult<()> {
    let registry = if registry.is_null() || registry == none() { None } else { Some(registry) };
    if let Some(r) = registry {
        if !dict::is_dict(r) {
            return Err(type_error("'registry' must be a dict or None"));
        }
    }
    let module = if module.is_null() { normalize_module(filename)? } else { new_ref(module) };
    let warning = &raw mut exc::_PyExc_Warning as *mut PyObject;
    let (text, message, category) = if crate::abstract_::isinstance::isinstance(message, warning)? {
        (objtext::str(message)?, new_ref(message), (*message).ob_type as *mut PyObject)
    } else {
        let instance = owned(crate::abstract_::call::PyObject_CallOneArg(category, message))?;
        (new_ref(message), instance, category)
    };
    let lineno_obj = int::from_i64(lineno)?;
    let key = tuple::from_ptrs(&[text.as_ptr(), category, lineno_obj.as_ptr()])?;
    if let Some(r) = registry {
        if already_warned(r, key.as_ptr(), false)? {
            return Ok(());
        }
    }
    let (action, item) = get_filter(category, text.as_ptr(), lineno, module.as_ptr())?;
    let action_ptr = action.as_ptr();
    if pystr::eq_ascii(action_ptr, "error") {
        crate::errors::pyerr::PyErr_SetObject(category, message.as_ptr());
        return Err(Raised::assume_set());
    }
    if pystr::eq_ascii(action_ptr, "ignore") {
        return Ok(());
    }
    let mut already = false;
    if !pystr::eq_ascii(action_ptr, "always") {
        if let Some(r) = registry {
            dict::set_item(r, key.as_ptr(), crate::abstract_::compare::bool_ref(true).as_ptr())?;
        }
        if pystr::eq_ascii(action_ptr, "once") {
            let once = match registry {
                Some(r) => new_ref(r),
                None => wstate::once_registry()?,
            };
            already = update_registry(once.as_ptr(), text.as_ptr(), category)?;
        } else if pystr::eq_ascii(action_ptr, "module") {
            if let Some(r) = registry {
                already = update_registry(r, text.as_ptr(), category)?;
            }
        } else if !pystr::eq_ascii(action_ptr, "default") {
            return Err(raise_type(
                &raw mut exc::_PyExc_RuntimeError,
                format!(
                    "Unrecognized action ({}) in warnings.filters:\n {}",
                    objtext::repr_string(action_ptr)?,
                    objtext::repr_string(item.as_ptr())?
                ),
            ));
        }
    }
    if already {
        return Ok(());
    }
    call_show_warning(category, text.as_ptr(), message.as_ptr(), filename, lineno, lineno_obj.as_ptr(), sourceline.as_ref(), source)
}

/// A warning at a known file and line, no module or registry (the compiler's warnings).
pub(crate) unsafe fn warn_explicit_at(category: *mut PyObject, message: *mut PyObject, filename: &str, lineno: i64) -> PyResult<()> {
    let filename = pystr::from_utf8(filename)?;
    warn_explicit_object(category, message, filename.as_ptr(), lineno, core::ptr::null_mut(), core::ptr::null_mut(), None, core::ptr::null_mut())
}

/// A frame of importlib's bootstrap, which `stacklevel` skips (as CPython does).
unsafe fn is_internal_frame(f: *mut crate::eval::interp_frame::Frame) -> bool {
    let filename = (*(*f).code).co_filename;
    if filename.is_null() || !pystr::is_str(filename) {
        return false;
    }
    let name = pystr::to_string(filename);
    name.contains("importlib") && name.contains("_bootstrap")
}

/// Where a warning `stack_level` calls up belongs (CPython's `setup_context`): file, line,
/// module name and the globals' `__warningregistry__` (made when missing).
unsafe fn setup_context(stack_level: Py_ssize_t) -> PyResult<(PyRef, i64, PyRef, PyRef)> {
    use crate::eval::interp_frame::{current, Frame};
    let mut f: *mut Frame = current(crate::runtime::pystate::current());
    let mut level = stack_level;
    if level <= 0 || (!f.is_null() && is_internal_frame(f)) {
        level -= 1;
        while level > 0 && !f.is_null() {
            f = (*f).previous;
            level -= 1;
        }
    } else {
        level -= 1;
        while level > 0 && !f.is_null() {
            f = (*f).previous;
            while !f.is_null() && is_internal_frame(f) {
                f = (*f).previous;
            }
            level -= 1;
        }
    }
    let (globals, filename, lineno) = if f.is_null() {
        let owner = crate::runtime::interpreter::current().ok_or_else(bad_internal_call)?;
        (owner.sysdict, pystr::intern("sys")?, 1)
    } else {
        ((*f).globals, new_ref((*(*f).code).co_filename), crate::eval::interp_frame::line(f) as i64)
    };
    let registry = match dict::get_item_str(globals, "__warningregistry__")? {
        Some(r) => new_ref(r),
        None => {
            let r = dict::new()?;
            dict::set_item(globals, pystr::intern("__warningregistry__")?.as_ptr(), r.as_ptr())?;
            r
        }
    };
    let module = match dict::get_item_str(globals, "__name__")? {
        Some(m) if m == none() || pystr::is_str(m) => new_ref(m),
        _ => pystr::from_utf8("<string>")?,
    };
    Ok((filename, lineno, module, registry))
}

/// `warnings.warn` for a category already checked (CPython's `do_warn`).
pub(crate) unsafe fn do_warn(message: *mut PyObject, category: *mut PyObject, stack_level: Py_ssize_t, source: *mut PyObject) -> PyResult<()> {
    let (filename, lineno, module, registry) = setup_context(stack_level)?;
    warn_explicit_object(category, message, filename.as_ptr(), lineno, module.as_ptr(), registry.as_ptr(), None, source)
}

/// The C API's default category.
fn runtime_warning_if_null(category: *mut PyObject) -> *mut PyObject {
    if category.is_null() { &raw mut exc::_PyExc_RuntimeWarning as *mut PyObject } else { category }
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
            return Err(bad_internal_call());
        }
        let category = runtime_warning_if_null(category);
        warn_explicit_object(category, message, filename, lineno as i64, module, registry, None, core::ptr::null_mut())
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
    source: *mut PyObject,
    resource: c_int,
) -> c_int {
    let Some(message) = PyRef::from_owned(message) else { return -1 };
    let category = if resource != 0 {
        &raw mut exc::_PyExc_ResourceWarning as *mut PyObject
    } else {
        runtime_warning_if_null(category)
    };
    status(do_warn(message.as_ptr(), category, stack_level, source))
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
            return Err(bad_internal_call());
        }
        let filename = pystr::from_utf8(&CStr::from_ptr(filename).to_string_lossy())?;
        let module = if module.is_null() { None } else { Some(pystr::from_utf8(&CStr::from_ptr(module).to_string_lossy())?) };
        let module_ptr = module.as_ref().map_or(core::ptr::null_mut(), PyRef::as_ptr);
        let category = runtime_warning_if_null(category);
        warn_explicit_object(category, message.as_ptr(), filename.as_ptr(), lineno as i64, module_ptr, registry, None, core::ptr::null_mut())
    })())
}
