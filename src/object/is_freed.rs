//! Debugging aids for C code: `_PyObject_IsFreed`, a heuristic (used by `_testcapi`) for
//! whether an object pointer looks like freed or never-initialised memory, and
//! `_Py_BreakPoint`, a function to set a debugger breakpoint on.
use core::ffi::c_int;

use crate::object::object::PyObject;

/// Whether a pointer value is one that only dead memory holds: NULL, or a word of the
/// fill bytes debug allocators write (0xCD: fresh, 0xDD: freed, 0xFD: guard bytes).
fn looks_freed(p: usize) -> bool {
    p == 0 || p == 0xCDCD_CDCD_CDCD_CDCD || p == 0xDDDD_DDDD_DDDD_DDDD || p == 0xFDFD_FDFD_FDFD_FDFD
}

/// `int _PyObject_IsFreed(PyObject *op)`: 1 when `op` or its type pointer looks freed.
/// The reference count is not looked at (Py_INCREF/Py_DECREF may have changed it).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_IsFreed(op: *mut PyObject) -> c_int {
    if looks_freed(op as usize) {
        return 1;
    }
    // Read the type word as an integer: in a freed object it may be any bit pattern.
    let tp = core::ptr::read_volatile(core::ptr::addr_of!((*op).ob_type) as *const usize);
    looks_freed(tp) as c_int
}

#[cfg(test)]
mod tests {
    use super::looks_freed;

    #[test]
    fn fill_patterns_look_freed() {
        assert!(looks_freed(0));
        assert!(looks_freed(0xDDDD_DDDD_DDDD_DDDD));
        assert!(!looks_freed(0x1000));
        assert!(!looks_freed(0xDDDD_DDDD_DDDD_DDDC));
    }
}

/// `void _Py_BreakPoint(void)`: does nothing; a place for a debugger breakpoint that C code
/// can call (as CPython's).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
#[inline(never)]
pub extern "C" fn _Py_BreakPoint() {
    // Keep the call from being folded away.
    core::hint::black_box(());
}
