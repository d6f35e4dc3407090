//! Scheduling: policies and priorities (`sched_getscheduler`, `sched_setscheduler`,
//! `sched_getparam`, `sched_setparam`, the `sched_param` type), priority ranges,
//! `sched_rr_get_interval`, `sched_yield`, and CPU affinity as a set of CPU numbers.
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, bind_tuple_dict, Params};
use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{c_int_arg, check_args, errno_error, overflow, value_error};
use crate::modules::posix::structseqs::instance;
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::structseq::{PyStructSequence_Desc, PyStructSequence_Field, PyStructSequence_NewType};
use crate::objects::{float, int, long_convert, set};

static mut SCHED_PARAM_FIELDS: [PyStructSequence_Field; 2] = [
    PyStructSequence_Field { name: c"sched_priority".as_ptr(), doc: c"the scheduling priority".as_ptr() },
    PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() },
];

static mut SCHED_PARAM_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"posix.sched_param".as_ptr(),
    doc: c"sched_param(sched_priority)\n--\n\nCurrently has only one field: sched_priority\n\n  sched_priority\n    A scheduling parameter.".as_ptr(),
    fields: &raw mut SCHED_PARAM_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 1,
};

pub(crate) static mut SCHED_PARAM: *mut PyTypeObject = core::ptr::null_mut();

/// `sched_param(sched_priority)`: the one field, any object (checked when used).
unsafe extern "C" fn sched_param_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "sched_param", names: &["sched_priority"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let (_holder, b) = bind_tuple_dict(&P, args, kwargs)?;
        instance(SCHED_PARAM, vec![PyRef::from_borrowed(b[0].unwrap()).unwrap()])
    })())
}

/// Makes the `sched_param` type (once); the module attribute.
pub(crate) unsafe fn sched_param_type() -> PyResult<*mut PyObject> {
    if SCHED_PARAM.is_null() {
        let tp = PyStructSequence_NewType(&raw mut SCHED_PARAM_DESC);
        if tp.is_null() {
            return Err(Raised::assume_set());
        }
        (*tp).tp_new = Some(sched_param_new);
        SCHED_PARAM = tp;
    }
    Ok(SCHED_PARAM as *mut PyObject)
}

/// A `sched_param` argument as the C struct.
pub(crate) unsafe fn param_arg(op: *mut PyObject) -> PyResult<libc::sched_param> {
    if (*op).ob_type != SCHED_PARAM {
        return Err(type_error("must have a sched_param object"));
    }
    let priority = crate::objects::structseq::PyStructSequence_GetItem(op, 0);
    let i = crate::abstract_::number::index(priority)?;
    let v = long_convert::as_i64(i.as_ptr())?;
    let v = c_int::try_from(v).map_err(|_| overflow("sched_priority out of range"))?;
    Ok(libc::sched_param { sched_priority: v })
}

unsafe fn int_result(r: c_int) -> PyResult<PyRef> {
    if r < 0 {
        return Err(errno_error());
    }
    int::from_i64(r as i64)
}

unsafe fn unit_result(r: c_int) -> PyResult<PyRef> {
    if r < 0 {
        return Err(errno_error());
    }
    Ok(none_ref())
}

unsafe fn policy_arg(args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject, p: &Params) -> PyResult<c_int> {
    let b = bind(p, args, nargs as usize, kwnames)?;
    c_int_arg(b[0].unwrap())
}

/// `sched_get_priority_max(policy)`.
unsafe extern "C" fn sched_get_priority_max(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "sched_get_priority_max", names: &["policy"], positional_only: 0, max_positional: 1, required: 1 };
    ret(policy_arg(args, nargs, kwnames, &P).and_then(|p| int_result(libc::sched_get_priority_max(p))))
}

/// `sched_get_priority_min(policy)`.
unsafe extern "C" fn sched_get_priority_min(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "sched_get_priority_min", names: &["policy"], positional_only: 0, max_positional: 1, required: 1 };
    ret(policy_arg(args, nargs, kwnames, &P).and_then(|p| int_result(libc::sched_get_priority_min(p))))
}

/// `sched_getscheduler(pid, /)`: the policy.
unsafe extern "C" fn sched_getscheduler(_m: *mut PyObject, pid: *mut PyObject) -> *mut PyObject {
    ret(c_int_arg(pid).and_then(|pid| int_result(libc::sched_getscheduler(pid))))
}

/// `sched_setscheduler(pid, policy, param, /)`.
unsafe extern "C" fn sched_setscheduler(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"sched_setscheduler", a.len(), 3, 3)?;
        let (pid, policy, param) = (c_int_arg(a[0])?, c_int_arg(a[1])?, param_arg(a[2])?);
        unit_result(libc::sched_setscheduler(pid, policy, &param))
    })())
}

/// `sched_getparam(pid, /)`: a `sched_param`.
unsafe extern "C" fn sched_getparam(_m: *mut PyObject, pid: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let pid = c_int_arg(pid)?;
        let mut param: libc::sched_param = core::mem::zeroed();
        if libc::sched_getparam(pid, &mut param) < 0 {
            return Err(errno_error());
        }
        instance(SCHED_PARAM, vec![int::from_i64(param.sched_priority as i64)?])
    })())
}

/// `sched_setparam(pid, param, /)`.
unsafe extern "C" fn sched_setparam(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"sched_setparam", a.len(), 2, 2)?;
        let (pid, param) = (c_int_arg(a[0])?, param_arg(a[1])?);
        unit_result(libc::sched_setparam(pid, &param))
    })())
}

/// `sched_rr_get_interval(pid, /)`: the round-robin quantum in seconds.
unsafe extern "C" fn sched_rr_get_interval(_m: *mut PyObject, pid: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let pid = c_int_arg(pid)?;
        let mut t: libc::timespec = core::mem::zeroed();
        if libc::sched_rr_get_interval(pid, &mut t) < 0 {
            return Err(errno_error());
        }
        float::new(t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9)
    })())
}

unsafe extern "C" fn sched_yield(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::modules::posix::args::without_gil(|| libc::sched_yield());
    ret(Ok(none_ref()))
}

const WORD_BITS: usize = 64;

/// `sched_setaffinity(pid, mask, /)`: mask is an iterable of CPU numbers.
unsafe extern "C" fn sched_setaffinity(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"sched_setaffinity", a.len(), 2, 2)?;
        let pid = c_int_arg(a[0])?;
        let it = crate::abstract_::iter::get_iter(a[1])?;
        let mut words: Vec<u64> = vec![0; 1024 / WORD_BITS];
        while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
            if !int::is_int(item.as_ptr()) {
                let tp = (*item.as_ptr()).ob_type as *mut PyObject;
                let shown = crate::objects::str::to_string(crate::abstract_::object::repr(tp)?.as_ptr());
                return Err(type_error(format!("expected an iterator of ints, but iterator yielded {shown}")));
            }
            let cpu = long_convert::as_i64_with(item.as_ptr(), "Python int too large to convert to C long")?;
            if cpu < 0 {
                return Err(value_error("negative CPU number"));
            }
            if cpu > (c_int::MAX - 1) as i64 {
                return Err(overflow("invalid CPU number"));
            }
            let (w, bit) = (cpu as usize / WORD_BITS, cpu as usize % WORD_BITS);
            if w >= words.len() {
                words.resize((w + 1).next_power_of_two(), 0);
            }
            words[w] |= 1 << bit;
        }
        let size = words.len() * 8;
        unit_result(libc::sched_setaffinity(pid, size, words.as_ptr().cast()))
    })())
}

/// `sched_getaffinity(pid, /)`: the set of CPUs the process may run on.
unsafe extern "C" fn sched_getaffinity(_m: *mut PyObject, pid: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let pid = c_int_arg(pid)?;
        let mut words: Vec<u64> = vec![0; 1024 / WORD_BITS];
        loop {
            if libc::sched_getaffinity(pid, words.len() * 8, words.as_mut_ptr().cast()) == 0 {
                break;
            }
            // EINVAL: the kernel's mask is larger than ours.
            if *libc::__errno_location() != libc::EINVAL || words.len() >= (1 << 20) {
                return Err(errno_error());
            }
            let grown = words.len() * 2;
            words = vec![0; grown];
        }
        let out = set::new(false, core::ptr::null_mut())?;
        for (w, &word) in words.iter().enumerate() {
            for bit in 0..WORD_BITS {
                if word & (1 << bit) != 0 {
                    set::add(out.as_ptr(), int::from_i64((w * WORD_BITS + bit) as i64)?.as_ptr())?;
                }
            }
        }
        Ok(out)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 10] = [
    fast_kw(c"sched_get_priority_max", sched_get_priority_max, c"sched_get_priority_max($module, /, policy)\n--\n\nGet the maximum scheduling priority for policy."),
    fast_kw(c"sched_get_priority_min", sched_get_priority_min, c"sched_get_priority_min($module, /, policy)\n--\n\nGet the minimum scheduling priority for policy."),
    meth(c"sched_getscheduler", sched_getscheduler, METH_O, c"sched_getscheduler($module, pid, /)\n--\n\nGet the scheduling policy for the process identified by pid."),
    fast(c"sched_setscheduler", sched_setscheduler, c"sched_setscheduler($module, pid, policy, param, /)\n--\n\nSet the scheduling policy for the process identified by pid."),
    meth(c"sched_getparam", sched_getparam, METH_O, c"sched_getparam($module, pid, /)\n--\n\nReturns scheduling parameters for the process identified by pid."),
    fast(c"sched_setparam", sched_setparam, c"sched_setparam($module, pid, param, /)\n--\n\nSet scheduling parameters for the process identified by pid."),
    meth(c"sched_rr_get_interval", sched_rr_get_interval, METH_O, c"sched_rr_get_interval($module, pid, /)\n--\n\nReturn the round-robin quantum for the process identified by pid, in seconds."),
    meth(c"sched_yield", sched_yield, METH_NOARGS, c"sched_yield($module, /)\n--\n\nVoluntarily relinquish the CPU."),
    fast(c"sched_setaffinity", sched_setaffinity, c"sched_setaffinity($module, pid, mask, /)\n--\n\nSet the CPU affinity of the process identified by pid to mask."),
    meth(c"sched_getaffinity", sched_getaffinity, METH_O, c"sched_getaffinity($module, pid, /)\n--\n\nReturn the affinity of the process identified by pid (or the current process if zero)."),
];
