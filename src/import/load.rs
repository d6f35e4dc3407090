//! `_find_and_load`: a module by absolute name from `sys.modules`, or found (finder.rs),
//! made from its spec (`module_from_spec`, with the module attributes CPython's
//! `_init_module_attrs` sets), put in `sys.modules`, executed, and bound as an attribute of
//! its parent package.
use crate::abstract_::none;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::import::errors::{import_error, no_module_named, not_found, repr_text};
use crate::import::spec::{self, attr, attr_opt, set_attr};
use crate::import::{extension, finder, source_exec};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bool as pybool, dict, list, str as pystr};

/// `sys.modules` (borrowed); RuntimeError when the interpreter has none.
pub(crate) unsafe fn modules() -> PyResult<*mut PyObject> {
    let m = crate::runtime::module_table::modules();
    if m.is_null() {
        return Err(crate::object::pending_error::raise_type(&raw mut exc::_PyExc_RuntimeError, "unable to get sys.modules"));
    }
    Ok(m)
}

/// `sys.modules.get(name)` as a new reference.
pub(crate) unsafe fn get_module(name: *mut PyObject) -> PyResult<Option<PyRef>> {
    Ok(dict::get_item(modules()?, name)?.map(|m| crate::abstract_::new_ref(m)))
}

/// `_find_and_load(name)`: `sys.modules[name]`, or the module imported now under the
/// module's import lock (module_locks.rs).
pub(crate) unsafe fn find_and_load(name: *mut PyObject) -> PyResult<PyRef> {
    let text = pystr::to_string(name);
    let found = {
        let _held = crate::import::module_locks::acquire(&text);
        match get_module(name)? {
            None => return find_and_load_unlocked(name),
            Some(m) => m,
        }
    };
    if found.as_ptr() == none() {
        let message = format!("import of {text} halted; None in sys.modules");
        return Err(not_found(&message, name));
    }
    Ok(found)
}

/// `import_ensure_initialized`: a module another thread is still running is waited for
/// (its spec's `_initializing`).
pub(crate) unsafe fn ensure_initialized(module: *mut PyObject, name: *mut PyObject) -> PyResult<()> {
    let Some(spec) = attr_opt(module, "__spec__")? else { return Ok(()) };
    let Some(initializing) = attr_opt(spec.as_ptr(), "_initializing")? else { return Ok(()) };
    if crate::abstract_::object::is_true(initializing.as_ptr())? {
        crate::import::module_locks::wait_for(&pystr::to_string(name));
    }
    Ok(())
}

unsafe fn find_and_load_unlocked(name: *mut PyObject) -> PyResult<PyRef> {
    let full = pystr::to_string(name);
    let mut search_path = None;
    let mut parent_spec = None;
    let mut parent_child = None;
    // `a.b` has the parent `a`; `.` (an empty parent) has none, as in importlib.
    if let Some((parent, child)) = full.rsplit_once('.').filter(|(parent, _)| !parent.is_empty()) {
        let parent_name = pystr::from_utf8(parent)?;
        if get_module(parent_name.as_ptr())?.is_none() {
            find_and_load(parent_name.as_ptr())?;
        }
        // Importing the parent may have imported this module.
        if let Some(m) = get_module(name)? {
            return Ok(m);
        }
        let parent_module = get_module(parent_name.as_ptr())?
            .ok_or_else(|| crate::objects::dict::set_key_error(parent_name.as_ptr()))?;
        let path = crate::object::object_attr::lookup_attr(parent_module.as_ptr(), pystr::intern("__path__")?.as_ptr())?;
        let Some(path) = path else {
            let text = format!("No module named {}; {} is not a package", repr_text(name)?, repr_text(parent_name.as_ptr())?);
            return Err(not_found(&text, name));
        };
        search_path = Some(path);
        parent_spec = attr_opt(parent_module.as_ptr(), "__spec__")?;
        parent_child = Some((parent_name, pystr::from_utf8(child)?));
    }
    let Some(spec) = finder::find_spec(name, search_path.as_ref())? else { return Err(no_module_named(name)) };
    // The parent's spec lists the submodules being imported (`_uninitialized_submodules`).
    let pending = match (&parent_spec, &parent_child) {
        (Some(ps), Some((_, child))) => {
            let l = attr_opt(ps.as_ptr(), "_uninitialized_submodules")?.filter(|l| unsafe { list::is_list(l.as_ptr()) });
            if let Some(l) = &l {
                list::append(l.as_ptr(), child.as_ptr())?;
            }
            l
        }
        _ => None,
    };
    let loaded = load_unlocked(spec.as_ptr());
    if let Some(l) = pending {
        let n = list::len(l.as_ptr());
        if n > 0 {
            list::replace_range(l.as_ptr(), n - 1, n, &[])?;
        }
    }
    let module = loaded?;
    if let Some((parent_name, child)) = parent_child {
        if let Some(parent_module) = get_module(parent_name.as_ptr())? {
            if crate::object::object_attr::set_attr(parent_module.as_ptr(), child.as_ptr(), module.as_ptr()).is_err() {
                if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_AttributeError as *mut PyObject) == 0 {
                    return Err(Raised::assume_set());
                }
                crate::errors::pyerr::PyErr_Clear();
                let text = format!(
                    "Cannot set an attribute on {} for child module {}",
                    repr_text(parent_name.as_ptr())?,
                    repr_text(child.as_ptr())?
                );
                warn_import(&text)?;
            }
        }
    }
    Ok(module)
}

/// An ImportWarning.
unsafe fn warn_import(text: &str) -> PyResult<()> {
    let c = std::ffi::CString::new(text).unwrap_or_default();
    if crate::errors::warnings::PyErr_WarnEx(&raw mut exc::_PyExc_ImportWarning as *mut PyObject, c.as_ptr(), 1) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}

/// How a spec's loader loads.
enum Kind {
    Builtin,
    Extension,
    Source { sourceless: bool },
    Namespace,
    /// Any other loader object: its `create_module`/`exec_module` are called.
    Python(PyRef),
}

unsafe fn kind_of(spec: *mut PyObject) -> PyResult<Kind> {
    let Some(loader) = attr_opt(spec, "loader")? else { return Ok(Kind::Namespace) };
    let l = loader.as_ptr();
    Ok(if l == spec::builtin_importer()? {
        Kind::Builtin
    } else if spec::is_a(l, &raw mut spec::EXTENSION_LOADER_TYPE) {
        Kind::Extension
    } else if spec::is_a(l, &raw mut spec::SOURCE_LOADER_TYPE) {
        Kind::Source { sourceless: false }
    } else if spec::is_a(l, &raw mut spec::SOURCELESS_LOADER_TYPE) {
        Kind::Source { sourceless: true }
    } else if spec::is_a(l, &raw mut spec::NAMESPACE_LOADER_TYPE) {
        Kind::Namespace
    } else {
        Kind::Python(loader)
    })
}

/// The loader's own module for `spec` (extensions, builtins, a loader's `create_module`),
/// None when a plain new module will do (the loader's `create_module`).
pub(crate) unsafe fn create(spec: *mut PyObject) -> PyResult<Option<PyRef>> {
    Ok(match kind_of(spec)? {
        Kind::Builtin => {
            let name = attr(spec, "name")?;
            let text = crate::import::errors::str_text(name.as_ptr())?;
            if !pystr::is_str(name.as_ptr()) || crate::runtime::inittab::find(&text).is_none() {
                return Err(import_error(&format!("{} is not a built-in module", repr_text(name.as_ptr())?), name.as_ptr(), core::ptr::null_mut()));
            }
            extension::create_builtin(spec)?
        }
        Kind::Extension => Some(extension::create_dynamic(spec)?),
        Kind::Source { .. } | Kind::Namespace => None,
        Kind::Python(loader) => {
            if let Some(create) = attr_opt(loader.as_ptr(), "create_module")? {
                let m = crate::modules::owned(crate::abstract_::call::PyObject_CallOneArg(create.as_ptr(), spec))?;
                (m.as_ptr() != none()).then_some(m)
            } else if attr_opt(loader.as_ptr(), "exec_module")?.is_some() {
                return Err(crate::object::pending_error::raise_type(
                    &raw mut exc::_PyExc_ImportError,
                    "loaders that define exec_module() must also define create_module()",
                ));
            } else {
                None
            }
        }
    })
}

/// `module_from_spec(spec)`: the loader's module or a new empty one, with its import
/// attributes set.
pub(crate) unsafe fn module_from_spec(spec: *mut PyObject) -> PyResult<PyRef> {
    let made = create(spec)?;
    let module = match made {
        Some(m) => m,
        None => crate::objects::module::new_module(attr(spec, "name")?.as_ptr())?,
    };
    init_module_attrs(spec, module.as_ptr(), false)?;
    Ok(module)
}

/// Whether `module.<name>` is missing or None (`getattr(module, name, None) is None`).
unsafe fn unset(module: *mut PyObject, name: &str) -> PyResult<bool> {
    Ok(attr_opt(module, name)?.is_none())
}

/// `_init_module_attrs(spec, module, override)`: `__name__`, `__loader__`, `__package__`,
/// `__spec__`, `__path__`, `__file__`, `__cached__`.
pub(crate) unsafe fn init_module_attrs(spec: *mut PyObject, module: *mut PyObject, override_: bool) -> PyResult<()> {
    // Modules that refuse attributes keep what they have, as CPython tolerates.
    let tolerant = |r: PyResult<()>| -> PyResult<()> {
        if r.is_err() && crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_AttributeError as *mut PyObject) != 0 {
            crate::errors::pyerr::PyErr_Clear();
            return Ok(());
        }
        r
    };
    if override_ || unset(module, "__name__")? {
        tolerant(set_attr(module, "__name__", attr(spec, "name")?.as_ptr()))?;
    }
    if override_ || unset(module, "__loader__")? {
        let mut loader = attr(spec, "loader")?;
        if loader.as_ptr() == none() {
            if let Some(locations) = attr_opt(spec, "submodule_search_locations")? {
                loader = spec::new_namespace_loader(locations.as_ptr())?;
                set_attr(spec, "loader", loader.as_ptr())?;
                tolerant(set_attr(module, "__file__", none()))?;
            }
        }
        tolerant(set_attr(module, "__loader__", loader.as_ptr()))?;
    }
    if override_ || unset(module, "__package__")? {
        tolerant(set_attr(module, "__package__", attr(spec, "parent")?.as_ptr()))?;
    }
    tolerant(set_attr(module, "__spec__", spec))?;
    if override_ || unset(module, "__path__")? {
        if let Some(locations) = attr_opt(spec, "submodule_search_locations")? {
            tolerant(set_attr(module, "__path__", locations.as_ptr()))?;
        }
    }
    if crate::abstract_::object::is_true(attr(spec, "has_location")?.as_ptr())? {
        if override_ || unset(module, "__file__")? {
            tolerant(set_attr(module, "__file__", attr(spec, "origin")?.as_ptr()))?;
        }
        if override_ || unset(module, "__cached__")? {
            if let Some(cached) = attr_opt(spec, "cached")? {
                tolerant(set_attr(module, "__cached__", cached.as_ptr()))?;
            }
        }
    }
    Ok(())
}

/// Runs a module made from `spec` (its loader's `exec_module`).
pub(crate) unsafe fn exec(spec: *mut PyObject, module: *mut PyObject) -> PyResult<()> {
    match kind_of(spec)? {
        Kind::Builtin | Kind::Extension => extension::exec_module(module),
        Kind::Namespace => Ok(()),
        Kind::Source { sourceless } => {
            let name = attr(spec, "name")?;
            let origin = attr(spec, "origin")?;
            source_exec::exec(module, name.as_ptr(), origin.as_ptr(), sourceless)
        }
        Kind::Python(loader) => {
            let exec_module = attr(loader.as_ptr(), "exec_module")?;
            crate::modules::owned(crate::abstract_::call::PyObject_CallOneArg(exec_module.as_ptr(), module)).map(drop)
        }
    }
}

/// `_load_unlocked(spec)`: makes the module, registers it in `sys.modules` while it runs
/// (removed again on failure) and returns what `sys.modules` then holds.
pub(crate) unsafe fn load_unlocked(spec: *mut PyObject) -> PyResult<PyRef> {
    let module = module_from_spec(spec)?;
    let name = attr(spec, "name")?;
    set_attr(spec, "_initializing", pybool::true_())?;
    let result = (|| -> PyResult<PyRef> {
        let table = modules()?;
        dict::set_item(table, name.as_ptr(), module.as_ptr())?;
        if let Err(e) = exec(spec, module.as_ptr()) {
            let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
            crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
            let _ = dict::del_item(table, name.as_ptr());
            crate::errors::pyerr::PyErr_Clear();
            crate::errors::pyerr::PyErr_Restore(t, v, tb);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules; it moves to the end.
        let Some(m) = dict::pop_known_hash(table, name.as_ptr(), dict::hash_of(name.as_ptr())?)? else {
            return Err(dict::set_key_error(name.as_ptr()));
        };
        dict::set_item(table, name.as_ptr(), m.as_ptr())?;
        Ok(m)
    })();
    let reset = set_attr(spec, "_initializing", pybool::false_());
    let m = result?;
    reset?;
    Ok(m)
}

/// The builtin modules made at start-up (sys, builtins, atexit, _thread) get their spec
/// and loader, as CPython's `_bootstrap._setup` gives them.
pub(crate) unsafe fn setup_builtin_specs() -> PyResult<()> {
    let table = modules()?;
    for (name, m) in dict::items(table) {
        if !pystr::is_str(name) || !crate::objects::module::is_module(m) {
            continue;
        }
        if crate::runtime::inittab::find(&pystr::to_string(name)).is_none() {
            continue;
        }
        let (name, m) = (crate::abstract_::new_ref(name), crate::abstract_::new_ref(m));
        let spec = finder::builtin_spec(name.as_ptr())?;
        init_module_attrs(spec.as_ptr(), m.as_ptr(), false)?;
    }
    Ok(())
}

/// `_bootstrap._exec(spec, module)` (reload): the module's attributes are set again from
/// the new spec and the module is executed again; it moves to the end of `sys.modules`.
pub(crate) unsafe fn exec_again(spec: *mut PyObject, module: *mut PyObject) -> PyResult<()> {
    let name = attr(spec, "name")?;
    if get_module(name.as_ptr())?.is_none_or(|m| m.as_ptr() != module) {
        let message = format!("module {} not in sys.modules", repr_text(name.as_ptr())?);
        return Err(import_error(&message, name.as_ptr(), core::ptr::null_mut()));
    }
    let result = (|| -> PyResult<()> {
        if attr_opt(spec, "loader")?.is_none() && attr_opt(spec, "submodule_search_locations")?.is_none() {
            return Err(import_error("missing loader", name.as_ptr(), core::ptr::null_mut()));
        }
        init_module_attrs(spec, module, true)?;
        exec(spec, module)
    })();
    let table = modules()?;
    if let Some(m) = dict::pop_known_hash(table, name.as_ptr(), dict::hash_of(name.as_ptr())?)? {
        dict::set_item(table, name.as_ptr(), m.as_ptr())?;
    }
    result
}
