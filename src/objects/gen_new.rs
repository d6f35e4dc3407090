//! `PyGen_New`, `PyGen_NewWithQualName`, `PyCoro_New`, `PyAsyncGen_New`: a generator (or
//! coroutine, async generator) over a frame made by `PyFrame_New`. As in CPython 3.11 the
//! frame object's reference is stolen: the frame moves into the generator, and the frame
//! object follows it there.
use crate::abstract_::new_ref;
use crate::eval::frame::PyFrameObject;
use crate::eval::frame_object::fo;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::typeobject::PyTypeObject;
use ferropy_compiler::opcode::Op;

unsafe fn new_with(frame: *mut PyFrameObject, name: *mut PyObject, qualname: *mut PyObject, tp: *mut PyTypeObject) -> *mut PyObject {
    let Some(op) = crate::eval::frame_object::check(frame) else { return core::ptr::null_mut() };
    let f = crate::eval::frame_new::owned_frame(op);
    if f.is_null() {
        let _ = raise(ExcType::SystemError, "the frame of a new generator must come from PyFrame_New");
        crate::object::refcount::Py_DecRef(op);
        return core::ptr::null_mut();
    }
    // A generator function's code starts after its RETURN_GENERATOR; other code at its
    // first traceable instruction.
    let words = (*f).rt().words();
    let resume = match words.iter().position(|&w| w as u8 == Op::RETURN_GENERATOR as u8) {
        Some(i) => i as u32 + 1,
        None => (*f).lasti,
    };
    // The generator's frame keeps the frame object (the reference stolen from the caller).
    let gen = match crate::objects::gen_type::from_frame_as(f, 0, resume, tp) {
        Ok(g) => g,
        Err(_) => {
            crate::object::refcount::Py_DecRef(op);
            return core::ptr::null_mut();
        }
    };
    // The emptied memory the frame object owned goes.
    let o = fo(op);
    crate::object::pymem::PyMem_Free(core::mem::replace(&mut o.owned, core::ptr::null_mut()) as *mut core::ffi::c_void);
    let g = crate::objects::gen_type::g(gen.as_ptr());
    if !name.is_null() {
        crate::object::refcount::Py_DecRef(core::mem::replace(&mut g.gi_name, new_ref(name).into_ptr()));
    }
    if !qualname.is_null() {
        crate::object::refcount::Py_DecRef(core::mem::replace(&mut g.gi_qualname, new_ref(qualname).into_ptr()));
    }
    gen.into_ptr()
}

/// `PyObject *PyGen_New(PyFrameObject *frame)`: steals `frame`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyGen_New(frame: *mut PyFrameObject) -> *mut PyObject {
    new_with(frame, core::ptr::null_mut(), core::ptr::null_mut(), &raw mut crate::objects::gen_type::PyGen_Type)
}

/// `PyObject *PyGen_NewWithQualName(PyFrameObject *frame, PyObject *name, PyObject
/// *qualname)`: steals `frame`; NULL names come from the code.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyGen_NewWithQualName(frame: *mut PyFrameObject, name: *mut PyObject, qualname: *mut PyObject) -> *mut PyObject {
    new_with(frame, name, qualname, &raw mut crate::objects::gen_type::PyGen_Type)
}

/// `PyObject *PyCoro_New(PyFrameObject *frame, PyObject *name, PyObject *qualname)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCoro_New(frame: *mut PyFrameObject, name: *mut PyObject, qualname: *mut PyObject) -> *mut PyObject {
    new_with(frame, name, qualname, &raw mut crate::objects::gen_type::PyCoro_Type)
}

/// `PyObject *PyAsyncGen_New(PyFrameObject *frame, PyObject *name, PyObject *qualname)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyAsyncGen_New(frame: *mut PyFrameObject, name: *mut PyObject, qualname: *mut PyObject) -> *mut PyObject {
    new_with(frame, name, qualname, &raw mut crate::objects::asyncgen_type::PyAsyncGen_Type)
}
