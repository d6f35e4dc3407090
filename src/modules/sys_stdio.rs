//! `sys.stdin`, `sys.stdout`, `sys.stderr`: small text streams on fds 0/1/2 standing in for
//! `_io.TextIOWrapper` until the `_io` module exists (same type name, repr and the methods
//! and attributes C code and `print` use: `write`, `flush`, `fileno`, `isatty`, `readline`,
//! `readable`, `writable`, `close`, `encoding`, `errors`, `line_buffering`, `name`, `mode`,
//! `closed`; no `buffer`).
//!
//! Buffering is CPython's: stdout is line-buffered on a terminal and block-buffered
//! otherwise; stderr writes through; `-u`/`PYTHONUNBUFFERED` makes both write through.
//! Finalization flushes them. Text is encoded with the configured stdio encoding (utf-8,
//! ascii or latin-1) and error handler.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, meth, none_ref, owned, ret, END};
use crate::object::descr::PyGetSetDef;
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::{bool as pybool, dict, int, str as pystr};

/// Bytes kept before a block-buffered stream writes (io.DEFAULT_BUFFER_SIZE).
const BLOCK_SIZE: usize = 8192;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

#[derive(Clone, Copy, PartialEq)]
enum Handler {
    Strict,
    SurrogateEscape,
    BackslashReplace,
    Replace,
    Ignore,
}

/// What a stream owns besides its object header (Rust values, dropped in `tp_dealloc`).
struct State {
    fd: c_int,
    name: &'static str,
    writable: bool,
    encoding: String,
    errors: String,
    codec: Codec,
    handler: Handler,
    line_buffering: bool,
    write_through: bool,
    closed: bool,
    pending: Vec<u8>,
    /// Bytes read from the fd but not yet returned (readline).
    unread: Vec<u8>,
}

#[repr(C)]
struct StdStream {
    ob_base: PyObject,
    state: *mut State,
}

/// The stream type; CPython's streams are `_io.TextIOWrapper`, whose name and repr it keeps.
pub(crate) static mut StdStream_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(stream_dealloc),
    tp_repr: Some(stream_repr),
    tp_methods: (&raw mut STREAM_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut STREAM_GETSET) as *mut PyGetSetDef,
    ..static_type(c"_io.TextIOWrapper", core::mem::size_of::<StdStream>(), 0, Py_TPFLAGS_DEFAULT as core::ffi::c_ulong, None)
};

unsafe fn state<'a>(op: *mut PyObject) -> &'a mut State {
    &mut *(*(op as *mut StdStream)).state
}

fn codec_of(encoding: &str) -> Codec {
    let n: String = encoding.to_ascii_lowercase().replace('_', "-");
    match n.as_str() {
        "ascii" | "us-ascii" | "646" | "ansi-x3.4-1968" => Codec::Ascii,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Codec::Latin1,
        _ => Codec::Utf8,
    }
}

fn handler_of(errors: &str) -> Handler {
    match errors {
        "surrogateescape" => Handler::SurrogateEscape,
        "backslashreplace" => Handler::BackslashReplace,
        "replace" => Handler::Replace,
        "ignore" => Handler::Ignore,
        _ => Handler::Strict,
    }
}

/// A new stream on `fd`.
unsafe fn new_stream(fd: c_int, name: &'static str, writable: bool, encoding: String, errors: String, line_buffering: bool, write_through: bool) -> PyResult<PyRef> {
    let tp = &raw mut StdStream_Type;
    let op = PyRef::from_owned(temp_alloc::malloc_object(tp, core::mem::size_of::<StdStream>())).ok_or_else(no_memory)?;
    let st = State {
        fd,
        name,
        writable,
        codec: codec_of(&encoding),
        handler: handler_of(&errors),
        encoding,
        errors,
        line_buffering,
        write_through,
        closed: false,
        pending: Vec::new(),
        unread: Vec::new(),
    };
    (*(op.as_ptr() as *mut StdStream)).state = Box::into_raw(Box::new(st));
    Ok(op)
}

unsafe extern "C" fn stream_dealloc(op: *mut PyObject) {
    let st = (*(op as *mut StdStream)).state;
    if !st.is_null() {
        let _ = flush_state(&mut *st);
        drop(Box::from_raw(st));
    }
    temp_alloc::free_object(op as *mut c_void);
}

unsafe extern "C" fn stream_repr(op: *mut PyObject) -> *mut PyObject {
    let st = state(op);
    let mode = if st.writable { "w" } else { "r" };
    ret(pystr::from_utf8(&format!("<_io.TextIOWrapper name='{}' mode='{mode}' encoding='{}'>", st.name, st.encoding)))
}

fn closed_error() -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, "I/O operation on closed file.")
}

/// Writes all of `bytes` to `fd`, retrying on EINTR.
fn write_fd(fd: c_int, mut bytes: &[u8]) -> PyResult<()> {
    while !bytes.is_empty() {
        // SAFETY: writes from a live slice.
        let n = unsafe { libc::write(fd, bytes.as_ptr() as *const c_void, bytes.len()) };
        if n < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            // SAFETY: sets OSError from errno.
            unsafe { crate::errors::setters::PyErr_SetFromErrno(&raw mut exc::_PyExc_OSError as *mut PyObject) };
            return Err(Raised::assume_set());
        }
        bytes = &bytes[n as usize..];
    }
    Ok(())
}

fn flush_state(st: &mut State) -> PyResult<()> {
    if st.pending.is_empty() {
        return Ok(());
    }
    let pending = core::mem::take(&mut st.pending);
    write_fd(st.fd, &pending)
}

/// `s` encoded with the stream's codec and handler; UnicodeEncodeError as the codec's.
unsafe fn encode(st: &State, s: *mut PyObject) -> PyResult<Vec<u8>> {
    let n = pystr::len(s);
    if pystr::kind(s) == 1 && (*(s as *mut pystr::PyASCIIObject)).ascii() {
        return Ok(pystr::data_bytes(s).to_vec());
    }
    let (limit, name): (u32, &str) = match st.codec {
        Codec::Utf8 => (0x110000, "utf-8"),
        Codec::Ascii => (0x80, "ascii"),
        Codec::Latin1 => (0x100, "latin-1"),
    };
    let mut out = Vec::with_capacity(n * 2);
    let mut buf = [0u8; 4];
    for i in 0..n {
        let c = pystr::read_char(s, i);
        let surrogate = (0xD800..0xE000).contains(&c);
        if c < limit && !surrogate {
            match st.codec {
                Codec::Utf8 => out.extend_from_slice(char::from_u32(c).unwrap_or('\u{FFFD}').encode_utf8(&mut buf).as_bytes()),
                _ => out.push(c as u8),
            }
            continue;
        }
        match st.handler {
            Handler::SurrogateEscape if (0xDC80..0xDD00).contains(&c) => out.push((c - 0xDC00) as u8),
            Handler::BackslashReplace => {
                let esc = if c < 0x100 { format!("\\x{c:02x}") } else if c < 0x10000 { format!("\\u{c:04x}") } else { format!("\\U{c:08x}") };
                out.extend_from_slice(esc.as_bytes());
            }
            Handler::Replace => out.push(b'?'),
            Handler::Ignore => {}
            _ => {
                let shown = if c < 0x100 { format!("\\x{c:02x}") } else if c < 0x10000 { format!("\\u{c:04x}") } else { format!("\\U{c:08x}") };
                let reason = if st.codec == Codec::Utf8 { "surrogates not allowed".to_string() } else { format!("ordinal not in range({limit})") };
                let _ = crate::errors::unicodeerror::new_encode_error(name, s, i, i + 1, &reason)
                    .map(|e| crate::errors::pyerr::PyErr_SetObject((*e.as_ptr()).ob_type as *mut PyObject, e.as_ptr()));
                if crate::errors::pyerr::PyErr_Occurred().is_null() {
                    return Err(raise_type(&raw mut exc::_PyExc_UnicodeEncodeError, format!("'{name}' codec can't encode character '{shown}' in position {i}: {reason}")));
                }
                return Err(Raised::assume_set());
            }
        }
    }
    Ok(out)
}

/// Writes a str to the stream, buffering as the stream does.
unsafe fn write_str(op: *mut PyObject, s: *mut PyObject) -> PyResult<()> {
    let st = state(op);
    if st.closed {
        return Err(closed_error());
    }
    if !st.writable {
        return Err(raise_type(&raw mut exc::_PyExc_OSError, "not writable"));
    }
    let bytes = encode(st, s)?;
    st.pending.extend_from_slice(&bytes);
    let flush_now = st.write_through
        || st.pending.len() >= BLOCK_SIZE
        || (st.line_buffering && bytes.iter().any(|&b| b == b'\n' || b == b'\r'));
    if flush_now {
        flush_state(st)?;
    }
    Ok(())
}

unsafe extern "C" fn stream_write(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if a.len() != 1 {
        return ret(Err(type_error(format!("TextIOWrapper.write() takes exactly one argument ({} given)", a.len()))));
    }
    let s = a[0];
    if !pystr::is_str(s) {
        return ret(Err(type_error(format!("write() argument must be str, not {}", tp_name(s)))));
    }
    ret(write_str(op, s).and_then(|()| int::from_u64(pystr::len(s) as u64)))
}

unsafe extern "C" fn stream_flush(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state(op);
    if st.closed {
        return ret(Err(closed_error()));
    }
    ret(flush_state(st).map(|()| none_ref()))
}

unsafe extern "C" fn stream_close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state(op);
    if !st.closed {
        let r = flush_state(st);
        st.closed = true;
        if r.is_err() {
            return core::ptr::null_mut();
        }
    }
    none_ref().into_ptr()
}

unsafe extern "C" fn stream_fileno(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(state(op).fd as i64))
}

unsafe extern "C" fn stream_isatty(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state(op);
    if st.closed {
        return ret(Err(closed_error()));
    }
    new_ref(pybool::PyBool_FromLong((libc::isatty(st.fd) == 1) as _)).into_ptr()
}

unsafe extern "C" fn stream_readable(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    pybool::PyBool_FromLong(!state(op).writable as _)
}

unsafe extern "C" fn stream_writable(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    pybool::PyBool_FromLong(state(op).writable as _)
}

/// One line (up to `limit` characters when >= 0) read from the fd, decoded.
unsafe fn read_line(st: &mut State, limit: i64) -> PyResult<PyRef> {
    loop {
        if let Some(i) = st.unread.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = st.unread.drain(..=i).collect();
            return decode(st, line);
        }
        if limit >= 0 && st.unread.len() as i64 >= limit {
            let line: Vec<u8> = st.unread.drain(..limit as usize).collect();
            return decode(st, line);
        }
        let mut chunk = [0u8; 4096];
        let n = libc::read(st.fd, chunk.as_mut_ptr() as *mut c_void, chunk.len());
        if n < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                crate::runtime::signals::check_signals()?;
                continue;
            }
            crate::errors::setters::PyErr_SetFromErrno(&raw mut exc::_PyExc_OSError as *mut PyObject);
            return Err(Raised::assume_set());
        }
        if n == 0 {
            let rest = core::mem::take(&mut st.unread);
            return decode(st, rest);
        }
        st.unread.extend_from_slice(&chunk[..n as usize]);
    }
}

/// Bytes read from the fd as text (utf-8; surrogateescape keeps undecodable bytes).
unsafe fn decode(st: &State, bytes: Vec<u8>) -> PyResult<PyRef> {
    match String::from_utf8(bytes) {
        Ok(text) => pystr::from_utf8(&text),
        Err(e) => {
            let bytes = e.into_bytes();
            if st.handler != Handler::SurrogateEscape {
                return Err(raise_type(&raw mut exc::_PyExc_UnicodeDecodeError, "'utf-8' codec can't decode input"));
            }
            let mut points = Vec::with_capacity(bytes.len());
            let mut rest = &bytes[..];
            while !rest.is_empty() {
                match core::str::from_utf8(rest) {
                    Ok(s) => {
                        points.extend(s.chars().map(|c| c as u32));
                        break;
                    }
                    Err(err) => {
                        let good = err.valid_up_to();
                        points.extend(core::str::from_utf8_unchecked(&rest[..good]).chars().map(|c| c as u32));
                        let bad = err.error_len().unwrap_or(rest.len() - good);
                        points.extend(rest[good..good + bad].iter().map(|&b| 0xDC00 + b as u32));
                        rest = &rest[good + bad..];
                    }
                }
            }
            pystr::from_code_points(&points)
        }
    }
}

unsafe extern "C" fn stream_readline(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        if a.len() > 1 {
            return Err(type_error(format!("readline expected at most 1 argument, got {}", a.len())));
        }
        let limit = match a.first() {
            Some(&o) if o != crate::abstract_::none() => crate::abstract_::item::as_ssize(o, None)? as i64,
            _ => -1,
        };
        let st = state(op);
        if st.closed {
            return Err(closed_error());
        }
        if st.writable {
            return Err(raise_type(&raw mut exc::_PyExc_OSError, "not readable"));
        }
        read_line(st, limit)
    })())
}

unsafe extern "C" fn get_encoding(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(pystr::from_utf8(&state(op).encoding))
}
unsafe extern "C" fn get_errors(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(pystr::from_utf8(&state(op).errors))
}
unsafe extern "C" fn get_line_buffering(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    pybool::PyBool_FromLong(state(op).line_buffering as _)
}
unsafe extern "C" fn get_write_through(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    pybool::PyBool_FromLong(state(op).write_through as _)
}
unsafe extern "C" fn get_closed(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    pybool::PyBool_FromLong(state(op).closed as _)
}
unsafe extern "C" fn get_name(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(pystr::from_utf8(state(op).name))
}
unsafe extern "C" fn get_mode(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(pystr::from_utf8(if state(op).writable { "w" } else { "r" }))
}

const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut STREAM_GETSET: [PyGetSetDef; 8] = [
    getter(c"encoding", get_encoding),
    getter(c"errors", get_errors),
    getter(c"line_buffering", get_line_buffering),
    getter(c"write_through", get_write_through),
    getter(c"closed", get_closed),
    getter(c"name", get_name),
    getter(c"mode", get_mode),
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut STREAM_METHODS: [PyMethodDef; 10] = [
    fast(c"write", stream_write, c""),
    meth(c"flush", stream_flush, METH_NOARGS, c""),
    meth(c"close", stream_close, METH_NOARGS, c""),
    meth(c"fileno", stream_fileno, METH_NOARGS, c""),
    meth(c"isatty", stream_isatty, METH_NOARGS, c""),
    meth(c"readable", stream_readable, METH_NOARGS, c""),
    meth(c"writable", stream_writable, METH_NOARGS, c""),
    fast(c"readline", stream_readline, c""),
    meth(c"seekable", stream_writable_false, METH_NOARGS, c""),
    END,
];

unsafe extern "C" fn stream_writable_false(_op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    pybool::PyBool_FromLong(0)
}

/// Makes `stdin`/`stdout`/`stderr` and their `__std*__` twins in the sys dict, from the
/// interpreter's configuration.
pub(crate) unsafe fn install(sysdict: *mut PyObject, config: &crate::runtime::initconfig::PyConfig) -> PyResult<()> {
    let text = |w| crate::modules::sys_functions::wide_str(w).map(|s| pystr::to_string(s.as_ptr()));
    let encoding = text(config.stdio_encoding)?;
    let encoding = if encoding.is_empty() { "utf-8".to_string() } else { crate::modules::sys_functions::codec_name(&encoding) };
    let errors = text(config.stdio_errors)?;
    let errors = if errors.is_empty() { "strict".to_string() } else { errors };
    let unbuffered = config.buffered_stdio == 0;
    let streams = [
        ("stdin", "__stdin__", 0, "<stdin>", false, errors.clone()),
        ("stdout", "__stdout__", 1, "<stdout>", true, errors.clone()),
        ("stderr", "__stderr__", 2, "<stderr>", true, "backslashreplace".to_string()),
    ];
    for (name, dunder, fd, label, writable, errs) in streams {
        let line_buffering = fd != 2 && !unbuffered && libc::isatty(fd) == 1;
        let write_through = unbuffered || fd == 2;
        let s = new_stream(fd, label, writable, encoding.clone(), errs, line_buffering, write_through)?;
        dict::set_item(sysdict, pystr::intern(dunder)?.as_ptr(), s.as_ptr())?;
        dict::set_item(sysdict, pystr::intern(name)?.as_ptr(), s.as_ptr())?;
    }
    Ok(())
}

/// `sys.<name>` of the current interpreter (borrowed), NULL when absent.
pub(crate) unsafe fn sys_attr(name: &str) -> *mut PyObject {
    let Some(owner) = crate::runtime::interpreter::current() else { return core::ptr::null_mut() };
    if owner.sysdict.is_null() {
        return core::ptr::null_mut();
    }
    match dict::get_item_str(owner.sysdict, name) {
        Ok(Some(v)) => v,
        Ok(None) => core::ptr::null_mut(),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            core::ptr::null_mut()
        }
    }
}

/// Calls `file.write(text)`.
pub(crate) unsafe fn file_write(file: *mut PyObject, text: *mut PyObject) -> PyResult<()> {
    if (*file).ob_type == &raw mut StdStream_Type {
        return write_str(file, text);
    }
    let name = pystr::intern("write")?;
    let args = [file, text];
    owned(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), args.as_ptr(), 2, core::ptr::null_mut()))?;
    Ok(())
}

/// Calls `file.flush()`.
pub(crate) unsafe fn file_flush(file: *mut PyObject) -> PyResult<()> {
    let name = pystr::intern("flush")?;
    let args = [file];
    owned(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), args.as_ptr(), 1, core::ptr::null_mut()))?;
    Ok(())
}

/// Flushes `sys.stdout` and `sys.stderr` (finalization); errors are dropped.
pub(crate) unsafe fn flush_std_files() {
    for name in ["stdout", "stderr"] {
        let f = sys_attr(name);
        if !f.is_null() && f != crate::abstract_::none() && file_flush(f).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
    }
}

/// Writes `text` to `sys.<name>`: Ok(false) when there is no such stream (or it is None).
pub(crate) unsafe fn write_to(name: &str, text: *mut PyObject) -> PyResult<bool> {
    let f = sys_attr(name);
    if f.is_null() || f == crate::abstract_::none() {
        return Ok(false);
    }
    let f = new_ref(f);
    file_write(f.as_ptr(), text)?;
    Ok(true)
}

// ---- displayhook / excepthook -------------------------------------------------------------------

/// `sys.displayhook(object)`: None prints nothing; otherwise `repr(object)` and a newline
/// go to `sys.stdout` and `builtins._` becomes the object.
pub(crate) unsafe fn displayhook(o: *mut PyObject) -> PyResult<PyRef> {
    if o == crate::abstract_::none() {
        return Ok(none_ref());
    }
    let owner = crate::runtime::interpreter::current().ok_or_else(crate::object::pending_error::bad_internal_call)?;
    let builtins = owner.builtins;
    if builtins.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "lost builtins module"));
    }
    let underscore = pystr::intern("_")?;
    dict::set_item(builtins, underscore.as_ptr(), crate::abstract_::none())?;
    let f = sys_attr("stdout");
    if f.is_null() || f == crate::abstract_::none() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "lost sys.stdout"));
    }
    let f = new_ref(f);
    let r = crate::abstract_::object::repr(o)?;
    file_write(f.as_ptr(), r.as_ptr())?;
    file_write(f.as_ptr(), pystr::intern("\n")?.as_ptr())?;
    dict::set_item(builtins, underscore.as_ptr(), o)?;
    Ok(none_ref())
}

pub(crate) unsafe extern "C" fn displayhook_fast(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if a.len() != 1 {
        return ret(Err(type_error(format!("sys.displayhook() takes exactly one argument ({} given)", a.len()))));
    }
    ret(displayhook(a[0]))
}

pub(crate) unsafe extern "C" fn excepthook(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if a.len() != 3 {
        return ret(Err(type_error(format!("excepthook expected 3 arguments, got {}", a.len()))));
    }
    crate::errors::print::PyErr_Display(a[0], a[1], a[2]);
    none_ref().into_ptr()
}

// ---- PySys_WriteStdout & co (the Rust side of src/c/sys_write.c) -------------------------------

const TRUNCATED: &str = "... truncated";

/// Writes `text` to `sys.stdout` (which 1) or `sys.stderr` (2), or to the C stream when
/// there is none or writing fails.
unsafe fn write_text_or_c(which: c_int, text: &[u8]) {
    let name = if which == 1 { "stdout" } else { "stderr" };
    let written = match core::str::from_utf8(text) {
        Ok(t) => pystr::from_utf8(t).and_then(|s| write_to(name, s.as_ptr())).unwrap_or(false),
        Err(_) => false,
    };
    if !written {
        crate::errors::pyerr::PyErr_Clear();
        let fd = if which == 1 { 1 } else { 2 };
        libc::fflush(core::ptr::null_mut());
        let _ = write_fd(fd, text);
    }
}

/// `PySys_WriteStdout`/`Stderr` after formatting into CPython's 1001-byte buffer; the
/// pending exception is kept.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_sys_write(which: c_int, text: *const core::ffi::c_char, truncated: c_int) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    write_text_or_c(which, core::ffi::CStr::from_ptr(text).to_bytes());
    if truncated != 0 {
        write_text_or_c(which, TRUNCATED.as_bytes());
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

/// `PySys_FormatStdout`/`Stderr` once `PyUnicode_FromFormatV` made `message` (stolen; NULL
/// when formatting failed); the shim has set the pending exception aside in `saved`.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_sys_format(which: c_int, message: *mut PyObject, saved: *mut *mut PyObject) {
    if let Some(m) = PyRef::from_owned(message) {
        let name = if which == 1 { "stdout" } else { "stderr" };
        if !matches!(write_to(name, m.as_ptr()), Ok(true)) {
            crate::errors::pyerr::PyErr_Clear();
            if let Ok(bytes) = crate::abstract_::object::str_utf8(m.as_ptr()) {
                libc::fflush(core::ptr::null_mut());
                let _ = write_fd(if which == 1 { 1 } else { 2 }, &bytes);
            }
        }
    }
    crate::errors::pyerr::PyErr_Clear();
    crate::errors::pyerr::PyErr_Restore(*saved, *saved.add(1), *saved.add(2));
}
