//! The import entry points of the C-API (`PyImport_ImportModule*`, `PyImport_Import`,
//! `PyImport_ReloadModule`, `PyImport_GetImporter`, `PyImport_GetMagicTag`) and the work
//! of `__import__`: absolute or relative names, the top-level package or the module
//! itself as the result, and the `fromlist` submodules.
use core::ffi::{c_char, c_int};

use crate::abstract_::{none, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::import::errors::{import_error, import_error_of, repr_text};
use crate::import::load::{self, get_module};
use crate::import::spec::attr;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::{dict, list, str as pystr};

fn value_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// `PyImport_ImportModuleLevelObject` in Rust: what `__import__(name, globals, locals,
/// fromlist, level)` returns.
pub(crate) unsafe fn import_level(name: *mut PyObject, globals: *mut PyObject, fromlist: *mut PyObject, level: c_int) -> PyResult<PyRef> {
    if name.is_null() {
        return Err(value_error("Empty module name"));
    }
    if !pystr::is_str(name) {
        return Err(type_error("module name must be a string"));
    }
    if level < 0 {
        return Err(value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        crate::import::resolve::resolve_name(name, globals, level)?
    } else {
        if pystr::len(name) == 0 {
            return Err(value_error("Empty module name"));
        }
        crate::abstract_::new_ref(name)
    };
    let module = match get_module(abs_name.as_ptr())? {
        Some(m) if m.as_ptr() != none() => {
            load::ensure_initialized(m.as_ptr(), abs_name.as_ptr())?;
            m
        }
        _ => crate::import::import_time::timed(abs_name.as_ptr(), || load::find_and_load(abs_name.as_ptr()))?,
    };
    let has_from = !fromlist.is_null() && fromlist != none() && crate::abstract_::object::is_true(fromlist)?;
    if has_from {
        let path = crate::object::object_attr::lookup_attr(module.as_ptr(), pystr::intern("__path__")?.as_ptr())?;
        if path.is_some() {
            handle_fromlist(module.as_ptr(), fromlist, false)?;
        }
        return Ok(module);
    }
    let text = pystr::to_string(name);
    if level > 0 && text.is_empty() {
        return Ok(module);
    }
    let Some(dot) = text.find('.') else { return Ok(module) };
    if level == 0 {
        // `import a.b.c` binds `a`.
        let front = pystr::from_utf8(&text[..dot])?;
        return import_level(front.as_ptr(), core::ptr::null_mut(), core::ptr::null_mut(), 0);
    }
    // `from .a.b import` without a fromlist: the module `a` relative to the package.
    let cut_off = text.chars().count() - text[..dot].chars().count();
    let abs_text = pystr::to_string(abs_name.as_ptr());
    let keep = abs_text.chars().count() - cut_off;
    let to_return = pystr::from_utf8(&abs_text.chars().take(keep).collect::<String>())?;
    match get_module(to_return.as_ptr())? {
        Some(m) => Ok(m),
        None => {
            let text = format!("{} not in sys.modules as expected", repr_text(to_return.as_ptr())?);
            Err(crate::objects::dict::set_key_error(pystr::from_utf8(&text)?.as_ptr()))
        }
    }
}

/// `_handle_fromlist`: imports `package.x` for each name `x` of the fromlist the package
/// lacks (`*` expands to `__all__`); a submodule that does not exist is not an error.
unsafe fn handle_fromlist(module: *mut PyObject, fromlist: *mut PyObject, recursive: bool) -> PyResult<()> {
    let items = list::from_iterable(fromlist)?;
    for &x in list::items(items.as_ptr()).to_vec().iter() {
        let x = crate::abstract_::new_ref(x);
        if !pystr::is_str(x.as_ptr()) {
            let where_ = if recursive {
                // `module.__name__ + '.__all__'`, with the TypeError of `+` for a non-str.
                let suffix = pystr::intern(".__all__")?;
                let name = attr(module, "__name__")?;
                let joined = crate::modules::owned(crate::abstract_::number::PyNumber_Add(name.as_ptr(), suffix.as_ptr()))?;
                crate::import::errors::str_text(joined.as_ptr())?
            } else {
                "``from list''".to_string()
            };
            return Err(type_error(format!("Item in {where_} must be str, not {}", crate::abstract_::tp_name(x.as_ptr()))));
        }
        let text = pystr::to_string(x.as_ptr());
        if text == "*" {
            if !recursive {
                if let Some(all) = crate::object::object_attr::lookup_attr(module, pystr::intern("__all__")?.as_ptr())? {
                    handle_fromlist(module, all.as_ptr(), true)?;
                }
            }
            continue;
        }
        if crate::object::object_attr::lookup_attr(module, x.as_ptr())?.is_some() {
            continue;
        }
        let from_name = format!("{}.{text}", crate::import::errors::str_text(attr(module, "__name__")?.as_ptr())?);
        let from_obj = pystr::from_utf8(&from_name)?;
        if import_level(from_obj.as_ptr(), core::ptr::null_mut(), core::ptr::null_mut(), 0).is_err() {
            if ignorable_fromlist_failure(from_obj.as_ptr())? {
                crate::errors::pyerr::PyErr_Clear();
                continue;
            }
            return Err(Raised::assume_set());
        }
    }
    Ok(())
}

/// Whether the pending error is ModuleNotFoundError for `from_name` itself (and
/// `sys.modules` does not hold None for it).
unsafe fn ignorable_fromlist_failure(from_name: *mut PyObject) -> PyResult<bool> {
    if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_ModuleNotFoundError as *mut PyObject) == 0 {
        return Ok(false);
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    let verdict = (|| -> PyResult<bool> {
        if v.is_null() {
            return Ok(false);
        }
        let name = attr(v, "name")?;
        if !pystr::is_str(name.as_ptr()) || !pystr::eq(name.as_ptr(), from_name) {
            return Ok(false);
        }
        Ok(get_module(from_name)?.is_none_or(|m| m.as_ptr() != none()))
    })();
    match verdict {
        Ok(v2) => {
            crate::errors::pyerr::PyErr_Restore(t, v, tb);
            Ok(v2)
        }
        Err(e) => {
            drop((PyRef::from_owned(t), PyRef::from_owned(v), PyRef::from_owned(tb)));
            Err(e)
        }
    }
}

/// `PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals,
/// PyObject *locals, PyObject *fromlist, int level)`.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleLevelObject(
    name: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    let _ = locals; // unused, as in CPython
    crate::modules::ret(import_level(name, globals, fromlist, level))
}

/// `PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject
/// *locals, PyObject *fromlist, int level)`.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleLevel(
    name: *const c_char,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    let n = PyRef::from_owned(pystr::PyUnicode_FromString(name));
    let Some(n) = n else { return core::ptr::null_mut() };
    PyImport_ImportModuleLevelObject(n.as_ptr(), globals, locals, fromlist, level)
}

/// `builtins.__import__` of the interpreter (borrowed), or NULL.
unsafe fn builtins_import() -> PyResult<PyRef> {
    let interp = crate::runtime::interpreter::current().ok_or_else(bad_internal_call)?;
    if interp.builtins.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "lost builtins module"));
    }
    match dict::get_item_str(interp.builtins, "__import__")? {
        Some(f) => Ok(crate::abstract_::new_ref(f)),
        None => Err(crate::objects::dict::set_key_error(pystr::intern("__import__")?.as_ptr())),
    }
}

/// `PyObject *PyImport_Import(PyObject *name)`: calls the current `__import__` (so an
/// override is honoured) for its side effect, then returns `sys.modules[name]`.
/// TODO(eval): the builtins of the current frame's globals once frames exist.
#[no_mangle]
pub unsafe extern "C" fn PyImport_Import(name: *mut PyObject) -> *mut PyObject {
    crate::modules::ret((|| -> PyResult<PyRef> {
        if name.is_null() {
            return Err(bad_internal_call());
        }
        let import = builtins_import()?;
        let interp = crate::runtime::interpreter::current().ok_or_else(bad_internal_call)?;
        let globals = dict::new()?;
        dict::set_item(globals.as_ptr(), pystr::intern("__builtins__")?.as_ptr(), interp.builtins)?;
        let fromlist = list::new(0)?;
        let zero = crate::objects::int::from_i64(0)?;
        let args = crate::objects::tuple::from_ptrs(&[name, globals.as_ptr(), globals.as_ptr(), fromlist.as_ptr(), zero.as_ptr()])?;
        drop(crate::modules::owned(crate::abstract_::call::call_tuple(import.as_ptr(), args.as_ptr(), core::ptr::null_mut()))?);
        match get_module(name)? {
            Some(m) => Ok(m),
            None => Err(crate::objects::dict::set_key_error(name)),
        }
    })())
}

/// `PyObject *PyImport_ImportModule(const char *name)`.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModule(name: *const c_char) -> *mut PyObject {
    if name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let Some(n) = PyRef::from_owned(pystr::PyUnicode_FromString(name)) else { return core::ptr::null_mut() };
    PyImport_Import(n.as_ptr())
}

/// `PyObject *PyImport_ImportModuleNoBlock(const char *name)`: the same as
/// `PyImport_ImportModule` since Python 3.3.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleNoBlock(name: *const c_char) -> *mut PyObject {
    PyImport_ImportModule(name)
}

/// `importlib.reload(module)`: finds the module's spec again and re-executes it (a no-op
/// for an extension or builtin module already initialized), returning `sys.modules[name]`.
pub(crate) unsafe fn reload(module: *mut PyObject) -> PyResult<PyRef> {
    let name = match spec_name(module) {
        Some(n) => n,
        None => match crate::object::object_attr::lookup_attr(module, pystr::intern("__name__")?.as_ptr())? {
            Some(n) => n,
            None => return Err(type_error("reload() argument must be a module")),
        },
    };
    if !pystr::is_str(name.as_ptr()) {
        return Err(type_error("reload() argument must be a module"));
    }
    let text = pystr::to_string(name.as_ptr());
    if get_module(name.as_ptr())?.is_none_or(|m| m.as_ptr() != module) {
        return Err(import_error(&format!("module {text} not in sys.modules"), name.as_ptr(), core::ptr::null_mut()));
    }
    let search_path = match text.rsplit_once('.') {
        Some((parent, _)) => {
            let parent_name = pystr::from_utf8(parent)?;
            let Some(parent_module) = get_module(parent_name.as_ptr())? else {
                let message = format!("parent {} not in sys.modules", repr_text(parent_name.as_ptr())?);
                return Err(import_error(&message, parent_name.as_ptr(), core::ptr::null_mut()));
            };
            Some(attr(parent_module.as_ptr(), "__path__")?)
        }
        None => None,
    };
    let Some(spec) = crate::import::finder::find_spec(name.as_ptr(), search_path.as_ref())? else {
        let message = format!("spec not found for the module {}", repr_text(name.as_ptr())?);
        return Err(import_error_of(&raw mut exc::_PyExc_ModuleNotFoundError, &message, name.as_ptr(), core::ptr::null_mut()));
    };
    crate::import::spec::set_attr(module, "__spec__", spec.as_ptr())?;
    load::exec_again(spec.as_ptr(), module)?;
    match get_module(name.as_ptr())? {
        Some(m) => Ok(m),
        None => Err(crate::objects::dict::set_key_error(name.as_ptr())),
    }
}

/// `module.__spec__.name`, None when either is missing.
unsafe fn spec_name(module: *mut PyObject) -> Option<PyRef> {
    let r = (|| -> PyResult<Option<PyRef>> {
        let Some(spec) = crate::object::object_attr::lookup_attr(module, pystr::intern("__spec__")?.as_ptr())? else { return Ok(None) };
        crate::object::object_attr::lookup_attr(spec.as_ptr(), pystr::intern("name")?.as_ptr())
    })();
    match r {
        Ok(n) => n,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            None
        }
    }
}

/// `PyObject *PyImport_ReloadModule(PyObject *m)`.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ReloadModule(m: *mut PyObject) -> *mut PyObject {
    if m.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    crate::modules::ret(reload(m))
}

/// `PyObject *PyImport_GetImporter(PyObject *path)`: the finder for a path entry from
/// `sys.path_importer_cache`, else from the first of `sys.path_hooks` that accepts it
/// (cached; None when none does).
#[no_mangle]
pub unsafe extern "C" fn PyImport_GetImporter(path: *mut PyObject) -> *mut PyObject {
    crate::modules::ret((|| -> PyResult<PyRef> {
        let sys_get = |name: &str, lost: &str| -> PyResult<PyRef> {
            let interp = crate::runtime::interpreter::current().ok_or_else(bad_internal_call)?;
            let found = if interp.sysdict.is_null() { None } else { dict::get_item_str(interp.sysdict, name)? };
            found.map(|v| crate::abstract_::new_ref(v)).ok_or_else(|| raise_type(&raw mut exc::_PyExc_RuntimeError, lost))
        };
        let cache = sys_get("path_importer_cache", "lost sys.path_importer_cache")?;
        let hooks = sys_get("path_hooks", "lost sys.path_hooks")?;
        if path.is_null() || !dict::is_dict(cache.as_ptr()) || !list::is_list(hooks.as_ptr()) {
            return Err(bad_internal_call());
        }
        if let Some(importer) = dict::get_item(cache.as_ptr(), path)? {
            return Ok(crate::abstract_::new_ref(importer));
        }
        // None first, so a hook that looks this entry up again does not recurse.
        dict::set_item(cache.as_ptr(), path, none())?;
        for &hook in list::items(hooks.as_ptr()).to_vec().iter() {
            let hook = crate::abstract_::new_ref(hook);
            let r = crate::abstract_::call::PyObject_CallOneArg(hook.as_ptr(), path);
            if let Some(importer) = PyRef::from_owned(r) {
                if importer.as_ptr() != none() {
                    dict::set_item(cache.as_ptr(), path, importer.as_ptr())?;
                }
                return Ok(importer);
            }
            if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_ImportError as *mut PyObject) == 0 {
                return Err(Raised::assume_set());
            }
            crate::errors::pyerr::PyErr_Clear();
        }
        Ok(crate::modules::none_ref())
    })())
}

/// `const char *PyImport_GetMagicTag(void)`: the tag of cached bytecode file names,
/// `sys.implementation.cache_tag`.
#[no_mangle]
pub extern "C" fn PyImport_GetMagicTag() -> *const c_char {
    c"ferropy-311".as_ptr()
}
