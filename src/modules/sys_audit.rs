//! Audit hooks (PEP 578): C hooks added with `PySys_AddAuditHook` belong to the runtime
//! (kept across initializations until a finalization clears them, after announcing
//! `cpython._PySys_ClearAuditHooks`); Python hooks added with `sys.addaudithook` belong to
//! the interpreter. `PySys_Audit` (a C shim for its variadic arguments, src/c/sys_write.c)
//! and `sys.audit` call the C hooks first, then the Python ones, each with the event name
//! and an argument tuple; the first failure stops the event and is its result.
use core::ffi::{c_char, c_int, c_void, CStr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::pyerr::{PyErr_Clear, PyErr_ExceptionMatches, PyErr_Fetch, PyErr_Restore};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, none_ref, owned, ret};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{list, str as pystr, tuple};
use crate::runtime::hooks::Py_AuditHookFunction;
use crate::runtime::interpreter;

/// One C hook: the function and its user data (a pointer kept as an address).
struct CHook {
    func: unsafe extern "C" fn(*const c_char, *mut PyObject, *mut c_void) -> c_int,
    user_data: usize,
}

static C_HOOKS: Mutex<Vec<CHook>> = Mutex::new(Vec::new());
/// How many C hooks there are: the check every audit point makes first, without a lock.
static C_HOOK_COUNT: AtomicUsize = AtomicUsize::new(0);

/// Whether an event would reach any hook (the cheap test made before building arguments).
pub(crate) fn should_audit() -> bool {
    if C_HOOK_COUNT.load(Ordering::Acquire) > 0 {
        return true;
    }
    interpreter::current().is_some_and(|i| !i.audit_hooks.is_null())
}

fn c_hooks_snapshot() -> Vec<(unsafe extern "C" fn(*const c_char, *mut PyObject, *mut c_void) -> c_int, usize)> {
    let hooks = C_HOOKS.lock().unwrap_or_else(|p| p.into_inner());
    hooks.iter().map(|h| (h.func, h.user_data)).collect()
}

/// Runs the hooks for `event` with `args` (a tuple). The caller has checked
/// `should_audit` and set aside any pending exception.
unsafe fn run_hooks(event: &CStr, args: *mut PyObject) -> PyResult<()> {
    for (func, user_data) in c_hooks_snapshot() {
        if func(event.as_ptr(), args, user_data as *mut c_void) < 0 {
            return Err(Raised::assume_set());
        }
    }
    let Some(owner) = interpreter::current() else { return Ok(()) };
    if owner.audit_hooks.is_null() {
        return Ok(());
    }
    let name = pystr::from_utf8(&event.to_string_lossy())?;
    // A snapshot: a hook may add hooks.
    let hooks: Vec<PyRef> = list::items(owner.audit_hooks).iter().map(|&h| new_ref(h)).collect();
    for hook in hooks {
        let call_args = [name.as_ptr(), args];
        owned(crate::abstract_::call::vectorcall(hook.as_ptr(), call_args.as_ptr(), 2, core::ptr::null_mut()))?;
    }
    Ok(())
}

/// Audits `event` with an argument tuple, keeping an exception that was already pending
/// when the hooks succeed (dropping it when they fail).
pub(crate) unsafe fn audit_tuple(event: &CStr, args: *mut PyObject) -> PyResult<()> {
    if !should_audit() {
        return Ok(());
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    let r = run_hooks(event, args);
    finish(r, t, v, tb)
}

unsafe fn finish(r: PyResult<()>, t: *mut PyObject, v: *mut PyObject, tb: *mut PyObject) -> PyResult<()> {
    if r.is_ok() {
        PyErr_Restore(t, v, tb);
    } else {
        drop((PyRef::from_owned(t), PyRef::from_owned(v), PyRef::from_owned(tb)));
    }
    r
}

/// Audits an event without arguments (the runtime's own events).
pub(crate) unsafe fn audit_no_args(event: &CStr) -> PyResult<()> {
    if !should_audit() {
        return Ok(());
    }
    let args = tuple::new(0)?;
    audit_tuple(event, args.as_ptr())
}

/// Called by the `PySys_Audit` shim once it has built the arguments (with the pending
/// exception set aside in `saved`): `args` is the built value (stolen; NULL when building
/// failed or there was no format), wrapped in a 1-tuple when it is not a tuple.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_sys_audit(
    event: *const c_char,
    args: *mut PyObject,
    had_format: c_int,
    saved: *mut *mut PyObject,
) -> c_int {
    let (t, v, tb) = (*saved, *saved.add(1), *saved.add(2));
    let r = (|| -> PyResult<()> {
        let built = match PyRef::from_owned(args) {
            Some(a) if tuple::is_tuple(a.as_ptr()) => a,
            Some(a) => tuple::from_vec(vec![a])?,
            None if had_format != 0 => return Err(Raised::assume_set()),
            None => tuple::new(0)?,
        };
        run_hooks(CStr::from_ptr(event), built.as_ptr())
    })();
    if finish(r, t, v, tb).is_ok() { 0 } else { -1 }
}

/// Whether the `PySys_Audit` shim should build arguments and call `_ferropy_sys_audit`.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_sys_should_audit(event: *const c_char) -> c_int {
    (!event.is_null() && !crate::runtime::pystate::current().is_null() && should_audit()) as c_int
}

/// Announces `sys.addaudithook`: Ok(true) when the hook may be added, Ok(false) when an
/// existing hook refused with an `Exception` (cleared, as CPython does), Err for others.
unsafe fn announce_new_hook() -> PyResult<bool> {
    if crate::runtime::pystate::current().is_null() {
        return Ok(true);
    }
    match audit_no_args(c"sys.addaudithook") {
        Ok(()) => Ok(true),
        Err(e) => {
            if PyErr_ExceptionMatches(&raw mut exc::_PyExc_Exception as *mut PyObject) != 0 {
                PyErr_Clear();
                Ok(false)
            } else {
                Err(e)
            }
        }
    }
}

/// `int PySys_AddAuditHook(Py_AuditHookFunction hook, void *userData)`: may be called
/// before initialization; 0 also when an existing hook refused (the new one is not added).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PySys_AddAuditHook(hook: Py_AuditHookFunction, user_data: *mut c_void) -> c_int {
    match announce_new_hook() {
        Ok(true) => {}
        Ok(false) => return 0,
        Err(_) => return -1,
    }
    let Some(func) = hook else { return 0 };
    let mut hooks = C_HOOKS.lock().unwrap_or_else(|p| p.into_inner());
    hooks.push(CHook { func, user_data: user_data as usize });
    C_HOOK_COUNT.store(hooks.len(), Ordering::Release);
    0
}

/// At finalization: announces `cpython._PySys_ClearAuditHooks` (errors ignored), then
/// forgets the C hooks.
pub(crate) unsafe fn clear_runtime_hooks() {
    if audit_no_args(c"cpython._PySys_ClearAuditHooks").is_err() {
        PyErr_Clear();
    }
    let mut hooks = C_HOOKS.lock().unwrap_or_else(|p| p.into_inner());
    hooks.clear();
    C_HOOK_COUNT.store(0, Ordering::Release);
}

/// `sys.addaudithook(hook)`.
pub(crate) unsafe extern "C" fn addaudithook(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: crate::abstract_::unpack_keywords::Params =
        crate::abstract_::unpack_keywords::Params { function: "addaudithook", names: &["hook"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let a = crate::abstract_::unpack_keywords::bind(&PARAMS, args, nargs as usize, kwnames)?;
        let hook = a[0].unwrap_or(core::ptr::null_mut());
        if !announce_new_hook()? {
            return Ok(none_ref());
        }
        let owner = interpreter::current().ok_or_else(crate::object::pending_error::bad_internal_call)?;
        if owner.audit_hooks.is_null() {
            owner.audit_hooks = list::new(0)?.into_ptr();
        }
        list::append(owner.audit_hooks, hook)?;
        Ok(none_ref())
    })())
}

/// `sys.audit(event, *args)`.
pub(crate) unsafe extern "C" fn audit(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !kwnames.is_null() && tuple::len(kwnames) > 0 {
            return Err(type_error("audit() takes no keyword arguments"));
        }
        let a = args_slice(args, nargs);
        let Some(&event) = a.first() else {
            return Err(type_error("audit() missing 1 required positional argument: 'event'"));
        };
        if !should_audit() {
            return Ok(none_ref());
        }
        if !pystr::is_str(event) {
            return Err(type_error(format!("expected str for argument 'event', not {}", tp_name(event))));
        }
        let name = std::ffi::CString::new(crate::abstract_::object::str_utf8(event)?)
            .map_err(|_| crate::object::pending_error::raise_type(&raw mut exc::_PyExc_ValueError, "embedded null character"))?;
        let event_args = tuple::from_ptrs(&a[1..])?;
        audit_tuple(&name, event_args.as_ptr())?;
        Ok(none_ref())
    })())
}
