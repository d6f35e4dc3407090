//! `collections.defaultdict`: a dict subclass whose `__missing__` stores and returns
//! `default_factory()`.
use core::ffi::c_int;

use crate::abstract_::object::repr_guarded;
use crate::abstract_::{from_slot, new_ref, none, not_implemented, ret_obj, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::itertools::{repr_string, short_type_name};
use crate::object::member::{PyMemberDef, T_OBJECT};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyNumberMethods};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::dict::{self, PyDictObject};
use crate::objects::{str as pystr, tuple};

#[repr(C)]
struct DefaultDict {
    dict: PyDictObject,
    default_factory: *mut PyObject,
}

unsafe fn factory(op: *mut PyObject) -> *mut PyObject {
    (*(op as *mut DefaultDict)).default_factory
}

unsafe extern "C" fn dd_missing(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let f = factory(op);
        if f.is_null() || f == none() {
            return Err(dict::set_key_error(key));
        }
        let value = from_slot(crate::abstract_::call::PyObject_CallNoArgs(f))?;
        crate::abstract_::item::set_item(op, key, value.as_ptr())?;
        Ok(value)
    })())
}

/// A new defaultdict of `op`'s type with `op`'s factory, filled from `items`.
unsafe fn like(op: *mut PyObject, items: *mut PyObject) -> PyResult<PyRef> {
    let f = if factory(op).is_null() { none() } else { factory(op) };
    let args = [f, items];
    from_slot(crate::abstract_::call::vectorcall((*op).ob_type as *mut PyObject, args.as_ptr(), 2, core::ptr::null_mut()))
}

unsafe extern "C" fn dd_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(like(op, op))
}

unsafe extern "C" fn dd_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let f = factory(op);
        let args = if f.is_null() || f == none() { tuple::new(0)? } else { tuple::from_ptrs(&[f])? };
        let items_method = crate::object::object_attr::get_attr(op, pystr::intern("items")?.as_ptr())?;
        let items = from_slot(crate::abstract_::call::PyObject_CallNoArgs(items_method.as_ptr()))?;
        let it = crate::abstract_::iter::get_iter(items.as_ptr())?;
        tuple::from_vec(vec![new_ref((*op).ob_type as *mut PyObject), args, crate::modules::none_ref(), crate::modules::none_ref(), it])
    })())
}

static mut DD_METHODS: [PyMethodDef; 6] = [
    plain(c"__missing__", dd_missing, METH_O).doc(c"__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if self.default_factory is None: raise KeyError((key,))\n  self[key] = value = self.default_factory()\n  return value\n"),
    plain(c"copy", dd_copy, METH_NOARGS).doc(c"D.copy() -> a shallow copy of D."),
    plain(c"__copy__", dd_copy, METH_NOARGS).doc(c"D.copy() -> a shallow copy of D."),
    plain(c"__reduce__", dd_reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

static mut DD_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"default_factory".as_ptr(),
        r#type: T_OBJECT,
        offset: core::mem::offset_of!(DefaultDict, default_factory) as isize,
        flags: 0,
        doc: c"Factory for default value called by __missing__().".as_ptr(),
    },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

unsafe extern "C" fn dd_repr(op: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let base = from_slot(((*(&raw mut dict::PyDict_Type)).tp_repr.expect("dict has a repr"))(op))?;
        let f = factory(op);
        let f_repr = if f.is_null() || f == none() {
            String::from("None")
        } else {
            let r = repr_guarded(f, "...", || pystr::from_utf8(&repr_string(f)?))?;
            pystr::to_string(r.as_ptr())
        };
        pystr::from_utf8(&format!("{}({f_repr}, {})", short_type_name(op), pystr::to_string(base.as_ptr())))
    })())
}

/// `a | b` where either is a defaultdict and the other a dict.
unsafe extern "C" fn dd_or(left: *mut PyObject, right: *mut PyObject) -> *mut PyObject {
    let (this, other) = if crate::abstract_::is_instance_of(left, &raw mut DefaultDict_Type) { (left, right) } else { (right, left) };
    if !dict::is_dict(other) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj((|| -> PyResult<PyRef> {
        let new = like(this, left)?;
        dict::merge(new.as_ptr(), right, 1)?;
        Ok(new)
    })())
}

static mut DD_AS_NUMBER: PyNumberMethods = PyNumberMethods { nb_or: Some(dd_or), ..unsafe { core::mem::zeroed() } };

unsafe extern "C" fn dd_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        let a = if args.is_null() { &[][..] } else { tuple::items(args) };
        let mut f = none();
        let mut rest = a;
        if let Some((&first, tail)) = a.split_first() {
            if first != none() && crate::abstract_::call::PyCallable_Check(first) == 0 {
                return Err(type_error("first argument must be callable or None"));
            }
            f = first;
            rest = tail;
        }
        let old = core::mem::replace(&mut (*(op as *mut DefaultDict)).default_factory, new_ref(f).into_ptr());
        drop(PyRef::from_owned(old));
        let rest = tuple::from_ptrs(rest)?;
        if crate::objects::container_new::dict_init(op, rest.as_ptr(), kwds) < 0 {
            return Err(Raised::assume_set());
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn dd_dealloc(op: *mut PyObject) {
    let old = core::mem::replace(&mut (*(op as *mut DefaultDict)).default_factory, core::ptr::null_mut());
    drop(PyRef::from_owned(old));
    ((*(&raw mut dict::PyDict_Type)).tp_dealloc.expect("dict has a dealloc"))(op)
}

unsafe extern "C" fn dd_traverse(op: *mut PyObject, visit: visitproc, arg: *mut core::ffi::c_void) -> c_int {
    if let Some(v) = visit {
        let f = factory(op);
        if !f.is_null() {
            let r = v(f, arg);
            if r != 0 {
                return r;
            }
        }
    }
    ((*(&raw mut dict::PyDict_Type)).tp_traverse.expect("dict has a traverse"))(op, visit, arg)
}

unsafe extern "C" fn dd_clear(op: *mut PyObject) -> c_int {
    let old = core::mem::replace(&mut (*(op as *mut DefaultDict)).default_factory, core::ptr::null_mut());
    drop(PyRef::from_owned(old));
    ((*(&raw mut dict::PyDict_Type)).tp_clear.expect("dict has a clear"))(op)
}

/// `collections.defaultdict`.
pub static mut DefaultDict_Type: PyTypeObject = PyTypeObject {
    tp_base: &raw mut dict::PyDict_Type,
    tp_dealloc: Some(dd_dealloc),
    tp_repr: Some(dd_repr),
    tp_as_number: &raw mut DD_AS_NUMBER,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(dd_traverse),
    tp_clear: Some(dd_clear),
    tp_methods: &raw mut DD_METHODS as *mut PyMethodDef,
    tp_members: &raw mut DD_MEMBERS as *mut PyMemberDef,
    tp_init: Some(dd_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::objects::container_new::dict_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"collections.defaultdict",
        core::mem::size_of::<DefaultDict>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | crate::object::typeobject::Py_TPFLAGS_DICT_SUBCLASS,
        Some(c"defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default factory is called without arguments to produce\na new value when a key is not present, in __getitem__ only.\nA defaultdict compares equal to a dict with the same items.\nAll remaining arguments are treated the same as if they were\npassed to the dict constructor, including keyword arguments.\n"),
    )
};
