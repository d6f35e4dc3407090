//! `except*` (PEP 654): `CHECK_EG_MATCH` splits the exception still unhandled by the clause
//! type, `PREP_RERAISE_STAR` builds what leaves the `try` from the exceptions the clause
//! bodies raised and the unhandled rest.
use std::collections::HashSet;

use crate::abstract_::{new_ref, none, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typetype::is_subtype;
use crate::objects::{list, str as pystr, tuple};

unsafe fn is_group(e: *mut PyObject) -> bool {
    is_subtype((*e).ob_type, &raw mut exc::_PyExc_BaseExceptionGroup)
}

/// The right side of `except* X`: exception classes, none of them a group.
unsafe fn check_type(t: *mut PyObject) -> PyResult<()> {
    let items: &[*mut PyObject] = if tuple::is_tuple(t) { tuple::items(t) } else { core::slice::from_ref(&t) };
    if !items.iter().all(|&c| crate::errors::pyerr::is_exception_class(c)) {
        return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    let eg = &raw mut exc::_PyExc_BaseExceptionGroup;
    if items.iter().any(|&c| is_subtype(c as *mut _, eg)) {
        return Err(type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    Ok(())
}

/// `BaseExceptionGroup(message, excs)` (ExceptionGroup when all are Exceptions).
unsafe fn new_group(message: &str, excs: *mut PyObject) -> PyResult<PyRef> {
    let msg = pystr::from_utf8(message)?;
    let args = [msg.as_ptr(), excs];
    crate::abstract_::from_slot(crate::abstract_::call::vectorcall(
        &raw mut exc::_PyExc_BaseExceptionGroup as *mut PyObject,
        args.as_ptr(),
        2,
        core::ptr::null_mut(),
    ))
}

/// `CHECK_EG_MATCH`: `(rest, match)` when part of `exc_value` matches `match_type` (the
/// whole of it: rest None; a naked exception is wrapped in a group), else None.
pub(crate) unsafe fn check_eg_match(exc_value: *mut PyObject, match_type: *mut PyObject) -> PyResult<Option<(PyRef, PyRef)>> {
    check_type(match_type)?;
    if exc_value == none() {
        return Ok(None);
    }
    if crate::errors::pyerr::PyErr_GivenExceptionMatches(exc_value, match_type) != 0 {
        let matched = if is_group(exc_value) {
            new_ref(exc_value)
        } else {
            let excs = tuple::from_ptrs(&[exc_value])?;
            new_group("", excs.as_ptr())?
        };
        return Ok(Some((new_ref(none()), matched)));
    }
    if !is_group(exc_value) {
        return Ok(None);
    }
    let split = crate::object::object_attr::get_attr(exc_value, pystr::intern("split")?.as_ptr())?;
    let pair = crate::abstract_::from_slot(crate::abstract_::call::PyObject_CallOneArg(split.as_ptr(), match_type))?;
    if !tuple::is_tuple(pair.as_ptr()) || tuple::items(pair.as_ptr()).len() != 2 {
        return Err(type_error(format!(
            "{}.split must return a 2-tuple, got {}",
            crate::abstract_::tp_name(exc_value),
            crate::abstract_::tp_name(pair.as_ptr())
        )));
    }
    let [m, r] = [tuple::items(pair.as_ptr())[0], tuple::items(pair.as_ptr())[1]];
    if m == none() {
        return Ok(None);
    }
    Ok(Some((new_ref(r), new_ref(m))))
}

/// Whether `a` carries the same traceback, cause, context and notes as `b`: a part of the
/// original group re-raised by `raise` rather than a new exception.
unsafe fn same_metadata(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    let (x, y) = (crate::errors::baseexception::head(a), crate::errors::baseexception::head(b));
    let notes = |d: *mut PyObject| -> PyResult<*mut PyObject> {
        if d.is_null() {
            return Ok(core::ptr::null_mut());
        }
        Ok(crate::objects::dict::get_item_str(d, "__notes__")?.unwrap_or(core::ptr::null_mut()))
    };
    Ok(x.traceback == y.traceback && x.cause == y.cause && x.context == y.context && notes(x.dict)? == notes(y.dict)?)
}

/// The addresses of the leaf (non-group) exceptions under `e`.
unsafe fn leaf_ids(e: *mut PyObject, into: &mut HashSet<usize>) {
    if !is_group(e) {
        into.insert(e as usize);
        return;
    }
    let items = crate::errors::exceptiongroup::group_items(e);
    if !items.is_null() {
        for &sub in tuple::items(items) {
            leaf_ids(sub, into);
        }
    }
}

/// `PREP_RERAISE_STAR`: from the original exception and the list of what the clauses
/// raised (plus the unhandled rest, last), the exception leaving the `try`, or None.
/// Re-raised parts are put back in the shape of the original group; new exceptions join
/// them in a new group.
pub(crate) unsafe fn prep_reraise_star(orig: *mut PyObject, excs: *mut PyObject) -> PyResult<PyRef> {
    let items: Vec<*mut PyObject> = list::items(excs).iter().copied().filter(|&e| e != none()).collect();
    if items.is_empty() {
        return Ok(new_ref(none()));
    }
    if !is_group(orig) {
        // A naked exception was wrapped: at most one clause ran.
        return Ok(new_ref(items[0]));
    }
    let (mut raised, mut reraised_ids) = (Vec::new(), HashSet::new());
    for &e in &items {
        if same_metadata(e, orig)? {
            leaf_ids(e, &mut reraised_ids);
        } else {
            raised.push(new_ref(e));
        }
    }
    let reraised = if reraised_ids.is_empty() { None } else { crate::errors::exceptiongroup::project(orig, reraised_ids)? };
    if raised.is_empty() {
        return Ok(reraised.unwrap_or_else(|| new_ref(none())));
    }
    raised.extend(reraised);
    if raised.len() == 1 {
        return Ok(raised.pop().unwrap_unchecked());
    }
    let l = list::from_vec(raised)?;
    new_group("", l.as_ptr())
}
