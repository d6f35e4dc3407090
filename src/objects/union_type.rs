//! `types.UnionType`: what `int | str` makes (PEP 604). `type.__or__`/`__ror__` and the
//! generic alias's `|` build one from classes, None, generic aliases and other unions
//! (flattened, duplicates dropped, a single member returned as itself); it compares and
//! hashes as the set of its members, substitutes type variables like a generic alias, and
//! `isinstance`/`issubclass` treat it as the tuple of its members.
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::abstract_::{new_ref, not_implemented, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::object::{PyObject, Py_EQ, Py_NE};
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PyNumberMethods};
use crate::object::static_type::static_type;
use crate::object::type_layout::is_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::generic_alias::is_generic_alias;
use crate::objects::generic_alias_params::{make_parameters, substitute};
use crate::objects::singletons::{_PyNone_Type, _Py_NoneStruct};
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_hash_t;

#[repr(C)]
struct Union {
    ob_base: PyObject,
    args: *mut PyObject,
    /// Computed on first use (NULL until then).
    parameters: *mut PyObject,
}

static mut UNION_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef { name: c"__args__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(Union, args) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut UNION_GETSETS: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"__parameters__".as_ptr(), get: Some(union_parameters), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut UNION_AS_MAPPING: PyMappingMethods =
    PyMappingMethods { mp_length: None, mp_subscript: Some(union_getitem), mp_ass_subscript: None };

static mut UNION_AS_NUMBER: PyNumberMethods = {
    // SAFETY: every field of the suite is an Option of a function pointer.
    let mut n: PyNumberMethods = unsafe { core::mem::zeroed() };
    n.nb_or = Some(union_or);
    n
};

/// `types.UnionType` (CPython's `_PyUnion_Type`, not exported).
pub(crate) static mut UnionType_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(union_dealloc),
    tp_repr: Some(union_repr),
    tp_as_number: &raw mut UNION_AS_NUMBER,
    tp_as_mapping: &raw mut UNION_AS_MAPPING,
    tp_hash: Some(union_hash),
    tp_getattro: Some(union_getattro),
    tp_traverse: Some(union_traverse),
    tp_richcompare: Some(union_richcompare),
    tp_members: &raw mut UNION_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut UNION_GETSETS as *mut PyGetSetDef,
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"types.UnionType",
        core::mem::size_of::<Union>(),
        0,
        Py_TPFLAGS_HAVE_GC,
        Some(c"Represent a PEP 604 union type\n\nE.g. for int | str"),
    )
};

fn union_type() -> *mut PyTypeObject {
    &raw mut UnionType_Type
}

/// Whether `op` is a `types.UnionType`.
pub(crate) unsafe fn is_union(op: *mut PyObject) -> bool {
    (*op).ob_type == union_type()
}

/// The members of a union (a borrowed tuple).
pub(crate) unsafe fn members(op: *mut PyObject) -> *mut PyObject {
    (*(op as *mut Union)).args
}

/// What `|` accepts on both sides to make a union.
unsafe fn is_unionable(op: *mut PyObject) -> bool {
    op == &raw mut _Py_NoneStruct || is_type(op) || is_generic_alias(op) || is_union(op)
}

/// Writes the members of `a | b` into `out` (unions spread out, None as NoneType, each member
/// once: generic aliases compared by `==`, everything else by identity) and returns how
/// many there are. `out` has room for every spread item; the pointers are borrowed from
/// the operands.
unsafe fn flatten_dedup(items: &[*mut PyObject], out: &mut [*mut PyObject]) -> PyResult<usize> {
    let none_type = &raw mut _PyNone_Type as *mut PyObject;
    let mut n = 0;
    for &operand in items {
        let spread: &[*mut PyObject] = if is_union(operand) { tuple::items(members(operand)) } else { core::slice::from_ref(&operand) };
        for &item in spread {
            let item = if item == &raw mut _Py_NoneStruct { none_type } else { item };
            let mut duplicate = false;
            for &seen in &out[..n] {
                duplicate = seen == item
                    || (is_generic_alias(item)
                        && is_generic_alias(seen)
                        && crate::abstract_::compare::rich_compare_bool(seen, item, Py_EQ)?);
                if duplicate {
                    break;
                }
            }
            if !duplicate {
                out[n] = item;
                n += 1;
            }
        }
    }
    Ok(n)
}

/// The union of `items` (a single member is returned as itself).
unsafe fn make_union(items: &[*mut PyObject]) -> PyResult<PyRef> {
    let spread_len: usize = items.iter().map(|&i| if is_union(i) { tuple::items(members(i)).len() } else { 1 }).sum();
    // The usual `X | Y` fits on the stack: no allocation besides the union and its tuple.
    let mut stack = [core::ptr::null_mut(); 8];
    let mut heap = Vec::new();
    let buf: &mut [*mut PyObject] = if spread_len <= stack.len() {
        &mut stack[..spread_len]
    } else {
        heap.resize(spread_len, core::ptr::null_mut());
        &mut heap
    };
    let n = flatten_dedup(items, buf)?;
    if n == 1 {
        return Ok(new_ref(buf[0]));
    }
    let args = tuple::from_ptrs(&buf[..n])?;
    let op = crate::objects::iter_common::alloc(union_type())?;
    (*(op.as_ptr() as *mut Union)).args = args.into_ptr();
    Ok(op)
}

/// `nb_or` of `type`, `types.GenericAlias` and `types.UnionType`: `a | b`, NotImplemented
/// unless both sides can be members of a union.
pub(crate) unsafe extern "C" fn union_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_unionable(a) || !is_unionable(b) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj(make_union(&[a, b]))
}

unsafe extern "C" fn union_dealloc(op: *mut PyObject) {
    crate::objects::iter_common::dealloc_fields(op, 2)
}

unsafe extern "C" fn union_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    crate::objects::iter_common::traverse_fields(op, 2, visit, arg)
}

unsafe extern "C" fn union_repr(op: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let mut out = String::new();
        for (i, &a) in tuple::items(members(op)).iter().enumerate() {
            if i > 0 {
                out.push_str(" | ");
            }
            crate::objects::generic_alias_repr::push_item(&mut out, a, true)?;
        }
        pystr::from_utf8(&out)
    })();
    ret_obj(r)
}

/// The members as a frozenset (order does not matter for `==` and hash).
unsafe fn member_set(op: *mut PyObject) -> PyResult<PyRef> {
    crate::objects::set::new(true, members(op))
}

unsafe extern "C" fn union_hash(op: *mut PyObject) -> Py_hash_t {
    match member_set(op).and_then(|s| crate::abstract_::object::hash(s.as_ptr())) {
        Ok(h) => h,
        Err(_) => -1,
    }
}

unsafe extern "C" fn union_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_union(b) || (op != Py_EQ && op != Py_NE) {
        return new_ref(not_implemented()).into_ptr();
    }
    let r = (|| {
        let (x, y) = (member_set(a)?, member_set(b)?);
        crate::abstract_::compare::rich_compare(x.as_ptr(), y.as_ptr(), op)
    })();
    ret_obj(r)
}

/// `__module__` is the type's (`types`); the rest is generic.
unsafe extern "C" fn union_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if pystr::is_str(name) && pystr::eq_ascii(name, "__module__") {
        return crate::object::object_attr::PyObject_GetAttr((*op).ob_type as *mut PyObject, name);
    }
    crate::object::generic_getattr::PyObject_GenericGetAttr(op, name)
}

unsafe fn parameters(op: *mut PyObject) -> PyResult<PyRef> {
    let u = op as *mut Union;
    if (*u).parameters.is_null() {
        (*u).parameters = make_parameters((*u).args)?.into_ptr();
    }
    Ok(new_ref((*u).parameters))
}

unsafe extern "C" fn union_parameters(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret_obj(parameters(op))
}

/// `(list[T] | None)[int]`: the members substituted, joined again with `|`.
unsafe extern "C" fn union_getitem(op: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let params = parameters(op)?;
        let args = substitute(op, members(op), params.as_ptr(), item)?;
        let items = tuple::items(args.as_ptr());
        let Some((&first, rest)) = items.split_first() else { return make_union(&[]) };
        let mut acc = new_ref(first);
        for &a in rest {
            acc = crate::abstract_::from_slot(crate::abstract_::number::PyNumber_Or(acc.as_ptr(), a))?;
        }
        Ok(acc)
    })();
    ret_obj(r)
}
