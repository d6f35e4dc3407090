//! The methods of `type` (its `tp_methods`): `mro`, `__subclasses__`, `__prepare__`,
//! `__instancecheck__`, `__subclasscheck__`, `__dir__`, `__sizeof__`.
use core::ffi::c_int;

use crate::modules::{fast_kw, meth, ret, END};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::typeobject::{PyHeapTypeObject, PyTypeObject, Py_TPFLAGS_HEAPTYPE};
use crate::objects::{bool as pybool, dict, int, list};

/// `type.mro()`: the C3 linearization of the class and its bases, as a list.
unsafe extern "C" fn mro(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let order = crate::object::type_ready::compute_mro(op as *mut PyTypeObject)?;
        list::from_ptrs(crate::objects::tuple::items(order.as_ptr()))
    })())
}

/// `type.__subclasses__()`: the live direct subclasses, oldest first.
unsafe extern "C" fn subclasses(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let subs = crate::object::type_cache::direct_subclasses(op as *mut PyTypeObject);
    let ptrs: Vec<*mut PyObject> = subs.into_iter().map(|t| t as *mut PyObject).collect();
    ret(list::from_ptrs(&ptrs))
}

/// `type.__prepare__(name, bases, **kwds)`: a new empty namespace, whatever the arguments.
unsafe extern "C" fn prepare(_cls: *mut PyObject, _args: *const *mut PyObject, _n: isize, _kw: *mut PyObject) -> *mut PyObject {
    ret(dict::new())
}

fn to_bool(r: crate::errors::raised::PyResult<bool>) -> *mut PyObject {
    // SAFETY: True/False are always live.
    ret(r.map(|b| unsafe { crate::abstract_::new_ref(pybool::PyBool_FromLong(b as _)) }))
}

unsafe extern "C" fn instancecheck(cls: *mut PyObject, inst: *mut PyObject) -> *mut PyObject {
    to_bool(crate::abstract_::isinstance::recursive_isinstance(inst, cls))
}

unsafe extern "C" fn subclasscheck(cls: *mut PyObject, sub: *mut PyObject) -> *mut PyObject {
    to_bool(crate::abstract_::isinstance::recursive_issubclass(sub, cls))
}

unsafe extern "C" fn dir(cls: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(crate::abstract_::dir::type_dir(cls))
}

/// `type.__sizeof__()`: the size of the type object itself. CPython also counts a class's
/// cached shared-key table, which ferropy classes do not have.
unsafe extern "C" fn sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let heap = (*(op as *mut PyTypeObject)).tp_flags & Py_TPFLAGS_HEAPTYPE != 0;
    let size = if heap { core::mem::size_of::<PyHeapTypeObject>() } else { core::mem::size_of::<PyTypeObject>() };
    ret(int::from_i64(size as i64))
}

const fn entry(name: &'static core::ffi::CStr, f: crate::modules::PlainFn, flags: c_int, doc: &'static core::ffi::CStr) -> PyMethodDef {
    meth(name, f, flags, doc)
}

const fn prepare_entry() -> PyMethodDef {
    let mut e = fast_kw(c"__prepare__", prepare, c"__prepare__() -> dict\nused to create the namespace for the class statement");
    e.ml_flags |= METH_CLASS;
    e
}

/// `tp_methods` of `type`, in CPython's order.
pub(crate) static mut TYPE_METHODS: [PyMethodDef; 8] = [
    entry(c"mro", mro, METH_NOARGS, c"mro($self, /)\n--\n\nReturn a type's method resolution order."),
    entry(c"__subclasses__", subclasses, METH_NOARGS, c"__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses."),
    prepare_entry(),
    entry(c"__instancecheck__", instancecheck, METH_O, c"__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance."),
    entry(c"__subclasscheck__", subclasscheck, METH_O, c"__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass."),
    entry(c"__dir__", dir, METH_NOARGS, c"__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types."),
    entry(c"__sizeof__", sizeof, METH_NOARGS, c"__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object."),
    END,
];
