//! A borrowed view of a str's code units at their kind (`Text`), and `Out`, a builder that
//! collects code points for a new str, for the text-transforming methods (case mapping,
//! padding, translation, formatting). Both keep 1-byte (and pure ASCII) data on fast paths.
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, Py_UCS4};

/// The code units of a str at its kind: str_access.rs's view, with what the text methods
/// add to it below.
pub(crate) use crate::objects::str_access::Units as Text;

impl<'a> Text<'a> {
    /// The code units of `op`.
    ///
    /// # Safety
    /// `op` is a live, ready str that outlives the view.
    #[inline]
    pub(crate) unsafe fn of(op: *mut PyObject) -> Text<'a> {
        crate::objects::str_access::units(op)
    }

    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code points in order.
    #[inline]
    pub(crate) fn chars(self) -> impl DoubleEndedIterator<Item = Py_UCS4> + ExactSizeIterator + Clone + 'a {
        let n = self.len();
        (0..n).map(move |i| self.get(i))
    }

    /// The bytes when every code point is ASCII.
    #[inline]
    pub(crate) fn ascii(&self) -> Option<&'a [u8]> {
        match *self {
            Text::One(s) if s.is_ascii() => Some(s),
            _ => None,
        }
    }

    /// The largest code point (0 for the empty text).
    pub(crate) fn max_char(&self) -> Py_UCS4 {
        match self {
            Text::One(s) => s.iter().copied().max().unwrap_or(0) as Py_UCS4,
            Text::Two(s) => s.iter().copied().max().unwrap_or(0) as Py_UCS4,
            Text::Four(s) => s.iter().copied().max().unwrap_or(0),
        }
    }
}

/// The bytes of `op` when it is an ASCII string (read from its `ascii` flag, no scan).
///
/// # Safety
/// `op` is a live, ready str that outlives the slice.
#[inline]
pub(crate) unsafe fn ascii_data<'a>(op: *mut PyObject) -> Option<&'a [u8]> {
    if (*(op as *mut pystr::PyASCIIObject)).ascii() {
        Some(core::slice::from_raw_parts(pystr::data(op), pystr::len(op)))
    } else {
        None
    }
}

/// A new ASCII str of `n` code units for the caller to fill (the empty string when `n` is
/// 0).
#[inline]
pub(crate) fn new_ascii(n: usize) -> PyResult<PyRef> {
    if n == 0 {
        return pystr::from_utf8("");
    }
    // SAFETY: a fresh string; the caller writes its `n` code units.
    unsafe { pystr::new_compact(n, 0x7f) }
}

/// A new str made from ASCII bytes (no check: the caller guarantees ASCII).
pub(crate) fn ascii_str(bytes: &[u8]) -> PyResult<PyRef> {
    debug_assert!(bytes.is_ascii());
    if bytes.is_empty() {
        return pystr::from_utf8("");
    }
    // SAFETY: room for `bytes.len()` 1-byte code units.
    unsafe {
        let op = pystr::new_compact(bytes.len(), 0x7f)?;
        core::ptr::copy_nonoverlapping(bytes.as_ptr(), pystr::data(op.as_ptr()), bytes.len());
        Ok(op)
    }
}

/// Code points collected for a new str (the widest decides its kind).
pub(crate) struct Out {
    chars: Vec<Py_UCS4>,
    maxchar: Py_UCS4,
}

thread_local! {
    /// Buffers kept between builds, so that formatting a short string allocates only the
    /// result. Builds in progress at once (a format string and its output, a `__format__`
    /// that formats) each take one; when the pool is empty a build makes its own.
    static SPARE: core::cell::RefCell<Vec<Vec<Py_UCS4>>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Buffers above this many code points are not kept, nor more than this many buffers.
const SPARE_MAX: usize = 1 << 16;
const SPARE_COUNT: usize = 4;

impl Out {
    #[inline]
    pub(crate) fn with_capacity(n: usize) -> Out {
        let mut chars = SPARE.with(|s| s.borrow_mut().pop()).unwrap_or_default();
        chars.clear();
        chars.reserve(n);
        Out { chars, maxchar: 0 }
    }

    #[inline]
    pub(crate) fn push(&mut self, c: Py_UCS4) {
        if c > self.maxchar {
            self.maxchar = c;
        }
        self.chars.push(c);
    }

    /// Appends `n` copies of `c`.
    pub(crate) fn push_n(&mut self, c: Py_UCS4, n: usize) {
        if n > 0 {
            self.maxchar = self.maxchar.max(c);
            self.chars.resize(self.chars.len() + n, c);
        }
    }

    /// Appends code points whose largest is at most `max`.
    pub(crate) fn extend_text(&mut self, t: Text<'_>) {
        self.chars.reserve(t.len());
        match t {
            Text::One(s) => self.chars.extend(s.iter().map(|&b| b as Py_UCS4)),
            Text::Two(s) => self.chars.extend(s.iter().map(|&b| b as Py_UCS4)),
            Text::Four(s) => self.chars.extend_from_slice(s),
        }
        self.maxchar = self.maxchar.max(t.max_char());
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push(c as Py_UCS4);
        }
    }

    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The code points collected so far.
    #[inline]
    pub(crate) fn code_points(&self) -> &[Py_UCS4] {
        &self.chars
    }

    /// The new str.
    pub(crate) fn finish(self) -> PyResult<PyRef> {
        from_code_points(&self.chars, self.maxchar)
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        if self.chars.capacity() <= SPARE_MAX {
            let chars = core::mem::take(&mut self.chars);
            // A thread being torn down has no spare slot any more: the buffer is just freed.
            let _ = SPARE.try_with(|s| {
                let mut pool = s.borrow_mut();
                if pool.len() < SPARE_COUNT {
                    pool.push(chars);
                }
            });
        }
    }
}

/// A new str of `chars`, whose largest code point is `maxchar`.
pub(crate) fn from_code_points(chars: &[Py_UCS4], maxchar: Py_UCS4) -> PyResult<PyRef> {
    if chars.len() <= 1 {
        // The empty string and 1-character Latin-1 strings are shared objects.
        return crate::objects::str_access::from_ucs4(chars);
    }
    // SAFETY: the new string has room for every code point at its kind.
    unsafe {
        let op = pystr::new_compact(chars.len(), maxchar)?;
        let d = pystr::data(op.as_ptr());
        match pystr::kind(op.as_ptr()) {
            1 => {
                let d = core::slice::from_raw_parts_mut(d, chars.len());
                for (o, &c) in d.iter_mut().zip(chars) {
                    *o = c as u8;
                }
            }
            2 => {
                let d = core::slice::from_raw_parts_mut(d as *mut u16, chars.len());
                for (o, &c) in d.iter_mut().zip(chars) {
                    *o = c as u16;
                }
            }
            _ => core::ptr::copy_nonoverlapping(chars.as_ptr(), d as *mut u32, chars.len()),
        }
        Ok(op)
    }
}
