//! `_io.StringIO`: an in-memory text stream holding code points, with the newline modes of
//! text files. `newline=None` translates `\r\n` and `\r` to `\n` on write and records which
//! kinds were seen (`newlines`); `''` keeps text as written, records the kinds, and ends lines
//! at any of them; `'\n'` (the default) changes nothing; `'\r'`/`'\r\n'` write `\n` as
//! themselves and end lines there. 
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::codecs::str_view::StrView;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{self, closed_error, py_bool, size_arg, value_error};
use crate::modules::{args_slice, none_ref, ret};
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{int, str as pystr};

use crate::modules::io::common::{SEEN_CR, SEEN_CRLF, SEEN_LF};

#[derive(Clone, Copy, PartialEq)]
enum Newline {
    /// `None`: universal newlines, translated to `\n` on write.
    Translate,
    /// `''`: universal newlines, kept as written.
    Universal,
    Lf,
    Cr,
    CrLf,
}

struct State {
    buf: Vec<u32>,
    pos: usize,
    closed: bool,
    newline: Newline,
    seen: u8,
}

#[repr(C)]
struct StringIO {
    head: crate::modules::io::iobase::IOBaseObject,
    state: *mut State,
}

const CLOSED: &str = "I/O operation on closed file";

unsafe fn state<'a>(op: *mut PyObject) -> &'a mut State {
    &mut *(*(op as *mut StringIO)).state
}

unsafe fn open_state<'a>(op: *mut PyObject) -> PyResult<&'a mut State> {
    let st = state(op);
    if st.closed {
        return Err(closed_error(CLOSED));
    }
    Ok(st)
}

unsafe fn check_open(op: *mut PyObject) -> PyResult<()> {
    open_state(op).map(|_| ())
}

/// The check of the methods CPython's StringIO inherits from `_IOBase` (`isatty`,
/// `__enter__`, `writelines`), whose message ends with a period.
unsafe fn check_open_iobase(op: *mut PyObject) -> PyResult<()> {
    if state(op).closed {
        return Err(closed_error("I/O operation on closed file."));
    }
    Ok(())
}

/// `_io.StringIO`.
pub static mut StringIO_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(stringio_dealloc),
    tp_repr: None,
    tp_iter: Some(stringio_iter),
    tp_iternext: Some(stringio_iternext),
    tp_methods: (&raw mut STRINGIO_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut STRINGIO_GETSET) as *mut crate::object::descr::PyGetSetDef,
    tp_init: Some(stringio_init),
    tp_new: Some(stringio_new),
    ..crate::modules::io::iobase::io_type(
        c"_io.StringIO",
        core::mem::size_of::<StringIO>(),
        &raw mut crate::modules::io::iobase::TextIOBase_Type,
        c"StringIO(initial_value='', newline='\\n')\n--\n\nText I/O implementation using an in-memory buffer.",
    )
};

unsafe extern "C" fn stringio_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = alloc(tp, 0);
    if !op.is_null() {
        let st = State { buf: Vec::new(), pos: 0, closed: false, newline: Newline::Lf, seen: 0 };
        (*(op as *mut StringIO)).state = Box::into_raw(Box::new(st));
    }
    op
}

unsafe extern "C" fn stringio_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> core::ffi::c_int {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    static PARAMS: Params = Params { function: "StringIO", names: &["initial_value", "newline"], positional_only: 0, max_positional: 2, required: 0 };
    let r = (|| -> PyResult<()> {
        let [initial, newline] = bind_tuple_dict_array::<2>(&PARAMS, args, kw)?;
        let nl = if newline.is_null() {
            Newline::Lf
        } else if newline == none() {
            Newline::Translate
        } else if !pystr::is_str(newline) {
            return Err(type_error(format!("newline must be str or None, not {}", tp_name(newline))));
        } else {
            match pystr::to_string(newline).as_str() {
                "" => Newline::Universal,
                "\n" => Newline::Lf,
                "\r" => Newline::Cr,
                "\r\n" => Newline::CrLf,
                _ => {
                    let r = PyRef::from_owned(crate::abstract_::object::PyObject_Repr(newline)).ok_or_else(Raised::assume_set)?;
                    return Err(value_error(format!("illegal newline value: {}", pystr::to_string(r.as_ptr()))));
                }
            }
        };
        if !initial.is_null() && initial != none() && !pystr::is_str(initial) {
            return Err(type_error(format!("initial_value must be str or None, not {}", tp_name(initial))));
        }
        let st = state(op);
        st.buf.clear();
        st.pos = 0;
        st.closed = false;
        st.newline = nl;
        st.seen = 0;
        if !initial.is_null() && initial != none() {
            write_text(st, initial);
            st.pos = 0;
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn stringio_dealloc(op: *mut PyObject) {
    crate::modules::io::iobase::header_dealloc(op);
    let p = (*(op as *mut StringIO)).state;
    if !p.is_null() {
        drop(Box::from_raw(p));
    }
    common::free_instance(op);
}

/// Writes the str `s` at the position with the newline translation; its length in code
/// points before translation.
unsafe fn write_text(st: &mut State, s: *mut PyObject) -> usize {
    let v = StrView::new(s);
    let mut text: Vec<u32> = Vec::with_capacity(v.len);
    let mut i = 0;
    while i < v.len {
        let c = v.get(i);
        match c {
            0x0D if matches!(st.newline, Newline::Translate | Newline::Universal) => {
                let crlf = i + 1 < v.len && v.get(i + 1) == 0x0A;
                st.seen |= if crlf { SEEN_CRLF } else { SEEN_CR };
                if st.newline == Newline::Translate {
                    text.push(0x0A);
                } else {
                    text.push(0x0D);
                    if crlf {
                        text.push(0x0A);
                    }
                }
                i += if crlf { 2 } else { 1 };
                continue;
            }
            0x0A => match st.newline {
                Newline::Translate | Newline::Universal => {
                    st.seen |= SEEN_LF;
                    text.push(0x0A);
                }
                Newline::Cr => text.push(0x0D),
                Newline::CrLf => text.extend_from_slice(&[0x0D, 0x0A]),
                Newline::Lf => text.push(0x0A),
            },
            _ => text.push(c),
        }
        i += 1;
    }
    if !text.is_empty() {
        let end = st.pos + text.len();
        if st.buf.len() < end {
            st.buf.resize(end, 0);
        }
        st.buf[st.pos..end].copy_from_slice(&text);
        st.pos = end;
    }
    v.len
}

/// The end of the line starting at `start` (exclusive), within `limit` code points.
fn line_end(st: &State, start: usize, limit: Option<usize>) -> usize {
    let buf = &st.buf;
    let stop = match limit {
        Some(l) => start.saturating_add(l).min(buf.len()),
        None => buf.len(),
    };
    let mut i = start;
    while i < stop {
        let c = buf[i];
        match st.newline {
            Newline::Translate | Newline::Lf if c == 0x0A => return i + 1,
            Newline::Cr if c == 0x0D => return i + 1,
            Newline::CrLf if c == 0x0D && buf.get(i + 1) == Some(&0x0A) => return (i + 2).min(stop),
            Newline::Universal if c == 0x0A => return i + 1,
            Newline::Universal if c == 0x0D => {
                return if buf.get(i + 1) == Some(&0x0A) { (i + 2).min(stop) } else { i + 1 };
            }
            _ => {}
        }
        i += 1;
    }
    stop
}

fn text_of(chars: &[u32]) -> PyResult<PyRef> {
    pystr::from_code_points(chars)
}

unsafe fn take_line(st: &mut State, limit: Option<usize>) -> PyResult<PyRef> {
    let start = st.pos.min(st.buf.len());
    let end = line_end(st, start, limit);
    st.pos = end.max(st.pos);
    text_of(&st.buf[start..end])
}

unsafe extern "C" fn read(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"read".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let st = open_state(op)?;
        let n = size_arg(a.first().copied())?;
        let start = st.pos.min(st.buf.len());
        let end = n.map_or(st.buf.len(), |n| start.saturating_add(n).min(st.buf.len()));
        st.pos = end.max(st.pos);
        text_of(&st.buf[start..end])
    })())
}

unsafe extern "C" fn readline(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"readline".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let st = open_state(op)?;
        let n = size_arg(a.first().copied())?;
        take_line(st, n)
    })())
}

unsafe fn next_line(op: *mut PyObject) -> PyResult<Option<(PyRef, usize)>> {
    let line = take_line(open_state(op)?, None)?;
    let n = pystr::len(line.as_ptr());
    Ok((n > 0).then_some((line, n)))
}

unsafe extern "C" fn readlines(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"readlines".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        open_state(op)?;
        common::readlines(op, a.first().copied(), next_line)
    })())
}

unsafe fn write_obj(op: *mut PyObject, s: *mut PyObject) -> PyResult<PyRef> {
    if !pystr::is_str(s) {
        return Err(type_error(format!("string argument expected, got '{}'", tp_name(s))));
    }
    let st = open_state(op)?;
    int::from_i64(write_text(st, s) as i64)
}

unsafe extern "C" fn write(op: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    ret(write_obj(op, s))
}

unsafe extern "C" fn writelines(op: *mut PyObject, lines: *mut PyObject) -> *mut PyObject {
    ret(check_open_iobase(op).and_then(|_| common::writelines(op, lines, write_obj)))
}

unsafe extern "C" fn seek(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        let (pos, whence) = common::seek_args(a, true)?;
        let st = open_state(op)?;
        if whence == 0 && pos < 0 {
            return Err(value_error(format!("Negative seek position {pos}")));
        }
        if whence != 0 && pos != 0 {
            return Err(crate::object::pending_error::raise_type(
                &raw mut crate::errors::exception_types::_PyExc_OSError,
                "Can't do nonzero cur-relative seeks",
            ));
        }
        st.pos = match whence {
            0 => pos as usize,
            1 => st.pos,
            _ => st.buf.len(),
        };
        int::from_i64(st.pos as i64)
    })())
}

unsafe extern "C" fn tell(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(open_state(op).and_then(|st| int::from_i64(st.pos as i64)))
}

unsafe extern "C" fn truncate(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"truncate".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let st = open_state(op)?;
        let size = match a.first() {
            None => st.pos,
            Some(&o) if o == none() => st.pos,
            Some(&o) => {
                if !crate::abstract_::item::is_index(o) {
                    return Err(type_error(format!("argument should be integer or None, not '{}'", tp_name(o))));
                }
                let n = crate::abstract_::item::as_ssize(o, Some(&raw mut crate::errors::exception_types::_PyExc_OverflowError))? as i64;
                if n < 0 {
                    return Err(value_error(format!("Negative size value {n}")));
                }
                n as usize
            }
        };
        if size < st.buf.len() {
            st.buf.truncate(size);
        }
        int::from_i64(size as i64)
    })())
}

unsafe extern "C" fn getvalue(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(open_state(op).and_then(|st| text_of(&st.buf)))
}

/// The `newline` argument the stream was made with.
fn newline_arg(nl: Newline) -> PyResult<PyRef> {
    match nl {
        Newline::Translate => Ok(none_ref()),
        Newline::Universal => pystr::from_utf8(""),
        Newline::Lf => pystr::from_utf8("\n"),
        Newline::Cr => pystr::from_utf8("\r"),
        Newline::CrLf => pystr::from_utf8("\r\n"),
    }
}

/// `__getstate__()`: `(getvalue(), newline, tell(), __dict__ copy or None)`.
unsafe extern "C" fn getstate(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let st = open_state(op)?;
        let items = vec![text_of(&st.buf)?, newline_arg(st.newline)?, int::from_i64(st.pos as i64)?, common::dict_state(op)?];
        crate::objects::tuple::from_vec(items)
    })())
}

/// `__setstate__((value, newline, pos, dict))`: `__init__(value, newline)` checks the
/// arguments, then the buffer is replaced by the value as it is (it was translated when
/// the state was taken).
unsafe extern "C" fn setstate(op: *mut PyObject, state_arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        open_state(op)?;
        let items = common::state_items(state_arg, "_io.StringIO", 4)?;
        let init_args = crate::objects::tuple::from_slice(&[new_ref(items[0]), new_ref(items[1])])?;
        if stringio_init(op, init_args.as_ptr(), core::ptr::null_mut()) < 0 {
            return Err(Raised::assume_set());
        }
        let st = state(op);
        st.buf = if items[0] == none() { Vec::new() } else { let v = StrView::new(items[0]); (0..v.len).map(|i| v.get(i)).collect() };
        if !int::is_int(items[2]) {
            return Err(type_error(format!("third item of state must be an integer, got {}", tp_name(items[2]))));
        }
        let pos = crate::errors::objtext::index_value(items[2])?;
        if pos < 0 {
            return Err(value_error("position value cannot be negative"));
        }
        st.pos = pos as usize;
        common::restore_dict(op, items[3], "fourth")?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state(op);
    st.closed = true;
    st.buf = Vec::new();
    ret(Ok(none_ref()))
}

unsafe extern "C" fn true_if_open(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(open_state(op).map(|_| py_bool(true)))
}

unsafe extern "C" fn false_if_open(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(check_open_iobase(op).map(|_| py_bool(false)))
}

/// `flush()`: nothing to do, closed or not (CPython's StringIO does not check).
unsafe extern "C" fn flush(_op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(Ok(none_ref()))
}

unsafe extern "C" fn fileno(_op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(Err(common::unsupported("fileno")))
}

unsafe extern "C" fn detach(_op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(Err(common::unsupported("detach")))
}

unsafe extern "C" fn enter(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(common::enter(op, check_open_iobase))
}

unsafe extern "C" fn stringio_iter(op: *mut PyObject) -> *mut PyObject {
    ret(check_open(op).map(|_| new_ref(op)))
}

unsafe extern "C" fn stringio_iternext(op: *mut PyObject) -> *mut PyObject {
    match next_line(op) {
        Ok(Some((line, _))) => line.into_ptr(),
        _ => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn get_closed(op: *mut PyObject, _: *mut core::ffi::c_void) -> *mut PyObject {
    py_bool(state(op).closed).into_ptr()
}

unsafe extern "C" fn get_line_buffering(op: *mut PyObject, _: *mut core::ffi::c_void) -> *mut PyObject {
    ret(open_state(op).map(|_| py_bool(false)))
}

unsafe extern "C" fn get_newlines(op: *mut PyObject, _: *mut core::ffi::c_void) -> *mut PyObject {
    ret((|| {
        let st = open_state(op)?;
        if !matches!(st.newline, Newline::Translate | Newline::Universal) {
            return Ok(none_ref());
        }
        common::newlines_value(st.seen)
    })())
}

/// `encoding` and `errors`: None for an in-memory text stream.
unsafe extern "C" fn get_none(_op: *mut PyObject, _: *mut core::ffi::c_void) -> *mut PyObject {
    none_ref().into_ptr()
}

const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut core::ffi::c_void) -> *mut PyObject) -> crate::object::descr::PyGetSetDef {
    crate::object::descr::PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut STRINGIO_GETSET: [crate::object::descr::PyGetSetDef; 6] = [
    getter(c"closed", get_closed),
    getter(c"line_buffering", get_line_buffering),
    getter(c"newlines", get_newlines),
    getter(c"encoding", get_none),
    getter(c"errors", get_none),
    crate::object::descr::PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut STRINGIO_METHODS: [PyMethodDef; 22] = [
    fast(c"read", read, METH_FASTCALL),
    fast(c"readline", readline, METH_FASTCALL),
    fast(c"readlines", readlines, METH_FASTCALL),
    plain(c"write", write, METH_O),
    plain(c"writelines", writelines, METH_O),
    fast(c"seek", seek, METH_FASTCALL),
    plain(c"tell", tell, METH_NOARGS),
    fast(c"truncate", truncate, METH_FASTCALL),
    plain(c"getvalue", getvalue, METH_NOARGS),
    plain(c"close", close, METH_NOARGS),
    plain(c"flush", flush, METH_NOARGS),
    plain(c"readable", true_if_open, METH_NOARGS),
    plain(c"writable", true_if_open, METH_NOARGS),
    plain(c"seekable", true_if_open, METH_NOARGS),
    plain(c"isatty", false_if_open, METH_NOARGS),
    plain(c"fileno", fileno, METH_NOARGS),
    plain(c"detach", detach, METH_NOARGS),
    plain(c"__enter__", enter, METH_NOARGS),
    plain(c"__exit__", common::exit, METH_VARARGS),
    plain(c"__getstate__", getstate, METH_NOARGS),
    plain(c"__setstate__", setstate, METH_O),
    END,
];
