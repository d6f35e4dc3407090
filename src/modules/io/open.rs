//! `_io.open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
//! closefd=True, opener=None)` (also `builtins.open`) and `_io.open_code(path)`: a `FileIO`,
//! wrapped in the buffered class the mode asks for, wrapped in a `TextIOWrapper` for text,
//! with CPython's validation messages.
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{py_bool, value_error};
use crate::modules::io::common::call_method;
use crate::modules::{owned, ret};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{int, str as pystr, tuple};

/// An `_io` class by name (`FileIO`, `BufferedReader`, ...).
unsafe fn io_class(name: &str) -> PyResult<PyRef> {
    let m = owned(crate::import::api::PyImport_ImportModule(c"_io".as_ptr()))?;
    let n = pystr::intern(name)?;
    crate::object::object_attr::get_attr(m.as_ptr(), n.as_ptr())
}

unsafe fn call(callable: *mut PyObject, args: &[PyRef]) -> PyResult<PyRef> {
    let t = tuple::from_slice(args)?;
    owned(crate::abstract_::call::PyObject_Call(callable, t.as_ptr(), core::ptr::null_mut()))
}

/// The parsed `mode`: which of x/r/w/a, `+`, text or binary.
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let mut m = Mode { creating: false, reading: false, writing: false, appending: false, updating: false, text: false, binary: false };
    let invalid = || value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.char_indices() {
        let flag = match c {
            'x' => &mut m.creating,
            'r' => &mut m.reading,
            'w' => &mut m.writing,
            'a' => &mut m.appending,
            '+' => &mut m.updating,
            't' => &mut m.text,
            'b' => &mut m.binary,
            _ => return Err(invalid()),
        };
        *flag = true;
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
    }
    Ok(m)
}

impl Mode {
    /// The mode FileIO gets.
    fn raw(&self) -> String {
        let mut s = String::new();
        for (on, c) in [(self.creating, 'x'), (self.reading, 'r'), (self.writing, 'w'), (self.appending, 'a'), (self.updating, '+')] {
            if on {
                s.push(c);
            }
        }
        s
    }
}

/// An optional str argument of open(): None or str (CPython's "z" converter).
unsafe fn optional_text(o: Option<*mut PyObject>, what: &str) -> PyResult<Option<PyRef>> {
    match o {
        None => Ok(None),
        Some(o) if o == none() => Ok(None),
        Some(o) if pystr::is_str(o) => Ok(Some(new_ref(o))),
        Some(o) => Err(type_error(format!("open() argument '{what}' must be str or None, not {}", tp_name(o)))),
    }
}

/// Closes `result` after a failure, chaining a close error to the first one.
unsafe fn close_after_error(result: &PyRef, err: Raised) -> Raised {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    if call_method(result.as_ptr(), "close", &[]).is_err() {
        crate::errors::chain::_PyErr_ChainExceptions(t, v, tb);
    } else {
        crate::errors::pyerr::PyErr_Restore(t, v, tb);
    }
    err
}

/// The work of `open` once the arguments are bound.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn open(
    file: *mut PyObject,
    mode_text: &str,
    buffering: i64,
    encoding: Option<PyRef>,
    errors: Option<PyRef>,
    newline: Option<PyRef>,
    closefd: bool,
    opener: *mut PyObject,
) -> PyResult<PyRef> {
    let is_number = crate::abstract_::number::PyNumber_Check(file) == 1;
    let path_or_fd = if is_number { new_ref(file) } else { owned(crate::modules::posix::path::PyOS_FSPath(file))? };
    let m = parse_mode(mode_text)?;
    if m.text && m.binary {
        return Err(value_error("can't have text and binary mode at once"));
    }
    if m.creating as u8 + m.reading as u8 + m.writing as u8 + m.appending as u8 > 1 {
        return Err(value_error("must have exactly one of create/read/write/append mode"));
    }
    if m.binary && encoding.is_some() {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    if m.binary && errors.is_some() {
        return Err(value_error("binary mode doesn't take an errors argument"));
    }
    if m.binary && newline.is_some() {
        return Err(value_error("binary mode doesn't take a newline argument"));
    }
    if m.binary && buffering == 1 {
        let text = c"line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used";
        if crate::errors::warnings::PyErr_WarnEx(&raw mut exc::_PyExc_RuntimeWarning as *mut PyObject, text.as_ptr(), 1) < 0 {
            return Err(Raised::assume_set());
        }
    }
    let file_io = io_class("FileIO")?;
    let raw = call(file_io.as_ptr(), &[path_or_fd, pystr::from_utf8(&m.raw())?, py_bool(closefd), new_ref(opener)])?;
    let built = (|| -> PyResult<PyRef> {
        let mut buffering = buffering;
        let mut line_buffering = false;
        let isatty = if buffering < 0 {
            let r = call_method(raw.as_ptr(), "isatty", &[])?;
            let t = crate::abstract_::object::PyObject_IsTrue(r.as_ptr());
            if t < 0 {
                return Err(Raised::assume_set());
            }
            t == 1
        } else {
            false
        };
        if buffering == 1 || isatty {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            let n = pystr::intern("_blksize")?;
            let b = crate::object::object_attr::get_attr(raw.as_ptr(), n.as_ptr())?;
            buffering = crate::objects::long_convert::as_i64(b.as_ptr())?;
        }
        if buffering < 0 {
            return Err(value_error("invalid buffering size"));
        }
        if buffering == 0 {
            if !m.binary {
                return Err(value_error("can't have unbuffered text I/O"));
            }
            return Ok(raw.clone());
        }
        let class = if m.updating {
            "BufferedRandom"
        } else if m.creating || m.writing || m.appending {
            "BufferedWriter"
        } else if m.reading {
            "BufferedReader"
        } else {
            return Err(value_error(format!("unknown mode: '{mode_text}'")));
        };
        let class = io_class(class)?;
        let buffer = call(class.as_ptr(), &[raw.clone(), int::from_i64(buffering)?])?;
        if m.binary {
            return Ok(buffer);
        }
        let built = (|| -> PyResult<PyRef> {
            let opt = |o: &Option<PyRef>| o.clone().unwrap_or_else(crate::modules::none_ref);
            let wrapper = call(
                &raw mut crate::modules::io::textio::TextIOWrapper_Type as *mut PyObject,
                &[buffer.clone(), opt(&encoding), opt(&errors), opt(&newline), py_bool(line_buffering)],
            )?;
            let n = pystr::intern("mode")?;
            crate::object::object_attr::set_attr(wrapper.as_ptr(), n.as_ptr(), pystr::from_utf8(mode_text)?.as_ptr())?;
            Ok(wrapper)
        })();
        built.map_err(|e| close_after_error(&buffer, e))
    })();
    built.map_err(|e| close_after_error(&raw, e))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub(crate) unsafe extern "C" fn open_function(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind, Params};
    static PARAMS: Params = Params {
        function: "open",
        names: &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        positional_only: 0,
        max_positional: 8,
        required: 1,
    };
    ret((|| {
        let b = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let mode = match b[1] {
            None => String::from("r"),
            Some(o) if pystr::is_str(o) => {
                let s = pystr::to_string(o);
                if s.contains('\0') {
                    return Err(value_error("embedded null character"));
                }
                s
            }
            Some(o) => return Err(type_error(format!("open() argument 'mode' must be str, not {}", tp_name(o)))),
        };
        let buffering = match b[2] {
            None => -1,
            Some(o) => crate::modules::posix::args::c_int_arg(o)? as i64,
        };
        let encoding = optional_text(b[3], "encoding")?;
        let errors = optional_text(b[4], "errors")?;
        let newline = optional_text(b[5], "newline")?;
        let closefd = match b[6] {
            None => true,
            Some(o) => crate::modules::posix::args::c_int_arg(o)? != 0,
        };
        open(b[0].unwrap(), &mode, buffering, encoding, errors, newline, closefd, b[7].unwrap_or(none()))
    })())
}

/// `open_code(path)`: `path` (a str) opened for reading as binary, through the hook
/// `PyFile_SetOpenCodeHook` installed, if any.
pub(crate) unsafe extern "C" fn open_code(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind, Params};
    static PARAMS: Params = Params { function: "open_code", names: &["path"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let path = b[0].unwrap();
        if !pystr::is_str(path) {
            return Err(type_error(format!("open_code() argument 'path' must be str, not {}", tp_name(path))));
        }
        owned(crate::objects::fileobject::PyFile_OpenCodeObject(path))
    })())
}

/// Sets `builtins.open` to `_io.open` (the same object, as in CPython), importing `_io`:
/// called once the import system of a new interpreter is ready.
pub(crate) unsafe fn install_builtin_open(builtins: *mut PyObject) -> PyResult<()> {
    let open = io_class("open")?;
    let name = pystr::intern("open")?;
    crate::objects::dict::set_item(builtins, name.as_ptr(), open.as_ptr())
}
