//! An interpreter's import state: the single-phase modules by def index
//! (`PyState_FindModule`/`AddModule`/`RemoveModule`) and the single-phase extensions
//! already initialized, with the copy of their dict that a re-import starts from.
use core::ffi::c_int;
use std::collections::HashMap;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::runtime::interpreter::{self, Interpreter};

/// A single-phase extension initialized once: its def and, for `m_size == -1`, the copy of
/// its module dict taken just after init (CPython's `m_base.m_copy`).
pub(crate) struct Extension {
    pub(crate) def: *mut PyModuleDef,
    pub(crate) copy: Option<PyRef>,
}

#[derive(Default)]
pub(crate) struct ImportState {
    /// Modules indexed by `m_base.m_index` (strong references; None slots are `None`).
    pub(crate) by_index: Vec<Option<PyRef>>,
    /// Single-phase extensions by (file name, or the name for builtins; module name).
    pub(crate) extensions: HashMap<(String, String), Extension>,
}

/// The current interpreter's import state.
pub(crate) fn current<'a>() -> Option<&'a mut ImportState> {
    interpreter::current().map(|i| &mut i.imports)
}

/// Drops the interpreter's references (finalization).
pub(crate) fn clear(owner: &mut Interpreter) {
    let state = core::mem::take(&mut owner.imports);
    drop(state);
}

/// Records `module` under its def's index (CPython's `_PyState_AddModule`).
pub(crate) unsafe fn add_by_index(module: *mut PyObject, def: *mut PyModuleDef) -> PyResult<()> {
    if !(*def).m_slots.is_null() {
        return Err(raise(ExcType::SystemError, "PyState_AddModule called on module with slots"));
    }
    let Some(state) = current() else { return Err(crate::object::pending_error::bad_internal_call()) };
    let index = (*def).m_base.m_index.max(0) as usize;
    if state.by_index.len() <= index {
        state.by_index.resize_with(index + 1, || None);
    }
    state.by_index[index] = PyRef::from_borrowed(module);
    Ok(())
}

/// `PyObject *PyState_FindModule(PyModuleDef *def)`: the module made from `def` in this
/// interpreter (borrowed), or NULL (no exception) for multi-phase defs and unknown ones.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyState_FindModule(def: *mut PyModuleDef) -> *mut PyObject {
    if def.is_null() || !(*def).m_slots.is_null() {
        return core::ptr::null_mut();
    }
    let index = (*def).m_base.m_index;
    let Some(state) = current() else { return core::ptr::null_mut() };
    if index <= 0 {
        return core::ptr::null_mut();
    }
    state.by_index.get(index as usize).and_then(|m| m.as_ref()).map_or(core::ptr::null_mut(), PyRef::as_ptr)
}

/// `int PyState_AddModule(PyObject *module, PyModuleDef *def)`: lets
/// `PyState_FindModule(def)` find `module` (for single-phase modules).
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyState_AddModule(module: *mut PyObject, def: *mut PyModuleDef) -> c_int {
    if def.is_null() {
        crate::runtime::pystate::fatal_error("PyState_AddModule", "module definition is NULL");
    }
    if !(*def).m_slots.is_null() {
        let _ = raise(ExcType::SystemError, "PyState_AddModule called on module with slots");
        return -1;
    }
    if let Some(state) = current() {
        let index = (*def).m_base.m_index;
        if index > 0 && state.by_index.get(index as usize).and_then(|m| m.as_ref()).is_some_and(|m| m.as_ptr() == module) {
            crate::runtime::pystate::fatal_error("PyState_AddModule", &format!("module {module:p} already added"));
        }
    }
    if module.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    if add_by_index(module, def).is_ok() { 0 } else { -1 }
}

/// `int PyState_RemoveModule(PyModuleDef *def)`: forgets the module made from `def`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyState_RemoveModule(def: *mut PyModuleDef) -> c_int {
    if def.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    if !(*def).m_slots.is_null() {
        let _ = raise(ExcType::SystemError, "PyState_RemoveModule called on module with slots");
        return -1;
    }
    let index = (*def).m_base.m_index;
    if index == 0 {
        crate::runtime::pystate::fatal_error("PyState_RemoveModule", "invalid module index");
    }
    let Some(state) = current() else {
        crate::runtime::pystate::fatal_error("PyState_RemoveModule", "Interpreters module-list not accessible.");
    };
    let index = index as usize;
    if index > state.by_index.len() {
        crate::runtime::pystate::fatal_error("PyState_RemoveModule", "Module index out of bounds.");
    }
    if index == state.by_index.len() {
        // CPython's bound check lets this one through to PyList_SetItem, which refuses it.
        let _ = raise(ExcType::IndexError, "list assignment index out of range");
        return -1;
    }
    drop(state.by_index[index].take());
    0
}
