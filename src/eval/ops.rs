//! The bodies of the eval loop's less trivial instructions, as plain functions over owned
//! and borrowed objects (the loop itself only moves references between the stack and them).
use core::ffi::c_int;

use crate::abstract_::{from_slot, new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{dict, list, str as pystr, tuple};

/// `BINARY_OP op`: CPython's NB_* numbering, in-place forms at +13.
#[inline]
pub(crate) unsafe fn binary_op(a: *mut PyObject, b: *mut PyObject, op: u32) -> *mut PyObject {
    use crate::abstract_::number::*;
    match op {
        0 => PyNumber_Add(a, b),
        1 => PyNumber_And(a, b),
        2 => PyNumber_FloorDivide(a, b),
        3 => PyNumber_Lshift(a, b),
        4 => PyNumber_MatrixMultiply(a, b),
        5 => PyNumber_Multiply(a, b),
        6 => PyNumber_Remainder(a, b),
        7 => PyNumber_Or(a, b),
        8 => PyNumber_Power(a, b, none()),
        9 => PyNumber_Rshift(a, b),
        10 => PyNumber_Subtract(a, b),
        11 => PyNumber_TrueDivide(a, b),
        12 => PyNumber_Xor(a, b),
        13 => PyNumber_InPlaceAdd(a, b),
        14 => PyNumber_InPlaceAnd(a, b),
        15 => PyNumber_InPlaceFloorDivide(a, b),
        16 => PyNumber_InPlaceLshift(a, b),
        17 => PyNumber_InPlaceMatrixMultiply(a, b),
        18 => PyNumber_InPlaceMultiply(a, b),
        19 => PyNumber_InPlaceRemainder(a, b),
        20 => PyNumber_InPlaceOr(a, b),
        21 => PyNumber_InPlacePower(a, b, none()),
        22 => PyNumber_InPlaceRshift(a, b),
        23 => PyNumber_InPlaceSubtract(a, b),
        24 => PyNumber_InPlaceTrueDivide(a, b),
        25 => PyNumber_InPlaceXor(a, b),
        _ => {
            let _ = raise_type(&raw mut exc::_PyExc_SystemError, format!("bad BINARY_OP argument {op}"));
            core::ptr::null_mut()
        }
    }
}

/// The exception set in the thread state, taken out of it as one normalized object whose
/// `__traceback__` is the traceback that was set.
pub(crate) unsafe fn fetch_exception() -> PyRef {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    // A handler at the recursion limit must get its RecursionError: the constructor call
    // that normalizing makes may go past the limit (else it fails again, and again).
    let ts = crate::runtime::pystate::current();
    (*ts).recursion_headroom += 1;
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    (*ts).recursion_headroom -= 1;
    if v.is_null() {
        // Only a failed normalization leaves no value: report it as SystemError.
        let _ = raise_type(&raw mut exc::_PyExc_SystemError, "error return without exception set");
        return fetch_exception();
    }
    if !tb.is_null() {
        crate::errors::baseexception::PyException_SetTraceback(v, tb);
    }
    drop(PyRef::from_owned(t));
    drop(PyRef::from_owned(tb));
    PyRef::from_owned(v).unwrap_unchecked()
}

/// Sets `value` (an exception instance) as the current exception, with its traceback, and
/// no implicit chaining (`RERAISE`).
pub(crate) unsafe fn restore_exception(value: PyRef) -> Raised {
    let tp = (*value.as_ptr()).ob_type as *mut PyObject;
    let tb = crate::errors::baseexception::PyException_GetTraceback(value.as_ptr());
    crate::object::refcount::Py_IncRef(tp);
    crate::errors::pyerr::PyErr_Restore(tp, value.into_ptr(), tb);
    Raised::assume_set()
}

/// Whether `op` is an exception class (a subclass of BaseException).
unsafe fn is_exception_class(op: *mut PyObject) -> bool {
    crate::errors::pyerr::is_exception_class(op)
}

/// An exception instance from `raise X`: a class is called with no arguments.
unsafe fn make_instance(x: *mut PyObject, what: &str) -> PyResult<PyRef> {
    if is_exception_class(x) {
        let v = from_slot(crate::abstract_::call::PyObject_CallNoArgs(x))?;
        if !crate::errors::pyerr::is_exception_instance(v.as_ptr()) {
            return Err(type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::abstract_::object::repr(x).map(|r| pystr::to_string(r.as_ptr())).unwrap_or_default(),
                tp_name(v.as_ptr())
            )));
        }
        return Ok(v);
    }
    if crate::errors::pyerr::is_exception_instance(x) {
        return Ok(new_ref(x));
    }
    Err(type_error(what.to_string()))
}

/// `raise exc [from cause]`; `exc` NULL re-raises the exception being handled.
pub(crate) unsafe fn do_raise(exc_: *mut PyObject, cause: *mut PyObject) -> Raised {
    if exc_.is_null() {
        let handled = crate::errors::normalize::handled(crate::runtime::pystate::current());
        if handled.is_null() || handled == none() {
            return raise_type(&raw mut exc::_PyExc_RuntimeError, "No active exception to reraise");
        }
        return restore_exception(new_ref(handled));
    }
    let value = match make_instance(exc_, "exceptions must derive from BaseException") {
        Ok(v) => v,
        Err(e) => return e,
    };
    if !cause.is_null() {
        let c = if cause == none() {
            None
        } else {
            match make_instance(cause, "exception causes must derive from BaseException") {
                Ok(c) => Some(c),
                Err(e) => return e,
            }
        };
        // PyException_SetCause steals the reference and sets __suppress_context__.
        crate::errors::baseexception::PyException_SetCause(value.as_ptr(), c.map_or(core::ptr::null_mut(), PyRef::into_ptr));
    }
    let tp = (*value.as_ptr()).ob_type as *mut PyObject;
    crate::errors::pyerr::PyErr_SetObject(tp, value.as_ptr());
    Raised::assume_set()
}

/// The items of an exact tuple or list (borrowed), else `None`.
#[inline(always)]
pub(crate) unsafe fn exact_sequence_items<'a>(seq: *mut PyObject) -> Option<&'a [*mut PyObject]> {
    if tuple::is_exact(seq) {
        Some(tuple::items(seq))
    } else if list::is_exact(seq) {
        Some(list::items(seq))
    } else {
        None
    }
}

/// `UNPACK_SEQUENCE n` / `UNPACK_EX`: the items of `seq`, `before` fixed ones, then (when
/// `after` is Some) a list of the middle and `after` fixed ones.
pub(crate) unsafe fn unpack(seq: *mut PyObject, before: usize, after: Option<usize>) -> PyResult<Vec<PyRef>> {
    if after.is_none() {
        if let Some(items) = exact_sequence_items(seq) {
            if items.len() == before {
                return Ok(items.iter().map(|&i| new_ref(i)).collect());
            }
        }
    }
    let it = match crate::abstract_::iter::get_iter(seq) {
        Ok(it) => it,
        Err(e) => {
            let is_type_error = crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0;
            let has_iter = (*(*seq).ob_type).tp_iter.is_some() || crate::abstract_::sequence::PySequence_Check(seq) != 0;
            if is_type_error && !has_iter {
                crate::errors::pyerr::PyErr_Clear();
                return Err(type_error(format!("cannot unpack non-iterable {} object", tp_name(seq))));
            }
            return Err(e);
        }
    };
    let mut out = Vec::with_capacity(before + after.unwrap_or(0) + 1);
    for i in 0..before {
        match crate::abstract_::iter::next(it.as_ptr())? {
            Some(v) => out.push(v),
            None => {
                let msg = match after {
                    None => format!("not enough values to unpack (expected {before}, got {i})"),
                    Some(a) => format!("not enough values to unpack (expected at least {}, got {i})", before + a),
                };
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, msg));
            }
        }
    }
    match after {
        None => {
            if crate::abstract_::iter::next(it.as_ptr())?.is_some() {
                let msg = format!("too many values to unpack (expected {before})");
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, msg));
            }
        }
        Some(a) => {
            let rest = list::from_iterable(it.as_ptr())?;
            let n = list::len(rest.as_ptr());
            if n < a {
                let msg = format!("not enough values to unpack (expected at least {}, got {})", before + a, before + n);
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, msg));
            }
            let tail: Vec<PyRef> = list::items(rest.as_ptr())[n - a..].iter().map(|&i| new_ref(i)).collect();
            list::replace_range(rest.as_ptr(), n - a, n, &[])?;
            out.push(rest);
            out.extend(tail);
        }
    }
    Ok(out)
}

/// `FORMAT_VALUE flags`: conversion (`!s`, `!r`, `!a`) then `format(value, spec)`.
pub(crate) unsafe fn format_value(value: *mut PyObject, flags: u32, spec: *mut PyObject) -> PyResult<PyRef> {
    // `f"{n}"` / `f"{n!s}"` of an exact int is its decimal text: no `__format__` lookup.
    if spec.is_null() && flags & 3 <= 1 && crate::objects::int::is_exact_int(value) {
        return from_slot(crate::objects::long_str::long_repr(value));
    }
    let converted = match flags & 3 {
        1 => Some(crate::abstract_::object::str(value)?),
        2 => Some(crate::abstract_::object::repr(value)?),
        3 => Some(crate::abstract_::object::ascii(value)?),
        _ => None,
    };
    let v = converted.as_ref().map_or(value, |c| c.as_ptr());
    if spec.is_null() && pystr::is_str(v) && (*v).ob_type == &raw mut pystr::PyUnicode_Type {
        return Ok(new_ref(v));
    }
    from_slot(crate::abstract_::format::PyObject_Format(v, if spec.is_null() { core::ptr::null_mut() } else { spec }))
}

/// `BUILD_STRING n`: the concatenation of `n` strs.
pub(crate) unsafe fn build_string(items: &[*mut PyObject]) -> PyResult<PyRef> {
    let empty = pystr::empty()?;
    from_slot(crate::objects::str_join::_PyUnicode_JoinArray(empty.as_ptr(), items.as_ptr(), items.len() as isize))
}

/// `DICT_MERGE`: `**mapping` into a call's keyword dict; duplicate keys are errors.
pub(crate) unsafe fn dict_merge(d: *mut PyObject, other: *mut PyObject, func: *mut PyObject) -> PyResult<()> {
    let keys: Vec<PyRef> = if dict::is_dict(other) {
        dict::items(other).iter().map(|&(k, _)| new_ref(k)).collect()
    } else {
        match crate::object::object_attr::lookup_attr(other, pystr::intern("keys")?.as_ptr())? {
            Some(k) => {
                let ks = from_slot(crate::abstract_::call::PyObject_CallNoArgs(k.as_ptr()))?;
                crate::abstract_::iter::collect(ks.as_ptr())?
            }
            None => {
                return Err(type_error(format!("{} argument after ** must be a mapping, not {}", func_desc(func), tp_name(other))));
            }
        }
    };
    for k in keys {
        if dict::get_item(d, k.as_ptr())?.is_some() {
            if !pystr::is_str(k.as_ptr()) {
                return Err(type_error(format!("{} keywords must be strings", func_desc(func))));
            }
            let name = pystr::to_string(k.as_ptr());
            return Err(type_error(format!("{} got multiple values for keyword argument '{name}'", func_desc(func))));
        }
        let v = crate::abstract_::item::get_item(other, k.as_ptr())?;
        dict::set_item(d, k.as_ptr(), v.as_ptr())?;
    }
    Ok(())
}

/// How the call errors of `*`/`**` arguments name the callable (CPython's
/// `_PyObject_FunctionStr`): `module.qualname()`, just `qualname()` for builtins or
/// without a module, `str(func)` when it has no `__qualname__`.
pub(crate) unsafe fn func_desc(func: *mut PyObject) -> String {
    if func.is_null() {
        return "function()".into();
    }
    let qualname = match pystr::intern("__qualname__").and_then(|n| crate::object::object_attr::get_attr(func, n.as_ptr())) {
        Ok(q) => q,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            return crate::abstract_::object::str(func).map(|s| pystr::to_string(s.as_ptr())).unwrap_or_default();
        }
    };
    let q = crate::abstract_::object::str(qualname.as_ptr()).map(|s| pystr::to_string(s.as_ptr())).unwrap_or_default();
    let module = pystr::intern("__module__").and_then(|n| crate::object::object_attr::lookup_attr(func, n.as_ptr()));
    match module {
        Ok(Some(m)) if pystr::is_str(m.as_ptr()) && pystr::to_string(m.as_ptr()) != "builtins" => {
            format!("{}.{q}()", pystr::to_string(m.as_ptr()))
        }
        Ok(Some(m)) if m.as_ptr() != none() && !pystr::is_str(m.as_ptr()) => {
            let ms = crate::abstract_::object::str(m.as_ptr()).map(|s| pystr::to_string(s.as_ptr())).unwrap_or_default();
            format!("{ms}.{q}()")
        }
        Ok(_) => format!("{q}()"),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            format!("{q}()")
        }
    }
}

/// `CALL_FUNCTION_EX`'s positional argument: a tuple, converting any iterable.
pub(crate) unsafe fn star_args(func: *mut PyObject, args: *mut PyObject) -> PyResult<PyRef> {
    if tuple::is_exact(args) {
        return Ok(new_ref(args));
    }
    let has_iter = (*(*args).ob_type).tp_iter.is_some() || crate::abstract_::sequence::PySequence_Check(args) != 0;
    if !has_iter {
        return Err(type_error(format!("{} argument after * must be an iterable, not {}", func_desc(func), tp_name(args))));
    }
    from_slot(crate::abstract_::sequence::PySequence_Tuple(args))
}

/// `CONTAINS_OP`: `x in container`.
pub(crate) unsafe fn contains(container: *mut PyObject, x: *mut PyObject) -> PyResult<bool> {
    let r: c_int = crate::abstract_::sequence::PySequence_Contains(container, x);
    if r < 0 {
        return Err(Raised::assume_set());
    }
    Ok(r != 0)
}
