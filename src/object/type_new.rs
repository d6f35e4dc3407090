//! `type(name, bases, dict)`: classes made at run time (`type.__new__`, the `tp_new` of
//! `PyType_Type`), the one-argument form `type(x)`, `type.__init__`, and the metaclass
//! calculation (`_PyType_CalculateMetaclass`).
//!
//! A class gets CPython 3.11's layout: the best base's instance layout, then one
//! `T_OBJECT_EX` member per `__slots__` entry (sorted, private names mangled), then a
//! `__weakref__` slot and a dict — a managed dict (`Py_TPFLAGS_MANAGED_DICT`, before the
//! object) unless the base has items, where the dict pointer goes after them. Classes are GC
//! types whose instances use `subtype_dealloc` / `subtype_traverse` / `subtype_clear`.
use core::ffi::{c_char, c_int, CStr};

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::baseobject::PyBaseObject_Type;
use crate::object::generic_alloc::PyType_GenericAlloc;
use crate::object::heap_type::{heap, members_area, str_utf8};
use crate::object::member::{PyMemberDef, T_OBJECT_EX};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::pymem::{PyMem_Malloc, PyObject_Malloc};
use crate::object::subtype;
use crate::object::type_layout::{best_base, is_type};
use crate::object::typeobject::*;
use crate::object::typetype::{is_subtype, short_name, type_name};
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

const PTR: Py_ssize_t = core::mem::size_of::<*mut PyObject>() as Py_ssize_t;

/// `tp_new` of `type`: a new class from `(name, bases, dict)`.
pub(crate) unsafe extern "C" fn type_new(meta: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    match new_class(meta, args, kwds) {
        Ok(t) => t.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe fn arg_items<'a>(args: *mut PyObject) -> &'a [*mut PyObject] {
    if args.is_null() || !tuple::is_tuple(args) { &[] } else { tuple::items(args) }
}

unsafe fn kw_count(kwds: *mut PyObject) -> usize {
    if kwds.is_null() || !dict::is_dict(kwds) { 0 } else { dict::len(kwds) }
}

unsafe fn new_class(meta: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> PyResult<PyRef> {
    // `type(x)` and "type() takes 1 or 3 arguments" belong to type.__call__ (type_call.rs).
    let argv = arg_items(args);
    if argv.len() != 3 {
        return Err(raise(
            ExcType::TypeError,
            format!("type.__new__() takes exactly 3 arguments ({} given)", argv.len()),
        ));
    }
    let (name, bases, ns) = (argv[0], argv[1], argv[2]);
    for (i, (&arg, want, ok)) in [
        (&name, "str", pystr::is_str(name)),
        (&bases, "tuple", tuple::is_tuple(bases)),
        (&ns, "dict", dict::is_dict(ns)),
    ]
    .iter()
    .enumerate()
    {
        if !ok {
            return Err(raise(
                ExcType::TypeError,
                format!("type.__new__() argument {} must be {want}, not {}", i + 1, short_name((*arg).ob_type)),
            ));
        }
    }

    // Bases that are not types: CPython's class statement resolves __mro_entries__, but
    // type() itself does not.
    for &b in tuple::items(bases) {
        if !is_type(b) && has_attr_on_type(b, "__mro_entries__")? {
            return Err(raise(
                ExcType::TypeError,
                "type() doesn't support MRO entry resolution; use types.new_class()",
            ));
        }
    }
    // The most derived metaclass; a different one with its own tp_new takes over.
    let winner = calculate_metaclass(meta, bases)?;
    if winner != meta {
        if let Some(new) = (*winner).tp_new {
            if new as *const () as usize != type_new as *const () as usize {
                return PyRef::from_owned(new(winner, args, kwds)).ok_or_else(|| Raised::assume_set());
            }
        }
    }
    let meta = winner;

    let bases = if tuple::len(bases) == 0 {
        tuple::from_slice(&[PyRef::from_borrowed(&raw mut PyBaseObject_Type as *mut PyObject).unwrap()])?
    } else {
        PyRef::from_borrowed(bases).unwrap()
    };
    let Some(base) = best_base(bases.as_ptr())? else { return Err(bad_internal_call()) };
    if (*base).tp_flags & Py_TPFLAGS_BASETYPE == 0 {
        return Err(raise(ExcType::TypeError, format!("type '{}' is not an acceptable base type", type_name(base))));
    }

    let ns_copy = copy_dict(ns)?;
    let layout = plan_slots(name, bases.as_ptr(), base, ns_copy.as_ptr())?;
    let tp = build(meta, name, bases, base, ns_copy, layout)?;
    set_class_cell(tp.as_ptr() as *mut PyTypeObject)?;
    // Its slots, made from its MRO, are what its subclasses inherit (until it changes).
    crate::object::slot_memo::record_own_slots(tp.as_ptr() as *mut PyTypeObject);
    set_names(tp.as_ptr() as *mut PyTypeObject)?;
    init_subclass(tp.as_ptr() as *mut PyTypeObject, kwds)?;
    Ok(tp)
}

/// Whether `type(o)` has attribute `name` along its MRO.
unsafe fn has_attr_on_type(o: *mut PyObject, name: &str) -> PyResult<bool> {
    let key = pystr::intern(name)?;
    Ok(!crate::object::type_cache::_PyType_Lookup((*o).ob_type, key.as_ptr()).is_null())
}

/// The metaclass of a class with `bases` asked for with `meta`: the most derived of `meta`
/// and the bases' metaclasses, which must all be on one line of inheritance.
///
/// # Safety
/// `meta` is a live type, `bases` a live tuple.
pub(crate) unsafe fn calculate_metaclass(meta: *mut PyTypeObject, bases: *mut PyObject) -> PyResult<*mut PyTypeObject> {
    let mut winner = meta;
    for &b in tuple::items(bases) {
        let t = (*b).ob_type;
        if is_subtype(winner, t) {
            continue;
        }
        if is_subtype(t, winner) {
            winner = t;
            continue;
        }
        return Err(raise(
            ExcType::TypeError,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `PyTypeObject *_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyType_CalculateMetaclass(meta: *mut PyTypeObject, bases: *mut PyObject) -> *mut PyTypeObject {
    if meta.is_null() || bases.is_null() || !tuple::is_tuple(bases) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    calculate_metaclass(meta, bases).unwrap_or(core::ptr::null_mut())
}

unsafe fn copy_dict(d: *mut PyObject) -> PyResult<PyRef> {
    let copy = dict::new()?;
    for (k, v) in dict::items(d) {
        dict::set_item(copy.as_ptr(), k, v)?;
    }
    Ok(copy)
}

/// What `__slots__` (or its absence) asks of the instance layout.
struct SlotPlan {
    /// The mangled, sorted slot names (NULL-free), `ht_slots`; None without `__slots__`.
    names: Option<Vec<PyRef>>,
    add_dict: bool,
    add_weak: bool,
}

/// Python's `str.isidentifier` for the slot names (non-ASCII letters are accepted as
/// alphabetic characters, an approximation of XID_Start/XID_Continue).
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Private name mangling (`__x` in class `_A` is `_A__x`), as the compiler does it.
fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

unsafe fn plan_slots(name: *mut PyObject, bases: *mut PyObject, base: *mut PyTypeObject, ns: *mut PyObject) -> PyResult<SlotPlan> {
    let b = &*base;
    let may_add_dict = b.tp_dictoffset == 0 && b.tp_flags & Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong == 0;
    let may_add_weak = b.tp_weaklistoffset == 0 && b.tp_itemsize == 0;
    let Some(slots) = dict::get_item_str(ns, "__slots__")? else {
        return Ok(SlotPlan { names: None, add_dict: may_add_dict, add_weak: may_add_weak });
    };
    let items: Vec<PyRef> = if pystr::is_str(slots) {
        vec![PyRef::from_borrowed(slots).unwrap()]
    } else {
        crate::abstract_::iter::collect(slots)?
    };
    if !items.is_empty() && b.tp_itemsize != 0 {
        return Err(raise(
            ExcType::TypeError,
            format!("nonempty __slots__ not supported for subtype of '{}'", type_name(base)),
        ));
    }
    let (mut add_dict, mut add_weak) = (false, false);
    for item in &items {
        let o = item.as_ptr();
        if !pystr::is_str(o) {
            return Err(raise(
                ExcType::TypeError,
                format!("__slots__ items must be strings, not '{}'", short_name((*o).ob_type)),
            ));
        }
        let text = pystr::to_string(o);
        if !is_identifier(&text) {
            return Err(raise(ExcType::TypeError, "__slots__ must be identifiers"));
        }
        if text == "__dict__" {
            if !may_add_dict || add_dict {
                return Err(raise(ExcType::TypeError, "__dict__ slot disallowed: we already got one"));
            }
            add_dict = true;
        }
        if text == "__weakref__" {
            if !may_add_weak || add_weak {
                return Err(raise(
                    ExcType::TypeError,
                    "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                ));
            }
            add_weak = true;
        }
    }
    let class = pystr::to_string(name);
    let has_qualname = dict::get_item_str(ns, "__qualname__")?.is_some();
    let mut names: Vec<(String, PyRef)> = Vec::new();
    for item in &items {
        let text = pystr::to_string(item.as_ptr());
        if text == "__dict__" || text == "__weakref__" {
            continue;
        }
        let mangled = mangle(&class, &text);
        let s = if mangled == text { item.clone() } else { pystr::from_utf8(&mangled)? };
        if dict::get_item(ns, s.as_ptr())?.is_some()
            && !(mangled == "__qualname__" && has_qualname)
            && mangled != "__classcell__"
        {
            let r = crate::abstract_::object::repr(s.as_ptr())?;
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                format!("{} in __slots__ conflicts with class variable", pystr::to_string(r.as_ptr())),
            ));
        }
        names.push((mangled, s));
    }
    // Sorted by code point, as CPython sorts the list of names.
    names.sort_by(|a, b| a.0.cmp(&b.0));
    // Secondary bases may provide the dict or weakref slot.
    let nbases = tuple::len(bases);
    if nbases > 1 && ((may_add_dict && !add_dict) || (may_add_weak && !add_weak)) {
        for &other in tuple::items(bases) {
            let t = other as *mut PyTypeObject;
            if t == base {
                continue;
            }
            if may_add_dict && !add_dict && ((*t).tp_dictoffset != 0 || (*t).tp_flags & Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong != 0) {
                add_dict = true;
            }
            if may_add_weak && !add_weak && (*t).tp_weaklistoffset != 0 {
                add_weak = true;
            }
        }
    }
    Ok(SlotPlan { names: Some(names.into_iter().map(|(_, s)| s).collect()), add_dict, add_weak })
}

/// A copy of a C string in `PyObject_Malloc` memory (`tp_doc` of heap types).
unsafe fn doc_copy(text: &CStr) -> PyResult<*const c_char> {
    let bytes = text.to_bytes_with_nul();
    let p = PyObject_Malloc(bytes.len()) as *mut u8;
    if p.is_null() {
        return Err(no_memory());
    }
    core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
    Ok(p as *const c_char)
}

unsafe fn build(
    meta: *mut PyTypeObject,
    name: *mut PyObject,
    bases: PyRef,
    base: *mut PyTypeObject,
    ns: PyRef,
    plan: SlotPlan,
) -> PyResult<PyRef> {
    let nslots = plan.names.as_ref().map_or(0, Vec::len);
    let alloc = (*meta).tp_alloc.unwrap_or(PyType_GenericAlloc);
    let op = alloc(meta, nslots as Py_ssize_t);
    let tp_ref = PyRef::from_owned(op).ok_or_else(|| Raised::assume_set())?;
    let tp = op as *mut PyTypeObject;
    let ht = heap(tp);
    let t = &mut *tp;
    t.tp_flags = Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    t.tp_as_async = &raw mut (*ht).as_async;
    t.tp_as_number = &raw mut (*ht).as_number;
    t.tp_as_sequence = &raw mut (*ht).as_sequence;
    t.tp_as_mapping = &raw mut (*ht).as_mapping;
    t.tp_as_buffer = &raw mut (*ht).as_buffer;
    t.tp_bases = bases.into_ptr();
    t.tp_base = PyRef::from_borrowed(base as *mut PyObject).unwrap().into_ptr() as *mut PyTypeObject;

    // Name: tp_name is the UTF-8 of __name__ (kept in our own buffer).
    (*ht).ht_name = PyRef::from_borrowed(name).unwrap().into_ptr();
    let utf8 = str_utf8(name)?;
    let bytes = CStr::from_ptr(utf8).to_bytes();
    if bytes.len() != pystr::to_string(name).len() {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "type name must not contain null characters"));
    }
    let buf = PyMem_Malloc(bytes.len() + 1) as *mut u8;
    if buf.is_null() {
        return Err(no_memory());
    }
    core::ptr::copy_nonoverlapping(bytes.as_ptr(), buf, bytes.len());
    *buf.add(bytes.len()) = 0;
    (*ht)._ht_tpname = buf as *mut c_char;
    t.tp_name = buf as *const c_char;

    let d = ns.into_ptr();
    t.tp_dict = d;
    // __qualname__ from the namespace (a str), else the name; it does not stay in the dict.
    let qualname = match dict::get_item_str(d, "__qualname__")? {
        Some(q) if pystr::is_str(q) => PyRef::from_borrowed(q).unwrap(),
        Some(q) => {
            return Err(raise(
                ExcType::TypeError,
                format!("type __qualname__ must be a str, not {}", short_name((*q).ob_type)),
            ));
        }
        None => PyRef::from_borrowed(name).unwrap(),
    };
    (*ht).ht_qualname = qualname.into_ptr();
    let qkey = pystr::intern("__qualname__")?;
    dict::del_item(d, qkey.as_ptr())?;
    // `__module__` and staticmethod/classmethod wrapping (eval's part).
    crate::eval::class_namespace::finish_class_dict(tp, d)?;
    if let Some(doc) = dict::get_item_str(d, "__doc__")? {
        if pystr::is_str(doc) {
            t.tp_doc = doc_copy(CStr::from_ptr(str_utf8(doc)?))?;
        }
    }

    // Instance layout: the base's, then the slots, then __weakref__ and the dict.
    let mut offset = (*base).tp_basicsize;
    if let Some(names) = &plan.names {
        let area = members_area(tp);
        for (i, s) in names.iter().enumerate() {
            *area.add(i) = PyMemberDef {
                name: str_utf8(s.as_ptr())?,
                r#type: T_OBJECT_EX,
                offset,
                flags: 0,
                doc: core::ptr::null(),
            };
            offset += PTR;
        }
        t.tp_members = area;
        let slots: Vec<PyRef> = names.clone();
        (*ht).ht_slots = tuple::from_slice(&slots)?.into_ptr();
    }
    if plan.add_dict && (*base).tp_itemsize != 0 {
        t.tp_dictoffset = -PTR;
        offset += PTR;
    }
    if plan.add_weak {
        t.tp_weaklistoffset = offset;
        offset += PTR;
    }
    if plan.add_dict && (*base).tp_itemsize == 0 {
        t.tp_flags |= Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong;
        t.tp_dictoffset = -offset - 3 * PTR;
    }
    t.tp_basicsize = offset;
    t.tp_itemsize = (*base).tp_itemsize;
    t.tp_getset = subtype::instance_getsets(plan.add_dict, plan.add_weak);

    t.tp_dealloc = Some(subtype::subtype_dealloc);
    t.tp_traverse = Some(subtype::subtype_traverse);
    t.tp_clear = Some(subtype::subtype_clear);
    t.tp_alloc = Some(PyType_GenericAlloc);
    t.tp_free = Some(crate::object::temp_alloc::free_gc_object);

    crate::object::type_ready::ready(tp)?;
    // C slots from the dunder methods of the class dict (`__add__` -> nb_add, ...).
    crate::object::slot_dunders::fixup_slot_dunders(tp)?;
    Ok(tp_ref)
}

/// A `__classcell__` in the namespace (the compiler's cell behind `__class__` and
/// zero-argument `super()`) is set to the new class and leaves the class dict.
unsafe fn set_class_cell(tp: *mut PyTypeObject) -> PyResult<()> {
    let d = (*tp).tp_dict;
    let Some(cell) = dict::get_item_str(d, "__classcell__")? else { return Ok(()) };
    if (*cell).ob_type != &raw mut crate::objects::cell::PyCell_Type {
        let shown = crate::abstract_::object::repr((*cell).ob_type as *mut PyObject)?;
        return Err(raise(
            ExcType::TypeError,
            format!("__classcell__ must be a nonlocal cell, not {}", pystr::to_string(shown.as_ptr())),
        ));
    }
    if crate::objects::cell::PyCell_Set(cell, tp as *mut PyObject) < 0 {
        return Err(Raised::assume_set());
    }
    let key = pystr::intern("__classcell__")?;
    dict::del_item(d, key.as_ptr())?;
    // A `__classcell__` slot gets its member descriptor in the cell's place (CPython removes
    // the cell before its type's members are added).
    let mut m = (*tp).tp_members;
    while !m.is_null() && !(*m).name.is_null() {
        if core::ffi::CStr::from_ptr((*m).name).to_bytes() == b"__classcell__" {
            let descr = PyRef::from_owned(crate::object::descr_objects::PyDescr_NewMember(tp, m)).ok_or_else(Raised::assume_set)?;
            dict::set_item(d, key.as_ptr(), descr.as_ptr())?;
            break;
        }
        m = m.add(1);
    }
    crate::object::type_cache::PyType_Modified(tp);
    Ok(())
}

/// Calls `__set_name__(owner, name)` on each attribute of the new class whose type has one;
/// a failure is RuntimeError "Error calling __set_name__ on ..." caused by the original.
unsafe fn set_names(tp: *mut PyTypeObject) -> PyResult<()> {
    let d = PyRef::from_borrowed((*tp).tp_dict).ok_or_else(bad_internal_call)?;
    let set_name = pystr::intern("__set_name__")?;
    let entries: Vec<(PyRef, PyRef)> = dict::items(d.as_ptr())
        .into_iter()
        .map(|(k, v)| (PyRef::from_borrowed(k).unwrap(), PyRef::from_borrowed(v).unwrap()))
        .collect();
    for (key, value) in entries {
        let vt = (*value.as_ptr()).ob_type;
        let f = crate::object::type_cache::_PyType_Lookup(vt, set_name.as_ptr());
        if f.is_null() {
            continue;
        }
        let f = PyRef::from_borrowed(f).unwrap();
        let bound = bind(f.as_ptr(), value.as_ptr(), vt as *mut PyObject)?;
        let args = tuple::from_slice(&[PyRef::from_borrowed(tp as *mut PyObject).unwrap(), key.clone()])?;
        let r = crate::abstract_::call::PyObject_Call(bound.as_ptr(), args.as_ptr(), core::ptr::null_mut());
        if r.is_null() {
            let krepr = crate::abstract_::object::repr(key.as_ptr())?;
            return Err(raise_from_cause(
                &raw mut exc::_PyExc_RuntimeError,
                format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    type_name(vt),
                    pystr::to_string(krepr.as_ptr()),
                    type_name(tp)
                ),
            ));
        }
        drop(PyRef::from_owned(r));
    }
    Ok(())
}

/// Raises `tp(message)` with the pending exception as its `__cause__` (and context), as
/// CPython's `_PyErr_FormatFromCause` does.
///
/// # Safety
/// An exception is set; the caller holds the GIL.
pub(crate) unsafe fn raise_from_cause(tp: *mut PyTypeObject, message: impl Into<String>) -> Raised {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let _ = raise_type(tp, message);
    crate::errors::chain::chain_cause(t, v, tb);
    Raised::assume_set()
}

/// `f.__get__(obj, owner)` when `f` is a descriptor, else `f`.
unsafe fn bind(f: *mut PyObject, obj: *mut PyObject, owner: *mut PyObject) -> PyResult<PyRef> {
    match (*(*f).ob_type).tp_descr_get {
        Some(get) => PyRef::from_owned(get(f, obj, owner)).ok_or_else(|| Raised::assume_set()),
        None => Ok(PyRef::from_borrowed(f).unwrap()),
    }
}

/// `super(type, type).__init_subclass__(**kwds)`: the first `__init_subclass__` after the
/// class in its MRO, bound to the class.
unsafe fn init_subclass(tp: *mut PyTypeObject, kwds: *mut PyObject) -> PyResult<()> {
    let key = pystr::intern("__init_subclass__")?;
    let mro = (*tp).tp_mro;
    let mut found: *mut PyObject = core::ptr::null_mut();
    for &c in tuple::items(mro).iter().skip(1) {
        // object.__init_subclass__ is the fallback below, with CPython's message.
        if c == &raw mut PyBaseObject_Type as *mut PyObject {
            break;
        }
        let cd = (*(c as *mut PyTypeObject)).tp_dict;
        if cd.is_null() {
            continue;
        }
        if let Some(f) = dict::get_item(cd, key.as_ptr())? {
            found = f;
            break;
        }
    }
    if found.is_null() {
        // object.__init_subclass__ takes no arguments and does nothing.
        if kw_count(kwds) != 0 {
            return Err(raise(
                ExcType::TypeError,
                format!("{}.__init_subclass__() takes no keyword arguments", short_name(tp)),
            ));
        }
        return Ok(());
    }
    let f = PyRef::from_borrowed(found).unwrap();
    let bound = bind(f.as_ptr(), core::ptr::null_mut(), tp as *mut PyObject)?;
    let args = tuple::new(0)?;
    let kw = if kw_count(kwds) == 0 { core::ptr::null_mut() } else { kwds };
    let r = crate::abstract_::call::PyObject_Call(bound.as_ptr(), args.as_ptr(), kw);
    PyRef::from_owned(r).ok_or_else(|| Raised::assume_set()).map(drop)
}

/// `type.__init__(cls, name, bases, dict, **kwds)`: checks the arguments only (the class
/// is made by `__new__`).
pub(crate) unsafe extern "C" fn type_init(_cls: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let n = arg_items(args).len();
    if n == 1 && kw_count(kwds) != 0 {
        let _ = raise(ExcType::TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if n != 1 && n != 3 {
        let _ = raise(ExcType::TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::typetype::PyType_Type;

    #[test]
    fn private_names_are_mangled_as_the_compiler_does() {
        assert_eq!(mangle("A", "__x"), "_A__x");
        assert_eq!(mangle("_A", "__x"), "_A__x");
        assert_eq!(mangle("__", "__x"), "__x");
        assert_eq!(mangle("A", "__x__"), "__x__");
        assert_eq!(mangle("A", "_x"), "_x");
        assert!(is_identifier("é") && is_identifier("_a1") && !is_identifier("1a") && !is_identifier("a.b") && !is_identifier(""));
    }

    use crate::object::pending_error::take;

    unsafe fn s(text: &str) -> PyRef {
        pystr::from_utf8(text).unwrap()
    }

    /// `type(name, bases, ns)` through `type.__new__`.
    unsafe fn make(name: &str, bases: &[*mut PyObject], ns: &[(&str, PyRef)]) -> PyResult<PyRef> {
        let b: Vec<PyRef> = bases.iter().map(|&x| PyRef::from_borrowed(x).unwrap()).collect();
        let d = dict::new().unwrap();
        for (k, v) in ns {
            dict::set_item(d.as_ptr(), s(k).as_ptr(), v.as_ptr()).unwrap();
        }
        let args = tuple::from_slice(&[s(name), tuple::from_slice(&b).unwrap(), d]).unwrap();
        new_class(&raw mut PyType_Type, args.as_ptr(), core::ptr::null_mut())
    }

    fn err() -> String {
        take().map(|(_, m)| m).unwrap_or_default()
    }

    #[test]
    fn plain_class() {
        let _gil = crate::object::test_lock();
        crate::object::builtin_types::init();
        unsafe {
            let c = make("C", &[], &[("__doc__", s("the doc")), ("__qualname__", s("Outer.C"))]).unwrap();
            let tp = c.as_ptr() as *mut PyTypeObject;
            let f = (*tp).tp_flags;
            assert!(f & Py_TPFLAGS_HEAPTYPE != 0 && f & Py_TPFLAGS_HAVE_GC != 0 && f & Py_TPFLAGS_BASETYPE != 0);
            assert!(f & Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong != 0);
            assert_eq!(((*tp).tp_basicsize, (*tp).tp_dictoffset, (*tp).tp_weaklistoffset), (24, -48, 16));
            assert_eq!(CStr::from_ptr((*tp).tp_name).to_str().unwrap(), "C");
            assert_eq!(pystr::to_string((*heap(tp)).ht_qualname), "Outer.C");
            assert_eq!(CStr::from_ptr((*tp).tp_doc).to_str().unwrap(), "the doc");
            assert!(dict::get_item_str((*tp).tp_dict, "__qualname__").unwrap().is_none());
            assert_eq!((*tp).tp_base, &raw mut PyBaseObject_Type);

            // An instance owns a reference to its class and gets a dict on demand.
            let before = (*tp).ob_base.ob_base.ob_refcnt;
            let obj = PyType_GenericAlloc(tp, 0);
            assert_eq!((*tp).ob_base.ob_base.ob_refcnt, before + 1);
            let d = PyRef::from_owned(((*(*tp).tp_getset).get.unwrap())(obj, core::ptr::null_mut())).unwrap();
            assert!(dict::is_dict(d.as_ptr()));
            assert_eq!(*subtype::instance_dict_ptr(obj, tp), d.as_ptr());
            drop(d);
            drop(PyRef::from_owned(obj));
            assert_eq!((*tp).ob_base.ob_base.ob_refcnt, before);
        }
    }

    #[test]
    fn slots_are_sorted_mangled_members() {
        let _gil = crate::object::test_lock();
        crate::object::builtin_types::init();
        unsafe {
            let slots = tuple::from_slice(&[s("b"), s("__p"), s("a"), s("__dict__")]).unwrap();
            let c = make("K", &[], &[("__slots__", slots)]).unwrap();
            let tp = c.as_ptr() as *mut PyTypeObject;
            let names: Vec<String> = tuple::items((*heap(tp)).ht_slots).iter().map(|&x| pystr::to_string(x)).collect();
            assert_eq!(names, ["_K__p", "a", "b"]);
            let m = core::slice::from_raw_parts((*tp).tp_members, 3);
            assert_eq!(m.iter().map(|m| m.offset).collect::<Vec<_>>(), [16, 24, 32]);
            assert_eq!(CStr::from_ptr(m[0].name).to_str().unwrap(), "_K__p");
            // __dict__ requested, no __weakref__: managed dict after the slots.
            assert_eq!(((*tp).tp_basicsize, (*tp).tp_dictoffset, (*tp).tp_weaklistoffset), (40, -64, 0));
            // Slots are released with the instance.
            let obj = PyType_GenericAlloc(tp, 0);
            let v = s("value");
            *((obj as *mut u8).add(24) as *mut *mut PyObject) = v.clone().into_ptr();
            assert_eq!((*v.as_ptr()).ob_refcnt, 2);
            drop(PyRef::from_owned(obj));
            assert_eq!((*v.as_ptr()).ob_refcnt, 1);
        }
    }

    #[test]
    fn cpython_errors() {
        let _gil = crate::object::test_lock();
        crate::object::builtin_types::init();
        unsafe {
            let bool_t = &raw mut crate::objects::bool::PyBool_Type as *mut PyObject;
            assert!(make("A", &[bool_t], &[]).is_err());
            assert_eq!(err(), "type 'bool' is not an acceptable base type");
            assert!(make("A", &[], &[("__slots__", s("1a"))]).is_err());
            assert_eq!(err(), "__slots__ must be identifiers");
            assert!(make("A", &[], &[("__slots__", s("a")), ("a", s("x"))]).is_err());
            assert_eq!(err(), "'a' in __slots__ conflicts with class variable");
            let two = tuple::from_slice(&[s("__dict__"), s("__dict__")]).unwrap();
            assert!(make("A", &[], &[("__slots__", two)]).is_err());
            assert_eq!(err(), "__dict__ slot disallowed: we already got one");
            let int_t = &raw mut crate::objects::int::PyLong_Type as *mut PyObject;
            assert!(make("A", &[int_t], &[("__slots__", s("x"))]).is_err());
            assert_eq!(err(), "nonempty __slots__ not supported for subtype of 'int'");
            assert!(make("A", &[], &[("__qualname__", PyRef::from_borrowed(int_t).unwrap())]).is_err());
            assert_eq!(err(), "type __qualname__ must be a str, not type");
            assert!(make("A\0b", &[], &[]).is_err());
            assert_eq!(err(), "type name must not contain null characters");
            let args = tuple::from_slice(&[s("A"), s("B")]).unwrap();
            assert!(new_class(&raw mut PyType_Type, args.as_ptr(), core::ptr::null_mut()).is_err());
            assert_eq!(err(), "type.__new__() takes exactly 3 arguments (2 given)");
            let args = tuple::from_slice(&[s("A"), s("B"), s("C")]).unwrap();
            assert!(new_class(&raw mut PyType_Type, args.as_ptr(), core::ptr::null_mut()).is_err());
            assert_eq!(err(), "type.__new__() argument 2 must be tuple, not str");
        }
    }

    /// A metaclass from a spec (base `type`), as an extension makes one.
    unsafe fn spec_metaclass(name: &'static CStr) -> PyRef {
        use crate::object::typeslots::Py_tp_base;
        let mut slots = [
            PyType_Slot { slot: Py_tp_base, pfunc: &raw mut PyType_Type as *mut core::ffi::c_void },
            PyType_Slot { slot: 0, pfunc: core::ptr::null_mut() },
        ];
        let mut spec = PyType_Spec {
            name: name.as_ptr(),
            basicsize: 0,
            itemsize: 0,
            flags: Py_TPFLAGS_BASETYPE as core::ffi::c_uint,
            slots: slots.as_mut_ptr(),
        };
        PyRef::from_owned(crate::object::heap_type::PyType_FromSpec(&mut spec)).expect("metaclass")
    }

    #[test]
    fn classes_through_a_heap_metaclass() {
        let _gil = crate::object::test_lock();
        crate::object::builtin_types::init();
        unsafe {
            let meta = spec_metaclass(c"m.Meta");
            let mt = meta.as_ptr() as *mut PyTypeObject;
            assert_eq!((*mt).tp_basicsize, core::mem::size_of::<PyHeapTypeObject>() as Py_ssize_t);
            assert!((*mt).tp_flags & Py_TPFLAGS_TYPE_SUBCLASS != 0);
            let before = (*mt).ob_base.ob_base.ob_refcnt;
            let d = dict::new().unwrap();
            let args = tuple::from_slice(&[s("X"), tuple::new(0).unwrap(), d]).unwrap();
            let x = new_class(mt, args.as_ptr(), core::ptr::null_mut()).unwrap();
            assert_eq!((*x.as_ptr()).ob_type, mt);
            assert_eq!((*mt).ob_base.ob_base.ob_refcnt, before + 1);
            // type(name, (X,), {}) picks X's metaclass.
            let y = make("Y", &[x.as_ptr()], &[]).unwrap();
            assert_eq!((*y.as_ptr()).ob_type, mt);
            // Two unrelated metaclasses conflict.
            let other = spec_metaclass(c"m.Other");
            let d = dict::new().unwrap();
            let args = tuple::from_slice(&[s("Z"), tuple::new(0).unwrap(), d]).unwrap();
            let z = new_class(other.as_ptr() as *mut PyTypeObject, args.as_ptr(), core::ptr::null_mut()).unwrap();
            assert!(make("W", &[x.as_ptr(), z.as_ptr()], &[]).is_err());
            assert!(err().starts_with("metaclass conflict: the metaclass of a derived class must be"));
            // The class dies through the metaclass's subtype_dealloc (type_dealloc, then the
            // reference to the metaclass): break its cycles as the collector would.
            let count = (*mt).ob_base.ob_base.ob_refcnt;
            for t in [&y, &x] {
                let op = t.as_ptr();
                ((*(*op).ob_type).tp_clear.unwrap())(op);
            }
            drop(y);
            drop(x);
            assert_eq!((*mt).ob_base.ob_base.ob_refcnt, count - 2);
        }
    }
}
