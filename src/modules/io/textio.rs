//! `_io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
//! line_buffering=False, write_through=False)`: a text stream over a binary buffer, used
//! through the buffer's methods (`read`/`read1`/`write`/`flush`/`seek`/`tell`/...), so any
//! buffered object works. This file holds the object, construction, the attributes and the
//! writing side; `textio_read.rs` reads, `textio_seek.rs` does `tell`/`seek`/`truncate`,
//! `text_codec.rs` encodes and decodes.
//!
//! Writes are encoded at once and gathered in `pending` until a chunk is full (or a line
//! ends under `line_buffering`, or `write_through`), then handed to `buffer.write` in one
//! piece. Reads decode a chunk at a time into `decoded` (a str) and hand out slices of it.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{self, closed_error, py_bool, value_error};
use crate::modules::io::common::call_method;
use crate::modules::io::iobase;
use crate::modules::io::text_codec::{lookup_text_codec, TextDecoder, TextEncoder};
use crate::modules::{none_ref, ret};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{fast, fast_kw, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{bytes, int, str as pystr};

/// The newline mode (the `newline` argument).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Newline {
    /// None: universal newlines read as `\n`; `\n` written as the platform's (`\n`).
    Translate,
    /// '': universal newlines, kept; nothing translated on write.
    Universal,
    Lf,
    Cr,
    CrLf,
}

impl Newline {
    /// What `\n` becomes on write, when it changes.
    fn write_terminator(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            _ => None,
        }
    }

    pub(crate) fn universal(self) -> bool {
        matches!(self, Newline::Translate | Newline::Universal)
    }
}

/// The Rust side of a stream.
pub(crate) struct State {
    pub(crate) encoder: Option<TextEncoder>,
    pub(crate) decoder: Option<TextDecoder>,
    pub(crate) errors: String,
    pub(crate) newline: Newline,
    pub(crate) line_buffering: bool,
    pub(crate) write_through: bool,
    pub(crate) seekable: bool,
    /// False while iterating (`next()` disables `tell()`).
    pub(crate) telling: bool,
    pub(crate) has_read1: bool,
    pub(crate) finalizing: bool,
    /// Code points of `decoded` already returned.
    pub(crate) decoded_used: usize,
    /// The decoder flags of the snapshot (meaningful when `snapshot_input` is set).
    pub(crate) snapshot_flags: i64,
    /// Bytes per decoded code point of the last chunk (tell's first guess).
    pub(crate) b2cratio: f64,
    pub(crate) chunk_size: usize,
    /// Encoded text not yet given to the buffer.
    pub(crate) pending: Vec<u8>,
}

/// The object. It starts like every `_io` object (dict, weak-reference list).
#[repr(C)]
pub(crate) struct TextIO {
    ob_base: PyObject,
    dict: *mut PyObject,
    weakreflist: *mut PyObject,
    pub(crate) buffer: *mut PyObject,
    pub(crate) encoding: *mut PyObject,
    pub(crate) errors: *mut PyObject,
    /// The last decoded chunk (a str), or NULL.
    pub(crate) decoded: *mut PyObject,
    /// The snapshot for `tell()`: the bytes fed to the decoder since its state was
    /// `(b'', snapshot_flags)`, or NULL for no snapshot.
    pub(crate) snapshot_input: *mut PyObject,
    state: *mut State,
    /// 0 before `__init__` succeeds, 1 after, 2 once detached.
    status: c_int,
}

const UNINITIALIZED: c_int = 0;
const READY: c_int = 1;
const DETACHED: c_int = 2;

pub(crate) unsafe fn obj<'a>(op: *mut PyObject) -> &'a mut TextIO {
    &mut *(op as *mut TextIO)
}

/// The stream's state after CPython's CHECK_ATTACHED.
pub(crate) unsafe fn attached<'a>(op: *mut PyObject) -> PyResult<&'a mut State> {
    let t = obj(op);
    match t.status {
        READY => Ok(&mut *t.state),
        DETACHED => Err(value_error("underlying buffer has been detached")),
        _ => Err(value_error("I/O operation on uninitialized object")),
    }
}

/// CHECK_ATTACHED then CHECK_CLOSED ("I/O operation on closed file.").
pub(crate) unsafe fn open_state<'a>(op: *mut PyObject) -> PyResult<&'a mut State> {
    let st = attached(op)?;
    if buffer_closed(op)? {
        return Err(closed_error("I/O operation on closed file."));
    }
    Ok(st)
}

unsafe fn buffer_closed(op: *mut PyObject) -> PyResult<bool> {
    if let Some(closed) = crate::modules::io::buffered::fast_closed(obj(op).buffer) {
        return Ok(closed);
    }
    let n = pystr::intern("closed")?;
    let v = crate::object::object_attr::get_attr(obj(op).buffer, n.as_ptr())?;
    let r = crate::abstract_::object::PyObject_IsTrue(v.as_ptr());
    if r < 0 {
        return Err(Raised::assume_set());
    }
    Ok(r == 1)
}

/// `_io.TextIOWrapper`.
pub static mut TextIOWrapper_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(dealloc),
    tp_repr: Some(repr),
    tp_traverse: Some(traverse),
    tp_clear: Some(clear),
    tp_iternext: Some(crate::modules::io::textio_read::iternext),
    tp_methods: (&raw mut METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut GETSET) as *mut PyGetSetDef,
    tp_init: Some(init),
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    tp_finalize: Some(iobase::iobase_finalize),
    ..iobase::io_type(
        c"_io.TextIOWrapper",
        core::mem::size_of::<TextIO>(),
        &raw mut iobase::TextIOBase_Type,
        c"TextIOWrapper(buffer, encoding=None, errors=None, newline=None,\n              line_buffering=False, write_through=False)\n--\n\nCharacter and line based layer over a BufferedIOBase object, buffer.\n\nencoding gives the name of the encoding that the stream will be\ndecoded or encoded with. It defaults to locale.getencoding().\n\nerrors determines the strictness of encoding and decoding (see\nhelp(codecs.Codec) or the documentation for codecs.register) and\ndefaults to \"strict\".\n\nnewline controls how line endings are handled. It can be None, '',\n'\\n', '\\r', and '\\r\\n'.  It works as follows:\n\n* On input, if newline is None, universal newlines mode is\n  enabled. Lines in the input can end in '\\n', '\\r', or '\\r\\n', and\n  these are translated into '\\n' before being returned to the\n  caller. If it is '', universal newline mode is enabled, but line\n  endings are returned to the caller untranslated. If it has any of\n  the other legal values, input lines are only terminated by the given\n  string, and the line ending is returned to the caller untranslated.\n\n* On output, if newline is None, any '\\n' characters written are\n  translated to the system default line separator, os.linesep. If\n  newline is '' or '\\n', no translation takes place. If newline is any\n  of the other legal values, any '\\n' characters written are translated\n  to the given string.\n\nIf line_buffering is True, a call to flush is implied when a call to\nwrite contains a newline character.",
    )
};

/// The encoding `None`/"locale" stands for: UTF-8 in UTF-8 mode, else the locale's.
pub(crate) unsafe fn default_encoding(given: Option<&str>) -> PyResult<PyRef> {
    if given.is_none() && crate::runtime::preinit::utf8_mode_enabled() {
        return pystr::from_utf8("utf-8");
    }
    pystr::from_utf8(&crate::runtime::config_api::locale_encoding_name())
}

/// `newline`: None or one of '', '\n', '\r', '\r\n'.
pub(crate) unsafe fn parse_newline(o: *mut PyObject, function: &str) -> PyResult<Newline> {
    if o.is_null() || o == none() {
        return Ok(Newline::Translate);
    }
    if !pystr::is_str(o) {
        return Err(type_error(format!("{function}() argument 'newline' must be str or None, not {}", tp_name(o))));
    }
    let text = pystr::to_string(o);
    match text.as_str() {
        "" => Ok(Newline::Universal),
        "\n" => Ok(Newline::Lf),
        "\r" => Ok(Newline::Cr),
        "\r\n" => Ok(Newline::CrLf),
        _ if text.contains('\0') => Err(value_error("embedded null character")),
        _ => Err(value_error(format!("illegal newline value: {text}"))),
    }
}

/// An optional str argument (`encoding`/`errors`): None or a str without NUL.
unsafe fn optional_str(o: *mut PyObject, function: &str, what: &str) -> PyResult<Option<String>> {
    if o.is_null() || o == none() {
        return Ok(None);
    }
    if !pystr::is_str(o) {
        return Err(type_error(format!("{function}() argument '{what}' must be str or None, not {}", tp_name(o))));
    }
    let s = pystr::to_string(o);
    if s.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    Ok(Some(s))
}

unsafe fn truth(o: *mut PyObject) -> PyResult<bool> {
    if o.is_null() {
        return Ok(false);
    }
    Ok(crate::errors::objtext::index_value(o)? != 0)
}

unsafe fn buffer_says(buffer: *mut PyObject, method: &str) -> PyResult<bool> {
    let r = call_method(buffer, method, &[])?;
    let t = crate::abstract_::object::PyObject_IsTrue(r.as_ptr());
    if t < 0 {
        return Err(Raised::assume_set());
    }
    Ok(t == 1)
}

/// Makes the encoder and decoder for `encoding`/`errors` as the buffer's abilities ask.
/// The codecs run in Rust need no registry lookup (which would import `encodings`).
unsafe fn set_codecs(op: *mut PyObject, st: &mut State, encoding: &str, errors: *mut PyObject) -> PyResult<()> {
    let info = if crate::modules::io::text_codec::fast_codec(encoding).is_some() { None } else { Some(lookup_text_codec(encoding)?) };
    let buffer = obj(op).buffer;
    st.decoder = if buffer_says(buffer, "readable")? {
        Some(TextDecoder::new(encoding, info.as_ref(), errors, st.newline.universal(), st.newline == Newline::Translate)?)
    } else {
        None
    };
    st.encoder = if buffer_says(buffer, "writable")? { Some(TextEncoder::new(encoding, info.as_ref(), errors)?) } else { None };
    Ok(())
}

/// A stream not at its start must not write a BOM (CPython's fix_encoder_state).
unsafe fn fix_encoder_state(op: *mut PyObject, st: &mut State) -> PyResult<()> {
    if !st.seekable || st.encoder.is_none() {
        return Ok(());
    }
    let pos = call_method(obj(op).buffer, "tell", &[])?;
    let zero = int::from_i64(0)?;
    let at_start = crate::abstract_::compare::PyObject_RichCompareBool(pos.as_ptr(), zero.as_ptr(), crate::object::object::Py_EQ);
    if at_start < 0 {
        return Err(Raised::assume_set());
    }
    if at_start == 0 {
        st.encoder.as_mut().unwrap().skip_bom()?;
    }
    Ok(())
}

unsafe fn replace_field(field: &mut *mut PyObject, value: PyRef) {
    let old = core::mem::replace(field, value.into_ptr());
    drop(PyRef::from_owned(old));
}

unsafe extern "C" fn init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    static PARAMS: Params = Params {
        function: "TextIOWrapper",
        names: &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        positional_only: 0,
        max_positional: 6,
        required: 1,
    };
    let r = (|| -> PyResult<()> {
        let [buffer, encoding, errors, newline, line_buffering, write_through] = bind_tuple_dict_array::<6>(&PARAMS, args, kw)?;
        let t = obj(op);
        t.status = UNINITIALIZED;
        let given = optional_str(encoding, "TextIOWrapper", "encoding")?;
        let errors = match optional_str(errors, "TextIOWrapper", "errors")? {
            None => pystr::from_utf8("strict")?,
            Some(_) => new_ref(errors),
        };
        let newline = parse_newline(newline, "TextIOWrapper")?;
        let line_buffering = truth(line_buffering)?;
        let write_through = truth(write_through)?;
        let encoding = match given.as_deref() {
            None | Some("locale") => default_encoding(given.as_deref())?,
            Some(_) => new_ref(encoding),
        };
        let enc_text = pystr::to_string(encoding.as_ptr());
        let errors_text = pystr::to_string(errors.as_ptr());
        // A re-run __init__ starts afresh.
        if !t.state.is_null() {
            drop(Box::from_raw(t.state));
            t.state = core::ptr::null_mut();
        }
        replace_field(&mut t.buffer, new_ref(buffer));
        replace_field(&mut t.encoding, encoding);
        replace_field(&mut t.errors, new_ref(errors.as_ptr()));
        drop(PyRef::from_owned(core::mem::replace(&mut t.decoded, core::ptr::null_mut())));
        drop(PyRef::from_owned(core::mem::replace(&mut t.snapshot_input, core::ptr::null_mut())));
        let mut st = Box::new(State {
            encoder: None,
            decoder: None,
            errors: errors_text,
            newline,
            line_buffering,
            write_through,
            seekable: false,
            telling: false,
            has_read1: false,
            finalizing: false,
            decoded_used: 0,
            snapshot_flags: 0,
            b2cratio: 0.0,
            chunk_size: 8192,
            pending: Vec::new(),
        });
        set_codecs(op, &mut st, &enc_text, errors.as_ptr())?;
        st.seekable = buffer_says(buffer, "seekable")?;
        st.telling = st.seekable;
        let read1 = pystr::intern("read1")?;
        st.has_read1 = crate::object::object_attr::lookup_attr(buffer, read1.as_ptr())?.is_some();
        fix_encoder_state(op, &mut st)?;
        t.state = Box::into_raw(st);
        t.status = READY;
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let t = obj(op);
    let mut items = vec![t.dict, t.buffer, t.encoding, t.errors, t.decoded, t.snapshot_input];
    if !t.state.is_null() {
        let st = &*t.state;
        items.extend(st.encoder.as_ref().and_then(|e| e.object()));
        items.extend(st.decoder.as_ref().and_then(|d| d.object()));
    }
    crate::errors::baseexception::visit_all(&items, visit, arg)
}

unsafe extern "C" fn clear(op: *mut PyObject) -> c_int {
    let t = obj(op);
    t.status = UNINITIALIZED;
    for f in [&mut t.dict, &mut t.buffer, &mut t.encoding, &mut t.errors, &mut t.decoded, &mut t.snapshot_input] {
        drop(PyRef::from_owned(core::mem::replace(f, core::ptr::null_mut())));
    }
    if !t.state.is_null() {
        drop(Box::from_raw(core::mem::replace(&mut t.state, core::ptr::null_mut())));
    }
    0
}

unsafe extern "C" fn dealloc(op: *mut PyObject) {
    if iobase::finalize_from_dealloc(op) {
        return;
    }
    iobase::header_dealloc(op);
    clear(op);
    common::free_instance(op);
}

/// `<_io.TextIOWrapper name='f' mode='w' encoding='UTF-8'>` (name and mode when present).
unsafe extern "C" fn repr(op: *mut PyObject) -> *mut PyObject {
    // CPython names the class itself, also for subclasses.
    let tn = "_io.TextIOWrapper";
    if crate::abstract_::object::Py_ReprEnter(op) != 0 {
        return ret(Err(crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_RuntimeError,
            format!("reentrant call inside {tn}.__repr__"),
        )));
    }
    let r = repr_text(op, tn);
    crate::abstract_::object::Py_ReprLeave(op);
    ret(r)
}

unsafe fn repr_text(op: *mut PyObject, tn: &str) -> PyResult<PyRef> {
    let mut out = format!("<{tn}");
    for attr in ["name", "mode"] {
        let n = pystr::intern(attr)?;
        match crate::object::object_attr::lookup_attr(op, n.as_ptr()) {
            Ok(Some(v)) => {
                let r = crate::modules::owned(crate::abstract_::object::PyObject_Repr(v.as_ptr()))?;
                out.push_str(&format!(" {attr}={}", pystr::to_string(r.as_ptr())));
            }
            Ok(None) => {}
            Err(e) => {
                // A detached stream has no name: left out, as CPython does.
                if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut crate::errors::exception_types::_PyExc_ValueError as *mut PyObject) == 0 {
                    return Err(e);
                }
                crate::errors::pyerr::PyErr_Clear();
            }
        }
    }
    let enc = obj(op).encoding;
    if !enc.is_null() {
        let r = crate::modules::owned(crate::abstract_::object::PyObject_Repr(enc))?;
        out.push_str(&format!(" encoding={}", pystr::to_string(r.as_ptr())));
    }
    out.push('>');
    pystr::from_utf8(&out)
}

/// Hands the pending bytes to `buffer.write`.
pub(crate) unsafe fn write_pending(op: *mut PyObject) -> PyResult<()> {
    let st = &mut *obj(op).state;
    if st.pending.is_empty() {
        return Ok(());
    }
    let b = bytes::from_slice(&st.pending)?;
    st.pending.clear();
    call_method(obj(op).buffer, "write", &[b.as_ptr()]).map(drop)
}

/// Drops the decoded text and the snapshot (after a write or a seek).
pub(crate) unsafe fn forget_decoded(op: *mut PyObject) {
    let t = obj(op);
    drop(PyRef::from_owned(core::mem::replace(&mut t.decoded, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut t.snapshot_input, core::ptr::null_mut())));
    if !t.state.is_null() {
        (*t.state).decoded_used = 0;
    }
}

/// `write(text)`: the number of code points of `text`.
pub(crate) unsafe extern "C" fn write(op: *mut PyObject, text: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !pystr::is_str(text) {
            return Err(type_error(format!("write() argument must be str, not {}", tp_name(text))));
        }
        let st = open_state(op)?;
        if st.encoder.is_none() {
            return Err(common::unsupported("not writable"));
        }
        let len = pystr::len(text);
        let has_lf = crate::objects::str_search::find_char(text, 0x0A, 0, len as isize, true).is_some();
        let translated;
        let mut out = text;
        if has_lf {
            if let Some(nl) = st.newline.write_terminator() {
                let from = pystr::from_utf8("\n")?;
                let to = pystr::from_utf8(nl)?;
                translated = crate::modules::owned(crate::objects::str_replace::PyUnicode_Replace(text, from.as_ptr(), to.as_ptr(), -1))?;
                out = translated.as_ptr();
            }
        }
        let need_flush = st.line_buffering && (has_lf || crate::objects::str_search::find_char(text, 0x0D, 0, len as isize, true).is_some());
        let old_len = st.pending.len();
        let mut pending = core::mem::take(&mut st.pending);
        let encoded = st.encoder.as_mut().unwrap().encode_into(out, &st.errors, &mut pending);
        let st = &mut *obj(op).state;
        st.pending = pending;
        if let Err(e) = encoded {
            st.pending.truncate(old_len);
            return Err(e);
        }
        if old_len > 0 && st.pending.len() > st.chunk_size {
            // What was pending goes first, in its own write, as CPython does.
            let tail = st.pending.split_off(old_len);
            write_pending(op)?;
            (*obj(op).state).pending = tail;
        }
        let st = &mut *obj(op).state;
        if st.pending.len() >= st.chunk_size || need_flush || st.write_through {
            write_pending(op)?;
        }
        if need_flush {
            call_method(obj(op).buffer, "flush", &[])?;
        }
        forget_decoded(op);
        let st = &mut *obj(op).state;
        if let Some(d) = st.decoder.as_mut() {
            d.reset()?;
        }
        int::from_i64(len as i64)
    })())
}

/// `flush()`: pending text to the buffer, then `buffer.flush()`.
unsafe extern "C" fn flush(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let st = open_state(op)?;
        st.telling = st.seekable;
        write_pending(op)?;
        call_method(obj(op).buffer, "flush", &[])
    })())
}

/// `close()`: flush, then close the buffer (a flush error is chained to a close error).
unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let st = attached(op)?;
        if buffer_closed(op)? {
            return Ok(none_ref());
        }
        if st.finalizing {
            let n = pystr::intern("_dealloc_warn")?;
            if let Ok(Some(f)) = crate::object::object_attr::lookup_attr(obj(op).buffer, n.as_ptr()) {
                let r = crate::abstract_::call::PyObject_CallOneArg(f.as_ptr(), op);
                crate::object::refcount::Py_DecRef(r);
            }
            crate::errors::pyerr::PyErr_Clear();
        }
        let flushed = call_method(op, "flush", &[]);
        let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
        if flushed.is_err() {
            crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
        }
        let closed = call_method(obj(op).buffer, "close", &[]);
        if !t.is_null() {
            if closed.is_ok() {
                crate::errors::pyerr::PyErr_Restore(t, v, tb);
            } else {
                crate::errors::chain::_PyErr_ChainExceptions(t, v, tb);
            }
            return Err(Raised::assume_set());
        }
        closed
    })())
}

/// `detach()`: flushes and gives up the buffer.
unsafe extern "C" fn detach(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        attached(op)?;
        call_method(op, "flush", &[])?;
        let t = obj(op);
        let b = core::mem::replace(&mut t.buffer, core::ptr::null_mut());
        t.status = DETACHED;
        Ok(PyRef::from_owned(b).unwrap())
    })())
}

/// The methods that ask the buffer (after CHECK_ATTACHED).
unsafe fn delegate(op: *mut PyObject, method: &str) -> PyResult<PyRef> {
    attached(op)?;
    call_method(obj(op).buffer, method, &[])
}

unsafe extern "C" fn fileno(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(delegate(op, "fileno"))
}
unsafe extern "C" fn seekable(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(delegate(op, "seekable"))
}
unsafe extern "C" fn readable(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(delegate(op, "readable"))
}
unsafe extern "C" fn writable(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(delegate(op, "writable"))
}
unsafe extern "C" fn isatty(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(delegate(op, "isatty"))
}

/// `reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None,
/// write_through=None)`.
unsafe extern "C" fn reconfigure(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind, Params};
    static PARAMS: Params = Params {
        function: "reconfigure",
        names: &["encoding", "errors", "newline", "line_buffering", "write_through"],
        positional_only: 0,
        max_positional: 0,
        required: 0,
    };
    ret((|| {
        if nargs > 0 {
            return Err(type_error("reconfigure() takes no positional arguments"));
        }
        let b = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let arg = |i: usize| b[i].filter(|&o| o != none());
        let st = attached(op)?;
        let newline_given = b[2].is_some();
        if !obj(op).decoded.is_null() && (arg(0).is_some() || arg(1).is_some() || newline_given) {
            return Err(common::unsupported("It is not possible to set the encoding or newline of stream after the first read"));
        }
        let encoding = optional_str(arg(0).unwrap_or(core::ptr::null_mut()), "reconfigure", "encoding")?;
        optional_str(arg(1).unwrap_or(core::ptr::null_mut()), "reconfigure", "errors")?;
        let newline = if newline_given { Some(parse_newline(b[2].unwrap(), "reconfigure")?) } else { None };
        let optional_bool = |o: Option<*mut PyObject>, current: bool| -> PyResult<bool> {
            match o {
                None => Ok(current),
                Some(o) => {
                    let r = crate::abstract_::object::PyObject_IsTrue(o);
                    if r < 0 { Err(Raised::assume_set()) } else { Ok(r == 1) }
                }
            }
        };
        let line_buffering = optional_bool(arg(3), st.line_buffering)?;
        let write_through = optional_bool(arg(4), st.write_through)?;
        call_method(op, "flush", &[])?;
        let st = attached(op)?;
        st.b2cratio = 0.0;
        if let Some(nl) = newline {
            st.newline = nl;
        }
        if encoding.is_some() || arg(1).is_some() || newline_given {
            let t = obj(op);
            let (enc, errors) = match encoding.as_deref() {
                None => (new_ref(t.encoding), arg(1).map_or_else(|| new_ref(t.errors), |e| new_ref(e))),
                Some(e) => {
                    let enc = if e == "locale" { default_encoding(Some(e))? } else { new_ref(arg(0).unwrap()) };
                    (enc, match arg(1) {
                        Some(e) => new_ref(e),
                        None => pystr::from_utf8("strict")?,
                    })
                }
            };
            set_codecs(op, st, &pystr::to_string(enc.as_ptr()), errors.as_ptr())?;
            st.errors = pystr::to_string(errors.as_ptr());
            replace_field(&mut t.encoding, enc);
            replace_field(&mut t.errors, errors);
            fix_encoder_state(op, st)?;
        }
        st.line_buffering = line_buffering;
        st.write_through = write_through;
        Ok(none_ref())
    })())
}

/// The attributes CPython keeps as members: readable even after `detach()`.
unsafe fn member(field: *mut PyObject) -> *mut PyObject {
    if field.is_null() { none_ref().into_ptr() } else { new_ref(field).into_ptr() }
}
unsafe fn flag(op: *mut PyObject, get: fn(&State) -> bool) -> *mut PyObject {
    let st = obj(op).state;
    py_bool(!st.is_null() && get(&*st)).into_ptr()
}
unsafe extern "C" fn get_encoding(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    member(obj(op).encoding)
}
unsafe extern "C" fn get_buffer(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    member(obj(op).buffer)
}
unsafe extern "C" fn get_errors(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    if obj(op).status == UNINITIALIZED {
        return ret(Err(value_error("I/O operation on uninitialized object")));
    }
    member(obj(op).errors)
}
unsafe extern "C" fn get_line_buffering(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    flag(op, |st| st.line_buffering)
}
unsafe extern "C" fn get_write_through(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    flag(op, |st| st.write_through)
}
unsafe extern "C" fn get_finalizing(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    flag(op, |st| st.finalizing)
}
/// `_finalizing` is set by `_IOBase`'s finalizer before it calls `close()`.
unsafe extern "C" fn set_finalizing(op: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() {
        let _ = crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_AttributeError, "can't delete attribute");
        return -1;
    }
    let t = crate::abstract_::object::PyObject_IsTrue(v);
    if t < 0 {
        return -1;
    }
    if !obj(op).state.is_null() {
        (*obj(op).state).finalizing = t == 1;
    }
    0
}
unsafe extern "C" fn get_closed(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(attached(op).and_then(|_| {
        let n = pystr::intern("closed")?;
        crate::object::object_attr::get_attr(obj(op).buffer, n.as_ptr())
    }))
}
unsafe extern "C" fn get_name(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(attached(op).and_then(|_| {
        let n = pystr::intern("name")?;
        crate::object::object_attr::get_attr(obj(op).buffer, n.as_ptr())
    }))
}
unsafe extern "C" fn get_newlines(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(attached(op).and_then(|st| match &st.decoder {
        Some(d) if st.newline.universal() => common::newlines_value(d.seen),
        Some(d) => match d.object() {
            // A decoder of its own kind may know newlines (CPython asks it).
            Some(o) => {
                let n = pystr::intern("newlines")?;
                Ok(crate::object::object_attr::lookup_attr(o, n.as_ptr())?.unwrap_or_else(none_ref))
            }
            None => Ok(none_ref()),
        },
        None => Ok(none_ref()),
    }))
}
unsafe extern "C" fn get_chunk_size(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(attached(op).and_then(|st| int::from_i64(st.chunk_size as i64)))
}
unsafe extern "C" fn set_chunk_size(op: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    let r = (|| -> PyResult<()> {
        let st = attached(op)?;
        if v.is_null() {
            return Err(crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_AttributeError, "cannot delete attribute"));
        }
        let n = crate::errors::objtext::index_value(v)?;
        if n <= 0 {
            return Err(value_error("a strictly positive integer is required"));
        }
        st.chunk_size = n as usize;
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut GETSET: [PyGetSetDef; 12] = [
    getter(c"encoding", get_encoding),
    getter(c"errors", get_errors),
    getter(c"buffer", get_buffer),
    getter(c"line_buffering", get_line_buffering),
    getter(c"write_through", get_write_through),
    PyGetSetDef { name: c"_finalizing".as_ptr(), get: Some(get_finalizing), set: Some(set_finalizing), doc: core::ptr::null(), closure: core::ptr::null_mut() },
    getter(c"closed", get_closed),
    getter(c"name", get_name),
    getter(c"newlines", get_newlines),
    PyGetSetDef { name: c"_CHUNK_SIZE".as_ptr(), get: Some(get_chunk_size), set: Some(set_chunk_size), doc: core::ptr::null(), closure: core::ptr::null_mut() },
    iobase::dict_getset(),
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut METHODS: [PyMethodDef; 21] = [
    plain(c"detach", detach, METH_NOARGS),
    fast_kw(c"reconfigure", reconfigure, METH_FASTCALL | METH_KEYWORDS),
    plain(c"write", write, METH_O),
    fast(c"read", crate::modules::io::textio_read::read, METH_FASTCALL),
    fast(c"readline", crate::modules::io::textio_read::readline, METH_FASTCALL),
    plain(c"flush", flush, METH_NOARGS),
    plain(c"close", close, METH_NOARGS),
    plain(c"fileno", fileno, METH_NOARGS),
    plain(c"seekable", seekable, METH_NOARGS),
    plain(c"readable", readable, METH_NOARGS),
    plain(c"writable", writable, METH_NOARGS),
    plain(c"isatty", isatty, METH_NOARGS),
    fast(c"seek", crate::modules::io::textio_seek::seek, METH_FASTCALL),
    plain(c"tell", crate::modules::io::textio_seek::tell, METH_NOARGS),
    fast(c"truncate", crate::modules::io::textio_seek::truncate, METH_FASTCALL),
    END,
    END,
    END,
    END,
    END,
    END,
];
