//! `builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the
//! function the `import` statement calls, a thin binding over the import system's
//! `import_level` (src/import/api.rs).
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

unsafe extern "C" fn import(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "__import__", names: &["name", "globals", "locals", "fromlist", "level"], max_positional: 5, required: 1, positional_only: 0 };
    crate::modules::ret((|| -> PyResult<PyRef> {
        let bound = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let level = match bound[4] {
            Some(l) => {
                let v = crate::objects::long_convert::_PyLong_AsInt(l);
                if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
                    return Err(crate::errors::raised::Raised::assume_set());
                }
                v
            }
            None => 0,
        };
        let name = bound[0].unwrap_or(core::ptr::null_mut());
        let globals = bound[1].unwrap_or(core::ptr::null_mut());
        let fromlist = bound[3].unwrap_or(core::ptr::null_mut());
        crate::import::api::import_level(name, globals, fromlist, level)
    })())
}

static mut IMPORT_DEF: PyMethodDef = crate::modules::fast_kw(
    c"__import__",
    import,
    c"__import__($module, /, name, globals=None, locals=None, fromlist=(),\n           level=0)\n--\n\nImport a module.\n\nBecause this function is meant for use by the Python\ninterpreter and not for general use, it is better to use\nimportlib.import_module() to programmatically import a module.\n\nThe globals argument is only used to determine the context;\nthey are not modified.  The locals argument is unused.  The fromlist\nshould be a list of names to emulate ``from name import ...``, or an\nempty list to emulate ``import name``.\nWhen importing a module from a package, note that __import__('A.B', ...)\nreturns package A when fromlist is empty, but its submodule B when\nfromlist is not empty.  The level argument is used to determine whether to\nperform absolute or relative imports: 0 is absolute, while a positive number\nis the number of parent directories to search relative to the current module.",
);

/// Adds `__import__` to the builtins module `m` (its dict `d`).
pub(crate) unsafe fn install(m: *mut PyObject, d: *mut PyObject) -> PyResult<()> {
    let name = crate::objects::module::PyModule_GetNameObject(m);
    let name = crate::modules::owned(name)?;
    let f = crate::modules::owned(crate::objects::cfunction::PyCFunction_NewEx(&raw mut IMPORT_DEF, m, name.as_ptr()))?;
    crate::objects::dict::set_item(d, crate::objects::str::intern("__import__")?.as_ptr(), f.as_ptr())
}
