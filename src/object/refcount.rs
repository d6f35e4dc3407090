//! Reference counting entry points for code that cannot use the `Py_INCREF`/`Py_DECREF`
//! inline functions of include/object.h (other languages, dlsym users), and the
//! deallocation hook those inline functions call when a count drops to zero.
use crate::object::object::PyObject;

/// `void _Py_Dealloc(PyObject *op)`: destroy an object whose count reached zero by
/// calling its type's `tp_dealloc`. A type without one is a broken extension type: CPython
/// would jump to NULL; we stop with a diagnostic instead.
#[no_mangle]
pub unsafe extern "C" fn _Py_Dealloc(op: *mut PyObject) {
    let tp = (*op).ob_type;
    match (*tp).tp_dealloc {
        Some(dealloc) => dealloc(op),
        None => {
            eprintln!("Fatal Python error: _Py_Dealloc: type has no tp_dealloc");
            std::process::abort();
        }
    }
}

/// `void Py_IncRef(PyObject *op)`: `Py_XINCREF` as a function (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn Py_IncRef(op: *mut PyObject) {
    if !op.is_null() {
        (*op).ob_refcnt += 1;
    }
}

/// `void Py_DecRef(PyObject *op)`: `Py_XDECREF` as a function (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn Py_DecRef(op: *mut PyObject) {
    if !op.is_null() {
        (*op).ob_refcnt -= 1;
        if (*op).ob_refcnt == 0 {
            _Py_Dealloc(op);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::typeobject::PyTypeObject;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static DEALLOCS: AtomicUsize = AtomicUsize::new(0);

    unsafe extern "C" fn count_dealloc(_op: *mut PyObject) {
        DEALLOCS.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn incref_decref_and_dealloc() {
        unsafe {
            let mut tp: PyTypeObject = core::mem::zeroed();
            tp.tp_dealloc = Some(count_dealloc);
            let mut ob = PyObject { ob_refcnt: 1, ob_type: &mut tp };
            let op: *mut PyObject = &mut ob;
            Py_IncRef(op);
            assert_eq!(ob.ob_refcnt, 2);
            Py_DecRef(op);
            assert_eq!(ob.ob_refcnt, 1);
            assert_eq!(DEALLOCS.load(Ordering::SeqCst), 0);
            Py_DecRef(op);
            assert_eq!(ob.ob_refcnt, 0);
            assert_eq!(DEALLOCS.load(Ordering::SeqCst), 1);
            // NULL is tolerated by both.
            Py_IncRef(core::ptr::null_mut());
            Py_DecRef(core::ptr::null_mut());
            assert_eq!(DEALLOCS.load(Ordering::SeqCst), 1);
        }
    }
}
