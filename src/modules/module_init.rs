//! Small helpers for building a builtin module's namespace at init: make the module from
//! its definition, add objects and int constants to its dict.
use crate::errors::raised::PyResult;
use crate::modules::owned;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, int, str as pystr};

/// A new module from a single-phase definition.
pub(crate) unsafe fn create(def: *mut PyModuleDef) -> PyResult<PyRef> {
    owned(crate::objects::module::PyModule_Create2(def, crate::modules::sys_module::API_VERSION as i32))
}

/// The module's namespace (borrowed).
pub(crate) unsafe fn dict_of(m: &PyRef) -> *mut PyObject {
    crate::objects::module::PyModule_GetDict(m.as_ptr())
}

/// `d[name] = value`.
pub(crate) unsafe fn add(d: *mut PyObject, name: &str, value: *mut PyObject) -> PyResult<()> {
    dict::set_item(d, pystr::intern(name)?.as_ptr(), value)
}

/// `d[name] = int(value)`.
pub(crate) unsafe fn add_int(d: *mut PyObject, name: &str, value: i64) -> PyResult<()> {
    add(d, name, int::from_i64(value)?.as_ptr())
}

/// Every `(name, value)` as int constants.
pub(crate) unsafe fn add_ints<T: Copy + Into<i64>>(d: *mut PyObject, table: &[(&str, T)]) -> PyResult<()> {
    for &(name, value) in table {
        add_int(d, name, value.into())?;
    }
    Ok(())
}
