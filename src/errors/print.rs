//! Printing exceptions as CPython's default `sys.excepthook` and unraisable hook do:
//! `PyErr_Display`, `PyErr_Print`/`PyErr_PrintEx`, `PyErr_WriteUnraisable`, with chained
//! exceptions ("The above exception was the direct cause of the following exception:") and
//! `__notes__`.
//!
//! Output goes through `write_stderr`: `sys.stderr` (`write` then `flush`) when sys exists,
//! nothing when it is None, the C stderr (fd 2) before sys exists or when it has no stderr.
use core::ffi::c_int;
use std::io::Write;

use crate::errors::baseexception::{self as be, head};
use crate::errors::exception_types as exc;
use crate::errors::objtext;
use crate::errors::pyerr::{is_exception_instance, PyErr_Clear, PyErr_Fetch, PyErr_GivenExceptionMatches};
use crate::object::object::PyObject;
use crate::object::refcount::Py_DecRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, str as pystr};

/// Writes `text` to the error stream: `sys.stderr`, else fd 2. A pending exception is kept;
/// errors of the stream itself are dropped (CPython's printing does not report them).
pub(crate) fn write_stderr(text: &str) {
    // SAFETY: called with the GIL held (or before there is any sys).
    unsafe {
        let file = crate::modules::sys_stdio::sys_attr("stderr");
        if file == be::none() {
            return;
        }
        if !file.is_null() {
            let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
            PyErr_Fetch(&mut t, &mut v, &mut tb);
            let file = crate::abstract_::new_ref(file);
            let written = pystr::from_utf8(text)
                .and_then(|s| crate::modules::sys_stdio::file_write(file.as_ptr(), s.as_ptr()))
                .and_then(|()| crate::modules::sys_stdio::file_flush(file.as_ptr()));
            PyErr_Clear();
            crate::errors::pyerr::PyErr_Restore(t, v, tb);
            if written.is_ok() {
                return;
            }
        }
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

/// `module.qualname` of an exception class, the module left out for builtins and
/// `__main__` (how tracebacks name the type).
pub(crate) unsafe fn exception_type_name(tp: *mut PyTypeObject) -> String {
    let (module, qualname) = crate::object::typetype::module_and_qualname(tp);
    match module.as_deref() {
        None | Some("builtins") | Some("__main__") => qualname,
        Some(m) => format!("{m}.{qualname}"),
    }
}

/// `str(value)` for a report, or CPython's placeholder when it fails.
unsafe fn str_or_placeholder(value: *mut PyObject) -> String {
    match objtext::str_string(value) {
        Ok(s) => s,
        Err(_) => {
            PyErr_Clear();
            "<exception str() failed>".into()
        }
    }
}

/// The lines of one exception: traceback, `Type: message`, notes.
unsafe fn format_one(value: *mut PyObject, out: &mut String) {
    if !is_exception_instance(value) {
        let name = objtext::type_name_of(value);
        out.push_str(&format!("TypeError: print_exception(): Exception expected for value, {name} found\n"));
        return;
    }
    let tb = head(value).traceback;
    if !tb.is_null() {
        crate::errors::traceback_format::format_traceback(tb, out);
    }
    let name = exception_type_name((*value).ob_type);
    let text = str_or_placeholder(value);
    if text.is_empty() {
        out.push_str(&name);
    } else {
        out.push_str(&format!("{name}: {text}"));
    }
    out.push('\n');
    format_notes(value, out);
}

/// `__notes__` from the instance dict: each str note on its own line (other notes by
/// their str, a non-sequence `__notes__` by its repr).
unsafe fn format_notes(value: *mut PyObject, out: &mut String) {
    let d = head(value).dict;
    if d.is_null() {
        return;
    }
    let notes = match dict::get_item_str(d, "__notes__") {
        Ok(Some(n)) => n,
        Ok(None) => return,
        Err(_) => {
            PyErr_Clear();
            return;
        }
    };
    // Any sequence is a list of notes (a str too: one note per character, as 3.11 prints it).
    if pystr::is_str(notes) {
        for c in pystr::to_string(notes).chars() {
            out.push(c);
            out.push('\n');
        }
        return;
    }
    let sq = (*(*notes).ob_type).tp_as_sequence;
    let is_sequence = !dict::is_dict(notes) && !sq.is_null() && (*sq).sq_item.is_some();
    let collected = if is_sequence { crate::abstract_::iter::collect(notes).ok() } else { None };
    let Some(items) = collected else {
        PyErr_Clear();
        let text = objtext::repr_string(notes).unwrap_or_else(|_| {
            PyErr_Clear();
            "<__notes__ repr() failed>".into()
        });
        out.push_str(&text);
        out.push('\n');
        return;
    };
    let items: Vec<*mut PyObject> = items.iter().map(|r| r.as_ptr()).collect();
    for note in items {
        if pystr::is_str(note) {
            out.push_str(&pystr::to_string(note));
        } else {
            out.push_str(&str_or_placeholder(note));
        }
        out.push('\n');
    }
}

/// The chain first (cause, or context unless suppressed), oldest first, each exception once.
unsafe fn format_chain(value: *mut PyObject, seen: &mut Vec<*mut PyObject>, out: &mut String) {
    seen.push(value);
    if is_exception_instance(value) {
        let h = head(value);
        let (cause, context) = (h.cause, h.context);
        if !cause.is_null() && !seen.contains(&cause) {
            format_chain(cause, seen, out);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if !context.is_null() && h.suppress_context == 0 && !seen.contains(&context) {
            format_chain(context, seen, out);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    format_one(value, out);
}

/// The report `PyErr_Display` prints for `value`.
pub(crate) unsafe fn format_exception(value: *mut PyObject) -> String {
    let mut out = String::new();
    format_chain(value, &mut Vec::new(), &mut out);
    out
}

/// `void PyErr_Display(PyObject *exc, PyObject *value, PyObject *tb)`: prints the exception
/// as the default `sys.excepthook` does.
#[no_mangle]
pub unsafe extern "C" fn PyErr_Display(_exc: *mut PyObject, value: *mut PyObject, tb: *mut PyObject) {
    if value.is_null() {
        return;
    }
    if !tb.is_null() && is_exception_instance(value) && head(value).traceback.is_null() && crate::eval::traceback::is_traceback(tb) {
        let _ = be::set_traceback(value, tb);
    }
    write_stderr(&format_exception(value));
}

/// `void PyErr_Print(void)`: `PyErr_PrintEx(1)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_Print() {
    PyErr_PrintEx(1);
}

/// `void PyErr_PrintEx(int set_sys_last_vars)`: prints and clears the current exception
/// through `sys.excepthook` (a SystemExit ends the process instead, as CPython does); with
/// `set_sys_last_vars`, `sys.last_type`/`last_value`/`last_traceback` keep it. A failing
/// hook is reported with both exceptions; a missing one with "sys.excepthook is missing".
#[no_mangle]
pub unsafe extern "C" fn PyErr_PrintEx(set_sys_last_vars: c_int) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    if t.is_null() {
        return;
    }
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    if !tb.is_null() && !v.is_null() && is_exception_instance(v) {
        let _ = be::set_traceback(v, tb);
    }
    // Under -i (until the prompt starts) a SystemExit is printed like any exception.
    let inspecting = crate::runtime::interpreter::current().is_some_and(|i| i.config.inspect > 0);
    if !inspecting && PyErr_GivenExceptionMatches(t, &raw mut exc::_PyExc_SystemExit as *mut PyObject) != 0 {
        handle_system_exit(v);
    }
    let or_none = |o: *mut PyObject| if o.is_null() { be::none() } else { o };
    if set_sys_last_vars != 0 {
        for (name, o) in [(c"last_type", t), (c"last_value", v), (c"last_traceback", tb)] {
            if crate::modules::sys_api::PySys_SetObject(name.as_ptr(), or_none(o)) < 0 {
                PyErr_Clear();
            }
        }
    }
    let hook = crate::modules::sys_stdio::sys_attr("excepthook");
    let hook = crate::object::ptr::PyRef::from_borrowed(hook);
    match hook {
        Some(hook) => {
            let args = [t, or_none(v), or_none(tb)];
            let r = crate::abstract_::call::vectorcall(hook.as_ptr(), args.as_ptr(), 3, core::ptr::null_mut());
            if r.is_null() {
                let (mut t2, mut v2, mut tb2) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
                PyErr_Fetch(&mut t2, &mut v2, &mut tb2);
                crate::errors::normalize::PyErr_NormalizeException(&mut t2, &mut v2, &mut tb2);
                if PyErr_GivenExceptionMatches(t2, &raw mut exc::_PyExc_SystemExit as *mut PyObject) != 0 {
                    handle_system_exit(v2);
                }
                write_stderr("Error in sys.excepthook:\n");
                PyErr_Display(t2, v2, tb2);
                write_stderr("\nOriginal exception was:\n");
                PyErr_Display(t, v, tb);
                Py_DecRef(t2);
                Py_DecRef(v2);
                Py_DecRef(tb2);
            } else {
                Py_DecRef(r);
            }
        }
        None => {
            write_stderr("sys.excepthook is missing\n");
            PyErr_Display(t, v, tb);
        }
    }
    Py_DecRef(t);
    Py_DecRef(v);
    Py_DecRef(tb);
}

/// Ends the process for an uncaught SystemExit: its code when an int, 0 for None,
/// otherwise the code is printed and the status is 1.
unsafe fn handle_system_exit(value: *mut PyObject) -> ! {
    let is_system_exit = !value.is_null()
        && is_exception_instance(value)
        && crate::object::typetype::is_subtype((*value).ob_type, &raw mut exc::_PyExc_SystemExit);
    let code = if is_system_exit { (*(value as *mut crate::errors::exceptions::PySystemExitObject)).code } else { value };
    let status = if code.is_null() || code == be::none() {
        0
    } else if let Some(n) = objtext::int_value(code) {
        n as c_int
    } else {
        write_stderr(&format!("{}\n", str_or_placeholder(code)));
        1
    };
    crate::runtime::lifecycle::Py_FinalizeEx();
    libc::exit(status)
}

/// `void PyErr_WriteUnraisable(PyObject *obj)`: reports the current exception, which cannot
/// be raised (a destructor's, a callback's), as `Exception ignored in: <repr(obj)>` plus the
/// traceback and `Type: message`, and clears it.
#[no_mangle]
pub unsafe extern "C" fn PyErr_WriteUnraisable(obj: *mut PyObject) {
    write_unraisable(None, obj);
}

/// `void _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj)`: as
/// `PyErr_WriteUnraisable`, the report starting `Exception ignored {err_msg}`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyErr_WriteUnraisableMsg(err_msg: *const core::ffi::c_char, obj: *mut PyObject) {
    let message = if err_msg.is_null() {
        None
    } else {
        Some(format!("Exception ignored {}", core::ffi::CStr::from_ptr(err_msg).to_string_lossy()))
    };
    write_unraisable(message.as_deref(), obj);
}

/// `PyErr_WriteUnraisable`, with `_PyErr_WriteUnraisableMsg`'s message instead of
/// "Exception ignored in" (None as the object is no object).
pub(crate) unsafe fn write_unraisable(message: Option<&str>, obj: *mut PyObject) {
    let obj = if obj == be::none() { core::ptr::null_mut() } else { obj };
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    let mut out = String::new();
    let label = message.unwrap_or("Exception ignored in");
    if !obj.is_null() {
        let r = objtext::repr_string(obj).unwrap_or_else(|_| {
            PyErr_Clear();
            "<object repr() failed>".into()
        });
        out.push_str(&format!("{label}: {r}\n"));
    } else if let Some(m) = message {
        out.push_str(&format!("{m}:\n"));
    }
    if !tb.is_null() && crate::eval::traceback::is_traceback(tb) {
        crate::errors::traceback_format::format_traceback(tb, &mut out);
    }
    if !t.is_null() && t != be::none() {
        out.push_str(&exception_type_name(t as *mut PyTypeObject));
        if !v.is_null() && v != be::none() {
            out.push_str(": ");
            out.push_str(&str_or_placeholder(v));
        }
        out.push('\n');
    }
    write_stderr(&out);
    Py_DecRef(t);
    Py_DecRef(v);
    Py_DecRef(tb);
}
