//! The methods of our loaders that `importlib._bootstrap` and the stdlib call on a
//! `__loader__`/`spec.loader` (docs/import.md): `create_module(spec)` and
//! `exec_module(module)` (the Rust loading of load.rs), and for file loaders
//! `get_filename`, `is_package`, `get_data`, `get_source`, `get_resource_reader`. `BuiltinImporter` has them as
//! class methods (the class is the loader), the others as instance methods.
use crate::abstract_::{new_ref, none, ret_obj, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::import::spec::attr;
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr, tuple};

unsafe extern "C" fn create_module(_self: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::import::load::create(spec).map(|m| m.unwrap_or_else(|| new_ref(none()))))
}

unsafe extern "C" fn exec_module(_self: *mut PyObject, module: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let spec = attr(module, "__spec__")?;
        crate::import::load::exec(spec.as_ptr(), module)?;
        Ok(new_ref(none()))
    })())
}

/// The loader's `path`, with `name` (optional, as `get_filename(name=None)`) checked
/// against the loader's name as `_check_name` does.
unsafe fn checked_path(loader: *mut PyObject, args: *mut PyObject, method: &str, max: usize) -> PyResult<PyRef> {
    let a = tuple::items(args);
    let name_optional = matches!(method, "get_filename" | "get_resource_reader");
    if a.len() > max || (max == 1 && !name_optional && a.is_empty()) {
        return Err(type_error(format!("{method}() takes {} positional argument{} but {} were given", max + 1, if max == 0 { "" } else { "s" }, a.len() + 1)));
    }
    let name = attr(loader, "name")?;
    if let Some(&given) = a.first() {
        if given != none() && !pystr::is_str(given) || (pystr::is_str(given) && !pystr::eq(given, name.as_ptr())) {
            let text = format!("loader for {} cannot handle {}", pystr::to_string(name.as_ptr()), crate::import::errors::str_text(given)?);
            return Err(crate::import::errors::import_error(&text, given, core::ptr::null_mut()));
        }
    }
    attr(loader, "path")
}

unsafe extern "C" fn get_filename(loader: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret_obj(checked_path(loader, args, "get_filename", 1))
}

/// The file name without directory.
fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// `is_package(fullname)`: the file is `__init__.<suffix>` (and the name's last part is not
/// `__init__`).
unsafe extern "C" fn is_package(loader: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let path = checked_path(loader, args, "is_package", 1)?;
        let path = pystr::to_string(path.as_ptr());
        let file = base_name(&path);
        let package = if crate::import::spec::is_a(loader, &raw mut crate::import::spec::EXTENSION_LOADER_TYPE) {
            crate::import::finder::EXTENSION_SUFFIXES.iter().any(|s| file == format!("__init__{s}"))
        } else {
            let name = pystr::to_string(tuple::items(args)[0]);
            file.rsplit_once('.').map_or(file, |(stem, _)| stem) == "__init__" && name.rsplit('.').next() != Some("__init__")
        };
        Ok(crate::abstract_::compare::bool_ref(package))
    })())
}

/// The bytes of a file, OSError (with the file name) when it cannot be read.
unsafe fn read_file(path: *mut PyObject) -> PyResult<Vec<u8>> {
    if !pystr::is_str(path) {
        return Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", crate::abstract_::tp_name(path))));
    }
    std::fs::read(pystr::to_string(path)).map_err(|e| {
        *libc::__errno_location() = e.raw_os_error().unwrap_or(libc::EIO);
        crate::errors::setters::PyErr_SetFromErrnoWithFilenameObjects(
            &raw mut crate::errors::exception_types::_PyExc_OSError as *mut PyObject,
            path,
            core::ptr::null_mut(),
        );
        Raised::assume_set()
    })
}

unsafe extern "C" fn get_data(_loader: *mut PyObject, path: *mut PyObject) -> *mut PyObject {
    ret_obj(read_file(path).and_then(|data| bytes::from_slice(&data)))
}

/// `get_source(fullname)`: the file decoded as Python source (coding cookie or UTF-8, BOM
/// dropped), newlines made `\n`.
unsafe extern "C" fn get_source(loader: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let path = checked_path(loader, args, "get_source", 1)?;
        if crate::import::spec::is_a(loader, &raw mut crate::import::spec::EXTENSION_LOADER_TYPE)
            || crate::import::spec::is_a(loader, &raw mut crate::import::spec::SOURCELESS_LOADER_TYPE)
        {
            return Ok(new_ref(none()));
        }
        let data = read_file(path.as_ptr())?;
        match ferropy_parser::source::decode_source(&data) {
            Ok(text) => pystr::from_utf8(&text.replace("\r\n", "\n").replace('\r', "\n")),
            Err(e) => {
                let name = tuple::items(args)[0];
                Err(crate::import::errors::import_error(&format!("source not available through get_data(): {}", e.msg), name, core::ptr::null_mut()))
            }
        }
    })())
}

/// `get_resource_reader(module)` of a file loader: `importlib.readers.FileReader(loader)`,
/// which `importlib.resources.files()` (e.g. `certifi.where()`) reads package data through.
unsafe extern "C" fn get_resource_reader(loader: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        checked_path(loader, args, "get_resource_reader", 1)?;
        let readers = crate::modules::owned(crate::import::api::PyImport_ImportModule(c"importlib.readers".as_ptr()))?;
        let file_reader = crate::object::object_attr::get_attr(readers.as_ptr(), pystr::intern("FileReader")?.as_ptr())?;
        crate::modules::owned(crate::abstract_::call::vectorcall(file_reader.as_ptr(), &loader, 1, core::ptr::null_mut()))
    })())
}

const fn method(name: &'static core::ffi::CStr, f: crate::modules::PlainFn, flags: core::ffi::c_int) -> PyMethodDef {
    PyMethodDef { ml_name: name.as_ptr(), ml_meth: Some(f), ml_flags: flags, ml_doc: core::ptr::null() }
}

/// `create_module`/`exec_module` as class methods (BuiltinImporter).
pub(crate) const CLASS_LOADER_METHODS: [PyMethodDef; 2] =
    [method(c"create_module", create_module, METH_O | METH_CLASS), method(c"exec_module", exec_module, METH_O | METH_CLASS)];

/// The methods of file loaders (extension, source, sourceless).
pub(crate) const FILE_LOADER_METHODS: [PyMethodDef; 7] = [
    method(c"create_module", create_module, METH_O),
    method(c"exec_module", exec_module, METH_O),
    method(c"get_filename", get_filename, METH_VARARGS),
    method(c"is_package", is_package, METH_VARARGS),
    method(c"get_data", get_data, METH_O),
    method(c"get_source", get_source, METH_VARARGS),
    method(c"get_resource_reader", get_resource_reader, METH_VARARGS),
];

/// The namespace loader's methods.
pub(crate) const NAMESPACE_LOADER_METHODS: [PyMethodDef; 2] =
    [method(c"create_module", create_module, METH_O), method(c"exec_module", exec_module, METH_O)];
