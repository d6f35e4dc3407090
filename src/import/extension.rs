//! Extension modules: `dlopen` of the shared object with the interpreter's dlopen flags,
//! its `PyInit_NAME` (`PyInitU_<punycode>` for non-ASCII names), then single-phase init
//! (the function returns the module: it goes into `sys.modules` and the state list, and a
//! copy of its dict or its init function is kept for re-import) or multi-phase init (it
//! returns its `PyModuleDef`: the module is made from the def and the spec, and executed
//! later by `exec_module`). Builtin modules of the inittab take the same two paths.
use core::ffi::{c_char, CStr};
use std::ffi::CString;

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::import::errors::{import_error, raise_from_cause};
use crate::import::spec;
use crate::import::state::{self, Extension};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::module::{self, PyModuleDef, PyModuleDef_Type};
use crate::objects::{dict, str as pystr};

type InitFn = unsafe extern "C" fn() -> *mut PyObject;

/// `const char *_Py_PackageContext`: while a single-phase init function runs, the full
/// dotted name of the module being imported, so `PyModule_Create` names a module inside a
/// package `pkg.name` although its def says `name`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _Py_PackageContext: *const c_char = core::ptr::null();

/// The name `PyModule_Create` gives a module whose def says `m_name`: the package context
/// when its last component is `m_name` (which then is used up), else `m_name`.
///
/// # Safety
/// `m_name` is a NUL-terminated string; the GIL is held.
pub(crate) unsafe fn take_package_context(m_name: *const c_char) -> *const c_char {
    let context = _Py_PackageContext;
    if context.is_null() {
        return m_name;
    }
    let full = CStr::from_ptr(context).to_bytes();
    match full.iter().rposition(|&b| b == b'.') {
        Some(dot) if &full[dot + 1..] == CStr::from_ptr(m_name).to_bytes() => {
            _Py_PackageContext = core::ptr::null();
            context
        }
        _ => m_name,
    }
}

/// The short name's encoded form and the export's prefix: `("spam", "PyInit")`, or the
/// punycode with `-` as `_` and `"PyInitU"` for a non-ASCII name (PEP 489).
fn encoded_name(short: &str) -> (String, &'static str) {
    if short.is_ascii() {
        (short.to_string(), "PyInit")
    } else {
        (crate::import::punycode::encode(short).replace('-', "_"), "PyInitU")
    }
}

/// A module re-imported from what its first single-phase init left: a new module with a
/// copy of the first one's dict (`m_size == -1`), or the result of calling its init
/// function again. It is put in `sys.modules`. None when the extension is unknown.
pub(crate) unsafe fn find_extension(name: *mut PyObject, filename: &str) -> PyResult<Option<PyRef>> {
    let Some(st) = state::current() else { return Ok(None) };
    let key = (filename.to_string(), pystr::to_string(name));
    let Some(Extension { def, copy }) = st.extensions.get(&key) else { return Ok(None) };
    let (def, copy) = (*def, copy.as_ref().map(|c| crate::abstract_::new_ref(c.as_ptr())));
    let modules = crate::runtime::module_table::modules();
    let m = if (*def).m_size == -1 {
        let Some(copy) = copy else { return Ok(None) };
        let m = PyRef::from_borrowed(crate::runtime::module_table::PyImport_AddModuleObject(name)).ok_or_else(Raised::assume_set)?;
        dict::merge(module::PyModule_GetDict(m.as_ptr()), copy.as_ptr(), 1)?;
        m
    } else {
        let Some(init) = (*def).m_base.m_init else { return Ok(None) };
        let m = PyRef::from_owned(init()).ok_or_else(Raised::assume_set)?;
        dict::set_item(modules, name, m.as_ptr())?;
        m
    };
    if let Err(e) = state::add_by_index(m.as_ptr(), def) {
        let _ = dict::del_item(modules, name);
        return Err(e);
    }
    Ok(Some(m))
}

/// After a single-phase init: the module goes into `sys.modules` and the state list, and
/// the extension is remembered under (`filename`, `name`) with a copy of its dict when it
/// has no per-module state (CPython's `_PyImport_FixupExtensionObject`).
pub(crate) unsafe fn fixup(m: *mut PyObject, name: *mut PyObject, filename: &str) -> PyResult<()> {
    if m.is_null() || !module::is_module(m) {
        return Err(bad_internal_call());
    }
    let def = module::def_of(m);
    if def.is_null() {
        return Err(bad_internal_call());
    }
    let modules = crate::runtime::module_table::modules();
    dict::set_item(modules, name, m)?;
    if let Err(e) = state::add_by_index(m, def) {
        let _ = dict::del_item(modules, name);
        return Err(e);
    }
    let copy = if (*def).m_size == -1 { Some(dict::copy(module::PyModule_GetDict(m))?) } else { None };
    if let Some(st) = state::current() {
        st.extensions.insert((filename.to_string(), pystr::to_string(name)), Extension { def, copy });
    }
    Ok(())
}

/// What an init function returned, made into the module: a def (multi-phase) becomes a
/// module made from the spec; a module (single-phase) is fixed up. `what` names the module
/// in messages (its encoded short name), `filename` keys the extension cache.
unsafe fn finish_init(
    result: *mut PyObject,
    init: InitFn,
    spec: *mut PyObject,
    name: *mut PyObject,
    what: &str,
    filename: &str,
    path: Option<*mut PyObject>,
) -> PyResult<PyRef> {
    let occurred = !crate::errors::pyerr::PyErr_Occurred().is_null();
    if result.is_null() {
        if !occurred {
            return Err(raise(ExcType::SystemError, format!("initialization of {what} failed without raising an exception")));
        }
        return Err(Raised::assume_set());
    }
    if occurred {
        // The module is dropped: the init reported success with an exception set.
        drop(PyRef::from_owned(result));
        return Err(raise_from_cause(&raw mut exc::_PyExc_SystemError, format!("initialization of {what} raised unreported exception")));
    }
    if (*result).ob_type.is_null() {
        // A def returned without PyModuleDef_Init: not an object, nothing to release.
        return Err(raise(ExcType::SystemError, format!("init function of {what} returned uninitialized object")));
    }
    if crate::abstract_::is_instance_of(result, &raw mut PyModuleDef_Type) {
        let m = module::PyModule_FromDefAndSpec2(result as *mut PyModuleDef, spec, crate::modules::sys_module::API_VERSION as i32);
        return PyRef::from_owned(m).ok_or_else(Raised::assume_set);
    }
    let m = PyRef::from_owned(result).unwrap();
    let def = if module::is_module(m.as_ptr()) { module::def_of(m.as_ptr()) } else { core::ptr::null_mut() };
    if def.is_null() {
        return Err(raise(ExcType::SystemError, format!("initialization of {what} did not return an extension module")));
    }
    (*def).m_base.m_init = Some(init);
    if let Some(path) = path {
        // CPython records the file before the dict copy; a failure is not worth reporting.
        if spec::set_attr(m.as_ptr(), "__file__", path).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
    }
    fixup(m.as_ptr(), name, filename)?;
    Ok(m)
}

/// `_imp.create_dynamic(spec)`: loads the extension module at `spec.origin`.
pub(crate) unsafe fn create_dynamic(spec: *mut PyObject) -> PyResult<PyRef> {
    let name = spec::attr(spec, "name")?;
    let path = spec::attr(spec, "origin")?;
    if !pystr::is_str(name.as_ptr()) || !pystr::is_str(path.as_ptr()) {
        return Err(crate::abstract_::type_error("spec name and origin must be str"));
    }
    let path_text = pystr::to_string(path.as_ptr());
    if let Some(m) = find_extension(name.as_ptr(), &path_text)? {
        return Ok(m);
    }
    let full = pystr::to_string(name.as_ptr());
    let short = full.rsplit('.').next().unwrap_or(&full);
    let (encoded, prefix) = encoded_name(short);
    crate::runtime::pyruntime_compat_blocked::check(short, &path_text, name.as_ptr(), path.as_ptr())?;
    let init = find_init_function(&path_text, &encoded, prefix, name.as_ptr(), path.as_ptr())?;
    let context = CString::new(full.as_str()).map_err(|_| raise(ExcType::SystemError, "module name contains a NUL"))?;
    let saved = _Py_PackageContext;
    _Py_PackageContext = context.as_ptr();
    let result = init();
    _Py_PackageContext = saved;
    finish_init(result, init, spec, name.as_ptr(), &encoded, &path_text, Some(path.as_ptr()))
}

/// `dlopen` + `dlsym` of `<prefix>_<encoded>`, with CPython's ImportErrors.
unsafe fn find_init_function(path: &str, encoded: &str, prefix: &str, name: *mut PyObject, path_obj: *mut PyObject) -> PyResult<InitFn> {
    // A bare file name would make dlopen search the library path: make it relative.
    let file = if path.contains('/') { path.to_string() } else { format!("./{path}") };
    let c_path = CString::new(file.as_str()).map_err(|_| raise(ExcType::SystemError, "path contains a NUL"))?;
    let flags = crate::runtime::interpreter::current().map_or(libc::RTLD_NOW, |i| i.dlopenflags);
    // Modules built with Py_BUILD_CORE_MODULE read `_PyRuntime`'s static objects.
    crate::runtime::pyruntime_compat::ensure_static_objects();
    let handle = libc::dlopen(c_path.as_ptr(), flags);
    if handle.is_null() {
        let error = libc::dlerror();
        let text = if error.is_null() { "unknown dlopen() error".to_string() } else { CStr::from_ptr(error).to_string_lossy().into_owned() };
        let short = pystr::from_utf8(encoded)?;
        let path_obj = pystr::from_utf8(&file)?;
        return Err(import_error(&text, short.as_ptr(), path_obj.as_ptr()));
    }
    let symbol = CString::new(format!("{prefix}_{encoded}")).map_err(|_| raise(ExcType::SystemError, "name contains a NUL"))?;
    let f = libc::dlsym(handle, symbol.as_ptr());
    if f.is_null() {
        // The handle stays open, as CPython keeps it.
        return Err(import_error(
            &format!("dynamic module does not define module export function ({prefix}_{encoded})"),
            name,
            path_obj,
        ));
    }
    // SAFETY: PEP 489 fixes the export's signature.
    Ok(core::mem::transmute::<*mut libc::c_void, InitFn>(f))
}

/// `_imp.create_builtin(spec)`: the module of the inittab entry named `spec.name` (None
/// when there is none); `sys` and `builtins` are the running ones.
pub(crate) unsafe fn create_builtin(spec: *mut PyObject) -> PyResult<Option<PyRef>> {
    let name = spec::attr(spec, "name")?;
    if !pystr::is_str(name.as_ptr()) {
        return Ok(None);
    }
    let text = pystr::to_string(name.as_ptr());
    if let Some(m) = find_extension(name.as_ptr(), &text)? {
        return Ok(Some(m));
    }
    let Some(entry) = crate::runtime::inittab::find(&text) else { return Ok(None) };
    let Some(init) = entry.initfunc else {
        let m = crate::runtime::module_table::PyImport_AddModuleObject(name.as_ptr());
        return PyRef::from_borrowed(m).ok_or_else(Raised::assume_set).map(Some);
    };
    let result = init();
    finish_init(result, init, spec, name.as_ptr(), &text, &text, None).map(Some)
}

/// `_imp.exec_dynamic`/`exec_builtin`: runs the `Py_mod_exec` slots of a multi-phase
/// module once (a module with state was executed already).
pub(crate) unsafe fn exec_module(m: *mut PyObject) -> PyResult<()> {
    if !module::is_module(m) {
        return Ok(());
    }
    let def = module::def_of(m);
    if def.is_null() || !module::state_of(m).is_null() {
        return Ok(());
    }
    if module::PyModule_ExecDef(m, def) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}
