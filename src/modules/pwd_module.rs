//! The `pwd` module: the password database through `getpwuid_r`/`getpwnam_r` (the GIL
//! released during the lookup) and `getpwent`; entries are `pwd.struct_passwd`.
use core::ffi::{c_char, CStr};

use crate::abstract_::{tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::module_init::{add, create, dict_of};
use crate::modules::posix::args::{error_for, without_gil};
use crate::modules::{meth, module_def, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::structseq::{PyStructSequence_Desc, PyStructSequence_Field, PyStructSequence_New, PyStructSequence_NewType, PyStructSequence_SetItem};
use crate::objects::{int, list, str as pystr};

const fn field(name: &'static CStr, doc: &'static CStr) -> PyStructSequence_Field {
    PyStructSequence_Field { name: name.as_ptr(), doc: doc.as_ptr() }
}

static mut FIELDS: [PyStructSequence_Field; 8] = [
    field(c"pw_name", c"user name"),
    field(c"pw_passwd", c"password"),
    field(c"pw_uid", c"user id"),
    field(c"pw_gid", c"group id"),
    field(c"pw_gecos", c"real name"),
    field(c"pw_dir", c"home directory"),
    field(c"pw_shell", c"shell program"),
    PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() },
];

static mut DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"pwd.struct_passwd".as_ptr(),
    doc: c"pwd.struct_passwd: Results from getpw*() routines.\n\nThis object may be accessed either as a tuple of\n  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\nor via the object attributes as named in the above tuple.".as_ptr(),
    fields: &raw mut FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 7,
};

static mut STRUCT_PASSWD: *mut PyTypeObject = core::ptr::null_mut();

fn key_error(message: String) -> Raised {
    // SAFETY: a str key as the KeyError's argument.
    unsafe {
        match pystr::from_utf8(&message) {
            Ok(s) => {
                crate::errors::pyerr::PyErr_SetObject(&raw mut exc::_PyExc_KeyError as *mut PyObject, s.as_ptr());
                Raised::assume_set()
            }
            Err(e) => e,
        }
    }
}

unsafe fn text(p: *const c_char) -> PyResult<PyRef> {
    let bytes = if p.is_null() { &[][..] } else { CStr::from_ptr(p).to_bytes() };
    crate::codecs::fs_encoding::decode(bytes)
}

unsafe fn entry(pw: &libc::passwd) -> PyResult<PyRef> {
    let op = PyRef::from_owned(PyStructSequence_New(STRUCT_PASSWD)).ok_or_else(Raised::assume_set)?;
    let items = [
        text(pw.pw_name)?,
        text(pw.pw_passwd)?,
        int::from_i64(pw.pw_uid as i64)?,
        int::from_i64(pw.pw_gid as i64)?,
        text(pw.pw_gecos)?,
        text(pw.pw_dir)?,
        text(pw.pw_shell)?,
    ];
    for (i, item) in items.into_iter().enumerate() {
        PyStructSequence_SetItem(op.as_ptr(), i as isize, item.into_ptr());
    }
    Ok(op)
}

/// Runs a `getpw*_r` lookup with a growing buffer: Some(entry) or None when absent.
unsafe fn lookup(call: impl Fn(*mut libc::passwd, *mut c_char, usize, *mut *mut libc::passwd) -> i32) -> PyResult<Option<PyRef>> {
    let mut size = 1024usize;
    loop {
        let mut pwd: libc::passwd = core::mem::zeroed();
        let mut buf = vec![0 as c_char; size];
        let mut result: *mut libc::passwd = core::ptr::null_mut();
        let err = without_gil(|| call(&mut pwd, buf.as_mut_ptr(), size, &mut result));
        if err == libc::ERANGE && size < 1 << 20 {
            size *= 4;
            continue;
        }
        if result.is_null() {
            if err != 0 && err != libc::ENOENT && err != libc::ESRCH && err != libc::EBADF && err != libc::EPERM {
                return Err(error_for(err));
            }
            return Ok(None);
        }
        return entry(&pwd).map(Some);
    }
}

/// `getpwuid(uid, /)`.
unsafe extern "C" fn getpwuid(_m: *mut PyObject, uid: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if crate::abstract_::number::PyIndex_Check(uid) == 0 {
            return Err(type_error(format!("uid should be integer, not {}", tp_name(uid))));
        }
        let i = crate::abstract_::number::index(uid)?;
        let value = crate::objects::long_convert::int_to_i128(i.as_ptr());
        // -1 is (uid_t)-1, as CPython's converter takes it; other values outside uid_t
        // cannot name a user.
        let id = match value {
            Some(-1) => u32::MAX,
            Some(v) if (0..u32::MAX as i128).contains(&v) => v as u32,
            _ => return Err(key_error("getpwuid(): uid not found".into())),
        };
        match lookup(|p, b, n, r| libc::getpwuid_r(id, p, b, n, r))? {
            Some(e) => Ok(e),
            None => {
                let shown = crate::abstract_::object::str(uid)?;
                Err(key_error(format!("getpwuid(): uid not found: {}", pystr::to_string(shown.as_ptr()))))
            }
        }
    })())
}

/// `getpwnam(name, /)`.
unsafe extern "C" fn getpwnam(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !pystr::is_str(name) {
            return Err(type_error(format!("getpwnam() argument must be str, not {}", tp_name(name))));
        }
        let encoded = crate::codecs::fs_encoding::encode(name)?;
        let Ok(cname) = std::ffi::CString::new(crate::objects::bytes::as_slice(encoded.as_ptr())) else {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "embedded null byte"));
        };
        match lookup(|p, b, n, r| libc::getpwnam_r(cname.as_ptr(), p, b, n, r))? {
            Some(e) => Ok(e),
            None => {
                let shown = crate::abstract_::object::repr(name)?;
                Err(key_error(format!("getpwnam(): name not found: {}", pystr::to_string(shown.as_ptr()))))
            }
        }
    })())
}

/// `getpwall()`: every entry, in the database's order.
unsafe extern "C" fn getpwall(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let out = list::new(0)?;
        libc::setpwent();
        let r = (|| {
            loop {
                let p = libc::getpwent();
                if p.is_null() {
                    return Ok(());
                }
                list::append(out.as_ptr(), entry(&*p)?.as_ptr())?;
            }
        })();
        libc::endpwent();
        r.map(|()| out)
    })())
}

static mut PWD_FUNCTIONS: [PyMethodDef; 4] = [
    meth(c"getpwuid", getpwuid, METH_O, c"getpwuid($module, uidobj, /)\n--\n\nReturn the password database entry for the given numeric user ID.\n\nSee `help(pwd)` for more on password database entries."),
    meth(c"getpwnam", getpwnam, METH_O, c"getpwnam($module, name, /)\n--\n\nReturn the password database entry for the given user name.\n\nSee `help(pwd)` for more on password database entries."),
    meth(c"getpwall", getpwall, METH_NOARGS, c"getpwall($module, /)\n--\n\nReturn a list of all available password database entries, in arbitrary order.\n\nSee help(pwd) for more on password database entries."),
    END,
];

static mut PWD_DEF: PyModuleDef = module_def(
    c"pwd",
    c"This module provides access to the Unix password database.\nIt is available on all Unix versions.\n\nPassword database entries are reported as 7-tuples containing the following\nitems from the password database (see `<pwd.h>'), in order:\npw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\nThe uid and gid items are integers, all others are strings. An\nexception is raised if the entry asked for cannot be found.",
    (&raw mut PWD_FUNCTIONS) as *mut PyMethodDef,
);

/// The `pwd` module's constructor (`PyInit_pwd` for the inittab).
pub(crate) unsafe extern "C" fn init_pwd() -> *mut PyObject {
    ret((|| {
        if STRUCT_PASSWD.is_null() {
            let tp = PyStructSequence_NewType(&raw mut DESC);
            if tp.is_null() {
                return Err(Raised::assume_set());
            }
            STRUCT_PASSWD = tp;
        }
        let m = create(&raw mut PWD_DEF)?;
        add(dict_of(&m), "struct_passwd", STRUCT_PASSWD as *mut PyObject)?;
        PyResult::Ok(m)
    })())
}
