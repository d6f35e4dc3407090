//! What ends an interpreter's initialization, as CPython's `init_interp_main` does it: the
//! `__main__` module (with `__builtins__` and `__loader__`, so it is there before any code
//! runs and reprs as built-in), then `warnings` when `sys.warnoptions` is not empty (its
//! `_processoptions` turns the -W options into filters the C-level warnings then obey),
//! then `site` unless `-S` (`config.site_import`): site-packages and the user site on
//! `sys.path`, `.pth` files, `sitecustomize`/`usercustomize`, `exit`/`quit`/`help`/...
//! A failure is printed, not fatal.
use crate::errors::raised::{PyResult, Raised};
use crate::objects::{dict, list, str as pystr};

/// Runs the start-up imports of the current (main) interpreter.
///
/// # Safety
/// The interpreter is initialized and current, the GIL held.
pub(crate) unsafe fn run() {
    let Some(owner) = crate::runtime::interpreter::current() else { return };
    if add_main_module().is_err() {
        eprint!("Failed to set up __main__; traceback:\n");
        crate::errors::print::PyErr_Print();
    }
    let wants_warnings = !owner.sysdict.is_null()
        && matches!(dict::get_item_str(owner.sysdict, "warnoptions"), Ok(Some(o)) if list::is_list(o) && list::len(o) > 0);
    crate::errors::pyerr::PyErr_Clear();
    if wants_warnings {
        import_or_report(c"warnings", "'import warnings' failed; traceback:\n");
    }
    if owner.config.site_import != 0 {
        import_or_report(c"site", "Error in site import; traceback:\n");
    }
}

/// Makes `__main__` with `__annotations__`, `__builtins__`, and `__loader__` the `BuiltinImporter` class when
/// it has none (or None).
unsafe fn add_main_module() -> PyResult<()> {
    let m = crate::runtime::module_table::PyImport_AddModule(c"__main__".as_ptr());
    if m.is_null() {
        return Err(Raised::assume_set());
    }
    let d = crate::objects::module::PyModule_GetDict(m);
    // As CPython: an empty `__annotations__` (before `__builtins__`, in its key order).
    if dict::get_item_str(d, "__annotations__")?.is_none() {
        dict::set_item(d, pystr::intern("__annotations__")?.as_ptr(), dict::new()?.as_ptr())?;
    }
    crate::runtime::pyrun::ensure_main_builtins(d)?;
    if dict::get_item_str(d, "__loader__")?.map_or(true, |l| l == crate::abstract_::none()) {
        let loader = crate::import::spec::builtin_importer()?;
        dict::set_item(d, pystr::intern("__loader__")?.as_ptr(), loader)?;
    }
    Ok(())
}

/// Imports `name`; on failure writes `banner` and the traceback to stderr.
unsafe fn import_or_report(name: &core::ffi::CStr, banner: &str) {
    let module = crate::import::api::PyImport_ImportModule(name.as_ptr());
    if module.is_null() {
        eprint!("{banner}");
        crate::errors::print::PyErr_Print();
    } else {
        drop(crate::object::ptr::PyRef::from_owned(module));
    }
}
