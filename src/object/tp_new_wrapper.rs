//! `T.__new__`: a builtin function bound to the type that defines `tp_new`, which checks
//! that its first argument is a subtype it may construct and calls the slot with the rest.
// Slots are compared by address on purpose, as C does.
#![allow(unpredictable_function_pointer_comparisons)]
use crate::errors::exception_types::_PyExc_TypeError;
use crate::errors::raised::{PyResult, Raised};
use crate::object::methods::{PyCFunction, PyMethodDef, METH_KEYWORDS, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::*;
use crate::object::typetype::{is_subtype, type_name};
use crate::objects::{dict, str as pystr, tuple};

static mut NEW_DEF: PyMethodDef = PyMethodDef {
    ml_name: c"__new__".as_ptr(),
    // SAFETY: METH_VARARGS | METH_KEYWORDS functions are stored as PyCFunction, as in C.
    ml_meth: unsafe {
        core::mem::transmute::<
            Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject>,
            PyCFunction,
        >(Some(tp_new_wrapper))
    },
    ml_flags: METH_VARARGS | METH_KEYWORDS,
    ml_doc: c"__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature.".as_ptr(),
};

/// Whether `f` is the slot that calls a Python-level `__new__` (such types are skipped when
/// looking for the C type that really builds the object).
fn is_python_new(f: crate::object::slots::newfunc) -> bool {
    f == Some(crate::object::slot_dunders::slot_tp_new)
}

fn error(message: String) -> *mut PyObject {
    let _ = raise_type(&raw mut _PyExc_TypeError, message);
    core::ptr::null_mut()
}

unsafe extern "C" fn tp_new_wrapper(self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let tp = self_ as *mut PyTypeObject;
    let items = tuple::items(args);
    let Some(&sub) = items.first() else {
        return error(format!("{}.__new__(): not enough arguments", type_name(tp)));
    };
    if (*(*sub).ob_type).tp_flags & Py_TPFLAGS_TYPE_SUBCLASS == 0 {
        return error(format!("{}.__new__(X): X is not a type object ({})", type_name(tp), type_name((*sub).ob_type)));
    }
    let sub = sub as *mut PyTypeObject;
    if !is_subtype(sub, tp) {
        return error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            type_name(tp),
            type_name(sub),
            type_name(sub),
            type_name(tp)
        ));
    }
    // The nearest base of `sub` whose tp_new is C code must use the same tp_new as `tp`
    // (object.__new__(int) would build an int without int's constructor).
    let mut base = sub;
    while !base.is_null() && is_python_new((*base).tp_new) {
        base = (*base).tp_base;
    }
    if !base.is_null() && (*base).tp_new != (*tp).tp_new {
        return error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            type_name(tp),
            type_name(sub),
            type_name(base)
        ));
    }
    let rest: Vec<PyRef> = items[1..].iter().map(|&o| PyRef::from_borrowed(o).expect("non-NULL")).collect();
    let Ok(rest) = tuple::from_slice(&rest) else { return core::ptr::null_mut() };
    match (*tp).tp_new {
        Some(new) => new(sub, rest.as_ptr(), kwds),
        None => core::ptr::null_mut(),
    }
}

/// The method definition of every `__new__` builtin made here.
pub(crate) fn new_def() -> *mut PyMethodDef {
    &raw mut NEW_DEF
}

/// Puts `__new__` (bound to `tp`) into the dict of `tp` unless it has one.
///
/// # Safety
/// `tp` is a type being readied, its dict created.
pub(crate) unsafe fn add_new(tp: *mut PyTypeObject) -> PyResult<()> {
    let d = (*tp).tp_dict;
    if dict::get_item_str(d, "__new__")?.is_some() {
        return Ok(());
    }
    let f = crate::objects::cfunction::PyCFunction_NewEx(&raw mut NEW_DEF, tp as *mut PyObject, core::ptr::null_mut());
    let f = PyRef::from_owned(f).ok_or_else(Raised::assume_set)?;
    let key = pystr::intern("__new__")?;
    dict::set_item(d, key.as_ptr(), f.as_ptr())
}
