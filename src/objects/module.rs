//! Module definitions (CPython's `moduleobject.h`): `PyModuleDef` and its head and
//! multi-phase-init slots. The module object itself is implemented elsewhere.
use core::ffi::{c_char, c_int, c_void};

use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::slots::{freefunc, inquiry, traverseproc};
use crate::pyport::Py_ssize_t;

/// `PyModuleDef_Base`: the object head of a `PyModuleDef` (`PyModuleDef_HEAD_INIT`), and
/// the bookkeeping of single-phase init: `m_index` into the interpreter's module list and
/// `m_copy` of the module dict for re-import.
#[repr(C)]
pub struct PyModuleDef_Base {
    pub ob_base: PyObject,
    pub m_init: Option<unsafe extern "C" fn() -> *mut PyObject>,
    pub m_index: Py_ssize_t,
    pub m_copy: *mut PyObject,
}
assert_layout!(PyModuleDef_Base, size = 40, ob_base @ 0, m_init @ 16, m_index @ 24,
    m_copy @ 32);

/// `struct PyModuleDef_Slot`: one step of multi-phase init (`Py_mod_create`,
/// `Py_mod_exec`); the array ends with slot 0.
#[cfg(not(limited_api_before_3_5))]
#[repr(C)]
pub struct PyModuleDef_Slot {
    pub slot: c_int,
    pub value: *mut c_void,
}
assert_layout!(PyModuleDef_Slot, size = 16, slot @ 0, value @ 8);

#[cfg(not(limited_api_before_3_5))]
pub const Py_mod_create: c_int = 1;
#[cfg(not(limited_api_before_3_5))]
pub const Py_mod_exec: c_int = 2;
/// The highest slot id this version understands.
#[cfg(not(Py_LIMITED_API))]
pub const _Py_mod_LAST_SLOT: c_int = 2;

/// `struct PyModuleDef`: what an extension's `PyInit_*` hands to the import system.
#[repr(C)]
pub struct PyModuleDef {
    pub m_base: PyModuleDef_Base,
    pub m_name: *const c_char,
    pub m_doc: *const c_char,
    /// Size of the per-module state, or -1 for single-phase modules without state.
    pub m_size: Py_ssize_t,
    pub m_methods: *mut PyMethodDef,
    pub m_slots: *mut PyModuleDef_Slot,
    pub m_traverse: traverseproc,
    pub m_clear: inquiry,
    pub m_free: freefunc,
}
assert_layout!(PyModuleDef, size = 104, m_base @ 0, m_name @ 40, m_doc @ 48, m_size @ 56,
    m_methods @ 64, m_slots @ 72, m_traverse @ 80, m_clear @ 88, m_free @ 96);
