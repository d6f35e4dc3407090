//! The struct sequence types of `posix`: `stat_result`, `terminal_size`, `uname_result`,
//! `times_result`, `statvfs_result`, `waitid_result`. Each is made once per process (heap
//! types kept alive by this table),
//! on the first `posix` init.
use core::ffi::CStr;

use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::structseq::{PyStructSequence_Desc, PyStructSequence_Field, PyStructSequence_New, PyStructSequence_NewType, PyStructSequence_UnnamedField};

const fn field(name: &'static CStr) -> PyStructSequence_Field {
    PyStructSequence_Field { name: name.as_ptr(), doc: core::ptr::null() }
}
const END_FIELD: PyStructSequence_Field = PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() };

static mut STAT_FIELDS: [PyStructSequence_Field; 20] = [
    field(c"st_mode"),
    field(c"st_ino"),
    field(c"st_dev"),
    field(c"st_nlink"),
    field(c"st_uid"),
    field(c"st_gid"),
    field(c"st_size"),
    // The integer times: reachable by index only (filled in `init_types`).
    END_FIELD,
    END_FIELD,
    END_FIELD,
    field(c"st_atime"),
    field(c"st_mtime"),
    field(c"st_ctime"),
    field(c"st_atime_ns"),
    field(c"st_mtime_ns"),
    field(c"st_ctime_ns"),
    field(c"st_blksize"),
    field(c"st_blocks"),
    field(c"st_rdev"),
    END_FIELD,
];

static mut TERMINAL_SIZE_FIELDS: [PyStructSequence_Field; 3] = [field(c"columns"), field(c"lines"), END_FIELD];
static mut UNAME_FIELDS: [PyStructSequence_Field; 6] =
    [field(c"sysname"), field(c"nodename"), field(c"release"), field(c"version"), field(c"machine"), END_FIELD];
static mut TIMES_FIELDS: [PyStructSequence_Field; 6] =
    [field(c"user"), field(c"system"), field(c"children_user"), field(c"children_system"), field(c"elapsed"), END_FIELD];

static mut STATVFS_FIELDS: [PyStructSequence_Field; 12] = [
    field(c"f_bsize"),
    field(c"f_frsize"),
    field(c"f_blocks"),
    field(c"f_bfree"),
    field(c"f_bavail"),
    field(c"f_files"),
    field(c"f_ffree"),
    field(c"f_favail"),
    field(c"f_flag"),
    field(c"f_namemax"),
    field(c"f_fsid"),
    END_FIELD,
];
static mut WAITID_FIELDS: [PyStructSequence_Field; 6] =
    [field(c"si_pid"), field(c"si_uid"), field(c"si_signo"), field(c"si_status"), field(c"si_code"), END_FIELD];

static mut STATVFS_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"os.statvfs_result".as_ptr(),
    doc: c"statvfs_result: Result from statvfs or fstatvfs.".as_ptr(),
    fields: &raw mut STATVFS_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 10,
};
static mut WAITID_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"posix.waitid_result".as_ptr(),
    doc: c"waitid_result: Result from waitid.".as_ptr(),
    fields: &raw mut WAITID_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 5,
};

static mut STAT_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"os.stat_result".as_ptr(),
    doc: c"stat_result: Result from stat, fstat, or lstat.".as_ptr(),
    fields: &raw mut STAT_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 10,
};
static mut TERMINAL_SIZE_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"os.terminal_size".as_ptr(),
    doc: c"A tuple of (columns, lines) for holding terminal window size".as_ptr(),
    fields: &raw mut TERMINAL_SIZE_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 2,
};
static mut UNAME_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"posix.uname_result".as_ptr(),
    doc: c"uname_result: Result from os.uname().".as_ptr(),
    fields: &raw mut UNAME_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 5,
};
static mut TIMES_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"posix.times_result".as_ptr(),
    doc: c"times_result: Result from os.times().".as_ptr(),
    fields: &raw mut TIMES_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 5,
};

pub(crate) static mut STAT_RESULT: *mut PyTypeObject = core::ptr::null_mut();
pub(crate) static mut TERMINAL_SIZE: *mut PyTypeObject = core::ptr::null_mut();
pub(crate) static mut UNAME_RESULT: *mut PyTypeObject = core::ptr::null_mut();
pub(crate) static mut TIMES_RESULT: *mut PyTypeObject = core::ptr::null_mut();
pub(crate) static mut STATVFS_RESULT: *mut PyTypeObject = core::ptr::null_mut();
pub(crate) static mut WAITID_RESULT: *mut PyTypeObject = core::ptr::null_mut();

unsafe fn make(slot: *mut *mut PyTypeObject, desc: *mut PyStructSequence_Desc) -> PyResult<()> {
    if (*slot).is_null() {
        let tp = PyStructSequence_NewType(desc);
        if tp.is_null() {
            return Err(Raised::assume_set());
        }
        *slot = tp;
    }
    Ok(())
}

/// Makes the types (once).
pub(crate) unsafe fn init_types() -> PyResult<()> {
    for i in 7..10 {
        STAT_FIELDS[i].name = PyStructSequence_UnnamedField;
    }
    make(&raw mut STAT_RESULT, &raw mut STAT_DESC)?;
    make(&raw mut TERMINAL_SIZE, &raw mut TERMINAL_SIZE_DESC)?;
    make(&raw mut UNAME_RESULT, &raw mut UNAME_DESC)?;
    make(&raw mut TIMES_RESULT, &raw mut TIMES_DESC)?;
    make(&raw mut STATVFS_RESULT, &raw mut STATVFS_DESC)?;
    make(&raw mut WAITID_RESULT, &raw mut WAITID_DESC)
}

/// A new instance of `tp` with `items` (one per field, in order).
pub(crate) unsafe fn instance(tp: *mut PyTypeObject, items: Vec<PyRef>) -> PyResult<PyRef> {
    let op = PyRef::from_owned(PyStructSequence_New(tp)).ok_or_else(Raised::assume_set)?;
    for (i, item) in items.into_iter().enumerate() {
        crate::objects::structseq::PyStructSequence_SetItem(op.as_ptr(), i as isize, item.into_ptr());
    }
    Ok(op)
}

/// The types as module attributes: (name, type).
pub(crate) unsafe fn exported() -> [(&'static str, *mut PyObject); 6] {
    [
        ("stat_result", STAT_RESULT as *mut PyObject),
        ("terminal_size", TERMINAL_SIZE as *mut PyObject),
        ("uname_result", UNAME_RESULT as *mut PyObject),
        ("times_result", TIMES_RESULT as *mut PyObject),
        ("statvfs_result", STATVFS_RESULT as *mut PyObject),
        ("waitid_result", WAITID_RESULT as *mut PyObject),
    ]
}
