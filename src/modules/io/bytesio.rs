//! `_io.BytesIO`: a growable in-memory byte buffer with a position. Writing past the end
//! pads with zero bytes; reads stop at the end. `getbuffer()` exports the buffer itself
//! (a writable memoryview); while a view exists, writing, truncating, closing and
//! `__setstate__` raise BufferError, as in CPython. Not done yet: `__sizeof__`.
use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{self, closed_error, size_arg, value_error};
use crate::modules::{args_slice, none_ref, ret};
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{bytes, int};

#[derive(Default)]
struct State {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
    /// Buffer views handed out by `getbuffer()` and not yet released.
    exports: usize,
}

#[repr(C)]
struct BytesIO {
    head: crate::modules::io::iobase::IOBaseObject,
    state: *mut State,
}

unsafe fn state<'a>(op: *mut PyObject) -> &'a mut State {
    &mut *(*(op as *mut BytesIO)).state
}

const CLOSED: &str = "I/O operation on closed file.";

unsafe fn open_state<'a>(op: *mut PyObject) -> PyResult<&'a mut State> {
    let st = state(op);
    if st.closed {
        return Err(closed_error(CLOSED));
    }
    Ok(st)
}

/// The buffer may move or change size only when no view of it is exported.
fn check_exports(st: &State) -> PyResult<()> {
    if st.exports > 0 {
        return Err(crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

unsafe fn check_open(op: *mut PyObject) -> PyResult<()> {
    open_state(op).map(|_| ())
}

/// `_io.BytesIO`.
pub static mut BytesIO_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(bytesio_dealloc),
    tp_iter: Some(bytesio_iter),
    tp_iternext: Some(bytesio_iternext),
    tp_methods: (&raw mut BYTESIO_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut BYTESIO_GETSET) as *mut crate::object::descr::PyGetSetDef,
    tp_init: Some(bytesio_init),
    tp_new: Some(bytesio_new),
    ..crate::modules::io::iobase::io_type(
        c"_io.BytesIO",
        core::mem::size_of::<BytesIO>(),
        &raw mut crate::modules::io::iobase::BufferedIOBase_Type,
        c"BytesIO(initial_bytes=b'')\n--\n\nBuffered I/O implementation using an in-memory bytes buffer.",
    )
};

unsafe extern "C" fn bytesio_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = alloc(tp, 0);
    if !op.is_null() {
        (*(op as *mut BytesIO)).state = Box::into_raw(Box::default());
    }
    op
}

unsafe extern "C" fn bytesio_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> core::ffi::c_int {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    static PARAMS: Params = Params { function: "BytesIO", names: &["initial_bytes"], positional_only: 0, max_positional: 1, required: 0 };
    let r = (|| -> PyResult<()> {
        let [initial] = bind_tuple_dict_array::<1>(&PARAMS, args, kw)?;
        let data = if initial.is_null() || initial == crate::abstract_::none() { Vec::new() } else { bytes::bytes_like(initial)? };
        let st = state(op);
        st.buf = data;
        st.pos = 0;
        st.closed = false;
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn bytesio_dealloc(op: *mut PyObject) {
    crate::modules::io::iobase::header_dealloc(op);
    let p = (*(op as *mut BytesIO)).state;
    if !p.is_null() {
        drop(Box::from_raw(p));
    }
    common::free_instance(op);
}

/// The next `n` bytes (all remaining when `None`), advancing the position.
fn take(st: &mut State, n: Option<usize>) -> &[u8] {
    let start = st.pos.min(st.buf.len());
    let end = match n {
        Some(n) => start.saturating_add(n).min(st.buf.len()),
        None => st.buf.len(),
    };
    st.pos = end.max(st.pos);
    &st.buf[start..end]
}

/// The next line (through `\n`), at most `limit` bytes.
fn take_line(st: &mut State, limit: Option<usize>) -> &[u8] {
    let start = st.pos.min(st.buf.len());
    let rest = &st.buf[start..];
    let mut n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
    if let Some(l) = limit {
        n = n.min(l);
    }
    st.pos = start + n;
    &st.buf[start..start + n]
}

unsafe extern "C" fn read(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"read".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let st = open_state(op)?;
        let n = size_arg(a.first().copied())?;
        bytes::from_slice(take(st, n))
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
        bytes::from_slice(take_line(st, n))
    })())
}

unsafe fn next_line(op: *mut PyObject) -> PyResult<Option<(PyRef, usize)>> {
    let line = take_line(open_state(op)?, None);
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some((bytes::from_slice(line)?, line.len())))
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

unsafe extern "C" fn readinto(op: *mut PyObject, target: *mut PyObject) -> *mut PyObject {
    use crate::objects::bytes_buffer::{PyBuffer_Release, PyObject_GetBuffer};
    ret((|| {
        let st = open_state(op)?;
        let mut view: crate::object::buffer::Py_buffer = core::mem::zeroed();
        if PyObject_GetBuffer(target, &mut view, crate::object::buffer::PyBUF_WRITABLE) < 0 {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error(format!("readinto() argument must be read-write bytes-like object, not {}", tp_name(target))));
        }
        let data = take(st, Some(view.len as usize));
        core::ptr::copy_nonoverlapping(data.as_ptr(), view.buf as *mut u8, data.len());
        let n = data.len();
        PyBuffer_Release(&mut view);
        int::from_i64(n as i64)
    })())
}

unsafe fn write_obj(op: *mut PyObject, data: *mut PyObject) -> PyResult<PyRef> {
    let st = open_state(op)?;
    check_exports(st)?;
    let data = bytes::bytes_like(data)?;
    let end = st.pos + data.len();
    if data.is_empty() {
        return int::from_i64(0);
    }
    if st.buf.len() < end {
        st.buf.resize(end, 0);
    }
    st.buf[st.pos..end].copy_from_slice(&data);
    st.pos = end;
    int::from_i64(data.len() as i64)
}

unsafe extern "C" fn write(op: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    ret(write_obj(op, data))
}

unsafe extern "C" fn writelines(op: *mut PyObject, lines: *mut PyObject) -> *mut PyObject {
    ret(open_state(op).and_then(|_| common::writelines(op, lines, write_obj)))
}

unsafe extern "C" fn seek(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        let (pos, whence) = common::seek_args(a, false)?;
        let st = open_state(op)?;
        if whence == 0 && pos < 0 {
            return Err(value_error(format!("negative seek value {pos}")));
        }
        let base = match whence {
            0 => 0,
            1 => st.pos as i64,
            _ => st.buf.len() as i64,
        };
        st.pos = (base + pos).max(0) as usize;
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
        check_exports(st)?;
        let size = match a.first() {
            None => st.pos,
            Some(&o) if o == crate::abstract_::none() => st.pos,
            Some(&o) => {
                if !crate::abstract_::item::is_index(o) {
                    return Err(type_error(format!("argument should be integer or None, not '{}'", tp_name(o))));
                }
                let n = crate::abstract_::item::as_ssize(o, Some(&raw mut crate::errors::exception_types::_PyExc_OverflowError))? as i64;
                if n < 0 {
                    return Err(value_error(format!("negative size value {n}")));
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
    ret(open_state(op).and_then(|st| bytes::from_slice(&st.buf)))
}

/// `__getstate__()`: `(getvalue(), tell(), __dict__ copy or None)`.
unsafe extern "C" fn getstate(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let st = open_state(op)?;
        let value = bytes::from_slice(&st.buf)?;
        let pos = int::from_i64(st.pos as i64)?;
        crate::objects::tuple::from_vec(vec![value, pos, common::dict_state(op)?])
    })())
}

/// `__setstate__((value, pos, dict))`.
unsafe extern "C" fn setstate(op: *mut PyObject, state_arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        check_exports(open_state(op)?)?;
        let items = common::state_items(state_arg, "_io.BytesIO", 3)?;
        let data = bytes::bytes_like(items[0])?;
        let st = state(op);
        st.buf = data;
        st.pos = 0;
        if !int::is_int(items[1]) {
            return Err(type_error(format!("second item of state must be an integer, not {}", tp_name(items[1]))));
        }
        let pos = crate::errors::objtext::index_value(items[1])?;
        if pos < 0 {
            return Err(value_error("position value cannot be negative"));
        }
        st.pos = pos as usize;
        common::restore_dict(op, items[2], "third")?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state(op);
    if let Err(e) = check_exports(st) {
        return ret(Err(e));
    }
    st.closed = true;
    st.buf = Vec::new();
    ret(Ok(none_ref()))
}

unsafe extern "C" fn true_if_open(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(open_state(op).map(|_| common::py_bool(true)))
}

unsafe extern "C" fn false_if_open(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(open_state(op).map(|_| common::py_bool(false)))
}

unsafe extern "C" fn flush(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(open_state(op).map(|_| none_ref()))
}

unsafe extern "C" fn fileno(_op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(Err(common::unsupported("fileno")))
}

unsafe extern "C" fn enter(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(common::enter(op, check_open))
}

unsafe extern "C" fn bytesio_iter(op: *mut PyObject) -> *mut PyObject {
    ret(check_open(op).map(|_| new_ref(op)))
}

unsafe extern "C" fn bytesio_iternext(op: *mut PyObject) -> *mut PyObject {
    match next_line(op) {
        Ok(Some((line, _))) => line.into_ptr(),
        _ => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn get_closed(op: *mut PyObject, _: *mut core::ffi::c_void) -> *mut PyObject {
    common::py_bool(state(op).closed).into_ptr()
}

static mut BYTESIO_GETSET: [crate::object::descr::PyGetSetDef; 2] = [
    crate::object::descr::PyGetSetDef {
        name: c"closed".as_ptr(),
        get: Some(get_closed),
        set: None,
        doc: c"True if the file is closed.".as_ptr(),
        closure: core::ptr::null_mut(),
    },
    crate::object::descr::PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut BYTESIO_METHODS: [PyMethodDef; 25] = [
    plain(c"getbuffer", getbuffer, METH_NOARGS),
    fast(c"read", read, METH_FASTCALL),
    fast(c"read1", read, METH_FASTCALL),
    fast(c"readline", readline, METH_FASTCALL),
    fast(c"readlines", readlines, METH_FASTCALL),
    plain(c"readinto", readinto, METH_O),
    plain(c"readinto1", readinto, METH_O),
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
    plain(c"__enter__", enter, METH_NOARGS),
    plain(c"__exit__", common::exit, METH_VARARGS),
    plain(c"__getstate__", getstate, METH_NOARGS),
    plain(c"__setstate__", setstate, METH_O),
    END,
];

/// `getbuffer()`: a writable memoryview of the buffer itself, through a
/// `_io._BytesIOBuffer` (a BytesIO is not itself a buffer, as in CPython).
unsafe extern "C" fn getbuffer(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    if let Err(e) = check_open(op) {
        return ret(Err(e));
    }
    ret((|| {
        let exporter = crate::modules::io::bytesio_buffer::new(op)?;
        crate::modules::owned(crate::objects::memoryview::PyMemoryView_FromObject(exporter.as_ptr()))
    })())
}

/// Fills `view` with the buffer of the BytesIO `op`, owned by `exporter`, and counts the
/// export (the buffer may not move until it is released: `release_view`).
pub(crate) unsafe fn export_view(op: *mut PyObject, exporter: *mut PyObject, view: *mut crate::object::buffer::Py_buffer, flags: core::ffi::c_int) -> core::ffi::c_int {
    let st = state(op);
    let r = crate::objects::bytes_buffer::PyBuffer_FillInfo(view, exporter, st.buf.as_mut_ptr() as *mut core::ffi::c_void, st.buf.len() as isize, 0, flags);
    if r == 0 {
        st.exports += 1;
    }
    r
}

/// Ends one export counted by `export_view`.
pub(crate) unsafe fn release_view(op: *mut PyObject) {
    let st = state(op);
    st.exports = st.exports.saturating_sub(1);
}
