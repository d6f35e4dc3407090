//! The working directory and directory listings: `getcwd`, `getcwdb`, `listdir`, and the
//! `opendir`/`readdir` helpers `scandir` shares.
use core::ffi::{c_int, CStr};

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{errno_error, without_gil};
use crate::modules::posix::path::{name_object, path_arg, PathArg, PathKind};
use crate::modules::{fast_kw, meth, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::objects::{bytes, list};

/// The current directory's bytes.
unsafe fn cwd_bytes() -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; 1024];
    loop {
        if !libc::getcwd(buf.as_mut_ptr().cast(), buf.len()).is_null() {
            let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            buf.truncate(n);
            return Ok(buf);
        }
        if *libc::__errno_location() != libc::ERANGE {
            return Err(errno_error());
        }
        buf.resize(buf.len() * 2, 0);
    }
}

unsafe extern "C" fn getcwd(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(cwd_bytes().and_then(|b| crate::codecs::fs_encoding::decode(&b)))
}

unsafe extern "C" fn getcwdb(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(cwd_bytes().and_then(|b| bytes::from_slice(&b)))
}

/// What `listdir` and `scandir` accept: a path, a descriptor, or None for ".".
pub(crate) const DIR_PATH: PathKind = PathKind { allow_fd: true, nullable: true };

/// Opens the directory of a path argument (a descriptor is duplicated so closing the
/// stream leaves the caller's open, and rewound).
pub(crate) unsafe fn open_dir(path: &PathArg) -> PyResult<*mut libc::DIR> {
    let dirp = if path.fd >= 0 {
        let fd = libc::fcntl(path.fd, libc::F_DUPFD_CLOEXEC, 0);
        if fd < 0 {
            return Err(errno_error());
        }
        let d = libc::fdopendir(fd);
        if d.is_null() {
            let e = *libc::__errno_location();
            libc::close(fd);
            *libc::__errno_location() = e;
        } else {
            libc::rewinddir(d);
        }
        d
    } else {
        without_gil(|| libc::opendir(path.ptr()))
    };
    if dirp.is_null() {
        return Err(path.error());
    }
    Ok(dirp)
}

/// One directory entry: its name, type (`DT_*`) and inode.
pub(crate) struct RawEntry {
    pub name: Vec<u8>,
    pub d_type: u8,
    pub ino: u64,
}

/// The next entry other than `.` and `..`; None at the end; errno set on failure
/// (`Err`).
pub(crate) unsafe fn next_entry(dirp: *mut libc::DIR) -> Result<Option<RawEntry>, c_int> {
    loop {
        *libc::__errno_location() = 0;
        let ent = libc::readdir(dirp);
        if ent.is_null() {
            let e = *libc::__errno_location();
            return if e == 0 { Ok(None) } else { Err(e) };
        }
        let name = CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        return Ok(Some(RawEntry { name: name.to_vec(), d_type: (*ent).d_type, ino: (*ent).d_ino }));
    }
}

/// `listdir(path=None)`: the names in a directory (str unless `path` is bytes).
unsafe extern "C" fn listdir(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "listdir", names: &["path"], positional_only: 0, max_positional: 1, required: 0 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("listdir", "path", b[0], DIR_PATH)?;
        let dirp = open_dir(&path)?;
        let out = list::new(0)?;
        let r = (|| {
            loop {
                match next_entry(dirp) {
                    Ok(Some(e)) => list::append(out.as_ptr(), name_object(&e.name, path.is_bytes)?.as_ptr())?,
                    Ok(None) => return Ok(()),
                    Err(e) => {
                        *libc::__errno_location() = e;
                        return Err(path.error());
                    }
                }
            }
        })();
        libc::closedir(dirp);
        r.map(|()| out)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 3] = [
    meth(c"getcwd", getcwd, METH_NOARGS, c"getcwd($module, /)\n--\n\nReturn a unicode string representing the current working directory."),
    meth(c"getcwdb", getcwdb, METH_NOARGS, c"getcwdb($module, /)\n--\n\nReturn a bytes string representing the current working directory."),
    fast_kw(c"listdir", listdir, c"listdir($module, /, path=None)\n--\n\nReturn a list containing the names of the files in the directory."),
];

