//! The objects the import system hangs on modules: `ModuleSpec` (`__spec__`) and the
//! loaders (`__loader__`). CPython's are Python classes of `importlib._bootstrap`
//! (`_frozen_importlib`) and `_bootstrap_external`; these are static types with the same
//! names, attributes (kept in an instance dict, as a Python class keeps them) and reprs,
//! so that C code and, later, Python code see what they see on CPython.
//!
//! The loader's type says how a spec is loaded (load.rs): the `BuiltinImporter` class,
//! an `ExtensionFileLoader`, a `SourceFileLoader`, a `NamespaceLoader` (or None), or any
//! other object with `create_module`/`exec_module`.
use core::ffi::{c_int, c_void, CStr};

use crate::abstract_::{new_ref, none, ret_obj};
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::objimpl::PyObject_GC_UnTrack;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::{bool as pybool, dict, list, str as pystr};

/// An object whose attributes all live in its dict (spec and loader instances).
#[repr(C)]
struct DictObject {
    ob_base: PyObject,
    dict: *mut PyObject,
}

const fn getter(name: &'static CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

const GETSET_END: PyGetSetDef =
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() };

static mut SPEC_GETSETS: [PyGetSetDef; 4] =
    [getter(c"parent", spec_parent), getter(c"has_location", spec_has_location), getter(c"cached", spec_cached), GETSET_END];

/// A static type of dict-holding objects named `name` (with its module, which Python
/// classes keep in `__module__`; `tp_name` keeps it here, so C code reading `tp_name` sees
/// the dotted name where CPython's has the bare class name).
const fn dict_type(name: &'static CStr, doc: Option<&'static CStr>) -> PyTypeObject {
    PyTypeObject {
        tp_dealloc: Some(dict_object_dealloc),
        tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
        tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
        tp_traverse: Some(dict_object_traverse),
        tp_clear: Some(dict_object_clear),
        tp_dictoffset: core::mem::offset_of!(DictObject, dict) as isize,
        tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
        tp_free: Some(crate::object::temp_alloc::free_gc_object),
        ..static_type(name, core::mem::size_of::<DictObject>(), 0, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, doc)
    }
}

/// `_frozen_importlib.ModuleSpec`.
pub(crate) static mut MODULE_SPEC_TYPE: PyTypeObject = PyTypeObject {
    tp_repr: Some(spec_repr),
    tp_getset: &raw mut SPEC_GETSETS as *mut PyGetSetDef,
    ..dict_type(c"_frozen_importlib.ModuleSpec", Some(c"The specification for a module, used for loading."))
};

/// `_frozen_importlib.BuiltinImporter`: the class itself is the loader of builtin modules.
pub(crate) static mut BUILTIN_IMPORTER_TYPE: PyTypeObject = PyTypeObject {
    tp_methods: &raw mut BUILTIN_IMPORTER_METHODS as *mut PyMethodDef,
    ..dict_type(c"_frozen_importlib.BuiltinImporter", Some(c"Meta path import for built-in modules."))
};

const fn find_spec_method(f: crate::modules::FastKwFn) -> PyMethodDef {
    PyMethodDef {
        ml_name: c"find_spec".as_ptr(),
        // SAFETY: a METH_FASTCALL | METH_KEYWORDS function is called back with its own signature.
        ml_meth: Some(unsafe { core::mem::transmute::<crate::modules::FastKwFn, crate::modules::PlainFn>(f) }),
        ml_flags: crate::object::methods::METH_FASTCALL | crate::object::methods::METH_KEYWORDS | crate::object::methods::METH_CLASS,
        ml_doc: core::ptr::null(),
    }
}

static mut BUILTIN_IMPORTER_METHODS: [PyMethodDef; 5] = crate::object::method_table::concat(&[
    &[find_spec_method(builtin_find_spec)],
    &[PyMethodDef {
        ml_name: c"module_repr".as_ptr(),
        ml_meth: Some(builtin_module_repr),
        ml_flags: crate::object::methods::METH_O | crate::object::methods::METH_STATIC,
        ml_doc: core::ptr::null(),
    }],
    &crate::import::loader_methods::CLASS_LOADER_METHODS,
]);
static mut FILE_LOADER_METHODS: [PyMethodDef; 8] = crate::object::method_table::concat(&[&crate::import::loader_methods::FILE_LOADER_METHODS]);
static mut NAMESPACE_LOADER_METHODS: [PyMethodDef; 3] =
    crate::object::method_table::concat(&[&crate::import::loader_methods::NAMESPACE_LOADER_METHODS]);
static mut PATH_FINDER_METHODS: [PyMethodDef; 2] = [find_spec_method(path_find_spec), crate::modules::END];

/// `find_spec(fullname, path=None, target=None)` of a finder class: (name, path or None).
unsafe fn find_spec_args(args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> PyResult<(PyRef, Option<PyRef>)> {
    const PARAMS: crate::abstract_::unpack_keywords::Params = crate::abstract_::unpack_keywords::Params {
        function: "find_spec",
        names: &["fullname", "path", "target"],
        max_positional: 3,
        required: 1,
        positional_only: 0,
    };
    let bound = crate::abstract_::unpack_keywords::bind(&PARAMS, args, nargs as usize, kwnames)?;
    let name = new_ref(bound[0].unwrap_or(none()));
    if !pystr::is_str(name.as_ptr()) {
        return Err(crate::abstract_::type_error("find_spec() argument 'fullname' must be str"));
    }
    let path = bound[1].filter(|&p| p != none()).map(|p| new_ref(p));
    Ok((name, path))
}

unsafe extern "C" fn builtin_find_spec(_cls: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let (name, path) = find_spec_args(args, nargs, kwnames)?;
        let spec = crate::import::finder::find_builtin(name.as_ptr(), path.as_ref())?;
        Ok(spec.unwrap_or_else(|| new_ref(none())))
    })())
}

/// `BuiltinImporter.module_repr(module)` (static, deprecated in 3.11): what `repr()` of a
/// spec-less module whose loader is the class shows (`__main__`).
unsafe extern "C" fn builtin_module_repr(_unused: *mut PyObject, module: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let message = c"BuiltinImporter.module_repr() is deprecated and slated for removal in Python 3.12";
        // Attributed to importlib's frame, as in CPython (so ignored by default outside -W).
        let category = crate::errors::exception_types::PyExc_DeprecationWarning as *mut PyObject;
        let (file, origin) = (c"<frozen importlib._bootstrap>", c"importlib._bootstrap");
        if crate::errors::warnings::PyErr_WarnExplicit(category, message.as_ptr(), file.as_ptr(), 744, origin.as_ptr(), core::ptr::null_mut()) < 0 {
            return Err(crate::errors::raised::Raised::assume_set());
        }
        let name = attr(module, "__name__")?;
        let name = crate::abstract_::object::repr(name.as_ptr())?;
        pystr::from_utf8(&format!("<module {} (built-in)>", pystr::to_string(name.as_ptr())))
    })())
}

unsafe extern "C" fn path_find_spec(_cls: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let (name, path) = find_spec_args(args, nargs, kwnames)?;
        let spec = crate::import::finder::find_in_path(name.as_ptr(), path.as_ref())?;
        Ok(spec.unwrap_or_else(|| new_ref(none())))
    })())
}

/// `_frozen_importlib_external.PathFinder`: the class itself is the finder of `sys.path`
/// (and package `__path__`) entries.
pub(crate) static mut PATH_FINDER_TYPE: PyTypeObject = PyTypeObject {
    tp_methods: &raw mut PATH_FINDER_METHODS as *mut PyMethodDef,
    ..dict_type(c"_frozen_importlib_external.PathFinder", Some(c"Meta path finder for sys.path and package __path__ attributes."))
};

/// `_frozen_importlib_external.ExtensionFileLoader` (attributes `name`, `path`).
pub(crate) static mut EXTENSION_LOADER_TYPE: PyTypeObject = PyTypeObject {
    tp_methods: &raw mut FILE_LOADER_METHODS as *mut PyMethodDef,
    ..dict_type(c"_frozen_importlib_external.ExtensionFileLoader", Some(c"Loader for extension modules."))
};

/// `_frozen_importlib_external.SourceFileLoader` (attributes `name`, `path`); sourceless
/// `.pyc` files get `SourcelessFileLoader`.
pub(crate) static mut SOURCE_LOADER_TYPE: PyTypeObject = PyTypeObject {
    tp_methods: &raw mut FILE_LOADER_METHODS as *mut PyMethodDef,
    ..dict_type(c"_frozen_importlib_external.SourceFileLoader", Some(c"Concrete implementation of SourceLoader using the file system."))
};
pub(crate) static mut SOURCELESS_LOADER_TYPE: PyTypeObject = PyTypeObject {
    tp_methods: &raw mut FILE_LOADER_METHODS as *mut PyMethodDef,
    ..dict_type(c"_frozen_importlib_external.SourcelessFileLoader", Some(c"Loader which handles sourceless file imports."))
};

/// `_frozen_importlib_external.NamespaceLoader` (attribute `_path`).
pub(crate) static mut NAMESPACE_LOADER_TYPE: PyTypeObject = PyTypeObject {
    tp_methods: &raw mut NAMESPACE_LOADER_METHODS as *mut PyMethodDef,
    ..dict_type(c"_frozen_importlib_external.NamespaceLoader", None)
};

/// The import system's types, readied with the builtin types.
pub(crate) fn import_types() -> [*mut PyTypeObject; 7] {
    [
        &raw mut PATH_FINDER_TYPE,
        &raw mut MODULE_SPEC_TYPE,
        &raw mut BUILTIN_IMPORTER_TYPE,
        &raw mut EXTENSION_LOADER_TYPE,
        &raw mut SOURCE_LOADER_TYPE,
        &raw mut SOURCELESS_LOADER_TYPE,
        &raw mut NAMESPACE_LOADER_TYPE,
    ]
}

unsafe extern "C" fn dict_object_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let o = &mut *(op as *mut DictObject);
    drop(PyRef::from_owned(core::mem::replace(&mut o.dict, core::ptr::null_mut())));
    let tp = (*op).ob_type;
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::temp_alloc::free_gc_object(op as *mut c_void),
    }
}

unsafe extern "C" fn dict_object_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = (*(op as *mut DictObject)).dict;
    match visit {
        Some(v) if !d.is_null() => v(d, arg),
        _ => 0,
    }
}

unsafe extern "C" fn dict_object_clear(op: *mut PyObject) -> c_int {
    let o = &mut *(op as *mut DictObject);
    drop(PyRef::from_owned(core::mem::replace(&mut o.dict, core::ptr::null_mut())));
    0
}

/// A new instance of one of the dict types, its dict filled from `items`.
unsafe fn new_dict_object(tp: *mut PyTypeObject, items: &[(&str, *mut PyObject)]) -> PyResult<PyRef> {
    crate::abstract_::object::ensure_ready(tp)?;
    let op = PyRef::from_owned(crate::object::generic_alloc::PyType_GenericAlloc(tp, 0)).ok_or_else(Raised::assume_set)?;
    let d = dict::new()?;
    for &(k, v) in items {
        dict::set_item(d.as_ptr(), pystr::intern(k)?.as_ptr(), v)?;
    }
    (*(op.as_ptr() as *mut DictObject)).dict = d.into_ptr();
    Ok(op)
}

/// A file loader (`ExtensionFileLoader`, `SourceFileLoader`, ...) for `name` at `path`.
pub(crate) unsafe fn new_file_loader(tp: *mut PyTypeObject, name: *mut PyObject, path: *mut PyObject) -> PyResult<PyRef> {
    new_dict_object(tp, &[("name", name), ("path", path)])
}

/// A `NamespaceLoader` over the package's search locations.
pub(crate) unsafe fn new_namespace_loader(locations: *mut PyObject) -> PyResult<PyRef> {
    new_dict_object(&raw mut NAMESPACE_LOADER_TYPE, &[("_path", locations)])
}

/// The `PathFinder` class (borrowed), readied.
pub(crate) unsafe fn path_finder() -> PyResult<*mut PyObject> {
    let tp = &raw mut PATH_FINDER_TYPE;
    crate::abstract_::object::ensure_ready(tp)?;
    Ok(tp as *mut PyObject)
}

/// The `BuiltinImporter` class (borrowed), readied.
pub(crate) unsafe fn builtin_importer() -> PyResult<*mut PyObject> {
    let tp = &raw mut BUILTIN_IMPORTER_TYPE;
    crate::abstract_::object::ensure_ready(tp)?;
    Ok(tp as *mut PyObject)
}

/// A `ModuleSpec` as `spec_from_loader`/`spec_from_file_location` make it: `origin` and
/// `submodule_search_locations` may be NULL (None); `set_fileattr` is `has_location`.
pub(crate) unsafe fn new_spec(
    name: *mut PyObject,
    loader: *mut PyObject,
    origin: *mut PyObject,
    locations: *mut PyObject,
    set_fileattr: bool,
) -> PyResult<PyRef> {
    let or_none = |p: *mut PyObject| if p.is_null() { none() } else { p };
    let pending = list::new(0)?;
    new_dict_object(
        &raw mut MODULE_SPEC_TYPE,
        &[
            ("name", name),
            ("loader", or_none(loader)),
            ("origin", or_none(origin)),
            ("loader_state", none()),
            ("submodule_search_locations", or_none(locations)),
            ("_uninitialized_submodules", pending.as_ptr()),
            ("_set_fileattr", pybool::PyBool_FromLong(set_fileattr as _)),
            ("_cached", none()),
        ],
    )
}

/// `obj.<name>` for the import system's own attribute reads.
pub(crate) unsafe fn attr(obj: *mut PyObject, name: &str) -> PyResult<PyRef> {
    crate::object::object_attr::get_attr(obj, pystr::intern(name)?.as_ptr())
}

/// `getattr(obj, name, None)`, None as NULL-free `Option`.
pub(crate) unsafe fn attr_opt(obj: *mut PyObject, name: &str) -> PyResult<Option<PyRef>> {
    let v = crate::object::object_attr::lookup_attr(obj, pystr::intern(name)?.as_ptr())?;
    Ok(v.filter(|v| v.as_ptr() != none()))
}

/// `obj.<name> = value`.
pub(crate) unsafe fn set_attr(obj: *mut PyObject, name: &str, value: *mut PyObject) -> PyResult<()> {
    crate::object::object_attr::set_attr(obj, pystr::intern(name)?.as_ptr(), value)
}

/// `spec.parent`: the package a module belongs to (its own name for a package).
unsafe fn parent_of(spec: *mut PyObject) -> PyResult<PyRef> {
    let name = attr(spec, "name")?;
    if attr_opt(spec, "submodule_search_locations")?.is_some() {
        return Ok(name);
    }
    if !pystr::is_str(name.as_ptr()) {
        let message = format!("'{}' object has no attribute 'rpartition'", crate::abstract_::tp_name(name.as_ptr()));
        return Err(crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_AttributeError, message));
    }
    let text = pystr::to_string(name.as_ptr());
    pystr::from_utf8(text.rsplit_once('.').map_or("", |(p, _)| p))
}

unsafe extern "C" fn spec_parent(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret_obj(parent_of(op))
}

unsafe extern "C" fn spec_has_location(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret_obj((|| {
        let v = attr(op, "_set_fileattr")?;
        Ok(new_ref(v.as_ptr()))
    })())
}

unsafe extern "C" fn spec_cached(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret_obj(attr(op, "_cached"))
}

/// `ModuleSpec.__repr__`: `ModuleSpec(name=..., loader=..., origin=...,
/// submodule_search_locations=...)`, the last two only when not None.
unsafe extern "C" fn spec_repr(op: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let repr_of = |name: &str| -> PyResult<String> {
            let v = attr(op, name)?;
            Ok(pystr::to_string(crate::abstract_::object::repr(v.as_ptr())?.as_ptr()))
        };
        let mut args = vec![format!("name={}", repr_of("name")?), format!("loader={}", repr_of("loader")?)];
        if attr_opt(op, "origin")?.is_some() {
            args.push(format!("origin={}", repr_of("origin")?));
        }
        if let Some(locations) = attr_opt(op, "submodule_search_locations")? {
            let text = crate::abstract_::object::str(locations.as_ptr())?;
            args.push(format!("submodule_search_locations={}", pystr::to_string(text.as_ptr())));
        }
        let class = crate::object::typetype::short_name((*op).ob_type);
        pystr::from_utf8(&format!("{class}({})", args.join(", ")))
    })())
}

/// Whether `obj` is an instance of the import type `tp`.
pub(crate) unsafe fn is_a(obj: *mut PyObject, tp: *mut PyTypeObject) -> bool {
    crate::abstract_::is_instance_of(obj, tp)
}
