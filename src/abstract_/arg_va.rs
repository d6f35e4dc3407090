//! The argument source of the `PyArg_Parse*` entry points: the C shims (src/c/getargs.c)
//! hand Rust their `va_list`, and Rust takes each pointer off it as the format asks
//! (every unit of these formats takes pointers), so the format is walked once.
//! Also the few lookups getargs needs from types owned elsewhere.
use core::ffi::{c_char, c_void};

use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

#[cfg_attr(all(target_arch = "x86_64", target_os = "linux"), allow(dead_code))]
extern "C" {
    /// `va_arg(*(va_list *)va, void *)` (src/c/getargs.c), where `next_ptr` has no inline form.
    fn ferropy_va_next_ptr(va: *mut c_void) -> *mut c_void;
    // `va_arg(*(va_list *)va, T)` for the other C types of format units (src/c/modsupport.c).
    fn ferropy_va_int(va: *mut c_void) -> core::ffi::c_int;
    fn ferropy_va_uint(va: *mut c_void) -> core::ffi::c_uint;
    fn ferropy_va_long(va: *mut c_void) -> core::ffi::c_long;
    fn ferropy_va_ulong(va: *mut c_void) -> core::ffi::c_ulong;
    fn ferropy_va_llong(va: *mut c_void) -> core::ffi::c_longlong;
    fn ferropy_va_ullong(va: *mut c_void) -> core::ffi::c_ulonglong;
    fn ferropy_va_ssize(va: *mut c_void) -> Py_ssize_t;
    fn ferropy_va_double(va: *mut c_void) -> f64;
}

/// A C `va_list *`, read in order with the C type each format unit gives its argument.
pub(crate) struct Va(pub *mut c_void);

/// The C readers, where the `va_list` layout is not known here.
#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
impl Va {
    #[inline(always)]
    pub(crate) unsafe fn int(&mut self) -> i64 {
        ferropy_va_int(self.0) as i64
    }
    #[inline(always)]
    pub(crate) unsafe fn uint(&mut self) -> u64 {
        ferropy_va_uint(self.0) as u64
    }
    #[inline(always)]
    pub(crate) unsafe fn long(&mut self) -> i64 {
        ferropy_va_long(self.0)
    }
    #[inline(always)]
    pub(crate) unsafe fn ulong(&mut self) -> u64 {
        ferropy_va_ulong(self.0)
    }
    #[inline(always)]
    pub(crate) unsafe fn llong(&mut self) -> i64 {
        ferropy_va_llong(self.0)
    }
    #[inline(always)]
    pub(crate) unsafe fn ullong(&mut self) -> u64 {
        ferropy_va_ullong(self.0)
    }
    #[inline(always)]
    pub(crate) unsafe fn ssize(&mut self) -> Py_ssize_t {
        ferropy_va_ssize(self.0)
    }
    #[inline(always)]
    pub(crate) unsafe fn double(&mut self) -> f64 {
        ferropy_va_double(self.0)
    }
}

/// On x86-64 System V every integer type up to 8 bytes takes one general-purpose slot
/// (`int` in its low half), so the readers are `next_gp` with a cast: no call into C per
/// argument (Py_BuildValue's innermost step).
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
impl Va {
    #[inline(always)]
    pub(crate) unsafe fn int(&mut self) -> i64 {
        next_gp(self.0) as i32 as i64
    }
    #[inline(always)]
    pub(crate) unsafe fn uint(&mut self) -> u64 {
        next_gp(self.0) as u32 as u64
    }
    #[inline(always)]
    pub(crate) unsafe fn long(&mut self) -> i64 {
        next_gp(self.0) as i64
    }
    #[inline(always)]
    pub(crate) unsafe fn ulong(&mut self) -> u64 {
        next_gp(self.0)
    }
    #[inline(always)]
    pub(crate) unsafe fn llong(&mut self) -> i64 {
        next_gp(self.0) as i64
    }
    #[inline(always)]
    pub(crate) unsafe fn ullong(&mut self) -> u64 {
        next_gp(self.0)
    }
    #[inline(always)]
    pub(crate) unsafe fn ssize(&mut self) -> Py_ssize_t {
        next_gp(self.0) as Py_ssize_t
    }
    #[inline(always)]
    pub(crate) unsafe fn double(&mut self) -> f64 {
        next_fp(self.0)
    }
}

impl Va {
    /// The next pointer argument.
    #[inline(always)]
    pub(crate) unsafe fn ptr<T>(&mut self) -> *mut T {
        next_ptr(self.0) as *mut T
    }

    /// Takes `n` pointers off the list unused (a unit whose argument was not given).
    #[inline]
    pub(crate) unsafe fn skip(&mut self, n: usize) {
        for _ in 0..n {
            next_ptr(self.0);
        }
    }
}

/// The x86-64 System V `va_list` element, which `va_arg` of an integer or pointer reads:
/// the first six integer arguments sit in the register save area, the rest on the stack.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[repr(C)]
struct VaListTag {
    gp_offset: u32,
    fp_offset: u32,
    overflow_arg_area: *mut u8,
    reg_save_area: *mut u8,
}

/// `va_arg(*va, void *)` done here rather than by a call into C for each argument (the
/// getargs formats take one pointer per unit, so it is their innermost step).
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[inline(always)]
unsafe fn next_ptr(va: *mut c_void) -> *mut c_void {
    next_gp(va) as usize as *mut c_void
}

/// `va_arg` of an integer class argument: the next 8-byte general-purpose slot.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[inline(always)]
unsafe fn next_gp(va: *mut c_void) -> u64 {
    const GP_SAVE_BYTES: u32 = 6 * 8;
    let t = &mut *(va as *mut VaListTag);
    if t.gp_offset < GP_SAVE_BYTES {
        let p = t.reg_save_area.add(t.gp_offset as usize) as *const u64;
        t.gp_offset += 8;
        *p
    } else {
        let p = t.overflow_arg_area as *const u64;
        t.overflow_arg_area = t.overflow_arg_area.add(8);
        p.read_unaligned()
    }
}

/// `va_arg(*va, double)`: the next of the eight 16-byte SSE slots that follow the six
/// general-purpose ones in the register save area, then 8-byte stack slots.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[inline(always)]
unsafe fn next_fp(va: *mut c_void) -> f64 {
    const FP_SAVE_END: u32 = 6 * 8 + 8 * 16;
    let t = &mut *(va as *mut VaListTag);
    if t.fp_offset < FP_SAVE_END {
        let p = t.reg_save_area.add(t.fp_offset as usize) as *const f64;
        t.fp_offset += 16;
        p.read_unaligned()
    } else {
        let p = t.overflow_arg_area as *const f64;
        t.overflow_arg_area = t.overflow_arg_area.add(8);
        p.read_unaligned()
    }
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
#[inline(always)]
unsafe fn next_ptr(va: *mut c_void) -> *mut c_void {
    ferropy_va_next_ptr(va)
}

/// `PyUnicode_AsUTF8AndSize` for getargs: the UTF-8 bytes of a str (NUL-terminated, living
/// as long as the str) and their number; NULL with an exception set on failure.
#[inline]
pub(crate) unsafe fn str_utf8_and_size(s: *mut PyObject, size: &mut Py_ssize_t) -> *const c_char {
    let a = &*(s as *mut crate::objects::str::PyASCIIObject);
    if a.compact() && a.ascii() {
        *size = a.length;
        return crate::objects::str::data(s) as *const c_char;
    }
    crate::objects::str_utf8::PyUnicode_AsUTF8AndSize(s, size)
}

/// Whether `op` is a bytearray (`PyByteArray_Check`).
pub(crate) unsafe fn is_bytearray(op: *mut PyObject) -> bool {
    crate::objects::bytearray::is_bytearray(op)
}

/// The byte of a one-byte bytearray (the `c` unit); None for anything else.
pub(crate) unsafe fn bytearray_single(op: *mut PyObject) -> Option<u8> {
    if !is_bytearray(op) {
        return None;
    }
    match crate::objects::bytearray::as_slice(op) {
        [b] => Some(*b),
        _ => None,
    }
}
