//! The `_imp` module: the low-level pieces `importlib._bootstrap` and
//! `_bootstrap_external` call (docs/import.md). Builtin and extension modules are made by
//! the Rust import system (src/import/extension.rs), frozen modules come from the
//! embedder's `PyImport_FrozenModules` (ferropy freezes no stdlib module, as CPython with
//! `-X frozen_modules=off`), and the global import lock is a reentrant lock.
use std::sync::{Condvar, Mutex};

use crate::abstract_::{new_ref, tp_name, type_error};
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::{PyResult, Raised};
use crate::import::errors::{import_error, repr_text};
use crate::modules::{args_slice, fast, fast_kw, meth, module_def, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{bytes, dict, int, list, str as pystr, tuple};

/// The interpreter's import lock: (owning thread ident, depth).
static IMPORT_LOCK: Mutex<(u64, usize)> = Mutex::new((0, 0));
static IMPORT_LOCK_FREED: Condvar = Condvar::new();

fn thread_ident() -> u64 {
    crate::runtime::thread::PyThread_get_thread_ident() as u64
}

unsafe extern "C" fn acquire_lock(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let me = thread_ident();
    let mut held = IMPORT_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if held.1 > 0 && held.0 != me {
        // Another thread imports: wait without the GIL, which it may need to finish.
        drop(held);
        let saved = crate::runtime::gil::PyEval_SaveThread();
        held = IMPORT_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        while held.1 > 0 {
            held = IMPORT_LOCK_FREED.wait(held).unwrap_or_else(|e| e.into_inner());
        }
        *held = (me, 1);
        drop(held);
        crate::runtime::gil::PyEval_RestoreThread(saved);
        return ret(Ok(none_ref()));
    }
    *held = (me, held.1 + 1);
    ret(Ok(none_ref()))
}

unsafe extern "C" fn release_lock(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let mut held = IMPORT_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if held.1 == 0 || held.0 != thread_ident() {
        drop(held);
        return ret(Err(crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_RuntimeError,
            "not holding the import lock",
        )));
    }
    held.1 -= 1;
    if held.1 == 0 {
        held.0 = 0;
        IMPORT_LOCK_FREED.notify_one();
    }
    ret(Ok(none_ref()))
}

unsafe extern "C" fn lock_held(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let held = IMPORT_LOCK.lock().unwrap_or_else(|e| e.into_inner()).1 > 0;
    ret(Ok(crate::abstract_::compare::bool_ref(held)))
}

/// A `str` argument of `function` (Argument Clinic's message: no number when `n` is 0,
/// the function's only argument).
unsafe fn str_arg(function: &str, n: usize, o: *mut PyObject) -> PyResult<String> {
    if !pystr::is_str(o) {
        let which = if n == 0 { String::new() } else { format!(" {n}") };
        return Err(type_error(format!("{function}() argument{which} must be str, not {}", tp_name(o))));
    }
    Ok(pystr::to_string(o))
}

unsafe extern "C" fn create_builtin(_m: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    ret((|| {
        Ok(crate::import::extension::create_builtin(spec)?.unwrap_or_else(none_ref))
    })())
}

/// `exec_builtin(mod)` / `exec_dynamic(mod)`: 0 once the module's exec slots ran.
unsafe extern "C" fn exec_module(_m: *mut PyObject, module: *mut PyObject) -> *mut PyObject {
    ret(crate::import::extension::exec_module(module).and_then(|()| int::from_i64(0)))
}

/// `create_dynamic(spec, file=<unrepresentable>, /)`.
unsafe extern "C" fn create_dynamic(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(c"create_dynamic".as_ptr(), a.len() as isize, 1, 2) {
        return core::ptr::null_mut();
    }
    ret(crate::import::extension::create_dynamic(a[0]))
}

/// `is_builtin(name)`: 1 for an inittab module, -1 for one that cannot be re-initialized
/// (`sys`, `builtins`), 0 otherwise.
unsafe extern "C" fn is_builtin(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = str_arg("is_builtin", 0, name)?;
        let v = match crate::runtime::inittab::find(&name) {
            Some(entry) if entry.initfunc.is_none() => -1,
            Some(_) => 1,
            None => 0,
        };
        int::from_i64(v)
    })())
}

unsafe fn no_frozen(name: *mut PyObject) -> Raised {
    match repr_text(name) {
        Ok(text) => import_error(&format!("No such frozen object named {text}"), name, core::ptr::null_mut()),
        Err(e) => e,
    }
}

unsafe extern "C" fn is_frozen(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let text = str_arg("is_frozen", 0, name)?;
        Ok(crate::abstract_::compare::bool_ref(crate::import::frozen::find(&text).is_some()))
    })())
}

unsafe extern "C" fn is_frozen_package(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let text = str_arg("is_frozen_package", 0, name)?;
        let entry = crate::import::frozen::find(&text).ok_or_else(|| no_frozen(name))?;
        Ok(crate::abstract_::compare::bool_ref(crate::import::frozen::is_package(entry)))
    })())
}

/// `find_frozen(name, /, *, withdata=False)`: None, or (data, ispkg, origname); the data
/// is None (ferropy runs a frozen module from its `get_code`, not from marshalled data).
unsafe extern "C" fn find_frozen(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "find_frozen", names: &["", "withdata"], max_positional: 1, required: 1, positional_only: 1 };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let name = a[0].expect("required");
        let text = str_arg("find_frozen", 1, name)?;
        let Some(entry) = crate::import::frozen::find(&text) else { return Ok(none_ref()) };
        let ispkg = crate::abstract_::compare::bool_ref(crate::import::frozen::is_package(entry));
        tuple::from_vec(vec![none_ref(), ispkg, new_ref(name)])
    })())
}

/// `get_frozen_object(name, data=None, /)`: the entry's code object.
unsafe extern "C" fn get_frozen_object(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(c"get_frozen_object".as_ptr(), a.len() as isize, 1, 2) {
        return core::ptr::null_mut();
    }
    ret((|| {
        let text = str_arg("get_frozen_object", 1, a[0])?;
        let entry = crate::import::frozen::find(&text).ok_or_else(|| no_frozen(a[0]))?;
        crate::import::frozen::code_of(entry, a[0])
    })())
}

/// `init_frozen(name)`: imports the frozen module; the module from `sys.modules` (None
/// for an unknown name).
unsafe extern "C" fn init_frozen(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let text = str_arg("init_frozen", 0, name)?;
        if crate::import::frozen::find(&text).is_none() {
            return Ok(none_ref());
        }
        if crate::import::frozen::PyImport_ImportFrozenModuleObject(name) < 0 {
            return Err(Raised::assume_set());
        }
        let m = crate::runtime::module_table::PyImport_AddModuleObject(name);
        PyRef::from_borrowed(m).ok_or_else(Raised::assume_set)
    })())
}

unsafe extern "C" fn frozen_module_names(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let names = crate::import::frozen::names().iter().map(|n| pystr::from_utf8(n)).collect::<PyResult<Vec<_>>>()?;
        list::from_vec(names)
    })())
}

unsafe extern "C" fn extension_suffixes(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let items = crate::import::finder::EXTENSION_SUFFIXES.iter().map(|s| pystr::from_utf8(s)).collect::<PyResult<Vec<_>>>()?;
        list::from_vec(items)
    })())
}

/// Sets `co_filename` of `co` and of the code objects in its constants to `path` (where
/// they differ), as `_fix_co_filename` does for code loaded from a moved file.
unsafe fn fix_filename(co: *mut PyObject, old: *mut PyObject, path: *mut PyObject) -> PyResult<()> {
    let code = co as *mut crate::objects::code::PyCodeObject;
    if !pystr::eq((*code).co_filename, old) {
        return Ok(());
    }
    let previous = core::mem::replace(&mut (*code).co_filename, new_ref(path).into_ptr());
    drop(PyRef::from_owned(previous));
    let consts = (*code).co_consts;
    if !consts.is_null() && tuple::is_tuple(consts) {
        for &c in tuple::items(consts) {
            if crate::objects::code_type::is_code(c) {
                fix_filename(c, old, path)?;
            }
        }
    }
    Ok(())
}

unsafe extern "C" fn fix_co_filename(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(c"_fix_co_filename".as_ptr(), a.len() as isize, 2, 2) {
        return core::ptr::null_mut();
    }
    ret((|| {
        if !crate::objects::code_type::is_code(a[0]) {
            return Err(type_error(format!("_fix_co_filename() argument 1 must be code, not {}", tp_name(a[0]))));
        }
        str_arg("_fix_co_filename", 2, a[1])?;
        let old = new_ref((*(a[0] as *mut crate::objects::code::PyCodeObject)).co_filename);
        if !pystr::eq(old.as_ptr(), a[1]) {
            fix_filename(a[0], old.as_ptr(), a[1])?;
        }
        Ok(none_ref())
    })())
}

/// `source_hash(key, source)`: SipHash-1-3 of the source keyed by `key` (what hash-based
/// `.pyc` files record), 8 bytes in native order.
unsafe extern "C" fn source_hash(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "source_hash", names: &["key", "source"], max_positional: 2, required: 2, positional_only: 0 };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let key = crate::objects::long_convert::as_i64(a[0].expect("required"))?;
        let data = bytes::bytes_like(a[1].expect("required"))?;
        let hash = crate::object::siphash::siphash13(key as u64, 0, &data);
        bytes::from_slice(&hash.to_ne_bytes())
    })())
}

/// `_imp._override_frozen_modules_for_tests(override)`: CPython's switch for its frozen copies
/// of standard-library modules (`PyConfig.use_frozen_modules`). ferropy freezes no
/// standard-library modules, so every setting imports the same files; the argument is
/// checked as CPython checks it (a C int).
unsafe extern "C" fn override_frozen_modules_for_tests(_m: *mut PyObject, value: *mut PyObject) -> *mut PyObject {
    let r = crate::objects::long_convert::PyLong_AsLong(value);
    if r == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return core::ptr::null_mut();
    }
    if r < i32::MIN as core::ffi::c_long || r > i32::MAX as core::ffi::c_long {
        let _ = crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_OverflowError, "Python int too large to convert to C int");
        return core::ptr::null_mut();
    }
    crate::abstract_::new_ref(crate::abstract_::none()).into_ptr()
}

static mut IMP_FUNCTIONS: [PyMethodDef; 19] = [
    meth(c"lock_held", lock_held, METH_NOARGS, c"lock_held($module, /)\n--\n\nReturn True if the import lock is currently held, else False.\n\nOn platforms without threads, return False."),
    meth(c"acquire_lock", acquire_lock, METH_NOARGS, c"acquire_lock($module, /)\n--\n\nAcquires the interpreter's import lock for the current thread.\n\nThis lock should be used by import hooks to ensure thread-safety when importing\nmodules. On platforms without threads, this function does nothing."),
    meth(c"release_lock", release_lock, METH_NOARGS, c"release_lock($module, /)\n--\n\nRelease the interpreter's import lock.\n\nOn platforms without threads, this function does nothing."),
    fast_kw(c"find_frozen", find_frozen, c"find_frozen($module, name, /, *, withdata=False)\n--\n\nReturn info about the corresponding frozen module (if there is one) or None."),
    fast(c"get_frozen_object", get_frozen_object, c"get_frozen_object($module, name, data=None, /)\n--\n\nCreate a code object for a frozen module."),
    meth(c"is_frozen_package", is_frozen_package, METH_O, c"is_frozen_package($module, name, /)\n--\n\nReturns True if the module name is of a frozen package."),
    meth(c"create_builtin", create_builtin, METH_O, c"create_builtin($module, spec, /)\n--\n\nCreate an extension module."),
    meth(c"init_frozen", init_frozen, METH_O, c"init_frozen($module, name, /)\n--\n\nInitializes a frozen module."),
    meth(c"is_builtin", is_builtin, METH_O, c"is_builtin($module, name, /)\n--\n\nReturns True if the module name corresponds to a built-in module."),
    meth(c"is_frozen", is_frozen, METH_O, c"is_frozen($module, name, /)\n--\n\nReturns True if the module name corresponds to a frozen module."),
    meth(c"_frozen_module_names", frozen_module_names, METH_NOARGS, c"_frozen_module_names($module, /)\n--\n\nReturns the list of available frozen modules."),
    fast(c"create_dynamic", create_dynamic, c"create_dynamic($module, spec, file=<unrepresentable>, /)\n--\n\nCreate an extension module."),
    meth(c"exec_dynamic", exec_module, METH_O, c"exec_dynamic($module, mod, /)\n--\n\nInitialize an extension module."),
    meth(c"exec_builtin", exec_module, METH_O, c"exec_builtin($module, mod, /)\n--\n\nInitialize a built-in module."),
    meth(c"extension_suffixes", extension_suffixes, METH_NOARGS, c"extension_suffixes($module, /)\n--\n\nReturns the list of file suffixes used to identify extension modules."),
    fast(c"_fix_co_filename", fix_co_filename, c"_fix_co_filename($module, code, path, /)\n--\n\nChanges code.co_filename to specify the passed-in file path.\n\n  code\n    Code object to change.\n  path\n    File path to use."),
    meth(c"_override_frozen_modules_for_tests", override_frozen_modules_for_tests, METH_O, c"_override_frozen_modules_for_tests($module, override, /)\n--\n\n(internal-only) Override PyConfig.use_frozen_modules.\n\n(-1: \"off\", 1: \"on\", 0: no override)\nSee frozen_modules() in Lib/test/support/import_helper.py."),
    fast_kw(c"source_hash", source_hash, c"source_hash($module, /, key, source)\n--\n\n"),
    END,
];

static mut IMP_DEF: PyModuleDef = module_def(
    c"_imp",
    c"(Extremely) low-level import machinery bits as used by importlib and imp.",
    (&raw mut IMP_FUNCTIONS) as *mut PyMethodDef,
);

/// The `_imp` module's constructor (the inittab's entry): the module, with `check_hash_based_pycs` from the configuration.
pub(crate) unsafe extern "C" fn init_imp() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut IMP_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let mode = crate::runtime::interpreter::current()
            .map(|i| i.config.check_hash_pycs_mode)
            .filter(|p| !p.is_null())
            .map_or_else(|| "default".to_string(), |p| crate::runtime::locale::wide_to_string(p));
        dict::set_item(d, pystr::intern("check_hash_based_pycs")?.as_ptr(), pystr::from_utf8(&mode)?.as_ptr())?;
        Ok(m)
    })())
}
