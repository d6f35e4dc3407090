//! `PyImport_ExecCodeModule*`: runs a code object as the body of module `name` — the
//! module of `sys.modules` (made when absent), given `__builtins__`, `__spec__`,
//! `__loader__`, `__file__` and `__cached__` as CPython's `_fix_up_module` sets them, then
//! the code runs in its dict. On failure the name leaves `sys.modules`; the result is what
//! `sys.modules` holds afterwards.
use core::ffi::c_char;

use crate::abstract_::{new_ref, none, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::import::errors::repr_text;
use crate::import::load::{get_module, modules};
use crate::import::spec::{self, SOURCELESS_LOADER_TYPE, SOURCE_LOADER_TYPE};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::{dict, list, str as pystr};

/// `d[key]` when present and true, else None.
unsafe fn true_item(d: *mut PyObject, key: &str) -> PyResult<Option<PyRef>> {
    let Some(v) = dict::get_item_str(d, key)? else { return Ok(None) };
    let v = new_ref(v);
    Ok(if crate::abstract_::object::is_true(v.as_ptr())? { Some(v) } else { None })
}

/// `path` made absolute against the current directory (the spec's origin).
fn absolute(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.to_string_lossy().trim_end_matches('/'), path),
        Err(_) => path.to_string(),
    }
}

/// `spec_from_file_location(name, pathname, loader=loader)`: a package when the file is
/// an `__init__` module (its directory is the search location).
unsafe fn file_spec(name: *mut PyObject, pathname: *mut PyObject, loader: *mut PyObject) -> PyResult<PyRef> {
    let text = pystr::to_string(pathname);
    let origin = pystr::from_utf8(&absolute(&text))?;
    let (dir, file) = text.rsplit_once('/').unwrap_or(("", &text));
    let is_package = file.split('.').next() == Some("__init__") && file.contains('.');
    let locations = if is_package { Some(list::from_vec(vec![pystr::from_utf8(dir)?])?) } else { None };
    let locations_ptr = locations.as_ref().map_or(core::ptr::null_mut(), |l| l.as_ptr());
    spec::new_spec(name, loader, origin.as_ptr(), locations_ptr, true)
}

/// `_fix_up_module(d, name, pathname, cpathname)`.
unsafe fn fix_up_module(d: *mut PyObject, name: *mut PyObject, pathname: *mut PyObject, cpathname: *mut PyObject) -> PyResult<()> {
    let spec = true_item(d, "__spec__")?;
    let loader = match true_item(d, "__loader__")? {
        Some(l) => l,
        None => match &spec {
            Some(s) => spec::attr(s.as_ptr(), "loader")?,
            None => {
                let sourceless = !cpathname.is_null() && crate::abstract_::compare::rich_compare_bool(pathname, cpathname, crate::object::object::Py_EQ)?;
                let tp = if sourceless { &raw mut SOURCELESS_LOADER_TYPE } else { &raw mut SOURCE_LOADER_TYPE };
                crate::abstract_::object::ensure_ready(tp)?;
                spec::new_file_loader(tp, name, pathname)?
            }
        },
    };
    let spec = match spec {
        Some(s) => s,
        None => file_spec(name, pathname, loader.as_ptr())?,
    };
    set_str(d, "__spec__", spec.as_ptr())?;
    set_str(d, "__loader__", loader.as_ptr())?;
    set_str(d, "__file__", pathname)?;
    set_str(d, "__cached__", if cpathname.is_null() { none() } else { cpathname })?;
    Ok(())
}

/// `d[key] = value` for an attribute name.
unsafe fn set_str(d: *mut PyObject, key: &str, value: *mut PyObject) -> PyResult<()> {
    dict::set_item(d, pystr::intern(key)?.as_ptr(), value)
}

/// Takes `name` out of `sys.modules` after a failed execution, keeping the error.
pub(crate) unsafe fn remove_module(name: *mut PyObject) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    if let Ok(table) = modules() {
        let _ = dict::del_item(table, name);
    }
    crate::errors::pyerr::PyErr_Clear();
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

pub(crate) unsafe fn exec_code_module(name: *mut PyObject, co: *mut PyObject, pathname: *mut PyObject, cpathname: *mut PyObject) -> PyResult<PyRef> {
    if name.is_null() || co.is_null() {
        return Err(bad_internal_call());
    }
    let module = crate::runtime::module_table::PyImport_AddModuleObject(name);
    if module.is_null() {
        return Err(Raised::assume_set());
    }
    let module = new_ref(module);
    let d = crate::objects::module::PyModule_GetDict(module.as_ptr());
    if d.is_null() {
        return Err(Raised::assume_set());
    }
    if dict::get_item_str(d, "__builtins__")?.is_none() {
        set_str(d, "__builtins__", crate::modules::builtins_module::PyEval_GetBuiltins())?;
    }
    let pathname = match pathname.is_null() {
        false => new_ref(pathname),
        true if crate::objects::code_type::is_code(co) => new_ref((*(co as *mut crate::objects::code::PyCodeObject)).co_filename),
        true => return Err(bad_internal_call()),
    };
    fix_up_module(d, name, pathname.as_ptr(), cpathname)?;
    match PyRef::from_owned(crate::eval::eval_code::PyEval_EvalCode(co, d, d)) {
        Some(_) => {}
        None => {
            remove_module(name);
            return Err(Raised::assume_set());
        }
    }
    match get_module(name)? {
        Some(m) => Ok(m),
        None => Err(raise_type(&raw mut exc::_PyExc_ImportError, format!("Loaded module {} not found in sys.modules", repr_text(name)?))),
    }
}

/// The source file a bytecode path belongs to (`_get_sourcefile`): `__pycache__/x.TAG.pyc`
/// gives `x.py`, another `.pyc` the same name without its `c`; the bytecode path itself
/// when that source file does not exist or the path is not a `.py?` file.
fn source_of(cpathname: &str) -> String {
    let Some((rest, ext)) = cpathname.rsplit_once('.') else { return cpathname.to_string() };
    let ext = ext.to_lowercase();
    let ext_chars: Vec<char> = ext.chars().collect();
    if rest.is_empty() || ext_chars.len() < 3 || ext_chars[ext_chars.len() - 3..ext_chars.len() - 1] != ['p', 'y'] {
        return cpathname.to_string();
    }
    let from_cache = (|| {
        let (head, file) = cpathname.rsplit_once('/')?;
        let (head, cache_dir) = head.rsplit_once('/').unwrap_or(("", head));
        let dots = file.matches('.').count();
        if cache_dir != "__pycache__" || !(2..=3).contains(&dots) {
            return None;
        }
        if dots == 3 && !file.rsplitn(3, '.').nth(1)?.starts_with("opt-") {
            return None;
        }
        let base = file.split('.').next()?;
        Some(if head.is_empty() { format!("{base}.py") } else { format!("{head}/{base}.py") })
    })();
    let source = from_cache.unwrap_or_else(|| cpathname[..cpathname.len() - 1].to_string());
    if std::path::Path::new(&source).is_file() {
        source
    } else {
        cpathname.to_string()
    }
}

/// A NULL-or-FS-encoded C path as a str.
unsafe fn fs_text(p: *const c_char) -> PyResult<Option<PyRef>> {
    if p.is_null() {
        return Ok(None);
    }
    PyRef::from_owned(crate::codecs::fs_encoding::PyUnicode_DecodeFSDefault(p)).ok_or_else(Raised::assume_set).map(Some)
}

/// `PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject
/// *pathname, PyObject *cpathname)`: pathname NULL is the code's `co_filename`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyImport_ExecCodeModuleObject(name: *mut PyObject, co: *mut PyObject, pathname: *mut PyObject, cpathname: *mut PyObject) -> *mut PyObject {
    ret_obj(exec_code_module(name, co, pathname, cpathname))
}

/// `PyObject *PyImport_ExecCodeModuleWithPathnames(const char *name, PyObject *co, const
/// char *pathname, const char *cpathname)`: without a pathname, the source of
/// `cpathname` when it exists.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ExecCodeModuleWithPathnames(name: *const c_char, co: *mut PyObject, pathname: *const c_char, cpathname: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        if name.is_null() {
            return Err(bad_internal_call());
        }
        let name = PyRef::from_owned(pystr::PyUnicode_FromString(name)).ok_or_else(Raised::assume_set)?;
        let cpath = fs_text(cpathname)?;
        let path = match fs_text(pathname)? {
            Some(p) => Some(p),
            None => match &cpath {
                Some(c) => Some(pystr::from_utf8(&source_of(&pystr::to_string(c.as_ptr())))?),
                None => None,
            },
        };
        let as_ptr = |p: &Option<PyRef>| p.as_ref().map_or(core::ptr::null_mut(), |p| p.as_ptr());
        exec_code_module(name.as_ptr(), co, as_ptr(&path), as_ptr(&cpath))
    })())
}

/// `PyObject *PyImport_ExecCodeModuleEx(const char *name, PyObject *co, const char
/// *pathname)`.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ExecCodeModuleEx(name: *const c_char, co: *mut PyObject, pathname: *const c_char) -> *mut PyObject {
    PyImport_ExecCodeModuleWithPathnames(name, co, pathname, core::ptr::null())
}

/// `PyObject *PyImport_ExecCodeModule(const char *name, PyObject *co)`.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ExecCodeModule(name: *const c_char, co: *mut PyObject) -> *mut PyObject {
    PyImport_ExecCodeModuleWithPathnames(name, co, core::ptr::null(), core::ptr::null())
}
