//! Executes Python source modules found by the path finder: the loader has made the module
//! (`__name__`, `__file__`, `__spec__`, `__loader__`, `__package__`, and `__path__` for a
//! package) and put it in `sys.modules`; here the file's code is taken from the bytecode
//! cache or compiled with its path as the filename, and run in the module's dict. Sourceless `.pyc` files are CPython's
//! marshalled bytecode, which ferropy does not execute: they raise ImportError.
use crate::compiler::flags::Py_file_input;
use crate::import::bytecode_cache;
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
    let globals = crate::objects::module::PyModule_GetDict(module);
    if globals.is_null() {
        return Err(Raised::assume_set());
    }
    let code = module_code(&filename, path)?;
    crate::runtime::pyrun::ensure_builtins(globals)?;
    crate::eval::eval_code::eval_code(code.as_ptr(), globals, globals).map(drop)
}

/// Sets OSError from a failed file operation on `path`.
unsafe fn os_error(e: &std::io::Error, path: *mut PyObject) -> Raised {
    *libc::__errno_location() = e.raw_os_error().unwrap_or(libc::EIO);
    crate::errors::setters::PyErr_SetFromErrnoWithFilenameObject(&raw mut exc::_PyExc_OSError as *mut PyObject, path);
    Raised::assume_set()
}

/// The module's code: from the bytecode cache when it matches the source, else compiled
/// (and cached for next time).
unsafe fn module_code(filename: &str, path: *mut PyObject) -> PyResult<crate::object::ptr::PyRef> {
    let optimize = crate::runtime::pyrun::default_optimize();
    let meta = std::fs::metadata(filename).map_err(|e| os_error(&e, path))?;
    // `co_filename` is the path object itself when it is an exact str (shared, as the
    // compiled path's code objects share theirs).
    let file_obj = if (*path).ob_type == &raw mut pystr::PyUnicode_Type { crate::abstract_::new_ref(path) } else { pystr::from_utf8(filename)? };
    if let Some(code) = bytecode_cache::load(filename, &meta, optimize, file_obj.as_ptr()) {
        return Ok(code);
    }
    let source = std::fs::read(filename).map_err(|e| os_error(&e, path))?;
    let (unit, _) = crate::runtime::pyrun::compile_unit(&source, filename, Py_file_input, 0, optimize as i32)?;
    // The cache describes the source as it was read: re-check it did not change meanwhile.
    if std::fs::metadata(filename).is_ok_and(|m| m.len() == source.len() as u64 && m.modified().ok() == meta.modified().ok()) {
        bytecode_cache::store(filename, &meta, optimize, &unit);
    }
    crate::objects::code_type::from_unit(unit)
}
