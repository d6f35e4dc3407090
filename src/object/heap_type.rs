//! Types made at run time from a `PyType_Spec` (`PyType_FromSpec`,
//! `PyType_FromSpecWithBases`, `PyType_FromModuleAndSpec`), the module a heap type belongs
//! to (`PyType_GetModule*`), and what every heap type object needs when it dies
//! (`tp_dealloc` / `tp_traverse` / `tp_clear` of type objects).
//!
//! A heap type is a `PyHeapTypeObject` allocated from its metatype (`type`), so it is a GC
//! object itself: its slot suites live inline (`tp_as_number` points at `as_number`, ...),
//! its name is owned (`ht_name`, `ht_qualname`, `_ht_tpname` behind `tp_name`), and the
//! `PyMemberDef` array of a spec is copied after the type object (the metatype's items),
//! so the spec may be a temporary.
use core::ffi::{c_char, c_int, c_void, CStr};
use core::mem::offset_of;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::baseobject::PyBaseObject_Type;
use crate::object::member::{PyMemberDef, T_PYSSIZET};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::pymem::{PyMem_Free, PyMem_Malloc, PyObject_Free, PyObject_Malloc};
use crate::object::type_layout::{best_base, is_type};
use crate::object::typeobject::*;
use crate::object::typeslots::*;
use crate::object::typetype::{slot_location, type_name, PyType_Type, Suite};
use crate::objects::module::{self, PyModuleDef};
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// The heap type behind a type pointer.
#[inline]
pub(crate) fn heap(tp: *mut PyTypeObject) -> *mut PyHeapTypeObject {
    tp as *mut PyHeapTypeObject
}

/// Where a type object's copied `PyMemberDef`s start: right after the object, whose size
/// is its metatype's `tp_basicsize` (CPython's `PyHeapType_GET_MEMBERS`).
///
/// # Safety
/// `tp` is a live heap type.
pub(crate) unsafe fn members_area(tp: *mut PyTypeObject) -> *mut PyMemberDef {
    let meta = (*tp).ob_base.ob_base.ob_type;
    (tp as *mut u8).add((*meta).tp_basicsize as usize) as *mut PyMemberDef
}

/// The UTF-8 form of a str (NUL-terminated), valid as long as the str: an ASCII str's own
/// data, else the str's cached `utf8` form, made on first use (the cache the str type frees
/// with the str). TODO(str): the str type's `PyUnicode_AsUTF8` once it exists.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn str_utf8(s: *mut PyObject) -> PyResult<*const c_char> {
    crate::objects::str_utf8::as_utf8(s).map(|b| b.as_ptr() as *const c_char)
}

/// `PyObject *PyType_FromSpec(PyType_Spec *spec)`.
#[no_mangle]
pub unsafe extern "C" fn PyType_FromSpec(spec: *mut PyType_Spec) -> *mut PyObject {
    PyType_FromModuleAndSpec(core::ptr::null_mut(), spec, core::ptr::null_mut())
}

/// `PyObject *PyType_FromSpecWithBases(PyType_Spec *spec, PyObject *bases)`: `bases` is a
/// type or a tuple of types; NULL means the spec's `Py_tp_bases` / `Py_tp_base`, else
/// `object`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyType_FromSpecWithBases(spec: *mut PyType_Spec, bases: *mut PyObject) -> *mut PyObject {
    PyType_FromModuleAndSpec(core::ptr::null_mut(), spec, bases)
}

/// `PyObject *PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *spec, PyObject
/// *bases)`: as `PyType_FromSpecWithBases`, and the type keeps a reference to `module`
/// (`PyType_GetModule`), which may be any object or NULL.
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub unsafe extern "C" fn PyType_FromModuleAndSpec(
    module: *mut PyObject,
    spec: *mut PyType_Spec,
    bases: *mut PyObject,
) -> *mut PyObject {
    if spec.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match from_spec(module, &*spec, bases) {
        Ok(Some(tp)) => tp.into_ptr(),
        Ok(None) | Err(_) => core::ptr::null_mut(),
    }
}

/// The slots of a spec, up to the terminating zero id.
unsafe fn spec_slots<'a>(spec: &PyType_Spec) -> &'a [PyType_Slot] {
    if spec.slots.is_null() {
        return &[];
    }
    let mut n = 0;
    while (*spec.slots.add(n)).slot != 0 {
        n += 1;
    }
    core::slice::from_raw_parts(spec.slots, n)
}

/// The members of a `PyMemberDef` array, up to the entry with a NULL name.
unsafe fn member_defs<'a>(members: *const PyMemberDef) -> &'a [PyMemberDef] {
    if members.is_null() {
        return &[];
    }
    let mut n = 0;
    while !(*members.add(n)).name.is_null() {
        n += 1;
    }
    core::slice::from_raw_parts(members, n)
}

/// The offsets a spec declares through the special members `__dictoffset__`,
/// `__weaklistoffset__` and `__vectorcalloffset__`.
#[derive(Default)]
struct SpecialOffsets {
    dict: Py_ssize_t,
    weaklist: Py_ssize_t,
    vectorcall: Py_ssize_t,
}

unsafe fn special_offsets(members: &[PyMemberDef]) -> SpecialOffsets {
    let mut found = SpecialOffsets::default();
    for m in members {
        // CPython only asserts the member is a read-only Py_ssize_t; other kinds are used as is.
        let _ = m.r#type == T_PYSSIZET;
        match CStr::from_ptr(m.name).to_bytes() {
            b"__dictoffset__" => found.dict = m.offset,
            b"__weaklistoffset__" => found.weaklist = m.offset,
            b"__vectorcalloffset__" => found.vectorcall = m.offset,
            _ => {}
        }
    }
    found
}

/// A copy of a C string in memory from `alloc` (freed with the matching free).
unsafe fn copy_c_string(s: *const c_char, alloc: unsafe extern "C" fn(usize) -> *mut c_void) -> PyResult<*mut c_char> {
    let bytes = CStr::from_ptr(s).to_bytes_with_nul();
    let p = alloc(bytes.len()) as *mut c_char;
    if p.is_null() {
        return Err(no_memory());
    }
    core::ptr::copy_nonoverlapping(bytes.as_ptr() as *const c_char, p, bytes.len());
    Ok(p)
}

/// The work of `PyType_FromModuleAndSpec`. `Ok(None)`: CPython's NULL without an
/// exception (an empty bases tuple).
unsafe fn from_spec(module: *mut PyObject, spec: &PyType_Spec, bases: *mut PyObject) -> PyResult<Option<PyRef>> {
    if spec.name.is_null() {
        return Err(raise(ExcType::SystemError, "Type spec does not define the name field."));
    }
    let slots = spec_slots(spec);
    let members: &[PyMemberDef] = slots
        .iter()
        .filter(|s| s.slot == Py_tp_members)
        .map(|s| member_defs(s.pfunc as *const PyMemberDef))
        .next_back()
        .unwrap_or(&[]);
    let offsets = special_offsets(members);

    // "pkg.mod.Name": __name__ and __qualname__ are "Name".
    let full_name = CStr::from_ptr(spec.name).to_string_lossy().into_owned();
    let short = match full_name.rfind('.') {
        Some(dot) => &full_name[dot + 1..],
        None => &full_name[..],
    };
    let name = pystr::from_utf8(short)?;

    let bases = spec_bases(slots, bases)?;
    let Some(base) = best_base(bases.as_ptr())? else { return Ok(None) };
    if (*base).tp_flags & Py_TPFLAGS_BASETYPE == 0 {
        return Err(raise(ExcType::TypeError, format!("type '{}' is not an acceptable base type", type_name(base))));
    }

    let meta = &raw mut PyType_Type;
    let op = crate::object::objimpl::alloc_object(meta, members.len() as Py_ssize_t);
    if op.is_null() {
        return Err(no_memory());
    }
    // From here on the type object owns what is stored in it; a failure drops it.
    let tp_ref = PyRef::from_owned(op).ok_or_else(no_memory)?;
    let tp = op as *mut PyTypeObject;
    let ht = heap(tp);
    let t = &mut *tp;
    t.tp_flags = spec.flags as core::ffi::c_ulong | Py_TPFLAGS_HEAPTYPE;
    t.tp_as_async = &raw mut (*ht).as_async;
    t.tp_as_number = &raw mut (*ht).as_number;
    t.tp_as_sequence = &raw mut (*ht).as_sequence;
    t.tp_as_mapping = &raw mut (*ht).as_mapping;
    t.tp_as_buffer = &raw mut (*ht).as_buffer;
    (*ht).ht_qualname = name.clone().into_ptr();
    (*ht).ht_name = name.into_ptr();
    (*ht)._ht_tpname = copy_c_string(spec.name, PyMem_Malloc)?;
    t.tp_name = (*ht)._ht_tpname;
    t.tp_base = PyRef::from_borrowed(base as *mut PyObject).map_or(core::ptr::null_mut(), |b| b.into_ptr() as *mut PyTypeObject);
    t.tp_bases = bases.into_ptr();
    (*ht).ht_module = PyRef::from_borrowed(module).map_or(core::ptr::null_mut(), PyRef::into_ptr);
    t.tp_basicsize = spec.basicsize as Py_ssize_t;
    t.tp_itemsize = spec.itemsize as Py_ssize_t;

    for s in slots {
        match s.slot {
            Py_tp_base | Py_tp_bases => {}
            Py_tp_doc => {
                // The doc is copied: specs are often temporaries.
                t.tp_doc = if s.pfunc.is_null() {
                    core::ptr::null()
                } else {
                    copy_c_string(s.pfunc as *const c_char, PyObject_Malloc)?
                };
            }
            Py_tp_members => {
                let area = members_area(tp);
                core::ptr::copy_nonoverlapping(members.as_ptr(), area, members.len());
                t.tp_members = area;
            }
            id => {
                let Some((suite, offset)) = slot_location(id) else {
                    return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "invalid slot offset"));
                };
                let base: *mut u8 = match suite {
                    Suite::Type => tp as *mut u8,
                    Suite::Async => t.tp_as_async as *mut u8,
                    Suite::Number => t.tp_as_number as *mut u8,
                    Suite::Mapping => t.tp_as_mapping as *mut u8,
                    Suite::Sequence => t.tp_as_sequence as *mut u8,
                    Suite::Buffer => t.tp_as_buffer as *mut u8,
                };
                *(base.add(offset) as *mut *mut c_void) = s.pfunc;
            }
        }
    }
    // Instances of a heap type keep their type alive; the default dealloc releases it.
    if t.tp_dealloc.is_none() {
        t.tp_dealloc = Some(crate::object::subtype::subtype_dealloc);
    }
    if offsets.vectorcall != 0 {
        t.tp_vectorcall_offset = offsets.vectorcall;
    }
    if t.tp_flags & Py_TPFLAGS_HAVE_GC != 0 && t.tp_traverse.is_none() {
        return Err(raise(
            ExcType::SystemError,
            format!("type {full_name} has the Py_TPFLAGS_HAVE_GC flag but has no traverse function"),
        ));
    }
    crate::object::type_ready::ready(tp)?;

    // The special members only set offsets; they are not attributes of the type.
    let d = t.tp_dict;
    if offsets.weaklist != 0 {
        (*tp).tp_weaklistoffset = offsets.weaklist;
        del_str(d, "__weaklistoffset__")?;
    }
    if offsets.dict != 0 {
        (*tp).tp_dictoffset = offsets.dict;
        del_str(d, "__dictoffset__")?;
    }
    let key = crate::object::object_attr::interned_name(c"__module__".as_ptr())?;
    if dict::get_item(d, key.as_ptr())?.is_none() {
        if let Some(dot) = full_name.rfind('.') {
            let value = pystr::from_utf8(&full_name[..dot])?;
            dict::set_item(d, key.as_ptr(), value.as_ptr())?;
        }
    }
    Ok(Some(tp_ref))
}

/// Removes `name` from a type dict if it is there.
unsafe fn del_str(d: *mut PyObject, name: &str) -> PyResult<()> {
    let key = pystr::from_utf8(name)?;
    dict::del_item(d, key.as_ptr())?;
    Ok(())
}

/// The bases tuple of a spec type: `bases` itself (a non-tuple becomes a 1-tuple), else the
/// spec's `Py_tp_bases`, else `(Py_tp_base,)`, else `(object,)`.
unsafe fn spec_bases(slots: &[PyType_Slot], bases: *mut PyObject) -> PyResult<PyRef> {
    let one = |b: *mut PyObject| -> PyResult<PyRef> {
        tuple::from_slice(&[PyRef::from_borrowed(b).ok_or_else(bad_internal_call)?])
    };
    if !bases.is_null() {
        return if tuple::is_tuple(bases) { Ok(PyRef::from_borrowed(bases).unwrap()) } else { one(bases) };
    }
    let mut base: *mut PyObject = core::ptr::null_mut();
    let mut from_slot: *mut PyObject = core::ptr::null_mut();
    for s in slots {
        match s.slot {
            Py_tp_base => base = s.pfunc as *mut PyObject,
            Py_tp_bases => from_slot = s.pfunc as *mut PyObject,
            _ => {}
        }
    }
    if !from_slot.is_null() {
        return if tuple::is_tuple(from_slot) { Ok(PyRef::from_borrowed(from_slot).unwrap()) } else { one(from_slot) };
    }
    if base.is_null() {
        base = &raw mut PyBaseObject_Type as *mut PyObject;
    }
    one(base)
}

/// `PyObject *PyType_GetModule(PyTypeObject *type)`: the module of a type made by
/// `PyType_FromModuleAndSpec` (borrowed).
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub unsafe extern "C" fn PyType_GetModule(tp: *mut PyTypeObject) -> *mut PyObject {
    match get_module(tp) {
        Ok(m) => m,
        Err(_) => core::ptr::null_mut(),
    }
}

#[inline]
unsafe fn get_module(tp: *mut PyTypeObject) -> PyResult<*mut PyObject> {
    if tp.is_null() || !is_type(tp as *mut PyObject) {
        return Err(bad_internal_call());
    }
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE == 0 {
        return Err(raise(
            ExcType::TypeError,
            format!("PyType_GetModule: Type '{}' is not a heap type", type_name(tp)),
        ));
    }
    let m = (*heap(tp)).ht_module;
    if m.is_null() {
        return Err(raise(
            ExcType::TypeError,
            format!("PyType_GetModule: Type '{}' has no associated module", type_name(tp)),
        ));
    }
    Ok(m)
}

/// `void *PyType_GetModuleState(PyTypeObject *type)`: the state of `PyType_GetModule(type)`
/// (NULL, with no exception, for a module without state).
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleState(tp: *mut PyTypeObject) -> *mut c_void {
    // The common case in line, with no stack frame: a heap type of a module object.
    if !tp.is_null() && is_type(tp as *mut PyObject) && (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        let m = (*heap(tp)).ht_module;
        if !m.is_null() && module::is_module(m) {
            return (*(m as *mut module::PyModuleObject)).md_state;
        }
    }
    module_state_slow(tp)
}

/// `PyType_GetModuleState` for everything but a heap type with a module object.
#[cold]
#[inline(never)]
unsafe fn module_state_slow(tp: *mut PyTypeObject) -> *mut c_void {
    match get_module(tp) {
        Ok(m) if module::is_module(m) => (*(m as *mut module::PyModuleObject)).md_state,
        Ok(m) => module::state_of(m),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `PyObject *PyType_GetModuleByDef(PyTypeObject *type, struct PyModuleDef *def)`: the
/// module of the first class in `type`'s MRO that was made with a module of `def`
/// (borrowed), as methods of a heap type find their module state.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleByDef(tp: *mut PyTypeObject, def: *mut PyModuleDef) -> *mut PyObject {
    if tp.is_null() || !is_type(tp as *mut PyObject) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let mro = (*tp).tp_mro;
    if !mro.is_null() {
        for &c in tuple::items(mro) {
            let c = c as *mut PyTypeObject;
            if (*c).tp_flags & Py_TPFLAGS_HEAPTYPE == 0 {
                // Static types have no module; neither can their bases (all static).
                continue;
            }
            let m = (*heap(c)).ht_module;
            if !m.is_null() && module::is_module(m) && module::def_of(m) == def {
                return m;
            }
        }
    }
    no_module_for_def(tp)
}

#[cold]
#[inline(never)]
unsafe fn no_module_for_def(tp: *mut PyTypeObject) -> *mut PyObject {
    let _ = raise(
        ExcType::TypeError,
        format!("PyType_GetModuleByDef: No superclass of '{}' has the given module", type_name(tp)),
    );
    core::ptr::null_mut()
}

/// A heap type's `__module__` (a str in its dict, else None) and `__qualname__`
/// (`ht_qualname`), for reprs.
///
/// # Safety
/// `tp` is a live heap type.
pub(crate) unsafe fn module_and_qualname(tp: *mut PyTypeObject) -> (Option<String>, String) {
    let ht = heap(tp);
    let qualname = if (*ht).ht_qualname.is_null() || !pystr::is_str((*ht).ht_qualname) {
        type_name(tp)
    } else {
        pystr::to_string((*ht).ht_qualname)
    };
    let d = (*tp).tp_dict;
    let module = if d.is_null() {
        None
    } else {
        match dict::get_item_str(d, "__module__") {
            Ok(Some(m)) if pystr::is_str(m) => Some(pystr::to_string(m)),
            _ => None,
        }
    };
    (module, qualname)
}

/// `tp_dealloc` of type objects. Only heap types die (static types are immortal in
/// practice: their count never reaches zero unless C code over-releases them).
///
/// # Safety
/// `op` is a heap type object whose reference count reached zero.
pub(crate) unsafe extern "C" fn type_dealloc(op: *mut PyObject) {
    let tp = op as *mut PyTypeObject;
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE == 0 {
        crate::runtime::pystate::fatal_error(
            "type_dealloc",
            &format!("deallocating static type '{}'", type_name(tp)),
        );
    }
    crate::object::objimpl::PyObject_GC_UnTrack(op as *mut c_void);
    crate::objects::weakref::clear_weakrefs_if_any(op);
    crate::object::type_cache::remove_subclass(tp);
    crate::object::slot_memo::forget(tp);
    let t = &mut *tp;
    let ht = heap(tp);
    for field in [
        &mut t.tp_base as *mut *mut PyTypeObject as *mut *mut PyObject,
        &mut t.tp_dict,
        &mut t.tp_bases,
        &mut t.tp_mro,
        &mut t.tp_cache,
        &mut t.tp_subclasses,
        &mut (*ht).ht_name,
        &mut (*ht).ht_qualname,
        &mut (*ht).ht_slots,
        &mut (*ht).ht_module,
    ] {
        let old = core::mem::replace(&mut *field, core::ptr::null_mut());
        drop(PyRef::from_owned(old));
    }
    if !t.tp_doc.is_null() {
        PyObject_Free(t.tp_doc as *mut c_void);
        t.tp_doc = core::ptr::null();
    }
    if !(*ht)._ht_tpname.is_null() {
        PyMem_Free((*ht)._ht_tpname as *mut c_void);
        (*ht)._ht_tpname = core::ptr::null_mut();
    }
    t.tp_name = core::ptr::null();
    let meta = (*op).ob_type;
    match (*meta).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::objimpl::PyObject_GC_Del(op as *mut c_void),
    }
}

/// `tp_traverse` of type objects: a heap type refers to its dict, MRO, bases, base and
/// module (static types are never collected and report nothing).
pub(crate) unsafe extern "C" fn type_traverse(
    op: *mut PyObject,
    visit: crate::object::slots::visitproc,
    arg: *mut c_void,
) -> c_int {
    let tp = op as *mut PyTypeObject;
    let Some(visit) = visit else { return 0 };
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE == 0 {
        return 0;
    }
    let t = &*tp;
    for o in [t.tp_dict, t.tp_cache, t.tp_mro, t.tp_bases, t.tp_base as *mut PyObject, (*heap(tp)).ht_module] {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// `tp_clear` of type objects (what the collector calls to break a cycle through a heap
/// type): empties the dict, drops the module and the MRO (which holds the type itself).
pub(crate) unsafe extern "C" fn type_clear(op: *mut PyObject) -> c_int {
    let tp = op as *mut PyTypeObject;
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE == 0 {
        return 0;
    }
    crate::object::type_cache::PyType_Modified(tp);
    if !(*tp).tp_dict.is_null() {
        dict::clear((*tp).tp_dict);
    }
    let ht = heap(tp);
    for field in [&mut (*ht).ht_module, &mut (*tp).tp_mro] {
        let old = core::mem::replace(field, core::ptr::null_mut());
        drop(PyRef::from_owned(old));
    }
    0
}

const _: () = assert!(offset_of!(PyHeapTypeObject, ht_type) == 0);
