//! Frame types as the public headers show them: `PyFrameObject` (`struct _frame`) is opaque
//! in 3.11 (its body moved to the internal headers; C code uses `PyFrame_Get*`), and
//! `struct _PyInterpreterFrame` is only ever named through pointers.

/// `struct _frame`: the Python-visible frame object, opaque to C.
pub struct _frame {
    _private: [u8; 0],
}
pub type PyFrameObject = _frame;

/// `struct _PyInterpreterFrame`: a frame on the per-thread frame stack, opaque to C.
#[cfg(not(Py_LIMITED_API))]
pub struct _PyInterpreterFrame {
    _private: [u8; 0],
}
