//! `BEFORE_WITH`: entering a context manager.
use crate::abstract_::{from_slot, tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

/// `(mgr.__exit__ bound, mgr.__enter__())`, with CPython 3.11's messages when the protocol
/// is missing.
pub(crate) unsafe fn before_with(mgr: *mut PyObject) -> PyResult<(PyRef, PyRef)> {
    let Some(enter) = crate::abstract_::object::lookup_special(mgr, "__enter__")? else {
        return Err(type_error(format!("'{}' object does not support the context manager protocol", tp_name(mgr))));
    };
    let Some(exit) = crate::abstract_::object::lookup_special(mgr, "__exit__")? else {
        return Err(type_error(format!(
            "'{}' object does not support the context manager protocol (missed __exit__ method)",
            tp_name(mgr)
        )));
    };
    let res = from_slot(crate::abstract_::call::PyObject_CallNoArgs(enter.as_ptr()))?;
    Ok((exit, res))
}
