//! The `_io` module (one file per class): the `_IOBase` hierarchy (`iobase.rs`), `FileIO`,
//! the buffered classes, `BytesIO`, `StringIO`, `IncrementalNewlineDecoder`, `TextIOWrapper`
//! (`textio*.rs`, `text_codec.rs`), `open`/`open_code` (`open.rs`), `UnsupportedOperation`,
//! `BlockingIOError`, `DEFAULT_BUFFER_SIZE`, `text_encoding`; see docs/io.md.
pub(crate) mod bytesio;
pub(crate) mod bytesio_buffer;
pub(crate) mod common;
pub(crate) mod newline_decoder;
pub(crate) mod open;
pub(crate) mod stringio;
pub(crate) mod text_codec;
pub(crate) mod textio;
pub(crate) mod textio_read;
pub(crate) mod textio_seek;
pub(crate) mod iobase;
pub(crate) mod fileio;
pub(crate) mod buffered;
pub(crate) mod buffered_rwpair;

use crate::abstract_::{none, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, module_def, owned, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, int, str as pystr, tuple};

/// `io.DEFAULT_BUFFER_SIZE`.
pub(crate) const DEFAULT_BUFFER_SIZE: i64 = 8192;

/// `text_encoding(encoding, stacklevel=2, /)`: `encoding`, or "locale" for None (this
/// runtime has no UTF-8 mode switch). The EncodingWarning of `-X warn_default_encoding`
/// is not emitted yet.
unsafe extern "C" fn text_encoding(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"text_encoding".as_ptr(), a.len() as isize, 1, 2) {
            return Err(Raised::assume_set());
        }
        if let Some(&level) = a.get(1) {
            if !int::is_int(level) {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", crate::abstract_::tp_name(level))));
            }
        }
        if a[0] == none() {
            return pystr::from_utf8("locale");
        }
        Ok(crate::abstract_::new_ref(a[0]))
    })())
}

static mut IO_FUNCTIONS: [PyMethodDef; 4] = [
    fast(
        c"text_encoding",
        text_encoding,
        c"text_encoding($module, encoding, stacklevel=2, /)\n--\n\nA helper function to choose the text encoding.\n\nWhen encoding is not None, this function returns it.\nOtherwise, this function returns the default text encoding\n(i.e. \"locale\" or \"utf-8\" depends on UTF-8 mode).",
    ),
    crate::modules::fast_kw(
        c"open",
        open::open_function,
        c"open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, closefd=True, opener=None)\n--\n\nOpen file and return a stream.  Raise OSError upon failure.",
    ),
    crate::modules::fast_kw(
        c"open_code",
        open::open_code,
        c"open_code($module, /, path)\n--\n\nOpens the provided file with the intent to import the contents.\n\nThis may perform extra validation beyond open(), but is otherwise interchangeable\nwith calling open(path, 'rb').",
    ),
    END,
];

static mut IO_DEF: PyModuleDef = module_def(
    c"_io",
    c"The io module provides the Python interfaces to stream handling. The\nbuiltin open function is defined in this module.",
    (&raw mut IO_FUNCTIONS) as *mut PyMethodDef,
);

/// `class UnsupportedOperation(OSError, ValueError)` with `__module__` 'io', as CPython
/// makes it.
unsafe fn unsupported_operation() -> PyResult<PyRef> {
    use crate::errors::exception_types as exc;
    let bases = tuple::from_slice(&[
        crate::abstract_::new_ref(&raw mut exc::_PyExc_OSError as *mut PyObject),
        crate::abstract_::new_ref(&raw mut exc::_PyExc_ValueError as *mut PyObject),
    ])?;
    let ns = dict::new()?;
    dict::set_item(ns.as_ptr(), pystr::intern("__module__")?.as_ptr(), pystr::from_utf8("io")?.as_ptr())?;
    let args = tuple::from_slice(&[pystr::from_utf8("UnsupportedOperation")?, bases, ns])?;
    owned(crate::abstract_::call::PyObject_Call(
        &raw mut crate::object::typetype::PyType_Type as *mut PyObject,
        args.as_ptr(),
        core::ptr::null_mut(),
    ))
}

/// The `_io` module's constructor (`PyInit__io` for the inittab).
pub(crate) unsafe extern "C" fn init_io() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut IO_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let set = |name: &str, v: *mut PyObject| -> PyResult<()> { dict::set_item(d, pystr::intern(name)?.as_ptr(), v) };
        set("DEFAULT_BUFFER_SIZE", int::from_i64(DEFAULT_BUFFER_SIZE)?.as_ptr())?;
        set("UnsupportedOperation", unsupported_operation()?.as_ptr())?;
        set("BlockingIOError", &raw mut crate::errors::exception_types::_PyExc_BlockingIOError as *mut PyObject)?;
        set("BytesIO", &raw mut bytesio::BytesIO_Type as *mut PyObject)?;
        set("StringIO", &raw mut stringio::StringIO_Type as *mut PyObject)?;
        set("IncrementalNewlineDecoder", &raw mut newline_decoder::IncrementalNewlineDecoder_Type as *mut PyObject)?;
        set("TextIOWrapper", &raw mut textio::TextIOWrapper_Type as *mut PyObject)?;
        set("_IOBase", &raw mut iobase::IOBase_Type as *mut PyObject)?;
        set("_RawIOBase", &raw mut iobase::RawIOBase_Type as *mut PyObject)?;
        set("_BufferedIOBase", &raw mut iobase::BufferedIOBase_Type as *mut PyObject)?;
        set("_TextIOBase", &raw mut iobase::TextIOBase_Type as *mut PyObject)?;
        set("FileIO", &raw mut fileio::FileIO_Type as *mut PyObject)?;
        set("BufferedReader", &raw mut buffered::BufferedReader_Type as *mut PyObject)?;
        set("BufferedWriter", &raw mut buffered::BufferedWriter_Type as *mut PyObject)?;
        set("BufferedRandom", &raw mut buffered::BufferedRandom_Type as *mut PyObject)?;
        set("BufferedRWPair", &raw mut buffered_rwpair::BufferedRWPair_Type as *mut PyObject)?;
        Ok(m)
    })())
}
