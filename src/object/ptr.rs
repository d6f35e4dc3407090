//! `PyRef`: an owned (strong) reference to a Python object inside Rust code. Cloning
//! increfs and dropping decrefs, so refcount bugs become type errors instead of leaks or
//! use-after-free. Raw `*mut PyObject` appears only at the C boundary: take ownership of
//! a new reference with `PyRef::from_owned`, of a borrowed one with `PyRef::from_borrowed`,
//! and hand one back to C with `PyRef::into_ptr`.
use crate::object::object::PyObject;
use crate::object::refcount::_Py_Dealloc;
use core::ptr::NonNull;

#[repr(transparent)]
pub struct PyRef(NonNull<PyObject>);

impl PyRef {
    /// Takes ownership of a new reference; `None` for NULL (a failed C call).
    ///
    /// # Safety
    /// `op` is NULL or a live object whose reference the caller gives away.
    #[inline]
    pub unsafe fn from_owned(op: *mut PyObject) -> Option<PyRef> {
        NonNull::new(op).map(PyRef)
    }

    /// Makes a new reference from a borrowed one; `None` for NULL.
    ///
    /// # Safety
    /// `op` is NULL or a live object.
    #[inline]
    pub unsafe fn from_borrowed(op: *mut PyObject) -> Option<PyRef> {
        let op = NonNull::new(op)?;
        (*op.as_ptr()).ob_refcnt += 1;
        Some(PyRef(op))
    }

    /// The object, still owned by `self`.
    #[inline]
    pub fn as_ptr(&self) -> *mut PyObject {
        self.0.as_ptr()
    }

    /// Gives the reference away (to C code, which will decref it).
    #[inline]
    pub fn into_ptr(self) -> *mut PyObject {
        let op = self.0.as_ptr();
        core::mem::forget(self);
        op
    }
}

impl Clone for PyRef {
    #[inline]
    fn clone(&self) -> PyRef {
        // SAFETY: `self` keeps the object alive.
        unsafe { (*self.0.as_ptr()).ob_refcnt += 1 };
        PyRef(self.0)
    }
}

impl Drop for PyRef {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `self` owns one reference to a live object.
        unsafe {
            let op = self.0.as_ptr();
            (*op).ob_refcnt -= 1;
            if (*op).ob_refcnt == 0 {
                _Py_Dealloc(op);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::typeobject::PyTypeObject;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static FREED: AtomicUsize = AtomicUsize::new(0);

    unsafe extern "C" fn note_free(_op: *mut PyObject) {
        FREED.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn clone_and_drop_balance_the_count() {
        unsafe {
            let mut tp: PyTypeObject = core::mem::zeroed();
            tp.tp_dealloc = Some(note_free);
            let mut obj = PyObject { ob_refcnt: 1, ob_type: &mut tp };
            let owned = PyRef::from_owned(&mut obj).unwrap();
            let second = owned.clone();
            assert_eq!(obj.ob_refcnt, 2);
            drop(second);
            assert_eq!(obj.ob_refcnt, 1);
            let borrowed = PyRef::from_borrowed(&mut obj).unwrap();
            let given_away = borrowed.into_ptr();
            assert_eq!(given_away, &mut obj as *mut PyObject);
            assert_eq!(obj.ob_refcnt, 2);
            drop(PyRef::from_owned(given_away)); // the taker releases its reference
            assert_eq!(FREED.load(Ordering::SeqCst), 0);
            drop(owned);
            assert_eq!(FREED.load(Ordering::SeqCst), 1);
            assert!(PyRef::from_owned(core::ptr::null_mut()).is_none());
        }
    }
}
