//! The descriptor types that expose C-level definitions as attributes of a type:
//! `method_descriptor` (a `PyMethodDef`), `classmethod_descriptor` (`METH_CLASS`),
//! `member_descriptor` (a `PyMemberDef`), `getset_descriptor` (a `PyGetSetDef`),
//! `wrapper_descriptor` (a slot, `int.__add__`) and `method-wrapper` (a slot wrapper bound
//! to an instance, `(1).__add__`). Each holds its defining type (`__objclass__`) and name.
use core::ffi::{c_char, c_int, c_void, CStr};
use core::mem::offset_of;

use crate::errors::exception_types::{_PyExc_AttributeError, _PyExc_TypeError};
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::*;
use crate::object::generic_getattr::{name_upto, PyObject_GenericGetAttr};
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::objimpl::{alloc_object, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::*;
use crate::object::typetype::{is_subtype, type_name};
use crate::objects::str as pystr;

// ---- The common part -----------------------------------------------------------------------

/// A new descriptor object of `descr_type` for attribute `name` of `owner`.
unsafe fn descr_new(descr_type: *mut PyTypeObject, owner: *mut PyTypeObject, name: *const c_char) -> PyResult<PyRef> {
    let op = PyRef::from_owned(alloc_object(descr_type, 0)).ok_or_else(crate::object::pending_error::no_memory)?;
    let d = op.as_ptr() as *mut PyDescrObject;
    let name = PyRef::from_owned(pystr::PyUnicode_InternFromString(name)).ok_or_else(Raised::assume_set)?;
    if !owner.is_null() {
        (*owner).ob_base.ob_base.ob_refcnt += 1;
    }
    (*d).d_type = owner;
    (*d).d_name = name.into_ptr();
    (*d).d_qualname = core::ptr::null_mut();
    Ok(op)
}

unsafe extern "C" fn descr_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let d = op as *mut PyDescrObject;
    drop(PyRef::from_owned((*d).d_type as *mut PyObject));
    drop(PyRef::from_owned((*d).d_name));
    drop(PyRef::from_owned((*d).d_qualname));
    let tp = (*op).ob_type;
    if let Some(free) = (*tp).tp_free {
        free(op as *mut c_void);
    }
}

unsafe extern "C" fn descr_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = op as *mut PyDescrObject;
    match visit {
        Some(visit) if !(*d).d_type.is_null() => visit((*d).d_type as *mut PyObject, arg),
        _ => 0,
    }
}

unsafe fn d_name(op: *mut PyObject) -> String {
    pystr::to_string((*(op as *mut PyDescrObject)).d_name)
}

unsafe fn d_type(op: *mut PyObject) -> *mut PyTypeObject {
    (*(op as *mut PyDescrObject)).d_type
}

/// TypeError unless `obj` is an instance of the descriptor's type.
#[inline(always)]
pub(crate) unsafe fn check_instance(descr: *mut PyObject, obj: *mut PyObject) -> PyResult<()> {
    let tp = (*obj).ob_type;
    if tp == d_type(descr) || is_subtype(tp, d_type(descr)) {
        return Ok(());
    }
    Err(does_not_apply(descr, obj))
}

#[cold]
unsafe fn does_not_apply(descr: *mut PyObject, obj: *mut PyObject) -> Raised {
    raise_type(
        &raw mut _PyExc_TypeError,
        format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d_name(descr),
            name_upto(d_type(descr), 100),
            name_upto((*obj).ob_type, 100)
        ),
    )
}

fn str_or_null(text: &str) -> *mut PyObject {
    pystr::from_utf8(text).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

fn none() -> *mut PyObject {
    let n = &raw mut crate::objects::singletons::_Py_NoneStruct;
    // SAFETY: None is immortal in practice.
    unsafe { (*n).ob_refcnt += 1 };
    n
}

unsafe fn repr_with(op: *mut PyObject, kind: &str) -> *mut PyObject {
    str_or_null(&format!("<{kind} '{}' of '{}' objects>", d_name(op), type_name(d_type(op))))
}

/// "Owner.name", what `__qualname__` is and what call errors show.
pub(crate) unsafe fn descr_qualname_string(op: *mut PyObject) -> String {
    let q = descr_get_qualname(op, core::ptr::null_mut());
    match PyRef::from_owned(q) {
        Some(q) => pystr::to_string(q.as_ptr()),
        None => {
            crate::errors::pyerr::PyErr_Clear();
            d_name(op)
        }
    }
}

/// `__qualname__`: the owner's qualified name, a dot, the attribute name (computed once).
unsafe extern "C" fn descr_get_qualname(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    let d = op as *mut PyDescrObject;
    if (*d).d_qualname.is_null() {
        let owner = crate::object::typetype::PyType_GetQualName((*d).d_type);
        let Some(owner) = PyRef::from_owned(owner) else { return core::ptr::null_mut() };
        let text = format!("{}.{}", pystr::to_string(owner.as_ptr()), d_name(op));
        (*d).d_qualname = str_or_null(&text);
        if (*d).d_qualname.is_null() {
            return core::ptr::null_mut();
        }
    }
    (*(*d).d_qualname).ob_refcnt += 1;
    (*d).d_qualname
}

/// The end of a signature header in an internal docstring (`name(sig)\n--\n\n`).
const SIGNATURE_END: &str = ")\n--\n\n";

/// The signature part of an internal docstring, `(sig)`, if it has one.
fn text_signature<'a>(name: &str, doc: &'a str) -> Option<&'a str> {
    let rest = doc.strip_prefix(name)?;
    if !rest.starts_with('(') {
        return None;
    }
    let end = rest.find(SIGNATURE_END)?;
    // A blank line before the marker means the header was not a signature.
    if rest[..end].contains("\n\n") {
        return None;
    }
    Some(&rest[..end + 1])
}

/// `__doc__` of an internal docstring: without its signature header; None for NULL.
pub(crate) unsafe fn doc_from_internal(name: &str, doc: *const c_char) -> *mut PyObject {
    if doc.is_null() {
        return none();
    }
    let text = CStr::from_ptr(doc).to_string_lossy();
    let body = crate::object::type_ready::doc_without_signature(name, &text);
    if body.is_empty() {
        return none();
    }
    str_or_null(body)
}

/// `__text_signature__` of an internal docstring; None without a signature.
pub(crate) unsafe fn signature_from_internal(name: &str, doc: *const c_char) -> *mut PyObject {
    if doc.is_null() {
        return none();
    }
    let text = CStr::from_ptr(doc).to_string_lossy();
    match text_signature(name, &text) {
        Some(sig) => str_or_null(sig),
        None => none(),
    }
}

/// The `PyMemberDef`s every descriptor type has: `__objclass__` and `__name__`.
static mut DESCR_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"__objclass__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PyDescrObject, d_type) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"__name__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PyDescrObject, d_name) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

macro_rules! getsets {
    ($name:ident, $doc:expr, $sig:expr) => {
        static mut $name: [PyGetSetDef; 4] = [
            PyGetSetDef { name: c"__doc__".as_ptr(), get: Some($doc), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
            PyGetSetDef { name: c"__qualname__".as_ptr(), get: Some(descr_get_qualname), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
            PyGetSetDef { name: c"__text_signature__".as_ptr(), get: $sig, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
            PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
        ];
    };
}

const DESCR_FLAGS: core::ffi::c_ulong = Py_TPFLAGS_HAVE_GC;

/// method, member and wrapper descriptors pickle as `getattr(owner, name)`.
static mut DESCR_METHODS: [PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", descr_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::END,
];

unsafe extern "C" fn descr_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let d = op as *mut PyDescrObject;
    crate::abstract_::ret_obj(crate::objects::reduce_forms::reduce_getattr((*d).d_type as *mut PyObject, (*d).d_name))
}

/// A descriptor type with the common slots.
const fn descr_type(name: &'static CStr, basicsize: usize, flags: core::ffi::c_ulong) -> PyTypeObject {
    PyTypeObject {
        tp_dealloc: Some(descr_dealloc),
        tp_getattro: Some(PyObject_GenericGetAttr),
        tp_traverse: Some(descr_traverse),
        tp_free: Some(crate::object::objimpl::PyObject_GC_Del),
        tp_methods: &raw mut DESCR_METHODS as *mut PyMethodDef,
        ..static_type(name, basicsize, 0, DESCR_FLAGS | flags, None)
    }
}

// ---- method_descriptor and classmethod_descriptor -------------------------------------------

unsafe fn d_method(op: *mut PyObject) -> *mut PyMethodDef {
    (*(op as *mut PyMethodDescrObject)).d_method
}

unsafe extern "C" fn method_get_doc(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let ml = d_method(op);
    doc_from_internal(&CStr::from_ptr((*ml).ml_name).to_string_lossy(), (*ml).ml_doc)
}

unsafe extern "C" fn method_get_text_signature(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let ml = d_method(op);
    signature_from_internal(&CStr::from_ptr((*ml).ml_name).to_string_lossy(), (*ml).ml_doc)
}

getsets!(METHOD_GETSET, method_get_doc, Some(method_get_text_signature));

unsafe extern "C" fn method_repr(op: *mut PyObject) -> *mut PyObject {
    repr_with(op, "method")
}

/// `PyMethodDescr_Type`: `list.append`.
#[no_mangle]
pub static mut PyMethodDescr_Type: PyTypeObject = PyTypeObject {
    tp_repr: Some(method_repr),
    tp_members: &raw mut DESCR_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut METHOD_GETSET as *mut PyGetSetDef,
    tp_vectorcall_offset: offset_of!(PyMethodDescrObject, vectorcall) as isize,
    tp_call: Some(crate::abstract_::call::PyVectorcall_Call),
    tp_descr_get: Some(crate::object::descr_call::method_get),
    ..descr_type(c"method_descriptor", core::mem::size_of::<PyMethodDescrObject>(),
        Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR)
};

unsafe extern "C" fn classmethod_repr(op: *mut PyObject) -> *mut PyObject {
    repr_with(op, "method")
}

/// `PyClassMethodDescr_Type`: `dict.__dict__['fromkeys']` (a `METH_CLASS` method).
#[no_mangle]
pub static mut PyClassMethodDescr_Type: PyTypeObject = PyTypeObject {
    tp_repr: Some(classmethod_repr),
    tp_call: Some(crate::object::descr_call::classmethod_call),
    tp_descr_get: Some(crate::object::descr_call::classmethod_get),
    tp_members: &raw mut DESCR_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut METHOD_GETSET as *mut PyGetSetDef,
    // CPython's classmethod_descriptor has no __reduce__ (it does not pickle).
    tp_methods: core::ptr::null_mut(),
    ..descr_type(c"classmethod_descriptor", core::mem::size_of::<PyMethodDescrObject>(), 0)
};

/// `PyObject *PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *method)`.
#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewMethod(tp: *mut PyTypeObject, ml: *mut PyMethodDef) -> *mut PyObject {
    if ml.is_null() || (*ml).ml_name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match descr_new(&raw mut PyMethodDescr_Type, tp, (*ml).ml_name) {
        Ok(d) => {
            let m = d.as_ptr() as *mut PyMethodDescrObject;
            (*m).d_method = ml;
            (*m).vectorcall = crate::object::descr_call::method_vectorcall_entry();
            d.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// `PyObject *PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *method)`.
#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewClassMethod(tp: *mut PyTypeObject, ml: *mut PyMethodDef) -> *mut PyObject {
    if ml.is_null() || (*ml).ml_name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match descr_new(&raw mut PyClassMethodDescr_Type, tp, (*ml).ml_name) {
        Ok(d) => {
            let m = d.as_ptr() as *mut PyMethodDescrObject;
            (*m).d_method = ml;
            (*m).vectorcall = None;
            d.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

// ---- member_descriptor ------------------------------------------------------------------------

unsafe fn d_member(op: *mut PyObject) -> *mut PyMemberDef {
    (*(op as *mut PyMemberDescrObject)).d_member
}

/// `member_descriptor.__get__(obj)` for an instance, as Rust: a `T_OBJECT` field without
/// any call.
#[inline(always)]
pub(crate) unsafe fn member_read(op: *mut PyObject, obj: *mut PyObject) -> PyResult<PyRef> {
    check_instance(op, obj)?;
    let m = d_member(op);
    if (*m).r#type == T_OBJECT {
        let field = *((obj as *const u8).offset((*m).offset) as *const *mut PyObject);
        let v = if field.is_null() { &raw mut crate::objects::singletons::_Py_NoneStruct } else { field };
        (*v).ob_refcnt += 1;
        return Ok(PyRef::from_owned(v).expect("non-NULL"));
    }
    crate::object::member::get_member(obj as *const c_char, m)
}

/// `member_descriptor.__set__`/`__delete__` as Rust.
#[inline(always)]
pub(crate) unsafe fn member_write(op: *mut PyObject, obj: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    check_instance(op, obj)?;
    crate::object::member::set_member(obj as *mut c_char, d_member(op), value)
}

unsafe extern "C" fn member_get(op: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        (*op).ob_refcnt += 1;
        return op;
    }
    if check_instance(op, obj).is_err() {
        return core::ptr::null_mut();
    }
    crate::object::member::get_member(obj as *const c_char, d_member(op)).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn member_set(op: *mut PyObject, obj: *mut PyObject, value: *mut PyObject) -> c_int {
    if check_instance(op, obj).is_err() {
        return -1;
    }
    if crate::object::member::set_member(obj as *mut c_char, d_member(op), value).is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn member_repr(op: *mut PyObject) -> *mut PyObject {
    repr_with(op, "member")
}

unsafe extern "C" fn member_get_doc(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let doc = (*d_member(op)).doc;
    if doc.is_null() {
        return none();
    }
    str_or_null(&CStr::from_ptr(doc).to_string_lossy())
}

static mut MEMBER_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef { name: c"__doc__".as_ptr(), get: Some(member_get_doc), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__qualname__".as_ptr(), get: Some(descr_get_qualname), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `PyMemberDescr_Type`: an attribute stored in a C field (`PyMemberDef`).
#[no_mangle]
pub static mut PyMemberDescr_Type: PyTypeObject = PyTypeObject {
    tp_repr: Some(member_repr),
    tp_members: &raw mut DESCR_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut MEMBER_GETSET as *mut PyGetSetDef,
    tp_descr_get: Some(member_get),
    tp_descr_set: Some(member_set),
    ..descr_type(c"member_descriptor", core::mem::size_of::<PyMemberDescrObject>(), 0)
};

/// `PyObject *PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member)`.
#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewMember(tp: *mut PyTypeObject, member: *mut PyMemberDef) -> *mut PyObject {
    if member.is_null() || (*member).name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match descr_new(&raw mut PyMemberDescr_Type, tp, (*member).name) {
        Ok(d) => {
            (*(d.as_ptr() as *mut PyMemberDescrObject)).d_member = member;
            d.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

// ---- getset_descriptor ------------------------------------------------------------------------

unsafe fn d_getset(op: *mut PyObject) -> *mut PyGetSetDef {
    (*(op as *mut PyGetSetDescrObject)).d_getset
}

unsafe extern "C" fn getset_get(op: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        (*op).ob_refcnt += 1;
        return op;
    }
    if check_instance(op, obj).is_err() {
        return core::ptr::null_mut();
    }
    let gs = d_getset(op);
    match (*gs).get {
        Some(get) => get(obj, (*gs).closure),
        None => {
            let _ = raise_type(
                &raw mut _PyExc_AttributeError,
                format!("attribute '{}' of '{}' objects is not readable", d_name(op), name_upto(d_type(op), 100)),
            );
            core::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn getset_set(op: *mut PyObject, obj: *mut PyObject, value: *mut PyObject) -> c_int {
    if check_instance(op, obj).is_err() {
        return -1;
    }
    let gs = d_getset(op);
    match (*gs).set {
        Some(set) => set(obj, value, (*gs).closure),
        None => {
            let _ = raise_type(
                &raw mut _PyExc_AttributeError,
                format!("attribute '{}' of '{}' objects is not writable", d_name(op), name_upto(d_type(op), 100)),
            );
            -1
        }
    }
}

unsafe extern "C" fn getset_repr(op: *mut PyObject) -> *mut PyObject {
    repr_with(op, "attribute")
}

unsafe extern "C" fn getset_get_doc(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let doc = (*d_getset(op)).doc;
    if doc.is_null() {
        return none();
    }
    str_or_null(&CStr::from_ptr(doc).to_string_lossy())
}

static mut GETSET_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef { name: c"__doc__".as_ptr(), get: Some(getset_get_doc), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__qualname__".as_ptr(), get: Some(descr_get_qualname), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `PyGetSetDescr_Type`: a computed attribute (`PyGetSetDef`).
#[no_mangle]
pub static mut PyGetSetDescr_Type: PyTypeObject = PyTypeObject {
    tp_repr: Some(getset_repr),
    tp_members: &raw mut DESCR_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut GETSET_GETSET as *mut PyGetSetDef,
    tp_descr_get: Some(getset_get),
    tp_descr_set: Some(getset_set),
    // CPython's getset_descriptor has no __reduce__ (it does not pickle).
    tp_methods: core::ptr::null_mut(),
    ..descr_type(c"getset_descriptor", core::mem::size_of::<PyGetSetDescrObject>(), 0)
};

/// `PyObject *PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset)`.
#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewGetSet(tp: *mut PyTypeObject, getset: *mut PyGetSetDef) -> *mut PyObject {
    if getset.is_null() || (*getset).name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match descr_new(&raw mut PyGetSetDescr_Type, tp, (*getset).name) {
        Ok(d) => {
            (*(d.as_ptr() as *mut PyGetSetDescrObject)).d_getset = getset;
            d.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

// ---- wrapper_descriptor -------------------------------------------------------------------------

pub(crate) unsafe fn d_base(op: *mut PyObject) -> *mut wrapperbase {
    (*(op as *mut PyWrapperDescrObject)).d_base
}

unsafe extern "C" fn wrapper_repr(op: *mut PyObject) -> *mut PyObject {
    repr_with(op, "slot wrapper")
}

unsafe extern "C" fn wrapper_get_doc(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let base = d_base(op);
    doc_from_internal(&CStr::from_ptr((*base).name).to_string_lossy(), (*base).doc)
}

unsafe extern "C" fn wrapper_get_text_signature(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let base = d_base(op);
    signature_from_internal(&CStr::from_ptr((*base).name).to_string_lossy(), (*base).doc)
}

getsets!(WRAPPER_GETSET, wrapper_get_doc, Some(wrapper_get_text_signature));

unsafe extern "C" fn wrapper_descr_get(op: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        (*op).ob_refcnt += 1;
        return op;
    }
    if check_instance(op, obj).is_err() {
        return core::ptr::null_mut();
    }
    PyWrapper_New(op, obj)
}

/// `PyWrapperDescr_Type`: a type slot seen as a special method (`int.__add__`).
#[no_mangle]
pub static mut PyWrapperDescr_Type: PyTypeObject = PyTypeObject {
    tp_repr: Some(wrapper_repr),
    tp_call: Some(crate::object::descr_call::wrapper_descr_call),
    tp_members: &raw mut DESCR_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut WRAPPER_GETSET as *mut PyGetSetDef,
    tp_descr_get: Some(wrapper_descr_get),
    ..descr_type(c"wrapper_descriptor", core::mem::size_of::<PyWrapperDescrObject>(), Py_TPFLAGS_METHOD_DESCRIPTOR)
};

/// `PyObject *PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base, void
/// *wrapped)`: `wrapped` is the slot function the wrapper calls.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewWrapper(tp: *mut PyTypeObject, base: *mut wrapperbase, wrapped: *mut c_void) -> *mut PyObject {
    if base.is_null() || (*base).name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match descr_new(&raw mut PyWrapperDescr_Type, tp, (*base).name) {
        Ok(d) => {
            let w = d.as_ptr() as *mut PyWrapperDescrObject;
            (*w).d_base = base;
            (*w).d_wrapped = wrapped;
            d.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// `int PyDescr_IsData(PyObject *)`: whether the descriptor defines `__set__`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyDescr_IsData(op: *mut PyObject) -> c_int {
    if op.is_null() {
        return 0;
    }
    (*(*op).ob_type).tp_descr_set.is_some() as c_int
}

// ---- method-wrapper -------------------------------------------------------------------------------

/// A slot wrapper bound to an instance: `(1).__add__`.
#[repr(C)]
pub(crate) struct MethodWrapperObject {
    pub ob_base: PyObject,
    pub descr: *mut PyObject,
    pub self_: *mut PyObject,
}

unsafe extern "C" fn method_wrapper_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    // `f.__call__.__call__...` a million deep dies without a deep C stack.
    crate::gc::trashcan::with_trashcan(op, method_wrapper_dealloc, || {
        let w = op as *mut MethodWrapperObject;
        drop(PyRef::from_owned((*w).descr));
        drop(PyRef::from_owned((*w).self_));
        crate::object::objimpl::PyObject_GC_Del(op as *mut c_void);
    });
}

unsafe extern "C" fn method_wrapper_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let w = op as *mut MethodWrapperObject;
    let Some(visit) = visit else { return 0 };
    for o in [(*w).descr, (*w).self_] {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn method_wrapper_repr(op: *mut PyObject) -> *mut PyObject {
    let w = op as *mut MethodWrapperObject;
    let base = d_base((*w).descr);
    let name = CStr::from_ptr((*base).name).to_string_lossy();
    str_or_null(&format!("<method-wrapper '{name}' of {} object at {:p}>", type_name((*(*w).self_).ob_type), (*w).self_))
}

unsafe extern "C" fn method_wrapper_objclass(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let c = d_type((*(op as *mut MethodWrapperObject)).descr) as *mut PyObject;
    (*c).ob_refcnt += 1;
    c
}

unsafe extern "C" fn method_wrapper_name(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let n = (*((*(op as *mut MethodWrapperObject)).descr as *mut PyDescrObject)).d_name;
    (*n).ob_refcnt += 1;
    n
}

unsafe extern "C" fn method_wrapper_qualname(op: *mut PyObject, c: *mut c_void) -> *mut PyObject {
    descr_get_qualname((*(op as *mut MethodWrapperObject)).descr, c)
}

unsafe extern "C" fn method_wrapper_doc(op: *mut PyObject, c: *mut c_void) -> *mut PyObject {
    wrapper_get_doc((*(op as *mut MethodWrapperObject)).descr, c)
}

unsafe extern "C" fn method_wrapper_text_signature(op: *mut PyObject, c: *mut c_void) -> *mut PyObject {
    wrapper_get_text_signature((*(op as *mut MethodWrapperObject)).descr, c)
}

/// Two method-wrappers are equal when they wrap the same slot of the same object.
unsafe extern "C" fn method_wrapper_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let wt = &raw mut _PyMethodWrapper_Type;
    if (op != 2 && op != 3) || (*a).ob_type != wt || (*b).ob_type != wt {
        let ni = &raw mut crate::objects::singletons::_Py_NotImplementedStruct;
        (*ni).ob_refcnt += 1;
        return ni;
    }
    let (x, y) = (a as *mut MethodWrapperObject, b as *mut MethodWrapperObject);
    let eq = (*x).descr == (*y).descr && (*x).self_ == (*y).self_;
    crate::objects::bool::PyBool_FromLong(((op == 2) == eq) as core::ffi::c_long)
}

unsafe extern "C" fn method_wrapper_hash(op: *mut PyObject) -> crate::pyport::Py_hash_t {
    let w = op as *mut MethodWrapperObject;
    let h = crate::object::hash::_Py_HashPointer((*w).self_ as *const c_void)
        ^ crate::object::hash::_Py_HashPointer((*w).descr as *const c_void);
    if h == -1 { -2 } else { h }
}

/// A bound slot wrapper pickles as `getattr(self, name)`.
static mut METHOD_WRAPPER_METHODS: [PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", method_wrapper_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::END,
];

unsafe extern "C" fn method_wrapper_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let w = op as *mut MethodWrapperObject;
    let name = (*((*w).descr as *mut PyDescrObject)).d_name;
    crate::abstract_::ret_obj(crate::objects::reduce_forms::reduce_getattr((*w).self_, name))
}

static mut METHOD_WRAPPER_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef { name: c"__self__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(MethodWrapperObject, self_) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut METHOD_WRAPPER_GETSET: [PyGetSetDef; 6] = [
    PyGetSetDef { name: c"__objclass__".as_ptr(), get: Some(method_wrapper_objclass), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__name__".as_ptr(), get: Some(method_wrapper_name), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__qualname__".as_ptr(), get: Some(method_wrapper_qualname), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__doc__".as_ptr(), get: Some(method_wrapper_doc), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__text_signature__".as_ptr(), get: Some(method_wrapper_text_signature), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `_PyMethodWrapper_Type`: `method-wrapper`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyMethodWrapper_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(method_wrapper_dealloc),
    tp_repr: Some(method_wrapper_repr),
    tp_hash: Some(method_wrapper_hash),
    tp_richcompare: Some(method_wrapper_richcompare),
    tp_call: Some(crate::object::descr_call::method_wrapper_call),
    tp_getattro: Some(PyObject_GenericGetAttr),
    tp_traverse: Some(method_wrapper_traverse),
    tp_members: &raw mut METHOD_WRAPPER_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut METHOD_WRAPPER_GETSET as *mut PyGetSetDef,
    tp_methods: &raw mut METHOD_WRAPPER_METHODS as *mut PyMethodDef,
    tp_free: Some(crate::object::objimpl::PyObject_GC_Del),
    ..static_type(c"method-wrapper", core::mem::size_of::<MethodWrapperObject>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// `PyObject *PyWrapper_New(PyObject *descr, PyObject *self)`: a wrapper descriptor bound
/// to `self`.
#[no_mangle]
pub unsafe extern "C" fn PyWrapper_New(descr: *mut PyObject, self_: *mut PyObject) -> *mut PyObject {
    if descr.is_null() || self_.is_null() || (*descr).ob_type != &raw mut PyWrapperDescr_Type {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let op = alloc_object(&raw mut _PyMethodWrapper_Type, 0);
    if op.is_null() {
        return core::ptr::null_mut();
    }
    let w = op as *mut MethodWrapperObject;
    (*descr).ob_refcnt += 1;
    (*self_).ob_refcnt += 1;
    (*w).descr = descr;
    (*w).self_ = self_;
    op
}

/// The descriptor types, for `builtin_types.rs`.
pub(crate) fn descriptor_types() -> [*mut PyTypeObject; 9] {
    [
        &raw mut crate::objects::property::PyProperty_Type,
        &raw mut crate::objects::classmethod::PyClassMethod_Type,
        &raw mut crate::objects::classmethod::PyStaticMethod_Type,
        &raw mut PyMethodDescr_Type,
        &raw mut PyClassMethodDescr_Type,
        &raw mut PyMemberDescr_Type,
        &raw mut PyGetSetDescr_Type,
        &raw mut PyWrapperDescr_Type,
        &raw mut _PyMethodWrapper_Type,
    ]
}
