//! Struct members exposed as attributes: `PyMemberDef`, the `T_*` member types and the
//! access flags (CPython's `structmember.h`).
use core::ffi::{c_char, c_int};

use crate::pyport::Py_ssize_t;

/// `struct PyMemberDef`: a C field of the instance at `offset`, converted per `type`.
#[repr(C)]
pub struct PyMemberDef {
    pub name: *const c_char,
    pub r#type: c_int,
    pub offset: Py_ssize_t,
    pub flags: c_int,
    pub doc: *const c_char,
}
assert_layout!(PyMemberDef, size = 40, name @ 0, r#type @ 8, offset @ 16, flags @ 24,
    doc @ 32);

pub const T_SHORT: c_int = 0;
pub const T_INT: c_int = 1;
pub const T_LONG: c_int = 2;
pub const T_FLOAT: c_int = 3;
pub const T_DOUBLE: c_int = 4;
pub const T_STRING: c_int = 5;
pub const T_OBJECT: c_int = 6;
/// A one-character string.
pub const T_CHAR: c_int = 7;
/// An 8-bit signed integer.
pub const T_BYTE: c_int = 8;
pub const T_UBYTE: c_int = 9;
pub const T_USHORT: c_int = 10;
pub const T_UINT: c_int = 11;
pub const T_ULONG: c_int = 12;
pub const T_STRING_INPLACE: c_int = 13;
pub const T_BOOL: c_int = 14;
/// Like `T_OBJECT`, but a NULL field raises AttributeError instead of reading as None.
pub const T_OBJECT_EX: c_int = 16;
pub const T_LONGLONG: c_int = 17;
pub const T_ULONGLONG: c_int = 18;
pub const T_PYSSIZET: c_int = 19;
/// Always reads as None.
pub const T_NONE: c_int = 20;

pub const READONLY: c_int = 1;
pub const READ_RESTRICTED: c_int = 2;
pub const PY_WRITE_RESTRICTED: c_int = 4;
pub const RESTRICTED: c_int = READ_RESTRICTED | PY_WRITE_RESTRICTED;
/// Reading the member raises an `object.__getattr__` audit event.
pub const PY_AUDIT_READ: c_int = READ_RESTRICTED;

// ---- Reading and writing members ---------------------------------------------------------------

use core::ffi::CStr;

use crate::errors::exception_types::{_PyExc_AttributeError, _PyExc_SystemError, _PyExc_TypeError};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::str as pystr;

fn new_ref(op: *mut PyObject) -> PyRef {
    // SAFETY: callers pass live objects (None, True, False, fields they read).
    unsafe { PyRef::from_borrowed(op).expect("non-NULL") }
}

fn none() -> PyRef {
    new_ref(&raw mut crate::objects::singletons::_Py_NoneStruct)
}

unsafe fn member_name(m: *const PyMemberDef) -> String {
    CStr::from_ptr((*m).name).to_string_lossy().into_owned()
}

/// A one-byte `T_CHAR` as str: what `PyUnicode_FromStringAndSize(addr, 1)` gives (a byte
/// that is not ASCII cannot be decoded alone).
unsafe fn char_to_str(b: u8) -> PyResult<PyRef> {
    if b < 0x80 {
        let c = [b];
        return pystr::from_utf8(core::str::from_utf8_unchecked(&c));
    }
    let why = if (0xc2..=0xf4).contains(&b) { "unexpected end of data" } else { "invalid start byte" };
    Err(raise_type(
        &raw mut crate::errors::exception_types::_PyExc_UnicodeDecodeError,
        format!("'utf-8' codec can't decode byte 0x{b:02x} in position 0: {why}"),
    ))
}

/// Reads member `m` of the object at `addr` (the Rust side of `PyMember_GetOne`).
///
/// # Safety
/// `addr` is a live object whose layout has `m`'s field at its offset.
pub(crate) unsafe fn get_member(addr: *const c_char, m: *const PyMemberDef) -> PyResult<PyRef> {
    let p = addr.offset((*m).offset);
    Ok(match (*m).r#type {
        T_BOOL => PyRef::from_owned(crate::objects::bool::PyBool_FromLong(*(p as *const c_char) as core::ffi::c_long)).expect("bools exist"),
        T_CHAR => char_to_str(*(p as *const u8))?,
        T_STRING => {
            let s = *(p as *const *const c_char);
            if s.is_null() {
                none()
            } else {
                PyRef::from_owned(pystr::PyUnicode_FromString(s)).ok_or_else(Raised::assume_set)?
            }
        }
        T_STRING_INPLACE => PyRef::from_owned(pystr::PyUnicode_FromString(p)).ok_or_else(Raised::assume_set)?,
        T_OBJECT => {
            let o = *(p as *const *mut PyObject);
            if o.is_null() { none() } else { new_ref(o) }
        }
        T_OBJECT_EX => {
            let o = *(p as *const *mut PyObject);
            if o.is_null() {
                let tp = (*(addr as *const PyObject)).ob_type;
                return Err(raise_type(
                    &raw mut _PyExc_AttributeError,
                    format!(
                        "'{}' object has no attribute '{}'",
                        crate::object::generic_getattr::name_upto(tp, 200),
                        member_name(m)
                    ),
                ));
            }
            new_ref(o)
        }
        T_NONE => none(),
        t => match crate::object::member_numbers::get_number(p, t) {
            Some(r) => r?,
            None => return Err(raise_type(&raw mut _PyExc_SystemError, "bad memberdescr type")),
        },
    })
}

/// Writes `value` (NULL: delete) into member `m` of the object at `addr` (the Rust side of
/// `PyMember_SetOne`), with CPython's checks and conversions.
///
/// # Safety
/// As `get_member`; `value` NULL or live.
pub(crate) unsafe fn set_member(addr: *mut c_char, m: *const PyMemberDef, value: *mut PyObject) -> PyResult<()> {
    let p = addr.offset((*m).offset);
    if (*m).flags & READONLY != 0 {
        return Err(raise_type(&raw mut _PyExc_AttributeError, "readonly attribute"));
    }
    let t = (*m).r#type;
    if value.is_null() {
        match t {
            T_OBJECT_EX if (*(p as *const *mut PyObject)).is_null() => {
                return Err(raise_type(&raw mut _PyExc_AttributeError, member_name(m)));
            }
            T_OBJECT | T_OBJECT_EX => {}
            _ => return Err(raise_type(&raw mut _PyExc_TypeError, "can't delete numeric/char attribute")),
        }
    }
    match t {
        T_BOOL => {
            if (*value).ob_type != &raw mut crate::objects::bool::PyBool_Type {
                return Err(raise_type(&raw mut _PyExc_TypeError, "attribute value type must be bool"));
            }
            *(p as *mut c_char) = (value == crate::objects::bool::true_()) as c_char;
        }
        T_OBJECT | T_OBJECT_EX => {
            if !value.is_null() {
                (*value).ob_refcnt += 1;
            }
            let old = core::mem::replace(&mut *(p as *mut *mut PyObject), value);
            drop(PyRef::from_owned(old));
        }
        T_CHAR => {
            let ok = pystr::is_str(value) && {
                let text = pystr::to_string(value);
                text.len() == 1
            };
            if !ok {
                return Err(raise_type(&raw mut _PyExc_TypeError, "bad argument type for built-in operation"));
            }
            *(p as *mut u8) = pystr::to_string(value).as_bytes()[0];
        }
        T_STRING | T_STRING_INPLACE => {
            return Err(raise_type(&raw mut _PyExc_TypeError, "readonly attribute"));
        }
        _ => match crate::object::member_numbers::set_number(p, t, value) {
            Some(r) => r?,
            None => {
                return Err(raise_type(&raw mut _PyExc_SystemError, format!("bad memberdescr type for {}", member_name(m))));
            }
        },
    }
    Ok(())
}

/// `PyObject *PyMember_GetOne(const char *obj_addr, PyMemberDef *m)`.
#[no_mangle]
pub unsafe extern "C" fn PyMember_GetOne(addr: *const c_char, m: *mut PyMemberDef) -> *mut PyObject {
    if addr.is_null() || m.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    get_member(addr, m).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `int PyMember_SetOne(char *obj_addr, PyMemberDef *m, PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyMember_SetOne(addr: *mut c_char, m: *mut PyMemberDef, value: *mut PyObject) -> c_int {
    if addr.is_null() || m.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if set_member(addr, m, value).is_ok() { 0 } else { -1 }
}
