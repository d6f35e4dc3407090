//! The str type's protocol slots (length, concatenation, repetition, indexing and slicing,
//! containment) and its object-level methods (`__getnewargs__`, `__sizeof__`).
use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::slots::{PyMappingMethods, PySequenceMethods};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, PyASCIIObject, PyCompactUnicodeObject, PyUnicodeObject};
use crate::object::method_table::plain;
use crate::pyport::Py_ssize_t;

pub(crate) const METHODS: &[PyMethodDef] = &[
    plain(c"__getnewargs__", getnewargs, METH_NOARGS),
    plain(c"__sizeof__", sizeof, METH_NOARGS),
];

pub(crate) static mut STR_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(str_length),
    sq_concat: Some(crate::objects::str_join::PyUnicode_Concat),
    sq_repeat: Some(crate::objects::str_join::str_repeat),
    sq_item: Some(str_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(crate::objects::str_search::str_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

pub(crate) static mut STR_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(str_length),
    mp_subscript: Some(str_subscript),
    mp_ass_subscript: None,
};

/// `sq_item` of str: `s[i]` for `0 <= i < len`, else IndexError.
unsafe extern "C" fn str_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if i < 0 || i as usize >= pystr::len(op) {
        let _ = crate::object::pending_error::raise(crate::object::pending_error::ExcType::IndexError, "string index out of range");
        return core::ptr::null_mut();
    }
    ret_obj(crate::objects::str_access::char_str(pystr::read_char(op, i as usize)))
}

/// `mp_subscript` of str: an index (negative from the end) or a slice (any step).
unsafe extern "C" fn str_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if crate::abstract_::item::is_index(key) {
        let i = match crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError)) {
            Ok(i) => i,
            Err(_) => return core::ptr::null_mut(),
        };
        return str_item(op, if i < 0 { i + pystr::len(op) as Py_ssize_t } else { i });
    }
    if crate::objects::slice::is_slice(key) {
        return ret_obj((|| {
            let (mut start, mut stop, step) = crate::objects::slice::unpack(key)?;
            let n = crate::objects::slice::adjust_indices(pystr::len(op) as Py_ssize_t, &mut start, &mut stop, step);
            if n <= 0 {
                return pystr::empty();
            }
            if step == 1 {
                return crate::objects::str_access::substring(op, start as usize, (start + n) as usize);
            }
            let u = crate::objects::str_access::units(op);
            let picked: Vec<u32> = (0..n).map(|i| u.get((start + i * step) as usize)).collect();
            crate::objects::str_access::from_ucs4(&picked)
        })());
    }
    let _ = type_error(format!("string indices must be integers, not '{:.200}'", tp_name(key)));
    core::ptr::null_mut()
}

/// `sq_length`/`mp_length` of str.
pub(crate) unsafe extern "C" fn str_length(op: *mut PyObject) -> Py_ssize_t {
    pystr::len(op) as Py_ssize_t
}

/// `str.__getnewargs__()`: `(str(self),)`, an exact copy, for pickling subclasses.
unsafe extern "C" fn getnewargs(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let copy = crate::objects::str_access::copy(op)?;
        crate::objects::tuple::from_vec(vec![copy])
    })())
}

/// `str.__sizeof__()`: the header, the data with its NUL, and the cached UTF-8 and wchar_t
/// forms when they are separate blocks.
unsafe extern "C" fn sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let a = &*(op as *mut PyASCIIObject);
    let n = pystr::len(op);
    let kind = pystr::kind(op);
    let mut size = if a.compact() && a.ascii() {
        core::mem::size_of::<PyASCIIObject>() + n + 1
    } else if a.compact() {
        core::mem::size_of::<PyCompactUnicodeObject>() + (n + 1) * kind
    } else {
        core::mem::size_of::<PyUnicodeObject>() + (n + 1) * kind
    };
    if !a.wstr.is_null() && a.wstr as *mut u8 != pystr::data(op) {
        size += (n + 1) * core::mem::size_of::<crate::pyport::wchar_t>();
    }
    if !a.ascii() {
        let c = &*(op as *mut PyCompactUnicodeObject);
        if !c.utf8.is_null() && c.utf8 as *mut u8 != pystr::data(op) {
            size += c.utf8_length as usize + 1;
        }
    }
    ret_obj(crate::objects::int::from_i64(size as i64))
}
