//! Frozen modules: the `PyImport_FrozenModules` table (of `struct _frozen`, runtime/inittab.rs) an embedder points
//! at its own entries (NULL by default: ferropy has no frozen modules of its own), and
//! `PyImport_ImportFrozenModule(Object)`.
//!
//! What an entry holds: CPython's `code`/`size` are its marshalled bytecode, which
//! ferropy's eval loop cannot run; `get_code` (3.11's field) returns a code object, which
//! it can. So an entry runs when it has a `get_code` (e.g. one returning
//! `Py_CompileString(source, ...)`, which works on both), and an entry with only data is an
//! ImportError: "is invalid" as in CPython when the data is not a marshalled code object,
//! and a ferropy-specific message when it is CPython bytecode. An entry with neither is
//! "excluded", as in CPython. The module runs in the dict of `sys.modules[name]` (made when
//! absent), a package gets an empty `__path__`, and `__origname__` is set afterwards, as
//! CPython 3.11 does for a direct call (no `__spec__`/`__loader__`). `import` statements
//! do not consult the table (there is no FrozenImporter on `sys.meta_path`).
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::new_ref;
use crate::errors::raised::{PyResult, Raised};
use crate::import::errors::{import_error, repr_text};
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::objects::{dict, list, str as pystr};
use crate::runtime::inittab::_frozen;

/// `const struct _frozen *PyImport_FrozenModules`: the embedder's table, or NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyImport_FrozenModules: *const _frozen = core::ptr::null();

/// marshal's type code of a code object (with or without its reference flag).
const MARSHAL_CODE: u8 = b'c';

/// The entry named `name`.
pub(crate) unsafe fn find(name: &str) -> Option<&'static _frozen> {
    let mut p = core::ptr::read_volatile(&raw const PyImport_FrozenModules);
    if p.is_null() {
        return None;
    }
    while !(*p).name.is_null() {
        if CStr::from_ptr((*p).name).to_bytes() == name.as_bytes() {
            return Some(&*p);
        }
        p = p.add(1);
    }
    None
}

/// The entry's code object, or the ImportError/TypeError for what cannot run.
pub(crate) unsafe fn code_of(entry: &_frozen, name: *mut PyObject) -> PyResult<PyRef> {
    let quoted = repr_text(name)?;
    if let Some(get_code) = entry.get_code {
        let co = PyRef::from_owned(get_code()).ok_or_else(Raised::assume_set)?;
        if !crate::objects::code_type::is_code(co.as_ptr()) {
            return Err(crate::abstract_::type_error(format!("frozen object {quoted} is not a code object")));
        }
        return Ok(co);
    }
    if entry.code.is_null() {
        return Err(import_error(&format!("Excluded frozen object named {quoted}"), name, core::ptr::null_mut()));
    }
    let len = entry.size.unsigned_abs() as usize;
    if len > 0 && *entry.code & 0x7f == MARSHAL_CODE {
        let text = format!("Frozen object named {quoted} is CPython bytecode, which ferropy cannot run");
        return Err(import_error(&text, name, core::ptr::null_mut()));
    }
    Err(import_error(&format!("Frozen object named {quoted} is invalid"), name, core::ptr::null_mut()))
}

/// Whether an entry is a package (its flag, or CPython's older negative size).
pub(crate) fn is_package(entry: &_frozen) -> bool {
    entry.is_package != 0 || entry.size < 0
}

/// The names of the table's entries, in order.
pub(crate) unsafe fn names() -> Vec<String> {
    let mut out = Vec::new();
    let mut p = core::ptr::read_volatile(&raw const PyImport_FrozenModules);
    while !p.is_null() && !(*p).name.is_null() {
        out.push(CStr::from_ptr((*p).name).to_string_lossy().into_owned());
        p = p.add(1);
    }
    out
}

/// 1 when `name` was found and ran, 0 when there is no such entry.
unsafe fn import_frozen(name: *mut PyObject) -> PyResult<c_int> {
    if name.is_null() || !pystr::is_str(name) {
        return Err(bad_internal_call());
    }
    let Some(entry) = find(&pystr::to_string(name)) else { return Ok(0) };
    let co = code_of(entry, name)?;
    let module = crate::runtime::module_table::PyImport_AddModuleObject(name);
    if module.is_null() {
        return Err(Raised::assume_set());
    }
    let module = new_ref(module);
    let d = crate::objects::module::PyModule_GetDict(module.as_ptr());
    if d.is_null() {
        return Err(Raised::assume_set());
    }
    let set = |key: &str, value: *mut PyObject| dict::set_item(d, pystr::intern(key)?.as_ptr(), value);
    if is_package(entry) {
        set("__path__", list::new(0)?.as_ptr())?;
    }
    if dict::get_item_str(d, "__builtins__")?.is_none() {
        set("__builtins__", crate::modules::builtins_module::PyEval_GetBuiltins())?;
    }
    if PyRef::from_owned(crate::eval::eval_code::PyEval_EvalCode(co.as_ptr(), d, d)).is_none() {
        crate::import::exec_code::remove_module(name);
        return Err(Raised::assume_set());
    }
    set("__origname__", name)?;
    Ok(1)
}

/// `int PyImport_ImportFrozenModuleObject(PyObject *name)`: 1 imported, 0 not found, -1
/// with an error.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportFrozenModuleObject(name: *mut PyObject) -> c_int {
    import_frozen(name).unwrap_or(-1)
}

/// `int PyImport_ImportFrozenModule(const char *name)`.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportFrozenModule(name: *const c_char) -> c_int {
    if name.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    match PyRef::from_owned(pystr::PyUnicode_FromString(name)) {
        Some(n) => PyImport_ImportFrozenModuleObject(n.as_ptr()),
        None => -1,
    }
}
