//! The `PySys_*` C-API over the current interpreter's `sys` dict: `GetObject`, `SetObject`,
//! `SetArgv(Ex)`, `SetPath`, warning and `-X` options (kept aside when called before
//! initialization, and applied by it, as CPython does).
use core::ffi::{c_char, c_int};
use std::sync::Mutex;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::objects::{dict, list, str as pystr};
use crate::pyport::wchar_t;
use crate::runtime::interpreter;
use crate::runtime::locale::wide_to_vec;

/// Options given before initialization: (warning options, `-X` options), as code points.
static PREINIT_OPTIONS: Mutex<(Vec<Vec<u32>>, Vec<Vec<u32>>)> = Mutex::new((Vec::new(), Vec::new()));

fn preinit() -> std::sync::MutexGuard<'static, (Vec<Vec<u32>>, Vec<Vec<u32>>)> {
    PREINIT_OPTIONS.lock().unwrap_or_else(|p| p.into_inner())
}

/// The current interpreter's sys dict (borrowed), NULL before initialization.
fn sysdict() -> *mut PyObject {
    interpreter::current().map_or(core::ptr::null_mut(), |i| i.sysdict)
}

/// `sys.<name>` (borrowed) or NULL, touching no exception.
unsafe fn get(name: &str) -> *mut PyObject {
    crate::modules::sys_stdio::sys_attr(name)
}

/// Applies the options given before initialization to the new `sys` (and forgets them).
pub(crate) unsafe fn apply_preinit_options(sysdict: *mut PyObject) -> PyResult<()> {
    let (warn, xopts) = core::mem::take(&mut *preinit());
    if let Some(l) = dict::get_item_str(sysdict, "warnoptions")? {
        for w in warn {
            list::append(l, pystr::from_code_points(&w)?.as_ptr())?;
        }
    }
    if let Some(d) = dict::get_item_str(sysdict, "_xoptions")? {
        for x in xopts {
            crate::modules::sys_module::add_xoption(d, &x)?;
        }
    }
    Ok(())
}

/// `PyObject *PySys_GetObject(const char *name)`: `sys.<name>` (borrowed), or NULL without
/// an exception; a pending exception is kept.
#[no_mangle]
pub unsafe extern "C" fn PySys_GetObject(name: *const c_char) -> *mut PyObject {
    let d = sysdict();
    if d.is_null() || name.is_null() {
        return core::ptr::null_mut();
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let r = match pystr::from_utf8(&core::ffi::CStr::from_ptr(name).to_string_lossy()) {
        Ok(key) => dict::get_item(d, key.as_ptr()).ok().flatten().unwrap_or(core::ptr::null_mut()),
        Err(_) => core::ptr::null_mut(),
    };
    crate::errors::pyerr::PyErr_Clear();
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
    r
}

/// `int PySys_SetObject(const char *name, PyObject *v)`: sets `sys.<name>`, or deletes it
/// for NULL (no error when absent); 0 or -1.
#[no_mangle]
pub unsafe extern "C" fn PySys_SetObject(name: *const c_char, v: *mut PyObject) -> c_int {
    let d = sysdict();
    if d.is_null() || name.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    let r = (|| -> PyResult<()> {
        let key = crate::object::object_attr::interned_name(name)?;
        if v.is_null() {
            dict::del_item(d, key.as_ptr()).map(|_| ())
        } else {
            dict::set_item(d, key.as_ptr(), v)
        }
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// `sys.path[0]` for `PySys_SetArgvEx`: '' for `-c` and bare names, the absolute
/// current directory for `-m`, else the script's directory (links resolved).
fn path0(argv0: &str) -> String {
    if argv0 == "-c" || argv0.is_empty() {
        return String::new();
    }
    if argv0 == "-m" {
        return std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    }
    let script = std::fs::read_link(argv0).map(|l| {
        if l.is_absolute() {
            l
        } else {
            std::path::Path::new(argv0).parent().unwrap_or(std::path::Path::new("")).join(l)
        }
    });
    let script = script.map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| argv0.to_string());
    match script.rfind('/') {
        None => String::new(),
        Some(0) => "/".to_string(),
        Some(i) => {
            let dir = &script[..i];
            std::fs::canonicalize(dir).map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| dir.to_string())
        }
    }
}

/// `void PySys_SetArgvEx(int argc, wchar_t **argv, int updatepath)`: `sys.argv` (`['']`
/// for no arguments); with `updatepath`, the script's directory goes first in `sys.path`.
#[no_mangle]
pub unsafe extern "C" fn PySys_SetArgvEx(argc: c_int, argv: *mut *mut wchar_t, updatepath: c_int) {
    let r = (|| -> PyResult<()> {
        let items: Vec<Vec<u32>> = if argc < 1 || argv.is_null() {
            vec![Vec::new()]
        } else {
            (0..argc as usize).map(|i| wide_to_vec(*argv.add(i))).collect()
        };
        let l = list::new(0)?;
        for a in &items {
            list::append(l.as_ptr(), pystr::from_code_points(a)?.as_ptr())?;
        }
        let d = sysdict();
        if d.is_null() {
            return Err(crate::object::pending_error::bad_internal_call());
        }
        dict::set_item(d, pystr::intern("argv")?.as_ptr(), l.as_ptr())?;
        if updatepath != 0 {
            let first: String = items[0].iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
            let p0 = pystr::from_utf8(&path0(&first))?;
            let path = get("path");
            if !path.is_null() && list::is_list(path) {
                list::insert(path, 0, p0.as_ptr())?;
            }
        }
        Ok(())
    })();
    if r.is_err() {
        crate::runtime::pystate::fatal_error("PySys_SetArgvEx", "can't assign sys.argv");
    }
}

/// `void PySys_SetArgv(int argc, wchar_t **argv)`: `PySys_SetArgvEx` updating the path
/// (the runtime is never isolated through the legacy flag here).
#[no_mangle]
pub unsafe extern "C" fn PySys_SetArgv(argc: c_int, argv: *mut *mut wchar_t) {
    let isolated = interpreter::current().map_or(0, |i| i.config.isolated);
    PySys_SetArgvEx(argc, argv, (isolated == 0) as c_int);
}

/// `void PySys_SetPath(const wchar_t *path)`: `sys.path` = the `:`-separated entries.
#[no_mangle]
pub unsafe extern "C" fn PySys_SetPath(path: *const wchar_t) {
    let r = (|| -> PyResult<()> {
        let points = if path.is_null() { Vec::new() } else { wide_to_vec(path) };
        let l = list::new(0)?;
        for part in points.split(|&c| c == ':' as u32) {
            list::append(l.as_ptr(), pystr::from_code_points(part)?.as_ptr())?;
        }
        let d = sysdict();
        if d.is_null() {
            return Err(crate::object::pending_error::bad_internal_call());
        }
        dict::set_item(d, pystr::intern("path")?.as_ptr(), l.as_ptr())
    })();
    if r.is_err() {
        crate::runtime::pystate::fatal_error("PySys_SetPath", "can't assign sys.path");
    }
}

/// `sys.warnoptions`, made a fresh list when missing or not a list (as CPython does).
unsafe fn warnoptions() -> PyResult<*mut PyObject> {
    let l = get("warnoptions");
    if !l.is_null() && list::is_list(l) {
        return Ok(l);
    }
    let fresh = list::new(0)?;
    dict::set_item(sysdict(), pystr::intern("warnoptions")?.as_ptr(), fresh.as_ptr())?;
    Ok(fresh.as_ptr())
}

/// `void PySys_AddWarnOptionUnicode(PyObject *option)`: appends to `sys.warnoptions`.
#[no_mangle]
pub unsafe extern "C" fn PySys_AddWarnOptionUnicode(option: *mut PyObject) {
    if sysdict().is_null() || option.is_null() {
        return;
    }
    if warnoptions().and_then(|l| list::append(l, option)).is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
}

/// `void PySys_AddWarnOption(const wchar_t *s)`: before initialization the option waits
/// for `sys`; afterwards it is appended to `sys.warnoptions`.
#[no_mangle]
pub unsafe extern "C" fn PySys_AddWarnOption(s: *const wchar_t) {
    if s.is_null() {
        return;
    }
    let points = wide_to_vec(s);
    if sysdict().is_null() {
        preinit().0.push(points);
        return;
    }
    match pystr::from_code_points(&points) {
        Ok(o) => PySys_AddWarnOptionUnicode(o.as_ptr()),
        Err(_) => crate::errors::pyerr::PyErr_Clear(),
    }
}

/// `void PySys_ResetWarnOptions(void)`: empties `sys.warnoptions` (or the options waiting
/// for initialization).
#[no_mangle]
pub unsafe extern "C" fn PySys_ResetWarnOptions() {
    if sysdict().is_null() {
        preinit().0.clear();
        return;
    }
    let l = get("warnoptions");
    if !l.is_null() && list::is_list(l) {
        list::clear(l);
    }
}

/// `int PySys_HasWarnOptions(void)`: 1 when `sys.warnoptions` is a non-empty list.
#[no_mangle]
pub unsafe extern "C" fn PySys_HasWarnOptions() -> c_int {
    let l = get("warnoptions");
    (!l.is_null() && list::is_list(l) && list::len(l) > 0) as c_int
}

/// `sys._xoptions`, made a fresh dict when missing or not a dict.
unsafe fn xoptions() -> PyResult<*mut PyObject> {
    let d = get("_xoptions");
    if !d.is_null() && dict::is_dict(d) {
        return Ok(d);
    }
    let fresh = dict::new()?;
    dict::set_item(sysdict(), pystr::intern("_xoptions")?.as_ptr(), fresh.as_ptr())?;
    Ok(fresh.as_ptr())
}

/// `void PySys_AddXOption(const wchar_t *s)`: `name=value` or `name` (True) into
/// `sys._xoptions`; kept for initialization when called before it.
#[no_mangle]
pub unsafe extern "C" fn PySys_AddXOption(s: *const wchar_t) {
    if s.is_null() {
        return;
    }
    let points = wide_to_vec(s);
    if sysdict().is_null() {
        preinit().1.push(points);
        return;
    }
    if xoptions().and_then(|d| crate::modules::sys_module::add_xoption(d, &points)).is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
}

/// `PyObject *PySys_GetXOptions(void)`: `sys._xoptions` (borrowed), NULL on failure.
#[no_mangle]
pub unsafe extern "C" fn PySys_GetXOptions() -> *mut PyObject {
    if sysdict().is_null() {
        return core::ptr::null_mut();
    }
    xoptions().unwrap_or(core::ptr::null_mut())
}
