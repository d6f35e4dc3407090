//! `types.GenericAlias` (`Py_GenericAliasType`, `Py_GenericAlias`): what `list[int]` makes.
//! It keeps the origin class and the argument tuple, shows itself as `list[int]`, creates
//! the origin when called, stands for the origin as a base class, passes other attributes
//! through to the origin, and substitutes its type variables when subscripted. The
//! `__class_getitem__` entry that the builtin generic classes share is defined here too.
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::abstract_::{from_slot, new_ref, not_implemented, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_BOOL, T_OBJECT};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::objimpl::PyObject_GC_UnTrack;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PyNumberMethods};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::generic_alias_params::{make_parameters, substitute};
use crate::objects::{list, str as pystr, tuple};
use crate::pyport::Py_hash_t;

/// The object behind `list[int]`.
#[repr(C)]
pub(crate) struct GenericAlias {
    ob_base: PyObject,
    origin: *mut PyObject,
    args: *mut PyObject,
    /// Computed on first use (NULL until then).
    parameters: *mut PyObject,
    weakreflist: *mut PyObject,
    /// `*tuple[int]`: made by iterating an alias.
    starred: bool,
}

static mut GA_MEMBERS: [PyMemberDef; 4] = [
    PyMemberDef { name: c"__origin__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(GenericAlias, origin) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"__args__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(GenericAlias, args) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"__unpacked__".as_ptr(), r#type: T_BOOL, offset: offset_of!(GenericAlias, starred) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut GA_GETSETS: [PyGetSetDef; 3] = [
    getter(c"__parameters__", ga_parameters),
    getter(c"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args),
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut GA_METHODS: [PyMethodDef; 6] = [
    plain(c"__mro_entries__", ga_mro_entries, METH_O),
    plain(c"__instancecheck__", ga_instancecheck, METH_O),
    plain(c"__subclasscheck__", ga_subclasscheck, METH_O),
    plain(c"__reduce__", ga_reduce, METH_NOARGS),
    plain(c"__dir__", ga_dir, METH_NOARGS),
    END,
];

/// `__class_getitem__` of the builtin generic classes (`list`, `dict`, ...): `cls[item]` is
/// `GenericAlias(cls, item)`.
pub(crate) const CLASS_GETITEM: PyMethodDef =
    plain(c"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS).doc(c"See PEP 585");

static mut GA_AS_MAPPING: PyMappingMethods =
    PyMappingMethods { mp_length: None, mp_subscript: Some(ga_getitem), mp_ass_subscript: None };

static mut GA_AS_NUMBER: PyNumberMethods = {
    // SAFETY: every field of the suite is an Option of a function pointer.
    let mut n: PyNumberMethods = unsafe { core::mem::zeroed() };
    n.nb_or = Some(crate::objects::union_type::union_or);
    n
};

/// `Py_GenericAliasType`: `types.GenericAlias`.
#[no_mangle]
pub static mut Py_GenericAliasType: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(ga_dealloc),
    tp_repr: Some(ga_repr),
    tp_as_number: &raw mut GA_AS_NUMBER,
    tp_as_mapping: &raw mut GA_AS_MAPPING,
    tp_hash: Some(ga_hash),
    tp_call: Some(ga_call),
    tp_getattro: Some(ga_getattro),
    tp_traverse: Some(ga_traverse),
    tp_clear: Some(ga_clear),
    tp_richcompare: Some(ga_richcompare),
    tp_weaklistoffset: offset_of!(GenericAlias, weakreflist) as isize,
    tp_iter: Some(crate::objects::generic_alias_iter::ga_iter),
    tp_methods: &raw mut GA_METHODS as *mut PyMethodDef,
    tp_members: &raw mut GA_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut GA_GETSETS as *mut PyGetSetDef,
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(ga_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"types.GenericAlias",
        core::mem::size_of::<GenericAlias>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"GenericAlias(origin, args, /)\n--\n\nRepresent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."),
    )
};

fn ga_type() -> *mut PyTypeObject {
    &raw mut Py_GenericAliasType
}

unsafe fn ga(op: *mut PyObject) -> *mut GenericAlias {
    op as *mut GenericAlias
}

/// Whether `op` is a `types.GenericAlias` (or an instance of a subclass).
pub(crate) unsafe fn is_generic_alias(op: *mut PyObject) -> bool {
    crate::abstract_::is_instance_of(op, ga_type())
}

/// `(origin, args)` of an alias (borrowed).
pub(crate) unsafe fn parts(op: *mut PyObject) -> (*mut PyObject, *mut PyObject) {
    ((*ga(op)).origin, (*ga(op)).args)
}

/// A new alias of type `tp` for `origin[args]` (`args` made a 1-tuple unless a tuple).
pub(crate) unsafe fn new_of(tp: *mut PyTypeObject, origin: *mut PyObject, args: *mut PyObject, starred: bool) -> PyResult<PyRef> {
    let args = if tuple::is_tuple(args) { new_ref(args) } else { tuple::from_ptrs(&[args])? };
    let op = crate::objects::iter_common::alloc(tp)?;
    let g = ga(op.as_ptr());
    (*g).origin = new_ref(origin).into_ptr();
    (*g).args = args.into_ptr();
    (*g).starred = starred;
    Ok(op)
}

/// `PyObject *Py_GenericAlias(PyObject *origin, PyObject *args)`: `origin[args]`.
#[no_mangle]
pub unsafe extern "C" fn Py_GenericAlias(origin: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if origin.is_null() || args.is_null() {
        return ret_obj(Err(crate::abstract_::null_error()));
    }
    ret_obj(new_of(ga_type(), origin, args, false))
}

unsafe extern "C" fn ga_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        crate::objects::iter_common::no_keywords("GenericAlias", kwds)?;
        let a = tuple::items(args);
        if a.len() != 2 {
            return Err(type_error(format!("GenericAlias expected 2 arguments, got {}", a.len())));
        }
        new_of(tp, a[0], a[1], false)
    })();
    ret_obj(r)
}

unsafe extern "C" fn ga_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::objects::weakref::clear_weakrefs_if_any(op);
    ga_clear(op);
    let tp = (*op).ob_type;
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::temp_alloc::free_gc_object(op as *mut c_void),
    }
    // A subclass made by a class statement is freed through subtype_dealloc, which
    // releases the instance's reference to its type after this (the base is static).
}

unsafe extern "C" fn ga_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(v) = visit else { return 0 };
    let g = ga(op);
    for p in [(*g).origin, (*g).args, (*g).parameters] {
        if !p.is_null() {
            let r = v(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn ga_clear(op: *mut PyObject) -> c_int {
    let g = ga(op);
    for p in [&mut (*g).origin, &mut (*g).args, &mut (*g).parameters] {
        drop(PyRef::from_owned(core::mem::replace(p, core::ptr::null_mut())));
    }
    0
}

/// `list[int]`, `dict[str, list[int]]`, `tuple[()]`, `*tuple[int]`.
unsafe fn repr_text(op: *mut PyObject) -> PyResult<String> {
    use crate::objects::generic_alias_repr::push_item;
    let g = ga(op);
    let mut out = String::new();
    if (*g).starred {
        out.push('*');
    }
    push_item(&mut out, (*g).origin, false)?;
    out.push('[');
    let args = tuple::items((*g).args);
    if args.is_empty() {
        out.push_str("()");
    }
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_item(&mut out, a, false)?;
    }
    out.push(']');
    Ok(out)
}

unsafe extern "C" fn ga_repr(op: *mut PyObject) -> *mut PyObject {
    ret_obj(repr_text(op).and_then(|t| pystr::from_utf8(&t)))
}

unsafe extern "C" fn ga_hash(op: *mut PyObject) -> Py_hash_t {
    let g = ga(op);
    let r = (|| Ok::<_, Raised>(crate::abstract_::object::hash((*g).origin)? ^ crate::abstract_::object::hash((*g).args)?))();
    match r {
        Ok(-1) => -2,
        Ok(h) => h,
        Err(_) => -1,
    }
}

unsafe extern "C" fn ga_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    use crate::object::object::{Py_EQ, Py_NE};
    if !is_generic_alias(b) || (op != Py_EQ && op != Py_NE) {
        return new_ref(not_implemented()).into_ptr();
    }
    let r = (|| {
        let (x, y) = (ga(a), ga(b));
        if (*x).starred != (*y).starred || !crate::abstract_::compare::rich_compare_bool((*x).origin, (*y).origin, Py_EQ)? {
            return Ok(crate::abstract_::compare::bool_ref(op == Py_NE));
        }
        // The arguments' comparison is the answer, as CPython returns it.
        crate::abstract_::compare::rich_compare((*x).args, (*y).args, op)
    })();
    ret_obj(r)
}

/// Calling an alias creates the origin, then records the alias on the instance as
/// `__orig_class__` where the instance accepts it.
unsafe extern "C" fn ga_call(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let obj = from_slot(crate::abstract_::call::call_tuple((*ga(op)).origin, args, kwds))?;
        let name = crate::object::object_attr::interned_name(c"__orig_class__".as_ptr())?;
        if crate::object::object_attr::set_attr(obj.as_ptr(), name.as_ptr(), op).is_err() {
            use crate::errors::pyerr::{PyErr_Clear, PyErr_ExceptionMatches};
            let ignorable = PyErr_ExceptionMatches(&raw mut exc::_PyExc_AttributeError as *mut PyObject) != 0
                || PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0;
            if !ignorable {
                return Err(Raised::assume_set());
            }
            PyErr_Clear();
        }
        Ok(obj)
    })();
    ret_obj(r)
}

/// The attributes an alias answers itself; every other one is the origin's.
const OWN_ATTRIBUTES: [&str; 11] = [
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

unsafe extern "C" fn ga_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if pystr::is_str(name) && !OWN_ATTRIBUTES.iter().any(|a| pystr::eq_ascii(name, a)) {
        return crate::object::object_attr::PyObject_GetAttr((*ga(op)).origin, name);
    }
    crate::object::generic_getattr::PyObject_GenericGetAttr(op, name)
}

/// The alias's type variables, computed once.
pub(crate) unsafe fn parameters(op: *mut PyObject) -> PyResult<PyRef> {
    let g = ga(op);
    if (*g).parameters.is_null() {
        (*g).parameters = make_parameters((*g).args)?.into_ptr();
    }
    Ok(new_ref((*g).parameters))
}

unsafe extern "C" fn ga_parameters(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret_obj(parameters(op))
}

unsafe extern "C" fn ga_unpacked_tuple_args(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let g = ga(op);
    let tuple_tp = &raw mut crate::objects::tuple::PyTuple_Type as *mut PyObject;
    let r = if (*g).starred && (*g).origin == tuple_tp { (*g).args } else { crate::abstract_::none() };
    new_ref(r).into_ptr()
}

unsafe extern "C" fn ga_getitem(op: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let g = ga(op);
        let params = parameters(op)?;
        let args = substitute(op, (*g).args, params.as_ptr(), item)?;
        new_of(ga_type(), (*g).origin, args.as_ptr(), (*g).starred)
    })();
    ret_obj(r)
}

unsafe extern "C" fn ga_mro_entries(op: *mut PyObject, _bases: *mut PyObject) -> *mut PyObject {
    ret_obj(tuple::from_ptrs(&[(*ga(op)).origin]))
}

unsafe extern "C" fn ga_instancecheck(_op: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    ret_obj(Err(type_error("isinstance() argument 2 cannot be a parameterized generic")))
}

unsafe extern "C" fn ga_subclasscheck(_op: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    ret_obj(Err(type_error("issubclass() argument 2 cannot be a parameterized generic")))
}

/// `(GenericAlias, (origin, args))`; a starred alias is rebuilt as `next(iter(alias))`.
unsafe extern "C" fn ga_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let g = ga(op);
        if (*g).starred {
            let plain = new_of(ga_type(), (*g).origin, (*g).args, false)?;
            let it = crate::objects::generic_alias_iter::iter_of(plain.as_ptr())?;
            let builtins = crate::modules::builtins_module::PyEval_GetBuiltins();
            let next = crate::objects::dict::get_item_str(builtins, "next")?
                .ok_or_else(|| crate::object::pending_error::raise_type(&raw mut exc::_PyExc_RuntimeError, "lost builtins.next"))?;
            let inner = tuple::from_ptrs(&[it.as_ptr()])?;
            return tuple::from_ptrs(&[next, inner.as_ptr()]);
        }
        let inner = tuple::from_ptrs(&[(*g).origin, (*g).args])?;
        tuple::from_ptrs(&[(*op).ob_type as *mut PyObject, inner.as_ptr()])
    })();
    ret_obj(r)
}

/// `dir(origin)` plus the alias's own attributes.
unsafe extern "C" fn ga_dir(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let names = crate::abstract_::dir::dir((*ga(op)).origin)?;
        for a in OWN_ATTRIBUTES {
            let s = pystr::from_utf8(a)?;
            let present = crate::abstract_::sequence::PySequence_Contains(names.as_ptr(), s.as_ptr());
            if present < 0 {
                return Err(Raised::assume_set());
            }
            if present == 0 {
                list::append(names.as_ptr(), s.as_ptr())?;
            }
        }
        Ok(names)
    })();
    ret_obj(r)
}
