//! `Py_BuildValue`: C values described by a format string become a Python object. The C shim
//! (src/c/modsupport.c) hands over its `va_list`; this module walks the format once (plus
//! CPython's counting of each tuple's items) and reads each argument with its unit's C type.
//!
//! Semantics are CPython 3.11's: no unit gives None, one unit gives its value, several give a
//! tuple; `(...)`, `[...]`, `{...}` nest; `N` steals its reference even when building fails
//! (after an error the rest of the format is still built and thrown away, so every `N`
//! object is released and every `O&` converter called, with the first error kept).
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::errors::exception_types::{_PyExc_OverflowError, _PyExc_SystemError, _PyExc_ValueError};
use crate::errors::pyerr::{PyErr_Fetch, PyErr_Occurred, PyErr_Restore};
use crate::abstract_::arg_va::Va;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::singletons::_Py_NoneStruct;
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// An `O&` converter: `PyObject *(*)(void *)`.
type Converter = unsafe extern "C" fn(*mut c_void) -> *mut PyObject;

/// The walk over a format and its arguments.
pub(crate) struct Builder {
    /// The NUL-terminated format, read in place (no strlen, no bounds checks: the NUL ends
    /// every walk).
    format: *const u8,
    pos: usize,
    va: Va,
    /// `#` lengths are `Py_ssize_t` (the `_SizeT` entry points, `PY_SSIZE_T_CLEAN`), else
    /// `int`; the shim already read them with the right C type.
    size_t: bool,
}

fn none() -> PyRef {
    // SAFETY: None is a static object that lives forever.
    unsafe { PyRef::from_borrowed(&raw mut _Py_NoneStruct).unwrap_unchecked() }
}

impl Builder {
    /// # Safety
    /// `format` is NULL (the empty format) or NUL-terminated; `va` is a `va_list *` holding
    /// the arguments of `format`.
    pub(crate) unsafe fn new(format: *const c_char, va: *mut c_void, size_t: bool) -> Builder {
        let format = if format.is_null() { b"\0".as_ptr() } else { format as *const u8 };
        Builder { format, pos: 0, va: Va(va), size_t }
    }

    #[inline(always)]
    fn peek(&self) -> u8 {
        // SAFETY: `pos` never passes the terminating NUL (every walk stops there).
        unsafe { *self.format.add(self.pos) }
    }

    /// The next argument, a pointer.
    #[inline(always)]
    unsafe fn ptr<T>(&mut self) -> *mut T {
        self.va.ptr::<T>()
    }

    /// The optional `#` length after a string unit: -1 when absent. CPython 3.11 refuses `#`
    /// unless the caller was compiled with `PY_SSIZE_T_CLEAN` (the `_SizeT` entry points).
    fn length(&mut self) -> PyResult<Py_ssize_t> {
        if self.peek() != b'#' {
            return Ok(-1);
        }
        self.pos += 1;
        // SAFETY: the caller passed the length with the type the entry point implies.
        let n = unsafe { if self.size_t { self.va.ssize() } else { self.va.int() as Py_ssize_t } };
        if !self.size_t {
            return Err(crate::object::pending_error::raise(
                crate::object::pending_error::ExcType::SystemError,
                "PY_SSIZE_T_CLEAN macro must be defined for '#' formats",
            ));
        }
        Ok(n)
    }

    /// How many values the format holds from the current position up to `end` at nesting
    /// level 0 (CPython's `countformat`); the format is not consumed. Branch-free per byte
    /// but for the end test: each byte's part comes from `COUNT_CLASS`.
    fn count(&self, end: u8) -> PyResult<usize> {
        let mut level = 0i32;
        let mut n = 0usize;
        // SAFETY: the walk stops at the terminating NUL.
        let mut p = unsafe { self.format.add(self.pos) };
        loop {
            let c = unsafe { *p };
            if c == end || c == 0 {
                if level <= 0 && c == end {
                    return Ok(n);
                }
                if c == 0 {
                    return Err(raise(ExcType::SystemError, "unmatched paren in format"));
                }
            }
            let k = COUNT_CLASS[c as usize];
            n += (level == 0) as usize & (k & COUNTS) as usize;
            level += ((k & OPENS) != 0) as i32 - ((k & CLOSES) != 0) as i32;
            p = unsafe { p.add(1) };
        }
    }

    /// The whole format: None, one value, or a tuple of them.
    pub(crate) unsafe fn build(&mut self) -> PyResult<PyRef> {
        match self.count(0)? {
            0 => Ok(none()),
            1 => self.value(),
            n => self.tuple(0, n),
        }
    }

    /// The `n` top-level values, for calls (CPython's `_Py_VaBuildStack`).
    /// They go into `stack` (built in place: it is large).
    pub(crate) unsafe fn build_stack(&mut self, stack: &mut ArgStack) -> PyResult<()> {
        let n = self.count(0)?;
        stack.reserve(n);
        self.fill(0, n, |_, v| stack.push(v))
    }

    /// The top-level values into `small` (room for `small_len`) or, when there are more, a
    /// new PyMem block; the array and its length. On failure nothing is left allocated.
    pub(crate) unsafe fn build_array(&mut self, small: *mut *mut PyObject, small_len: usize) -> PyResult<(*mut *mut PyObject, usize)> {
        let n = self.count(0)?;
        let array = if n <= small_len {
            small
        } else {
            let p = crate::object::pymem::PyMem_Malloc(n * core::mem::size_of::<*mut PyObject>()) as *mut *mut PyObject;
            if p.is_null() {
                self.ignore(0, n);
                return Err(no_memory());
            }
            p
        };
        let mut built = 0;
        let r = self.fill(0, n, |i, v| {
            *array.add(i) = v.into_ptr();
            built = i + 1;
        });
        if let Err(e) = r {
            for i in 0..built {
                drop(PyRef::from_owned(*array.add(i)));
            }
            if array != small {
                crate::object::pymem::PyMem_Free(array as *mut c_void);
            }
            return Err(e);
        }
        Ok((array, n))
    }

    /// Builds `n` values up to `end` (consumed unless it is the end of the format), handing
    /// each to `store` with its index; after a failure the rest is built and dropped.
    unsafe fn fill(&mut self, end: u8, n: usize, mut store: impl FnMut(usize, PyRef)) -> PyResult<()> {
        for i in 0..n {
            match self.value() {
                Ok(v) => store(i, v),
                Err(e) => {
                    self.ignore(end, n - i - 1);
                    return Err(e);
                }
            }
        }
        self.close(end)
    }

    /// `n` values up to `end`, as a vector.
    unsafe fn items(&mut self, end: u8, n: usize) -> PyResult<Vec<PyRef>> {
        let mut items = Vec::with_capacity(n);
        self.fill(end, n, |_, v| items.push(v))?;
        Ok(items)
    }

    /// Consumes the closing `end`: "Unmatched paren in format" when it is not there.
    fn close(&mut self, end: u8) -> PyResult<()> {
        if self.peek() != end {
            return Err(raise(ExcType::SystemError, "Unmatched paren in format"));
        }
        if end != 0 {
            self.pos += 1;
        }
        Ok(())
    }

    unsafe fn tuple(&mut self, end: u8, n: usize) -> PyResult<PyRef> {
        let t = match tuple::new(n) {
            Ok(t) => t,
            Err(e) => {
                self.ignore(end, n);
                return Err(e);
            }
        };
        // Items not reached stay NULL, which a dropped tuple tolerates.
        self.fill(end, n, |i, v| tuple::init_item(t.as_ptr(), i, v))?;
        Ok(t)
    }

    /// The next `n` values built and dropped with the pending error kept: releases the
    /// references of `N` units and calls the `O&` converters, as CPython does after an error.
    unsafe fn ignore(&mut self, end: u8, n: usize) {
        for _ in 0..n {
            let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
            PyErr_Fetch(&mut t, &mut v, &mut tb);
            let built = self.value();
            PyErr_Restore(t, v, tb);
            drop(built);
        }
        let _ = self.close(end);
    }

    unsafe fn dict(&mut self, end: u8, n: usize) -> PyResult<PyRef> {
        if n % 2 != 0 {
            let err = raise(ExcType::SystemError, "Bad dict format");
            self.ignore(end, n);
            return Err(err);
        }
        let d = match dict::new() {
            Ok(d) => d,
            Err(e) => {
                self.ignore(end, n);
                return Err(e);
            }
        };
        let mut i = 0;
        while i < n {
            let key = match self.value() {
                Ok(k) => k,
                Err(e) => {
                    self.ignore(end, n - i - 1);
                    return Err(e);
                }
            };
            let stored = self.value().and_then(|v| dict::set_item(d.as_ptr(), key.as_ptr(), v.as_ptr()));
            if let Err(e) = stored {
                self.ignore(end, n - i - 2);
                return Err(e);
            }
            i += 2;
        }
        self.close(end)?;
        Ok(d)
    }

    /// One value (CPython's `do_mkvalue`): separators are skipped.
    unsafe fn value(&mut self) -> PyResult<PyRef> {
        loop {
            let c = self.peek();
            // Never past the terminating NUL (a bad format reaches it here).
            self.pos += (c != 0) as usize;
            return match c {
                b'(' => {
                    let n = self.count(b')')?;
                    self.tuple(b')', n)
                }
                b'{' => {
                    let n = self.count(b'}')?;
                    self.dict(b'}', n)
                }
                b'[' => {
                    let n = self.count(b']')?;
                    let items = self.items(b']', n)?;
                    crate::abstract_::build_units::list(items)
                }
                b'b' | b'B' | b'h' | b'i' => crate::abstract_::build_units::long_from_i64(self.va.int()),
                b'l' => crate::abstract_::build_units::long_from_i64(self.va.long()),
                b'L' => crate::abstract_::build_units::long_from_i64(self.va.llong()),
                b'n' => crate::abstract_::build_units::long_from_i64(self.va.ssize() as i64),
                b'H' | b'I' => crate::abstract_::build_units::long_from_u64(self.va.uint()),
                b'k' => crate::abstract_::build_units::long_from_u64(self.va.ulong()),
                b'K' => crate::abstract_::build_units::long_from_u64(self.va.ullong()),
                b'f' | b'd' => crate::abstract_::build_units::float(self.va.double()),
                b'D' => crate::abstract_::build_units::complex(self.ptr::<c_void>()),
                b'c' => {
                    let byte = self.va.int() as u8;
                    crate::abstract_::build_units::bytes(&[byte])
                }
                b'C' => from_ordinal(self.va.int() as c_int),
                b's' | b'z' | b'U' => {
                    let s = self.ptr::<c_char>() as *const c_char;
                    let n = self.length()?;
                    if s.is_null() {
                        return Ok(none());
                    }
                    let bytes = c_bytes(s, n, "string too long for Python string")?;
                    decode_utf8(bytes)
                }
                b'y' => {
                    let s = self.ptr::<c_char>() as *const c_char;
                    let n = self.length()?;
                    if s.is_null() {
                        return Ok(none());
                    }
                    let bytes = c_bytes(s, n, "string too long for Python bytes")?;
                    crate::abstract_::build_units::bytes(bytes)
                }
                b'u' => {
                    let w = self.ptr::<libc::wchar_t>() as *const libc::wchar_t;
                    let n = self.length()?;
                    if w.is_null() {
                        return Ok(none());
                    }
                    let n = if n < 0 { libc::wcslen(w) } else { n as usize };
                    from_wide(core::slice::from_raw_parts(w, n))
                }
                b'N' | b'S' | b'O' => {
                    if self.peek() == b'&' {
                        self.pos += 1;
                        let f: Converter = core::mem::transmute(self.ptr::<c_void>());
                        let data = self.ptr::<c_void>();
                        return PyRef::from_owned(f(data)).ok_or_else(Raised::assume_set);
                    }
                    let op = self.ptr::<PyObject>();
                    if op.is_null() {
                        // A NULL from a failed call passes its error on; a NULL with no error
                        // set is the caller's bug.
                        if PyErr_Occurred().is_null() {
                            return Err(raise(ExcType::SystemError, "NULL object passed to Py_BuildValue"));
                        }
                        return Err(Raised::assume_set());
                    }
                    if c == b'N' {
                        Ok(PyRef::from_owned(op).unwrap_unchecked())
                    } else {
                        Ok(PyRef::from_borrowed(op).unwrap_unchecked())
                    }
                }
                b':' | b',' | b' ' | b'\t' => continue,
                _ => Err(raise_type(&raw mut _PyExc_SystemError, "bad format char passed to Py_BuildValue")),
            };
        }
    }
}

/// `COUNT_CLASS` bits: the byte starts a value (counted at level 0), opens or closes a level.
const COUNTS: u8 = 1;
const OPENS: u8 = 2;
const CLOSES: u8 = 4;

/// What each format byte is to `Builder::count`: separators and the `#`/`&` modifiers are
/// nothing, brackets open or close (an opening one is also a value), anything else is a value.
static COUNT_CLASS: [u8; 256] = {
    let mut t = [COUNTS; 256];
    t[b'(' as usize] = COUNTS | OPENS;
    t[b'[' as usize] = COUNTS | OPENS;
    t[b'{' as usize] = COUNTS | OPENS;
    t[b')' as usize] = CLOSES;
    t[b']' as usize] = CLOSES;
    t[b'}' as usize] = CLOSES;
    t[b'#' as usize] = 0;
    t[b'&' as usize] = 0;
    t[b',' as usize] = 0;
    t[b':' as usize] = 0;
    t[b' ' as usize] = 0;
    t[b'\t' as usize] = 0;
    t[0] = 0;
    t
};

/// Owned call arguments, on the stack when there are few (`PyRef` is a transparent pointer,
/// so the filled part is the argument array).
pub(crate) struct ArgStack {
    inline: [core::mem::MaybeUninit<PyRef>; ArgStack::INLINE],
    heap: Vec<PyRef>,
    len: usize,
}

impl ArgStack {
    const INLINE: usize = 8;

    pub(crate) fn new() -> ArgStack {
        ArgStack { inline: [const { core::mem::MaybeUninit::uninit() }; ArgStack::INLINE], heap: Vec::new(), len: 0 }
    }

    /// Room for `n` arguments (before the first push).
    fn reserve(&mut self, n: usize) {
        if n > ArgStack::INLINE {
            self.heap.reserve_exact(n);
        }
    }

    fn push(&mut self, v: PyRef) {
        if self.heap.capacity() > 0 {
            self.heap.push(v);
        } else if self.len < ArgStack::INLINE {
            self.inline[self.len].write(v);
        } else {
            // Never reached: the capacity comes from counting the format.
            drop(v);
            return;
        }
        self.len += 1;
    }

    /// The arguments.
    pub(crate) fn as_slice(&self) -> &[*mut PyObject] {
        let p = if self.heap.capacity() > 0 { self.heap.as_ptr() } else { self.inline.as_ptr() as *const PyRef };
        // SAFETY: the first `len` entries are initialized `PyRef`s, i.e. object pointers.
        unsafe { core::slice::from_raw_parts(p as *const *mut PyObject, self.len) }
    }
}

impl Drop for ArgStack {
    fn drop(&mut self) {
        if self.heap.capacity() == 0 {
            for v in &mut self.inline[..self.len] {
                // SAFETY: the first `len` inline entries are initialized.
                unsafe { v.assume_init_drop() };
            }
        }
    }
}

/// The bytes of a C string: `n` of them, or up to the NUL when `n` is negative.
unsafe fn c_bytes<'b>(s: *const c_char, n: Py_ssize_t, too_long: &str) -> PyResult<&'b [u8]> {
    if n < 0 {
        let bytes = CStr::from_ptr(s).to_bytes();
        if bytes.len() > isize::MAX as usize {
            return Err(raise_type(&raw mut _PyExc_OverflowError, too_long));
        }
        return Ok(bytes);
    }
    Ok(core::slice::from_raw_parts(s as *const u8, n as usize))
}

/// A str from strict UTF-8 (`PyUnicode_FromStringAndSize`): UnicodeDecodeError with CPython's
/// message on invalid input.
pub(crate) fn decode_utf8(bytes: &[u8]) -> PyResult<PyRef> {
    if bytes.is_ascii() {
        // SAFETY: ASCII is UTF-8 (the common case, without the general validator).
        return pystr::from_utf8(unsafe { core::str::from_utf8_unchecked(bytes) });
    }
    match core::str::from_utf8(bytes) {
        Ok(text) => pystr::from_utf8(text),
        Err(e) => {
            let start = e.valid_up_to();
            let (end, reason) = match e.error_len() {
                None => (bytes.len(), "unexpected end of data"),
                Some(len) => {
                    let b = bytes[start];
                    let reason = if len == 1 && (b < 0xc2 || b > 0xf4) {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    (start + len, reason)
                }
            };
            // TODO(exceptions): CPython's value is a UnicodeDecodeError instance.
            let message = if end - start == 1 {
                format!("'utf-8' codec can't decode byte 0x{:02x} in position {start}: {reason}", bytes[start])
            } else {
                format!("'utf-8' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
            };
            Err(raise(ExcType::UnicodeDecodeError, message))
        }
    }
}

/// `chr(i)` (`PyUnicode_FromOrdinal`).
fn from_ordinal(i: c_int) -> PyResult<PyRef> {
    if !(0..=0x10ffff).contains(&i) {
        return Err(raise_type(&raw mut _PyExc_ValueError, "chr() arg not in range(0x110000)"));
    }
    pystr::from_code_points(&[i as u32])
}

/// A str from `wchar_t` code points (`PyUnicode_FromWideChar`; UCS-4 on Linux).
fn from_wide(w: &[libc::wchar_t]) -> PyResult<PyRef> {
    let mut chars = Vec::with_capacity(w.len());
    for &c in w {
        let c = c as u32;
        if c > 0x10ffff {
            return Err(raise_type(
                &raw mut _PyExc_ValueError,
                format!("character U+{c:x} is not in range [U+0000; U+10ffff]"),
            ));
        }
        chars.push(c);
    }
    pystr::from_code_points(&chars)
}

/// Whether a format is NULL or "".
///
/// # Safety
/// `format` is NULL or a NUL-terminated string.
pub(crate) unsafe fn format_is_empty(format: *const c_char) -> bool {
    format.is_null() || *format == 0
}

/// Called by the shim for `Py_BuildValue` and its spellings.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_build_value(
    format: *const c_char,
    va: *mut c_void,
    size_t_flag: c_int,
) -> *mut PyObject {
    let mut b = Builder::new(format, va, size_t_flag != 0);
    b.build().map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// Called by the shims for `_Py_VaBuildStack(_SizeT)`: the array (`small` or a PyMem
/// block the caller frees) of new references, its length in `*p_nargs`; NULL on failure.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_build_stack(
    small: *mut *mut PyObject,
    small_len: Py_ssize_t,
    format: *const c_char,
    va: *mut c_void,
    size_t_flag: c_int,
    p_nargs: *mut Py_ssize_t,
) -> *mut *mut PyObject {
    let mut b = Builder::new(format, va, size_t_flag != 0);
    match b.build_array(small, small_len.max(0) as usize) {
        Ok((array, n)) => {
            if !p_nargs.is_null() {
                *p_nargs = n as Py_ssize_t;
            }
            array
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// Called by the shim when it cannot allocate its argument array.
#[no_mangle]
pub(crate) extern "C" fn _ferropy_no_memory() -> *mut PyObject {
    let _ = no_memory();
    core::ptr::null_mut()
}
