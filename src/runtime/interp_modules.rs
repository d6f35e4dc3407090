//! An interpreter's own modules: at its start the module table (`sys.modules`),
//! `builtins` and `sys` (in that order, as CPython makes them), then `atexit` and `_thread`
//! (in the table so that C code reaches them before import exists); at its end
//! `threading._shutdown()` (non-daemon threads joined), the atexit callbacks, the
//! flush of the standard streams, the `cpython.PyInterpreterState_Clear` audit event, and the
//! teardown of the table and of the interpreter's references to sys and builtins.
use core::ffi::CStr;

use crate::object::ptr::PyRef;
use crate::runtime::initconfig::PyStatus;
use crate::runtime::interpreter::Interpreter;

/// Makes the module table, `builtins` and `sys` of `owner` (the current interpreter, its
/// configuration read). The error is the status CPython gives.
pub(crate) unsafe fn init(owner: &mut Interpreter) -> Result<(), PyStatus> {
    let fail = |message: &'static CStr| {
        crate::errors::pyerr::PyErr_Clear();
        crate::runtime::pystatus::error(message)
    };
    owner.modules = crate::objects::dict::new().map_err(|_| fail(c"can't make modules dictionary"))?.into_ptr();
    crate::modules::builtins_module::create(owner).map_err(|_| fail(c"can't initialize builtins module"))?;
    let sys = crate::modules::sys_module::create(owner).map_err(|_| fail(c"can't initialize sys module"))?;
    let d = crate::objects::module::PyModule_GetDict(sys.as_ptr());
    crate::modules::sys_api::apply_preinit_options(d).map_err(|_| fail(c"can't initialize sys module"))?;
    crate::modules::atexit_module::install(owner).map_err(|_| fail(c"can't initialize atexit module"))?;
    crate::modules::thread_module::install(owner).map_err(|_| fail(c"can't initialize _thread module"))?;
    crate::modules::weakref_module::install(owner).map_err(|_| fail(c"can't initialize _weakref module"))?;
    crate::import::setup().map_err(|_| fail(c"can't initialize import system"))?;
    crate::modules::io::open::install_builtin_open(owner.builtins).map_err(|_| fail(c"can't initialize io.open"))?;
    // The codec's error stays pending: the fatal-error report prints it.
    crate::runtime::codec_names::apply(&mut owner.config)?;
    crate::modules::sys_stdio::install(owner.sysdict, &owner.config).map_err(|_| fail(c"can't initialize sys standard streams"))?;
    Ok(())
}

/// The first steps of an interpreter's end, while everything still works: the standard
/// streams are flushed and the end is announced to the audit hooks.
/// 0, or -1 when flushing a stream failed.
pub(crate) unsafe fn finalize(owner: &mut Interpreter) -> core::ffi::c_int {
    wait_for_thread_shutdown();
    crate::modules::atexit_module::run_callbacks(owner);
    let status = crate::modules::sys_stdio::flush_std_files();
    if crate::modules::sys_audit::audit_no_args(c"cpython.PyInterpreterState_Clear").is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
    status
}

/// `threading._shutdown()` when threading was imported: the interpreter waits for its
/// non-daemon threads before the atexit callbacks, as CPython does. A failure is reported
/// as unraisable.
pub(crate) unsafe fn wait_for_thread_shutdown() {
    let table = crate::runtime::module_table::modules();
    if table.is_null() {
        return;
    }
    let threading = match crate::objects::dict::get_item_str(table, "threading") {
        Ok(Some(m)) if m != crate::abstract_::none() => PyRef::from_borrowed(m).expect("non-NULL"),
        Ok(_) => return,
        Err(_) => {
            crate::errors::unraisable::write_unraisable(None, core::ptr::null_mut());
            return;
        }
    };
    if crate::modules::io::common::call_method0(threading.as_ptr(), "_shutdown").is_err() {
        crate::errors::unraisable::write_unraisable(None, threading.as_ptr());
    }
}

/// Drops the interpreter's modules and its references to sys, builtins and audit hooks.
pub(crate) unsafe fn clear(owner: &mut Interpreter) {
    crate::modules::atexit_module::clear_callbacks(owner);
    crate::runtime::module_table::clear(owner);
    crate::import::state::clear(owner);
    crate::errors::warnings_state::clear(owner);
    for field in [&mut owner.sysdict, &mut owner.builtins, &mut owner.audit_hooks] {
        drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
    }
}
