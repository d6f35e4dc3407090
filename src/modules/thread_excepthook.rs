//! `_thread._excepthook` and `_thread._ExceptHookArgs`: how `threading` reports an
//! exception that ends a thread ("Exception in thread NAME:" and the traceback on
//! `sys.stderr`; SystemExit is silent), as CPython's `_thread` does.
use core::ffi::CStr;

use crate::abstract_::none;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{none_ref, ret};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::typeobject::PyTypeObject;
use crate::objects::structseq::{PyStructSequence_Desc, PyStructSequence_Field, PyStructSequence_NewType};

const fn field(name: &'static CStr) -> PyStructSequence_Field {
    PyStructSequence_Field { name: name.as_ptr(), doc: core::ptr::null() }
}

static mut FIELDS: [PyStructSequence_Field; 5] = [
    field(c"exc_type"),
    field(c"exc_value"),
    field(c"exc_traceback"),
    field(c"thread"),
    PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() },
];

static mut DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"_thread._ExceptHookArgs".as_ptr(),
    doc: c"ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.".as_ptr(),
    fields: &raw mut FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 4,
};

static mut EXCEPT_HOOK_ARGS: *mut PyTypeObject = core::ptr::null_mut();

/// `_thread._ExceptHookArgs`, made on first use.
pub(crate) unsafe fn args_type() -> PyResult<*mut PyTypeObject> {
    if EXCEPT_HOOK_ARGS.is_null() {
        let tp = PyStructSequence_NewType(&raw mut DESC);
        if tp.is_null() {
            return Err(Raised::assume_set());
        }
        EXCEPT_HOOK_ARGS = tp;
    }
    Ok(EXCEPT_HOOK_ARGS)
}

unsafe fn write(file: *mut PyObject, text: &str) -> PyResult<()> {
    let s = crate::objects::str::from_utf8(text)?;
    crate::modules::sys_stdio::file_write(file, s.as_ptr())
}

/// `_thread._excepthook(args)`: prints the exception of `args` (an `_ExceptHookArgs`)
/// with the thread's name to `sys.stderr`; nothing for SystemExit or without a stderr.
pub(crate) unsafe extern "C" fn excepthook(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let tp = args_type()?;
        if (*args).ob_type != tp {
            return Err(raise_type(&raw mut exc::_PyExc_TypeError, "_thread._excepthook argument type must be ExceptHookArgs"));
        }
        let item = |i: usize| crate::objects::tuple::items(args)[i];
        let (exc_type, exc_value, exc_tb, thread) = (item(0), item(1), item(2), item(3));
        if exc_type == &raw mut exc::_PyExc_SystemExit as *mut PyObject {
            return Ok(none_ref());
        }
        let file = crate::modules::sys_stdio::sys_attr("stderr");
        if file.is_null() || file == none() {
            return Ok(none_ref());
        }
        let name = if thread != none() {
            crate::import::spec::attr_opt(thread, "name")?.filter(|n| n.as_ptr() != none())
        } else {
            None
        };
        let label = match name {
            Some(n) => crate::objects::str::to_string(crate::abstract_::object::str(n.as_ptr())?.as_ptr()),
            None => crate::runtime::thread::PyThread_get_thread_ident().to_string(),
        };
        write(file, &format!("Exception in thread {label}:\n"))?;
        crate::modules::sys_stdio::file_flush(file)?;
        let value = if exc_value == none() { core::ptr::null_mut() } else { exc_value };
        let tb = if exc_tb == none() { core::ptr::null_mut() } else { exc_tb };
        crate::errors::print::PyErr_Display(exc_type, value, tb);
        crate::modules::sys_stdio::file_flush(file)?;
        Ok(none_ref())
    })())
}
