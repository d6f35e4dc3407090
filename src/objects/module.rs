//! Module definitions (CPython's `moduleobject.h`): `PyModuleDef` and its head and
//! multi-phase-init slots. The module object itself is implemented elsewhere.
use core::ffi::{c_char, c_int, c_void};

use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::slots::{freefunc, inquiry, traverseproc};
use crate::pyport::Py_ssize_t;

/// `PyModuleDef_Base`: the object head of a `PyModuleDef` (`PyModuleDef_HEAD_INIT`), and
/// the bookkeeping of single-phase init: `m_index` into the interpreter's module list and
/// `m_copy` of the module dict for re-import.
#[repr(C)]
pub struct PyModuleDef_Base {
    pub ob_base: PyObject,
    pub m_init: Option<unsafe extern "C" fn() -> *mut PyObject>,
    pub m_index: Py_ssize_t,
    pub m_copy: *mut PyObject,
}
assert_layout!(PyModuleDef_Base, size = 40, ob_base @ 0, m_init @ 16, m_index @ 24,
    m_copy @ 32);

/// `struct PyModuleDef_Slot`: one step of multi-phase init (`Py_mod_create`,
/// `Py_mod_exec`); the array ends with slot 0.
#[cfg(not(limited_api_before_3_5))]
#[repr(C)]
pub struct PyModuleDef_Slot {
    pub slot: c_int,
    pub value: *mut c_void,
}
assert_layout!(PyModuleDef_Slot, size = 16, slot @ 0, value @ 8);

#[cfg(not(limited_api_before_3_5))]
pub const Py_mod_create: c_int = 1;
#[cfg(not(limited_api_before_3_5))]
pub const Py_mod_exec: c_int = 2;
/// The highest slot id this version understands.
#[cfg(not(Py_LIMITED_API))]
pub const _Py_mod_LAST_SLOT: c_int = 2;

/// `struct PyModuleDef`: what an extension's `PyInit_*` hands to the import system.
#[repr(C)]
pub struct PyModuleDef {
    pub m_base: PyModuleDef_Base,
    pub m_name: *const c_char,
    pub m_doc: *const c_char,
    /// Size of the per-module state, or -1 for single-phase modules without state.
    pub m_size: Py_ssize_t,
    pub m_methods: *mut PyMethodDef,
    pub m_slots: *mut PyModuleDef_Slot,
    pub m_traverse: traverseproc,
    pub m_clear: inquiry,
    pub m_free: freefunc,
}
assert_layout!(PyModuleDef, size = 104, m_base @ 0, m_name @ 40, m_doc @ 48, m_size @ 56,
    m_methods @ 64, m_slots @ 72, m_traverse @ 80, m_clear @ 88, m_free @ 96);

// ---------------------------------------------------------------------------------------
// The module object (`PyModule_Type`).
// ---------------------------------------------------------------------------------------

use core::ffi::CStr;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::generic_alloc::PyType_GenericAlloc;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::objimpl::PyObject_GC_UnTrack;
use crate::object::pending_error::{bad_internal_call, no_memory, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::pymem::{PyMem_Free, PyMem_Malloc};
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::*;
use crate::objects::singletons::_Py_NoneStruct;
use crate::objects::{dict, str as pystr, tuple};

/// `PyModuleObject` (CPython keeps it in an internal header; the layout is CPython's, so
/// `tp_dictoffset` and `tp_weaklistoffset` have CPython's values).
#[repr(C)]
pub(crate) struct PyModuleObject {
    pub(crate) ob_base: PyObject,
    pub(crate) md_dict: *mut PyObject,
    pub(crate) md_def: *mut PyModuleDef,
    /// `m_size` bytes from `PyMem_Malloc`, zeroed; NULL when `m_size <= 0`.
    pub(crate) md_state: *mut c_void,
    pub(crate) md_weaklist: *mut PyObject,
    /// The name at creation, for error messages once the dict is gone.
    pub(crate) md_name: *mut PyObject,
}
assert_layout!(PyModuleObject, size = 56, ob_base @ 0, md_dict @ 16, md_def @ 24,
    md_state @ 32, md_weaklist @ 40, md_name @ 48);

static mut MODULE_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"__dict__".as_ptr(),
        r#type: T_OBJECT,
        offset: core::mem::offset_of!(PyModuleObject, md_dict) as Py_ssize_t,
        flags: READONLY,
        doc: core::ptr::null(),
    },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut MODULE_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"__dir__".as_ptr(),
        ml_meth: Some(module_dir),
        ml_flags: crate::object::methods::METH_NOARGS,
        ml_doc: c"__dir__() -> list\nspecialized dir() implementation".as_ptr(),
    },
    PyMethodDef { ml_name: core::ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: core::ptr::null() },
];

/// `module.__dir__()`: the module's own `__dir__` from its dict when it has one (PEP 562),
/// else the list of the dict's keys.
unsafe extern "C" fn module_dir(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::abstract_::ret_obj((|| -> PyResult<PyRef> {
        let d = crate::object::object_attr::get_attr(op, pystr::intern("__dict__")?.as_ptr())?;
        if !dict::is_dict(d.as_ptr()) {
            // CPython 3.11's message names no module.
            return Err(raise(ExcType::TypeError, "<module>.__dict__ is not a dictionary"));
        }
        if let Some(f) = dict::get_item_str(d.as_ptr(), "__dir__")? {
            let f = crate::abstract_::new_ref(f);
            return crate::modules::owned(crate::abstract_::call::PyObject_CallNoArgs(f.as_ptr()));
        }
        let keys: Vec<PyRef> = dict::items(d.as_ptr()).into_iter().map(|(k, _)| crate::abstract_::new_ref(k)).collect();
        crate::objects::list::from_vec(keys)
    })())
}

/// `PyModule_Type`: `module`.
#[no_mangle]
pub static mut PyModule_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(module_dealloc),
    tp_repr: Some(module_repr),
    tp_getattro: Some(module_getattro),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_traverse: Some(module_traverse),
    tp_clear: Some(module_clear),
    tp_weaklistoffset: core::mem::offset_of!(PyModuleObject, md_weaklist) as Py_ssize_t,
    tp_members: &raw mut MODULE_MEMBERS as *mut PyMemberDef,
    tp_methods: &raw mut MODULE_METHODS as *mut PyMethodDef,
    tp_dictoffset: core::mem::offset_of!(PyModuleObject, md_dict) as Py_ssize_t,
    tp_init: Some(module_init),
    tp_alloc: Some(PyType_GenericAlloc),
    tp_new: Some(module_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"module",
        core::mem::size_of::<PyModuleObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"module(name, doc=None)\n--\n\nCreate a module object.\n\nThe name must be a string; the optional doc argument can have any type."),
    )
};

/// `PyModuleDef_Type`: the type `PyModuleDef_Init` gives module definitions (so a def can
/// be returned from `PyInit_*` as an object).
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub static mut PyModuleDef_Type: PyTypeObject = PyTypeObject {
    ..static_type(c"moduledef", core::mem::size_of::<PyModuleDef>(), 0, 0, None)
};

/// The module types, readied with the builtin types.
pub(crate) fn module_types() -> [*mut PyTypeObject; 2] {
    [&raw mut PyModule_Type, &raw mut PyModuleDef_Type]
}

/// `PyModule_Check(op)`.
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_module(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == &raw mut PyModule_Type || crate::object::typetype::is_subtype(tp, &raw mut PyModule_Type)
}

unsafe fn module(op: *mut PyObject) -> &'static mut PyModuleObject {
    &mut *(op as *mut PyModuleObject)
}

/// The def of a module (NULL when made without one).
///
/// # Safety
/// `m` is a live module.
pub(crate) unsafe fn def_of(m: *mut PyObject) -> *mut PyModuleDef {
    module(m).md_def
}

/// The state of a module (NULL when it has none).
///
/// # Safety
/// `m` is a live object; non-modules have no state (TypeError, as `PyModule_GetState`).
pub(crate) unsafe fn state_of(m: *mut PyObject) -> *mut c_void {
    PyModule_GetState(m)
}

/// `tp_new`: an empty module with an empty dict; `__init__` names it.
unsafe extern "C" fn module_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    let alloc = (*tp).tp_alloc.unwrap_or(PyType_GenericAlloc);
    let op = alloc(tp, 0);
    if op.is_null() {
        return op;
    }
    match dict::new() {
        Ok(d) => {
            module(op).md_dict = d.into_ptr();
            op
        }
        Err(_) => {
            drop(PyRef::from_owned(op));
            core::ptr::null_mut()
        }
    }
}

/// Sets the standard entries of a new module's dict: `__name__`, `__doc__`, and `None` for
/// `__package__`, `__loader__`, `__spec__`.
unsafe fn init_dict(m: *mut PyObject, name: *mut PyObject, doc: *mut PyObject) -> PyResult<()> {
    let md = module(m);
    if md.md_dict.is_null() {
        md.md_dict = dict::new()?.into_ptr();
    }
    let d = md.md_dict;
    let none = &raw mut _Py_NoneStruct;
    let doc = if doc.is_null() { none } else { doc };
    for (key, value) in [("__name__", name), ("__doc__", doc), ("__package__", none), ("__loader__", none), ("__spec__", none)] {
        let key = pystr::intern(key)?;
        dict::set_item(d, key.as_ptr(), value)?;
    }
    if pystr::is_str(name) {
        let old = core::mem::replace(&mut md.md_name, PyRef::from_borrowed(name).map_or(core::ptr::null_mut(), PyRef::into_ptr));
        drop(PyRef::from_owned(old));
    }
    Ok(())
}

/// `module.__init__(self, name, doc=None)`.
unsafe extern "C" fn module_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let parsed = (|| -> PyResult<()> {
        let (name, doc) = init_args(args, kwds)?;
        if !pystr::is_str(name) {
            return Err(raise(
                ExcType::TypeError,
                format!("module() argument 'name' must be str, not {}", crate::object::typetype::short_name((*name).ob_type)),
            ));
        }
        init_dict(op, name, doc)
    })();
    if parsed.is_ok() { 0 } else { -1 }
}

/// `(name, doc=None)` from the call's arguments (borrowed; doc NULL when absent).
unsafe fn init_args(args: *mut PyObject, kwds: *mut PyObject) -> PyResult<(*mut PyObject, *mut PyObject)> {
    let positional: &[*mut PyObject] = if args.is_null() { &[] } else { tuple::items(args) };
    let keywords = if kwds.is_null() { Vec::new() } else { dict::items(kwds) };
    let total = positional.len() + keywords.len();
    if total > 2 {
        return Err(raise(ExcType::TypeError, format!("module() takes at most 2 arguments ({total} given)")));
    }
    let mut slots: [*mut PyObject; 2] = [core::ptr::null_mut(); 2];
    for (i, &p) in positional.iter().enumerate() {
        slots[i] = p;
    }
    for (k, v) in keywords {
        let key = if pystr::is_str(k) { pystr::to_string(k) } else { String::new() };
        let index = match key.as_str() {
            "name" => 0,
            "doc" => 1,
            _ => {
                return Err(raise(ExcType::TypeError, format!("module() got an unexpected keyword argument '{key}'")));
            }
        };
        if !slots[index].is_null() {
            return Err(raise(
                ExcType::TypeError,
                format!("argument for module() given by name ('{key}') and position ({})", index + 1),
            ));
        }
        slots[index] = v;
    }
    if slots[0].is_null() {
        return Err(raise(ExcType::TypeError, "module() missing required argument 'name' (pos 1)"));
    }
    Ok((slots[0], slots[1]))
}

/// Whether the def's hooks (`m_traverse`, `m_clear`, `m_free`) may run: a module with state
/// runs them only once the state exists (multi-phase init allocates it in exec).
unsafe fn hooks_apply(md: &PyModuleObject) -> bool {
    !md.md_def.is_null() && ((*md.md_def).m_size <= 0 || !md.md_state.is_null())
}

unsafe extern "C" fn module_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let md = module(op);
    crate::objects::weakref::clear_weakrefs_if_any(op);
    if hooks_apply(md) {
        if let Some(free) = (*md.md_def).m_free {
            free(op as *mut c_void);
        }
    }
    for field in [&mut md.md_dict, &mut md.md_name] {
        drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
    }
    if !md.md_state.is_null() {
        PyMem_Free(md.md_state);
        md.md_state = core::ptr::null_mut();
    }
    let tp = (*op).ob_type;
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::temp_alloc::free_gc_object(op as *mut c_void),
    }
    // A subclass made by a class statement is freed through subtype_dealloc, which
    // releases the instance's reference to its type after this (the base is static).
}

unsafe extern "C" fn module_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let md = module(op);
    if hooks_apply(md) {
        if let Some(traverse) = (*md.md_def).m_traverse {
            let r = traverse(op, visit, arg);
            if r != 0 {
                return r;
            }
        }
    }
    match visit {
        Some(v) if !md.md_dict.is_null() => v(md.md_dict, arg),
        _ => 0,
    }
}

unsafe extern "C" fn module_clear(op: *mut PyObject) -> c_int {
    let md = module(op);
    if hooks_apply(md) {
        if let Some(clear) = (*md.md_def).m_clear {
            let r = clear(op);
            if r != 0 {
                return r;
            }
        }
    }
    drop(PyRef::from_owned(core::mem::replace(&mut md.md_dict, core::ptr::null_mut())));
    0
}

/// `repr(module)` as importlib's `_module_repr`: from `__spec__` when there is one
/// (`<module 'sys' (built-in)>`, `<module 'x' from '/path'>`, `<module 'ns' (loader)>`),
/// else from `__name__`, `__file__` and `__loader__`.
unsafe extern "C" fn module_repr(op: *mut PyObject) -> *mut PyObject {
    crate::abstract_::ret_obj(loader_module_repr(op).and_then(|custom| match custom {
        Some(r) => Ok(r),
        None => module_repr_text(op).and_then(|t| pystr::from_utf8(&t)),
    }))
}

/// importlib 3.11's deprecated hook: without a `__spec__`, the loader's `module_repr(module)`
/// gives the repr (`<module '__main__' (built-in)>` from `BuiltinImporter`); a failure in it
/// falls through to the generic text.
unsafe fn loader_module_repr(op: *mut PyObject) -> PyResult<Option<PyRef>> {
    use crate::import::spec::attr_opt;
    if attr_opt(op, "__spec__")?.is_some() {
        return Ok(None);
    }
    let Some(loader) = attr_opt(op, "__loader__")? else { return Ok(None) };
    let Some(method) = crate::object::object_attr::lookup_attr(loader.as_ptr(), pystr::intern("module_repr")?.as_ptr())? else {
        return Ok(None);
    };
    match crate::modules::owned(crate::abstract_::call::PyObject_CallOneArg(method.as_ptr(), op)) {
        Ok(r) => Ok(Some(r)),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            Ok(None)
        }
    }
}

unsafe fn module_repr_text(op: *mut PyObject) -> PyResult<String> {
    use crate::import::spec::attr_opt;
    let repr = |o: *mut PyObject| -> PyResult<String> { Ok(pystr::to_string(crate::abstract_::object::repr(o)?.as_ptr())) };
    let question = || -> PyResult<PyRef> { pystr::from_utf8("?") };
    if let Some(spec) = attr_opt(op, "__spec__")? {
        let spec = spec.as_ptr();
        let name = match attr_opt(spec, "name")? {
            Some(n) => n,
            None => question()?,
        };
        let name = repr(name.as_ptr())?;
        return Ok(match attr_opt(spec, "origin")? {
            None => match attr_opt(spec, "loader")? {
                None => format!("<module {name}>"),
                Some(loader) => format!("<module {name} ({})>", repr(loader.as_ptr())?),
            },
            Some(origin) => {
                let located = match attr_opt(spec, "has_location")? {
                    Some(v) => crate::abstract_::object::is_true(v.as_ptr())?,
                    None => false,
                };
                if located {
                    format!("<module {name} from {}>", repr(origin.as_ptr())?)
                } else {
                    let text = crate::abstract_::object::str(origin.as_ptr())?;
                    format!("<module {name} ({})>", pystr::to_string(text.as_ptr()))
                }
            }
        });
    }
    let loader = attr_opt(op, "__loader__")?;
    let name = match crate::object::object_attr::lookup_attr(op, pystr::intern("__name__")?.as_ptr())? {
        Some(n) => n,
        None => question()?,
    };
    let name = repr(name.as_ptr())?;
    Ok(match crate::object::object_attr::lookup_attr(op, pystr::intern("__file__")?.as_ptr())? {
        Some(file) => format!("<module {name} from {}>", repr(file.as_ptr())?),
        None => match loader {
            None => format!("<module {name}>"),
            Some(l) => format!("<module {name} ({})>", repr(l.as_ptr())?),
        },
    })
}

/// `module.__getattribute__`: the generic lookup, then the module's own `__getattr__`
/// (PEP 562), else AttributeError naming the module.
unsafe extern "C" fn module_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    match module_get_attr(op, name) {
        Ok(v) => v.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe fn module_get_attr(op: *mut PyObject, name: *mut PyObject) -> PyResult<PyRef> {
    use crate::errors::raised::Raised;
    if let Some(v) = crate::object::generic_getattr::generic_get_attr(op, name, core::ptr::null_mut(), true)? {
        return Ok(v);
    }
    let d = module(op).md_dict;
    // Only for the messages: hasattr() and three-argument getattr() on modules miss often.
    let attr = || if pystr::is_str(name) { pystr::to_string(name) } else { String::new() };
    if !d.is_null() {
        let d = PyRef::from_borrowed(d).unwrap();
        if let Some(getattr) = dict::get_item_str(d.as_ptr(), "__getattr__")? {
            let getattr = PyRef::from_borrowed(getattr).unwrap();
            let r = crate::abstract_::call::PyObject_CallOneArg(getattr.as_ptr(), name);
            return PyRef::from_owned(r).ok_or_else(Raised::assume_set);
        }
        if let Some(mod_name) = dict::get_item_str(d.as_ptr(), "__name__")? {
            if pystr::is_str(mod_name) {
                let mod_name = pystr::to_string(mod_name);
                let message = if spec_is_initializing(d.as_ptr())? {
                    format!("partially initialized module '{mod_name}' has no attribute '{}' (most likely due to a circular import)", attr())
                } else {
                    format!("module '{mod_name}' has no attribute '{}'", attr())
                };
                return Err(raise_type(&raw mut exc::_PyExc_AttributeError, message));
            }
        }
    }
    Err(raise_type(&raw mut exc::_PyExc_AttributeError, format!("module has no attribute '{}'", attr())))
}

/// Whether the module's `__spec__._initializing` is true (an import in progress).
unsafe fn spec_is_initializing(d: *mut PyObject) -> PyResult<bool> {
    let Some(spec) = dict::get_item_str(d, "__spec__")? else { return Ok(false) };
    if spec == &raw mut _Py_NoneStruct {
        return Ok(false);
    }
    let spec = PyRef::from_borrowed(spec).unwrap();
    let key = pystr::intern("_initializing")?;
    match crate::object::object_attr::lookup_attr(spec.as_ptr(), key.as_ptr())? {
        Some(v) => crate::abstract_::object::is_true(v.as_ptr()),
        None => Ok(false),
    }
}

/// A new module named `name` (a str), with the standard dict entries, GC-tracked.
///
/// # Safety
/// `name` is a live object.
pub(crate) unsafe fn new_module(name: *mut PyObject) -> PyResult<PyRef> {
    let tp = &raw mut PyModule_Type;
    let op = PyType_GenericAlloc(tp, 0);
    let m = PyRef::from_owned(op).ok_or_else(no_memory)?;
    init_dict(m.as_ptr(), name, core::ptr::null_mut())?;
    Ok(m)
}

/// `PyObject *PyModule_NewObject(PyObject *name)`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyModule_NewObject(name: *mut PyObject) -> *mut PyObject {
    if name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    new_module(name).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `PyObject *PyModule_New(const char *name)`.
#[no_mangle]
pub unsafe extern "C" fn PyModule_New(name: *const c_char) -> *mut PyObject {
    let n = pystr::PyUnicode_FromString(name);
    let Some(n) = PyRef::from_owned(n) else { return core::ptr::null_mut() };
    PyModule_NewObject(n.as_ptr())
}

/// `PyObject *PyModule_GetDict(PyObject *module)` (borrowed); SystemError for a
/// non-module.
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetDict(m: *mut PyObject) -> *mut PyObject {
    if m.is_null() || !is_module(m) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    module(m).md_dict
}

fn bad_argument() {
    // SAFETY: sets the thread's error state.
    unsafe { crate::errors::pyerr::PyErr_BadArgument() };
}

/// `PyObject *PyModule_GetNameObject(PyObject *module)`: `__name__` from the dict (a new
/// reference); SystemError "nameless module" when it is missing or not a str.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetNameObject(m: *mut PyObject) -> *mut PyObject {
    if m.is_null() || !is_module(m) {
        bad_argument();
        return core::ptr::null_mut();
    }
    let d = module(m).md_dict;
    let name = if d.is_null() { Ok(None) } else { dict::get_item_str(d, "__name__") };
    match name {
        Ok(Some(n)) if pystr::is_str(n) => PyRef::from_borrowed(n).map_or(core::ptr::null_mut(), PyRef::into_ptr),
        Ok(_) => {
            let _ = raise(ExcType::SystemError, "nameless module");
            core::ptr::null_mut()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// `const char *PyModule_GetName(PyObject *module)`: the name's UTF-8, valid while the
/// name str lives (the module's dict keeps it).
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetName(m: *mut PyObject) -> *const c_char {
    let name = PyModule_GetNameObject(m);
    let Some(name) = PyRef::from_owned(name) else { return core::ptr::null() };
    // The dict still holds the str, so the borrowed UTF-8 outlives our reference.
    crate::object::heap_type::str_utf8(name.as_ptr()).unwrap_or(core::ptr::null())
}

/// `PyObject *PyModule_GetFilenameObject(PyObject *module)`: `__file__` from the dict (a
/// new reference); SystemError "module filename missing" when absent or not a str.
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetFilenameObject(m: *mut PyObject) -> *mut PyObject {
    if m.is_null() || !is_module(m) {
        bad_argument();
        return core::ptr::null_mut();
    }
    let d = module(m).md_dict;
    let file = if d.is_null() { Ok(None) } else { dict::get_item_str(d, "__file__") };
    match file {
        Ok(Some(f)) if pystr::is_str(f) => PyRef::from_borrowed(f).map_or(core::ptr::null_mut(), PyRef::into_ptr),
        Ok(_) => {
            let _ = raise(ExcType::SystemError, "module filename missing");
            core::ptr::null_mut()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// `const char *PyModule_GetFilename(PyObject *module)` (deprecated): the UTF-8 of
/// `__file__`, valid while the module's dict holds it.
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetFilename(m: *mut PyObject) -> *const c_char {
    let file = PyModule_GetFilenameObject(m);
    let Some(file) = PyRef::from_owned(file) else { return core::ptr::null() };
    crate::object::heap_type::str_utf8(file.as_ptr()).unwrap_or(core::ptr::null())
}

/// `PyModuleDef *PyModule_GetDef(PyObject *module)`: NULL (no exception) for a module made
/// without a def.
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetDef(m: *mut PyObject) -> *mut PyModuleDef {
    if m.is_null() || !is_module(m) {
        bad_argument();
        return core::ptr::null_mut();
    }
    module(m).md_def
}

/// `void *PyModule_GetState(PyObject *module)`: NULL (no exception) for a module without
/// state.
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetState(m: *mut PyObject) -> *mut c_void {
    if m.is_null() || !is_module(m) {
        bad_argument();
        return core::ptr::null_mut();
    }
    module(m).md_state
}

/// `PyModuleDef *PyModuleDef_Init(PyModuleDef *def)`: makes the def an object (type
/// `moduledef`, one reference) with an index, once; returns it.
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyModuleDef_Init(def: *mut PyModuleDef) -> *mut PyObject {
    if def.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    static mut LAST_INDEX: Py_ssize_t = 0;
    if crate::object::type_ready::ready(&raw mut PyModuleDef_Type).is_err() {
        return core::ptr::null_mut();
    }
    let base = &mut (*def).m_base;
    if base.m_index == 0 {
        LAST_INDEX += 1;
        base.ob_base.ob_refcnt = 1;
        base.ob_base.ob_type = &raw mut PyModuleDef_Type;
        base.m_index = LAST_INDEX;
    }
    def as *mut PyObject
}

/// Gives module `m` the state its def asks for (`m_size` zeroed bytes), once.
unsafe fn alloc_state(m: *mut PyObject, def: *mut PyModuleDef) -> PyResult<()> {
    let md = module(m);
    if md.md_state.is_null() && (*def).m_size > 0 {
        let size = (*def).m_size as usize;
        let p = PyMem_Malloc(size);
        if p.is_null() {
            return Err(no_memory());
        }
        core::ptr::write_bytes(p as *mut u8, 0, size);
        md.md_state = p;
    }
    Ok(())
}

/// `PyObject *PyModule_Create2(PyModuleDef *def, int apiver)` (`PyModule_Create`):
/// single-phase init: a module named `m_name` with the def's state, functions and doc.
#[no_mangle]
pub unsafe extern "C" fn PyModule_Create2(def: *mut PyModuleDef, apiver: c_int) -> *mut PyObject {
    let _ = apiver; // CPython only warns about a mismatch.
    if def.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match create(def) {
        Ok(m) => m.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe fn create(def: *mut PyModuleDef) -> PyResult<PyRef> {
    if PyModuleDef_Init(def).is_null() {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    if (*def).m_name.is_null() {
        return Err(bad_internal_call());
    }
    let name_text = CStr::from_ptr((*def).m_name).to_string_lossy().into_owned();
    if !(*def).m_slots.is_null() {
        return Err(raise(
            ExcType::SystemError,
            format!("module {name_text}: PyModule_Create is incompatible with m_slots"),
        ));
    }
    // Inside a package, the import system's context gives the full dotted name.
    let name_ptr = crate::import::extension::take_package_context((*def).m_name);
    let name = PyRef::from_owned(pystr::PyUnicode_FromString(name_ptr)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
    let m = new_module(name.as_ptr())?;
    alloc_state(m.as_ptr(), def)?;
    if !(*def).m_methods.is_null() {
        add_functions(m.as_ptr(), (*def).m_methods)?;
    }
    if !(*def).m_doc.is_null() {
        set_doc(m.as_ptr(), (*def).m_doc)?;
    }
    module(m.as_ptr()).md_def = def;
    Ok(m)
}

/// Adds each function of a `PyMethodDef` table (up to a NULL name) as a builtin function
/// bound to the module, with the module's name as its `__module__`.
unsafe fn add_functions(m: *mut PyObject, functions: *mut PyMethodDef) -> PyResult<()> {
    let name = PyRef::from_owned(PyModule_GetNameObject(m)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
    add_functions_named(m, name.as_ptr(), functions)
}

/// Adds the functions of a table to `m` (any object) through `setattr`, with `name` as
/// their `__module__`.
unsafe fn add_functions_named(m: *mut PyObject, name: *mut PyObject, functions: *mut PyMethodDef) -> PyResult<()> {
    let mut fdef = functions;
    while !(*fdef).ml_name.is_null() {
        if (*fdef).ml_flags & (crate::object::methods::METH_CLASS | crate::object::methods::METH_STATIC) != 0 {
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                "module functions cannot set METH_CLASS or METH_STATIC",
            ));
        }
        let func = crate::objects::cfunction::PyCFunction_NewEx(fdef, m, name);
        let func = PyRef::from_owned(func).ok_or_else(crate::errors::raised::Raised::assume_set)?;
        if crate::object::object_attr::PyObject_SetAttrString(m, (*fdef).ml_name, func.as_ptr()) < 0 {
            return Err(crate::errors::raised::Raised::assume_set());
        }
        fdef = fdef.add(1);
    }
    Ok(())
}

/// `int PyModule_AddFunctions(PyObject *module, PyMethodDef *functions)`.
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddFunctions(m: *mut PyObject, functions: *mut PyMethodDef) -> c_int {
    if m.is_null() || !is_module(m) {
        bad_argument();
        return -1;
    }
    if functions.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if add_functions(m, functions).is_ok() { 0 } else { -1 }
}

unsafe fn set_doc(m: *mut PyObject, doc: *const c_char) -> PyResult<()> {
    let v = PyRef::from_owned(pystr::PyUnicode_FromString(doc)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
    if crate::object::object_attr::PyObject_SetAttrString(m, c"__doc__".as_ptr(), v.as_ptr()) < 0 {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    Ok(())
}

/// `int PyModule_SetDocString(PyObject *module, const char *doc)`: sets `__doc__` (on any
/// object, as CPython does through `setattr`).
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyModule_SetDocString(m: *mut PyObject, doc: *const c_char) -> c_int {
    if m.is_null() || doc.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if set_doc(m, doc).is_ok() { 0 } else { -1 }
}

/// `int PyModule_AddObjectRef(PyObject *module, const char *name, PyObject *value)`: sets
/// `module.name = value` in the module dict (the caller keeps its reference).
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddObjectRef(m: *mut PyObject, name: *const c_char, value: *mut PyObject) -> c_int {
    match add_object_ref(m, name, value) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

unsafe fn add_object_ref(m: *mut PyObject, name: *const c_char, value: *mut PyObject) -> PyResult<()> {
    if m.is_null() || !is_module(m) {
        return Err(raise(ExcType::TypeError, "PyModule_AddObjectRef() first argument must be a module"));
    }
    if value.is_null() {
        if crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(raise(
                ExcType::SystemError,
                "PyModule_AddObjectRef() must be called with an exception raised if value is NULL",
            ));
        }
        return Err(crate::errors::raised::Raised::assume_set());
    }
    if name.is_null() {
        return Err(bad_internal_call());
    }
    let d = module(m).md_dict;
    if d.is_null() {
        let mname = CStr::from_ptr(PyModule_GetName(m)).to_string_lossy().into_owned();
        return Err(raise(ExcType::SystemError, format!("module '{mname}' has no __dict__")));
    }
    let key = PyRef::from_owned(pystr::PyUnicode_FromString(name)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
    dict::set_item(d, key.as_ptr(), value)
}

/// `int PyModule_AddObject(PyObject *module, const char *name, PyObject *value)`: as
/// `PyModule_AddObjectRef`, but steals the reference to `value` on success only.
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddObject(m: *mut PyObject, name: *const c_char, value: *mut PyObject) -> c_int {
    let r = PyModule_AddObjectRef(m, name, value);
    if r == 0 {
        crate::object::refcount::Py_DecRef(value);
    }
    r
}

/// `int PyModule_AddStringConstant(PyObject *module, const char *name, const char *value)`.
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddStringConstant(m: *mut PyObject, name: *const c_char, value: *const c_char) -> c_int {
    let v = pystr::PyUnicode_FromString(value);
    let Some(v) = PyRef::from_owned(v) else { return -1 };
    PyModule_AddObjectRef(m, name, v.as_ptr())
}

/// `int PyModule_AddIntConstant(PyObject *module, const char *name, long value)`.
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddIntConstant(m: *mut PyObject, name: *const c_char, value: core::ffi::c_long) -> c_int {
    let v = crate::objects::long_convert::PyLong_FromLong(value);
    let Some(v) = PyRef::from_owned(v) else { return -1 };
    PyModule_AddObjectRef(m, name, v.as_ptr())
}

/// `int PyModule_AddType(PyObject *module, PyTypeObject *type)`: readies the type and adds
/// it under its short name.
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddType(m: *mut PyObject, tp: *mut PyTypeObject) -> c_int {
    if tp.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if crate::object::type_ready::ready(tp).is_err() {
        return -1;
    }
    let name = crate::object::typetype::_PyType_Name(tp);
    PyModule_AddObjectRef(m, name, tp as *mut PyObject)
}

// ---------------------------------------------------------------------------------------
// Multi-phase initialization (PEP 489): `Py_mod_create` and `Py_mod_exec` slots.
// ---------------------------------------------------------------------------------------

/// The slots of a def, up to the zero slot id.
unsafe fn def_slots<'a>(def: *mut PyModuleDef) -> &'a [PyModuleDef_Slot] {
    let p = (*def).m_slots;
    if p.is_null() {
        return &[];
    }
    let mut n = 0;
    while (*p.add(n)).slot != 0 {
        n += 1;
    }
    core::slice::from_raw_parts(p, n)
}

type CreateFn = unsafe extern "C" fn(*mut PyObject, *mut PyModuleDef) -> *mut PyObject;
type ExecFn = unsafe extern "C" fn(*mut PyObject) -> c_int;

/// `PyObject *PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int
/// module_api_version)` (`PyModule_FromDefAndSpec`): the module object of a multi-phase
/// extension, named `spec.name`, made by the def's `Py_mod_create` slot or as a plain
/// module; the `Py_mod_exec` slots run later, in `PyModule_ExecDef`.
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyModule_FromDefAndSpec2(def: *mut PyModuleDef, spec: *mut PyObject, module_api_version: c_int) -> *mut PyObject {
    let _ = module_api_version; // CPython only warns about a mismatch.
    if def.is_null() || spec.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    from_def_and_spec(def, spec).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe fn from_def_and_spec(def: *mut PyModuleDef, spec: *mut PyObject) -> PyResult<PyRef> {
    use crate::errors::raised::Raised;
    if PyModuleDef_Init(def).is_null() {
        return Err(Raised::assume_set());
    }
    let name_obj = PyRef::from_owned(crate::object::object_attr::PyObject_GetAttrString(spec, c"name".as_ptr()))
        .ok_or_else(Raised::assume_set)?;
    let name = if pystr::is_str(name_obj.as_ptr()) { pystr::to_string(name_obj.as_ptr()) } else { String::new() };
    if (*def).m_size < 0 {
        return Err(raise(
            ExcType::SystemError,
            format!("module {name}: m_size may not be negative for multi-phase initialization"),
        ));
    }
    let mut create: Option<CreateFn> = None;
    let mut has_exec = false;
    for s in def_slots(def) {
        match s.slot {
            Py_mod_create => {
                if create.is_some() {
                    return Err(raise(ExcType::SystemError, format!("module {name} has multiple create slots")));
                }
                // SAFETY: the slot's value is a create function by PEP 489's contract.
                create = Some(core::mem::transmute::<*mut c_void, CreateFn>(s.value));
            }
            Py_mod_exec => has_exec = true,
            id => {
                return Err(raise(ExcType::SystemError, format!("module {name} uses unknown slot ID {id}")));
            }
        }
    }
    let m = match create {
        Some(create) => {
            let m = create(spec, def);
            let occurred = !crate::errors::pyerr::PyErr_Occurred().is_null();
            if m.is_null() {
                if !occurred {
                    return Err(raise(
                        ExcType::SystemError,
                        format!("creation of module {name} failed without setting an exception"),
                    ));
                }
                return Err(Raised::assume_set());
            }
            let m = PyRef::from_owned(m).unwrap();
            if occurred {
                // Replaces the pending exception (CPython does not chain it here).
                return Err(raise(ExcType::SystemError, format!("creation of module {name} raised unreported exception")));
            }
            m
        }
        None => new_module(name_obj.as_ptr())?,
    };
    if is_module(m.as_ptr()) {
        let md = module(m.as_ptr());
        md.md_state = core::ptr::null_mut();
        md.md_def = def;
    } else {
        let d = &*def;
        if d.m_size > 0 || d.m_traverse.is_some() || d.m_clear.is_some() || d.m_free.is_some() {
            return Err(raise(
                ExcType::SystemError,
                format!("module {name} is not a module object, but requests module state"),
            ));
        }
        if has_exec {
            return Err(raise(
                ExcType::SystemError,
                format!("module {name} specifies execution slots, but did not create a ModuleType instance"),
            ));
        }
    }
    if !(*def).m_methods.is_null() {
        add_functions_named(m.as_ptr(), name_obj.as_ptr(), (*def).m_methods)?;
    }
    if !(*def).m_doc.is_null() {
        set_doc(m.as_ptr(), (*def).m_doc)?;
    }
    Ok(m)
}

/// `int PyModule_ExecDef(PyObject *module, PyModuleDef *def)`: gives the module its state
/// (always a pointer, even for `m_size` 0: it marks the module as executed) and runs the
/// def's `Py_mod_exec` slots in order.
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyModule_ExecDef(m: *mut PyObject, def: *mut PyModuleDef) -> c_int {
    if exec_def(m, def).is_ok() { 0 } else { -1 }
}

unsafe fn exec_def(m: *mut PyObject, def: *mut PyModuleDef) -> PyResult<()> {
    use crate::errors::raised::Raised;
    let name_ptr = PyModule_GetName(m);
    if name_ptr.is_null() {
        return Err(Raised::assume_set());
    }
    if def.is_null() {
        return Err(bad_internal_call());
    }
    let name = CStr::from_ptr(name_ptr).to_string_lossy().into_owned();
    if (*def).m_size >= 0 {
        let md = module(m);
        if md.md_state.is_null() {
            let size = (*def).m_size as usize;
            let p = PyMem_Malloc(size.max(1));
            if p.is_null() {
                return Err(no_memory());
            }
            core::ptr::write_bytes(p as *mut u8, 0, size.max(1));
            md.md_state = p;
        }
    }
    for s in def_slots(def) {
        match s.slot {
            Py_mod_create => {}
            Py_mod_exec => {
                // SAFETY: the slot's value is an exec function by PEP 489's contract.
                let exec = core::mem::transmute::<*mut c_void, ExecFn>(s.value);
                let r = exec(m);
                let occurred = !crate::errors::pyerr::PyErr_Occurred().is_null();
                if r != 0 {
                    if !occurred {
                        return Err(raise(
                            ExcType::SystemError,
                            format!("execution of module {name} failed without setting an exception"),
                        ));
                    }
                    return Err(Raised::assume_set());
                }
                if occurred {
                    // Replaces the pending exception (CPython does not chain it here).
                    return Err(raise(
                        ExcType::SystemError,
                        format!("execution of module {name} raised unreported exception"),
                    ));
                }
            }
            id => {
                return Err(raise(ExcType::SystemError, format!("module {name} initialized with unknown slot {id}")));
            }
        }
    }
    Ok(())
}
