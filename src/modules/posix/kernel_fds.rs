//! Linux descriptors for kernel objects and the kernel's random source: `memfd_create`,
//! `eventfd`/`eventfd_read`/`eventfd_write`, `pidfd_open`, `getrandom`.
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, fs_bytes, c_int_or, errno_error, i64_arg, retry_eintr, value_error};
use crate::modules::posix::fds::fildes;
use crate::modules::{fast_kw, none_ref, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, long_convert};

/// An unsigned argument (Argument Clinic's `unsigned_int`/`unsigned_long_long`
/// converters): negative values are a ValueError; `too_large` is the converter's
/// overflow message.
unsafe fn unsigned_arg(op: *mut PyObject, max: u64, too_large: &str) -> PyResult<u64> {
    let i = crate::abstract_::number::index(op)?;
    match long_convert::int_to_i128(i.as_ptr()) {
        Some(v) if v < 0 => Err(value_error("value must be positive")),
        Some(v) if v <= max as i128 => Ok(v as u64),
        _ => Err(crate::modules::posix::args::overflow(too_large)),
    }
}

const UINT_TOO_LARGE: &str = "Python int too large for C unsigned int";

/// A bitwise `unsigned int` (any int, its low 32 bits).
unsafe fn bitwise_u32(op: *mut PyObject) -> PyResult<u32> {
    let i = crate::abstract_::number::index(op)?;
    Ok(long_convert::low_u64(i.as_ptr()) as u32)
}

unsafe fn fd_result(fd: c_int) -> PyResult<PyRef> {
    if fd < 0 {
        return Err(errno_error());
    }
    int::from_i64(fd as i64)
}

/// `memfd_create(name, flags=MFD_CLOEXEC)`.
unsafe extern "C" fn memfd_create(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "memfd_create", names: &["name", "flags"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let name = fs_bytes(b[0].unwrap())?;
        let flags = match b[1] {
            Some(f) => bitwise_u32(f)?,
            None => libc::MFD_CLOEXEC,
        };
        fd_result(libc::memfd_create(name.as_ptr(), flags))
    })())
}

/// `eventfd(initval, flags=EFD_CLOEXEC)`.
unsafe extern "C" fn eventfd(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "eventfd", names: &["initval", "flags"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let initval = unsigned_arg(b[0].unwrap(), u32::MAX as u64, UINT_TOO_LARGE)?;
        let flags = c_int_or(b[1], libc::EFD_CLOEXEC)?;
        fd_result(libc::eventfd(initval as libc::c_uint, flags))
    })())
}

/// `eventfd_read(fd)`: the counter's value (blocks while it is zero).
unsafe extern "C" fn eventfd_read(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "eventfd_read", names: &["fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = fildes(b[0].unwrap())?;
        let mut value: u64 = 0;
        if retry_eintr(|| libc::eventfd_read(fd, &mut value))? < 0 {
            return Err(errno_error());
        }
        int::from_u64(value)
    })())
}

/// `eventfd_write(fd, value)`.
unsafe extern "C" fn eventfd_write(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "eventfd_write", names: &["fd", "value"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = fildes(b[0].unwrap())?;
        let value = unsigned_arg(b[1].unwrap(), u64::MAX, "int too big to convert")?;
        if retry_eintr(|| libc::eventfd_write(fd, value))? < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `pidfd_open(pid, flags=0)`: a descriptor for the process (through the system call:
/// glibc 2.36 has no wrapper everywhere).
unsafe extern "C" fn pidfd_open(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "pidfd_open", names: &["pid", "flags"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let pid = c_int_arg(b[0].unwrap())?;
        let flags = unsigned_arg(b[1].unwrap_or(int::small_int(0)), u32::MAX as u64, UINT_TOO_LARGE)?;
        fd_result(libc::syscall(libc::SYS_pidfd_open, pid, flags as libc::c_uint) as c_int)
    })())
}

/// `getrandom(size, flags=0)`: up to `size` random bytes (one call: a short read
/// returns fewer).
unsafe extern "C" fn getrandom(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "getrandom", names: &["size", "flags"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let size = i64_arg(b[0].unwrap())?;
        let flags = c_int_or(b[1], 0)?;
        if size < 0 {
            return Err(crate::modules::posix::args::error_for(libc::EINVAL));
        }
        let mut buf = vec![0u8; size as usize];
        let n = retry_eintr(|| libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), flags as libc::c_uint))?;
        if n < 0 {
            return Err(errno_error());
        }
        bytes::from_slice(&buf[..n as usize])
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 6] = [
    fast_kw(c"memfd_create", memfd_create, c"memfd_create($module, /, name, flags=MFD_CLOEXEC)\n--\n\n"),
    fast_kw(c"eventfd", eventfd, c"eventfd($module, /, initval, flags=EFD_CLOEXEC)\n--\n\nCreates and returns an event notification file descriptor."),
    fast_kw(c"eventfd_read", eventfd_read, c"eventfd_read($module, /, fd)\n--\n\nRead eventfd value"),
    fast_kw(c"eventfd_write", eventfd_write, c"eventfd_write($module, /, fd, value)\n--\n\nWrite eventfd value."),
    fast_kw(c"pidfd_open", pidfd_open, c"pidfd_open($module, /, pid, flags=0)\n--\n\nReturn a file descriptor referring to the process *pid*."),
    fast_kw(c"getrandom", getrandom, c"getrandom($module, /, size, flags=0)\n--\n\nObtain a series of random bytes."),
];
