//! Making the `sys` module of an interpreter: its functions (sys_functions.rs), the values
//! read from the interpreter's configuration (argv, paths, prefixes, options), the
//! version and platform facts, and the standard streams (sys_stdio.rs). The struct
//! sequences (`flags`, `version_info`, ...) are in sys_structseqs.rs.
use crate::errors::raised::PyResult;
use crate::modules::{module_def, owned};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{bool as pybool, dict, int, list, str as pystr, tuple};
use crate::runtime::initconfig::{PyConfig, PyWideStringList};
use crate::runtime::interpreter::Interpreter;

use crate::modules::sys_functions::{wide_str, SYS_FUNCTIONS};

static mut SYS_DEF: PyModuleDef = module_def(
    c"sys",
    c"This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter.",
    (&raw mut SYS_FUNCTIONS) as *mut crate::object::methods::PyMethodDef,
);

/// `PY_VERSION_HEX` of the CPython release reproduced (3.11.7 final).
pub(crate) const HEXVERSION: i64 = 0x030B07F0;
/// `PYTHON_API_VERSION`.
pub(crate) const API_VERSION: i64 = 1013;

unsafe fn set(d: *mut PyObject, name: &str, value: PyResult<PyRef>) -> PyResult<()> {
    let key = pystr::intern(name)?;
    dict::set_item(d, key.as_ptr(), value?.as_ptr())
}

/// A list of str from a configuration string list.
pub(crate) unsafe fn wide_list(l: &PyWideStringList) -> PyResult<PyRef> {
    let out = list::new(0)?;
    for i in 0..l.length.max(0) as usize {
        list::append(out.as_ptr(), wide_str(*l.items.add(i))?.as_ptr())?;
    }
    Ok(out)
}

/// A config string, or None when NULL.
unsafe fn wide_or_none(w: *const crate::pyport::wchar_t) -> PyResult<PyRef> {
    if w.is_null() {
        Ok(crate::modules::none_ref())
    } else {
        wide_str(w)
    }
}

/// `sys._xoptions` from `-X` options: `name=value` gives a str, a bare `name` True.
pub(crate) unsafe fn add_xoption(d: *mut PyObject, option: &[u32]) -> PyResult<()> {
    let eq = option.iter().position(|&c| c == '=' as u32);
    let (key, value) = match eq {
        Some(i) => (pystr::from_code_points(&option[..i])?, pystr::from_code_points(&option[i + 1..])?),
        None => (pystr::from_code_points(option)?, crate::abstract_::new_ref(pybool::true_())),
    };
    dict::set_item(d, key.as_ptr(), value.as_ptr())
}

unsafe fn xoptions(config: &PyConfig) -> PyResult<PyRef> {
    let d = dict::new()?;
    for i in 0..config.xoptions.length.max(0) as usize {
        add_xoption(d.as_ptr(), &crate::runtime::locale::wide_to_vec(*config.xoptions.items.add(i)))?;
    }
    Ok(d)
}

/// The values sys takes from the interpreter's configuration.
unsafe fn set_config_values(d: *mut PyObject, config: &PyConfig) -> PyResult<()> {
    set(d, "path", wide_list(&config.module_search_paths))?;
    set(d, "executable", wide_str(config.executable))?;
    set(d, "_base_executable", wide_str(config.base_executable))?;
    set(d, "prefix", wide_str(config.prefix))?;
    set(d, "base_prefix", wide_str(config.base_prefix))?;
    set(d, "exec_prefix", wide_str(config.exec_prefix))?;
    set(d, "base_exec_prefix", wide_str(config.base_exec_prefix))?;
    set(d, "platlibdir", wide_str(config.platlibdir))?;
    set(d, "pycache_prefix", wide_or_none(config.pycache_prefix))?;
    set(d, "argv", wide_list(&config.argv))?;
    set(d, "orig_argv", wide_list(&config.orig_argv))?;
    set(d, "warnoptions", wide_list(&config.warnoptions))?;
    set(d, "_xoptions", xoptions(config))?;
    set(d, "_stdlib_dir", wide_or_none(config.stdlib_dir))?;
    set(d, "dont_write_bytecode", Ok(crate::abstract_::new_ref(pybool::PyBool_FromLong((config.write_bytecode == 0) as _))))?;
    set(d, "_home", wide_or_none(config.home))?;
    Ok(())
}

/// The facts of this build: version, platform, sizes.
unsafe fn set_build_values(d: *mut PyObject) -> PyResult<()> {
    set(d, "version", pystr::from_utf8(crate::runtime::version::version_str()))?;
    set(d, "hexversion", int::from_i64(HEXVERSION))?;
    set(d, "_git", tuple::from_vec(vec![pystr::from_utf8("ferropy")?, pystr::intern("")?, pystr::intern("")?]))?;
    set(d, "_framework", pystr::intern(""))?;
    set(d, "api_version", int::from_i64(API_VERSION))?;
    let copyright = core::ffi::CStr::from_ptr(crate::runtime::version::Py_GetCopyright()).to_string_lossy();
    set(d, "copyright", pystr::from_utf8(&copyright))?;
    set(d, "platform", pystr::from_utf8("linux"))?;
    set(d, "maxsize", int::from_i64(isize::MAX as i64))?;
    set(d, "maxunicode", int::from_i64(0x10FFFF))?;
    let names: PyResult<Vec<PyRef>> = crate::runtime::inittab::builtin_module_names().iter().map(|n| pystr::intern(n)).collect();
    set(d, "builtin_module_names", tuple::from_vec(names?))?;
    set(d, "stdlib_module_names", crate::modules::sys_stdlib_names::stdlib_module_names())?;
    set(d, "byteorder", pystr::from_utf8(if cfg!(target_endian = "little") { "little" } else { "big" }))?;
    set(d, "abiflags", pystr::intern(""))?;
    set(d, "float_repr_style", pystr::from_utf8("short"))?;
    // The import system fills these; they exist from the start, as in CPython.
    set(d, "meta_path", list::new(0))?;
    set(d, "path_importer_cache", dict::new())?;
    set(d, "path_hooks", list::new(0))?;
    Ok(())
}

/// `sys.implementation`: a SimpleNamespace naming this implementation (`ferropy`, whose
/// cache tag names the `__pycache__` files) and its version (`sys.version_info`, which the
/// struct sequences have already put in `d`).
unsafe fn set_implementation(d: *mut PyObject) -> PyResult<()> {
    let kw = dict::new()?;
    let items = [
        ("name", pystr::intern("ferropy")?),
        ("cache_tag", pystr::intern("ferropy-311")?),
        ("version", dict::get_item_str(d, "version_info")?.map(|v| crate::abstract_::new_ref(v)).ok_or_else(crate::object::pending_error::bad_internal_call)?),
        ("hexversion", int::from_i64(HEXVERSION)?),
        ("_multiarch", pystr::intern("x86_64-linux-gnu")?),
    ];
    for (name, value) in items {
        dict::set_item(kw.as_ptr(), pystr::intern(name)?.as_ptr(), value.as_ptr())?;
    }
    set(d, "implementation", owned(crate::objects::namespace::_PyNamespace_New(kw.as_ptr())))
}

/// `sys.__displayhook__` and the other originals of the hooks.
unsafe fn set_hook_originals(d: *mut PyObject) -> PyResult<()> {
    for name in ["displayhook", "excepthook", "unraisablehook", "breakpointhook"] {
        if let Some(f) = dict::get_item_str(d, name)? {
            set(d, &format!("__{name}__"), Ok(crate::abstract_::new_ref(f)))?;
        }
    }
    Ok(())
}

/// Makes the interpreter's `sys` module, records its dict in the interpreter and adds it
/// to the module table (which must exist).
pub(crate) unsafe fn create(owner: &mut Interpreter) -> PyResult<PyRef> {
    let m = owned(crate::objects::module::PyModule_Create2(&raw mut SYS_DEF, API_VERSION as i32))?;
    let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
    owner.sysdict = crate::abstract_::new_ref(d).into_ptr();
    set(d, "modules", Ok(crate::abstract_::new_ref(owner.modules)))?;
    set_hook_originals(d)?;
    set_build_values(d)?;
    set_config_values(d, &owner.config)?;
    crate::modules::sys_structseqs::install(d, &owner.config)?;
    set_implementation(d)?;
    dict::set_item(owner.modules, pystr::intern("sys")?.as_ptr(), m.as_ptr())?;
    Ok(m)
}
