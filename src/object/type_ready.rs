//! `PyType_Ready`: finishing a type object written C-style (static types), as CPython 3.11
//! does it: default base `object`, `tp_bases`, the MRO (C3 linearization), `tp_dict` with
//! `__doc__`, inheritance of flags and slots from the base and along the MRO, `tp_new`, and
//! the `Py_TPFLAGS_READYING` -> `Py_TPFLAGS_READY` transition.
//!
//! Until the exception machinery exists, the error paths (a type without a name, an
//! inconsistent MRO, a duplicate or non-type base, a GC base type without a suitable
//! `tp_free`) stop the process with CPython's exception type and message; a correct
//! static type never reaches them (see docs/STATUS.md).
// Slots are compared by address on purpose, as C does: an inherited slot is a copy of the
// base's pointer, so equal addresses mean "the same slot".
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::{c_int, CStr};

use crate::errors::raised::PyResult;
use crate::object::baseobject::PyBaseObject_Type;
use crate::object::object::PyObject;
use crate::object::object_attr::interned_name;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::temp_alloc;
use crate::object::typeobject::*;
use crate::object::typetype::{short_name, type_name};
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_hash_t;

/// `int PyType_Ready(PyTypeObject *type)`: 0 once the type is ready (at once when it
/// already is).
#[no_mangle]
pub unsafe extern "C" fn PyType_Ready(tp: *mut PyTypeObject) -> c_int {
    if tp.is_null() {
        fatal_type_error(ExcType::SystemError, "bad argument to internal function".into());
    }
    match ready(tp) {
        Ok(()) => 0,
        // The exception is set.
        Err(_) => -1,
    }
}

fn fatal_type_error(exc: ExcType, message: String) -> ! {
    crate::runtime::pystate::fatal_error("PyType_Ready", &format!("{exc:?}: {message}"))
}

/// Readies `tp` (and, first, its bases).
///
/// # Safety
/// `tp` is a live type object that stays where it is (static types do).
pub(crate) unsafe fn ready(tp: *mut PyTypeObject) -> PyResult<()> {
    let t = &mut *tp;
    if t.tp_flags & Py_TPFLAGS_READY != 0 {
        return Ok(());
    }
    if t.tp_flags & Py_TPFLAGS_READYING != 0 {
        // Only a type that is (indirectly) its own base can get here.
        return Err(raise(ExcType::TypeError, "a base class of the type is the type itself"));
    }
    if t.tp_name.is_null() {
        return Err(raise(ExcType::SystemError, "Type does not define the tp_name field."));
    }
    t.tp_flags |= Py_TPFLAGS_READYING;
    let result = ready_steps(tp);
    let t = &mut *tp;
    t.tp_flags &= !Py_TPFLAGS_READYING;
    if result.is_ok() {
        t.tp_flags |= Py_TPFLAGS_READY;
    }
    result
}

unsafe fn ready_steps(tp: *mut PyTypeObject) -> PyResult<()> {
    let object = &raw mut PyBaseObject_Type;
    let t = &mut *tp;
    // Static types cannot be changed from Python.
    if t.tp_flags & Py_TPFLAGS_HEAPTYPE == 0 {
        t.tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
    }
    if t.tp_dict.is_null() {
        t.tp_dict = dict::new()?.into_ptr();
    }
    // Base and bases: `object` unless told otherwise; bases are readied first.
    if t.tp_base.is_null() && tp != object {
        t.tp_base = object;
    }
    let base = t.tp_base;
    if !base.is_null() {
        ready(base)?;
    }
    if t.ob_base.ob_base.ob_type.is_null() && !base.is_null() {
        t.ob_base.ob_base.ob_type = (*base).ob_base.ob_base.ob_type;
    }
    if t.tp_bases.is_null() {
        let bases = if base.is_null() {
            tuple::new(0)?
        } else {
            tuple::from_slice(&[PyRef::from_borrowed(base as *mut PyObject).ok_or_else(crate::object::pending_error::no_memory)?])?
        };
        t.tp_bases = bases.into_ptr();
    }
    for &b in tuple::items(t.tp_bases) {
        if !is_type(b) {
            return Err(raise(ExcType::TypeError, "bases must be types"));
        }
        ready(b as *mut PyTypeObject)?;
    }
    (*tp).tp_mro = mro_of(tp)?.into_ptr();
    let own_new = (*tp).tp_new.is_some();
    set_new(tp, base);
    crate::object::type_dict::fill(tp, own_new && (*tp).tp_new.is_some())?;
    inherit(tp, base)?;
    set_hash(tp)?;
    set_doc(tp)?;
    crate::object::type_cache::add_subclass(tp);
    Ok(())
}

/// Whether `op` is a type object (`PyType_Check`).
unsafe fn is_type(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_TYPE_SUBCLASS != 0
}

/// The MRO a new class gets: C3 for classes of `type` itself; a metaclass's `mro()` is
/// called (it may reorder or extend it), and what it returns must be classes whose layout
/// the new class can have.
pub(crate) unsafe fn mro_of(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let meta = (*tp).ob_base.ob_base.ob_type;
    if meta == &raw mut crate::object::typetype::PyType_Type {
        return compute_mro(tp);
    }
    let Some(method) = crate::abstract_::object::lookup_special(tp as *mut PyObject, "mro")? else {
        return compute_mro(tp);
    };
    let result = crate::abstract_::from_slot(crate::abstract_::call::PyObject_CallNoArgs(method.as_ptr()))?;
    let mro = crate::abstract_::sequence::to_tuple(result.as_ptr())?;
    let solid = crate::object::type_layout::solid_base(tp);
    for &item in tuple::items(mro.as_ptr()) {
        if !is_type(item) {
            let name = crate::abstract_::tp_name(item);
            return Err(raise(ExcType::TypeError, format!("mro() returned a non-class ('{name}')")));
        }
        let item_solid = crate::object::type_layout::solid_base(item as *mut PyTypeObject);
        if !crate::object::typetype::is_subtype(solid, item_solid) {
            let name = type_name(item as *mut PyTypeObject);
            return Err(raise(ExcType::TypeError, format!("mro() returned base with unsuitable layout ('{name}')")));
        }
    }
    Ok(mro)
}

/// The C3 linearization of `tp` and its bases: `tp`, then the merge of the bases' MROs and
/// the list of bases, always taking the first head that is in no list's tail.
pub(crate) unsafe fn compute_mro(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    // One base (nearly every class): the merge is the base's MRO after `tp`, as CPython
    // takes it without merging.
    if let [base] = tuple::items((*tp).tp_bases) {
        let base_mro = (*(*base as *mut PyTypeObject)).tp_mro;
        if !base_mro.is_null() && tuple::is_tuple(base_mro) {
            return single_base_mro(tp, tuple::items(base_mro));
        }
    }
    let bases: Vec<*mut PyObject> = tuple::items((*tp).tp_bases).to_vec();
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].contains(b) {
            let name = short_name(*b as *mut PyTypeObject);
            return Err(raise(ExcType::TypeError, format!("duplicate base class {name}")));
        }
    }
    let mut lists: Vec<Vec<*mut PyObject>> = bases
        .iter()
        .map(|&b| {
            let mro = (*(b as *mut PyTypeObject)).tp_mro;
            if mro.is_null() { vec![b] } else { tuple::items(mro).to_vec() }
        })
        .collect();
    lists.push(bases.clone());
    let mut result = vec![tp as *mut PyObject];
    loop {
        lists.retain(|l| !l.is_empty());
        if lists.is_empty() {
            break;
        }
        let head = lists
            .iter()
            .map(|l| l[0])
            .find(|&h| !lists.iter().any(|l| l[1..].contains(&h)));
        let Some(head) = head else {
            let names: Vec<String> = bases.iter().map(|&b| short_name(b as *mut PyTypeObject)).collect();
            return Err(raise(
                ExcType::TypeError,
                format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                ),
            ));
        };
        result.push(head);
        for l in lists.iter_mut() {
            if l[0] == head {
                l.remove(0);
            }
        }
    }
    let items: Vec<PyRef> = result
        .iter()
        .map(|&o| PyRef::from_borrowed(o).ok_or_else(crate::object::pending_error::no_memory))
        .collect::<PyResult<_>>()?;
    tuple::from_slice(&items)
}

/// `(tp,) + base_mro`, built in place.
unsafe fn single_base_mro(tp: *mut PyTypeObject, base_mro: &[*mut PyObject]) -> PyResult<PyRef> {
    let mro = tuple::new(base_mro.len() + 1)?;
    for (i, &item) in core::iter::once(&(tp as *mut PyObject)).chain(base_mro).enumerate() {
        let item = PyRef::from_borrowed(item).ok_or_else(crate::object::pending_error::no_memory)?;
        tuple::init_item(mro.as_ptr(), i, item);
    }
    Ok(mro)
}

/// `tp_new`: a static type whose base is `object` and that has no `tp_new` cannot be
/// instantiated; otherwise a missing `tp_new` is the base's.
unsafe fn set_new(tp: *mut PyTypeObject, base: *mut PyTypeObject) {
    let t = &mut *tp;
    if t.tp_new.is_none() && base == &raw mut PyBaseObject_Type && t.tp_flags & Py_TPFLAGS_HEAPTYPE == 0 {
        t.tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    }
    if t.tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION != 0 {
        t.tp_new = None;
    } else if t.tp_new.is_none() && !base.is_null() {
        t.tp_new = (*base).tp_new;
    }
}

/// All inheritance: what only the direct base gives (sizes, GC, fast-subclass and pattern
/// matching flags), then the slots along the MRO, then the slot suites of the base.
unsafe fn inherit(tp: *mut PyTypeObject, base: *mut PyTypeObject) -> PyResult<()> {
    if !base.is_null() {
        inherit_special(&mut *tp, &*base);
    }
    let mro = (*tp).tp_mro;
    for &b in &tuple::items(mro)[1..] {
        inherit_slots(tp, b as *mut PyTypeObject)?;
    }
    if !base.is_null() {
        let (t, b) = (&mut *tp, &*base);
        if t.tp_as_async.is_null() { t.tp_as_async = b.tp_as_async; }
        if t.tp_as_number.is_null() { t.tp_as_number = b.tp_as_number; }
        if t.tp_as_sequence.is_null() { t.tp_as_sequence = b.tp_as_sequence; }
        if t.tp_as_mapping.is_null() { t.tp_as_mapping = b.tp_as_mapping; }
        if t.tp_as_buffer.is_null() { t.tp_as_buffer = b.tp_as_buffer; }
    }
    let t = &*tp;
    let object_free: crate::object::slots::freefunc = Some(temp_alloc::free_object);
    if t.tp_flags & Py_TPFLAGS_HAVE_GC != 0
        && t.tp_flags & Py_TPFLAGS_BASETYPE != 0
        && (t.tp_free.is_none() || t.tp_free == object_free)
    {
        return Err(raise(
            ExcType::TypeError,
            format!(
                "type '{}' participates in gc and is a base type but has inappropriate tp_free slot",
                type_name(tp)
            ),
        ));
    }
    Ok(())
}

/// The fast-subclass bits: a subclass of a core builtin is marked as its base is.
const SUBCLASS_FLAGS: core::ffi::c_ulong = Py_TPFLAGS_LONG_SUBCLASS
    | Py_TPFLAGS_LIST_SUBCLASS
    | Py_TPFLAGS_TUPLE_SUBCLASS
    | Py_TPFLAGS_BYTES_SUBCLASS
    | Py_TPFLAGS_UNICODE_SUBCLASS
    | Py_TPFLAGS_DICT_SUBCLASS
    | Py_TPFLAGS_BASE_EXC_SUBCLASS
    | Py_TPFLAGS_TYPE_SUBCLASS;
/// `match` statement behaviour: sequence or mapping patterns.
const COLLECTION_FLAGS: core::ffi::c_ulong =
    (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING) as core::ffi::c_ulong;

fn inherit_special(t: &mut PyTypeObject, b: &PyTypeObject) {
    // A type that adds no traverse/clear of its own becomes GC when its base is.
    if t.tp_flags & Py_TPFLAGS_HAVE_GC == 0
        && b.tp_flags & Py_TPFLAGS_HAVE_GC != 0
        && t.tp_traverse.is_none()
        && t.tp_clear.is_none()
    {
        t.tp_flags |= Py_TPFLAGS_HAVE_GC;
        t.tp_traverse = b.tp_traverse;
        t.tp_clear = b.tp_clear;
    }
    t.tp_flags |= b.tp_flags & Py_TPFLAGS_MANAGED_DICT as core::ffi::c_ulong;
    if t.tp_basicsize == 0 { t.tp_basicsize = b.tp_basicsize; }
    if t.tp_itemsize == 0 { t.tp_itemsize = b.tp_itemsize; }
    if t.tp_weaklistoffset == 0 { t.tp_weaklistoffset = b.tp_weaklistoffset; }
    if t.tp_dictoffset == 0 { t.tp_dictoffset = b.tp_dictoffset; }
    t.tp_flags |= b.tp_flags & (SUBCLASS_FLAGS | _Py_TPFLAGS_MATCH_SELF);
    if t.tp_flags & COLLECTION_FLAGS == 0 {
        t.tp_flags |= b.tp_flags & COLLECTION_FLAGS;
    }
}

/// Copies into `tp` each slot that `b` defines itself (not one `b` inherited from its own
/// base, which comes later in the MRO) and `tp` leaves empty.
unsafe fn inherit_slots(tp: *mut PyTypeObject, b: *mut PyTypeObject) -> PyResult<()> {
    let t = &mut *tp;
    let bt = &*b;
    let basebase = bt.tp_base;

    macro_rules! copy_in {
        ($tsuite:expr, $bsuite:expr, $bbsuite:expr, $($field:ident),+) => {{
            let (ts, bs, bbs) = ($tsuite, $bsuite, $bbsuite);
            $(
                if ts.$field.is_none() && bs.$field.is_some()
                    && bbs.map_or(true, |bb| bb.$field != bs.$field) {
                    ts.$field = bs.$field;
                }
            )+
        }};
    }
    macro_rules! copy_suite {
        ($suite:ident, $($field:ident),+) => {
            if !t.$suite.is_null() && !bt.$suite.is_null() {
                let bb = if basebase.is_null() || (*basebase).$suite.is_null() {
                    None
                } else {
                    Some(&*(*basebase).$suite)
                };
                copy_in!(&mut *t.$suite, &*bt.$suite, bb, $($field),+);
            }
        };
    }
    copy_suite!(tp_as_number, nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod,
        nb_power, nb_negative, nb_positive, nb_absolute, nb_bool, nb_invert, nb_lshift,
        nb_rshift, nb_and, nb_xor, nb_or, nb_int, nb_float, nb_inplace_add,
        nb_inplace_subtract, nb_inplace_multiply, nb_inplace_remainder, nb_inplace_power,
        nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor, nb_inplace_or,
        nb_true_divide, nb_floor_divide, nb_inplace_true_divide, nb_inplace_floor_divide,
        nb_index, nb_matrix_multiply, nb_inplace_matrix_multiply);
    copy_suite!(tp_as_async, am_await, am_aiter, am_anext, am_send);
    copy_suite!(tp_as_sequence, sq_length, sq_concat, sq_repeat, sq_item, sq_ass_item,
        sq_contains, sq_inplace_concat, sq_inplace_repeat);
    copy_suite!(tp_as_mapping, mp_length, mp_subscript, mp_ass_subscript);
    copy_suite!(tp_as_buffer, bf_getbuffer, bf_releasebuffer);

    let bb = basebase.as_ref();
    copy_in!(&mut *t, bt, bb, tp_dealloc);
    if t.tp_getattr.is_none() && t.tp_getattro.is_none() {
        t.tp_getattr = bt.tp_getattr;
        t.tp_getattro = bt.tp_getattro;
    }
    if t.tp_setattr.is_none() && t.tp_setattro.is_none() {
        t.tp_setattr = bt.tp_setattr;
        t.tp_setattro = bt.tp_setattro;
    }
    copy_in!(&mut *t, bt, bb, tp_repr);
    // The offset is always inherited (PyVectorcall_Call uses it); the flag only by
    // immutable types that keep the base's tp_call.
    if t.tp_vectorcall_offset == 0
        && bt.tp_vectorcall_offset != 0
        && bb.map_or(true, |x| x.tp_vectorcall_offset != bt.tp_vectorcall_offset)
    {
        t.tp_vectorcall_offset = bt.tp_vectorcall_offset;
    }
    if t.tp_call.is_none()
        && bt.tp_flags & Py_TPFLAGS_HAVE_VECTORCALL != 0
        && t.tp_flags & Py_TPFLAGS_IMMUTABLETYPE != 0
    {
        t.tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
    }
    copy_in!(&mut *t, bt, bb, tp_call, tp_str);
    // Equality and hash go together: a type defining either keeps both of its own.
    if t.tp_richcompare.is_none() && t.tp_hash.is_none() && !overrides_hash(tp)? {
        t.tp_richcompare = bt.tp_richcompare;
        t.tp_hash = bt.tp_hash;
    }
    copy_in!(&mut *t, bt, bb, tp_iter, tp_iternext, tp_descr_get);
    if bt.tp_descr_get.is_some()
        && t.tp_descr_get == bt.tp_descr_get
        && t.tp_flags & Py_TPFLAGS_IMMUTABLETYPE != 0
        && bt.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR != 0
    {
        t.tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
    }
    copy_in!(&mut *t, bt, bb, tp_descr_set);
    if t.tp_dictoffset == 0
        && bt.tp_dictoffset != 0
        && bb.map_or(true, |x| x.tp_dictoffset != bt.tp_dictoffset)
    {
        t.tp_dictoffset = bt.tp_dictoffset;
    }
    copy_in!(&mut *t, bt, bb, tp_init, tp_alloc, tp_is_gc, tp_finalize);
    // The free function must match how the object was allocated (with a GC header or not).
    let gc = t.tp_flags & Py_TPFLAGS_HAVE_GC;
    if gc == bt.tp_flags & Py_TPFLAGS_HAVE_GC {
        copy_in!(&mut *t, bt, bb, tp_free);
    } else if gc != 0 && t.tp_free.is_none() && bt.tp_free == Some(temp_alloc::free_object) {
        // TEMP(core-mem): PyObject_Free -> PyObject_GC_Del.
        t.tp_free = Some(temp_alloc::free_gc_object);
    }
    Ok(())
}

/// Whether the type's own dict defines `__eq__` or `__hash__`.
unsafe fn overrides_hash(tp: *mut PyTypeObject) -> PyResult<bool> {
    let d = (*tp).tp_dict;
    Ok(dict::get_item(d, interned_name(c"__eq__".as_ptr())?.as_ptr())?.is_some()
        || dict::get_item(d, interned_name(c"__hash__".as_ptr())?.as_ptr())?.is_some())
}

/// A type that ends up without a hash (it defines equality only) is unhashable: its dict
/// gets `__hash__ = None` (unless it has a `__hash__`) and the slot raises TypeError.
unsafe fn set_hash(tp: *mut PyTypeObject) -> PyResult<()> {
    if (*tp).tp_hash.is_none() {
        let d = (*tp).tp_dict;
        let key = interned_name(c"__hash__".as_ptr())?;
        if dict::get_item(d, key.as_ptr())?.is_none() {
            dict::set_item(d, key.as_ptr(), &raw mut crate::objects::singletons::_Py_NoneStruct)?;
        }
        (*tp).tp_hash = Some(hash_not_implemented);
    }
    Ok(())
}

/// `PyObject_HashNotImplemented` as a slot: TypeError "unhashable type: 'X'" (the full
/// `tp_name`, as CPython: 'collections.OrderedDict').
pub(crate) unsafe extern "C" fn hash_not_implemented(op: *mut PyObject) -> Py_hash_t {
    let _ = raise(ExcType::TypeError, format!("unhashable type: '{}'", crate::abstract_::tp_name(op)));
    -1
}

/// `__doc__` from `tp_doc` without its `name(signature)\n--\n\n` header, unless the dict
/// already has one; `None` for a type without `tp_doc`.
unsafe fn set_doc(tp: *mut PyTypeObject) -> PyResult<()> {
    let d = (*tp).tp_dict;
    let key = interned_name(c"__doc__".as_ptr())?;
    if dict::get_item(d, key.as_ptr())?.is_some() {
        return Ok(());
    }
    if (*tp).tp_doc.is_null() {
        return dict::set_item(d, key.as_ptr(), &raw mut crate::objects::singletons::_Py_NoneStruct);
    }
    let doc = CStr::from_ptr((*tp).tp_doc).to_string_lossy();
    let text = doc_without_signature(&short_name(tp), &doc);
    let value = pystr::from_utf8(text)?;
    dict::set_item(d, key.as_ptr(), value.as_ptr())
}

/// The end of a signature header in a docstring.
const SIGNATURE_END: &str = ")\n--\n\n";

/// `doc` without a leading `name(...)\n--\n\n` signature (a header that reaches a blank
/// line before its end marker is not a signature).
pub(crate) fn doc_without_signature<'a>(name: &str, doc: &'a str) -> &'a str {
    let Some(rest) = doc.strip_prefix(name).and_then(|r| r.strip_prefix('(')) else {
        return doc;
    };
    let mut i = 0;
    while i < rest.len() {
        let tail = &rest[i..];
        if tail.starts_with(SIGNATURE_END) {
            return &tail[SIGNATURE_END.len()..];
        }
        if tail.starts_with("\n\n") {
            return doc;
        }
        i += tail.chars().next().map_or(1, char::len_utf8);
    }
    doc
}

/// Undoes what readying did to a static type, so that the next initialization readies it
/// again: drops its dict, bases and MRO and clears `Py_TPFLAGS_READY`.
///
/// # Safety
/// `tp` is a static type; no object of the runtime uses its dict any more.
pub(crate) unsafe fn unready_static(tp: *mut PyTypeObject) {
    let t = &mut *tp;
    for field in [&mut t.tp_dict, &mut t.tp_bases, &mut t.tp_mro] {
        let old = core::mem::replace(field, core::ptr::null_mut());
        drop(PyRef::from_owned(old));
    }
    t.tp_flags &= !(Py_TPFLAGS_READY | Py_TPFLAGS_VALID_VERSION_TAG);
    t.tp_version_tag = 0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_headers_are_stripped() {
        assert_eq!(doc_without_signature("tuple", "tuple(iterable=(), /)\n--\n\nBuilt-in."), "Built-in.");
        assert_eq!(doc_without_signature("str", "str(object='') -> str\n\nCreate"), "str(object='') -> str\n\nCreate");
        assert_eq!(doc_without_signature("Obj", "a test object"), "a test object");
        assert_eq!(doc_without_signature("Obj", "Obj()\n--\n\n"), "");
        assert_eq!(doc_without_signature("Obj", "Other()\n--\n\nx"), "Other()\n--\n\nx");
    }

    use crate::object::pending_error::take;
    use crate::object::static_type::static_type;
    use crate::objects::tuple::PyTuple_Type;

    fn new_type(name: &'static CStr, bases: &[*mut PyTypeObject]) -> *mut PyTypeObject {
        let tp = Box::leak(Box::new(static_type(name, 16, 0, Py_TPFLAGS_BASETYPE, Some(c"doc"))));
        if let Some(&first) = bases.first() {
            tp.tp_base = first;
        }
        if bases.len() > 1 {
            let items: Vec<PyRef> = bases
                .iter()
                .map(|&b| unsafe { PyRef::from_borrowed(b as *mut PyObject).unwrap() })
                .collect();
            tp.tp_bases = tuple::from_slice(&items).unwrap().into_ptr();
        }
        tp
    }

    unsafe fn mro_names(tp: *mut PyTypeObject) -> Vec<String> {
        tuple::items((*tp).tp_mro).iter().map(|&t| type_name(t as *mut PyTypeObject)).collect()
    }

    #[test]
    fn c3_linearization_of_a_diamond() {
        let _gil = crate::object::test_lock();
        crate::object::builtin_types::init();
        let a = new_type(c"A", &[]);
        let b = new_type(c"B", &[a]);
        let c = new_type(c"C", &[a]);
        let d = new_type(c"D", &[b, c]);
        unsafe {
            assert!(ready(d).is_ok());
            assert_eq!(mro_names(d), ["D", "B", "C", "A", "object"]);
            assert_eq!(mro_names(c), ["C", "A", "object"]);
            assert!(crate::object::typetype::is_subtype(d, c));
            assert!(!crate::object::typetype::is_subtype(b, c));
            assert_ne!((*d).tp_flags & Py_TPFLAGS_READY, 0);
            assert_eq!((*d).tp_flags & Py_TPFLAGS_READYING, 0);
        }
    }

    #[test]
    fn inconsistent_and_duplicate_bases_are_type_errors() {
        let _gil = crate::object::test_lock();
        crate::object::builtin_types::init();
        let a = new_type(c"m.A", &[]);
        let b = new_type(c"m.B", &[a]);
        let bad = new_type(c"m.Bad", &[a, b]);
        unsafe {
            assert!(ready(bad).is_err());
            assert_eq!(
                take(),
                Some((ExcType::TypeError,
                      "Cannot create a consistent method resolution\norder (MRO) for bases A, B".into()))
            );
            assert_eq!((*bad).tp_flags & (Py_TPFLAGS_READY | Py_TPFLAGS_READYING), 0);
            let dup = new_type(c"m.Dup", &[a, a]);
            assert!(ready(dup).is_err());
            assert_eq!(take(), Some((ExcType::TypeError, "duplicate base class A".into())));
        }
    }

    #[test]
    fn doc_goes_into_the_dict_without_signature() {
        let _gil = crate::object::test_lock();
        crate::object::builtin_types::init();
        unsafe {
            let tp = &raw mut PyTuple_Type;
            let doc = dict::get_item_str((*tp).tp_dict, "__doc__").unwrap().unwrap();
            assert!(pystr::to_string(doc).starts_with("Built-in immutable sequence.\n\nIf no argument"));
            let object = &raw mut PyBaseObject_Type;
            let doc = dict::get_item_str((*object).tp_dict, "__doc__").unwrap().unwrap();
            assert!(pystr::to_string(doc).starts_with("The base class of the class hierarchy."));
            // The key is the interned "__doc__".
            let interned = pystr::intern("__doc__").unwrap();
            let keys: Vec<_> = dict::items((*tp).tp_dict).into_iter().map(|(k, _)| k).collect();
            assert!(keys.iter().any(|&k| k == interned.as_ptr()));
        }
    }

    unsafe extern "C" fn repr_a(_: *mut PyObject) -> *mut PyObject { core::ptr::null_mut() }
    unsafe extern "C" fn repr_c(_: *mut PyObject) -> *mut PyObject { core::ptr::null_mut() }

    #[test]
    fn slots_come_from_the_first_class_in_the_mro_that_defines_them() {
        let _gil = crate::object::test_lock();
        crate::object::builtin_types::init();
        let a = new_type(c"A", &[]);
        unsafe { (*a).tp_repr = Some(repr_a) };
        let b = new_type(c"B", &[a]);
        let c = new_type(c"C", &[a]);
        unsafe { (*c).tp_repr = Some(repr_c) };
        let d = new_type(c"D", &[b, c]);
        unsafe {
            assert!(ready(d).is_ok());
            // B only inherited A's repr; C defines its own, and C precedes A in D's MRO.
            assert_eq!((*b).tp_repr.map(|f| f as usize), Some(repr_a as *const () as usize));
            assert_eq!((*d).tp_repr.map(|f| f as usize), Some(repr_c as *const () as usize));
            // GC is inherited with traverse/clear only from the direct base.
            assert_eq!((*d).tp_flags & Py_TPFLAGS_HAVE_GC, 0);
            assert_eq!((*d).tp_basicsize, 16);
        }
    }
}
