//! The call protocol (CPython's `call.c` API): `PyObject_Call` and its tuple/dict form,
//! the vectorcall protocol (PEP 590: `PyObject_Vectorcall`, `PyVectorcall_Call`, ...),
//! `tp_call` fallback (`_PyObject_MakeTpCall`), the result check every protocol call makes
//! (`_Py_CheckFunctionResult`), and conversions between the two forms of keyword arguments
//! (a dict, or names in a tuple after the positional values).
use core::ffi::{c_char, c_int, CStr};

use crate::errors::exception_types::{_PyExc_SystemError, _PyExc_TypeError};
use crate::errors::baseexception::{PyException_SetCause, PyException_SetContext};
use crate::errors::normalize::PyErr_NormalizeException;
use crate::errors::pyerr::{PyErr_Fetch, PyErr_Occurred, PyErr_Restore};
use crate::errors::raised::{PyResult, Raised};
use crate::eval::recursion;
use crate::object::call_convention::WHILE_CALLING;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::object::refcount::Py_DecRef;
use crate::object::slots::{vectorcallfunc, PY_VECTORCALL_ARGUMENTS_OFFSET};
use crate::object::typeobject::Py_TPFLAGS_HAVE_VECTORCALL;
use crate::object::typetype::type_name;
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;
use crate::runtime::threadstate::PyThreadState;

// ---- Argument conversions -------------------------------------------------------------------

/// A new tuple of the (borrowed) objects `items`.
///
/// # Safety
/// Every item is a live object.
pub(crate) unsafe fn tuple_from_array(items: &[*mut PyObject]) -> PyResult<PyRef> {
    if items.iter().any(|p| p.is_null()) {
        return Err(bad_internal_call());
    }
    // Filled as it is made: no zeroing, no per-item replace.
    tuple::from_ptrs(items)
}

/// A dict of keyword arguments from vectorcall form: `values[i]` for `kwnames[i]`. Duplicate
/// names keep the last value, as CPython (the callee checks the names).
///
/// # Safety
/// `kwnames` is a live tuple and `values` holds one live object per name.
pub(crate) unsafe fn stack_as_dict(values: *const *mut PyObject, kwnames: *mut PyObject) -> PyResult<PyRef> {
    let d = dict::new()?;
    for (i, &key) in tuple::items(kwnames).iter().enumerate() {
        dict::set_item(d.as_ptr(), key, *values.add(i))?;
    }
    Ok(d)
}

/// Positional arguments and a keyword dict turned into vectorcall form: the positional
/// values, then the dict's values, with their names in `kwnames`. One free slot before the
/// arguments lets the callee use `PY_VECTORCALL_ARGUMENTS_OFFSET`. Holds a reference to
/// every value (the dict may change during the call).
pub(crate) struct UnpackedArgs {
    /// `[scratch slot, positional..., keyword values...]`.
    stack: Vec<*mut PyObject>,
    nargs: usize,
    kwnames: PyRef,
}

impl UnpackedArgs {
    /// The arguments, for the callee (`args[-1]` is ours to overwrite).
    pub(crate) fn args(&self) -> *const *mut PyObject {
        // SAFETY: the stack has the scratch slot at index 0.
        unsafe { self.stack.as_ptr().add(1) }
    }

    /// The positional count with `PY_VECTORCALL_ARGUMENTS_OFFSET`.
    pub(crate) fn nargsf(&self) -> usize {
        self.nargs | PY_VECTORCALL_ARGUMENTS_OFFSET
    }

    pub(crate) fn kwnames(&self) -> *mut PyObject {
        self.kwnames.as_ptr()
    }
}

impl Drop for UnpackedArgs {
    fn drop(&mut self) {
        for &op in &self.stack[1..] {
            // SAFETY: every argument slot holds a reference taken in `unpack_dict`.
            unsafe { Py_DecRef(op) };
        }
    }
}

/// `positional` plus the items of the non-empty dict `kwargs` in vectorcall form
/// (CPython's `_PyStack_UnpackDict`); a key that is not a str is "keywords must be strings".
///
/// # Safety
/// Every positional item is live; `kwargs` is a live dict.
pub(crate) unsafe fn unpack_dict(positional: &[*mut PyObject], kwargs: *mut PyObject) -> PyResult<UnpackedArgs> {
    let items = dict::items(kwargs);
    let kwnames = tuple::new(items.len())?;
    let mut stack = Vec::with_capacity(1 + positional.len() + items.len());
    stack.push(core::ptr::null_mut());
    let mut unpacked = UnpackedArgs { stack, nargs: positional.len(), kwnames };
    for &op in positional {
        crate::object::refcount::Py_IncRef(op);
        unpacked.stack.push(op);
    }
    let mut bad_key = false;
    for (i, &(key, value)) in items.iter().enumerate() {
        bad_key |= !pystr::is_str(key);
        tuple::init_item(unpacked.kwnames.as_ptr(), i, PyRef::from_borrowed(key).ok_or_else(bad_internal_call)?);
        crate::object::refcount::Py_IncRef(value);
        unpacked.stack.push(value);
    }
    if bad_key {
        return Err(raise_type(&raw mut _PyExc_TypeError, "keywords must be strings"));
    }
    Ok(unpacked)
}

/// `PyObject *_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyStack_AsDict(values: *const *mut PyObject, kwnames: *mut PyObject) -> *mut PyObject {
    if kwnames.is_null() || !tuple::is_tuple(kwnames) || (values.is_null() && tuple::len(kwnames) != 0) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    stack_as_dict(values, kwnames).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

// ---- The result check ------------------------------------------------------------------------

/// `repr(op)` through `tp_repr`, for messages; an error in the repr leaves a placeholder.
unsafe fn repr_text(op: *mut PyObject) -> String {
    let tp = (*op).ob_type;
    if let Some(repr) = (*tp).tp_repr {
        let mut t = core::ptr::null_mut();
        let mut v = core::ptr::null_mut();
        let mut tb = core::ptr::null_mut();
        let r = repr(op);
        if !r.is_null() {
            let text = if pystr::is_str(r) { pystr::to_string(r) } else { String::new() };
            Py_DecRef(r);
            return text;
        }
        PyErr_Fetch(&mut t, &mut v, &mut tb);
        Py_DecRef(t);
        Py_DecRef(v);
        Py_DecRef(tb);
    }
    format!("<{} object at {:p}>", type_name(tp), op)
}

/// What every protocol call does with a callee's result (CPython's `_Py_CheckFunctionResult`):
/// NULL must come with an exception and a result without one; a broken promise becomes a
/// SystemError naming `callable` (its repr) or, without one, `where_`.
///
/// # Safety
/// `callable` is NULL or live; `result` is NULL or a new reference.
#[inline(always)]
pub(crate) unsafe fn check_result(callable: *mut PyObject, result: *mut PyObject, where_: &str) -> *mut PyObject {
    let ts = crate::runtime::pystate::current();
    let occurred = !ts.is_null() && !(*ts).curexc_type.is_null();
    if result.is_null() == occurred {
        return result;
    }
    broken_result(callable, result, where_)
}

/// The SystemError of `check_result`.
#[cold]
#[inline(never)]
unsafe fn broken_result(callable: *mut PyObject, result: *mut PyObject, where_: &str) -> *mut PyObject {
    if result.is_null() {
        let who = if callable.is_null() { where_.to_string() } else { repr_text(callable) };
        let _ = raise_type(&raw mut _PyExc_SystemError, format!("{who} returned NULL without setting an exception"));
        return core::ptr::null_mut();
    }
    Py_DecRef(result);
    // The pending exception becomes the SystemError's cause (and context), both normalized.
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    if !tb.is_null() && !v.is_null() {
        crate::errors::baseexception::PyException_SetTraceback(v, tb);
    }
    let who = if callable.is_null() { where_.to_string() } else { repr_text(callable) };
    let _ = raise_type(&raw mut _PyExc_SystemError, format!("{who} returned a result with an exception set"));
    let (mut t2, mut v2, mut tb2) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t2, &mut v2, &mut tb2);
    PyErr_NormalizeException(&mut t2, &mut v2, &mut tb2);
    if !v.is_null() && !v2.is_null() {
        crate::object::refcount::Py_IncRef(v);
        PyException_SetCause(v2, v);
        PyException_SetContext(v2, v);
    } else {
        Py_DecRef(v);
    }
    Py_DecRef(t);
    Py_DecRef(tb);
    PyErr_Restore(t2, v2, tb2);
    core::ptr::null_mut()
}

/// `PyObject *_Py_CheckFunctionResult(PyThreadState *tstate, PyObject *callable,
/// PyObject *result, const char *where)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_CheckFunctionResult(
    _tstate: *mut PyThreadState,
    callable: *mut PyObject,
    result: *mut PyObject,
    where_: *const c_char,
) -> *mut PyObject {
    let where_ = if where_.is_null() { String::new() } else { CStr::from_ptr(where_).to_string_lossy().into_owned() };
    check_result(callable, result, &where_)
}

// ---- Calling ---------------------------------------------------------------------------------

/// A NULL callable or argument from C: CPython's `null_error` (SystemError unless an exception
/// is already set).
unsafe fn null_error() -> *mut PyObject {
    if PyErr_Occurred().is_null() {
        let _ = raise_type(&raw mut _PyExc_SystemError, "null argument to internal routine");
    }
    core::ptr::null_mut()
}

/// "'T' object is not callable".
unsafe fn not_callable(callable: *mut PyObject) -> *mut PyObject {
    let _ = raise_type(
        &raw mut _PyExc_TypeError,
        format!("'{}' object is not callable", type_name((*callable).ob_type)),
    );
    core::ptr::null_mut()
}

/// The vectorcall function of `callable`, if its type declares one and it is set.
///
/// # Safety
/// `callable` is a live object.
#[inline(always)]
pub(crate) unsafe fn vectorcall_function(callable: *mut PyObject) -> vectorcallfunc {
    let tp = (*callable).ob_type;
    if (*tp).tp_flags & Py_TPFLAGS_HAVE_VECTORCALL == 0 {
        return None;
    }
    let offset = (*tp).tp_vectorcall_offset;
    if offset <= 0 {
        return None;
    }
    *((callable as *const u8).offset(offset) as *const vectorcallfunc)
}

/// `vectorcallfunc PyVectorcall_Function(PyObject *callable)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyVectorcall_Function(callable: *mut PyObject) -> vectorcallfunc {
    if callable.is_null() {
        return None;
    }
    vectorcall_function(callable)
}

/// Calls `callable` through `tp_call` with vectorcall-style arguments; `keywords` is NULL, a
/// dict, or the names of the keyword values that follow the `nargs` positional ones.
///
/// # Safety
/// `callable` is live; `args` holds the arguments `keywords` implies.
pub(crate) unsafe fn make_tp_call(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargs: usize,
    keywords: *mut PyObject,
) -> *mut PyObject {
    let Some(call) = (*(*callable).ob_type).tp_call else {
        return not_callable(callable);
    };
    let positional: &[*mut PyObject] = if nargs == 0 { &[] } else { core::slice::from_raw_parts(args, nargs) };
    let Ok(argtuple) = tuple_from_array(positional) else { return core::ptr::null_mut() };
    let kwdict: Option<PyRef> = if keywords.is_null() || dict::is_dict(keywords) {
        PyRef::from_borrowed(keywords)
    } else if tuple::len(keywords) != 0 {
        match stack_as_dict(args.add(nargs), keywords) {
            Ok(d) => Some(d),
            Err(_) => return core::ptr::null_mut(),
        }
    } else {
        None
    };
    if recursion::enter(WHILE_CALLING).is_err() {
        return core::ptr::null_mut();
    }
    let result = call(callable, argtuple.as_ptr(), kwdict.as_ref().map_or(core::ptr::null_mut(), |d| d.as_ptr()));
    recursion::leave();
    check_result(callable, result, "")
}

/// `PyObject *_PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable,
/// PyObject *const *args, Py_ssize_t nargs, PyObject *keywords)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_MakeTpCall(
    _tstate: *mut PyThreadState,
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    keywords: *mut PyObject,
) -> *mut PyObject {
    if callable.is_null() || nargs < 0 || (nargs > 0 && args.is_null()) {
        return null_error();
    }
    make_tp_call(callable, args, nargs as usize, keywords)
}

/// The vectorcall protocol (`PyObject_Vectorcall`) as a Rust function.
///
/// # Safety
/// `callable` is live; `args` holds `nargs + len(kwnames)` live objects.
#[inline]
pub(crate) unsafe fn vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    match vectorcall_function(callable) {
        Some(func) => check_result(callable, func(callable, args, nargsf, kwnames), ""),
        None => make_tp_call(callable, args, nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames),
    }
}

/// `PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
/// PyObject *kwnames)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_Vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    if callable.is_null() {
        return null_error();
    }
    vectorcall(callable, args, nargsf, kwnames)
}

/// Calls `func` with a tuple and a keyword dict (CPython's `_PyVectorcall_Call`).
#[inline]
unsafe fn vectorcall_with_tuple(
    func: unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, usize, *mut PyObject) -> *mut PyObject,
    callable: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let positional = tuple::items(args);
    if kwargs.is_null() || dict::len(kwargs) == 0 {
        // As CPython's fast path: the callee's result is returned unchecked.
        return func(callable, positional.as_ptr(), positional.len(), core::ptr::null_mut());
    }
    vectorcall_with_dict(func, callable, positional, kwargs)
}

/// `vectorcall_with_tuple` with keyword arguments, kept out of line: the common call without
/// them then needs no stack frame (a tail call to `func`).
#[inline(never)]
unsafe fn vectorcall_with_dict(
    func: unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, usize, *mut PyObject) -> *mut PyObject,
    callable: *mut PyObject,
    positional: &[*mut PyObject],
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let Ok(unpacked) = unpack_dict(positional, kwargs) else { return core::ptr::null_mut() };
    let result = func(callable, unpacked.args(), unpacked.nargsf(), unpacked.kwnames());
    drop(unpacked);
    check_result(callable, result, "")
}

/// Whether `args` is a tuple and `kwargs` NULL or a dict; SystemError otherwise (CPython
/// asserts it).
unsafe fn tuple_and_dict(args: *mut PyObject, kwargs: *mut PyObject) -> Result<(), Raised> {
    if args.is_null() || !tuple::is_tuple(args) || (!kwargs.is_null() && !dict::is_dict(kwargs)) {
        return Err(bad_internal_call());
    }
    Ok(())
}

/// `PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *dict)`: calls
/// the vectorcall function of `callable`, which must have one (the type's flag is not
/// required, as in CPython).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyVectorcall_Call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    if callable.is_null() {
        return null_error();
    }
    if tuple_and_dict(args, kwargs).is_err() {
        return core::ptr::null_mut();
    }
    let tp = (*callable).ob_type;
    let offset = (*tp).tp_vectorcall_offset;
    let func: vectorcallfunc =
        if offset <= 0 { None } else { *((callable as *const u8).offset(offset) as *const vectorcallfunc) };
    let Some(func) = func else {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("'{}' object does not support vectorcall", type_name(tp)),
        );
        return core::ptr::null_mut();
    };
    vectorcall_with_tuple(func, callable, args, kwargs)
}

/// `callable(*args, **kwargs)` (CPython's `_PyObject_Call`): through the vectorcall function
/// when there is one, else `tp_call` one level deeper in the recursion guard.
///
/// # Safety
/// `callable` is live, `args` a live tuple, `kwargs` NULL or a live dict.
pub(crate) unsafe fn call_tuple(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    if let Some(func) = vectorcall_function(callable) {
        return vectorcall_with_tuple(func, callable, args, kwargs);
    }
    call_tuple_tp_call(callable, args, kwargs)
}

/// `call_tuple` through `tp_call`, out of line so that the vectorcall path needs no frame.
#[inline(never)]
unsafe fn call_tuple_tp_call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let Some(call) = (*(*callable).ob_type).tp_call else {
        return not_callable(callable);
    };
    if recursion::enter(WHILE_CALLING).is_err() {
        return core::ptr::null_mut();
    }
    let result = call(callable, args, kwargs);
    recursion::leave();
    check_result(callable, result, "")
}

/// `PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    if callable.is_null() {
        return null_error();
    }
    if tuple_and_dict(args, kwargs).is_err() {
        return core::ptr::null_mut();
    }
    call_tuple(callable, args, kwargs)
}

/// `PyObject *PyObject_CallObject(PyObject *callable, PyObject *args)`: `args` NULL means no
/// arguments; anything else must be a tuple.
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallObject(callable: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if callable.is_null() {
        return null_error();
    }
    if args.is_null() {
        return vectorcall(callable, core::ptr::null(), 0, core::ptr::null_mut());
    }
    if !tuple::is_tuple(args) {
        let _ = raise_type(&raw mut _PyExc_TypeError, "argument list must be a tuple");
        return core::ptr::null_mut();
    }
    call_tuple(callable, args, core::ptr::null_mut())
}

/// `PyObject *PyEval_CallObjectWithKeywords(PyObject *callable, PyObject *args,
/// PyObject *kwargs)` (deprecated since 3.9).
#[no_mangle]
pub unsafe extern "C" fn PyEval_CallObjectWithKeywords(
    callable: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    if !args.is_null() && !tuple::is_tuple(args) {
        let _ = raise_type(&raw mut _PyExc_TypeError, "argument list must be a tuple");
        return core::ptr::null_mut();
    }
    if !kwargs.is_null() && !dict::is_dict(kwargs) {
        let _ = raise_type(&raw mut _PyExc_TypeError, "keyword list must be a dictionary");
        return core::ptr::null_mut();
    }
    if callable.is_null() {
        return null_error();
    }
    if args.is_null() {
        return vectorcall_dict(callable, core::ptr::null(), 0, kwargs);
    }
    call_tuple(callable, args, kwargs)
}

/// `PyObject *PyObject_CallNoArgs(PyObject *func)`.
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallNoArgs(func: *mut PyObject) -> *mut PyObject {
    if func.is_null() {
        return null_error();
    }
    vectorcall(func, core::ptr::null(), 0, core::ptr::null_mut())
}

/// `PyObject *PyObject_CallOneArg(PyObject *func, PyObject *arg)`: one slot before the
/// argument is free, so a bound callee can prepend its `self` in place.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallOneArg(func: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if func.is_null() || arg.is_null() {
        return null_error();
    }
    let stack = [core::ptr::null_mut(), arg];
    vectorcall(func, stack.as_ptr().add(1), 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, core::ptr::null_mut())
}

/// `PyObject *_PyObject_FastCall(PyObject *func, PyObject *const *args, Py_ssize_t nargs)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_FastCall(func: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    if func.is_null() || nargs < 0 || (nargs > 0 && args.is_null()) {
        return null_error();
    }
    vectorcall(func, args, nargs as usize, core::ptr::null_mut())
}

/// `PyObject_VectorcallDict` as a Rust function.
///
/// # Safety
/// `callable` is live; `args` holds the positional arguments; `kwargs` is NULL or a dict.
pub(crate) unsafe fn vectorcall_dict(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let Some(func) = vectorcall_function(callable) else {
        return make_tp_call(callable, args, nargs, kwargs);
    };
    if kwargs.is_null() || dict::len(kwargs) == 0 {
        return check_result(callable, func(callable, args, nargsf, core::ptr::null_mut()), "");
    }
    let positional: &[*mut PyObject] = if nargs == 0 { &[] } else { core::slice::from_raw_parts(args, nargs) };
    let Ok(unpacked) = unpack_dict(positional, kwargs) else { return core::ptr::null_mut() };
    let result = func(callable, unpacked.args(), unpacked.nargsf(), unpacked.kwnames());
    drop(unpacked);
    check_result(callable, result, "")
}

/// `PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args,
/// size_t nargsf, PyObject *kwargs)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_VectorcallDict(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    if callable.is_null() {
        return null_error();
    }
    if !kwargs.is_null() && !dict::is_dict(kwargs) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    vectorcall_dict(callable, args, nargsf, kwargs)
}

/// `int PyCallable_Check(PyObject *o)`: whether `o`'s type has `tp_call`.
#[no_mangle]
pub unsafe extern "C" fn PyCallable_Check(o: *mut PyObject) -> c_int {
    if o.is_null() {
        return 0;
    }
    (*(*o).ob_type).tp_call.is_some() as c_int
}
