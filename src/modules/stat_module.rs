//! The `_stat` module: the `S_IF*`/`S_I*` mode constants, the `S_IS*` file type tests,
//! `S_IMODE`, `S_IFMT` and `filemode` (what `stat.py` takes over when it is importable).
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::module_init::{add_ints, create, dict_of};
use crate::modules::{meth, module_def, ret, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::module::PyModuleDef;
use crate::objects::{int, str as pystr};

const S_IFMT: u32 = 0o170000;

/// A mode argument as CPython converts it (an unsigned long that must fit `mode_t`).
unsafe fn mode_arg(op: *mut PyObject) -> PyResult<u32> {
    let v = crate::objects::long_convert::PyLong_AsUnsignedLong(op);
    if v == core::ffi::c_ulong::MAX && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    u32::try_from(v).map_err(|_| raise_type(&raw mut exc::_PyExc_OverflowError, "mode out of range"))
}

macro_rules! file_type_test {
    ($fn_name:ident, $ifmt:expr) => {
        unsafe extern "C" fn $fn_name(_m: *mut PyObject, mode: *mut PyObject) -> *mut PyObject {
            ret(mode_arg(mode).map(|m| crate::abstract_::compare::bool_ref($ifmt != 0 && m & S_IFMT == $ifmt)))
        }
    };
}

file_type_test!(s_isdir, libc::S_IFDIR);
file_type_test!(s_ischr, libc::S_IFCHR);
file_type_test!(s_isblk, libc::S_IFBLK);
file_type_test!(s_isreg, libc::S_IFREG);
file_type_test!(s_isfifo, libc::S_IFIFO);
file_type_test!(s_islnk, libc::S_IFLNK);
file_type_test!(s_issock, libc::S_IFSOCK);
// Doors, event ports and whiteouts do not exist on Linux: their tests are always false.
file_type_test!(s_isdoor, 0);
file_type_test!(s_isport, 0);
file_type_test!(s_iswht, 0);

unsafe extern "C" fn s_imode(_m: *mut PyObject, mode: *mut PyObject) -> *mut PyObject {
    ret(mode_arg(mode).and_then(|m| int::from_i64((m & 0o7777) as i64)))
}

unsafe extern "C" fn s_ifmt(_m: *mut PyObject, mode: *mut PyObject) -> *mut PyObject {
    ret(mode_arg(mode).and_then(|m| int::from_i64((m & S_IFMT) as i64)))
}

/// `ls -l`'s ten-character rendering of a mode.
pub(crate) fn filemode_text(mode: u32) -> String {
    let kind = match mode & S_IFMT {
        libc::S_IFREG => '-',
        libc::S_IFDIR => 'd',
        libc::S_IFLNK => 'l',
        libc::S_IFCHR => 'c',
        libc::S_IFBLK => 'b',
        libc::S_IFIFO => 'p',
        libc::S_IFSOCK => 's',
        _ => '?',
    };
    // (read bit, write bit, execute bit, special bit, special letter with/without x).
    let triples = [
        (libc::S_IRUSR, libc::S_IWUSR, libc::S_IXUSR, libc::S_ISUID, ('s', 'S')),
        (libc::S_IRGRP, libc::S_IWGRP, libc::S_IXGRP, libc::S_ISGID, ('s', 'S')),
        (libc::S_IROTH, libc::S_IWOTH, libc::S_IXOTH, libc::S_ISVTX, ('t', 'T')),
    ];
    let mut out = String::with_capacity(10);
    out.push(kind);
    for (r, w, x, special, (with_x, without_x)) in triples {
        out.push(if mode & r != 0 { 'r' } else { '-' });
        out.push(if mode & w != 0 { 'w' } else { '-' });
        out.push(match (mode & special != 0, mode & x != 0) {
            (true, true) => with_x,
            (true, false) => without_x,
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    out
}

unsafe extern "C" fn filemode(_m: *mut PyObject, mode: *mut PyObject) -> *mut PyObject {
    ret(mode_arg(mode).and_then(|m| pystr::from_utf8(&filemode_text(m))))
}

static mut STAT_FUNCTIONS: [PyMethodDef; 14] = [
    meth(c"S_ISDIR", s_isdir, METH_O, c"S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory."),
    meth(c"S_ISCHR", s_ischr, METH_O, c"S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file."),
    meth(c"S_ISBLK", s_isblk, METH_O, c"S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file."),
    meth(c"S_ISREG", s_isreg, METH_O, c"S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file."),
    meth(c"S_ISFIFO", s_isfifo, METH_O, c"S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe)."),
    meth(c"S_ISLNK", s_islnk, METH_O, c"S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link."),
    meth(c"S_ISSOCK", s_issock, METH_O, c"S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket."),
    meth(c"S_ISDOOR", s_isdoor, METH_O, c"S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door."),
    meth(c"S_ISPORT", s_isport, METH_O, c"S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port."),
    meth(c"S_ISWHT", s_iswht, METH_O, c"S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout."),
    meth(c"S_IMODE", s_imode, METH_O, c"Return the portion of the file's mode that can be set by os.chmod()."),
    meth(c"S_IFMT", s_ifmt, METH_O, c"Return the portion of the file's mode that describes the file type."),
    meth(c"filemode", filemode, METH_O, c"Convert a file's mode to a string of the form '-rwxrwxrwx'"),
    END,
];

static mut STAT_DEF: PyModuleDef = module_def(
    c"_stat",
    c"S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\nS_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\nS_IFLNK: symbolic link\nS_IFSOCK: socket file\n",
    (&raw mut STAT_FUNCTIONS) as *mut PyMethodDef,
);

const STAT_CONSTANTS: &[(&str, u32)] = &[
    ("S_IFDIR", libc::S_IFDIR),
    ("S_IFCHR", libc::S_IFCHR),
    ("S_IFBLK", libc::S_IFBLK),
    ("S_IFREG", libc::S_IFREG),
    ("S_IFIFO", libc::S_IFIFO),
    ("S_IFLNK", libc::S_IFLNK),
    ("S_IFSOCK", libc::S_IFSOCK),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", libc::S_ISUID),
    ("S_ISGID", libc::S_ISGID),
    ("S_ISVTX", libc::S_ISVTX),
    ("S_ENFMT", libc::S_ISGID),
    ("S_IREAD", libc::S_IRUSR),
    ("S_IWRITE", libc::S_IWUSR),
    ("S_IEXEC", libc::S_IXUSR),
    ("S_IRWXU", libc::S_IRWXU),
    ("S_IRUSR", libc::S_IRUSR),
    ("S_IWUSR", libc::S_IWUSR),
    ("S_IXUSR", libc::S_IXUSR),
    ("S_IRWXG", libc::S_IRWXG),
    ("S_IRGRP", libc::S_IRGRP),
    ("S_IWGRP", libc::S_IWGRP),
    ("S_IXGRP", libc::S_IXGRP),
    ("S_IRWXO", libc::S_IRWXO),
    ("S_IROTH", libc::S_IROTH),
    ("S_IWOTH", libc::S_IWOTH),
    ("S_IXOTH", libc::S_IXOTH),
    // BSD file flags (st_flags), defined on every platform by CPython.
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_APPEND", 0x40000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    // Indices into the stat tuple.
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// The `_stat` module's constructor (`PyInit__stat` for the inittab).
pub(crate) unsafe extern "C" fn init_stat() -> *mut PyObject {
    ret((|| {
        let m = create(&raw mut STAT_DEF)?;
        add_ints(dict_of(&m), STAT_CONSTANTS)?;
        Ok(m)
    })())
}
