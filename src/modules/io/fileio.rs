//! `_io.FileIO`: raw binary I/O on a file descriptor. System calls release the GIL and are
//! retried on EINTR (PEP 475); EAGAIN on a non-blocking descriptor makes `read`/`readinto`/
//! `write` return None. `close` closes the descriptor once (unless `closefd=False`); an
//! unclosed file warns with ResourceWarning when finalized. The buffered classes call
//! `read_into`/`write_from` directly when their raw stream is exactly a FileIO.
use core::ffi::{c_char, c_int, c_void};

use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{self, py_bool, value_error};
use crate::modules::io::iobase::{self, IOBaseObject, ReadView, WritableView};
use crate::modules::posix::args::{errno_error, retry_eintr};
use crate::modules::{args_slice, none_ref, ret};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, T_BOOL, T_PYSSIZET};
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{bytes, int, str as pystr};

#[repr(C)]
pub(crate) struct FileIO {
    head: IOBaseObject,
    /// The descriptor; -1 once closed.
    fd: c_int,
    created: bool,
    readable: bool,
    writable: bool,
    appending: bool,
    /// -1 until known.
    seekable: i8,
    closefd: bool,
    /// Set by the finalizer: `close` then warns about the unclosed file.
    finalizing: c_char,
    blksize: isize,
}

unsafe fn this<'a>(op: *mut PyObject) -> &'a mut FileIO {
    &mut *(op as *mut FileIO)
}

/// True when `op` is exactly a FileIO (not a subclass, which may override methods).
pub(crate) unsafe fn is_exact(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut FileIO_Type
}

/// Whether the descriptor is closed (for the buffered classes' fast closed check).
pub(crate) unsafe fn is_closed(op: *mut PyObject) -> bool {
    this(op).fd < 0
}

const CLOSED: &str = "I/O operation on closed file";

unsafe fn open_fd(op: *mut PyObject) -> PyResult<c_int> {
    let fd = this(op).fd;
    if fd < 0 {
        return Err(common::closed_error(CLOSED));
    }
    Ok(fd)
}

/// UnsupportedOperation "File not open for <action>".
unsafe fn mode_error(action: &str) -> Raised {
    common::unsupported(&format!("File not open for {action}"))
}

fn would_block() -> bool {
    // SAFETY: reading errno.
    let e = unsafe { *libc::__errno_location() };
    e == libc::EAGAIN || e == libc::EWOULDBLOCK
}

/// One `read(2)` into `buf`: the count, or None when a non-blocking descriptor has no data.
pub(crate) unsafe fn read_into(op: *mut PyObject, buf: &mut [u8]) -> PyResult<Option<usize>> {
    let fd = open_fd(op)?;
    if !this(op).readable {
        return Err(mode_error("reading"));
    }
    let (p, len) = (buf.as_mut_ptr() as usize, buf.len().min(isize::MAX as usize));
    let n = retry_eintr(|| libc::read(fd, p as *mut c_void, len))?;
    if n < 0 {
        return if would_block() { Ok(None) } else { Err(errno_error()) };
    }
    Ok(Some(n as usize))
}

/// One `write(2)` of `data`: the count, or None when a non-blocking descriptor is full.
pub(crate) unsafe fn write_from(op: *mut PyObject, data: &[u8]) -> PyResult<Option<usize>> {
    let fd = open_fd(op)?;
    if !this(op).writable {
        return Err(mode_error("writing"));
    }
    let (p, len) = (data.as_ptr() as usize, data.len().min(isize::MAX as usize));
    let n = retry_eintr(|| libc::write(fd, p as *const c_void, len))?;
    if n < 0 {
        return if would_block() { Ok(None) } else { Err(errno_error()) };
    }
    Ok(Some(n as usize))
}

/// `lseek(2)`; remembers whether the descriptor is seekable.
unsafe fn lseek(op: *mut PyObject, pos: i64, whence: c_int) -> PyResult<i64> {
    let fd = open_fd(op)?;
    let r = crate::modules::posix::args::without_gil(|| libc::lseek(fd, pos, whence));
    let f = this(op);
    if f.seekable < 0 {
        f.seekable = (r >= 0) as i8;
    }
    if r < 0 {
        return Err(errno_error());
    }
    Ok(r)
}

/// Everything from the position to the end, or None when a non-blocking descriptor has
/// no data yet. The first allocation is the file's remaining size when known.
pub(crate) unsafe fn read_all(op: *mut PyObject) -> PyResult<Option<Vec<u8>>> {
    let fd = open_fd(op)?;
    if !this(op).readable {
        return Err(mode_error("reading"));
    }
    let mut st: libc::stat = core::mem::zeroed();
    let pos = libc::lseek(fd, 0, libc::SEEK_CUR);
    let mut size = 8192usize;
    if libc::fstat(fd, &mut st) == 0 && st.st_size > 0 && pos >= 0 && st.st_size >= pos {
        size = (st.st_size - pos) as usize + 1;
    }
    let mut out: Vec<u8> = Vec::with_capacity(size);
    loop {
        if out.len() == out.capacity() {
            let grow = (out.len() >> 3).max(8192) + out.len();
            out.reserve(grow - out.len());
        }
        let spare = out.capacity() - out.len();
        let p = out.as_mut_ptr().add(out.len()) as usize;
        let n = retry_eintr(|| libc::read(fd, p as *mut c_void, spare))?;
        if n < 0 {
            if would_block() {
                if out.is_empty() {
                    return Ok(None);
                }
                break;
            }
            return Err(errno_error());
        }
        if n == 0 {
            break;
        }
        out.set_len(out.len() + n as usize);
    }
    Ok(Some(out))
}

unsafe fn bytes_or_none(data: Option<&[u8]>) -> PyResult<PyRef> {
    match data {
        Some(d) => bytes::from_slice(d),
        None => Ok(none_ref()),
    }
}

unsafe fn count_or_none(n: Option<usize>) -> PyResult<PyRef> {
    match n {
        Some(n) => int::from_i64(n as i64),
        None => Ok(none_ref()),
    }
}

/// `FileIO.__init__(file, mode='r', closefd=True, opener=None)`.
unsafe extern "C" fn fileio_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    static PARAMS: Params = Params { function: "FileIO", names: &["file", "mode", "closefd", "opener"], positional_only: 0, max_positional: 4, required: 1 };
    let r = (|| -> PyResult<()> {
        let [file, mode, closefd, opener] = bind_tuple_dict_array::<4>(&PARAMS, args, kw)?;
        let f = this(op);
        if f.fd >= 0 {
            if f.closefd {
                internal_close(op)?;
            } else {
                f.fd = -1;
            }
        }
        let mut fd: c_int = -1;
        let mut path: Option<PyRef> = None;
        if int::is_int(file) {
            let v = crate::errors::objtext::index_value(file)?;
            if v < 0 {
                return Err(value_error("negative file descriptor"));
            }
            fd = c_int::try_from(v).map_err(|_| raise_type(&raw mut exc::_PyExc_OverflowError, "signed integer is greater than maximum"))?;
        } else {
            let mut out: *mut PyObject = core::ptr::null_mut();
            if crate::codecs::fs_encoding::PyUnicode_FSConverter(file, &mut out as *mut _ as *mut c_void) == 0 {
                return Err(Raised::assume_set());
            }
            path = PyRef::from_owned(out);
        }
        let mode_text = if mode.is_null() {
            "r".to_string()
        } else {
            if !pystr::is_str(mode) {
                return Err(type_error(format!("FileIO() argument 'mode' must be str, not {}", tp_name(mode))));
            }
            crate::errors::objtext::str_string(mode)?
        };
        let m = parse_mode(&mode_text)?;
        let closefd = closefd.is_null() || crate::abstract_::object::is_true(closefd)?;
        f.created = m.created;
        f.readable = m.readable;
        f.writable = m.writable;
        f.appending = m.appending;
        f.seekable = -1;
        f.blksize = 0;
        f.closefd = true;
        if let Some(path) = &path {
            if !closefd {
                return Err(value_error("Cannot use closefd=False with file name"));
            }
            let flags = m.flags | libc::O_CLOEXEC;
            fd = if opener.is_null() || opener == none() {
                let c = bytes::data_ptr(path.as_ptr()) as usize;
                let opened = retry_eintr(|| libc::open(c as *const c_char, flags, 0o666 as libc::c_uint))?;
                if opened < 0 {
                    return Err(errno_error_named(file));
                }
                opened
            } else {
                let fl = int::from_i64(flags as i64)?;
                let r = crate::modules::owned(crate::abstract_::call::vectorcall(opener, [file, fl.as_ptr()].as_ptr(), 2, core::ptr::null_mut()))?;
                if !int::is_int(r.as_ptr()) {
                    return Err(type_error("expected integer from opener"));
                }
                let v = crate::errors::objtext::index_value(r.as_ptr())?;
                if v < 0 {
                    return Err(value_error(format!("opener returned {v}")));
                }
                let fd = v as c_int;
                let cur = libc::fcntl(fd, libc::F_GETFD);
                if cur >= 0 {
                    libc::fcntl(fd, libc::F_SETFD, cur | libc::FD_CLOEXEC);
                }
                fd
            };
        }
        f.fd = fd;
        f.closefd = closefd;
        let opened_here = path.is_some();
        let rest = (|| -> PyResult<()> {
            let mut st: libc::stat = core::mem::zeroed();
            if libc::fstat(fd, &mut st) < 0 {
                if *libc::__errno_location() == libc::EBADF {
                    return Err(errno_error());
                }
            } else {
                if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
                    *libc::__errno_location() = libc::EISDIR;
                    return Err(errno_error_named(file));
                }
                if st.st_blksize > 1 {
                    f.blksize = st.st_blksize as isize;
                }
            }
            if f.blksize == 0 {
                f.blksize = crate::modules::io::DEFAULT_BUFFER_SIZE as isize;
            }
            crate::object::object_attr::set_attr(op, pystr::intern("name")?.as_ptr(), file)?;
            if f.appending {
                // Start at the end; a pipe opened for appending has no position.
                if let Err(e) = lseek(op, 0, libc::SEEK_END) {
                    if *libc::__errno_location() != libc::ESPIPE {
                        return Err(e);
                    }
                    crate::errors::pyerr::PyErr_Clear();
                }
            }
            Ok(())
        })();
        if rest.is_err() {
            if opened_here {
                libc::close(fd);
            }
            this(op).fd = -1;
        }
        rest
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// OSError from errno with the file argument as filename.
unsafe fn errno_error_named(file: *mut PyObject) -> Raised {
    crate::errors::setters::PyErr_SetFromErrnoWithFilenameObject(&raw mut exc::_PyExc_OSError as *mut PyObject, file);
    Raised::assume_set()
}

struct Mode {
    flags: c_int,
    created: bool,
    readable: bool,
    writable: bool,
    appending: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let bad = || value_error("Must have exactly one of create/read/write/append mode and at most one plus");
    let mut m = Mode { flags: 0, created: false, readable: false, writable: false, appending: false };
    let (mut rwa, mut plus) = (false, false);
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad());
                }
                rwa = true;
                match c {
                    'x' => {
                        m.created = true;
                        m.writable = true;
                        m.flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => m.readable = true,
                    'w' => {
                        m.writable = true;
                        m.flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        m.writable = true;
                        m.appending = true;
                        m.flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(bad());
                }
                m.readable = true;
                m.writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad());
    }
    m.flags |= match (m.readable, m.writable) {
        (true, true) => libc::O_RDWR,
        (true, false) => libc::O_RDONLY,
        _ => libc::O_WRONLY,
    };
    Ok(m)
}

/// The `mode` attribute, as CPython spells it from the flags.
unsafe fn mode_string(op: *mut PyObject) -> &'static str {
    let f = this(op);
    match (f.created, f.appending, f.readable, f.writable) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (false, true, true, _) => "ab+",
        (false, true, false, _) => "ab",
        (false, false, true, true) => "rb+",
        (false, false, true, false) => "rb",
        _ => "wb",
    }
}

/// Marks the file closed and closes the descriptor.
unsafe fn internal_close(op: *mut PyObject) -> PyResult<()> {
    let f = this(op);
    let fd = core::mem::replace(&mut f.fd, -1);
    if fd >= 0 && crate::modules::posix::args::without_gil(|| libc::close(fd)) < 0 {
        return Err(errno_error());
    }
    Ok(())
}

unsafe extern "C" fn fileio_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = alloc(tp, 0);
    if !op.is_null() {
        let f = this(op);
        f.fd = -1;
        f.seekable = -1;
        f.closefd = true;
        f.blksize = 0;
    }
    op
}

unsafe extern "C" fn fileio_dealloc(op: *mut PyObject) {
    this(op).finalizing = 1;
    if iobase::finalize_from_dealloc(op) {
        return;
    }
    iobase::header_dealloc(op);
    common::free_instance(op);
}

unsafe extern "C" fn read(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"read".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        open_fd(op)?;
        if !this(op).readable {
            return Err(mode_error("reading"));
        }
        let Some(n) = common::size_arg(a.first().copied())? else {
            return bytes_or_none(read_all(op)?.as_deref());
        };
        let mut buf = vec![0u8; n];
        match read_into(op, &mut buf)? {
            Some(k) => bytes::from_slice(&buf[..k]),
            None => Ok(none_ref()),
        }
    })())
}

unsafe extern "C" fn readall(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| bytes_or_none(read_all(op)?.as_deref()))())
}

unsafe extern "C" fn readinto(op: *mut PyObject, target: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut view = WritableView::new(target, "readinto")?;
        open_fd(op)?;
        count_or_none(read_into(op, view.as_mut_slice())?)
    })())
}

unsafe extern "C" fn write(op: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let view = ReadView::new(data)?;
        count_or_none(write_from(op, view.as_slice())?)
    })())
}

unsafe extern "C" fn seek(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"seek".as_ptr(), a.len() as isize, 1, 2) {
            return Err(Raised::assume_set());
        }
        open_fd(op)?;
        let pos = crate::errors::objtext::index_value(a[0])?;
        let whence = match a.get(1) {
            Some(&w) => crate::modules::posix::args::c_int_arg(w)?,
            None => 0,
        };
        int::from_i64(lseek(op, pos, whence)?)
    })())
}

unsafe extern "C" fn tell(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| int::from_i64(lseek(op, 0, libc::SEEK_CUR)?))())
}

unsafe extern "C" fn truncate(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"truncate".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let fd = open_fd(op)?;
        if !this(op).writable {
            return Err(mode_error("writing"));
        }
        let size = match a.first() {
            Some(&s) if s != none() => new_ref(s),
            _ => int::from_i64(lseek(op, 0, libc::SEEK_CUR)?)?,
        };
        let n = crate::errors::objtext::index_value(size.as_ptr())?;
        if crate::modules::posix::args::without_gil(|| libc::ftruncate(fd, n)) < 0 {
            return Err(errno_error());
        }
        Ok(size)
    })())
}

unsafe extern "C" fn fileno(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| int::from_i64(open_fd(op)? as i64))())
}

unsafe extern "C" fn isatty(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let fd = open_fd(op)?;
        Ok(py_bool(crate::modules::posix::args::without_gil(|| libc::isatty(fd)) == 1))
    })())
}

unsafe extern "C" fn readable(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(open_fd(op).map(|_| py_bool(this(op).readable)))
}

unsafe extern "C" fn writable(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(open_fd(op).map(|_| py_bool(this(op).writable)))
}

unsafe extern "C" fn seekable(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        open_fd(op)?;
        if this(op).seekable < 0 && lseek(op, 0, libc::SEEK_CUR).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
        Ok(py_bool(this(op).seekable == 1))
    })())
}

/// `close()`: the base close (flush, mark closed), then the descriptor (when owned); the
/// finalizer's call first warns about the unclosed file.
unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let base = PyRef::from_owned(iobase::base_close(op, core::ptr::null_mut()));
        let f = this(op);
        if !f.closefd {
            f.fd = -1;
            return base.ok_or_else(Raised::assume_set);
        }
        if f.finalizing != 0 && f.fd >= 0 {
            warn_unclosed(op, op);
        }
        let closed = internal_close(op);
        let base = base.ok_or_else(Raised::assume_set)?;
        closed?;
        Ok(base)
    })())
}

/// ResourceWarning "unclosed file <repr of source>" (errors from the warning machinery
/// are dropped: this runs from finalizers).
pub(crate) unsafe fn warn_unclosed(op: *mut PyObject, source: *mut PyObject) {
    let f = this(op);
    if f.fd < 0 || !f.closefd {
        return;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    if let Ok(text) = crate::errors::objtext::repr_string(source) {
        if let Ok(msg) = std::ffi::CString::new(format!("unclosed file {text}")) {
            crate::errors::warnings::PyErr_WarnEx(&raw mut exc::_PyExc_ResourceWarning as *mut PyObject, msg.as_ptr(), 1);
        }
    }
    crate::errors::pyerr::PyErr_Clear();
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

unsafe extern "C" fn dealloc_warn(op: *mut PyObject, source: *mut PyObject) -> *mut PyObject {
    warn_unclosed(op, source);
    none_ref().into_ptr()
}

unsafe extern "C" fn fileio_repr(op: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let f = this(op);
        if f.fd < 0 {
            return pystr::from_utf8("<_io.FileIO [closed]>");
        }
        let closefd = if f.closefd { "True" } else { "False" };
        let mode = mode_string(op);
        let text = match crate::object::object_attr::lookup_attr(op, pystr::intern("name")?.as_ptr())? {
            None => format!("<_io.FileIO fd={} mode='{mode}' closefd={closefd}>", f.fd),
            Some(name) => {
                if crate::abstract_::object::Py_ReprEnter(op) != 0 {
                    return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "reentrant call inside _io.FileIO.__repr__"));
                }
                let r = crate::errors::objtext::repr_string(name.as_ptr());
                crate::abstract_::object::Py_ReprLeave(op);
                format!("<_io.FileIO name={} mode='{mode}' closefd={closefd}>", r?)
            }
        };
        pystr::from_utf8(&text)
    })())
}

unsafe extern "C" fn get_closed(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    py_bool(this(op).fd < 0).into_ptr()
}

unsafe extern "C" fn get_closefd(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    py_bool(this(op).closefd).into_ptr()
}

unsafe extern "C" fn get_mode(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(pystr::from_utf8(mode_string(op)))
}

static mut FILEIO_GETSET: [PyGetSetDef; 4] = [
    PyGetSetDef { name: c"closed".as_ptr(), get: Some(get_closed), set: None, doc: c"True if the file is closed".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"closefd".as_ptr(), get: Some(get_closefd), set: None, doc: c"True if the file descriptor will be closed by close().".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"mode".as_ptr(), get: Some(get_mode), set: None, doc: c"String giving the file mode".as_ptr(), closure: core::ptr::null_mut() },
    iobase::GETSET_END,
];

static mut FILEIO_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"_blksize".as_ptr(), r#type: T_PYSSIZET, offset: core::mem::offset_of!(FileIO, blksize) as isize, flags: 0, doc: core::ptr::null() },
    PyMemberDef { name: c"_finalizing".as_ptr(), r#type: T_BOOL, offset: core::mem::offset_of!(FileIO, finalizing) as isize, flags: 0, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut FILEIO_METHODS: [PyMethodDef; 19] = [
    fast(c"read", read, METH_FASTCALL),
    plain(c"readall", readall, METH_NOARGS),
    plain(c"readinto", readinto, METH_O),
    plain(c"write", write, METH_O),
    fast(c"seek", seek, METH_FASTCALL),
    plain(c"tell", tell, METH_NOARGS),
    fast(c"truncate", truncate, METH_FASTCALL),
    plain(c"close", close, METH_NOARGS),
    plain(c"seekable", seekable, METH_NOARGS),
    plain(c"readable", readable, METH_NOARGS),
    plain(c"writable", writable, METH_NOARGS),
    plain(c"fileno", fileno, METH_NOARGS),
    plain(c"isatty", isatty, METH_NOARGS),
    plain(c"_dealloc_warn", dealloc_warn, METH_O),
    END,
    END,
    END,
    END,
    END,
];

/// `_io.FileIO`.
pub static mut FileIO_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(fileio_dealloc),
    tp_repr: Some(fileio_repr),
    tp_methods: (&raw mut FILEIO_METHODS) as *mut PyMethodDef,
    tp_members: (&raw mut FILEIO_MEMBERS) as *mut PyMemberDef,
    tp_getset: (&raw mut FILEIO_GETSET) as *mut PyGetSetDef,
    tp_init: Some(fileio_init),
    tp_new: Some(fileio_new),
    tp_finalize: Some(iobase::iobase_finalize),
    ..iobase::io_type(
        c"_io.FileIO",
        core::mem::size_of::<FileIO>(),
        &raw mut iobase::RawIOBase_Type,
        c"FileIO(file, mode='r', closefd=True, opener=None)\n--\n\nOpen a file.\n\nThe mode can be 'r' (default), 'w', 'x' or 'a' for reading,\nwriting, exclusive creation or appending.  The file will be created if it\ndoesn't exist when opened for writing or appending; it will be truncated\nwhen opened for writing.  A FileExistsError will be raised if it already\nexists when opened for creating. Opening a file for creating implies\nwriting so this mode behaves in a similar way to 'w'.Add a '+' to the mode\nto allow simultaneous reading and writing. A custom opener can be used by\npassing a callable as *opener*. The underlying file descriptor for the file\nobject is then obtained by calling opener with (*name*, *flags*).\n*opener* must return an open file descriptor (passing os.open as *opener*\nresults in functionality similar to passing None).",
    )
};
