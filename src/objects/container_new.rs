//! Calling the container types: `tp_new`/`tp_init` of list, tuple, dict, set and frozenset
//! (`list(iterable)`, `dict(mapping_or_pairs, **kw)`, ...), for the types themselves and
//! their subclasses, with CPython's argument checks and messages.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, ret_obj, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::container_methods::check_positional;
use crate::objects::{dict, list, set, tuple};
use crate::pyport::Py_ssize_t;

/// The positional arguments of a `tp_new`/`tp_init` call.
unsafe fn positional<'a>(args: *mut PyObject) -> &'a [*mut PyObject] {
    if args.is_null() { &[] } else { tuple::items(args) }
}

/// CPython's `_PyArg_NoKeywords(name, kwargs)`.
unsafe fn no_keywords(name: &str, kwds: *mut PyObject) -> PyResult<()> {
    if !kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) != 0 {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// The one optional positional argument of `name(iterable=(), /)`.
unsafe fn optional_arg(name: &str, args: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    let a = positional(args);
    check_positional(name, a.len() as Py_ssize_t, 0, 1)?;
    Ok(a.first().copied())
}

/// An instance of `tp` from its `tp_alloc` (GC-tracked, zeroed).
unsafe fn alloc(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> PyResult<PyRef> {
    let f = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    PyRef::from_owned(f(tp, nitems)).ok_or_else(Raised::assume_set)
}

// ---- list ---------------------------------------------------------------------------------

/// `list.__new__`: an empty list (`__init__` fills it).
pub(crate) unsafe extern "C" fn list_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    ret_obj(alloc(tp, 0))
}

/// `list.__init__(self, iterable=(), /)`: empties the list, then extends it.
pub(crate) unsafe extern "C" fn list_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        let tp = (*op).ob_type;
        if tp == &raw mut list::PyList_Type || (*tp).tp_new == list::PyList_Type.tp_new {
            no_keywords("list", kwds)?;
        }
        let arg = optional_arg("list", args)?;
        if list::len(op) != 0 {
            list::clear(op);
        }
        if let Some(a) = arg {
            list::extend(op, a)?;
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

// ---- tuple --------------------------------------------------------------------------------

/// `tuple.__new__(type, iterable=(), /)`: a tuple argument is returned as is (exact types);
/// a subclass gets its own instance holding the items.
pub(crate) unsafe extern "C" fn tuple_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        if tp == &raw mut tuple::PyTuple_Type || (*tp).tp_init == tuple::PyTuple_Type.tp_init {
            no_keywords("tuple", kwds)?;
        }
        let arg = optional_arg("tuple", args)?;
        let t = match arg {
            None => tuple::new(0)?,
            Some(a) => crate::abstract_::sequence::to_tuple(a)?,
        };
        if tp == &raw mut tuple::PyTuple_Type {
            return Ok(t);
        }
        let items = tuple::items(t.as_ptr());
        let sub = alloc(tp, items.len() as Py_ssize_t)?;
        for (i, &item) in items.iter().enumerate() {
            tuple::init_item(sub.as_ptr(), i, new_ref(item));
        }
        Ok(sub)
    })();
    ret_obj(r)
}

// ---- dict ---------------------------------------------------------------------------------

/// `dict.__new__`: an empty dict of `tp` (an exact dict is not tracked until it holds
/// something the collector must see).
pub(crate) unsafe extern "C" fn dict_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let d = alloc(tp, 0)?;
        let o = d.as_ptr() as *mut dict::PyDictObject;
        (*o).ma_used = 0;
        (*o).ma_keys = core::ptr::null_mut();
        (*o).ma_values = core::ptr::null_mut();
        (*o).ma_version_tag = dict::next_version();
        if tp == &raw mut dict::PyDict_Type {
            crate::object::objimpl::PyObject_GC_UnTrack(d.as_ptr() as *mut c_void);
        }
        Ok(d)
    })();
    ret_obj(r)
}

/// `dict.__init__(self, mapping_or_iterable=(), /, **kwargs)`.
pub(crate) unsafe extern "C" fn dict_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    match crate::objects::dict_methods::update_common(op, args, kwds, "dict") {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

// ---- set and frozenset ----------------------------------------------------------------------

/// `set.__new__`: an empty set (`__init__` fills it).
pub(crate) unsafe extern "C" fn set_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    ret_obj(set::new_empty(tp))
}

/// `set.__init__(self, iterable=(), /)`: empties the set, then adds the items.
pub(crate) unsafe extern "C" fn set_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        // Always, as CPython 3.11: a subclass that takes keywords does so in its own
        // `__init__` (or only in `__new__`, bpo-43413).
        no_keywords("set", kwds)?;
        let arg = optional_arg("set", args)?;
        if set::len(op) != 0 {
            set::clear(op);
        }
        if let Some(a) = arg {
            set::update(op, a)?;
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// `frozenset.__new__(type, iterable=(), /)`: an exact frozenset argument is returned as is.
pub(crate) unsafe extern "C" fn frozenset_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        if tp == &raw mut set::PyFrozenSet_Type || (*tp).tp_init == set::PyFrozenSet_Type.tp_init {
            no_keywords("frozenset", kwds)?;
        }
        let arg = optional_arg("frozenset", args)?;
        if let Some(a) = arg {
            if tp == &raw mut set::PyFrozenSet_Type && (*a).ob_type == tp {
                return Ok(new_ref(a));
            }
        }
        let s = set::new_empty(tp)?;
        if let Some(a) = arg {
            set::update(s.as_ptr(), a)?;
        }
        Ok(s)
    })();
    ret_obj(r)
}
