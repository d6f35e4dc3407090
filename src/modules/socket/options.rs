//! `getsockopt(level, optname[, buflen])` (an int, or up to `buflen` bytes) and
//! `setsockopt(level, optname, value)` (an int or a bytes-like value) /
//! `setsockopt(level, optname, None, optlen)`.
use core::ffi::{c_int, c_void};

use crate::abstract_::{none, type_error};
use crate::modules::bytes_arg;
use crate::modules::posix::args::{c_int_arg, errno_error};
use crate::modules::{args_slice, none_ref, ret};
use crate::object::method_table::fast;
use crate::object::methods::{PyMethodDef, METH_FASTCALL};
use crate::object::object::PyObject;
use crate::objects::{bytes, int};

use super::errors::os_error;
use super::object::this;

unsafe extern "C" fn getsockopt(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("getsockopt", a.len(), 2, 3)?;
        let (level, name) = (c_int_arg(a[0])?, c_int_arg(a[1])?);
        let fd = this(op).fd;
        match a.get(2) {
            None => {
                let mut v: c_int = 0;
                let mut len = core::mem::size_of::<c_int>() as libc::socklen_t;
                if libc::getsockopt(fd, level, name, &mut v as *mut c_int as *mut c_void, &mut len) < 0 {
                    return Err(errno_error());
                }
                int::from_i64(v as i64)
            }
            Some(&b) => {
                let buflen = c_int_arg(b)?;
                if buflen <= 0 || buflen > 1024 {
                    return Err(os_error("getsockopt buflen out of range"));
                }
                let mut buf = vec![0u8; buflen as usize];
                let mut len = buflen as libc::socklen_t;
                if libc::getsockopt(fd, level, name, buf.as_mut_ptr() as *mut c_void, &mut len) < 0 {
                    return Err(errno_error());
                }
                bytes::from_slice(&buf[..(len as usize).min(buf.len())])
            }
        }
    })())
}

unsafe extern "C" fn setsockopt(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if a.len() != 3 && a.len() != 4 {
            return Err(type_error(format!("setsockopt() takes exactly 3 arguments ({} given)", a.len())));
        }
        let (level, name) = (c_int_arg(a[0])?, c_int_arg(a[1])?);
        let fd = this(op).fd;
        let r = if a.len() == 4 {
            if a[2] != none() {
                return Err(type_error(format!("setsockopt() takes exactly 3 arguments ({} given)", a.len())));
            }
            let optlen = c_int_arg(a[3])?;
            libc::setsockopt(fd, level, name, core::ptr::null(), optlen as libc::socklen_t)
        } else if int::is_int(a[2]) {
            let v = c_int_arg(a[2])?;
            libc::setsockopt(fd, level, name, &v as *const c_int as *const c_void, core::mem::size_of::<c_int>() as libc::socklen_t)
        } else {
            let data = bytes_arg::read(a[2])?;
            let d = data.as_slice();
            libc::setsockopt(fd, level, name, d.as_ptr() as *const c_void, d.len() as libc::socklen_t)
        };
        if r < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

pub(crate) const METHODS: [PyMethodDef; 2] = [
    fast(c"getsockopt", getsockopt, METH_FASTCALL).doc(c"getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option.  See the Unix manual for level and option.\nIf a nonzero buffersize argument is given, the return value is a\nstring of that length; otherwise it is an integer."),
    fast(c"setsockopt", setsockopt, METH_FASTCALL).doc(c"setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\nsetsockopt(level, option, None, optlen: int)\n\nSet a socket option.  See the Unix manual for level and option.\nThe value argument can either be an integer, a string buffer, or\nNone, optlen."),
];

