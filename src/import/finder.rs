//! Finding a module: a spec from the builtin-module table (top-level names only), else from
//! the directories of the search path (`sys.path`, or the parent package's `__path__`), as
//! CPython's `BuiltinImporter` and `PathFinder`/`FileFinder` find them: in each directory a
//! package directory with an `__init__` file, then a module file, trying the suffixes in
//! CPython's order (extension modules, source, bytecode); directories without `__init__`
//! are portions of a namespace package, made when no entry holds a real module.
use std::path::Path;

use crate::errors::raised::PyResult;
use crate::import::spec::{self, EXTENSION_LOADER_TYPE, SOURCELESS_LOADER_TYPE, SOURCE_LOADER_TYPE};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{list, str as pystr};

/// The suffixes of extension modules CPython 3.11 accepts on Linux, in its order.
pub(crate) const EXTENSION_SUFFIXES: [&str; 3] = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"];

/// Every suffix with the loader type that loads it, in `FileFinder`'s order.
fn loaders() -> [(&'static str, *mut PyTypeObject); 5] {
    [
        (EXTENSION_SUFFIXES[0], &raw mut EXTENSION_LOADER_TYPE),
        (EXTENSION_SUFFIXES[1], &raw mut EXTENSION_LOADER_TYPE),
        (EXTENSION_SUFFIXES[2], &raw mut EXTENSION_LOADER_TYPE),
        (".py", &raw mut SOURCE_LOADER_TYPE),
        (".pyc", &raw mut SOURCELESS_LOADER_TYPE),
    ]
}

/// The spec of a builtin module (`BuiltinImporter.find_spec`): only for top-level imports.
pub(crate) unsafe fn find_builtin(name: *mut PyObject, path: Option<&PyRef>) -> PyResult<Option<PyRef>> {
    if path.is_some() || crate::runtime::inittab::find(&pystr::to_string(name)).is_none() {
        return Ok(None);
    }
    Ok(Some(builtin_spec(name)?))
}

/// `ModuleSpec(name, BuiltinImporter, origin='built-in')`.
pub(crate) unsafe fn builtin_spec(name: *mut PyObject) -> PyResult<PyRef> {
    let origin = pystr::intern("built-in")?;
    spec::new_spec(name, spec::builtin_importer()?, origin.as_ptr(), core::ptr::null_mut(), false)
}

fn is_file(p: &str) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_file())
}

fn is_dir(p: &str) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_dir())
}

/// A path entry as the directory `FileFinder` searches: '' and '.' are the current
/// directory, other relative entries are joined to it (not normalized, as CPython).
fn directory_of(entry: &str) -> Option<String> {
    if entry.is_empty() || entry == "." {
        return std::env::current_dir().ok().and_then(|d| d.to_str().map(str::to_string));
    }
    if Path::new(entry).is_absolute() {
        return Some(entry.to_string());
    }
    let cwd = std::env::current_dir().ok()?;
    Some(format!("{}/{entry}", cwd.to_str()?))
}

/// The spec of a module file (`spec_from_file_location`): `origin` is the file, a package
/// also gets its directory as `submodule_search_locations`.
unsafe fn file_spec(name: *mut PyObject, loader_type: *mut PyTypeObject, file: &str, package_dir: Option<&str>) -> PyResult<PyRef> {
    let origin = pystr::from_utf8(file)?;
    let loader = spec::new_file_loader(loader_type, name, origin.as_ptr())?;
    let locations = match package_dir {
        Some(dir) => Some(list::from_vec(vec![pystr::from_utf8(dir)?])?),
        None => None,
    };
    let s = spec::new_spec(name, loader.as_ptr(), origin.as_ptr(), locations.as_ref().map_or(core::ptr::null_mut(), PyRef::as_ptr), true)?;
    if let Some(cached) = cached_path(file) {
        spec::set_attr(s.as_ptr(), "_cached", pystr::from_utf8(&cached)?.as_ptr())?;
    }
    Ok(s)
}

/// Where the bytecode of a source file is cached (bytecode_cache.rs); a `.pyc` file is
/// its own.
fn cached_path(file: &str) -> Option<String> {
    crate::import::bytecode_cache::cache_path(file, crate::runtime::pyrun::default_optimize())
}

/// What one directory holds for a module `short`.
enum Found {
    Spec(PyRef),
    Portion(String),
    Nothing,
}

/// `FileFinder.find_spec` in one directory.
unsafe fn find_in_directory(name: *mut PyObject, short: &str, dir: &str) -> PyResult<Found> {
    // importlib matches names against the directory's listing: "" (the tail of `a.`) is none.
    if short.is_empty() {
        return Ok(Found::Nothing);
    }
    let base = format!("{dir}/{short}");
    let mut namespace = false;
    if is_dir(&base) {
        for (suffix, loader) in loaders() {
            let init = format!("{base}/__init__{suffix}");
            if is_file(&init) {
                return Ok(Found::Spec(file_spec(name, loader, &init, Some(&base))?));
            }
        }
        namespace = true;
    }
    for (suffix, loader) in loaders() {
        let file = format!("{base}{suffix}");
        if is_file(&file) {
            return Ok(Found::Spec(file_spec(name, loader, &file, None)?));
        }
    }
    Ok(if namespace { Found::Portion(base) } else { Found::Nothing })
}

/// `PathFinder.find_spec(name, path)`: `path` is the parent's `__path__`, or None for
/// `sys.path`. Entries that are not str are skipped.
pub(crate) unsafe fn find_in_path(name: *mut PyObject, path: Option<&PyRef>) -> PyResult<Option<PyRef>> {
    let entries = match path {
        Some(p) => crate::abstract_::new_ref(p.as_ptr()),
        None => match sys_path()? {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let full = pystr::to_string(name);
    let short = full.rsplit('.').next().unwrap_or(&full).to_string();
    let items = list::from_iterable(entries.as_ptr())?;
    let mut portions = Vec::new();
    for &entry in list::items(items.as_ptr()).to_vec().iter() {
        if !pystr::is_str(entry) {
            continue;
        }
        if let Some(finder) = crate::import::path_hooks::finder_for(entry)? {
            match crate::import::path_hooks::ask(finder.as_ptr(), name)? {
                crate::import::path_hooks::Answer::Spec(s) => return Ok(Some(s)),
                crate::import::path_hooks::Answer::Portions(p) => {
                    let p = list::from_iterable(p.as_ptr())?;
                    portions.extend(list::items(p.as_ptr()).iter().map(|&o| crate::abstract_::new_ref(o)));
                }
                crate::import::path_hooks::Answer::Nothing => {}
            }
            continue;
        }
        let Some(dir) = directory_of(&pystr::to_string(entry)) else { continue };
        if !is_dir(&dir) {
            continue;
        }
        match find_in_directory(name, &short, &dir)? {
            Found::Spec(s) => return Ok(Some(s)),
            Found::Portion(p) => portions.push(pystr::from_utf8(&p)?),
            Found::Nothing => {}
        }
    }
    if portions.is_empty() {
        return Ok(None);
    }
    let locations = list::from_vec(portions)?;
    Ok(Some(spec::new_spec(name, core::ptr::null_mut(), core::ptr::null_mut(), locations.as_ptr(), false)?))
}

/// `sys.path` (a new reference), None when sys has none.
unsafe fn sys_path() -> PyResult<Option<PyRef>> {
    let interp = crate::runtime::interpreter::current();
    let Some(sysdict) = interp.map(|i| i.sysdict).filter(|d| !d.is_null()) else { return Ok(None) };
    Ok(crate::objects::dict::get_item_str(sysdict, "path")?.map(|p| crate::abstract_::new_ref(p)))
}

/// `_find_spec(name, path)`: the finders of `sys.meta_path` in order. Ours (the
/// `BuiltinImporter` and `PathFinder` classes, there from the start) are answered in
/// Rust; any other is asked through its `find_spec(name, path, None)`.
pub(crate) unsafe fn find_spec(name: *mut PyObject, path: Option<&PyRef>) -> PyResult<Option<PyRef>> {
    use crate::errors::exception_types as exc;
    let interp = crate::runtime::interpreter::current().ok_or_else(crate::object::pending_error::bad_internal_call)?;
    let meta_path = if interp.sysdict.is_null() { None } else { crate::objects::dict::get_item_str(interp.sysdict, "meta_path")? };
    let meta_path = match meta_path {
        Some(m) if m != crate::abstract_::none() => crate::abstract_::new_ref(m),
        _ => {
            return Err(crate::object::pending_error::raise_type(
                &raw mut exc::_PyExc_ImportError,
                "sys.meta_path is None, Python is likely shutting down",
            ))
        }
    };
    let finders = list::from_iterable(meta_path.as_ptr())?;
    if list::len(finders.as_ptr()) == 0
        && crate::errors::warnings::PyErr_WarnEx(&raw mut exc::_PyExc_ImportWarning as *mut PyObject, c"sys.meta_path is empty".as_ptr(), 1) < 0
    {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    let (builtin, path_finder) = (spec::builtin_importer()?, spec::path_finder()?);
    for &finder in list::items(finders.as_ptr()).to_vec().iter() {
        let found = if finder == builtin {
            find_builtin(name, path)?
        } else if finder == path_finder {
            find_in_path(name, path)?
        } else {
            let finder = crate::abstract_::new_ref(finder);
            // Finders without find_spec (the legacy find_module protocol) are skipped.
            let Some(method) = spec::attr_opt(finder.as_ptr(), "find_spec")? else { continue };
            let path_arg = path.map_or(crate::abstract_::none(), PyRef::as_ptr);
            let args = crate::objects::tuple::from_ptrs(&[name, path_arg, crate::abstract_::none()])?;
            let r = crate::modules::owned(crate::abstract_::call::call_tuple(method.as_ptr(), args.as_ptr(), core::ptr::null_mut()))?;
            (r.as_ptr() != crate::abstract_::none()).then_some(r)
        };
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// Puts the builtin finders in `sys.meta_path` (CPython also has its FrozenImporter
/// between them; there are no frozen modules here).
pub(crate) unsafe fn install_meta_path() -> PyResult<()> {
    let interp = crate::runtime::interpreter::current().ok_or_else(crate::object::pending_error::bad_internal_call)?;
    let Some(meta_path) = crate::objects::dict::get_item_str(interp.sysdict, "meta_path")? else { return Ok(()) };
    if list::is_list(meta_path) && list::len(meta_path) == 0 {
        list::append(meta_path, spec::builtin_importer()?)?;
        list::append(meta_path, spec::path_finder()?)?;
    }
    Ok(())
}
