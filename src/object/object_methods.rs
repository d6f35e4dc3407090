//! The methods of `object` (its `tp_methods`): `__reduce_ex__`, `__reduce__`,
//! `__getstate__`, `__subclasshook__`, `__init_subclass__`, `__format__`, `__sizeof__`,
//! `__dir__`, with CPython 3.11's results and messages.
//!
//! Pickling support (protocol 2 and up) is done here without `copyreg` except for the
//! callables a reduce value names (`copyreg.__newobj__`/`__newobj_ex__`) and protocols 0
//! and 1 (`copyreg._reduce_ex`), which come from the `copyreg` module; slot names
//! (`copyreg._slotnames`) are computed here and cached in `__slotnames__` as it does.
use core::ffi::c_int;

use crate::abstract_::object::lookup_special;
use crate::abstract_::{from_slot, new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_MANAGED_DICT};
use crate::object::typetype::{short_name, type_name};
use crate::objects::{dict, int, list, str as pystr, tuple};

const PTR: isize = core::mem::size_of::<*mut PyObject>() as isize;

/// `object.__sizeof__`: the basic size plus the items of a variable-size object.
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn basic_sizeof(o: *mut PyObject) -> isize {
    let tp = (*o).ob_type;
    let mut size = 0;
    if (*tp).tp_itemsize > 0 {
        size = (*(o as *mut crate::object::object::PyVarObject)).ob_size * (*tp).tp_itemsize;
    }
    size + (*tp).tp_basicsize
}

unsafe extern "C" fn sizeof(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(basic_sizeof(o) as i64))
}

/// `object.__format__(spec)`: `str(self)` for an empty spec; any other spec is refused.
///
/// # Safety
/// `o` and `spec` are live.
pub(crate) unsafe fn object_format(o: *mut PyObject, spec: *mut PyObject) -> PyResult<PyRef> {
    if !pystr::is_str(spec) {
        return Err(type_error(format!("__format__() argument must be str, not {}", tp_name(spec))));
    }
    if pystr::len(spec) > 0 {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            crate::objects::float::type_name_n((*o).ob_type, 200)
        )));
    }
    crate::abstract_::object::str(o)
}

unsafe extern "C" fn format(o: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    ret(object_format(o, spec))
}

unsafe extern "C" fn dir(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(crate::abstract_::dir::object_dir(o))
}

unsafe extern "C" fn subclasshook(_cls: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    new_ref(crate::abstract_::not_implemented()).into_ptr()
}

unsafe extern "C" fn init_subclass(_cls: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    none_ref().into_ptr()
}

// ---- pickling ----------------------------------------------------------------------------------

/// `copyreg.<name>`, from the loaded `copyreg` module.
/// TODO(import): import `copyreg` when it is not loaded yet, once import exists.
unsafe fn copyreg_attr(name: &str) -> PyResult<PyRef> {
    let key = pystr::intern("copyreg")?;
    let module = crate::runtime::module_table::PyImport_GetModule(key.as_ptr());
    if module.is_null() {
        if !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        return Err(raise_type(&raw mut exc::_PyExc_ModuleNotFoundError, "No module named 'copyreg'"));
    }
    let module = PyRef::from_owned(module).expect("not NULL");
    crate::object::object_attr::get_attr(module.as_ptr(), pystr::intern(name)?.as_ptr())
}

/// The names of the `__slots__` of `cls` and its bases (private names mangled, without
/// `__dict__`/`__weakref__`), cached in the class's `__slotnames__` (what
/// `copyreg._slotnames` answers); None for classes without a list of them.
unsafe fn slot_names(cls: *mut PyTypeObject) -> PyResult<PyRef> {
    if let Some(cached) = dict::get_item_str((*cls).tp_dict, "__slotnames__")? {
        if cached != none() && !list::is_list(cached) {
            return Err(type_error(format!(
                "{}.__slotnames__ should be a list or None, not {}",
                type_name(cls),
                tp_name(cached)
            )));
        }
        return Ok(new_ref(cached));
    }
    let names = list::new(0)?;
    let has_slots = crate::object::object_attr::lookup_attr(cls as *mut PyObject, pystr::intern("__slots__")?.as_ptr())?.is_some();
    if has_slots {
        for &c in tuple::items((*cls).tp_mro) {
            let Some(slots) = dict::get_item_str((*(c as *mut PyTypeObject)).tp_dict, "__slots__")? else { continue };
            let items = if pystr::is_str(slots) { vec![new_ref(slots)] } else { crate::abstract_::iter::collect(slots)? };
            for name in items {
                let text = pystr::to_string(name.as_ptr());
                if text == "__dict__" || text == "__weakref__" {
                    continue;
                }
                let stripped = short_name(c as *mut PyTypeObject);
                let stripped = stripped.trim_start_matches('_');
                if text.starts_with("__") && !text.ends_with("__") && !stripped.is_empty() {
                    list::append(names.as_ptr(), pystr::from_utf8(&format!("_{stripped}{text}"))?.as_ptr())?;
                } else {
                    list::append(names.as_ptr(), name.as_ptr())?;
                }
            }
        }
    }
    // Caching is best effort (static types refuse it), as in copyreg.
    if crate::object::object_attr::set_attr(cls as *mut PyObject, pystr::intern("__slotnames__")?.as_ptr(), names.as_ptr()).is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
    Ok(names)
}

/// Whether the object has no instance dict or an empty one.
unsafe fn instance_dict_empty(o: *mut PyObject) -> bool {
    let p = crate::object::generic_getattr::dict_ptr(o);
    p.is_null() || (*p).is_null() || dict::len(*p) == 0
}

/// `object.__getstate__`'s work: the instance dict (None when empty), paired with a dict
/// of the slot values when there are any. `required` (no arguments to recreate the object
/// with) refuses objects whose C layout holds more than Python can see.
unsafe fn default_state(o: *mut PyObject, required: bool) -> PyResult<PyRef> {
    let tp = (*o).ob_type;
    if required && (*tp).tp_itemsize != 0 {
        return Err(type_error(format!("cannot pickle {} objects", type_name(tp))));
    }
    let state = if instance_dict_empty(o) {
        none_ref()
    } else {
        from_slot(crate::object::generic_getattr::PyObject_GenericGetDict(o, core::ptr::null_mut()))?
    };
    let names = slot_names(tp)?;
    if required {
        let mut size = crate::object::baseobject::PyBaseObject_Type.tp_basicsize;
        if (*tp).tp_dictoffset != 0 && (*tp).tp_flags & Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong == 0 {
            size += PTR;
        }
        if (*tp).tp_weaklistoffset != 0 {
            size += PTR;
        }
        if names.as_ptr() != none() {
            size += PTR * list::len(names.as_ptr()) as isize;
        }
        if (*tp).tp_basicsize > size {
            return Err(type_error(format!("cannot pickle '{}' object", type_name(tp))));
        }
    }
    if names.as_ptr() == none() || list::len(names.as_ptr()) == 0 {
        return Ok(state);
    }
    let slots = dict::new()?;
    let names: Vec<PyRef> = list::items(names.as_ptr()).iter().map(|&n| new_ref(n)).collect();
    for name in names {
        if let Some(value) = crate::object::object_attr::lookup_attr(o, name.as_ptr())? {
            dict::set_item(slots.as_ptr(), name.as_ptr(), value.as_ptr())?;
        }
    }
    if dict::len(slots.as_ptr()) == 0 {
        return Ok(state);
    }
    tuple::from_slice(&[state, slots])
}

unsafe extern "C" fn getstate(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(default_state(o, false))
}

/// Whether `f` is `object.__getstate__` bound to `o` (not overridden).
unsafe fn is_object_getstate_of(f: *mut PyObject, o: *mut PyObject) -> bool {
    use crate::objects::cfunction::{is_cfunction, PyCFunctionObject};
    if !is_cfunction(f) {
        return false;
    }
    let f = f as *mut PyCFunctionObject;
    let plain: crate::modules::PlainFn = getstate;
    (*f).m_self == o && (*(*f).m_ml).ml_meth.map(|m| m as usize) == Some(plain as usize)
}

/// `obj.__getstate__()`, or the default state when that is `object.__getstate__` itself.
pub(crate) unsafe fn get_state(o: *mut PyObject, required: bool) -> PyResult<PyRef> {
    let f = crate::object::object_attr::get_attr(o, pystr::intern("__getstate__")?.as_ptr())?;
    if is_object_getstate_of(f.as_ptr(), o) {
        return default_state(o, required);
    }
    from_slot(crate::abstract_::call::PyObject_CallNoArgs(f.as_ptr()))
}

/// The arguments to recreate `o` with: `__getnewargs_ex__()` (args, kwargs), else
/// `__getnewargs__()` (args, no kwargs), else neither.
unsafe fn new_arguments(o: *mut PyObject) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    if let Some(f) = lookup_special(o, "__getnewargs_ex__")? {
        let r = from_slot(crate::abstract_::call::PyObject_CallNoArgs(f.as_ptr()))?;
        let r = r.as_ptr();
        if !tuple::is_tuple(r) {
            return Err(type_error(format!("__getnewargs_ex__ should return a tuple, not '{}'", tp_name(r))));
        }
        if tuple::len(r) != 2 {
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                format!("__getnewargs_ex__ should return a tuple of length 2, not {}", tuple::len(r)),
            ));
        }
        let (args, kwargs) = (tuple::items(r)[0], tuple::items(r)[1]);
        if !tuple::is_tuple(args) {
            return Err(type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                tp_name(args)
            )));
        }
        if !dict::is_dict(kwargs) {
            return Err(type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                tp_name(kwargs)
            )));
        }
        return Ok((Some(new_ref(args)), Some(new_ref(kwargs))));
    }
    if let Some(f) = lookup_special(o, "__getnewargs__")? {
        let args = from_slot(crate::abstract_::call::PyObject_CallNoArgs(f.as_ptr()))?;
        if !tuple::is_tuple(args.as_ptr()) {
            return Err(type_error(format!("__getnewargs__ should return a tuple, not '{}'", tp_name(args.as_ptr()))));
        }
        return Ok((Some(args), None));
    }
    Ok((None, None))
}

/// The reduce value of protocol 2 and up: `(copyreg.__newobj__, (cls, *args), state,
/// listitems, dictitems)`, or `__newobj_ex__` with `(cls, args, kwargs)`.
unsafe fn reduce_newobj(o: *mut PyObject) -> PyResult<PyRef> {
    let tp = (*o).ob_type;
    if (*tp).tp_new.is_none() {
        return Err(type_error(format!("cannot pickle '{}' object", type_name(tp))));
    }
    let (args, kwargs) = new_arguments(o)?;
    let cls = new_ref(tp as *mut PyObject);
    let has_args = args.is_some();
    let (newobj, newargs) = match (&args, &kwargs) {
        (_, Some(kw)) if dict::len(kw.as_ptr()) != 0 => {
            let Some(a) = &args else { return Err(crate::object::pending_error::bad_internal_call()) };
            (copyreg_attr("__newobj_ex__")?, tuple::from_slice(&[cls, a.clone(), kw.clone()])?)
        }
        _ => {
            let mut items = vec![cls];
            if let Some(a) = &args {
                items.extend(tuple::items(a.as_ptr()).iter().map(|&x| new_ref(x)));
            }
            (copyreg_attr("__newobj__")?, tuple::from_vec(items)?)
        }
    };
    let required = !(has_args || list::is_list(o) || dict::is_dict(o));
    let state = get_state(o, required)?;
    let list_items = if list::is_list(o) { crate::abstract_::iter::get_iter(o)? } else { none_ref() };
    let dict_items = if dict::is_dict(o) {
        let items = crate::object::object_attr::get_attr(o, pystr::intern("items")?.as_ptr())?;
        let view = from_slot(crate::abstract_::call::PyObject_CallNoArgs(items.as_ptr()))?;
        crate::abstract_::iter::get_iter(view.as_ptr())?
    } else {
        none_ref()
    };
    tuple::from_slice(&[newobj, newargs, state, list_items, dict_items])
}

unsafe fn common_reduce(o: *mut PyObject, protocol: c_int) -> PyResult<PyRef> {
    if protocol >= 2 {
        return reduce_newobj(o);
    }
    let f = copyreg_attr("_reduce_ex")?;
    let p = int::from_i64(protocol as i64)?;
    let args = [o, p.as_ptr()];
    from_slot(crate::abstract_::call::vectorcall(f.as_ptr(), args.as_ptr(), 2, core::ptr::null_mut()))
}

unsafe extern "C" fn reduce(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(common_reduce(o, 0))
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins over the default.
unsafe extern "C" fn reduce_ex(o: *mut PyObject, protocol: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let protocol = crate::modules::sys_functions::as_c_int(protocol)?;
        let name = pystr::intern("__reduce__")?;
        if let Some(bound) = crate::object::object_attr::lookup_attr(o, name.as_ptr())? {
            let cls_reduce = crate::object::object_attr::get_attr((*o).ob_type as *mut PyObject, name.as_ptr())?;
            let object_reduce = dict::get_item_str(crate::object::baseobject::PyBaseObject_Type.tp_dict, "__reduce__")?;
            if Some(cls_reduce.as_ptr()) != object_reduce {
                return from_slot(crate::abstract_::call::PyObject_CallNoArgs(bound.as_ptr()));
            }
        }
        common_reduce(o, protocol)
    })())
}

const fn entry(name: &'static core::ffi::CStr, f: crate::modules::PlainFn, flags: c_int, doc: &'static core::ffi::CStr) -> PyMethodDef {
    crate::modules::meth(name, f, flags, doc)
}

/// `tp_methods` of `object`, in CPython's order.
pub(crate) static mut OBJECT_METHODS: [PyMethodDef; 9] = [
    entry(c"__reduce_ex__", reduce_ex, METH_O, c"__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."),
    entry(c"__reduce__", reduce, METH_NOARGS, c"__reduce__($self, /)\n--\n\nHelper for pickle."),
    entry(c"__getstate__", getstate, METH_NOARGS, c"__getstate__($self, /)\n--\n\nHelper for pickle."),
    entry(
        c"__subclasshook__",
        subclasshook,
        METH_CLASS | METH_VARARGS,
        c"Abstract classes can override this to customize issubclass().\n\nThis is invoked early on by abc.ABCMeta.__subclasscheck__().\nIt should return True, False or NotImplemented.  If it returns\nNotImplemented, the normal algorithm is used.  Otherwise, it\noverrides the normal algorithm (and the outcome is cached).\n",
    ),
    entry(
        c"__init_subclass__",
        init_subclass,
        METH_CLASS | METH_NOARGS,
        c"This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n",
    ),
    entry(c"__format__", format, METH_O, c"__format__($self, format_spec, /)\n--\n\nDefault object formatter."),
    entry(c"__sizeof__", sizeof, METH_NOARGS, c"__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."),
    entry(c"__dir__", dir, METH_NOARGS, c"__dir__($self, /)\n--\n\nDefault dir() implementation."),
    crate::modules::END,
];

/// `PyObject *_PyObject_GetState(PyObject *obj)`: `obj.__getstate__()`, the default state
/// when that is `object.__getstate__`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GetState(obj: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        return ret(Err(crate::object::pending_error::bad_internal_call()));
    }
    ret(get_state(obj, false))
}
