//! `property`: a data descriptor built from Python callables (`fget`, `fset`, `fdel`) with
//! a docstring taken from the getter when none is given, `getter`/`setter`/`deleter` that
//! copy it with one callable replaced, and `__set_name__` that records the attribute name
//! for error messages ("property 'x' of 'C' object has no setter").
use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::errors::exception_types::{_PyExc_AttributeError, _PyExc_TypeError};
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::generic_getattr::PyObject_GenericGetAttr;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_O};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Del, PyObject_GC_UnTrack};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::*;
use crate::objects::singletons::_Py_NoneStruct;
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// CPython's `propertyobject`.
#[repr(C)]
pub(crate) struct PropertyObject {
    pub ob_base: PyObject,
    pub prop_get: *mut PyObject,
    pub prop_set: *mut PyObject,
    pub prop_del: *mut PyObject,
    pub prop_doc: *mut PyObject,
    pub prop_name: *mut PyObject,
    /// The doc came from the getter (so a copy with a new getter takes the new one's).
    pub getter_doc: c_int,
}

unsafe fn as_prop<'a>(op: *mut PyObject) -> &'a mut PropertyObject {
    &mut *(op as *mut PropertyObject)
}

fn none() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

/// NULL for None, else `o`.
fn or_null(o: *mut PyObject) -> *mut PyObject {
    if o == none() { core::ptr::null_mut() } else { o }
}

/// Stores a new reference to `value` (or NULL) in `field`, releasing the old one.
unsafe fn set_field(field: &mut *mut PyObject, value: *mut PyObject) {
    if !value.is_null() {
        (*value).ob_refcnt += 1;
    }
    drop(PyRef::from_owned(core::mem::replace(field, value)));
}

unsafe extern "C" fn property_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    property_clear(op);
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut c_void),
        None => PyObject_GC_Del(op as *mut c_void),
    }
}

unsafe extern "C" fn property_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = as_prop(op);
    let Some(visit) = visit else { return 0 };
    for o in [p.prop_get, p.prop_set, p.prop_del, p.prop_doc, p.prop_name] {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn property_clear(op: *mut PyObject) -> c_int {
    let p = as_prop(op);
    for f in [&mut p.prop_get, &mut p.prop_set, &mut p.prop_del, &mut p.prop_doc, &mut p.prop_name] {
        drop(PyRef::from_owned(core::mem::replace(f, core::ptr::null_mut())));
    }
    0
}

/// "property 'x' of 'C' object" or "property of 'C' object", as errors name it.
unsafe fn describe(p: &PropertyObject, obj: *mut PyObject) -> PyResult<String> {
    let qualname = PyRef::from_owned(crate::object::typetype::PyType_GetQualName((*obj).ob_type)).ok_or_else(Raised::assume_set)?;
    let owner = pystr::to_string(crate::abstract_::object::repr(qualname.as_ptr())?.as_ptr());
    if p.prop_name.is_null() {
        Ok(format!("property of {owner} object"))
    } else {
        let name = pystr::to_string(crate::abstract_::object::repr(p.prop_name)?.as_ptr());
        Ok(format!("property {name} of {owner} object"))
    }
}

unsafe extern "C" fn property_descr_get(op: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() || obj == none() {
        (*op).ob_refcnt += 1;
        return op;
    }
    let p = as_prop(op);
    if p.prop_get.is_null() {
        if let Ok(what) = describe(p, obj) {
            let _ = raise_type(&raw mut _PyExc_AttributeError, format!("{what} has no getter"));
        }
        return core::ptr::null_mut();
    }
    crate::abstract_::call::PyObject_CallOneArg(p.prop_get, obj)
}

unsafe extern "C" fn property_descr_set(op: *mut PyObject, obj: *mut PyObject, value: *mut PyObject) -> c_int {
    let p = as_prop(op);
    let (func, what) = if value.is_null() { (p.prop_del, "deleter") } else { (p.prop_set, "setter") };
    if func.is_null() {
        if let Ok(d) = describe(p, obj) {
            let _ = raise_type(&raw mut _PyExc_AttributeError, format!("{d} has no {what}"));
        }
        return -1;
    }
    let r = if value.is_null() {
        crate::abstract_::call::PyObject_CallOneArg(func, obj)
    } else {
        crate::abstract_::call::vectorcall(func, [obj, value].as_ptr(), 2, core::ptr::null_mut())
    };
    match PyRef::from_owned(r) {
        Some(_) => 0,
        None => -1,
    }
}

/// The four parameters of `property(fget=None, fset=None, fdel=None, doc=None)`.
unsafe fn parse_args(args: *mut PyObject, kwds: *mut PyObject) -> PyResult<[*mut PyObject; 4]> {
    const PARAMS: Params = Params { function: "property", names: &["fget", "fset", "fdel", "doc"], positional_only: 0, max_positional: 4, required: 0 };
    bind_tuple_dict_array(&PARAMS, args, kwds)
}

unsafe extern "C" fn property_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        let [fget, fset, fdel, doc] = parse_args(args, kwds)?;
        let p = as_prop(op);
        set_field(&mut p.prop_get, or_null(fget));
        set_field(&mut p.prop_set, or_null(fset));
        set_field(&mut p.prop_del, or_null(fdel));
        set_field(&mut p.prop_doc, core::ptr::null_mut());
        set_field(&mut p.prop_name, core::ptr::null_mut());
        p.getter_doc = 0;
        let mut doc_ref = PyRef::from_borrowed(or_null(doc));
        if doc_ref.is_none() && !p.prop_get.is_null() {
            let key = crate::object::object_attr::interned_name(c"__doc__".as_ptr())?;
            if let Some(d) = crate::object::object_attr::lookup_attr(p.prop_get, key.as_ptr())? {
                doc_ref = Some(d);
                p.getter_doc = 1;
            }
        }
        let doc = doc_ref.as_ref().map_or(core::ptr::null_mut(), |d| d.as_ptr());
        if (*op).ob_type == &raw mut PyProperty_Type {
            set_field(&mut p.prop_doc, doc);
        } else {
            // A subclass keeps the doc in its instance dict, where its class's __doc__
            // would otherwise shadow the member.
            let key = crate::object::object_attr::interned_name(c"__doc__".as_ptr())?;
            let value = if doc.is_null() { none() } else { doc };
            crate::object::object_attr::set_attr(op, key.as_ptr(), value)?;
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// A copy of `old` (of its type) with the non-NULL callables replaced.
unsafe fn copy_with(old: *mut PyObject, get: *mut PyObject, set: *mut PyObject, del: *mut PyObject) -> PyResult<PyRef> {
    let p = as_prop(old);
    let pick = |new: *mut PyObject, old: *mut PyObject| if new.is_null() || new == none() { old } else { new };
    let get = pick(get, p.prop_get);
    let set = pick(set, p.prop_set);
    let del = pick(del, p.prop_del);
    // A doc that came from the old getter is taken from the new one.
    let doc = if p.getter_doc != 0 && !get.is_null() { none() } else if p.prop_doc.is_null() { none() } else { p.prop_doc };
    let arg = |o: *mut PyObject| if o.is_null() { none() } else { o };
    let args = tuple::from_ptrs(&[arg(get), arg(set), arg(del), doc])?;
    let tp = (*old).ob_type as *mut PyObject;
    let new = PyRef::from_owned(crate::abstract_::call::PyObject_Call(tp, args.as_ptr(), core::ptr::null_mut()))
        .ok_or_else(Raised::assume_set)?;
    if crate::object::typetype::is_subtype((*new.as_ptr()).ob_type, &raw mut PyProperty_Type) {
        set_field(&mut as_prop(new.as_ptr()).prop_name, p.prop_name);
    }
    Ok(new)
}

unsafe extern "C" fn property_getter(op: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    copy_with(op, f, core::ptr::null_mut(), core::ptr::null_mut()).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn property_setter(op: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    copy_with(op, core::ptr::null_mut(), f, core::ptr::null_mut()).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn property_deleter(op: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    copy_with(op, core::ptr::null_mut(), core::ptr::null_mut(), f).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn property_set_name(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    if nargs != 2 {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("__set_name__() takes 2 positional arguments but {nargs} were given"),
        );
        return core::ptr::null_mut();
    }
    set_field(&mut as_prop(op).prop_name, *args.add(1));
    let n = none();
    (*n).ob_refcnt += 1;
    n
}

unsafe extern "C" fn get_isabstract(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let p = as_prop(op);
    for f in [p.prop_get, p.prop_set, p.prop_del] {
        match crate::objects::classmethod::is_abstract(f) {
            Ok(true) => return crate::objects::bool::PyBool_FromLong(1),
            Ok(false) => {}
            Err(_) => return core::ptr::null_mut(),
        }
    }
    crate::objects::bool::PyBool_FromLong(0)
}

static mut PROPERTY_METHODS: [PyMethodDef; 5] = [
    plain(c"getter", property_getter, METH_O).doc(c"Descriptor to obtain a copy of the property with a different getter."),
    plain(c"setter", property_setter, METH_O).doc(c"Descriptor to obtain a copy of the property with a different setter."),
    plain(c"deleter", property_deleter, METH_O).doc(c"Descriptor to obtain a copy of the property with a different deleter."),
    fast(c"__set_name__", property_set_name, METH_FASTCALL).doc(c"Method to set name of a property."),
    END,
];

static mut PROPERTY_MEMBERS: [PyMemberDef; 5] = [
    PyMemberDef { name: c"fget".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PropertyObject, prop_get) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"fset".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PropertyObject, prop_set) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"fdel".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PropertyObject, prop_del) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"__doc__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PropertyObject, prop_doc) as isize, flags: 0, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut PROPERTY_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"__isabstractmethod__".as_ptr(), get: Some(get_isabstract), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `PyProperty_Type`: `property`.
#[no_mangle]
pub static mut PyProperty_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(property_dealloc),
    tp_getattro: Some(PyObject_GenericGetAttr),
    tp_traverse: Some(property_traverse),
    tp_clear: Some(property_clear),
    tp_methods: &raw mut PROPERTY_METHODS as *mut PyMethodDef,
    tp_members: &raw mut PROPERTY_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut PROPERTY_GETSET as *mut PyGetSetDef,
    tp_descr_get: Some(property_descr_get),
    tp_descr_set: Some(property_descr_set),
    tp_init: Some(property_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    tp_free: Some(PyObject_GC_Del),
    ..static_type(
        c"property",
        core::mem::size_of::<PropertyObject>(),
        0,
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
        Some(c"property(fget=None, fset=None, fdel=None, doc=None)\n--\n\nProperty attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n    function to be used for setting an attribute value\n  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\nclass C(object):\n    def getx(self): return self._x\n    def setx(self, value): self._x = value\n    def delx(self): del self._x\n    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\nDecorators make defining new properties or modifying existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n        \"I am the 'x' property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x"),
    )
};
