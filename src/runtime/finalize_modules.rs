//! Tearing down an interpreter's modules at exit, in CPython 3.11's order (what `python3 -v`
//! reports as cleanup steps), so that `__del__` methods and weakref callbacks that run
//! meanwhile see what they see under CPython:
//!
//! 1. `builtins._` and the sys attributes that refer to user state (`path`, `argv`, `ps1`,
//!    `last_*`, import hooks, ...) become None; `sys.stdin/stdout/stderr` get back their
//!    `__stdin__`/... values.
//! 2. Every `sys.modules` entry becomes None, then the table is emptied: `__main__` dies now
//!    if nothing else holds it, its dict freed with its globals intact. (CPython lets every
//!    module go this way; ferropy keeps the others to step 4 for now: see `remove_modules`.)
//! 3. A collection: `__main__` kept only by cycles (functions refer to their globals) dies
//!    with its objects' `__del__` methods still seeing their globals and the other modules.
//! 4. The modules still alive, last imported first, have their globals set to None (names
//!    with one leading underscore first); then sys, then builtins.
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{dict, module, str as pystr};
use crate::runtime::interpreter::Interpreter;

/// sys attributes set to None before the modules go (CPython's list, in its order).
const SYS_CLEARED: [&str; 11] = [
    "path",
    "argv",
    "ps1",
    "ps2",
    "last_type",
    "last_value",
    "last_traceback",
    "path_hooks",
    "path_importer_cache",
    "meta_path",
    "__interactivehook__",
];

/// Steps 1-4 above for `owner`'s module table (left empty, not freed).
///
/// # Safety
/// The caller holds the GIL; `owner` is the current interpreter.
pub(crate) unsafe fn finalize_modules(owner: &mut Interpreter) {
    let table = owner.modules;
    if table.is_null() {
        return;
    }
    clear_special_names(owner);
    let remembered = remove_modules(table);
    dict::clear(table);
    crate::gc::collector::collect_at_shutdown();
    for m in remembered.iter().rev() {
        let Some(m) = m.live() else { continue };
        let d = module::PyModule_GetDict(m);
        if d.is_null() || d == owner.sysdict || d == owner.builtins {
            continue;
        }
        wipe_module_dict(d);
    }
    drop(remembered);
    for d in [owner.sysdict, owner.builtins] {
        if !d.is_null() {
            wipe_module_dict(d);
        }
    }
}

/// Sets `d[name]` to `value`, ignoring failure (nothing can report it now).
unsafe fn set_quietly(d: *mut PyObject, name: &str, value: *mut PyObject) {
    let Ok(key) = pystr::from_utf8(name) else {
        crate::errors::pyerr::PyErr_Clear();
        return;
    };
    if dict::set_item(d, key.as_ptr(), value).is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
}

/// Step 1.
unsafe fn clear_special_names(owner: &mut Interpreter) {
    let none = crate::abstract_::none();
    if !owner.builtins.is_null() && matches!(dict::get_item_str(owner.builtins, "_"), Ok(Some(_))) {
        set_quietly(owner.builtins, "_", none);
    }
    let sys = owner.sysdict;
    if sys.is_null() {
        return;
    }
    for name in SYS_CLEARED {
        if matches!(dict::get_item_str(sys, name), Ok(Some(_))) {
            set_quietly(sys, name, none);
        }
    }
    for (name, original) in [("stdin", "__stdin__"), ("stdout", "__stdout__"), ("stderr", "__stderr__")] {
        if let Ok(Some(v)) = dict::get_item_str(sys, original) {
            if v != none {
                let v = PyRef::from_borrowed(v).expect("non-NULL");
                set_quietly(sys, name, v.as_ptr());
            }
        }
    }
    crate::errors::pyerr::PyErr_Clear();
}

/// A module of the table as step 2 leaves it: a weak reference, or the module itself when
/// it takes none (a module subclass without a weakref slot).
enum Remembered {
    Weak(PyRef),
    Strong(PyRef),
}

impl Remembered {
    unsafe fn live(&self) -> Option<*mut PyObject> {
        match self {
            Remembered::Weak(w) => crate::objects::weakref::referent(w.as_ptr()),
            Remembered::Strong(m) => Some(m.as_ptr()),
        }
    }
}

/// Step 2: every entry of the table becomes None; the modules among them are remembered,
/// in the table's order.
unsafe fn remove_modules(table: *mut PyObject) -> Vec<Remembered> {
    let entries: Vec<(PyRef, PyRef)> = dict::items(table)
        .into_iter()
        .filter_map(|(k, v)| Some((PyRef::from_borrowed(k)?, PyRef::from_borrowed(v)?)))
        .collect();
    let mut remembered = Vec::with_capacity(entries.len());
    for (name, m) in entries {
        // Only `__main__` is left to die here (and its cycles to the collection of step 3),
        // as CPython leaves every module: the others are kept to be wiped in step 4, as
        // before session 10, since a module's dict could otherwise outlive every
        // collection (the enum classes `ast` makes survived `Py_FinalizeEx` that way:
        // c-tests/lifecycle_static_types.c).
        if module::is_module(m.as_ptr()) && !pystr::eq_ascii(name.as_ptr(), "__main__") {
            remembered.push(Remembered::Strong(m.clone()));
        } else if module::is_module(m.as_ptr()) {
            let weak = crate::objects::weakref::PyWeakref_NewRef(m.as_ptr(), core::ptr::null_mut());
            match PyRef::from_owned(weak) {
                Some(w) => remembered.push(Remembered::Weak(w)),
                None => {
                    crate::errors::pyerr::PyErr_Clear();
                    remembered.push(Remembered::Strong(m.clone()));
                }
            }
        }
        if dict::set_item(table, name.as_ptr(), crate::abstract_::none()).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
        // The module dies here when the table held its last reference.
        drop(m);
    }
    remembered
}

/// Sets a module's globals to None, as CPython does: first the names with one leading
/// underscore, then the rest (`__builtins__` stays). Finalizers and weakref callbacks that
/// run meanwhile (logging's `_removeHandlerRef`) then see None, which library code checks
/// for, instead of a NameError.
pub(crate) unsafe fn wipe_module_dict(d: *mut PyObject) {
    let keys: Vec<PyRef> = dict::items(d).into_iter().filter_map(|(k, _)| PyRef::from_borrowed(k)).collect();
    for private_pass in [true, false] {
        for k in &keys {
            if !pystr::is_str(k.as_ptr()) {
                continue;
            }
            let Ok(name) = crate::objects::str_utf8::as_str(k.as_ptr()) else {
                crate::errors::pyerr::PyErr_Clear();
                continue;
            };
            let private = name.starts_with('_') && !name.starts_with("__");
            if name == "__builtins__" || private != private_pass {
                continue;
            }
            // Only names still present (a finalizer may have deleted some).
            if !matches!(dict::get_item(d, k.as_ptr()), Ok(Some(_))) {
                crate::errors::pyerr::PyErr_Clear();
                continue;
            }
            if dict::set_item(d, k.as_ptr(), crate::abstract_::none()).is_err() {
                crate::errors::pyerr::PyErr_Clear();
            }
        }
    }
}
