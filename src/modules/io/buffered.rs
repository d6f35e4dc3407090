//! `_io.BufferedReader`, `_io.BufferedWriter`, `_io.BufferedRandom`: a buffer over any raw
//! stream (its methods are called; when the raw stream is exactly a `FileIO` its descriptor
//! is used directly). One object layout serves the three classes; the method tables differ.
//!
//! Model: the read buffer holds `buf[rpos..rend]`, bytes read from the raw stream but not
//! yet consumed; the write buffer `wbuf` holds bytes written but not yet passed to the raw
//! stream. At most one of them is non-empty (BufferedRandom flushes writes before reading
//! and rewinds the raw stream over unread data before writing), so the logical position is
//! `raw_pos - unread + pending`. `raw_pos` caches the raw position (-1: unknown).
//!
//! Thread safety: raw calls may release the GIL (FileIO's system calls do), so each object
//! has a lock (the owning thread's id, taken under the GIL; other threads wait with the
//! GIL released). A re-entrant call from the owning thread (a signal handler writing to the
//! same stream) raises RuntimeError, as CPython does.
use core::ffi::{c_char, c_int, c_void};

use crate::abstract_::{new_ref, none, tp_name};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{self, call_method, value_error};
use crate::modules::io::iobase::{self, IOBaseObject, ReadView, WritableView};
use crate::modules::io::fileio;
use crate::modules::{args_slice, none_ref, ret};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_BOOL, T_OBJECT};
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{bytes, int, str as pystr};

#[repr(C)]
pub(crate) struct Buffered {
    head: IOBaseObject,
    /// The raw stream (NULL before `__init__` and after `detach`).
    raw: *mut PyObject,
    state: *mut State,
    /// Set by the finalizer: `close` then has the raw stream warn about the unclosed file.
    finalizing: c_char,
}

#[derive(Default)]
struct State {
    ok: bool,
    detached: bool,
    readable: bool,
    writable: bool,
    /// The raw stream is exactly a FileIO.
    fast_raw: bool,
    /// `close` ran: the buffers are gone.
    released: bool,
    buffer_size: usize,
    buf: Vec<u8>,
    rpos: usize,
    rend: usize,
    wbuf: Vec<u8>,
    raw_pos: i64,
    /// The thread holding the lock (0: free).
    owner: u64,
}

impl State {
    fn unread(&self) -> usize {
        self.rend - self.rpos
    }
}

unsafe fn this<'a>(op: *mut PyObject) -> &'a mut Buffered {
    &mut *(op as *mut Buffered)
}

unsafe fn st<'a>(op: *mut PyObject) -> &'a mut State {
    &mut *this(op).state
}

unsafe fn raw(op: *mut PyObject) -> *mut PyObject {
    this(op).raw
}

/// ValueError unless initialized and attached.
unsafe fn check_initialized(op: *mut PyObject) -> PyResult<()> {
    let s = st(op);
    if !s.ok || this(op).raw.is_null() {
        return Err(value_error(if s.detached { "raw stream has been detached" } else { "I/O operation on uninitialized object" }));
    }
    Ok(())
}

/// `buffer.closed` without an attribute lookup when `buffer` is exactly a buffered class
/// over exactly a FileIO (the text layer asks before every write), else None.
pub(crate) unsafe fn fast_closed(buffer: *mut PyObject) -> Option<bool> {
    let tp = (*buffer).ob_type;
    let exact = tp == &raw mut BufferedWriter_Type || tp == &raw mut BufferedReader_Type || tp == &raw mut BufferedRandom_Type;
    if !exact || this(buffer).state.is_null() || this(buffer).raw.is_null() {
        return None;
    }
    let s = st(buffer);
    (s.ok && s.fast_raw).then(|| fileio::is_closed(raw(buffer)))
}

/// Whether the raw stream is closed (or `close` already ran).
unsafe fn is_closed(op: *mut PyObject) -> PyResult<bool> {
    let s = st(op);
    if s.released {
        return Ok(true);
    }
    if s.fast_raw {
        return Ok(fileio::is_closed(raw(op)));
    }
    iobase::is_closed(raw(op))
}

/// ValueError `message` when closed with nothing left in the read buffer.
unsafe fn check_closed(op: *mut PyObject, message: &str) -> PyResult<()> {
    check_initialized(op)?;
    if is_closed(op)? && st(op).unread() == 0 {
        return Err(value_error(message));
    }
    Ok(())
}

/// The object's lock, released on drop.
struct Locked(*mut PyObject);

impl Drop for Locked {
    fn drop(&mut self) {
        // SAFETY: the object outlives the guard (the caller holds a reference).
        unsafe { st(self.0).owner = 0 };
    }
}

unsafe fn lock(op: *mut PyObject) -> PyResult<Locked> {
    let me = crate::runtime::thread::PyThread_get_thread_ident() as u64 | 1 << 63;
    loop {
        let s = st(op);
        if s.owner == 0 {
            s.owner = me;
            return Ok(Locked(op));
        }
        if s.owner == me {
            let r = crate::errors::objtext::repr_string(op).unwrap_or_default();
            return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, format!("reentrant call inside {r}")));
        }
        crate::modules::posix::args::without_gil(|| std::thread::sleep(std::time::Duration::from_micros(50)));
    }
}

// ---- the raw stream ----

/// An integer result of a raw method as i64.
unsafe fn int_result(r: &PyRef) -> PyResult<i64> {
    crate::errors::objtext::index_value(r.as_ptr())
}

/// `raw.readinto(buf)` (retried on EINTR): the count, or None when it would block.
unsafe fn raw_read(op: *mut PyObject, buf: &mut [u8]) -> PyResult<Option<usize>> {
    let n = if st(op).fast_raw {
        fileio::read_into(raw(op), buf)?
    } else {
        call_raw_over_view(op, "readinto", buf.as_mut_ptr(), buf.len(), crate::object::buffer::PyBUF_WRITE)?
    };
    Ok(advance_raw_pos(op, n))
}

/// `raw.write(data)` (retried on EINTR): the count, or None when it would block.
unsafe fn raw_write(op: *mut PyObject, data: &[u8]) -> PyResult<Option<usize>> {
    let n = if st(op).fast_raw {
        fileio::write_from(raw(op), data)?
    } else {
        call_raw_over_view(op, "write", data.as_ptr() as *mut u8, data.len(), crate::object::buffer::PyBUF_READ)?
    };
    Ok(advance_raw_pos(op, n))
}

/// `raw.METHOD(memoryview of the len bytes at ptr)`, retried on EINTR: the count it returns
/// (checked to be within 0..=len), or None when the raw stream would block.
unsafe fn call_raw_over_view(op: *mut PyObject, method: &str, ptr: *mut u8, len: usize, flags: c_int) -> PyResult<Option<usize>> {
    let view = crate::modules::owned(crate::objects::memoryview::PyMemoryView_FromMemory(ptr as *mut c_char, len as isize, flags))?;
    let r = loop {
        match call_method(raw(op), method, &[view.as_ptr()]) {
            Err(_) if iobase::trap_eintr() => continue,
            r => break r,
        }
    };
    // The view must not outlive this call: the buffer may move.
    release_view(&view);
    let r = r?;
    if r.as_ptr() == none() {
        return Ok(None);
    }
    let n = int_result(&r)?;
    if n < 0 || n as usize > len {
        return Err(raise_type(&raw mut exc::_PyExc_OSError, format!("raw {method}() returned invalid length {n} (should have been between 0 and {len})")));
    }
    Ok(Some(n as usize))
}

/// Moves the known raw position past `n` bytes just read or written (when it is known).
unsafe fn advance_raw_pos(op: *mut PyObject, n: Option<usize>) -> Option<usize> {
    let s = st(op);
    if let Some(n) = n {
        if s.raw_pos >= 0 {
            s.raw_pos += n as i64;
        }
    }
    n
}

unsafe fn release_view(view: &PyRef) {
    // A pending error (from the raw call) is kept across the call.
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    if call_method(view.as_ptr(), "release", &[]).is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

unsafe fn checked_position(r: PyRef) -> PyResult<i64> {
    let n = int_result(&r)?;
    if n < 0 {
        return Err(raise_type(&raw mut exc::_PyExc_OSError, format!("Raw stream returned invalid position {n}")));
    }
    Ok(n)
}

unsafe fn raw_tell(op: *mut PyObject) -> PyResult<i64> {
    let n = checked_position(call_method(raw(op), "tell", &[])?)?;
    st(op).raw_pos = n;
    Ok(n)
}

unsafe fn raw_seek(op: *mut PyObject, target: i64, whence: i64) -> PyResult<i64> {
    st(op).raw_pos = -1;
    let n = checked_position(call_method(raw(op), "seek", &[int::from_i64(target)?.as_ptr(), int::from_i64(whence)?.as_ptr()])?)?;
    st(op).raw_pos = n;
    Ok(n)
}

/// BlockingIOError(EAGAIN, "write could not complete without blocking", written).
unsafe fn blocking_error(written: usize) -> Raised {
    let args = [int::from_i64(libc::EAGAIN as i64), pystr::from_utf8("write could not complete without blocking"), int::from_i64(written as i64)];
    let r = (|| -> PyResult<()> {
        let a: Vec<PyRef> = args.into_iter().collect::<PyResult<_>>()?;
        let t = crate::objects::tuple::from_vec(a)?;
        let cls = &raw mut exc::_PyExc_BlockingIOError as *mut PyObject;
        let e = crate::modules::owned(crate::abstract_::call::PyObject_Call(cls, t.as_ptr(), core::ptr::null_mut()))?;
        crate::errors::pyerr::PyErr_SetObject(cls, e.as_ptr());
        Ok(())
    })();
    let _ = r;
    Raised::assume_set()
}

// ---- buffer operations (lock held) ----

/// Writes the whole write buffer; false when the raw stream would block (what was
/// written is dropped from the buffer).
unsafe fn flush_writes(op: *mut PyObject) -> PyResult<bool> {
    let s = st(op);
    let mut done = 0;
    while done < s.wbuf.len() {
        let pending = core::mem::take(&mut s.wbuf);
        let r = raw_write(op, &pending[done..]);
        s.wbuf = pending;
        match r {
            Ok(Some(n)) => done += n,
            Ok(None) => {
                s.wbuf.drain(..done);
                return Ok(false);
            }
            Err(e) => {
                s.wbuf.drain(..done);
                return Err(e);
            }
        }
    }
    s.wbuf.clear();
    Ok(true)
}

/// `flush_writes`, raising BlockingIOError when the raw stream would block.
unsafe fn flush_writes_or_raise(op: *mut PyObject) -> PyResult<()> {
    if !flush_writes(op)? {
        return Err(blocking_error(0));
    }
    Ok(())
}

/// Drops unread data, moving the raw stream back to the logical position.
unsafe fn rewind_reads(op: *mut PyObject) -> PyResult<()> {
    let s = st(op);
    let unread = s.unread();
    s.rpos = 0;
    s.rend = 0;
    if unread > 0 {
        raw_seek(op, -(unread as i64), 1)?;
    }
    Ok(())
}

/// Before reading: pending writes go out first.
unsafe fn prepare_read(op: *mut PyObject) -> PyResult<()> {
    if !st(op).wbuf.is_empty() {
        flush_writes_or_raise(op)?;
    }
    Ok(())
}

/// One raw read into the free end of the read buffer: the count (0 at EOF), None when
/// it would block.
unsafe fn fill(op: *mut PyObject) -> PyResult<Option<usize>> {
    let s = st(op);
    if s.rpos == s.rend {
        s.rpos = 0;
        s.rend = 0;
    } else if s.rend == s.buf.len() {
        s.buf.copy_within(s.rpos..s.rend, 0);
        s.rend -= s.rpos;
        s.rpos = 0;
    }
    let mut buf = core::mem::take(&mut s.buf);
    let r = raw_read(op, &mut buf[s.rend..]);
    s.buf = buf;
    if let Ok(Some(n)) = r {
        s.rend += n;
    }
    r
}

/// Takes up to `n` unread bytes.
unsafe fn take(op: *mut PyObject, n: usize) -> &'static [u8] {
    let s = st(op);
    let k = n.min(s.unread());
    let start = s.rpos;
    s.rpos += k;
    core::slice::from_raw_parts(s.buf.as_ptr().add(start), k)
}

/// `read(n)` for n >= 0: until n bytes, EOF, or (with nothing read) a would-block.
unsafe fn read_exact(op: *mut PyObject, n: usize) -> PyResult<Option<Vec<u8>>> {
    let mut out = Vec::with_capacity(n);
    out.extend_from_slice(take(op, n));
    if out.len() == n {
        return Ok(Some(out));
    }
    prepare_read(op)?;
    let bs = st(op).buffer_size;
    while out.len() < n {
        let remaining = n - out.len();
        let got = if remaining > bs {
            // Big reads go straight into the result, a whole number of buffers at a time.
            let want = remaining - remaining % bs;
            let at = out.len();
            out.resize(at + want, 0);
            let r = raw_read(op, &mut out[at..]);
            out.truncate(at + *r.as_ref().ok().and_then(|x| x.as_ref()).unwrap_or(&0));
            r?
        } else {
            let r = fill(op)?;
            if r.is_some_and(|k| k > 0) {
                out.extend_from_slice(take(op, remaining));
            }
            r
        };
        match got {
            Some(0) => break,
            None if out.is_empty() => return Ok(None),
            None => break,
            Some(_) => {}
        }
    }
    Ok(Some(out))
}

/// `read()`/`read(-1)`: the buffer, then the raw stream's `readall` (or `read()` calls).
unsafe fn read_all(op: *mut PyObject) -> PyResult<PyRef> {
    prepare_read(op)?;
    let mut data = take(op, usize::MAX).to_vec();
    let s = st(op);
    s.rpos = 0;
    s.rend = 0;
    if s.fast_raw {
        let rest = fileio::read_all(raw(op))?;
        s.raw_pos = -1;
        return match rest {
            None if data.is_empty() => Ok(none_ref()),
            None => bytes::from_slice(&data),
            Some(r) => {
                data.extend_from_slice(&r);
                bytes::from_slice(&data)
            }
        };
    }
    s.raw_pos = -1;
    let readall = crate::object::object_attr::lookup_attr(raw(op), pystr::intern("readall")?.as_ptr())?;
    if let Some(f) = readall {
        let r = crate::modules::owned(crate::abstract_::call::PyObject_CallNoArgs(f.as_ptr()))?;
        if r.as_ptr() == none() {
            return if data.is_empty() { Ok(r) } else { bytes::from_slice(&data) };
        }
        if !bytes::is_bytes(r.as_ptr()) {
            return Err(crate::abstract_::type_error("readall() should return bytes"));
        }
        data.extend_from_slice(bytes::as_slice(r.as_ptr()));
        return bytes::from_slice(&data);
    }
    loop {
        let r = call_method(raw(op), "read", &[])?;
        if r.as_ptr() == none() {
            return if data.is_empty() { Ok(r) } else { bytes::from_slice(&data) };
        }
        if !bytes::is_bytes(r.as_ptr()) {
            return Err(crate::abstract_::type_error("read() should return bytes"));
        }
        let chunk = bytes::as_slice(r.as_ptr());
        if chunk.is_empty() {
            return bytes::from_slice(&data);
        }
        data.extend_from_slice(chunk);
    }
}

/// The next line (through `\n`), at most `limit` bytes.
unsafe fn read_line(op: *mut PyObject, limit: Option<usize>) -> PyResult<PyRef> {
    let limit = limit.unwrap_or(usize::MAX);
    {
        let s = st(op);
        let window = &s.buf[s.rpos..s.rend][..s.unread().min(limit)];
        if let Some(i) = window.iter().position(|&b| b == b'\n') {
            return bytes::from_slice(take(op, i + 1));
        }
        if window.len() == limit {
            return bytes::from_slice(take(op, limit));
        }
    }
    prepare_read(op)?;
    let mut out: Vec<u8> = Vec::new();
    loop {
        let s = st(op);
        let room = limit - out.len();
        let window = &s.buf[s.rpos..s.rend][..s.unread().min(room)];
        if let Some(i) = window.iter().position(|&b| b == b'\n') {
            out.extend_from_slice(take(op, i + 1));
            break;
        }
        let n = window.len();
        out.extend_from_slice(take(op, n));
        if out.len() >= limit {
            break;
        }
        match fill(op)? {
            Some(k) if k > 0 => {}
            _ => break,
        }
    }
    bytes::from_slice(&out)
}

/// `readinto`/`readinto1` into `dst`: None when nothing could be read without blocking.
unsafe fn read_into(op: *mut PyObject, dst: &mut [u8], once: bool) -> PyResult<Option<usize>> {
    let first = take(op, dst.len());
    dst[..first.len()].copy_from_slice(first);
    let mut written = first.len();
    if written == dst.len() {
        return Ok(Some(written));
    }
    prepare_read(op)?;
    let bs = st(op).buffer_size;
    while written < dst.len() {
        let remaining = dst.len() - written;
        let got = if remaining > bs {
            // Big requests go straight into the caller's buffer.
            raw_read(op, &mut dst[written..])?
        } else if !(once && written > 0) {
            let r = fill(op)?;
            if r.is_some_and(|k| k > 0) {
                let part = take(op, remaining);
                dst[written..written + part.len()].copy_from_slice(part);
                written += part.len();
                continue;
            }
            r
        } else {
            Some(0)
        };
        match got {
            Some(0) => break,
            None if written > 0 => break,
            None => return Ok(None),
            Some(k) => {
                written += k;
                if once {
                    break;
                }
            }
        }
    }
    Ok(Some(written))
}

/// `write(data)`: buffered while it fits; otherwise the buffer and then the data go to the
/// raw stream, keeping the tail (at most one buffer) buffered.
unsafe fn write_data(op: *mut PyObject, data: &[u8]) -> PyResult<usize> {
    let s = st(op);
    if s.unread() > 0 {
        rewind_reads(op)?;
    }
    let bs = s.buffer_size;
    if s.wbuf.len() + data.len() <= bs {
        s.wbuf.extend_from_slice(data);
        return Ok(data.len());
    }
    if !flush_writes(op)? {
        // The raw stream is full: buffer what fits.
        let room = bs.saturating_sub(s.wbuf.len());
        if data.len() <= room {
            s.wbuf.extend_from_slice(data);
            return Ok(data.len());
        }
        s.wbuf.extend_from_slice(&data[..room]);
        return Err(blocking_error(room));
    }
    let mut written = 0;
    while data.len() - written > bs {
        match raw_write(op, &data[written..])? {
            Some(n) => written += n,
            None => {
                let rest = data.len() - written;
                let k = rest.min(bs);
                s.wbuf.extend_from_slice(&data[written..written + k]);
                if k == rest {
                    return Ok(data.len());
                }
                return Err(blocking_error(written + k));
            }
        }
    }
    s.wbuf.extend_from_slice(&data[written..]);
    Ok(data.len())
}

/// The logical position.
unsafe fn position(op: *mut PyObject) -> PyResult<i64> {
    let raw_pos = if st(op).raw_pos >= 0 { st(op).raw_pos } else { raw_tell(op)? };
    let s = st(op);
    Ok((raw_pos - s.unread() as i64 + s.wbuf.len() as i64).max(0))
}

// ---- construction ----

unsafe extern "C" fn buffered_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = alloc(tp, 0);
    if !op.is_null() {
        this(op).state = Box::into_raw(Box::new(State { raw_pos: -1, ..State::default() }));
    }
    op
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Reader,
    Writer,
    Random,
}

unsafe fn init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject, kind: Kind, name: &'static str) -> c_int {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    static READER: Params = Params { function: "BufferedReader", names: &["raw", "buffer_size"], positional_only: 0, max_positional: 2, required: 1 };
    static WRITER: Params = Params { function: "BufferedWriter", names: &["raw", "buffer_size"], positional_only: 0, max_positional: 2, required: 1 };
    static RANDOM: Params = Params { function: "BufferedRandom", names: &["raw", "buffer_size"], positional_only: 0, max_positional: 2, required: 1 };
    let _ = name;
    let params = match kind {
        Kind::Reader => &READER,
        Kind::Writer => &WRITER,
        Kind::Random => &RANDOM,
    };
    let r = (|| -> PyResult<()> {
        let [rawobj, size] = bind_tuple_dict_array::<2>(params, args, kw)?;
        let buffer_size = if size.is_null() { crate::modules::io::DEFAULT_BUFFER_SIZE } else { crate::errors::objtext::index_value(size)? };
        let s = st(op);
        s.ok = false;
        s.detached = false;
        if kind == Kind::Random {
            iobase::check_seekable(rawobj)?;
        }
        if kind != Kind::Writer {
            iobase::check_readable(rawobj)?;
        }
        if kind != Kind::Reader {
            iobase::check_writable(rawobj)?;
        }
        let old = core::mem::replace(&mut this(op).raw, new_ref(rawobj).into_ptr());
        drop(PyRef::from_owned(old));
        if buffer_size <= 0 {
            return Err(value_error("buffer size must be strictly positive"));
        }
        let bs = buffer_size as usize;
        *s = State {
            readable: kind != Kind::Writer,
            writable: kind != Kind::Reader,
            fast_raw: fileio::is_exact(rawobj),
            buffer_size: bs,
            buf: if kind != Kind::Writer { vec![0u8; bs] } else { Vec::new() },
            wbuf: if kind != Kind::Reader { Vec::with_capacity(bs) } else { Vec::new() },
            raw_pos: -1,
            ..State::default()
        };
        if raw_tell(op).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
        s.ok = true;
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn reader_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    init(op, args, kw, Kind::Reader, "BufferedReader")
}

unsafe extern "C" fn writer_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    init(op, args, kw, Kind::Writer, "BufferedWriter")
}

unsafe extern "C" fn random_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    init(op, args, kw, Kind::Random, "BufferedRandom")
}

unsafe extern "C" fn buffered_dealloc(op: *mut PyObject) {
    this(op).finalizing = 1;
    if iobase::finalize_from_dealloc(op) {
        return;
    }
    iobase::header_dealloc(op);
    let b = this(op);
    drop(PyRef::from_owned(core::mem::replace(&mut b.raw, core::ptr::null_mut())));
    if !b.state.is_null() {
        drop(Box::from_raw(b.state));
    }
    common::free_instance(op);
}

unsafe extern "C" fn buffered_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let r = iobase::header_traverse(op, visit, arg);
    if r != 0 {
        return r;
    }
    match visit {
        Some(v) if !this(op).raw.is_null() => v(this(op).raw, arg),
        _ => 0,
    }
}

unsafe extern "C" fn buffered_clear(op: *mut PyObject) -> c_int {
    st(op).ok = false;
    drop(PyRef::from_owned(core::mem::replace(&mut this(op).raw, core::ptr::null_mut())));
    iobase::header_clear(op)
}

// ---- methods ----

fn one_arg<'a>(name: &core::ffi::CStr, a: &'a [*mut PyObject]) -> PyResult<Option<*mut PyObject>> {
    // SAFETY: a static C string.
    if !unsafe { crate::abstract_::getargs::check_positional(name.as_ptr(), a.len() as isize, 0, 1) } {
        return Err(Raised::assume_set());
    }
    Ok(a.first().copied())
}

/// The optional `size` of read/read1/peek/readline: None (absent, None, -1 or negative).
unsafe fn size_or_none(a: Option<*mut PyObject>) -> PyResult<Option<i64>> {
    match a {
        None => Ok(None),
        Some(o) if o == none() => Ok(None),
        Some(o) => {
            if !crate::abstract_::item::is_index(o) {
                return Err(crate::abstract_::type_error(format!("argument should be integer or None, not '{}'", tp_name(o))));
            }
            Ok(Some(crate::abstract_::item::as_ssize(o, Some(&raw mut crate::errors::exception_types::_PyExc_OverflowError))? as i64))
        }
    }
}

unsafe extern "C" fn read(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let n = size_or_none(one_arg(c"read", args_slice(args, nargs))?)?.unwrap_or(-1);
        check_initialized(op)?;
        if n < -1 {
            return Err(value_error("read length must be non-negative or -1"));
        }
        check_closed(op, "read of closed file")?;
        let _g = lock(op)?;
        if n == -1 {
            return read_all(op);
        }
        match read_exact(op, n as usize)? {
            Some(v) => bytes::from_slice(&v),
            None => Ok(none_ref()),
        }
    })())
}

unsafe extern "C" fn read1(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let n = size_or_none(one_arg(c"read1", args_slice(args, nargs))?)?.unwrap_or(-1);
        check_initialized(op)?;
        let n = if n < 0 { st(op).buffer_size } else { n as usize };
        check_closed(op, "read of closed file")?;
        if n == 0 {
            return bytes::from_slice(&[]);
        }
        let _g = lock(op)?;
        if st(op).unread() > 0 {
            return bytes::from_slice(take(op, n));
        }
        prepare_read(op)?;
        let s = st(op);
        s.rpos = 0;
        s.rend = 0;
        let mut out = vec![0u8; n];
        let k = raw_read(op, &mut out)?.unwrap_or(0);
        bytes::from_slice(&out[..k])
    })())
}

unsafe extern "C" fn peek(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        one_arg(c"peek", args_slice(args, nargs))?;
        check_closed(op, "peek of closed file")?;
        let _g = lock(op)?;
        prepare_read(op)?;
        if st(op).unread() == 0 {
            fill(op)?;
        }
        let s = st(op);
        bytes::from_slice(&s.buf[s.rpos..s.rend])
    })())
}

unsafe fn readinto_common(op: *mut PyObject, target: *mut PyObject, name: &str, once: bool) -> PyResult<PyRef> {
    let mut view = WritableView::new(target, name)?;
    check_closed(op, "readinto of closed file")?;
    let _g = lock(op)?;
    match read_into(op, view.as_mut_slice(), once)? {
        Some(n) => int::from_i64(n as i64),
        None => Ok(none_ref()),
    }
}

unsafe extern "C" fn readinto(op: *mut PyObject, target: *mut PyObject) -> *mut PyObject {
    ret(readinto_common(op, target, "readinto", false))
}

unsafe extern "C" fn readinto1(op: *mut PyObject, target: *mut PyObject) -> *mut PyObject {
    ret(readinto_common(op, target, "readinto1", true))
}

unsafe fn readline_impl(op: *mut PyObject, limit: Option<i64>) -> PyResult<PyRef> {
    check_closed(op, "readline of closed file")?;
    let _g = lock(op)?;
    read_line(op, limit.filter(|&l| l >= 0).map(|l| l as usize))
}

unsafe extern "C" fn readline(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let limit = size_or_none(one_arg(c"readline", args_slice(args, nargs))?)?;
        check_initialized(op)?;
        readline_impl(op, limit)
    })())
}

/// `__next__`: the next line (through `self.readline()` for subclasses).
unsafe extern "C" fn buffered_iternext(op: *mut PyObject) -> *mut PyObject {
    let tp = (*op).ob_type;
    let line = if tp == &raw mut BufferedReader_Type || tp == &raw mut BufferedRandom_Type {
        check_initialized(op).and_then(|_| readline_impl(op, None))
    } else {
        call_method(op, "readline", &[])
    };
    match line {
        Ok(l) => match crate::abstract_::object::size(l.as_ptr()) {
            Ok(0) | Err(_) => core::ptr::null_mut(),
            Ok(_) => l.into_ptr(),
        },
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn write(op: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let view = ReadView::new(data)?;
        check_initialized(op)?;
        if is_closed(op)? {
            return Err(value_error("write to closed file"));
        }
        let _g = lock(op)?;
        int::from_i64(write_data(op, view.as_slice())? as i64)
    })())
}

/// Writer/Random `flush()`: the write buffer to the raw stream; Random also drops unread
/// data (rewinding the raw stream).
unsafe extern "C" fn flush(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        check_initialized(op)?;
        if is_closed(op)? {
            return Err(value_error("flush of closed file"));
        }
        let _g = lock(op)?;
        flush_writes_or_raise(op)?;
        if st(op).readable {
            rewind_reads(op)?;
        }
        Ok(none_ref())
    })())
}

/// Reader `flush()`: the raw stream's.
unsafe extern "C" fn simple_flush(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(check_initialized(op).and_then(|_| call_method(raw(op), "flush", &[])))
}

unsafe extern "C" fn tell(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        check_initialized(op)?;
        int::from_i64(position(op)?)
    })())
}

unsafe extern "C" fn seek(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"seek".as_ptr(), a.len() as isize, 1, 2) {
            return Err(Raised::assume_set());
        }
        check_initialized(op)?;
        let whence = match a.get(1) {
            Some(&w) => crate::modules::posix::args::c_int_arg(w)? as i64,
            None => 0,
        };
        if !(0..=4).contains(&whence) {
            return Err(value_error(format!("whence value {whence} unsupported")));
        }
        check_closed(op, "seek of closed file")?;
        iobase::check_seekable(raw(op))?;
        let target = crate::errors::objtext::index_value(a[0])?;
        let _g = lock(op)?;
        let s = st(op);
        if (whence == 0 || whence == 1) && s.wbuf.is_empty() && s.unread() > 0 && s.raw_pos >= 0 {
            // Within the read buffer: no raw call.
            let logical = s.raw_pos - s.unread() as i64;
            let offset = if whence == 0 { target - logical } else { target };
            if offset >= -(s.rpos as i64) && offset <= s.unread() as i64 {
                s.rpos = (s.rpos as i64 + offset) as usize;
                return int::from_i64(logical + offset);
            }
        }
        flush_writes_or_raise(op)?;
        let target = if whence == 1 { target - s.unread() as i64 } else { target };
        s.rpos = 0;
        s.rend = 0;
        int::from_i64(raw_seek(op, target, whence)?)
    })())
}

unsafe extern "C" fn truncate(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let pos = one_arg(c"truncate", args_slice(args, nargs))?.unwrap_or(none());
        check_initialized(op)?;
        if is_closed(op)? {
            return Err(value_error("truncate of closed file"));
        }
        if !st(op).writable {
            return Err(common::unsupported("truncate"));
        }
        let _g = lock(op)?;
        flush_writes_or_raise(op)?;
        rewind_reads(op)?;
        let r = call_method(raw(op), "truncate", &[pos])?;
        if raw_tell(op).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
        Ok(r)
    })())
}

/// `close()`: flush, then close the raw stream (a flush error is raised after, with the
/// close error chained to it when both fail).
unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        check_initialized(op)?;
        {
            let _g = lock(op)?;
            if is_closed(op)? {
                return Ok(none_ref());
            }
            if this(op).finalizing != 0 {
                dealloc_warn_raw(op, op);
            }
        }
        // `flush` takes the lock itself.
        let flushed = call_method(op, "flush", &[]);
        let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
        if flushed.is_err() {
            crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
        }
        let _g = lock(op)?;
        let closed = call_method(raw(op), "close", &[]);
        let s = st(op);
        s.released = true;
        s.buf = Vec::new();
        s.rpos = 0;
        s.rend = 0;
        s.wbuf = Vec::new();
        if !t.is_null() {
            crate::errors::chain::_PyErr_ChainExceptions(t, v, tb);
            return Err(Raised::assume_set());
        }
        closed
    })())
}

/// Has the raw stream warn about the unclosed file `source` (errors dropped).
unsafe fn dealloc_warn_raw(op: *mut PyObject, source: *mut PyObject) {
    if !st(op).ok || raw(op).is_null() {
        return;
    }
    let r = (|| -> PyResult<()> {
        if let Some(f) = crate::object::object_attr::lookup_attr(raw(op), pystr::intern("_dealloc_warn")?.as_ptr())? {
            crate::modules::owned(crate::abstract_::call::PyObject_CallOneArg(f.as_ptr(), source))?;
        }
        Ok(())
    })();
    if r.is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
}

unsafe extern "C" fn dealloc_warn(op: *mut PyObject, source: *mut PyObject) -> *mut PyObject {
    dealloc_warn_raw(op, source);
    none_ref().into_ptr()
}

unsafe extern "C" fn detach(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        check_initialized(op)?;
        call_method(op, "flush", &[])?;
        let r = core::mem::replace(&mut this(op).raw, core::ptr::null_mut());
        let s = st(op);
        s.detached = true;
        s.ok = false;
        PyRef::from_owned(r).ok_or_else(Raised::assume_set)
    })())
}

macro_rules! delegate {
    ($fn:ident, $method:literal) => {
        unsafe extern "C" fn $fn(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
            ret(check_initialized(op).and_then(|_| call_method(raw(op), $method, &[])))
        }
    };
}

delegate!(fileno, "fileno");
delegate!(isatty, "isatty");
delegate!(readable, "readable");
delegate!(writable, "writable");
delegate!(seekable, "seekable");

macro_rules! delegate_attr {
    ($fn:ident, $attr:literal) => {
        unsafe extern "C" fn $fn(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
            ret((|| {
                check_initialized(op)?;
                crate::object::object_attr::get_attr(raw(op), pystr::intern($attr)?.as_ptr())
            })())
        }
    };
}

delegate_attr!(get_closed, "closed");
delegate_attr!(get_name, "name");
delegate_attr!(get_mode, "mode");

unsafe extern "C" fn buffered_repr(op: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let tname = core::ffi::CStr::from_ptr((*(*op).ob_type).tp_name).to_string_lossy().into_owned();
        let name = pystr::intern("name")?;
        let found = match crate::object::object_attr::lookup_attr(op, name.as_ptr()) {
            Ok(v) => v,
            Err(e) => {
                if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_ValueError as *mut PyObject) == 0 {
                    return Err(e);
                }
                crate::errors::pyerr::PyErr_Clear();
                None
            }
        };
        let text = match found {
            None => format!("<{tname}>"),
            Some(n) => {
                if crate::abstract_::object::Py_ReprEnter(op) != 0 {
                    return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, format!("reentrant call inside {tname}.__repr__")));
                }
                let r = crate::errors::objtext::repr_string(n.as_ptr());
                crate::abstract_::object::Py_ReprLeave(op);
                format!("<{tname} name={}>", r?)
            }
        };
        pystr::from_utf8(&text)
    })())
}

static mut BUFFERED_GETSET: [PyGetSetDef; 4] = [
    PyGetSetDef { name: c"closed".as_ptr(), get: Some(get_closed), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"name".as_ptr(), get: Some(get_name), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"mode".as_ptr(), get: Some(get_mode), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    iobase::GETSET_END,
];

static mut BUFFERED_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"raw".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(Buffered, raw) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"_finalizing".as_ptr(), r#type: T_BOOL, offset: core::mem::offset_of!(Buffered, finalizing) as isize, flags: 0, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

const COMMON: [PyMethodDef; 10] = [
    plain(c"detach", detach, METH_NOARGS),
    plain(c"close", close, METH_NOARGS),
    plain(c"seekable", seekable, METH_NOARGS),
    plain(c"fileno", fileno, METH_NOARGS),
    plain(c"isatty", isatty, METH_NOARGS),
    plain(c"_dealloc_warn", dealloc_warn, METH_O),
    fast(c"seek", seek, METH_FASTCALL),
    plain(c"tell", tell, METH_NOARGS),
    fast(c"truncate", truncate, METH_FASTCALL),
    END,
];

const READING: [PyMethodDef; 8] = [
    plain(c"readable", readable, METH_NOARGS),
    fast(c"read", read, METH_FASTCALL),
    fast(c"peek", peek, METH_FASTCALL),
    fast(c"read1", read1, METH_FASTCALL),
    plain(c"readinto", readinto, METH_O),
    plain(c"readinto1", readinto1, METH_O),
    fast(c"readline", readline, METH_FASTCALL),
    END,
];

const READER_ONLY: [PyMethodDef; 1] = [plain(c"flush", simple_flush, METH_NOARGS)];
const WRITING: [PyMethodDef; 3] = [plain(c"write", write, METH_O), plain(c"flush", flush, METH_NOARGS), plain(c"writable", writable, METH_NOARGS)];

const fn without_end<const N: usize>(t: &[PyMethodDef; N]) -> &[PyMethodDef] {
    t.split_at(N - 1).0
}

static mut READER_METHODS: [PyMethodDef; 24] =
    crate::object::method_table::concat(&[without_end(&COMMON), without_end(&READING), &READER_ONLY]);
static mut WRITER_METHODS: [PyMethodDef; 24] = crate::object::method_table::concat(&[without_end(&COMMON), &WRITING]);
static mut RANDOM_METHODS: [PyMethodDef; 24] =
    crate::object::method_table::concat(&[without_end(&COMMON), without_end(&READING), &WRITING]);

const fn buffered_type(
    name: &'static core::ffi::CStr,
    methods: *mut PyMethodDef,
    init: unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int,
    iternext: bool,
    doc: &'static core::ffi::CStr,
) -> PyTypeObject {
    PyTypeObject {
        tp_dealloc: Some(buffered_dealloc),
        tp_traverse: Some(buffered_traverse),
        tp_clear: Some(buffered_clear),
        tp_repr: Some(buffered_repr),
        tp_iternext: if iternext { Some(buffered_iternext) } else { None },
        tp_methods: methods,
        tp_members: (&raw mut BUFFERED_MEMBERS) as *mut PyMemberDef,
        tp_getset: (&raw mut BUFFERED_GETSET) as *mut PyGetSetDef,
        tp_init: Some(init),
        tp_new: Some(buffered_new),
        tp_finalize: Some(iobase::iobase_finalize),
        ..iobase::io_type(name, core::mem::size_of::<Buffered>(), &raw mut iobase::BufferedIOBase_Type, doc)
    }
}

/// `_io.BufferedReader`.
pub static mut BufferedReader_Type: PyTypeObject = buffered_type(
    c"_io.BufferedReader",
    (&raw mut READER_METHODS) as *mut PyMethodDef,
    reader_init,
    true,
    c"BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nCreate a new buffered reader using the given readable raw IO object.",
);

/// `_io.BufferedWriter`.
pub static mut BufferedWriter_Type: PyTypeObject = buffered_type(
    c"_io.BufferedWriter",
    (&raw mut WRITER_METHODS) as *mut PyMethodDef,
    writer_init,
    false,
    c"BufferedWriter(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nA buffer for a writeable sequential RawIO object.\n\nThe constructor creates a BufferedWriter for the given writeable raw\nstream. If the buffer_size is not given, it defaults to\nDEFAULT_BUFFER_SIZE.",
);

/// `_io.BufferedRandom`.
pub static mut BufferedRandom_Type: PyTypeObject = buffered_type(
    c"_io.BufferedRandom",
    (&raw mut RANDOM_METHODS) as *mut PyMethodDef,
    random_init,
    true,
    c"BufferedRandom(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nA buffered interface to random access streams.\n\nThe constructor creates a reader and writer for a seekable stream,\nraw, given in the first argument. If the buffer_size is omitted it\ndefaults to DEFAULT_BUFFER_SIZE.",
);
