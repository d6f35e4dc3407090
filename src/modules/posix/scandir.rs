//! `scandir(path=None)`: the `ScandirIterator` (reads the directory lazily, closes with
//! `close()`, at exhaustion or as a context manager) and its `DirEntry` objects, which
//! keep the entry's type from `readdir` and cache `stat()`/`lstat` results so `is_dir()`
//! and friends usually need no system call.
use core::ffi::{c_int, c_ulong};

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{bool_or, errno_error_paths};
use crate::modules::posix::dirs::{next_entry, open_dir, RawEntry, DIR_PATH};
use crate::modules::posix::path::{name_object, path_arg};
use crate::modules::posix::stat::stat_result;
use crate::modules::{fast_kw, meth, none_ref, ret, END};
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::int;

#[repr(C)]
struct DirEntry {
    ob_base: PyObject,
    name: *mut PyObject,
    path: *mut PyObject,
    /// Cached `stat()` (following symlinks) and `lstat` results, NULL until needed.
    stat: *mut PyObject,
    lstat: *mut PyObject,
    d_type: u8,
    ino: u64,
    /// The directory descriptor for `scandir(fd)` (stat relative to it), else AT_FDCWD.
    dir_fd: c_int,
}

#[repr(C)]
struct ScandirIterator {
    ob_base: PyObject,
    dirp: *mut libc::DIR,
    /// The directory path's bytes (joined with entry names), None for `scandir(fd)`.
    base: *mut Vec<u8>,
    is_bytes: bool,
    fd: c_int,
}

static mut DIRENTRY_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"name".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(DirEntry, name) as isize, flags: READONLY, doc: c"the entry's base filename, relative to scandir() \"path\" argument".as_ptr() },
    PyMemberDef { name: c"path".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(DirEntry, path) as isize, flags: READONLY, doc: c"the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)".as_ptr() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

/// `posix.DirEntry`.
pub(crate) static mut DirEntry_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(direntry_dealloc),
    tp_repr: Some(direntry_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut DIRENTRY_METHODS) as *mut PyMethodDef,
    tp_members: (&raw mut DIRENTRY_MEMBERS) as *mut PyMemberDef,
    ..static_type(c"posix.DirEntry", core::mem::size_of::<DirEntry>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, None)
};

/// `posix.ScandirIterator`.
pub(crate) static mut ScandirIterator_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(iterator_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(iterator_next),
    tp_methods: (&raw mut ITERATOR_METHODS) as *mut PyMethodDef,
    ..static_type(c"posix.ScandirIterator", core::mem::size_of::<ScandirIterator>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, None)
};

unsafe extern "C" fn direntry_dealloc(op: *mut PyObject) {
    let e = op as *mut DirEntry;
    for field in [(*e).name, (*e).path, (*e).stat, (*e).lstat] {
        drop(PyRef::from_owned(field));
    }
    temp_alloc::free_object(op.cast());
}

unsafe extern "C" fn direntry_repr(op: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = crate::abstract_::object::repr((*(op as *mut DirEntry)).name)?;
        crate::objects::str::from_utf8(&format!("<DirEntry {}>", crate::objects::str::to_string(name.as_ptr())))
    })())
}

/// The entry's stat, following symlinks or not, cached.
unsafe fn entry_stat(e: *mut DirEntry, follow_symlinks: bool) -> PyResult<*mut PyObject> {
    let is_link = (*e).d_type == libc::DT_LNK || ((*e).d_type == libc::DT_UNKNOWN && entry_is_link(e)?);
    let use_lstat = !follow_symlinks || !is_link;
    let slot = if use_lstat { &raw mut (*e).lstat } else { &raw mut (*e).stat };
    if (*slot).is_null() {
        let mut st: libc::stat = core::mem::zeroed();
        let flags = if use_lstat { libc::AT_SYMLINK_NOFOLLOW } else { 0 };
        let target = if (*e).dir_fd == libc::AT_FDCWD { (*e).path } else { (*e).name };
        let c = crate::modules::posix::path::path_arg("stat", "path", Some(target), crate::modules::posix::path::PATH)?;
        if libc::fstatat((*e).dir_fd, c.ptr(), &mut st, flags) != 0 {
            return Err(errno_error_paths((*e).path, core::ptr::null_mut()));
        }
        *slot = stat_result(&st)?.into_ptr();
    }
    Ok(*slot)
}

/// Whether the entry is a symlink when `readdir` did not say (an lstat).
unsafe fn entry_is_link(e: *mut DirEntry) -> PyResult<bool> {
    let st = entry_stat(e, false)?;
    let mode = crate::objects::long_convert::as_i64(*crate::objects::tuple::items(st).as_ptr())? as u32;
    Ok(mode & libc::S_IFMT == libc::S_IFLNK)
}

/// Whether the entry has file type `kind` (`S_IF*`), FileNotFoundError counting as no.
unsafe fn entry_test(e: *mut DirEntry, follow_symlinks: bool, kind: u32) -> PyResult<bool> {
    let d_kind = match (*e).d_type {
        libc::DT_DIR => Some(libc::S_IFDIR),
        libc::DT_REG => Some(libc::S_IFREG),
        libc::DT_LNK => Some(libc::S_IFLNK),
        libc::DT_UNKNOWN => None,
        _ => Some(0),
    };
    if let Some(k) = d_kind {
        if !(follow_symlinks && k == libc::S_IFLNK) {
            return Ok(k == kind);
        }
    }
    match entry_stat(e, follow_symlinks) {
        Ok(st) => {
            let mode = crate::objects::long_convert::as_i64(*crate::objects::tuple::items(st).as_ptr())? as u32;
            Ok(mode & libc::S_IFMT == kind)
        }
        Err(err) => {
            if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_FileNotFoundError as *mut PyObject) != 0 {
                crate::errors::pyerr::PyErr_Clear();
                return Ok(false);
            }
            Err(err)
        }
    }
}

static FOLLOW_PARAMS_DIR: Params = Params { function: "is_dir", names: &["follow_symlinks"], positional_only: 0, max_positional: 0, required: 0 };
static FOLLOW_PARAMS_FILE: Params = Params { function: "is_file", names: &["follow_symlinks"], positional_only: 0, max_positional: 0, required: 0 };
static FOLLOW_PARAMS_STAT: Params = Params { function: "stat", names: &["follow_symlinks"], positional_only: 0, max_positional: 0, required: 0 };

unsafe fn follow_arg(p: &Params, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> PyResult<bool> {
    let b = bind(p, args, nargs as usize, kwnames)?;
    bool_or(b[0], true)
}

unsafe extern "C" fn is_dir(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let follow = follow_arg(&FOLLOW_PARAMS_DIR, args, nargs, kwnames)?;
        Ok(crate::abstract_::compare::bool_ref(entry_test(op as *mut DirEntry, follow, libc::S_IFDIR)?))
    })())
}

unsafe extern "C" fn is_file(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let follow = follow_arg(&FOLLOW_PARAMS_FILE, args, nargs, kwnames)?;
        Ok(crate::abstract_::compare::bool_ref(entry_test(op as *mut DirEntry, follow, libc::S_IFREG)?))
    })())
}

unsafe extern "C" fn is_symlink(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(entry_test(op as *mut DirEntry, false, libc::S_IFLNK).map(crate::abstract_::compare::bool_ref))
}

unsafe extern "C" fn entry_stat_method(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let follow = follow_arg(&FOLLOW_PARAMS_STAT, args, nargs, kwnames)?;
        let st = entry_stat(op as *mut DirEntry, follow)?;
        Ok(PyRef::from_borrowed(st).unwrap())
    })())
}

unsafe extern "C" fn inode(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_u64((*(op as *mut DirEntry)).ino))
}

unsafe extern "C" fn fspath(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(Ok(PyRef::from_borrowed((*(op as *mut DirEntry)).path).unwrap()))
}

static mut DIRENTRY_METHODS: [PyMethodDef; 8] = [
    fast_kw(c"is_dir", is_dir, c"is_dir($self, /, *, follow_symlinks=True)\n--\n\nReturn True if the entry is a directory; cached per entry."),
    fast_kw(c"is_file", is_file, c"is_file($self, /, *, follow_symlinks=True)\n--\n\nReturn True if the entry is a file; cached per entry."),
    meth(c"is_symlink", is_symlink, METH_NOARGS, c"is_symlink($self, /)\n--\n\nReturn True if the entry is a symbolic link; cached per entry."),
    fast_kw(c"stat", entry_stat_method, c"stat($self, /, *, follow_symlinks=True)\n--\n\nReturn stat_result object for the entry; cached per entry."),
    meth(c"inode", inode, METH_NOARGS, c"inode($self, /)\n--\n\nReturn inode of the entry; cached per entry."),
    meth(c"__fspath__", fspath, METH_NOARGS, c"__fspath__($self, /)\n--\n\nReturns the path for the entry."),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

/// A new DirEntry for `raw` read from the iterator's directory.
unsafe fn new_entry(it: *mut ScandirIterator, raw: RawEntry) -> PyResult<PyRef> {
    let name = name_object(&raw.name, (*it).is_bytes)?;
    let path = if (*it).base.is_null() {
        name.clone()
    } else {
        let mut full = (*(*it).base).clone();
        if !full.ends_with(b"/") {
            full.push(b'/');
        }
        full.extend_from_slice(&raw.name);
        name_object(&full, (*it).is_bytes)?
    };
    let op = PyRef::from_owned(temp_alloc::malloc_object(&raw mut DirEntry_Type, core::mem::size_of::<DirEntry>())).ok_or_else(no_memory)?;
    let e = op.as_ptr() as *mut DirEntry;
    (*e).name = name.into_ptr();
    (*e).path = path.into_ptr();
    (*e).stat = core::ptr::null_mut();
    (*e).lstat = core::ptr::null_mut();
    (*e).d_type = raw.d_type;
    (*e).ino = raw.ino;
    (*e).dir_fd = if (*it).fd >= 0 { (*it).fd } else { libc::AT_FDCWD };
    Ok(op)
}

unsafe fn close_iterator(it: *mut ScandirIterator) {
    if !(*it).dirp.is_null() {
        let dirp = core::mem::replace(&mut (*it).dirp, core::ptr::null_mut());
        libc::closedir(dirp);
    }
}

unsafe extern "C" fn iterator_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut ScandirIterator;
    if (*it).dirp.is_null() {
        return core::ptr::null_mut();
    }
    match next_entry((*it).dirp) {
        Ok(Some(raw)) => ret(new_entry(it, raw)),
        Ok(None) => {
            close_iterator(it);
            core::ptr::null_mut()
        }
        Err(e) => {
            close_iterator(it);
            *libc::__errno_location() = e;
            let _set: crate::errors::raised::Raised = crate::modules::posix::args::errno_error();
            core::ptr::null_mut()
        }
    }
}

/// An iterator dropped while its directory is still open (neither closed nor exhausted)
/// gets CPython's ResourceWarning. The message shows the default repr by address: the
/// object is being freed, so it is not passed to the warning machinery.
unsafe fn warn_unclosed(op: *mut PyObject) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let text = format!("unclosed scandir iterator <posix.ScandirIterator object at {op:p}>");
    let text = std::ffi::CString::new(text).expect("no NUL");
    let category = &raw mut crate::errors::exception_types::_PyExc_ResourceWarning as *mut PyObject;
    if crate::errors::warnings::PyErr_WarnEx(category, text.as_ptr(), 1) < 0 {
        crate::errors::print::PyErr_WriteUnraisable(core::ptr::null_mut());
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

unsafe extern "C" fn iterator_dealloc(op: *mut PyObject) {
    let it = op as *mut ScandirIterator;
    if !(*it).dirp.is_null() {
        warn_unclosed(op);
    }
    close_iterator(it);
    if !(*it).base.is_null() {
        drop(Box::from_raw((*it).base));
    }
    temp_alloc::free_object(op.cast());
}

unsafe extern "C" fn iterator_close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    close_iterator(op as *mut ScandirIterator);
    ret(Ok(none_ref()))
}

unsafe extern "C" fn iterator_enter(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(Ok(PyRef::from_borrowed(op).unwrap()))
}

unsafe extern "C" fn iterator_exit(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    close_iterator(op as *mut ScandirIterator);
    ret(Ok(none_ref()))
}

static mut ITERATOR_METHODS: [PyMethodDef; 4] = [
    meth(c"close", iterator_close, METH_NOARGS, c"close($self, /)\n--\n\nCloses the iterator."),
    meth(c"__enter__", iterator_enter, METH_NOARGS, c"__enter__($self, /)\n--\n\n"),
    meth(c"__exit__", iterator_exit, METH_VARARGS, c"__exit__($self, *args, /)\n--\n\n"),
    END,
];

/// `scandir(path=None)`.
unsafe extern "C" fn scandir(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "scandir", names: &["path"], positional_only: 0, max_positional: 1, required: 0 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("scandir", "path", b[0], DIR_PATH)?;
        let dirp = open_dir(&path)?;
        let op = match PyRef::from_owned(temp_alloc::malloc_object(&raw mut ScandirIterator_Type, core::mem::size_of::<ScandirIterator>())) {
            Some(op) => op,
            None => {
                libc::closedir(dirp);
                return Err(no_memory());
            }
        };
        let it = op.as_ptr() as *mut ScandirIterator;
        (*it).dirp = dirp;
        (*it).is_bytes = path.is_bytes;
        (*it).fd = path.fd;
        (*it).base = if path.fd >= 0 {
            core::ptr::null_mut()
        } else {
            Box::into_raw(Box::new(path.c.as_ref().map_or(b".".to_vec(), |c| c.as_bytes().to_vec())))
        };
        Ok(op)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 1] = [fast_kw(
    c"scandir",
    scandir,
    c"scandir($module, /, path=None)\n--\n\nReturn an iterator of DirEntry objects for given path.",
)];

