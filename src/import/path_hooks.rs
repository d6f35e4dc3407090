//! Finders for `sys.path` entries from `sys.path_importer_cache` and `sys.path_hooks`
//! (CPython's `PathFinder._path_importer_cache`): a cached finder is used again; else the
//! hooks are called in order with the entry (ImportError: the next hook), and the first
//! finder one returns is cached. When no hook takes an entry (always, while
//! `sys.path_hooks` is empty, as it is by default), the Rust file finder (finder.rs)
//! searches the directory, so the common case costs one dict lookup per entry.
use crate::abstract_::{new_ref, none};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::import::spec::attr_opt;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{dict, list, tuple};

/// `sys.NAME` (a new reference), None when missing.
unsafe fn sys_attr(name: &str) -> PyResult<Option<PyRef>> {
    let Some(interp) = crate::runtime::interpreter::current() else { return Ok(None) };
    if interp.sysdict.is_null() {
        return Ok(None);
    }
    Ok(dict::get_item_str(interp.sysdict, name)?.map(|o| new_ref(o)))
}

/// The finder of a path entry other than ours: the cached one, else the first hook's.
/// None: the built-in file finder handles the entry.
pub(crate) unsafe fn finder_for(entry: *mut PyObject) -> PyResult<Option<PyRef>> {
    let cache = sys_attr("path_importer_cache")?.filter(|c| dict::is_dict(c.as_ptr()));
    if let Some(cache) = &cache {
        if let Some(f) = dict::get_item(cache.as_ptr(), entry)? {
            return Ok((f != none()).then(|| new_ref(f)));
        }
    }
    let Some(hooks) = sys_attr("path_hooks")?.filter(|h| list::is_list(h.as_ptr())) else { return Ok(None) };
    if list::len(hooks.as_ptr()) == 0 {
        return Ok(None);
    }
    let hooks = list::from_iterable(hooks.as_ptr())?;
    for &hook in list::items(hooks.as_ptr()) {
        let hook = new_ref(hook);
        match crate::modules::owned(crate::abstract_::call::PyObject_CallOneArg(hook.as_ptr(), entry)) {
            Ok(finder) => {
                if let Some(cache) = &cache {
                    dict::set_item(cache.as_ptr(), entry, finder.as_ptr())?;
                }
                return Ok(Some(finder));
            }
            Err(e) => {
                if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_ImportError as *mut PyObject) == 0 {
                    return Err(e);
                }
                crate::errors::pyerr::PyErr_Clear();
            }
        }
    }
    Ok(None)
}

/// What a hook's finder says about `name` (CPython's `PathFinder._get_spec` for one
/// entry): a spec with a loader, or namespace portions (a spec without loader).
pub(crate) enum Answer {
    Spec(PyRef),
    Portions(PyRef),
    Nothing,
}

/// Asks `finder.find_spec(name, None)` (finders without `find_spec` answer nothing).
pub(crate) unsafe fn ask(finder: *mut PyObject, name: *mut PyObject) -> PyResult<Answer> {
    let Some(method) = attr_opt(finder, "find_spec")? else { return Ok(Answer::Nothing) };
    let args = tuple::from_ptrs(&[name, none()])?;
    let spec = crate::modules::owned(crate::abstract_::call::call_tuple(method.as_ptr(), args.as_ptr(), core::ptr::null_mut()))?;
    if spec.as_ptr() == none() {
        return Ok(Answer::Nothing);
    }
    if attr_opt(spec.as_ptr(), "loader")?.is_some() {
        return Ok(Answer::Spec(spec));
    }
    match attr_opt(spec.as_ptr(), "submodule_search_locations")? {
        Some(portions) => Ok(Answer::Portions(portions)),
        None => Err(crate::object::pending_error::raise_type(&raw mut exc::_PyExc_ImportError, "spec missing loader")),
    }
}
