//! `functools.partial(func, /, *args, **keywords)`: a callable with some arguments bound.
//! A partial of a partial (without instance attributes) binds to the inner function
//! directly, so the call never goes through two layers.
use core::ffi::c_int;
use core::mem::offset_of;

use crate::abstract_::{from_slot, new_ref, ret_obj, type_error};
use crate::errors::raised::PyResult;
use crate::modules::itertools::repr_string;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::{vectorcallfunc, visitproc, PY_VECTORCALL_ARGUMENTS_OFFSET};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL};
use crate::objects::{dict, str as pystr, tuple};

#[repr(C)]
struct Partial {
    ob_base: PyObject,
    func: *mut PyObject,
    /// The bound positional arguments (a tuple).
    args: *mut PyObject,
    /// The bound keyword arguments (a dict).
    kw: *mut PyObject,
    /// The instance `__dict__` (NULL until used).
    dict: *mut PyObject,
    weakreflist: *mut PyObject,
    vectorcall: vectorcallfunc,
}

const OBJECT_FIELDS: usize = 4;

macro_rules! member {
    ($name:literal, $field:ident, $doc:literal) => {
        PyMemberDef { name: $name.as_ptr(), r#type: T_OBJECT, offset: offset_of!(Partial, $field) as isize, flags: READONLY, doc: $doc.as_ptr() }
    };
}

static mut PARTIAL_MEMBERS: [PyMemberDef; 5] = [
    member!(c"func", func, c"function object to use in future partial calls"),
    member!(c"args", args, c"tuple of arguments to future partial calls"),
    member!(c"keywords", kw, c"dictionary of keyword arguments to future partial calls"),
    PyMemberDef { name: c"__vectorcalloffset__".as_ptr(), r#type: crate::object::member::T_PYSSIZET, offset: offset_of!(Partial, vectorcall) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut PARTIAL_GETSET: [crate::object::descr::PyGetSetDef; 2] = [
    crate::object::descr::PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(crate::object::generic_getattr::PyObject_GenericGetDict),
        set: Some(crate::object::generic_getattr::PyObject_GenericSetDict),
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
    crate::object::descr::PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `functools.partial`.
pub static mut Partial_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(partial_dealloc),
    tp_traverse: Some(partial_traverse),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_call: Some(partial_call),
    tp_repr: Some(partial_repr),
    tp_vectorcall_offset: offset_of!(Partial, vectorcall) as isize,
    tp_dictoffset: offset_of!(Partial, dict) as isize,
    tp_weaklistoffset: offset_of!(Partial, weakreflist) as isize,
    tp_members: &raw mut PARTIAL_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut PARTIAL_GETSET as *mut crate::object::descr::PyGetSetDef,
    tp_methods: &raw mut PARTIAL_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_new: Some(partial_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"functools.partial",
        core::mem::size_of::<Partial>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_VECTORCALL,
        Some(c"partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n"),
    )
};

unsafe extern "C" fn partial_dealloc(op: *mut PyObject) {
    if !(*(op as *mut Partial)).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    crate::objects::iter_common::dealloc_fields(op, OBJECT_FIELDS)
}

unsafe extern "C" fn partial_traverse(op: *mut PyObject, visit: visitproc, arg: *mut core::ffi::c_void) -> c_int {
    crate::objects::iter_common::traverse_fields(op, OBJECT_FIELDS, visit, arg)
}

unsafe extern "C" fn partial_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = tuple::items(args);
        if a.is_empty() {
            return Err(type_error("type 'partial' takes at least one argument"));
        }
        let mut func = a[0];
        let (mut pargs, mut pkw): (&[*mut PyObject], *mut PyObject) = (&[], core::ptr::null_mut());
        // A partial (of any subclass) without instance attributes is unwrapped.
        if crate::abstract_::is_instance_of(func, &raw mut Partial_Type) {
            let inner = func as *mut Partial;
            if (*inner).dict.is_null() {
                pargs = tuple::items((*inner).args);
                pkw = (*inner).kw;
                func = (*inner).func;
            }
        }
        if crate::abstract_::call::PyCallable_Check(func) == 0 {
            return Err(type_error("the first argument must be callable"));
        }
        let mut all = Vec::with_capacity(pargs.len() + a.len() - 1);
        all.extend_from_slice(pargs);
        all.extend_from_slice(&a[1..]);
        let kw = if pkw.is_null() { dict::new()? } else { dict::copy(pkw)? };
        if !kwds.is_null() {
            dict::merge(kw.as_ptr(), kwds, 1)?;
        }
        let op = crate::objects::iter_common::alloc(tp)?;
        let p = op.as_ptr() as *mut Partial;
        (*p).func = new_ref(func).into_ptr();
        (*p).args = tuple::from_ptrs(&all)?.into_ptr();
        (*p).kw = kw.into_ptr();
        (*p).vectorcall = Some(partial_vectorcall);
        Ok(op)
    })())
}

unsafe extern "C" fn partial_vectorcall(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let p = op as *mut Partial;
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    if dict::len((*p).kw) != 0 {
        // Bound keywords: the tuple-and-dict path merges them (the caller's win).
        return ret_obj((|| -> PyResult<PyRef> {
            let call_args = crate::abstract_::call::tuple_from_array(core::slice::from_raw_parts(args, nargs))?;
            let kwargs = if kwnames.is_null() || tuple::len(kwnames) == 0 {
                None
            } else {
                Some(crate::abstract_::call::stack_as_dict(args.add(nargs), kwnames)?)
            };
            from_slot(partial_call(op, call_args.as_ptr(), kwargs.as_ref().map_or(core::ptr::null_mut(), PyRef::as_ptr)))
        })());
    }
    let bound = tuple::items((*p).args);
    if bound.is_empty() {
        return crate::abstract_::call::vectorcall((*p).func, args, nargsf, kwnames);
    }
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(kwnames) };
    let mut stack: Vec<*mut PyObject> = Vec::with_capacity(1 + bound.len() + nargs + nkw);
    // One free slot in front lets the callee use PY_VECTORCALL_ARGUMENTS_OFFSET.
    stack.push(core::ptr::null_mut());
    stack.extend_from_slice(bound);
    if nargs + nkw > 0 {
        stack.extend_from_slice(core::slice::from_raw_parts(args, nargs + nkw));
    }
    crate::abstract_::call::vectorcall(
        (*p).func,
        stack.as_ptr().add(1),
        (bound.len() + nargs) | PY_VECTORCALL_ARGUMENTS_OFFSET,
        kwnames,
    )
}

unsafe extern "C" fn partial_call(op: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let p = op as *mut Partial;
    ret_obj((|| -> PyResult<PyRef> {
        let bound = tuple::items((*p).args);
        let given = tuple::items(args);
        let all = if bound.is_empty() {
            new_ref(args)
        } else {
            let mut v = Vec::with_capacity(bound.len() + given.len());
            v.extend_from_slice(bound);
            v.extend_from_slice(given);
            tuple::from_ptrs(&v)?
        };
        let kw = if dict::len((*p).kw) == 0 {
            if kwargs.is_null() { None } else { Some(new_ref(kwargs)) }
        } else {
            let d = dict::copy((*p).kw)?;
            if !kwargs.is_null() {
                dict::merge(d.as_ptr(), kwargs, 1)?;
            }
            Some(d)
        };
        from_slot(crate::abstract_::call::call_tuple((*p).func, all.as_ptr(), kw.as_ref().map_or(core::ptr::null_mut(), |k| k.as_ptr())))
    })())
}

unsafe extern "C" fn partial_repr(op: *mut PyObject) -> *mut PyObject {
    let p = op as *mut Partial;
    let name = core::ffi::CStr::from_ptr((*(*op).ob_type).tp_name).to_string_lossy().into_owned();
    match crate::abstract_::object::Py_ReprEnter(op) {
        0 => {}
        n if n > 0 => return ret_obj(pystr::from_utf8("...")),
        _ => return core::ptr::null_mut(),
    }
    let r = (|| -> PyResult<PyRef> {
        let mut parts = vec![repr_string((*p).func)?];
        for &a in tuple::items((*p).args) {
            parts.push(repr_string(a)?);
        }
        for (k, v) in dict::items((*p).kw) {
            let key = crate::abstract_::object::str(k)?;
            parts.push(format!("{}={}", pystr::to_string(key.as_ptr()), repr_string(v)?));
        }
        pystr::from_utf8(&format!("{name}({})", parts.join(", ")))
    })();
    crate::abstract_::object::Py_ReprLeave(op);
    ret_obj(r)
}

static mut PARTIAL_METHODS: [crate::object::methods::PyMethodDef; 4] = [
    crate::object::method_table::plain(c"__reduce__", partial_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::plain(c"__setstate__", partial_setstate, crate::object::methods::METH_O),
    crate::objects::generic_alias::CLASS_GETITEM,
    crate::object::method_table::END,
];

/// `(type(p), (func,), (func, args, keywords, __dict__ or None))`.
unsafe extern "C" fn partial_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let p = op as *mut Partial;
    ret_obj((|| {
        let dict = if (*p).dict.is_null() { crate::abstract_::none() } else { (*p).dict };
        let state = tuple::from_ptrs(&[(*p).func, (*p).args, (*p).kw, dict])?;
        let args = tuple::from_ptrs(&[(*p).func])?;
        tuple::from_vec(vec![new_ref((*op).ob_type as *mut PyObject), args, state])
    })())
}

/// `__setstate__((func, args, keywords, dict))`: a callable, a tuple, a dict or None, a
/// dict or None ("invalid partial state" otherwise).
unsafe extern "C" fn partial_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let p = op as *mut Partial;
    ret_obj((|| {
        let invalid = || type_error("invalid partial state");
        if !tuple::is_tuple(state) || tuple::len(state) != 4 {
            return Err(invalid());
        }
        let &[func, fargs, kw, d] = tuple::items(state) else { return Err(invalid()) };
        let none = crate::abstract_::none();
        if crate::abstract_::call::PyCallable_Check(func) == 0
            || !tuple::is_tuple(fargs)
            || (kw != none && !dict::is_dict(kw))
        {
            return Err(invalid());
        }
        let fargs = if tuple::is_exact(fargs) { new_ref(fargs) } else { tuple::from_ptrs(tuple::items(fargs))? };
        let kw = if kw == none {
            dict::new()?
        } else if dict::is_exact(kw) {
            new_ref(kw)
        } else {
            dict::copy(kw)?
        };
        let d = if d == none { None } else { Some(new_ref(d)) };
        let set = |slot: *mut *mut PyObject, v: Option<PyRef>| {
            drop(PyRef::from_owned(core::mem::replace(&mut *slot, v.map_or(core::ptr::null_mut(), PyRef::into_ptr))));
        };
        set(&raw mut (*p).func, Some(new_ref(func)));
        set(&raw mut (*p).args, Some(fargs));
        set(&raw mut (*p).kw, Some(kw));
        set(&raw mut (*p).dict, d);
        Ok(new_ref(none))
    })())
}
