//! The imports that end an interpreter's initialization, as CPython's `init_interp_main`
//! does them: `warnings` when `sys.warnoptions` is not empty (its `_processoptions` turns
//! the -W options into filters the C-level warnings then obey). A failure is printed, not
//! fatal, as in CPython.
use crate::objects::{dict, list};

/// Runs the start-up imports of the current (main) interpreter.
///
/// # Safety
/// The interpreter is initialized and current, the GIL held.
pub(crate) unsafe fn run() {
    let Some(owner) = crate::runtime::interpreter::current() else { return };
    let wants_warnings = !owner.sysdict.is_null()
        && matches!(dict::get_item_str(owner.sysdict, "warnoptions"), Ok(Some(o)) if list::is_list(o) && list::len(o) > 0);
    crate::errors::pyerr::PyErr_Clear();
    if wants_warnings {
        import_or_report(c"warnings", "'import warnings' failed; traceback:\n");
    }
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
