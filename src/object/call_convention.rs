//! Calling the C function of a `PyMethodDef` under its `METH_*` convention, with CPython's
//! argument checks and messages. Builtin function objects (objects/cfunction.rs) and method
//! descriptors share it: they differ only in where `self` and the defining class come from,
//! and in the name their messages show.
//!
//! The result is returned as the C function gave it; the call protocol that called the
//! function object (`PyObject_Vectorcall`, `PyObject_Call`, ...: abstract_/call.rs) checks it
//! against the error state with the callable in the message, as CPython does
//! (`_Py_CheckFunctionResult`). Code that calls these functions outside the protocol should
//! check with `crate::abstract_::call::check_result`.
use core::ffi::{c_int, CStr};

use crate::abstract_::call::{stack_as_dict, tuple_from_array, unpack_dict};
use crate::errors::exception_types::{_PyExc_SystemError, _PyExc_TypeError};
use crate::eval::recursion;
use crate::object::methods::*;
use crate::object::object::{PyObject, PyTypeObject};
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
use crate::objects::{dict, tuple};
use crate::pyport::Py_ssize_t;

/// Where the recursion guard's RecursionError says it happened.
pub(crate) const WHILE_CALLING: &str = " while calling a Python object";

/// The calling conventions a `PyMethodDef` can declare (the `ml_flags` bits that select one;
/// `METH_CLASS`, `METH_STATIC` and `METH_COEXIST` are about binding, not calling).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Convention {
    /// `METH_VARARGS`: `f(self, args_tuple)`.
    VarArgs,
    /// `METH_VARARGS | METH_KEYWORDS`: `f(self, args_tuple, kwargs_dict_or_NULL)`.
    VarArgsKeywords,
    /// `METH_NOARGS`: `f(self, NULL)`.
    NoArgs,
    /// `METH_O`: `f(self, arg)`.
    O,
    /// `METH_FASTCALL`: `f(self, args, nargs)`.
    FastCall,
    /// `METH_FASTCALL | METH_KEYWORDS`: `f(self, args, nargs, kwnames)`.
    FastCallKeywords,
    /// `METH_METHOD | METH_FASTCALL | METH_KEYWORDS`: `f(self, cls, args, nargs, kwnames)`.
    MethodFastCallKeywords,
}

/// The convention `flags` select, or `None` for a combination CPython refuses
/// ("bad call flags").
pub(crate) fn convention(flags: c_int) -> Option<Convention> {
    const SELECTING: c_int =
        METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS | METH_METHOD;
    Some(match flags & SELECTING {
        METH_VARARGS => Convention::VarArgs,
        f if f == METH_VARARGS | METH_KEYWORDS => Convention::VarArgsKeywords,
        METH_NOARGS => Convention::NoArgs,
        METH_O => Convention::O,
        METH_FASTCALL => Convention::FastCall,
        f if f == METH_FASTCALL | METH_KEYWORDS => Convention::FastCallKeywords,
        f if f == METH_METHOD | METH_FASTCALL | METH_KEYWORDS => Convention::MethodFastCallKeywords,
        _ => return None,
    })
}

/// CPython's SystemError for a `PyMethodDef` whose flags select no convention.
///
/// # Safety
/// `ml` is a live method definition.
pub(crate) unsafe fn bad_call_flags(ml: *const PyMethodDef) -> *mut PyObject {
    let name = if (*ml).ml_name.is_null() {
        String::new()
    } else {
        CStr::from_ptr((*ml).ml_name).to_string_lossy().into_owned()
    };
    let _ = raise_type(&raw mut _PyExc_SystemError, format!("{name}() method: bad call flags"));
    core::ptr::null_mut()
}

/// "f() takes no keyword arguments": `name` is what precedes the parentheses.
#[cold]
#[inline(never)]
pub(crate) fn no_keywords(name: &dyn Fn() -> String) -> *mut PyObject {
    let _ = raise_type(&raw mut _PyExc_TypeError, format!("{}() takes no keyword arguments", name()));
    core::ptr::null_mut()
}

/// Whether a vectorcall's `kwnames` names any keyword argument.
///
/// # Safety
/// `kwnames` is NULL or a live tuple.
#[inline]
pub(crate) unsafe fn has_keywords(kwnames: *mut PyObject) -> bool {
    !kwnames.is_null() && tuple::len(kwnames) != 0
}

/// Calls the C function of `ml` with vectorcall-style arguments: `nargsf` positional
/// arguments at `args` (`PY_VECTORCALL_ARGUMENTS_OFFSET` may be set in `nargsf`), then one
/// value per name of `kwnames` (NULL or a tuple of str). `self_` is the function's first C
/// argument; `defining_class` is passed to `METH_METHOD` functions. Arguments and keywords
/// are checked as the convention requires, with CPython's messages, where `name()` gives what
/// CPython prints before "()" ("len", "list.append", "mymod.f").
///
/// The result is not checked against the error state (see the module comment).
///
/// # Safety
/// `ml` is NULL or a live method definition; `args` holds `nargs + len(kwnames)` live
/// objects; `kwnames` is NULL or a live tuple.
pub(crate) unsafe fn call_method_def(
    ml: *const PyMethodDef,
    self_: *mut PyObject,
    defining_class: *mut PyTypeObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
    name: &dyn Fn() -> String,
) -> *mut PyObject {
    if ml.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let Some(meth) = (*ml).ml_meth else {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    };
    let Some(conv) = convention((*ml).ml_flags) else {
        return bad_call_flags(ml);
    };
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let positional = || -> &[*mut PyObject] {
        if nargs == 0 { &[] } else { core::slice::from_raw_parts(args, nargs) }
    };
    if conv == Convention::VarArgs && has_keywords(kwnames) {
        return no_keywords(name);
    }
    match conv {
        Convention::NoArgs => call_noargs(meth, self_, nargsf, kwnames, name),
        Convention::O => call_o(meth, self_, args, nargsf, kwnames, name),
        Convention::FastCall => call_fast(meth, self_, args, nargsf, kwnames, name),
        Convention::FastCallKeywords => call_fast_keywords(meth, self_, args, nargsf, kwnames),
        Convention::MethodFastCallKeywords => {
            call_method_fast_keywords(meth, self_, defining_class, args, nargsf, kwnames)
        }
        Convention::VarArgs => {
            let Ok(argtuple) = tuple_from_array(positional()) else { return core::ptr::null_mut() };
            guarded(|| meth(self_, argtuple.as_ptr()))
        }
        Convention::VarArgsKeywords => {
            let Ok(argtuple) = tuple_from_array(positional()) else { return core::ptr::null_mut() };
            let kwdict = if has_keywords(kwnames) {
                match stack_as_dict(args.add(nargs), kwnames) {
                    Ok(d) => Some(d),
                    Err(_) => return core::ptr::null_mut(),
                }
            } else {
                None
            };
            let kw = kwdict.as_ref().map_or(core::ptr::null_mut(), |d| d.as_ptr());
            let f: PyCFunctionWithKeywords = core::mem::transmute(meth);
            guarded(|| f.unwrap_unchecked()(self_, argtuple.as_ptr(), kw))
        }
    }
}

/// The C function of a `PyMethodDef`, as declared (`ml_meth`); each convention casts it back.
pub(crate) type Meth = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;

#[cold]
#[inline(never)]
fn wrong_count(name: &dyn Fn() -> String, expected: &str, nargs: usize) -> *mut PyObject {
    let _ = raise_type(&raw mut _PyExc_TypeError, format!("{}() takes {expected} ({nargs} given)", name()));
    core::ptr::null_mut()
}

/// `METH_NOARGS` with vectorcall arguments (the `call_method_def` contract). `name` is
/// generic (not `&dyn`) here and below so that a caller's closure is only built on the error
/// paths: no stack frame for it on the way to the C function.
#[inline(always)]
pub(crate) unsafe fn call_noargs(
    meth: Meth,
    self_: *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
    name: impl Fn() -> String,
) -> *mut PyObject {
    if has_keywords(kwnames) {
        return no_keywords(&name);
    }
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    if nargs != 0 {
        return wrong_count(&name, "no arguments", nargs);
    }
    guarded(move || meth(self_, core::ptr::null_mut()))
}

/// `METH_O` with vectorcall arguments.
#[inline(always)]
pub(crate) unsafe fn call_o(
    meth: Meth,
    self_: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
    name: impl Fn() -> String,
) -> *mut PyObject {
    if has_keywords(kwnames) {
        return no_keywords(&name);
    }
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    if nargs != 1 {
        return wrong_count(&name, "exactly one argument", nargs);
    }
    let arg = *args;
    guarded(move || meth(self_, arg))
}

/// `METH_FASTCALL` with vectorcall arguments.
#[inline(always)]
pub(crate) unsafe fn call_fast(
    meth: Meth,
    self_: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
    name: impl Fn() -> String,
) -> *mut PyObject {
    if has_keywords(kwnames) {
        return no_keywords(&name);
    }
    let f: unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t) -> *mut PyObject =
        core::mem::transmute(meth);
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    guarded(move || f(self_, args, nargs as Py_ssize_t))
}

/// `METH_FASTCALL | METH_KEYWORDS` with vectorcall arguments.
#[inline(always)]
pub(crate) unsafe fn call_fast_keywords(
    meth: Meth,
    self_: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let f: unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t, *mut PyObject) -> *mut PyObject =
        core::mem::transmute(meth);
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    guarded(move || f(self_, args, nargs as Py_ssize_t, kwnames))
}

/// `METH_METHOD | METH_FASTCALL | METH_KEYWORDS` with vectorcall arguments.
#[inline(always)]
pub(crate) unsafe fn call_method_fast_keywords(
    meth: Meth,
    self_: *mut PyObject,
    defining_class: *mut PyTypeObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let f: unsafe extern "C" fn(*mut PyObject, *mut PyTypeObject, *const *mut PyObject, usize, *mut PyObject) -> *mut PyObject =
        core::mem::transmute(meth);
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    guarded(move || f(self_, defining_class, args, nargs, kwnames))
}

/// Runs `call` one level deeper in the C recursion guard. Callers pass `move` closures, so
/// that only the cold path puts the captured values in memory.
///
/// The level is taken in line only while some remain; the last levels (a raised limit, or
/// RecursionError) are handled by `guarded_at_limit`, which makes the whole call itself.
/// So nothing here calls out before `call`, and the caller's arguments need not be kept in
/// saved registers across a check: a convention's vectorcall needs no stack frame of its own.
#[inline(always)]
unsafe fn guarded(call: impl FnOnce() -> *mut PyObject) -> *mut PyObject {
    let tstate = crate::runtime::pystate::current();
    if !tstate.is_null() {
        let remaining = (*tstate).recursion_remaining;
        if remaining <= 0 {
            return guarded_at_limit(call);
        }
        (*tstate).recursion_remaining = remaining - 1;
    }
    let result = call();
    recursion::leave();
    result
}

/// `guarded` once the levels have run out: `recursion::enter` raises the limit or fails.
#[cold]
#[inline(never)]
unsafe fn guarded_at_limit(call: impl FnOnce() -> *mut PyObject) -> *mut PyObject {
    if recursion::enter(WHILE_CALLING).is_err() {
        return core::ptr::null_mut();
    }
    let result = call();
    recursion::leave();
    result
}

/// `call_method_def` with the arguments of `tp_call`: a tuple of positional arguments and
/// NULL or a dict of keyword arguments. `METH_VARARGS` functions receive them as they are
/// (the dict too, even empty, as CPython's builtin functions pass it), without a recursion
/// guard (the `tp_call` caller, `PyObject_Call`, holds one); the other conventions are called
/// as through `PyVectorcall_Call`.
///
/// # Safety
/// As `call_method_def`; `args` is a live tuple, `kwargs` NULL or a live dict.
pub(crate) unsafe fn call_method_def_tuple(
    ml: *const PyMethodDef,
    self_: *mut PyObject,
    defining_class: *mut PyTypeObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
    name: &dyn Fn() -> String,
) -> *mut PyObject {
    if ml.is_null() || args.is_null() || !tuple::is_tuple(args) || (!kwargs.is_null() && !dict::is_dict(kwargs)) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let Some(meth) = (*ml).ml_meth else {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    };
    let Some(conv) = convention((*ml).ml_flags) else {
        return bad_call_flags(ml);
    };
    let has_kwargs = !kwargs.is_null() && dict::len(kwargs) != 0;
    match conv {
        Convention::VarArgs => {
            if has_kwargs {
                return no_keywords(name);
            }
            meth(self_, args)
        }
        Convention::VarArgsKeywords => {
            let f: PyCFunctionWithKeywords = core::mem::transmute(meth);
            f.unwrap_unchecked()(self_, args, kwargs)
        }
        _ => {
            let positional = tuple::items(args);
            if !has_kwargs {
                return call_method_def(ml, self_, defining_class, positional.as_ptr(), positional.len(), core::ptr::null_mut(), name);
            }
            let Ok(unpacked) = unpack_dict(positional, kwargs) else { return core::ptr::null_mut() };
            call_method_def(
                ml,
                self_,
                defining_class,
                unpacked.args(),
                unpacked.nargsf(),
                unpacked.kwnames(),
                name,
            )
        }
    }
}
