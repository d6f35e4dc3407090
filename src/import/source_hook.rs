//! The hook through which Python source and bytecode modules are executed. The finder
//! finds `.py` (and sourceless `.pyc`) files and packages with an `__init__.py`, the
//! loader makes their module with `__name__`, `__file__`, `__spec__`, `__loader__`,
//! `__package__` (and `__path__` for a package) set and puts it in `sys.modules`; running
//! the file's code in the module's dict is the eval loop's part, installed here with
//! `set_source_exec` (by the eval loop or the import-system issue). Until one is installed,
//! importing such a module raises ImportError rather than pretending.
use std::sync::OnceLock;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;

/// Runs the code of the file at `path` (a str: `spec.origin`) in `module`'s dict.
/// `sourceless` is true for a `.pyc` without its source.
pub type SourceExec = unsafe fn(module: *mut PyObject, path: *mut PyObject, sourceless: bool) -> PyResult<()>;

static SOURCE_EXEC: OnceLock<SourceExec> = OnceLock::new();

/// Installs the executor of Python source modules (once; later calls are ignored).
pub fn set_source_exec(f: SourceExec) {
    let _ = SOURCE_EXEC.set(f);
}

/// Executes a source module through the installed hook, or raises ImportError.
///
/// # Safety
/// The GIL is held; `module` and `path` are live.
pub(crate) unsafe fn exec(module: *mut PyObject, name: *mut PyObject, path: *mut PyObject, sourceless: bool) -> PyResult<()> {
    match SOURCE_EXEC.get() {
        Some(f) => f(module, path, sourceless),
        None => {
            let text = format!(
                "cannot import {}: running Python source needs the eval loop, which this build lacks",
                crate::import::errors::repr_text(name)?
            );
            Err(crate::import::errors::import_error(&text, name, path))
        }
    }
}
