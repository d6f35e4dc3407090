//! The `match` statement's instructions: `MATCH_MAPPING`/`MATCH_SEQUENCE` (type flags),
//! `MATCH_KEYS`, `COPY_DICT_WITHOUT_KEYS` and `MATCH_CLASS`, with CPython 3.11's errors.
use crate::abstract_::{from_slot, new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::object_attr::lookup_attr;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_MAPPING, Py_TPFLAGS_SEQUENCE, _Py_TPFLAGS_MATCH_SELF};
use crate::objects::{dict, str as pystr, tuple};

/// Whether the subject's type is flagged as a mapping (`MATCH_MAPPING`) or a sequence.
pub(crate) unsafe fn type_flag(subject: *mut PyObject, mapping: bool) -> bool {
    let flag = if mapping { Py_TPFLAGS_MAPPING } else { Py_TPFLAGS_SEQUENCE } as core::ffi::c_ulong;
    (*(*subject).ob_type).tp_flags & flag != 0
}

/// `MATCH_KEYS`: the values of `keys` in the mapping, or None if one is missing.
pub(crate) unsafe fn match_keys(map: *mut PyObject, keys: *mut PyObject) -> PyResult<PyRef> {
    let ks = tuple::items(keys);
    if ks.is_empty() {
        return tuple::new(0);
    }
    let get = crate::object::object_attr::get_attr(map, pystr::intern("get")?.as_ptr())?;
    // A fresh object no mapping can hold: the "missing" marker.
    let dummy = from_slot(crate::abstract_::call::PyObject_CallNoArgs(&raw mut crate::object::baseobject::PyBaseObject_Type as *mut PyObject))?;
    let seen = from_slot(crate::objects::set::PySet_New(core::ptr::null_mut()))?;
    let mut values = Vec::with_capacity(ks.len());
    for &k in ks {
        if crate::objects::set::contains(seen.as_ptr(), k)? {
            let r = crate::abstract_::object::repr(k)?;
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                format!("mapping pattern checks duplicate key ({})", pystr::to_string(r.as_ptr())),
            ));
        }
        crate::objects::set::add(seen.as_ptr(), k)?;
        let args = [k, dummy.as_ptr()];
        let v = from_slot(crate::abstract_::call::PyObject_Vectorcall(get.as_ptr(), args.as_ptr(), 2, core::ptr::null_mut()))?;
        if v.as_ptr() == dummy.as_ptr() {
            return Ok(new_ref(none()));
        }
        values.push(v);
    }
    tuple::from_vec(values)
}

/// `COPY_DICT_WITHOUT_KEYS`: a dict of the mapping minus `keys` (the `**rest` capture).
pub(crate) unsafe fn copy_without_keys(map: *mut PyObject, keys: *mut PyObject) -> PyResult<PyRef> {
    let rest = dict::new()?;
    if crate::objects::dict::PyDict_Update(rest.as_ptr(), map) < 0 {
        return Err(Raised::assume_set());
    }
    for &k in tuple::items(keys) {
        dict::del_item(rest.as_ptr(), k)?;
    }
    Ok(rest)
}

/// `MATCH_CLASS n`: the attributes for `n` positional and the named sub-patterns, or None
/// when the subject is not an instance or lacks one.
pub(crate) unsafe fn match_class(subject: *mut PyObject, cls: *mut PyObject, nargs: usize, kwnames: *mut PyObject) -> PyResult<PyRef> {
    if !crate::object::type_layout::is_type(cls) {
        return Err(type_error("called match pattern must be a type"));
    }
    let tp = cls as *mut PyTypeObject;
    if !crate::abstract_::is_instance_of(subject, tp) {
        let r = crate::abstract_::isinstance::PyObject_IsInstance(subject, cls);
        if r < 0 {
            return Err(Raised::assume_set());
        }
        if r == 0 {
            return Ok(new_ref(none()));
        }
    }
    let cname = crate::abstract_::type_name_of(tp);
    let mut seen: Vec<PyRef> = Vec::new();
    let mut attrs: Vec<PyRef> = Vec::new();
    let get = |name: *mut PyObject, seen: &mut Vec<PyRef>| -> PyResult<Option<PyRef>> {
        for s in seen.iter() {
            if pystr::eq(s.as_ptr(), name) {
                let r = crate::abstract_::object::repr(name)?;
                return Err(type_error(format!("{cname}() got multiple sub-patterns for attribute {}", pystr::to_string(r.as_ptr()))));
            }
        }
        seen.push(new_ref(name));
        lookup_attr(subject, name)
    };
    if nargs > 0 {
        let match_args = lookup_attr(cls, pystr::intern("__match_args__")?.as_ptr())?;
        let (names, match_self): (Option<PyRef>, bool) = match match_args {
            Some(m) => {
                if !tuple::is_tuple(m.as_ptr()) {
                    return Err(type_error(format!("{cname}.__match_args__ must be a tuple (got {})", tp_name(m.as_ptr()))));
                }
                (Some(m), false)
            }
            None => (None, (*tp).tp_flags & _Py_TPFLAGS_MATCH_SELF != 0),
        };
        let allowed = if match_self { 1 } else { names.as_ref().map_or(0, |n| tuple::len(n.as_ptr())) };
        if nargs > allowed {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(type_error(format!("{cname}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)")));
        }
        if match_self {
            attrs.push(new_ref(subject));
        } else {
            let names = names.unwrap_unchecked();
            for &name in &tuple::items(names.as_ptr())[..nargs] {
                if !pystr::is_str(name) {
                    return Err(type_error(format!("__match_args__ elements must be strings (got {})", tp_name(name))));
                }
                match get(name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(new_ref(none())),
                }
            }
        }
    }
    for &name in tuple::items(kwnames) {
        match get(name, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(new_ref(none())),
        }
    }
    tuple::from_vec(attrs)
}
