//! The interpreter's module table (`sys.modules`): made at initialization with `sys` and
//! `builtins` in it, torn down at finalization. `PyImport_GetModuleDict`,
//! `PyImport_AddModule(Object)` and `PyImport_GetModule` are only the table; loading
//! modules is the import system's business.
use core::ffi::c_char;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::objects::{dict, module, str as pystr};
use crate::runtime::interpreter::{self, Interpreter};

/// The current interpreter's module dict (borrowed), or NULL before initialization.
pub(crate) fn modules() -> *mut PyObject {
    interpreter::current().map_or(core::ptr::null_mut(), |i| i.modules)
}

/// Empties every module dict of the table, then the table itself: module functions refer
/// to their module (`m_self`). At finalization `finalize_modules` has emptied the table
/// already, in CPython's order; what is left was imported by finalizers since.
///
/// # Safety
/// The caller holds the GIL; `interp` is live.
pub(crate) unsafe fn clear(interp: &mut Interpreter) {
    let table = core::mem::replace(&mut interp.modules, core::ptr::null_mut());
    if table.is_null() {
        return;
    }
    // Later modules first, as they may use earlier ones; builtins and sys go last.
    let entries: Vec<PyRef> = dict::items(table).into_iter().rev().filter_map(|(_, m)| PyRef::from_borrowed(m)).collect();
    for m in &entries {
        if module::is_module(m.as_ptr()) {
            let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
            if !d.is_null() {
                crate::runtime::finalize_modules::wipe_module_dict(d);
                dict::clear(d);
            }
        }
    }
    dict::clear(table);
    drop(entries);
    drop(PyRef::from_owned(table));
}

/// `PyObject *PyImport_GetModuleDict(void)`: `sys.modules` (borrowed); a fatal error
/// when the interpreter has none.
#[no_mangle]
pub extern "C" fn PyImport_GetModuleDict() -> *mut PyObject {
    let table = modules();
    if table.is_null() {
        crate::runtime::pystate::fatal_error("PyImport_GetModuleDict", "no module dictionary");
    }
    table
}

/// `PyObject *PyImport_GetModule(PyObject *name)`: `sys.modules[name]` (a new reference),
/// or NULL without an exception when absent.
#[cfg(not(limited_api_before_3_8))]
#[no_mangle]
pub unsafe extern "C" fn PyImport_GetModule(name: *mut PyObject) -> *mut PyObject {
    let table = modules();
    if table.is_null() {
        let _ = crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_RuntimeError,
            "unable to get sys.modules",
        );
        return core::ptr::null_mut();
    }
    if name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match dict::get_item(table, name) {
        Ok(Some(m)) => crate::abstract_::new_ref(m).into_ptr(),
        _ => core::ptr::null_mut(),
    }
}

/// The module `sys.modules[name]`, made and added when missing (or not a module).
unsafe fn add_module(name: *mut PyObject) -> PyResult<*mut PyObject> {
    let table = modules();
    if table.is_null() {
        return Err(crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_RuntimeError,
            "no import module dictionary",
        ));
    }
    if let Some(m) = dict::get_item(table, name)? {
        if module::is_module(m) {
            return Ok(m);
        }
    }
    let m = module::new_module(name)?;
    dict::set_item(table, name, m.as_ptr())?;
    // The table keeps the module alive: a borrowed reference, as CPython hands out.
    Ok(m.as_ptr())
}

/// `PyObject *PyImport_AddModuleObject(PyObject *name)`: the module of that name in
/// `sys.modules` (borrowed), created empty when absent. Nothing is imported.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyImport_AddModuleObject(name: *mut PyObject) -> *mut PyObject {
    if name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    add_module(name).unwrap_or(core::ptr::null_mut())
}

/// `PyObject *PyImport_AddModule(const char *name)`: `PyImport_AddModuleObject` by name.
#[no_mangle]
pub unsafe extern "C" fn PyImport_AddModule(name: *const c_char) -> *mut PyObject {
    let n = pystr::PyUnicode_FromString(name);
    let Some(n) = PyRef::from_owned(n) else { return core::ptr::null_mut() };
    PyImport_AddModuleObject(n.as_ptr())
}
