//! `python -m MODULE`: finds the module's spec through the import system (importing its
//! parent packages; a package runs its `__main__` submodule) and runs its code in the
//! `__main__` module, as CPython's `runpy._run_module_as_main` does: `sys.argv[0]` becomes
//! the module's file, and `__main__` gets `__name__`, `__file__`, `__cached__`, `__doc__`,
//! `__loader__`, `__package__` and `__spec__` from the spec. A module that cannot be found
//! or run is reported as `<sys.executable>: <reason>` with exit status 1.
use core::ffi::c_int;

use crate::abstract_::none;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::import::spec::{attr, attr_opt};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{dict, str as pystr};

/// Why a module cannot be run: the text after `<executable>: `.
struct CannotRun(String);

/// What failed while looking for the module: either a reason to print, or a Python
/// exception to report with a traceback (an error raised by a parent package's code).
enum Failure {
    Reason(CannotRun),
    Raised,
}

unsafe fn exception_matches(tp: *mut crate::object::typeobject::PyTypeObject) -> bool {
    crate::errors::pyerr::PyErr_ExceptionMatches(tp as *mut PyObject) != 0
}

/// The pending exception as `TypeName: message`, cleared.
unsafe fn take_exception_text() -> String {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    let name = if t.is_null() { String::new() } else { crate::abstract_::type_name_of(t.cast()).rsplit('.').next().unwrap_or("").to_string() };
    let message = if v.is_null() {
        String::new()
    } else {
        crate::abstract_::object::str(v).map(|s| pystr::to_string(s.as_ptr())).unwrap_or_default()
    };
    crate::errors::pyerr::PyErr_Clear();
    for p in [t, v, tb] {
        crate::object::refcount::Py_DecRef(p);
    }
    format!("{name}: {message}")
}

/// Whether the pending exception is one `runpy` turns into "Error while finding module
/// specification" (ImportError, AttributeError, TypeError, ValueError).
unsafe fn is_finding_error() -> bool {
    exception_matches(&raw mut exc::_PyExc_ImportError)
        || exception_matches(&raw mut exc::_PyExc_AttributeError)
        || exception_matches(&raw mut exc::_PyExc_TypeError)
        || exception_matches(&raw mut exc::_PyExc_ValueError)
}

/// Imports the parent package of `name`; an ImportError about that package (or one of its
/// parents) is swallowed, as the spec search that follows reports it.
unsafe fn import_parent(name: &str) -> Result<(), Failure> {
    let Some((parent, _)) = name.rsplit_once('.') else { return Ok(()) };
    let parent_obj = pystr::from_utf8(parent).map_err(|_| Failure::Raised)?;
    if crate::import::load::find_and_load(parent_obj.as_ptr()).is_ok() {
        return Ok(());
    }
    if !exception_matches(&raw mut exc::_PyExc_ImportError) {
        return Err(Failure::Raised);
    }
    // ImportError.name names the module that was missing.
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    let missing = if v.is_null() { None } else { attr_opt(v, "name").ok().flatten() };
    let about_parent = match &missing {
        Some(m) if m.as_ptr() != none() && pystr::is_str(m.as_ptr()) => {
            let m = pystr::to_string(m.as_ptr());
            m == parent || parent.starts_with(&format!("{m}."))
        }
        _ => false,
    };
    if about_parent {
        for p in [t, v, tb] {
            crate::object::refcount::Py_DecRef(p);
        }
        return Ok(());
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
    Err(Failure::Raised)
}

/// `importlib.util.find_spec(name)`: the spec of an imported module, or one found now.
unsafe fn find_spec(name: &str) -> PyResult<Option<PyRef>> {
    let name_obj = pystr::from_utf8(name)?;
    if let Some(module) = crate::import::load::get_module(name_obj.as_ptr())? {
        return Ok(attr_opt(module.as_ptr(), "__spec__")?.filter(|s| s.as_ptr() != none()));
    }
    let path = match name.rsplit_once('.') {
        Some((parent, _)) => {
            let parent_obj = pystr::from_utf8(parent)?;
            let parent_module = crate::import::load::find_and_load(parent_obj.as_ptr())?;
            match attr_opt(parent_module.as_ptr(), "__path__")? {
                Some(p) => Some(p),
                None => {
                    let text = format!("__path__ attribute not found on '{parent}' while trying to find '{name}'");
                    return Err(crate::import::errors::import_error_of(
                        &raw mut exc::_PyExc_ModuleNotFoundError,
                        &text,
                        name_obj.as_ptr(),
                        core::ptr::null_mut(),
                    ));
                }
            }
        }
        None => None,
    };
    crate::import::finder::find_spec(name_obj.as_ptr(), path.as_ref())
}

/// `runpy._get_module_details(name)`: the spec of the module to run (a package's
/// `__main__`) and the name it was found under.
unsafe fn module_details(name: &str) -> Result<(PyRef, String), Failure> {
    if name.starts_with('.') {
        return Err(Failure::Reason(CannotRun("Relative module names not supported".into())));
    }
    import_parent(name)?;
    let spec = match find_spec(name) {
        Ok(Some(spec)) => spec,
        Ok(None) => return Err(Failure::Reason(CannotRun(format!("No module named {name}")))),
        Err(_) if is_finding_error() => {
            let mut text = format!("Error while finding module specification for '{name}' ({})", take_exception_text());
            if let Some(stem) = name.strip_suffix(".py") {
                text.push_str(&format!(". Try using '{stem}' instead of '{name}' as the module name."));
            }
            return Err(Failure::Reason(CannotRun(text)));
        }
        Err(_) => return Err(Failure::Raised),
    };
    let locations = attr_opt(spec.as_ptr(), "submodule_search_locations").map_err(|_| Failure::Raised)?;
    if locations.is_some_and(|l| l.as_ptr() != none()) {
        if name == "__main__" || name.ends_with(".__main__") {
            return Err(Failure::Reason(CannotRun("Cannot use package as __main__ module".into())));
        }
        return match module_details(&format!("{name}.__main__")) {
            Err(Failure::Reason(CannotRun(why))) => {
                Err(Failure::Reason(CannotRun(format!("{why}; '{name}' is a package and cannot be directly executed"))))
            }
            other => other,
        };
    }
    let loader = attr(spec.as_ptr(), "loader").map_err(|_| Failure::Raised)?;
    if loader.as_ptr() == none() {
        return Err(Failure::Reason(CannotRun(format!("'{name}' is a namespace package and cannot be executed"))));
    }
    Ok((spec, name.to_string()))
}

/// The code to run for `spec`: the source file compiled, or the loader's `get_code(name)`.
unsafe fn module_code(spec: *mut PyObject, name: &str) -> Result<PyRef, Failure> {
    let loader = attr(spec, "loader").map_err(|_| Failure::Raised)?;
    let is_source = (*loader.as_ptr()).ob_type == &raw mut crate::import::spec::SOURCE_LOADER_TYPE;
    if is_source {
        let origin = attr(spec, "origin").map_err(|_| Failure::Raised)?;
        let filename = pystr::to_string(origin.as_ptr());
        let source = match std::fs::read(&filename) {
            Ok(s) => s,
            Err(e) => return Err(Failure::Reason(CannotRun(format!("Error while finding module specification for '{name}' ({e})")))),
        };
        let compiled = crate::runtime::pyrun::compile_source(&source, &filename, crate::compiler::flags::Py_file_input, 0, -1);
        return compiled.map(|(code, _)| code).map_err(|_| Failure::Raised);
    }
    let code = match attr_opt(loader.as_ptr(), "get_code").map_err(|_| Failure::Raised)? {
        Some(get_code) => {
            let name_obj = pystr::from_utf8(name).map_err(|_| Failure::Raised)?;
            crate::modules::owned(crate::abstract_::call::PyObject_CallOneArg(get_code.as_ptr(), name_obj.as_ptr()))
                .map_err(|_| Failure::Raised)?
        }
        None => crate::abstract_::new_ref(none()),
    };
    if code.as_ptr() == none() {
        return Err(Failure::Reason(CannotRun(format!("No code object available for {name}"))));
    }
    Ok(code)
}

unsafe fn set_str(d: *mut PyObject, key: &str, value: *mut PyObject) -> PyResult<()> {
    dict::set_item(d, pystr::intern(key)?.as_ptr(), value)
}

/// Sets `__main__`'s attributes from `spec` and `sys.argv[0]` to its file.
unsafe fn prepare_main(globals: *mut PyObject, spec: *mut PyObject) -> PyResult<()> {
    let origin = attr_opt(spec, "origin")?.unwrap_or_else(|| crate::abstract_::new_ref(none()));
    let cached = attr_opt(spec, "cached")?.unwrap_or_else(|| crate::abstract_::new_ref(none()));
    let loader = attr(spec, "loader")?;
    let parent = attr(spec, "parent")?;
    let main_name = pystr::from_utf8("__main__")?;
    set_str(globals, "__name__", main_name.as_ptr())?;
    set_str(globals, "__file__", origin.as_ptr())?;
    set_str(globals, "__cached__", cached.as_ptr())?;
    set_str(globals, "__doc__", none())?;
    set_str(globals, "__loader__", loader.as_ptr())?;
    set_str(globals, "__package__", parent.as_ptr())?;
    set_str(globals, "__spec__", spec)?;
    crate::runtime::pyrun::ensure_main_builtins(globals)?;
    let argv = crate::modules::sys_api::PySys_GetObject(c"argv".as_ptr());
    if origin.as_ptr() != none() && !argv.is_null() && crate::objects::list::is_list(argv) && crate::objects::list::len(argv) > 0 {
        if crate::objects::list::PyList_SetItem(argv, 0, crate::abstract_::new_ref(origin.as_ptr()).into_ptr()) < 0 {
            return Err(crate::errors::raised::Raised::assume_set());
        }
    }
    Ok(())
}

/// Prints `<sys.executable>: <reason>` to stderr.
unsafe fn report(why: &CannotRun) {
    let exe = crate::modules::sys_api::PySys_GetObject(c"executable".as_ptr());
    let exe = if exe.is_null() || !pystr::is_str(exe) { "ferropy".to_string() } else { pystr::to_string(exe) };
    crate::errors::print::write_stderr(&format!("{exe}: {}\n", why.0));
}

/// Runs module `name` as `__main__`; the exit status (errors are printed).
pub(crate) unsafe fn run_module(name: &str) -> c_int {
    let run = || -> Result<(), Failure> {
        let (spec, found_name) = module_details(name)?;
        let code = module_code(spec.as_ptr(), &found_name)?;
        let main = crate::runtime::module_table::PyImport_AddModule(c"__main__".as_ptr());
        if main.is_null() {
            return Err(Failure::Raised);
        }
        let globals = crate::objects::module::PyModule_GetDict(main);
        prepare_main(globals, spec.as_ptr()).map_err(|_| Failure::Raised)?;
        crate::eval::eval_code::eval_code(code.as_ptr(), globals, globals).map(drop).map_err(|_| Failure::Raised)
    };
    match run() {
        Ok(()) => 0,
        Err(Failure::Reason(why)) => {
            report(&why);
            1
        }
        Err(Failure::Raised) => {
            crate::errors::print::PyErr_Print();
            1
        }
    }
}
