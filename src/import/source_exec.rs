//! Executes Python source modules found by the path finder: the loader has made the module
//! (`__name__`, `__file__`, `__spec__`, `__loader__`, `__package__`, and `__path__` for a
//! package) and put it in `sys.modules`; here the file is read, compiled with its path as
//! the filename, and run in the module's dict. Sourceless `.pyc` files are CPython's
//! marshalled bytecode, which ferropy does not execute: they raise ImportError.
use crate::compiler::flags::Py_file_input;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::objects::str as pystr;

/// Runs the file at `path` (a str: `spec.origin`) in `module`'s dict.
///
/// # Safety
/// The GIL is held; `module`, `name` and `path` are live.
pub(crate) unsafe fn exec(module: *mut PyObject, name: *mut PyObject, path: *mut PyObject, sourceless: bool) -> PyResult<()> {
    if sourceless {
        let text = format!(
            "cannot import {}: ferropy does not run CPython's .pyc bytecode without its source",
            crate::import::errors::repr_text(name)?
        );
        return Err(crate::import::errors::import_error(&text, name, path));
    }
    let filename = pystr::to_string(path);
    let source = match std::fs::read(&filename) {
        Ok(s) => s,
        Err(e) => {
            *libc::__errno_location() = e.raw_os_error().unwrap_or(libc::EIO);
            crate::errors::setters::PyErr_SetFromErrnoWithFilenameObject(&raw mut exc::_PyExc_OSError as *mut PyObject, path);
            return Err(Raised::assume_set());
        }
    };
    let globals = crate::objects::module::PyModule_GetDict(module);
    if globals.is_null() {
        return Err(Raised::assume_set());
    }
    crate::runtime::pyrun::run_source(&source, &filename, Py_file_input, globals, globals, core::ptr::null_mut()).map(drop)
}
