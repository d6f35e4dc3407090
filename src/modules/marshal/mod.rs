//! The `marshal` module: `dumps`/`loads`/`dump`/`load` in CPython's format (versions 0-4,
//! references from version 3), byte-identical to CPython for the same values. Code objects
//! use a type code of ferropy's own around the compiler's cached-code payload, so
//! `loads(dumps(code))` runs here; CPython code objects are "bad marshal data".
use crate::abstract_::ret_obj;
use crate::errors::raised::PyResult;
use crate::modules::module_init::{add_int, create, dict_of};
use crate::modules::{fast, meth, module_def, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::bytes;

mod capi;
mod read;
mod types;
mod write;

/// The format version written by default (`marshal.version`).
const VERSION: i64 = 4;

unsafe fn dump_bytes(value: *mut PyObject, version: Option<*mut PyObject>) -> PyResult<PyRef> {
    let version = match version {
        Some(v) => crate::modules::zlib::c_int_arg(v)?,
        None => VERSION as i32,
    };
    let mut w = write::Writer::new(version);
    w.object(value)?;
    bytes::from_slice(&w.out)
}

unsafe fn read_one<S: read::Source>(r: &mut read::Reader<S>) -> PyResult<PyRef> {
    r.object()?.ok_or_else(|| crate::abstract_::type_error("NULL object in marshal data for object"))
}

unsafe extern "C" fn dumps(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = crate::modules::zlib::positional("dumps", args, nargs, 1, 2)?;
        dump_bytes(a[0], a.get(1).copied())
    })())
}

unsafe extern "C" fn dump(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = crate::modules::zlib::positional("dump", args, nargs, 2, 3)?;
        let data = dump_bytes(a[0], a.get(2).copied())?;
        let name = crate::objects::str::intern("write")?;
        let call = [a[1], data.as_ptr()];
        crate::modules::owned(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), call.as_ptr(), 2, core::ptr::null_mut()))?;
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn loads(_m: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = crate::modules::bytes_arg::read(data)?;
        read_one(&mut read::Reader::new(read::SliceSource { data: b.as_slice(), pos: 0 }))
    })())
}

unsafe extern "C" fn load(_m: *mut PyObject, file: *mut PyObject) -> *mut PyObject {
    ret_obj(read_one(&mut read::Reader::new(read::FileSource(file))))
}

static mut MARSHAL_FUNCTIONS: [PyMethodDef; 5] = [
    fast(c"dump", dump, c"dump($module, value, file, version=version, /)\n--\n\nWrite the value on the open file.\n\n  value\n    Must be a supported type.\n  file\n    Must be a writeable binary file.\n  version\n    Indicates the data format that dump should use.\n\nIf the value has (or contains an object that has) an unsupported type, a\nValueError exception is raised - but garbage data will also be written\nto the file. The object will not be properly read back by load()."),
    meth(c"load", load, METH_O, c"load($module, file, /)\n--\n\nRead one value from the open file and return it.\n\n  file\n    Must be readable binary file.\n\nIf no valid value is read (e.g. because the data has a different Python\nversion's incompatible marshal format), raise EOFError, ValueError or\nTypeError.\n\nNote: If an object containing an unsupported type was marshalled with\ndump(), load() will substitute None for the unmarshallable type."),
    fast(c"dumps", dumps, c"dumps($module, value, version=version, /)\n--\n\nReturn the bytes object that would be written to a file by dump(value, file).\n\n  value\n    Must be a supported type.\n  version\n    Indicates the data format that dumps should use.\n\nRaise a ValueError exception if value has (or contains an object that has) an\nunsupported type."),
    meth(c"loads", loads, METH_O, c"loads($module, bytes, /)\n--\n\nConvert the bytes-like object to a value.\n\nIf no valid value is found, raise EOFError, ValueError or TypeError.  Extra\nbytes in the input are ignored."),
    END,
];

static mut MARSHAL_DEF: PyModuleDef = module_def(
    c"marshal",
    c"This module contains functions that can read and write Python values in\na binary format. The format is specific to Python, but independent of\nmachine architecture issues.\n\nNot all Python object types are supported; in general, only objects\nwhose value is independent from a particular invocation of Python can be\nwritten and read by this module. The following types are supported:\nNone, integers, floating point numbers, strings, bytes, bytearrays,\ntuples, lists, sets, dictionaries, and code objects, where it\nshould be understood that tuples, lists and dictionaries are only\nsupported as long as the values contained therein are themselves\nsupported; and recursive lists and dictionaries should not be written\n(they will cause infinite loops).\n\nVariables:\n\nversion -- indicates the format that the module uses. Version 0 is the\n    historical format, version 1 shares interned strings and version 2\n    uses a binary format for floating point numbers.\n    Version 3 shares common object references (New in version 3.4).\n\nFunctions:\n\ndump() -- write value to a file\nload() -- read value from a file\ndumps() -- marshal value as a bytes object\nloads() -- read value from a bytes-like object",
    (&raw mut MARSHAL_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit_marshal` for the inittab.
pub(crate) unsafe extern "C" fn init_marshal() -> *mut PyObject {
    ret_obj((|| {
        let m = create(&raw mut MARSHAL_DEF)?;
        add_int(dict_of(&m), "version", VERSION)?;
        Ok(m)
    })())
}
