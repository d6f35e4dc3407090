//! `_io._IOBase`, `_io._RawIOBase`, `_io._BufferedIOBase`, `_io._TextIOBase`: the abstract
//! bases of every stream. Their methods work through the instance's own (possibly
//! Python-level) methods, so `io.py`'s ABCs and user subclasses get CPython's behaviour:
//! `readline` through `peek`/`read`, `RawIOBase.read` through `readinto`,
//! `BufferedIOBase.readinto` through `read`, iteration through `readline`, the finalizer
//! through `closed`/`close`. Every `_io` object starts with `IOBaseObject` (instance dict and
//! weak-reference list), so the dict and weakref offsets are the same in all the classes.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{self, call_method, closed_error, py_bool, size_arg, value_error};
use crate::modules::{args_slice, none_ref, ret};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::{bytes, int, str as pystr};

/// The start of every `_io` object.
#[repr(C)]
pub(crate) struct IOBaseObject {
    pub(crate) ob_base: PyObject,
    /// The instance `__dict__` (NULL until used).
    pub(crate) dict: *mut PyObject,
    pub(crate) weakreflist: *mut PyObject,
}

pub(crate) const DICT_OFFSET: isize = core::mem::offset_of!(IOBaseObject, dict) as isize;
pub(crate) const WEAKLIST_OFFSET: isize = core::mem::offset_of!(IOBaseObject, weakreflist) as isize;
/// The flags every `_io` class has.
pub(crate) const IO_FLAGS: core::ffi::c_ulong = Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE;

/// A static `_io` type deriving from `base`, with the shared header's dict and weakref
/// offsets, GC allocation and `tp_free`; the caller adds its own slots.
pub(crate) const fn io_type(name: &'static core::ffi::CStr, basicsize: usize, base: *mut PyTypeObject, doc: &'static core::ffi::CStr) -> PyTypeObject {
    PyTypeObject {
        tp_base: base,
        tp_dictoffset: DICT_OFFSET,
        tp_weaklistoffset: WEAKLIST_OFFSET,
        tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
        tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
        tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
        tp_free: Some(crate::object::temp_alloc::free_gc_object),
        tp_traverse: Some(header_traverse),
        tp_clear: Some(header_clear),
        ..static_type(name, basicsize, 0, IO_FLAGS, Some(doc))
    }
}

/// `tp_traverse` of a class whose only references are in the header (the dict).
pub(crate) unsafe extern "C" fn header_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = (*(op as *mut IOBaseObject)).dict;
    match visit {
        Some(v) if !d.is_null() => v(d, arg),
        _ => 0,
    }
}

/// `tp_clear`: drops the dict.
pub(crate) unsafe extern "C" fn header_clear(op: *mut PyObject) -> c_int {
    let h = op as *mut IOBaseObject;
    drop(PyRef::from_owned(core::mem::replace(&mut (*h).dict, core::ptr::null_mut())));
    0
}

/// The part of a dealloc every `_io` class shares, after its own finalization: untracks,
/// clears weak references and the dict. The class then frees its own state and calls
/// `common::free_instance`.
pub(crate) unsafe fn header_dealloc(op: *mut PyObject) {
    crate::object::objimpl::PyObject_GC_UnTrack(op as *mut c_void);
    if !(*(op as *mut IOBaseObject)).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    header_clear(op);
}

/// Runs the finalizer (`close()` unless closed) from a dealloc: true when it resurrected
/// the object, which the dealloc must then abandon.
pub(crate) unsafe fn finalize_from_dealloc(op: *mut PyObject) -> bool {
    crate::object::subtype::PyObject_CallFinalizerFromDealloc(op) < 0
}

/// `_IOBase.tp_finalize` (`__del__`): `close()` unless `closed` is true, with the pending
/// exception kept; errors of `close` are dropped (CPython reports them only in dev mode).
pub(crate) unsafe extern "C" fn iobase_finalize(op: *mut PyObject) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let closed = match pystr::intern("closed").and_then(|n| crate::object::object_attr::get_attr(op, n.as_ptr())) {
        Ok(c) => crate::abstract_::object::PyObject_IsTrue(c.as_ptr()),
        Err(_) => -1,
    };
    crate::errors::pyerr::PyErr_Clear();
    if closed == 0 {
        let set = pystr::intern("_finalizing").and_then(|n| crate::object::object_attr::set_attr(op, n.as_ptr(), crate::objects::bool::true_()));
        if set.is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
        if call_method(op, "close", &[]).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

/// Whether `self.closed` is true (any object).
pub(crate) unsafe fn is_closed(op: *mut PyObject) -> PyResult<bool> {
    let n = pystr::intern("closed")?;
    let c = crate::object::object_attr::get_attr(op, n.as_ptr())?;
    crate::abstract_::object::is_true(c.as_ptr())
}

/// ValueError "I/O operation on closed file." when `self.closed` is true.
pub(crate) unsafe fn check_closed(op: *mut PyObject) -> PyResult<()> {
    if is_closed(op)? {
        return Err(closed_error("I/O operation on closed file."));
    }
    Ok(())
}

/// `self.<what>()` must return True, else UnsupportedOperation("File or stream is not ...").
unsafe fn check_capability(op: *mut PyObject, method: &str, adjective: &str) -> PyResult<PyRef> {
    let r = call_method(op, method, &[])?;
    if r.as_ptr() != crate::objects::bool::true_() {
        return Err(common::unsupported(&format!("File or stream is not {adjective}.")));
    }
    Ok(r)
}

pub(crate) unsafe fn check_readable(op: *mut PyObject) -> PyResult<PyRef> {
    check_capability(op, "readable", "readable")
}

pub(crate) unsafe fn check_writable(op: *mut PyObject) -> PyResult<PyRef> {
    check_capability(op, "writable", "writable")
}

pub(crate) unsafe fn check_seekable(op: *mut PyObject) -> PyResult<PyRef> {
    check_capability(op, "seekable", "seekable")
}

/// `_IOBase.closed`: the `__IOBase_closed` attribute `close` sets.
unsafe fn base_closed(op: *mut PyObject) -> PyResult<bool> {
    let n = pystr::intern("__IOBase_closed")?;
    match crate::object::object_attr::lookup_attr(op, n.as_ptr())? {
        Some(v) => crate::abstract_::object::is_true(v.as_ptr()),
        None => Ok(false),
    }
}

unsafe extern "C" fn get_closed(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(base_closed(op).map(py_bool))
}

unsafe extern "C" fn iobase_dealloc(op: *mut PyObject) {
    if finalize_from_dealloc(op) {
        return;
    }
    header_dealloc(op);
    common::free_instance(op);
}

unsafe extern "C" fn iobase_iter(op: *mut PyObject) -> *mut PyObject {
    ret(check_closed(op).map(|_| new_ref(op)))
}

/// `__next__`: `self.readline()`, stopping at an empty line.
unsafe extern "C" fn iobase_iternext(op: *mut PyObject) -> *mut PyObject {
    match call_method(op, "readline", &[]) {
        Ok(line) => match crate::abstract_::object::size(line.as_ptr()) {
            Ok(0) => core::ptr::null_mut(),
            Ok(_) => line.into_ptr(),
            Err(_) => core::ptr::null_mut(),
        },
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn unsupported_seek(_op: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(Err(common::unsupported("seek")))
}

unsafe extern "C" fn unsupported_truncate(_op: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(Err(common::unsupported("truncate")))
}

unsafe extern "C" fn unsupported_fileno(_op: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(Err(common::unsupported("fileno")))
}

/// `tell()`: `self.seek(0, 1)`.
unsafe extern "C" fn tell(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| call_method(op, "seek", &[int::from_i64(0)?.as_ptr(), int::from_i64(1)?.as_ptr()]))())
}

unsafe extern "C" fn flush(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if base_closed(op)? {
            return Err(closed_error("I/O operation on closed file."));
        }
        Ok(none_ref())
    })())
}

/// `close()`: `flush()` then mark closed (even when the flush failed, whose error is then
/// raised).
pub(crate) unsafe extern "C" fn base_close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if base_closed(op)? {
            return Ok(none_ref());
        }
        let flushed = call_method(op, "flush", &[]);
        let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
        crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
        let n = pystr::intern("__IOBase_closed")?;
        let set = crate::object::object_attr::set_attr(op, n.as_ptr(), crate::objects::bool::true_());
        if flushed.is_err() {
            crate::errors::pyerr::PyErr_Restore(t, v, tb);
            if set.is_err() {
                // The flush error wins, as CPython chains nothing here.
            }
            return Err(Raised::assume_set());
        }
        set?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn false_(_op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    py_bool(false).into_ptr()
}

unsafe extern "C" fn check_closed_method(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(check_closed(op).map(|_| none_ref()))
}

unsafe extern "C" fn check_readable_method(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(check_readable(op))
}

unsafe extern "C" fn check_writable_method(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(check_writable(op))
}

unsafe extern "C" fn check_seekable_method(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(check_seekable(op))
}

unsafe extern "C" fn isatty(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(check_closed(op).map(|_| py_bool(false)))
}

unsafe extern "C" fn enter(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(check_closed(op).map(|_| new_ref(op)))
}

/// OSError "<what>() should have returned a bytes object, not '<type>'" unless `b` is bytes.
unsafe fn expect_bytes(b: &PyRef, what: &str) -> PyResult<()> {
    if bytes::is_bytes(b.as_ptr()) {
        return Ok(());
    }
    Err(raise_type(&raw mut exc::_PyExc_OSError, format!("{what}() should have returned a bytes object, not '{}'", tp_name(b.as_ptr()))))
}

/// `readline(size=-1)`: bytes up to and including `\n`, read through `peek` (when the
/// stream has it) to take as much as possible per `read` call, else one byte at a time.
unsafe fn readline_generic(op: *mut PyObject, limit: Option<usize>) -> PyResult<PyRef> {
    let peek = crate::object::object_attr::lookup_attr(op, pystr::intern("peek")?.as_ptr())?;
    let mut line: Vec<u8> = Vec::new();
    while limit.map_or(true, |l| line.len() < l) {
        let mut want = 1usize;
        if let Some(peek) = &peek {
            let ahead = crate::modules::owned(crate::abstract_::call::PyObject_CallOneArg(peek.as_ptr(), int::from_i64(1)?.as_ptr()))?;
            expect_bytes(&ahead, "peek")?;
            let data = bytes::as_slice(ahead.as_ptr());
            if !data.is_empty() {
                let room = limit.map_or(data.len(), |l| (l - line.len()).min(data.len()));
                let window = &data[..room];
                want = window.iter().position(|&b| b == b'\n').map_or(window.len(), |i| i + 1).max(1);
            }
        }
        let chunk = call_method(op, "read", &[int::from_i64(want as i64)?.as_ptr()])?;
        expect_bytes(&chunk, "read")?;
        let data = bytes::as_slice(chunk.as_ptr());
        if data.is_empty() {
            break;
        }
        line.extend_from_slice(data);
        if line.last() == Some(&b'\n') {
            break;
        }
    }
    bytes::from_slice(&line)
}

unsafe extern "C" fn readline(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"readline".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        readline_generic(op, size_arg(a.first().copied())?)
    })())
}

/// `readlines(hint=-1)`: the lines of `iter(self)`, stopping once their total length
/// exceeds `hint`.
unsafe extern "C" fn readlines(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"readlines".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let hint = size_arg(a.first().copied())?.filter(|&h| h > 0);
        let out = crate::objects::list::new(0)?;
        let it = crate::abstract_::iter::get_iter(op)?;
        let mut total = 0usize;
        while let Some(line) = crate::abstract_::iter::next(it.as_ptr())? {
            crate::objects::list::append(out.as_ptr(), line.as_ptr())?;
            if let Some(h) = hint {
                total += crate::abstract_::object::size(line.as_ptr())? as usize;
                if total > h {
                    break;
                }
            }
        }
        Ok(out)
    })())
}

unsafe extern "C" fn writelines(op: *mut PyObject, lines: *mut PyObject) -> *mut PyObject {
    ret((|| {
        check_closed(op)?;
        let it = crate::abstract_::iter::get_iter(lines)?;
        while let Some(line) = crate::abstract_::iter::next(it.as_ptr())? {
            call_method(op, "write", &[line.as_ptr()])?;
        }
        Ok(none_ref())
    })())
}

static mut IOBASE_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef { name: c"closed".as_ptr(), get: Some(get_closed), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    dict_getset(),
    GETSET_END,
];

/// The `__dict__` entry of the `_io` classes.
pub(crate) const fn dict_getset() -> PyGetSetDef {
    PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(crate::object::generic_getattr::PyObject_GenericGetDict),
        set: Some(crate::object::generic_getattr::PyObject_GenericSetDict),
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    }
}

pub(crate) const GETSET_END: PyGetSetDef = PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() };

static mut IOBASE_METHODS: [PyMethodDef; 23] = [
    plain(c"seek", unsupported_seek, METH_VARARGS),
    plain(c"tell", tell, METH_NOARGS),
    plain(c"truncate", unsupported_truncate, METH_VARARGS),
    plain(c"flush", flush, METH_NOARGS),
    plain(c"close", base_close, METH_NOARGS),
    plain(c"seekable", false_, METH_NOARGS),
    plain(c"readable", false_, METH_NOARGS),
    plain(c"writable", false_, METH_NOARGS),
    plain(c"_checkClosed", check_closed_method, METH_VARARGS),
    plain(c"_checkSeekable", check_seekable_method, METH_VARARGS),
    plain(c"_checkReadable", check_readable_method, METH_VARARGS),
    plain(c"_checkWritable", check_writable_method, METH_VARARGS),
    plain(c"fileno", unsupported_fileno, METH_NOARGS),
    plain(c"isatty", isatty, METH_NOARGS),
    plain(c"__enter__", enter, METH_NOARGS),
    plain(c"__exit__", common::exit, METH_VARARGS),
    fast(c"readline", readline, METH_FASTCALL),
    fast(c"readlines", readlines, METH_FASTCALL),
    plain(c"writelines", writelines, METH_O),
    END,
    END,
    END,
    END,
];

/// `_io._IOBase`.
pub static mut IOBase_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(iobase_dealloc),
    tp_finalize: Some(iobase_finalize),
    tp_iter: Some(iobase_iter),
    tp_iternext: Some(iobase_iternext),
    tp_methods: (&raw mut IOBASE_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut IOBASE_GETSET) as *mut PyGetSetDef,
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    ..io_type(
        c"_io._IOBase",
        core::mem::size_of::<IOBaseObject>(),
        core::ptr::null_mut(),
        c"The abstract base class for all I/O classes.\n\nThis class provides dummy implementations for many methods that\nderived classes can override selectively; the default implementations\nrepresent a file that cannot be read, written or seeked.\n\nEven though IOBase does not declare read, readinto, or write because\ntheir signatures will vary, implementations and clients should\nconsider those methods part of the interface. Also, implementations\nmay raise UnsupportedOperation when operations they do not support are\ncalled.\n\nThe basic type used for binary data read from or written to a file is\nbytes. Other bytes-like objects are accepted as method arguments too.\nIn some cases (such as readinto), a writable object is required. Text\nI/O classes work with str data.\n\nNote that calling any method (except additional calls to close(),\nwhich are ignored) on a closed stream should raise a ValueError.\n\nIOBase (and its subclasses) support the iterator protocol, meaning\nthat an IOBase object can be iterated over yielding the lines in a\nstream.\n\nIOBase also supports the :keyword:`with` statement. In this example,\nfp is closed after the suite of the with statement is complete:\n\nwith open('spam.txt', 'r') as fp:\n    fp.write('Spam and eggs!')\n",
    )
};

// ---- _RawIOBase ----

/// `read(size=-1)`: `readall()` for a negative size, else `readinto` a fresh buffer.
unsafe extern "C" fn raw_read(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"read".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let n = match a.first() {
            Some(&o) if o != none() => crate::errors::objtext::index_value(o)?,
            _ => -1,
        };
        if n < 0 {
            return call_method(op, "readall", &[]);
        }
        let buf = crate::modules::owned(crate::objects::bytearray::PyByteArray_FromStringAndSize(core::ptr::null(), n as isize))?;
        let got = call_method(op, "readinto", &[buf.as_ptr()])?;
        if got.as_ptr() == none() {
            return Ok(got);
        }
        let k = crate::errors::objtext::index_value(got.as_ptr())?;
        if k < 0 || k > n {
            return Err(value_error(format!("readinto returned {k} outside buffer size {n}")));
        }
        let data = core::slice::from_raw_parts(crate::objects::bytearray::PyByteArray_AsString(buf.as_ptr()) as *const u8, k as usize);
        bytes::from_slice(data)
    })())
}

/// `readall()`: `read(DEFAULT_BUFFER_SIZE)` until EOF; None when the first read returns
/// None (no data available on a non-blocking stream).
unsafe extern "C" fn raw_readall(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut all: Vec<u8> = Vec::new();
        let mut got_any = false;
        let size = int::from_i64(crate::modules::io::DEFAULT_BUFFER_SIZE)?;
        loop {
            let chunk = match call_method(op, "read", &[size.as_ptr()]) {
                Ok(c) => c,
                Err(e) => {
                    if trap_eintr() {
                        continue;
                    }
                    return Err(e);
                }
            };
            if chunk.as_ptr() == none() {
                if !got_any {
                    return Ok(chunk);
                }
                break;
            }
            if !bytes::is_bytes(chunk.as_ptr()) {
                return Err(type_error("read() should return bytes"));
            }
            let data = bytes::as_slice(chunk.as_ptr());
            if data.is_empty() {
                break;
            }
            got_any = true;
            all.extend_from_slice(data);
        }
        bytes::from_slice(&all)
    })())
}

/// When the pending error is an OSError with errno EINTR: clears it and returns true
/// (the caller retries, as CPython's `_PyIO_trap_eintr`).
pub(crate) unsafe fn trap_eintr() -> bool {
    use crate::errors::pyerr;
    if pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_OSError as *mut PyObject) == 0 {
        return false;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    let is_eintr = !v.is_null()
        && pystr::intern("errno")
            .and_then(|n| crate::object::object_attr::get_attr(v, n.as_ptr()))
            .ok()
            .and_then(|e| crate::errors::objtext::index_value(e.as_ptr()).ok())
            == Some(libc::EINTR as i64);
    if is_eintr {
        drop(PyRef::from_owned(t));
        drop(PyRef::from_owned(v));
        drop(PyRef::from_owned(tb));
        return true;
    }
    pyerr::PyErr_Clear();
    pyerr::PyErr_Restore(t, v, tb);
    false
}

unsafe extern "C" fn not_implemented(_op: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(Err(raise_type(&raw mut exc::_PyExc_NotImplementedError, "")))
}

static mut RAWIOBASE_METHODS: [PyMethodDef; 5] = [
    fast(c"read", raw_read, METH_FASTCALL),
    plain(c"readall", raw_readall, METH_NOARGS),
    plain(c"readinto", not_implemented, METH_VARARGS),
    plain(c"write", not_implemented, METH_VARARGS),
    END,
];

/// `_io._RawIOBase`.
pub static mut RawIOBase_Type: PyTypeObject = PyTypeObject {
    tp_methods: (&raw mut RAWIOBASE_METHODS) as *mut PyMethodDef,
    tp_dealloc: Some(iobase_dealloc),
    tp_finalize: Some(iobase_finalize),
    ..io_type(c"_io._RawIOBase", core::mem::size_of::<IOBaseObject>(), &raw mut IOBase_Type, c"Base class for raw binary I/O.")
};

// ---- _BufferedIOBase ----

/// A writable buffer view of a `readinto` argument, released on drop.
pub(crate) struct WritableView(crate::object::buffer::Py_buffer);

impl WritableView {
    pub(crate) unsafe fn new(target: *mut PyObject, method: &str) -> PyResult<WritableView> {
        let mut view: crate::object::buffer::Py_buffer = core::mem::zeroed();
        if crate::objects::bytes_buffer::PyObject_GetBuffer(target, &mut view, crate::object::buffer::PyBUF_WRITABLE) < 0 {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error(format!("{method}() argument must be read-write bytes-like object, not {}", tp_name(target))));
        }
        Ok(WritableView(view))
    }

    pub(crate) fn as_mut_slice(&mut self) -> &mut [u8] {
        if self.0.len == 0 {
            return &mut [];
        }
        // SAFETY: the exporter keeps `len` writable bytes at `buf` while the view is held.
        unsafe { core::slice::from_raw_parts_mut(self.0.buf as *mut u8, self.0.len as usize) }
    }
}

/// A read-only buffer view of a bytes-like argument, released on drop.
pub(crate) struct ReadView(crate::object::buffer::Py_buffer);

impl ReadView {
    pub(crate) unsafe fn new(data: *mut PyObject) -> PyResult<ReadView> {
        let mut view: crate::object::buffer::Py_buffer = core::mem::zeroed();
        if crate::objects::bytes_buffer::PyObject_GetBuffer(data, &mut view, crate::object::buffer::PyBUF_SIMPLE) < 0 {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error(format!("a bytes-like object is required, not '{}'", tp_name(data))));
        }
        Ok(ReadView(view))
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        if self.0.len == 0 {
            return &[];
        }
        // SAFETY: the exporter keeps `len` bytes at `buf` while the view is held.
        unsafe { core::slice::from_raw_parts(self.0.buf as *const u8, self.0.len as usize) }
    }
}

impl Drop for ReadView {
    fn drop(&mut self) {
        // SAFETY: the view was filled by PyObject_GetBuffer.
        unsafe { crate::objects::bytes_buffer::PyBuffer_Release(&mut self.0) }
    }
}

impl Drop for WritableView {
    fn drop(&mut self) {
        // SAFETY: the view was filled by PyObject_GetBuffer.
        unsafe { crate::objects::bytes_buffer::PyBuffer_Release(&mut self.0) }
    }
}

/// `readinto(b)` / `readinto1(b)`: `self.read(len(b))` (or `read1`) copied into `b`.
unsafe fn readinto_via(op: *mut PyObject, target: *mut PyObject, method: &str, read: &str) -> PyResult<PyRef> {
    let mut view = WritableView::new(target, method)?;
    let dst = view.as_mut_slice();
    let data = call_method(op, read, &[int::from_i64(dst.len() as i64)?.as_ptr()])?;
    if !bytes::is_bytes(data.as_ptr()) {
        return Err(type_error("read() should return bytes"));
    }
    let src = bytes::as_slice(data.as_ptr());
    if src.len() > dst.len() {
        return Err(value_error(format!("read() returned too much data: {} bytes requested, {} returned", dst.len(), src.len())));
    }
    dst[..src.len()].copy_from_slice(src);
    int::from_i64(src.len() as i64)
}

unsafe extern "C" fn buffered_readinto(op: *mut PyObject, target: *mut PyObject) -> *mut PyObject {
    ret(readinto_via(op, target, "readinto", "read"))
}

unsafe extern "C" fn buffered_readinto1(op: *mut PyObject, target: *mut PyObject) -> *mut PyObject {
    ret(readinto_via(op, target, "readinto1", "read1"))
}

macro_rules! unsupported_method {
    ($fn:ident, $what:literal) => {
        unsafe extern "C" fn $fn(_op: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
            ret(Err(common::unsupported($what)))
        }
    };
}

unsupported_method!(unsupported_read, "read");
unsupported_method!(unsupported_read1, "read1");
unsupported_method!(unsupported_write, "write");
unsupported_method!(unsupported_detach, "detach");
unsupported_method!(unsupported_readline, "readline");

static mut BUFFEREDIOBASE_METHODS: [PyMethodDef; 7] = [
    plain(c"detach", unsupported_detach, METH_NOARGS),
    plain(c"read", unsupported_read, METH_VARARGS),
    plain(c"read1", unsupported_read1, METH_VARARGS),
    plain(c"readinto", buffered_readinto, METH_O),
    plain(c"readinto1", buffered_readinto1, METH_O),
    plain(c"write", unsupported_write, METH_VARARGS),
    END,
];

/// `_io._BufferedIOBase`.
pub static mut BufferedIOBase_Type: PyTypeObject = PyTypeObject {
    tp_methods: (&raw mut BUFFEREDIOBASE_METHODS) as *mut PyMethodDef,
    tp_dealloc: Some(iobase_dealloc),
    tp_finalize: Some(iobase_finalize),
    ..io_type(
        c"_io._BufferedIOBase",
        core::mem::size_of::<IOBaseObject>(),
        &raw mut IOBase_Type,
        c"Base class for buffered IO objects.\n\nThe main difference with RawIOBase is that the read() method\nsupports omitting the size argument, and does not have a default\nimplementation that defers to readinto().\n\nIn addition, read(), readinto() and write() may raise\nBlockingIOError if the underlying raw stream is in non-blocking\nmode and not ready; unlike their raw counterparts, they will never\nreturn None.\n\nA typical implementation should not inherit from a RawIOBase\nimplementation, but wrap one.\n",
    )
};

// ---- _TextIOBase ----

unsafe extern "C" fn get_none(_op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    none_ref().into_ptr()
}

static mut TEXTIOBASE_METHODS: [PyMethodDef; 5] = [
    plain(c"detach", unsupported_detach, METH_NOARGS),
    plain(c"read", unsupported_read, METH_VARARGS),
    plain(c"readline", unsupported_readline, METH_VARARGS),
    plain(c"write", unsupported_write, METH_VARARGS),
    END,
];

static mut TEXTIOBASE_GETSET: [PyGetSetDef; 4] = [
    PyGetSetDef { name: c"encoding".as_ptr(), get: Some(get_none), set: None, doc: c"Encoding of the text stream.\n\nSubclasses should override.\n".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"newlines".as_ptr(), get: Some(get_none), set: None, doc: c"Line endings translated so far.\n\nOnly line endings translated during reading are considered.\n\nSubclasses should override.\n".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"errors".as_ptr(), get: Some(get_none), set: None, doc: c"The error setting of the decoder or encoder.\n\nSubclasses should override.\n".as_ptr(), closure: core::ptr::null_mut() },
    GETSET_END,
];

/// `_io._TextIOBase`.
pub static mut TextIOBase_Type: PyTypeObject = PyTypeObject {
    tp_methods: (&raw mut TEXTIOBASE_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut TEXTIOBASE_GETSET) as *mut PyGetSetDef,
    tp_dealloc: Some(iobase_dealloc),
    tp_finalize: Some(iobase_finalize),
    ..io_type(
        c"_io._TextIOBase",
        core::mem::size_of::<IOBaseObject>(),
        &raw mut IOBase_Type,
        c"Base class for text I/O.\n\nThis class provides a character and line based interface to stream\nI/O. There is no readinto method because Python's character strings\nare immutable.\n",
    )
};
