//! `_thread.lock` (`allocate_lock()`, `LockType`) and `_thread.RLock`, on the pythread
//! semaphore locks of src/runtime/lock.rs. A blocking acquire first tries without waiting,
//! then releases the GIL while it waits (as `Py_BEGIN_ALLOW_THREADS` does) so the holder can
//! run; a signal interrupting the wait runs the handlers and waits for the rest of the time.
use core::ffi::c_ulong;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, tp_name};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{fast_kw, meth, none_ref, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::{bool as pybool, float, int, tuple};
use crate::runtime::lock::{PyThread_acquire_lock_timed, PyThread_allocate_lock, PyThread_free_lock, PyThread_release_lock};
use crate::runtime::thread::{PyLockStatus, PyThread_get_thread_ident, PyThread_type_lock, PY_TIMEOUT_MAX};

/// `_thread.TIMEOUT_MAX` in seconds: the pythread limit, whole seconds as CPython gives it.
pub(crate) const TIMEOUT_MAX_SECONDS: f64 = (PY_TIMEOUT_MAX / 1_000_000) as f64;

#[repr(C)]
struct Lock {
    ob_base: PyObject,
    lock: PyThread_type_lock,
    locked: bool,
}

#[repr(C)]
struct RLock {
    ob_base: PyObject,
    lock: PyThread_type_lock,
    owner: c_ulong,
    count: c_ulong,
}

/// `_thread.lock`.
pub(crate) static mut Lock_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(lock_dealloc),
    tp_repr: Some(lock_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut LOCK_METHODS) as *mut PyMethodDef,
    ..static_type(c"_thread.lock", core::mem::size_of::<Lock>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, None)
};

/// `_thread.RLock`.
pub(crate) static mut RLock_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(rlock_dealloc),
    tp_repr: Some(rlock_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut RLOCK_METHODS) as *mut PyMethodDef,
    tp_new: Some(rlock_new),
    ..static_type(c"_thread.RLock", core::mem::size_of::<RLock>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, None)
};

fn runtime_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_RuntimeError, message)
}

fn value_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

fn overflow_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}

/// A timeout object in microseconds, rounded up (CPython's `_PyTime_ROUND_TIMEOUT`), with
/// CPython's errors for values whose nanoseconds do not fit its 64-bit time type.
unsafe fn timeout_micros(timeout: *mut PyObject) -> PyResult<i64> {
    let nanos = if float::is_float(timeout) {
        let secs = float::as_double(timeout)?;
        if secs.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let nanos = (secs * 1e9).ceil();
        if !(-9.223_372_036_854_775e18..9.223_372_036_854_775e18).contains(&nanos) {
            return Err(overflow_error("timestamp out of range for platform time_t"));
        }
        nanos as i64
    } else {
        let too_large = || overflow_error("timestamp too large to convert to C _PyTime_t");
        let secs = crate::abstract_::number::index(timeout)?;
        let secs = crate::objects::long_convert::as_i64(secs.as_ptr()).map_err(|_| {
            crate::errors::pyerr::PyErr_Clear();
            too_large()
        })?;
        secs.checked_mul(1_000_000_000).ok_or_else(too_large)?
    };
    Ok(nanos.div_euclid(1000) + (nanos.rem_euclid(1000) != 0) as i64)
}

/// The wait of `acquire(blocking=True, timeout=-1)` in microseconds (-1: forever, 0: none).
unsafe fn acquire_params(args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> PyResult<i64> {
    static PARAMS: Params = Params { function: "acquire", names: &["blocking", "timeout"], positional_only: 0, max_positional: 2, required: 0 };
    let bound = bind(&PARAMS, args, nargs.max(0) as usize, kwnames)?;
    let blocking = match bound[0] {
        Some(b) => crate::abstract_::object::is_true(b)?,
        None => true,
    };
    let micros = match bound[1] {
        Some(t) => timeout_micros(t)?,
        None => -1_000_000,
    };
    if !blocking && micros != -1_000_000 {
        return Err(value_error("can't specify a timeout for a non-blocking call"));
    }
    if micros < 0 && micros != -1_000_000 {
        return Err(value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(0);
    }
    if micros == -1_000_000 {
        return Ok(-1);
    }
    if micros > PY_TIMEOUT_MAX {
        return Err(overflow_error("timeout value is too large"));
    }
    Ok(micros)
}

/// Takes `lock` waiting at most `micros` (-1: forever), with the GIL released while it
/// waits. Ok(false) on timeout; Err when a signal handler raised.
pub(crate) unsafe fn acquire_timed(lock: PyThread_type_lock, micros: i64) -> PyResult<bool> {
    if PyThread_acquire_lock_timed(lock, 0, 0) == PyLockStatus::PY_LOCK_ACQUIRED {
        return Ok(true);
    }
    if micros == 0 {
        return Ok(false);
    }
    let deadline = (micros > 0).then(|| std::time::Instant::now() + std::time::Duration::from_micros(micros as u64));
    let mut wait = micros;
    loop {
        let saved = crate::runtime::gil::PyEval_SaveThread();
        let status = PyThread_acquire_lock_timed(lock, wait, 1);
        crate::runtime::gil::PyEval_RestoreThread(saved);
        match status {
            PyLockStatus::PY_LOCK_ACQUIRED => return Ok(true),
            PyLockStatus::PY_LOCK_FAILURE => return Ok(false),
            PyLockStatus::PY_LOCK_INTR => {
                if crate::runtime::signals::PyErr_CheckSignals() < 0 {
                    return Err(Raised::assume_set());
                }
                if let Some(deadline) = deadline {
                    let left = deadline.saturating_duration_since(std::time::Instant::now());
                    if left.is_zero() {
                        return Ok(false);
                    }
                    wait = left.as_micros() as i64;
                }
            }
        }
    }
}

fn py_bool(v: bool) -> PyRef {
    // SAFETY: True and False are always live.
    unsafe { new_ref(if v { pybool::true_() } else { pybool::false_() }) }
}

unsafe fn new_lock_handle() -> PyResult<PyThread_type_lock> {
    let lock = PyThread_allocate_lock();
    if lock.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "can't allocate lock"));
    }
    Ok(lock)
}

// ---- _thread.lock ----

/// A new unlocked `_thread.lock` (`_thread.allocate_lock()`).
pub(crate) unsafe fn new_lock() -> PyResult<PyRef> {
    let handle = new_lock_handle()?;
    let Some(op) = PyRef::from_owned(temp_alloc::malloc_object(&raw mut Lock_Type, core::mem::size_of::<Lock>())) else {
        PyThread_free_lock(handle);
        return Err(no_memory());
    };
    let l = op.as_ptr() as *mut Lock;
    (*l).lock = handle;
    (*l).locked = false;
    Ok(op)
}

unsafe extern "C" fn lock_dealloc(op: *mut PyObject) {
    let l = op as *mut Lock;
    if (*l).locked {
        PyThread_release_lock((*l).lock);
    }
    PyThread_free_lock((*l).lock);
    temp_alloc::free_object(op.cast());
}

unsafe extern "C" fn lock_repr(op: *mut PyObject) -> *mut PyObject {
    let state = if (*(op as *mut Lock)).locked { "locked" } else { "unlocked" };
    ret(crate::objects::str::from_utf8(&format!("<{state} {} object at {op:p}>", tp_name(op))))
}

unsafe extern "C" fn lock_acquire(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let micros = acquire_params(args, nargs, kwnames)?;
        let l = op as *mut Lock;
        let got = acquire_timed((*l).lock, micros)?;
        if got {
            (*l).locked = true;
        }
        Ok(py_bool(got))
    })())
}

unsafe extern "C" fn lock_release(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let l = op as *mut Lock;
    if !(*l).locked {
        let _ = runtime_error("release unlocked lock");
        return core::ptr::null_mut();
    }
    (*l).locked = false;
    PyThread_release_lock((*l).lock);
    none_ref().into_ptr()
}

unsafe extern "C" fn lock_exit(op: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    lock_release(op, core::ptr::null_mut())
}

unsafe extern "C" fn lock_locked(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    py_bool((*(op as *mut Lock)).locked).into_ptr()
}

/// Swaps in a fresh pythread lock after `fork()` (CPython's `_PyThread_at_fork_reinit`): the
/// old one may be held by a thread that no longer exists in the child, so it is leaked
/// rather than freed or released.
unsafe fn fresh_handle(slot: &mut PyThread_type_lock) -> PyResult<()> {
    *slot = new_lock_handle()?;
    Ok(())
}

unsafe extern "C" fn lock_at_fork_reinit(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let l = op as *mut Lock;
        fresh_handle(&mut (*l).lock)?;
        (*l).locked = false;
        Ok(none_ref())
    })())
}

const ACQUIRE_DOC: &core::ffi::CStr = c"acquire(blocking=True, timeout=-1) -> bool\n(acquire_lock() is an obsolete synonym)\n\nLock the lock.";
const RELEASE_DOC: &core::ffi::CStr = c"release()\n(release_lock() is an obsolete synonym)\n\nRelease the lock.";
const LOCKED_DOC: &core::ffi::CStr = c"locked() -> bool\n(locked_lock() is an obsolete synonym)\n\nTests whether the lock is currently locked.";

static mut LOCK_METHODS: [PyMethodDef; 10] = [
    fast_kw(c"acquire_lock", lock_acquire, ACQUIRE_DOC),
    fast_kw(c"acquire", lock_acquire, ACQUIRE_DOC),
    meth(c"release_lock", lock_release, METH_NOARGS, RELEASE_DOC),
    meth(c"release", lock_release, METH_NOARGS, RELEASE_DOC),
    meth(c"locked_lock", lock_locked, METH_NOARGS, LOCKED_DOC),
    meth(c"locked", lock_locked, METH_NOARGS, LOCKED_DOC),
    fast_kw(c"__enter__", lock_acquire, c"acquire(blocking=True, timeout=-1) -> bool\n\nLock the lock."),
    meth(c"__exit__", lock_exit, METH_VARARGS, c"release()\n\nRelease the lock."),
    meth(c"_at_fork_reinit", lock_at_fork_reinit, METH_NOARGS, c""),
    END,
];

// ---- _thread.RLock ----

unsafe extern "C" fn rlock_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let handle = new_lock_handle()?;
        let Some(op) = PyRef::from_owned(temp_alloc::malloc_object(tp, core::mem::size_of::<RLock>())) else {
            PyThread_free_lock(handle);
            return Err(no_memory());
        };
        let r = op.as_ptr() as *mut RLock;
        (*r).lock = handle;
        (*r).owner = 0;
        (*r).count = 0;
        Ok(op)
    })())
}

unsafe extern "C" fn rlock_dealloc(op: *mut PyObject) {
    let r = op as *mut RLock;
    if (*r).count > 0 {
        PyThread_release_lock((*r).lock);
    }
    PyThread_free_lock((*r).lock);
    temp_alloc::free_object(op.cast());
}

unsafe extern "C" fn rlock_repr(op: *mut PyObject) -> *mut PyObject {
    let r = op as *mut RLock;
    let state = if (*r).count > 0 { "locked" } else { "unlocked" };
    ret(crate::objects::str::from_utf8(&format!(
        "<{state} {} object owner={} count={} at {op:p}>",
        tp_name(op),
        (*r).owner,
        (*r).count
    )))
}

unsafe fn rlock_owned(r: *mut RLock) -> bool {
    (*r).count > 0 && (*r).owner == PyThread_get_thread_ident()
}

unsafe extern "C" fn rlock_acquire(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let micros = acquire_params(args, nargs, kwnames)?;
        let r = op as *mut RLock;
        if rlock_owned(r) {
            if (*r).count == c_ulong::MAX {
                return Err(overflow_error("Internal lock count overflowed"));
            }
            (*r).count += 1;
            return Ok(py_bool(true));
        }
        let got = acquire_timed((*r).lock, micros)?;
        if got {
            (*r).owner = PyThread_get_thread_ident();
            (*r).count = 1;
        }
        Ok(py_bool(got))
    })())
}

unsafe extern "C" fn rlock_release(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = op as *mut RLock;
    if !rlock_owned(r) {
        let _ = runtime_error("cannot release un-acquired lock");
        return core::ptr::null_mut();
    }
    (*r).count -= 1;
    if (*r).count == 0 {
        (*r).owner = 0;
        PyThread_release_lock((*r).lock);
    }
    none_ref().into_ptr()
}

unsafe extern "C" fn rlock_exit(op: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    rlock_release(op, core::ptr::null_mut())
}

unsafe extern "C" fn rlock_is_owned(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    py_bool(rlock_owned(op as *mut RLock)).into_ptr()
}

unsafe extern "C" fn rlock_at_fork_reinit(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = op as *mut RLock;
        fresh_handle(&mut (*r).lock)?;
        (*r).owner = 0;
        (*r).count = 0;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn rlock_recursion_count(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = op as *mut RLock;
    let n = if rlock_owned(r) { (*r).count } else { 0 };
    ret(int::from_i64(n as i64))
}

/// `_release_save()`: releases completely, returning `(count, owner)` for `_acquire_restore`.
unsafe extern "C" fn rlock_release_save(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = op as *mut RLock;
        if (*r).count == 0 {
            return Err(runtime_error("cannot release un-acquired lock"));
        }
        let count = int::from_i64((*r).count as i64)?;
        let owner = PyRef::from_owned(crate::objects::long_convert::PyLong_FromUnsignedLong((*r).owner)).ok_or_else(Raised::assume_set)?;
        (*r).count = 0;
        (*r).owner = 0;
        PyThread_release_lock((*r).lock);
        tuple::from_ptrs(&[count.as_ptr(), owner.as_ptr()])
    })())
}

/// `_acquire_restore((count, owner))`: waits for the lock, then restores the saved state.
unsafe extern "C" fn rlock_acquire_restore(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !tuple::is_tuple(state) {
            let message = format!("_acquire_restore() argument 1 must be 2-item sequence, not {}", tp_name(state));
            return Err(crate::abstract_::type_error(message));
        }
        if tuple::len(state) != 2 {
            let message = format!("_acquire_restore() argument 1 must be sequence of length 2, not {}", tuple::len(state));
            return Err(crate::abstract_::type_error(message));
        }
        let items = tuple::items(state);
        let count = crate::objects::long_convert::PyLong_AsUnsignedLong(items[0]);
        if count == c_ulong::MAX && !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        let owner = crate::objects::long_convert::PyLong_AsUnsignedLong(items[1]);
        if owner == c_ulong::MAX && !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        let r = op as *mut RLock;
        if !acquire_timed((*r).lock, -1)? {
            return Err(runtime_error("couldn't acquire lock"));
        }
        (*r).owner = owner;
        (*r).count = count;
        Ok(none_ref())
    })())
}

static mut RLOCK_METHODS: [PyMethodDef; 10] = [
    fast_kw(c"acquire", rlock_acquire, c"acquire(blocking=True) -> bool\n\nLock the lock."),
    meth(c"release", rlock_release, METH_NOARGS, c"release()\n\nRelease the lock."),
    meth(c"_is_owned", rlock_is_owned, METH_NOARGS, c"_is_owned() -> bool\n\nFor internal use by `threading.Condition`."),
    meth(c"_at_fork_reinit", rlock_at_fork_reinit, METH_NOARGS, c""),
    meth(c"_recursion_count", rlock_recursion_count, METH_NOARGS, c"_recursion_count() -> int\n\nFor internal use by reentrancy checks."),
    meth(c"_release_save", rlock_release_save, METH_NOARGS, c"_release_save() -> tuple\n\nFor internal use by `threading.Condition`."),
    meth(c"_acquire_restore", rlock_acquire_restore, METH_O, c"_acquire_restore(state) -> None\n\nFor internal use by `threading.Condition`."),
    fast_kw(c"__enter__", rlock_acquire, c"acquire(blocking=True) -> bool\n\nLock the lock."),
    meth(c"__exit__", rlock_exit, METH_VARARGS, c"release()\n\nRelease the lock."),
    END,
];


// ---- _thread._set_sentinel ----

/// `on_delete` hook of a thread state with a sentinel: releases the lock if it is still
/// held (waking `Thread.join`) and drops the thread state's reference. Runs while the
/// thread state is cleared, with the GIL held; lock_dealloc runs no Python code.
unsafe extern "C" fn release_sentinel(data: *mut core::ffi::c_void) {
    let l = data as *mut Lock;
    if (*l).locked {
        (*l).locked = false;
        PyThread_release_lock((*l).lock);
    }
    crate::object::refcount::Py_DecRef(data.cast());
}

/// `_thread._set_sentinel()`: a new lock (threading acquires it at once) that is released
/// when the current thread state is cleared — how `threading` learns that a thread's
/// Python state is gone.
pub(crate) unsafe extern "C" fn set_sentinel(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let tstate = crate::runtime::pystate::current();
        if tstate.is_null() {
            return Err(crate::object::pending_error::bad_internal_call());
        }
        let lock = new_lock()?;
        let ts = &mut *tstate;
        // A sentinel made again (in a forked child) replaces the old one, which is dropped.
        let ours = ts.on_delete.is_some_and(|f| core::ptr::fn_addr_eq(f, release_sentinel as unsafe extern "C" fn(*mut core::ffi::c_void)));
        if ours && !ts.on_delete_data.is_null() {
            let old = core::mem::replace(&mut ts.on_delete_data, core::ptr::null_mut());
            ts.on_delete = None;
            crate::object::refcount::Py_DecRef(old.cast());
        }
        ts.on_delete_data = new_ref(lock.as_ptr()).into_ptr().cast();
        ts.on_delete = Some(release_sentinel);
        Ok(lock)
    })())
}
