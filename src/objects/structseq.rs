//! Struct sequences (named-tuple-like types such as `os.stat_result`), described in C by
//! `PyStructSequence_Desc` (CPython's `structseq.h`).
use core::ffi::{c_char, c_int};

/// One named field; a `name` of `PyStructSequence_UnnamedField` makes it positional-only.
#[repr(C)]
pub struct PyStructSequence_Field {
    pub name: *const c_char,
    pub doc: *const c_char,
}
assert_layout!(PyStructSequence_Field, size = 16, name @ 0, doc @ 8);

/// A struct sequence type: `fields` ends with a NULL name; the first `n_in_sequence`
/// fields are visible as tuple items.
#[repr(C)]
pub struct PyStructSequence_Desc {
    pub name: *const c_char,
    pub doc: *const c_char,
    pub fields: *mut PyStructSequence_Field,
    pub n_in_sequence: c_int,
}
assert_layout!(PyStructSequence_Desc, size = 32, name @ 0, doc @ 8, fields @ 16,
    n_in_sequence @ 24);

// ---- Struct sequence types ------------------------------------------------------------------
// A struct sequence is a tuple subclass whose instances hold `n_fields` items but show only
// the first `n_sequence_fields` as tuple items (`ob_size`); the rest are reachable through
// the read-only members, one per named field. The counts live in the type's dict (where
// Python reads them) and, for the object's own bookkeeping, in a side table keyed by type.

use core::ffi::{c_void, CStr};

use crate::abstract_::object::repr as object_repr;
use crate::abstract_::unpack_keywords::{bind_tuple_dict, Params};
use crate::abstract_::{new_ref, none, null_error, ret_obj, tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::{PyObject, PyVarObject};
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, PyType_Slot, PyType_Spec, Py_TPFLAGS_HEAPTYPE};
use crate::object::method_table::END;
use crate::objects::str_repr::StrBuilder;
use crate::objects::tuple::{PyTupleObject, PyTuple_Type};
use crate::objects::{dict, int, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// `PyStructSequence_UnnamedField`: the field name that marks a field as unnamed (compared by
/// address, as CPython does).
#[no_mangle]
pub static mut PyStructSequence_UnnamedField: *const c_char = c"unnamed field".as_ptr();

/// What a struct sequence type's objects need to know about it.
#[derive(Clone, Copy)]
struct Counts {
    n_fields: usize,
    n_visible: usize,
    n_unnamed: usize,
}

/// (type address, counts, the member table of a static type, which lives as long as it).
static mut TYPES: Vec<(usize, Counts, Vec<PyMemberDef>)> = Vec::new();

unsafe fn counts_of(tp: *mut PyTypeObject) -> Option<Counts> {
    // SAFETY: under the GIL.
    (*(&raw const TYPES)).iter().find(|e| e.0 == tp as usize).map(|e| e.1)
}

unsafe fn register(tp: *mut PyTypeObject, counts: Counts, members: Vec<PyMemberDef>) {
    let types = &mut *(&raw mut TYPES);
    types.retain(|e| e.0 != tp as usize);
    types.push((tp as usize, counts, members));
}

#[inline]
unsafe fn item_slot(op: *mut PyObject, i: usize) -> *mut *mut PyObject {
    (*(op as *mut PyTupleObject)).ob_item.as_mut_ptr().add(i)
}

/// The counts and member table a description asks for (CPython's members: one per named
/// field, each reading item `i` of the field's index).
unsafe fn describe(desc: *mut PyStructSequence_Desc) -> (Counts, Vec<PyMemberDef>) {
    let mut members = Vec::new();
    let mut n_fields = 0;
    let mut n_unnamed = 0;
    let fields = (*desc).fields;
    while !fields.is_null() && !(*fields.add(n_fields)).name.is_null() {
        let f = &*fields.add(n_fields);
        if f.name == PyStructSequence_UnnamedField {
            n_unnamed += 1;
        } else {
            let offset = core::mem::offset_of!(PyTupleObject, ob_item) + n_fields * core::mem::size_of::<*mut PyObject>();
            members.push(PyMemberDef { name: f.name, r#type: T_OBJECT, offset: offset as Py_ssize_t, flags: READONLY, doc: f.doc });
        }
        n_fields += 1;
    }
    members.push(PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() });
    let n_visible = ((*desc).n_in_sequence.max(0) as usize).min(n_fields);
    (Counts { n_fields, n_visible, n_unnamed }, members)
}

/// The name of the `i`-th named member (CPython indexes `tp_members` so, also where unnamed
/// fields shift the names).
unsafe fn member_name(tp: *mut PyTypeObject, i: usize) -> Option<String> {
    let m = (*tp).tp_members;
    if m.is_null() {
        return None;
    }
    for k in 0..=i {
        if (*m.add(k)).name.is_null() {
            return None;
        }
    }
    Some(CStr::from_ptr((*m.add(i)).name).to_string_lossy().into_owned())
}

/// Fills the type dict with the counts and `__match_args__` (the named visible fields).
unsafe fn add_dict_entries(tp: *mut PyTypeObject, c: Counts, desc: *mut PyStructSequence_Desc) -> PyResult<()> {
    let d = (*tp).tp_dict;
    for (name, v) in [("n_sequence_fields", c.n_visible), ("n_fields", c.n_fields), ("n_unnamed_fields", c.n_unnamed)] {
        let key = pystr::intern(name)?;
        dict::set_item(d, key.as_ptr(), int::from_i64(v as i64)?.as_ptr())?;
    }
    let mut names = Vec::new();
    for i in 0..c.n_visible {
        let f = &*(*desc).fields.add(i);
        if f.name != PyStructSequence_UnnamedField {
            names.push(pystr::from_utf8(&CStr::from_ptr(f.name).to_string_lossy())?);
        }
    }
    let key = pystr::intern("__match_args__")?;
    dict::set_item(d, key.as_ptr(), tuple::from_vec(names)?.as_ptr())
}

/// A new instance of `tp` with every field NULL, not tracked (`PyStructSequence_New`).
unsafe fn new_instance(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let c = counts_of(tp).ok_or_else(bad_internal_call)?;
    let op = PyRef::from_owned(temp_alloc::gc_new_var(tp, c.n_fields as Py_ssize_t)).ok_or_else(Raised::assume_set)?;
    (*(op.as_ptr() as *mut PyVarObject)).ob_size = c.n_visible as Py_ssize_t;
    core::ptr::write_bytes(item_slot(op.as_ptr(), 0), 0, c.n_fields);
    Ok(op)
}

unsafe extern "C" fn structseq_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let tp = (*op).ob_type;
    let n = counts_of(tp).map_or(tuple::len(op), |c| c.n_fields);
    for i in 0..n {
        drop(PyRef::from_owned(*item_slot(op, i)));
    }
    temp_alloc::free_gc_object(op as *mut c_void);
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        drop(PyRef::from_owned(tp as *mut PyObject));
    }
}

unsafe extern "C" fn structseq_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    let tp = (*op).ob_type;
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        let r = visit(tp as *mut PyObject, arg);
        if r != 0 {
            return r;
        }
    }
    let n = counts_of(tp).map_or(tuple::len(op), |c| c.n_fields);
    for i in 0..n {
        let item = *item_slot(op, i);
        if !item.is_null() {
            let r = visit(item, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// `repr`: `name(field=value, ...)` over the visible items.
unsafe extern "C" fn structseq_repr(op: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let tp = (*op).ob_type;
        let mut out = StrBuilder::with_capacity(64);
        out.push_str(&crate::abstract_::type_name_of(tp));
        out.push_str("(");
        for i in 0..tuple::len(op) {
            let Some(name) = member_name(tp, i) else {
                return Err(crate::object::pending_error::raise(
                    crate::object::pending_error::ExcType::SystemError,
                    format!("In structseq_repr(), member {i} name is NULL for type {}", tp_name(op)),
                ));
            };
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&name);
            out.push_str("=");
            let item = *item_slot(op, i);
            if item.is_null() {
                out.push_str("<NULL>");
            } else {
                out.push_obj(object_repr(item)?.as_ptr());
            }
        }
        out.push_str(")");
        out.finish()
    })();
    ret_obj(r)
}

/// `__reduce__`: `(type, (visible items, {invisible field: value}))`.
unsafe extern "C" fn structseq_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let tp = (*op).ob_type;
        let c = counts_of(tp).ok_or_else(bad_internal_call)?;
        let visible = tuple::from_ptrs(tuple::items(op))?;
        let d = dict::new()?;
        for i in c.n_visible..c.n_fields {
            let name = member_name(tp, i - c.n_unnamed).ok_or_else(bad_internal_call)?;
            let key = pystr::from_utf8(&name)?;
            let item = *item_slot(op, i);
            dict::set_item(d.as_ptr(), key.as_ptr(), if item.is_null() { none() } else { item })?;
        }
        let args = tuple::from_vec(vec![visible, d])?;
        tuple::from_vec(vec![new_ref(tp as *mut PyObject), args])
    })();
    ret_obj(r)
}

static mut STRUCTSEQ_METHODS: [PyMethodDef; 2] = [
    PyMethodDef { ml_name: c"__reduce__".as_ptr(), ml_meth: Some(structseq_reduce), ml_flags: METH_NOARGS, ml_doc: core::ptr::null() },
    END,
];

static STRUCTSEQ_NEW_PARAMS: Params =
    Params { function: "structseq", names: &["sequence", "dict"], positional_only: 0, max_positional: 2, required: 1 };

/// `structseq.__new__(type, sequence, dict=None)`.
unsafe extern "C" fn structseq_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let (_hold, bound) = bind_tuple_dict(&STRUCTSEQ_NEW_PARAMS, args, kwds)?;
        let seq = crate::abstract_::sequence::fast(bound[0].unwrap_or(none()), "constructor requires a sequence")?;
        let d = bound[1];
        let name = crate::abstract_::type_name_of(tp);
        if let Some(d) = d {
            if !dict::is_dict(d) {
                return Err(type_error(format!("{name}() takes a dict as second arg, if any")));
            }
        }
        let c = counts_of(tp).ok_or_else(bad_internal_call)?;
        let items = crate::abstract_::sequence::fast_items(seq.as_ptr());
        let len = items.len();
        if len < c.n_visible {
            return Err(type_error(if c.n_visible == c.n_fields {
                format!("{name}() takes a {}-sequence ({len}-sequence given)", c.n_visible)
            } else {
                format!("{name}() takes an at least {}-sequence ({len}-sequence given)", c.n_visible)
            }));
        }
        if len > c.n_fields {
            return Err(type_error(if c.n_visible == c.n_fields {
                format!("{name}() takes a {}-sequence ({len}-sequence given)", c.n_fields)
            } else {
                format!("{name}() takes an at most {}-sequence ({len}-sequence given)", c.n_fields)
            }));
        }
        let res = new_instance(tp)?;
        for (i, &item) in items.iter().enumerate() {
            *item_slot(res.as_ptr(), i) = new_ref(item).into_ptr();
        }
        for i in len..c.n_fields {
            let mut v = none();
            if let Some(d) = d {
                let name = member_name(tp, i - c.n_unnamed).ok_or_else(bad_internal_call)?;
                if let Some(found) = dict::get_item_str(d, &name)? {
                    v = found;
                }
            }
            *item_slot(res.as_ptr(), i) = new_ref(v).into_ptr();
        }
        PyObject_GC_Track(res.as_ptr() as *mut c_void);
        Ok(res)
    })();
    ret_obj(r)
}

/// Sets the fields of a static type from `desc`, readies it and fills its dict.
unsafe fn init_type(tp: *mut PyTypeObject, desc: *mut PyStructSequence_Desc) -> PyResult<()> {
    init_type_with_flags(tp, desc, 0)
}

/// `init_type` with more type flags (CPython's `_PyStructSequence_InitType`), e.g.
/// `Py_TPFLAGS_DISALLOW_INSTANTIATION` for `sys.flags`.
unsafe fn init_type_with_flags(tp: *mut PyTypeObject, desc: *mut PyStructSequence_Desc, extra_flags: core::ffi::c_ulong) -> PyResult<()> {
    if tp.is_null() || desc.is_null() {
        return Err(bad_internal_call());
    }
    // A type object already in use (initialized before) is refused, as in CPython.
    if (*tp).ob_base.ob_base.ob_refcnt != 0 {
        return Err(bad_internal_call());
    }
    let (c, mut members) = describe(desc);
    let t = &mut *tp;
    t.ob_base.ob_base.ob_refcnt = 1;
    t.ob_base.ob_base.ob_type = &raw mut crate::object::typetype::PyType_Type;
    t.tp_name = (*desc).name;
    t.tp_basicsize = (core::mem::size_of::<PyTupleObject>() - core::mem::size_of::<*mut PyObject>()) as Py_ssize_t;
    t.tp_itemsize = core::mem::size_of::<*mut PyObject>() as Py_ssize_t;
    t.tp_dealloc = Some(structseq_dealloc);
    t.tp_repr = Some(structseq_repr);
    t.tp_doc = (*desc).doc;
    t.tp_base = &raw mut PyTuple_Type;
    t.tp_methods = &raw mut STRUCTSEQ_METHODS as *mut PyMethodDef;
    t.tp_new = Some(structseq_new);
    t.tp_flags = crate::object::typeobject::Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | crate::object::typeobject::Py_TPFLAGS_HAVE_GC | extra_flags;
    t.tp_traverse = Some(structseq_traverse);
    t.tp_members = members.as_mut_ptr();
    register(tp, c, members);
    crate::object::type_ready::ready(tp)?;
    add_dict_entries(tp, c, desc)
}

/// `int PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_InitType2(tp: *mut PyTypeObject, desc: *mut PyStructSequence_Desc) -> c_int {
    match init_type(tp, desc) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// `void PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc)`: as
/// InitType2, the error left set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_InitType(tp: *mut PyTypeObject, desc: *mut PyStructSequence_Desc) {
    let _ = init_type(tp, desc);
}

/// A heap struct sequence type made from `desc`.
unsafe fn new_type(desc: *mut PyStructSequence_Desc, extra_flags: core::ffi::c_ulong) -> PyResult<PyRef> {
    if desc.is_null() {
        return Err(bad_internal_call());
    }
    let (c, mut members) = describe(desc);
    use crate::object::typeslots::*;
    let mut slots = vec![
        PyType_Slot { slot: Py_tp_dealloc, pfunc: structseq_dealloc as *mut c_void },
        PyType_Slot { slot: Py_tp_repr, pfunc: structseq_repr as *mut c_void },
        PyType_Slot { slot: Py_tp_methods, pfunc: &raw mut STRUCTSEQ_METHODS as *mut c_void },
        PyType_Slot { slot: Py_tp_new, pfunc: structseq_new as *mut c_void },
        PyType_Slot { slot: Py_tp_traverse, pfunc: structseq_traverse as *mut c_void },
        PyType_Slot { slot: Py_tp_members, pfunc: members.as_mut_ptr() as *mut c_void },
        PyType_Slot { slot: 0, pfunc: core::ptr::null_mut() },
    ];
    if !(*desc).doc.is_null() {
        slots.insert(0, PyType_Slot { slot: Py_tp_doc, pfunc: (*desc).doc as *mut c_void });
    }
    let mut spec = PyType_Spec {
        name: (*desc).name,
        basicsize: (core::mem::size_of::<PyTupleObject>() - core::mem::size_of::<*mut PyObject>()) as c_int,
        itemsize: core::mem::size_of::<*mut PyObject>() as c_int,
        flags: (crate::object::typeobject::Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | crate::object::typeobject::Py_TPFLAGS_HAVE_GC | extra_flags) as core::ffi::c_uint,
        slots: slots.as_mut_ptr(),
    };
    let bases = tuple::from_ptrs(&[&raw mut PyTuple_Type as *mut PyObject])?;
    let tp = PyRef::from_owned(crate::object::heap_type::PyType_FromSpecWithBases(&mut spec, bases.as_ptr()))
        .ok_or_else(Raised::assume_set)?;
    // The heap type copied the members; the counts stay here.
    register(tp.as_ptr() as *mut PyTypeObject, c, Vec::new());
    add_dict_entries(tp.as_ptr() as *mut PyTypeObject, c, desc)?;
    Ok(tp)
}

/// `PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc)`.
#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_NewType(desc: *mut PyStructSequence_Desc) -> *mut PyTypeObject {
    ret_obj(new_type(desc, 0)) as *mut PyTypeObject
}

/// `PyTypeObject *_PyStructSequence_NewType(PyStructSequence_Desc *desc, unsigned long
/// tp_flags)`: with extra type flags (`_curses` passes Py_TPFLAGS_DISALLOW_INSTANTIATION).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyStructSequence_NewType(desc: *mut PyStructSequence_Desc, tp_flags: core::ffi::c_ulong) -> *mut PyTypeObject {
    ret_obj(new_type(desc, tp_flags)) as *mut PyTypeObject
}

/// `PyObject *PyStructSequence_New(PyTypeObject *type)`.
#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_New(tp: *mut PyTypeObject) -> *mut PyObject {
    if tp.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(new_instance(tp))
}

/// `void PyStructSequence_SetItem(PyObject *p, Py_ssize_t pos, PyObject *o)`: steals `o`;
/// only for filling a new object (the old item is not released, as in CPython).
#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_SetItem(p: *mut PyObject, pos: Py_ssize_t, o: *mut PyObject) {
    *item_slot(p, pos as usize) = o;
}

/// `PyObject *PyStructSequence_GetItem(PyObject *p, Py_ssize_t pos)`: borrowed.
#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_GetItem(p: *mut PyObject, pos: Py_ssize_t) -> *mut PyObject {
    *item_slot(p, pos as usize)
}

/// Makes (once per runtime) a static struct sequence type for the runtime's own info
/// tuples (`sys.int_info`, `sys.float_info`), and an instance of it filled by `fill`.
pub(crate) unsafe fn info_instance(
    tp: *mut PyTypeObject,
    desc: *mut PyStructSequence_Desc,
    values: Vec<PyRef>,
) -> PyResult<PyRef> {
    info_instance_with_flags(tp, desc, values, 0)
}

/// `info_instance` whose type, when made, gets `extra_flags` (`sys.flags` and
/// `sys.version_info` cannot be instantiated from Python, as in CPython).
pub(crate) unsafe fn info_instance_with_flags(
    tp: *mut PyTypeObject,
    desc: *mut PyStructSequence_Desc,
    values: Vec<PyRef>,
    extra_flags: core::ffi::c_ulong,
) -> PyResult<PyRef> {
    if (*tp).tp_flags & crate::object::typeobject::Py_TPFLAGS_READY == 0 {
        *tp = core::mem::zeroed();
        init_type_with_flags(tp, desc, extra_flags)?;
    }
    let op = new_instance(tp)?;
    for (i, v) in values.into_iter().enumerate() {
        *item_slot(op.as_ptr(), i) = v.into_ptr();
    }
    Ok(op)
}

/// Returns a runtime info type to its unmade state at finalization (its dict holds objects
/// of the runtime that ends).
pub(crate) unsafe fn fini_info_type(tp: *mut PyTypeObject) {
    if (*tp).tp_flags & crate::object::typeobject::Py_TPFLAGS_READY != 0 {
        crate::object::type_ready::unready_static(tp);
        *tp = core::mem::zeroed();
    }
}
