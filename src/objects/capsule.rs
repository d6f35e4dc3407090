//! `PyCapsule` (CPython's pycapsule.h): an opaque object carrying a C pointer, an optional
//! name that users check on the way out, a context pointer and a destructor run at
//! deallocation. Extension modules pass their C-APIs to each other through capsules.
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::errors::exception_types as exc;
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DISALLOW_INSTANTIATION};
use crate::runtime::capsule::PyCapsule_Destructor;

/// The capsule object (private layout, CPython's field order).
#[repr(C)]
struct Capsule {
    ob_base: PyObject,
    pointer: *mut c_void,
    name: *const c_char,
    context: *mut c_void,
    destructor: PyCapsule_Destructor,
}

/// `PyCapsule_Type`.
#[no_mangle]
pub static mut PyCapsule_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(capsule_dealloc),
    tp_repr: Some(capsule_repr),
    ..static_type(
        c"PyCapsule",
        core::mem::size_of::<Capsule>(),
        0,
        Py_TPFLAGS_DISALLOW_INSTANTIATION,
        Some(c"Capsule objects let you wrap a C \"void *\" pointer in a Python\nobject.  They're a way of passing data through the Python interpreter\nwithout creating your own custom type.\n\nCapsules are used for communication between extension modules.\nThey provide a way for an extension module to export a C interface\nto other extension modules, so that extension modules can use the\nPython import mechanism to link to one another.\n"),
    )
};

fn value_error(message: String) -> *mut c_void {
    let _ = raise_type(&raw mut exc::_PyExc_ValueError, message);
    core::ptr::null_mut()
}

/// The capsule behind `op` when it is a valid one (a capsule holding a pointer); else
/// ValueError "`caller` called with invalid PyCapsule object".
unsafe fn legal(op: *mut PyObject, caller: &str) -> Option<*mut Capsule> {
    if op.is_null() || (*op).ob_type != &raw mut PyCapsule_Type || (*(op as *mut Capsule)).pointer.is_null() {
        value_error(format!("{caller} called with invalid PyCapsule object"));
        return None;
    }
    Some(op as *mut Capsule)
}

/// Names match when both are NULL or both are equal strings.
unsafe fn names_match(a: *const c_char, b: *const c_char) -> bool {
    match (a.is_null(), b.is_null()) {
        (true, true) => true,
        (false, false) => CStr::from_ptr(a) == CStr::from_ptr(b),
        _ => false,
    }
}

/// `PyObject *PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_New(
    pointer: *mut c_void,
    name: *const c_char,
    destructor: PyCapsule_Destructor,
) -> *mut PyObject {
    if pointer.is_null() {
        return value_error("PyCapsule_New called with null pointer".into()) as *mut PyObject;
    }
    let op = temp_alloc::malloc_object(&raw mut PyCapsule_Type, core::mem::size_of::<Capsule>()) as *mut Capsule;
    if op.is_null() {
        let _ = no_memory();
        return core::ptr::null_mut();
    }
    (*op).pointer = pointer;
    (*op).name = name;
    (*op).context = core::ptr::null_mut();
    (*op).destructor = destructor;
    op as *mut PyObject
}

/// `int PyCapsule_IsValid(PyObject *capsule, const char *name)`: never raises.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_IsValid(op: *mut PyObject, name: *const c_char) -> c_int {
    (!op.is_null()
        && (*op).ob_type == &raw mut PyCapsule_Type
        && !(*(op as *mut Capsule)).pointer.is_null()
        && names_match((*(op as *mut Capsule)).name, name)) as c_int
}

/// `void *PyCapsule_GetPointer(PyObject *capsule, const char *name)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetPointer(op: *mut PyObject, name: *const c_char) -> *mut c_void {
    let Some(c) = legal(op, "PyCapsule_GetPointer") else { return core::ptr::null_mut() };
    if !names_match((*c).name, name) {
        return value_error("PyCapsule_GetPointer called with incorrect name".into());
    }
    (*c).pointer
}

/// `const char *PyCapsule_GetName(PyObject *capsule)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetName(op: *mut PyObject) -> *const c_char {
    legal(op, "PyCapsule_GetName").map_or(core::ptr::null(), |c| (*c).name)
}

/// `PyCapsule_Destructor PyCapsule_GetDestructor(PyObject *capsule)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetDestructor(op: *mut PyObject) -> PyCapsule_Destructor {
    legal(op, "PyCapsule_GetDestructor").and_then(|c| (*c).destructor)
}

/// `void *PyCapsule_GetContext(PyObject *capsule)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetContext(op: *mut PyObject) -> *mut c_void {
    legal(op, "PyCapsule_GetContext").map_or(core::ptr::null_mut(), |c| (*c).context)
}

/// `int PyCapsule_SetPointer(PyObject *capsule, void *pointer)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetPointer(op: *mut PyObject, pointer: *mut c_void) -> c_int {
    if pointer.is_null() {
        value_error("PyCapsule_SetPointer called with null pointer".into());
        return -1;
    }
    let Some(c) = legal(op, "PyCapsule_SetPointer") else { return -1 };
    (*c).pointer = pointer;
    0
}

/// `int PyCapsule_SetName(PyObject *capsule, const char *name)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetName(op: *mut PyObject, name: *const c_char) -> c_int {
    let Some(c) = legal(op, "PyCapsule_SetName") else { return -1 };
    (*c).name = name;
    0
}

/// `int PyCapsule_SetDestructor(PyObject *capsule, PyCapsule_Destructor destructor)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetDestructor(op: *mut PyObject, destructor: PyCapsule_Destructor) -> c_int {
    let Some(c) = legal(op, "PyCapsule_SetDestructor") else { return -1 };
    (*c).destructor = destructor;
    0
}

/// `int PyCapsule_SetContext(PyObject *capsule, void *context)`.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetContext(op: *mut PyObject, context: *mut c_void) -> c_int {
    let Some(c) = legal(op, "PyCapsule_SetContext") else { return -1 };
    (*c).context = context;
    0
}

unsafe extern "C" fn capsule_dealloc(op: *mut PyObject) {
    let c = op as *mut Capsule;
    if let Some(d) = (*c).destructor {
        d(op);
    }
    temp_alloc::free_object(op as *mut c_void);
}

unsafe extern "C" fn capsule_repr(op: *mut PyObject) -> *mut PyObject {
    let name = (*(op as *mut Capsule)).name;
    let shown = if name.is_null() {
        String::from("NULL")
    } else {
        format!("\"{}\"", CStr::from_ptr(name).to_string_lossy())
    };
    crate::abstract_::ret_obj(crate::objects::str::from_utf8(&format!("<capsule object {shown} at {op:p}>")))
}
