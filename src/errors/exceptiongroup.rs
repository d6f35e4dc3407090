//! `BaseExceptionGroup`: `BaseExceptionGroup(message, exceptions)` with CPython 3.11's
//! checks, `message`, `exceptions`, its str `msg (N sub-exceptions)`, and the methods
//! `derive`, `split` and `subgroup`.
//!
//! `ExceptionGroup` is, as in CPython, a heap type made with
//! `PyErr_NewException("builtins.ExceptionGroup", (BaseExceptionGroup, Exception))`: it has
//! no C symbol (`builtins.ExceptionGroup` once the builtins module exists). It is made on
//! first use and released at finalization.
use core::ffi::c_int;

use crate::errors::baseexception::{self as be, to_c, to_status, END_MEMBER, END_METHOD};
use crate::errors::exception_types as exc;
use crate::errors::exceptions::PyBaseExceptionGroupObject;
use crate::errors::objtext;
use crate::errors::raised::{PyResult, Raised};
use crate::errors::small_exceptions::gc_fields;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::object::typetype::is_subtype;
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_ssize_t;

gc_fields!(PyBaseExceptionGroupObject, group_clear, group_traverse, msg, excs);

/// The `ExceptionGroup` class of this runtime (owned), made on first use.
static mut EXCEPTION_GROUP: *mut PyObject = core::ptr::null_mut();

/// `ExceptionGroup` (borrowed).
pub(crate) unsafe fn exception_group_type() -> PyResult<*mut PyTypeObject> {
    if EXCEPTION_GROUP.is_null() {
        let bases = tuple::from_slice(&[
            PyRef::from_borrowed(&raw mut exc::_PyExc_BaseExceptionGroup as *mut PyObject).expect("static"),
            PyRef::from_borrowed(&raw mut exc::_PyExc_Exception as *mut PyObject).expect("static"),
        ])?;
        let tp = crate::errors::setters::PyErr_NewException(c"builtins.ExceptionGroup".as_ptr(), bases.as_ptr(), core::ptr::null_mut());
        if tp.is_null() {
            return Err(Raised::assume_set());
        }
        EXCEPTION_GROUP = tp;
    }
    Ok(EXCEPTION_GROUP as *mut PyTypeObject)
}

/// Releases `ExceptionGroup` (at finalization; the next runtime makes its own).
pub(crate) fn clear() {
    // SAFETY: finalization, under the runtime's lock; no group of this runtime is used after.
    unsafe {
        let tp = core::mem::replace(&mut *(&raw mut EXCEPTION_GROUP), core::ptr::null_mut());
        // Its MRO holds the class itself: without a collector, break that cycle here.
        if !tp.is_null() {
            crate::object::heap_type::type_clear(tp);
        }
        crate::object::refcount::Py_DecRef(tp);
    }
}

unsafe fn eg<'a>(op: *mut PyObject) -> &'a mut PyBaseExceptionGroupObject {
    &mut *(op as *mut PyBaseExceptionGroupObject)
}

fn value_error(message: String) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
pub(crate) unsafe extern "C" fn group_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let a = be::args_tuple(args)?;
        let items = tuple::items(a.as_ptr());
        if items.len() != 2 {
            return Err(raise(
                ExcType::TypeError,
                format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", items.len()),
            ));
        }
        let (message, exceptions) = (items[0], items[1]);
        if !pystr::is_str(message) {
            let name = if message == be::none() { "None".into() } else { objtext::type_name_of(message) };
            return Err(raise(ExcType::TypeError, format!("BaseExceptionGroup.__new__() argument 1 must be str, not {name}")));
        }
        if !is_sequence(exceptions) {
            return Err(raise(ExcType::TypeError, "second argument (exceptions) must be a sequence"));
        }
        let excs = objtext::as_tuple(exceptions)?;
        let list = tuple::items(excs.as_ptr());
        if list.is_empty() {
            return Err(value_error("second argument (exceptions) must be a non-empty sequence".into()));
        }
        let exception = &raw mut exc::_PyExc_Exception;
        let base_group = &raw mut exc::_PyExc_BaseExceptionGroup;
        let mut nested_base = false;
        for (i, &e) in list.iter().enumerate() {
            if !be::is_instance(e) {
                return Err(value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
            }
            nested_base |= !is_subtype((*e).ob_type, exception);
        }
        let group = exception_group_type()?;
        let mut tp = tp;
        if tp == group {
            if nested_base {
                return Err(raise(ExcType::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup"));
            }
        } else if tp == base_group {
            // A group of Exceptions is an ExceptionGroup.
            if !nested_base {
                tp = group;
            }
        } else if nested_base && is_subtype(tp, exception) {
            // A user subclass may nest BaseExceptions unless it derives from Exception.
            let name = crate::object::typetype::type_name(tp);
            return Err(raise(ExcType::TypeError, format!("Cannot nest BaseExceptions in '{name}'")));
        }
        let _ = kwds;
        let op = be::new_instance(tp, args)?;
        let g = eg(op.as_ptr());
        be::set_field(&mut g.msg, message);
        be::set_field(&mut g.excs, excs.as_ptr());
        Ok(op)
    })())
}

/// Whether `op` supports the sequence protocol (`PySequence_Check`): not a dict, and it
/// has `sq_item`.
unsafe fn is_sequence(op: *mut PyObject) -> bool {
    if crate::objects::dict::is_dict(op) {
        return false;
    }
    let sq = (*(*op).ob_type).tp_as_sequence;
    !sq.is_null() && (*sq).sq_item.is_some()
}

/// `BaseExceptionGroup.__init__`: BaseException's (no keywords, `args` stored).
pub(crate) unsafe extern "C" fn group_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status(be::init_args(op, args, kwds))
}

/// `BaseExceptionGroup.__str__`: `msg (N sub-exception[s])`.
pub(crate) unsafe extern "C" fn group_str(op: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let g = eg(op);
        let msg = objtext::str_or_null(g.msg)?;
        let n = if g.excs.is_null() { 0 } else { tuple::len(g.excs) };
        pystr::from_utf8(&format!("{msg} ({n} sub-exception{})", if n > 1 { "s" } else { "" }))
    })())
}

/// `derive(excs)`: `BaseExceptionGroup(self.message, excs)`.
unsafe extern "C" fn derive(op: *mut PyObject, excs: *mut PyObject) -> *mut PyObject {
    to_c(derive_group(op, excs))
}

unsafe fn derive_group(op: *mut PyObject, excs: *mut PyObject) -> PyResult<PyRef> {
    let msg = PyRef::from_borrowed(be::or_none(eg(op).msg)).expect("live");
    let args = tuple::from_slice(&[msg, PyRef::from_borrowed(excs).ok_or_else(Raised::assume_set)?])?;
    crate::errors::normalize::instantiate(&raw mut exc::_PyExc_BaseExceptionGroup, args.as_ptr())
}

/// What `split`/`subgroup` match against.
enum Matcher {
    /// An exception class or a tuple of them.
    Types(*mut PyObject),
    /// A predicate called with each exception.
    Predicate(*mut PyObject),
    /// The leaf exceptions with these addresses (`except*`'s projection of re-raised parts).
    Ids(std::collections::HashSet<usize>),
}

unsafe fn matcher_of(value: *mut PyObject) -> PyResult<Matcher> {
    let is_class = |o: *mut PyObject| crate::errors::pyerr::is_exception_class(o);
    if is_class(value) || tuple::is_tuple(value) && tuple::items(value).iter().all(|&t| is_class(t)) {
        return Ok(Matcher::Types(value));
    }
    // Only Python functions are predicates (CPython checks PyFunction_Check, not callable).
    if is_python_function(value) {
        return Ok(Matcher::Predicate(value));
    }
    Err(raise(ExcType::TypeError, "expected a function, exception type or tuple of exception types"))
}

/// `PyFunction_Check`.
unsafe fn is_python_function(value: *mut PyObject) -> bool {
    (*value).ob_type == &raw mut crate::objects::function_type::PyFunction_Type
}

unsafe fn matches(m: &Matcher, e: *mut PyObject) -> PyResult<bool> {
    match *m {
        Matcher::Ids(ref ids) => {
            Ok(!is_subtype((*e).ob_type, &raw mut exc::_PyExc_BaseExceptionGroup) && ids.contains(&(e as usize)))
        }
        Matcher::Types(t) => Ok(crate::errors::pyerr::PyErr_GivenExceptionMatches(e, t) != 0),
        Matcher::Predicate(f) => {
            let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(f, e)).ok_or_else(Raised::assume_set)?;
            crate::abstract_::object::is_true(r.as_ptr())
        }
    }
}

/// `orig.derive(excs)` with the traceback, cause, context and notes of `orig`.
unsafe fn derive_and_copy(orig: *mut PyObject, excs: Vec<PyRef>) -> PyResult<PyRef> {
    let t = crate::objects::list::from_vec(excs)?;
    let derive = PyRef::from_owned(crate::object::object_attr::PyObject_GetAttrString(orig, c"derive".as_ptr()))
        .ok_or_else(Raised::assume_set)?;
    let new = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(derive.as_ptr(), t.as_ptr()))
        .ok_or_else(Raised::assume_set)?;
    if !be::is_instance(new.as_ptr()) || !is_subtype((*new.as_ptr()).ob_type, &raw mut exc::_PyExc_BaseExceptionGroup) {
        return Err(raise(ExcType::TypeError, "derive must return an instance of BaseExceptionGroup"));
    }
    let (from, to) = (be::head(orig), be::head(new.as_ptr()));
    be::set_field(&mut to.traceback, from.traceback);
    be::set_field(&mut to.cause, from.cause);
    be::set_field(&mut to.context, from.context);
    if !from.dict.is_null() {
        if let Some(notes) = crate::objects::dict::get_item_str(from.dict, "__notes__")? {
            if to.dict.is_null() {
                to.dict = crate::objects::dict::new()?.into_ptr();
            }
            let key = pystr::intern("__notes__")?;
            crate::objects::dict::set_item(to.dict, key.as_ptr(), notes)?;
        }
    }
    Ok(new)
}

/// Splits `e` into the part that matches and the rest (either may be None).
unsafe fn split_rec(e: *mut PyObject, m: &Matcher, want_rest: bool) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    if matches(m, e)? {
        return Ok((Some(PyRef::from_borrowed(e).expect("live")), None));
    }
    let is_group = is_subtype((*e).ob_type, &raw mut exc::_PyExc_BaseExceptionGroup);
    if !is_group {
        let rest = if want_rest { Some(PyRef::from_borrowed(e).expect("live")) } else { None };
        return Ok((None, rest));
    }
    crate::abstract_::object::with_recursion_guard(" in split", || {
        let (mut matched, mut rest) = (Vec::new(), Vec::new());
        let excs = eg(e).excs;
        if !excs.is_null() {
            for &sub in tuple::items(excs) {
                let (a, b) = split_rec(sub, m, want_rest)?;
                matched.extend(a);
                rest.extend(b);
            }
        }
        let matched = if matched.is_empty() { None } else { Some(derive_and_copy(e, matched)?) };
        let rest = if want_rest && !rest.is_empty() { Some(derive_and_copy(e, rest)?) } else { None };
        Ok((matched, rest))
    })
}

/// The part of the group `e` made of the leaf exceptions whose addresses are in `ids`.
pub(crate) unsafe fn project(e: *mut PyObject, ids: std::collections::HashSet<usize>) -> PyResult<Option<PyRef>> {
    Ok(split_rec(e, &Matcher::Ids(ids), false)?.0)
}

/// The `exceptions` tuple of a group (borrowed; NULL if unset).
pub(crate) unsafe fn group_items(e: *mut PyObject) -> *mut PyObject {
    eg(e).excs
}

fn or_none(r: Option<PyRef>) -> PyRef {
    // SAFETY: None is a static object.
    r.unwrap_or_else(|| unsafe { PyRef::from_borrowed(be::none()) }.expect("None"))
}

/// `split(matcher)`: `(match, rest)`.
unsafe extern "C" fn split(op: *mut PyObject, matcher: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let m = matcher_of(matcher)?;
        let (a, b) = split_rec(op, &m, true)?;
        tuple::from_slice(&[or_none(a), or_none(b)])
    })())
}

/// `subgroup(matcher)`: the matching part or None.
unsafe extern "C" fn subgroup(op: *mut PyObject, matcher: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let m = matcher_of(matcher)?;
        Ok(or_none(split_rec(op, &m, false)?.0))
    })())
}

pub(crate) static mut GROUP_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef {
        name: c"message".as_ptr(),
        r#type: T_OBJECT,
        offset: core::mem::offset_of!(PyBaseExceptionGroupObject, msg) as Py_ssize_t,
        flags: READONLY,
        doc: c"exception message".as_ptr(),
    },
    PyMemberDef {
        name: c"exceptions".as_ptr(),
        r#type: T_OBJECT,
        offset: core::mem::offset_of!(PyBaseExceptionGroupObject, excs) as Py_ssize_t,
        flags: READONLY,
        doc: c"nested exceptions".as_ptr(),
    },
    END_MEMBER,
];

pub(crate) static mut GROUP_METHODS: [PyMethodDef; 5] = [
    PyMethodDef { ml_name: c"derive".as_ptr(), ml_meth: Some(derive), ml_flags: METH_O, ml_doc: core::ptr::null() },
    PyMethodDef { ml_name: c"split".as_ptr(), ml_meth: Some(split), ml_flags: METH_O, ml_doc: core::ptr::null() },
    PyMethodDef { ml_name: c"subgroup".as_ptr(), ml_meth: Some(subgroup), ml_flags: METH_O, ml_doc: core::ptr::null() },
    crate::objects::generic_alias::CLASS_GETITEM,
    END_METHOD,
];
