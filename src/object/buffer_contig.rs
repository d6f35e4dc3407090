//! The buffer protocol's layout helpers: contiguity tests, element addressing, copying a
//! (possibly strided, possibly PIL-style indirect) view to and from contiguous memory, and
//! the struct-format item size. memoryview builds on the same walkers.
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::abstract_::type_error;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::buffer::{Py_buffer, PyBUF_FULL, PyBUF_FULL_RO};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::bytes_buffer::{PyBuffer_Release, PyObject_CheckBuffer, PyObject_GetBuffer};
use crate::pyport::Py_ssize_t;

/// A view's shape and strides, inline up to 8 dimensions (memoryview's hot paths read
/// layouts without allocating); more go to the heap.
#[derive(Clone)]
pub(crate) struct Dims {
    pub n: usize,
    inline: [Py_ssize_t; 16],
    heap: Vec<Py_ssize_t>,
}

impl Dims {
    /// The shape and strides of `v` (C-contiguous strides when it gives none; a 1-D view
    /// without shape has `len / itemsize` items).
    pub(crate) unsafe fn of(v: &Py_buffer) -> Dims {
        let n = v.ndim.max(0) as usize;
        let mut d = Dims { n, inline: [0; 16], heap: Vec::new() };
        if n > 8 {
            d.heap = vec![0; 2 * n];
        }
        if n == 0 {
            return d;
        }
        if n == 1 {
            // The common case, without the calls a slice copy makes.
            d.inline[0] = if v.shape.is_null() { v.len / v.itemsize.max(1) } else { *v.shape };
            d.inline[1] = if v.strides.is_null() { v.itemsize } else { *v.strides };
            return d;
        }
        if v.shape.is_null() {
            d.shape_mut()[0] = v.len / v.itemsize.max(1);
        } else {
            d.shape_mut().copy_from_slice(core::slice::from_raw_parts(v.shape, n));
        }
        if v.strides.is_null() {
            let mut sd = v.itemsize;
            for i in (0..n).rev() {
                d.strides_mut()[i] = sd;
                sd *= d.shape()[i];
            }
        } else {
            d.strides_mut().copy_from_slice(core::slice::from_raw_parts(v.strides, n));
        }
        d
    }

    fn store(&self) -> &[Py_ssize_t] {
        if self.n > 8 { &self.heap } else { &self.inline[..2 * self.n] }
    }

    fn store_mut(&mut self) -> &mut [Py_ssize_t] {
        if self.n > 8 { &mut self.heap } else { &mut self.inline[..2 * self.n] }
    }

    pub(crate) fn shape(&self) -> &[Py_ssize_t] {
        &self.store()[..self.n]
    }

    pub(crate) fn strides(&self) -> &[Py_ssize_t] {
        &self.store()[self.n..]
    }

    pub(crate) fn shape_mut(&mut self) -> &mut [Py_ssize_t] {
        let n = self.n;
        &mut self.store_mut()[..n]
    }

    pub(crate) fn strides_mut(&mut self) -> &mut [Py_ssize_t] {
        let n = self.n;
        &mut self.store_mut()[n..]
    }
}

/// The view's shape as a slice (a 1-D view without shape is `[len / itemsize]`).
pub(crate) unsafe fn shape_of(v: &Py_buffer) -> Vec<Py_ssize_t> {
    if v.ndim <= 0 {
        return Vec::new();
    }
    if v.shape.is_null() {
        return vec![v.len / v.itemsize.max(1)];
    }
    core::slice::from_raw_parts(v.shape, v.ndim as usize).to_vec()
}

/// The view's strides (C-contiguous ones when the exporter gave none).
pub(crate) unsafe fn strides_of(v: &Py_buffer) -> Vec<Py_ssize_t> {
    let shape = shape_of(v);
    if !v.strides.is_null() && v.ndim > 0 {
        return core::slice::from_raw_parts(v.strides, v.ndim as usize).to_vec();
    }
    contiguous_strides(&shape, v.itemsize, b'C')
}

/// Strides of a contiguous array of `shape` (Fortran order for `F`, C order otherwise).
pub(crate) fn contiguous_strides(shape: &[Py_ssize_t], itemsize: Py_ssize_t, order: u8) -> Vec<Py_ssize_t> {
    let mut strides = vec![0; shape.len()];
    let mut sd = itemsize;
    if order == b'F' {
        for i in 0..shape.len() {
            strides[i] = sd;
            sd *= shape[i];
        }
    } else {
        for i in (0..shape.len()).rev() {
            strides[i] = sd;
            sd *= shape[i];
        }
    }
    strides
}

unsafe fn suboffsets_of(v: &Py_buffer) -> Option<&[Py_ssize_t]> {
    if v.suboffsets.is_null() || v.ndim <= 0 {
        None
    } else {
        Some(core::slice::from_raw_parts(v.suboffsets, v.ndim as usize))
    }
}

/// Whether `v` is contiguous in `order` (`C`, `F` or `A`: either).
pub(crate) unsafe fn is_contiguous(v: &Py_buffer, order: u8) -> bool {
    // Any suboffsets, even all negative, make a view non-contiguous (as CPython says;
    // exporters such as _testbuffer check their flags against this).
    if !v.suboffsets.is_null() {
        return false;
    }
    let c = || layout_is(v, b'C');
    let f = || layout_is(v, b'F');
    match order {
        b'C' => c(),
        b'F' => f(),
        b'A' => c() || f(),
        _ => false,
    }
}

unsafe fn layout_is(v: &Py_buffer, order: u8) -> bool {
    if v.len == 0 {
        return true;
    }
    if v.strides.is_null() {
        // No strides: C-contiguous by definition; Fortran too when at most one dimension
        // has more than one item.
        return order == b'C' || v.ndim <= 1 || Dims::of(v).shape().iter().filter(|&&n| n > 1).count() <= 1;
    }
    let d = Dims::of(v);
    let mut sd = v.itemsize;
    for k in 0..d.n {
        let i = if order == b'F' { k } else { d.n - 1 - k };
        if d.shape()[i] > 1 && d.strides()[i] != sd {
            return false;
        }
        sd *= d.shape()[i];
    }
    true
}

/// The address of the element at `index` (one index per dimension).
pub(crate) unsafe fn element_ptr(v: &Py_buffer, index: &[Py_ssize_t], strides: &[Py_ssize_t]) -> *mut u8 {
    let sub = suboffsets_of(v);
    let mut p = v.buf as *mut u8;
    for (d, &i) in index.iter().enumerate() {
        p = p.offset(strides[d] * i);
        if let Some(sub) = sub {
            if sub[d] >= 0 {
                p = (*(p as *mut *mut u8)).offset(sub[d]);
            }
        }
    }
    p
}

/// Calls `f` with the address of every element of `v`, in C order (last index fastest) or
/// Fortran order (`F`).
pub(crate) unsafe fn for_each_element(v: &Py_buffer, order: u8, mut f: impl FnMut(*mut u8)) {
    if v.ndim == 0 {
        f(v.buf as *mut u8);
        return;
    }
    let shape = shape_of(v);
    if shape.iter().any(|&n| n <= 0) {
        return;
    }
    let strides = strides_of(v);
    let n = shape.len();
    let mut index = vec![0 as Py_ssize_t; n];
    loop {
        f(element_ptr(v, &index, &strides));
        // Advance the multi-index like an odometer.
        let mut d = 0;
        loop {
            if d == n {
                return;
            }
            let k = if order == b'F' { d } else { n - 1 - d };
            index[k] += 1;
            if index[k] < shape[k] {
                break;
            }
            index[k] = 0;
            d += 1;
        }
    }
}

/// The bytes of `v` laid out contiguously in `order` (`A` counts as C here).
pub(crate) unsafe fn to_contiguous_vec(v: &Py_buffer, order: u8) -> Vec<u8> {
    let item = v.itemsize.max(0) as usize;
    if is_contiguous(v, if order == b'F' { b'F' } else { b'C' }) || (order == b'A' && is_contiguous(v, b'A')) {
        return core::slice::from_raw_parts(v.buf as *const u8, v.len as usize).to_vec();
    }
    let mut out = Vec::with_capacity(v.len as usize);
    for_each_element(v, order, |p| out.extend_from_slice(core::slice::from_raw_parts(p, item)));
    out
}

fn order_ok(order: c_char) -> Option<u8> {
    let o = order as u8;
    matches!(o, b'C' | b'F' | b'A').then_some(o)
}

/// `int PyBuffer_IsContiguous(const Py_buffer *view, char order)`.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_IsContiguous(view: *const Py_buffer, order: c_char) -> c_int {
    is_contiguous(&*view, order as u8) as c_int
}

/// `void *PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices)`.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_GetPointer(view: *const Py_buffer, indices: *const Py_ssize_t) -> *mut c_void {
    let v = &*view;
    let n = v.ndim.max(0) as usize;
    let index = if n == 0 { &[][..] } else { core::slice::from_raw_parts(indices, n) };
    element_ptr(v, index, &strides_of(v)) as *mut c_void
}

/// `void PyBuffer_FillContiguousStrides(int ndims, Py_ssize_t *shape, Py_ssize_t *strides,
/// int itemsize, char order)`.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FillContiguousStrides(ndims: c_int, shape: *mut Py_ssize_t, strides: *mut Py_ssize_t,
                                                        itemsize: c_int, order: c_char) {
    if ndims <= 0 {
        return;
    }
    let shape = core::slice::from_raw_parts(shape, ndims as usize);
    let s = contiguous_strides(shape, itemsize as Py_ssize_t, order as u8);
    core::ptr::copy_nonoverlapping(s.as_ptr(), strides, s.len());
}

/// `int PyBuffer_ToContiguous(void *buf, const Py_buffer *src, Py_ssize_t len, char order)`.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_ToContiguous(buf: *mut c_void, src: *const Py_buffer, len: Py_ssize_t, order: c_char) -> c_int {
    let v = &*src;
    let Some(order) = order_ok(order) else {
        let _ = raise_type(&raw mut exc::_PyExc_ValueError, "PyBuffer_ToContiguous: order must be 'C', 'F' or 'A'");
        return -1;
    };
    if len != v.len {
        let _ = raise_type(&raw mut exc::_PyExc_ValueError, "PyBuffer_ToContiguous: len != view->len");
        return -1;
    }
    let data = to_contiguous_vec(v, order);
    core::ptr::copy_nonoverlapping(data.as_ptr(), buf as *mut u8, data.len());
    0
}

/// `int PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len,
/// char order)`: fills `view` from contiguous `buf` (at most `view->len` bytes).
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FromContiguous(view: *const Py_buffer, buf: *const c_void, len: Py_ssize_t, order: c_char) -> c_int {
    let v = &*view;
    let Some(order) = order_ok(order) else {
        let _ = raise_type(&raw mut exc::_PyExc_ValueError, "PyBuffer_FromContiguous: order must be 'C', 'F' or 'A'");
        return -1;
    };
    let len = len.min(v.len).max(0) as usize;
    let item = v.itemsize.max(1) as usize;
    let mut at = 0usize;
    let src = buf as *const u8;
    for_each_element(v, if order == b'F' { b'F' } else { b'C' }, |p| {
        if at + item <= len {
            core::ptr::copy_nonoverlapping(src.add(at), p, item);
            at += item;
        }
    });
    0
}

/// `int PyObject_CopyData(PyObject *dest, PyObject *src)`: copies the items of `src` into
/// `dest`, both walked in C order.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_CopyData(dest: *mut PyObject, src: *mut PyObject) -> c_int {
    if PyObject_CheckBuffer(dest) == 0 || PyObject_CheckBuffer(src) == 0 {
        let _ = type_error("both destination and source must be bytes-like objects");
        return -1;
    }
    let mut vd: Py_buffer = core::mem::zeroed();
    let mut vs: Py_buffer = core::mem::zeroed();
    if PyObject_GetBuffer(dest, &mut vd, PyBUF_FULL) != 0 {
        return -1;
    }
    if PyObject_GetBuffer(src, &mut vs, PyBUF_FULL_RO) != 0 {
        PyBuffer_Release(&mut vd);
        return -1;
    }
    let r = if vd.len < vs.len {
        let _ = raise_type(&raw mut exc::_PyExc_BufferError, "destination is too small to receive data from source");
        -1
    } else {
        let item = vd.itemsize.max(1) as usize;
        let mut targets = Vec::new();
        for_each_element(&vd, b'C', |p| targets.push(p));
        let mut k = 0;
        let count = (vs.len / vs.itemsize.max(1)) as usize;
        for_each_element(&vs, b'C', |p| {
            if k < count && k < targets.len() {
                core::ptr::copy(p, targets[k], item);
            }
            k += 1;
        });
        0
    };
    PyBuffer_Release(&mut vs);
    PyBuffer_Release(&mut vd);
    r
}

/// The size of one item of a struct format holding native single-character codes (with
/// an optional byte-order prefix and repeat counts); None for anything else.
pub(crate) fn format_size(format: &[u8]) -> Option<usize> {
    let (native, body) = match format.first() {
        Some(b'@') => (true, &format[1..]),
        Some(b'=' | b'<' | b'>' | b'!') => (false, &format[1..]),
        _ => (true, format),
    };
    let mut size = 0usize;
    let mut count: Option<usize> = None;
    for &c in body {
        if c.is_ascii_digit() {
            count = Some(count.unwrap_or(0).checked_mul(10)?.checked_add((c - b'0') as usize)?);
            continue;
        }
        if c.is_ascii_whitespace() && count.is_none() {
            continue;
        }
        let (sz, align) = code_size(c, native)?;
        if native && align > 1 {
            size = size.div_ceil(align) * align;
        }
        size = size.checked_add(sz.checked_mul(count.take().unwrap_or(1))?)?;
    }
    if count.is_some() {
        return None;
    }
    Some(size)
}

/// (size, alignment) of one struct code, native or standard sizes.
fn code_size(c: u8, native: bool) -> Option<(usize, usize)> {
    let n = |s: usize| Some((s, s));
    match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => Some((1, 1)),
        b'h' | b'H' | b'e' => n(2),
        b'i' | b'I' | b'f' => n(4),
        b'l' | b'L' => n(if native { 8 } else { 4 }),
        b'q' | b'Q' | b'd' => n(8),
        b'n' | b'N' | b'P' if native => n(8),
        _ => None,
    }
}

/// `Py_ssize_t PyBuffer_SizeFromFormat(const char *format)`: what `struct.calcsize`
/// answers. There is no `struct` module yet: a format this does not understand raises
/// ValueError where CPython raises `struct.error`.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_SizeFromFormat(format: *const c_char) -> Py_ssize_t {
    if format.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    match format_size(CStr::from_ptr(format).to_bytes()) {
        Some(n) => n as Py_ssize_t,
        None => {
            let _ = raise_type(&raw mut exc::_PyExc_ValueError, "bad char in struct format");
            -1
        }
    }
}

/// A buffer view of `o` with `flags`, released when dropped. Boxed: exporters may point
/// `shape`/`strides` into the struct itself (`PyBuffer_FillInfo` does), so it must not move.
pub(crate) struct View(pub Box<Py_buffer>);

impl View {
    pub(crate) unsafe fn get(o: *mut PyObject, flags: c_int) -> PyResult<View> {
        let mut v: Box<Py_buffer> = Box::new(core::mem::zeroed());
        if PyObject_GetBuffer(o, &mut *v, flags) != 0 {
            return Err(Raised::assume_set());
        }
        Ok(View(v))
    }
}

impl Drop for View {
    fn drop(&mut self) {
        // SAFETY: the view was filled by a successful PyObject_GetBuffer.
        unsafe { PyBuffer_Release(&mut *self.0) }
    }
}
