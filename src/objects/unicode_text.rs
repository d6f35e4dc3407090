//! A borrowed view of a str's code units at their kind (`Text`), and `Out`, a builder that
//! collects code points for a new str, for the text-transforming methods (case mapping,
//! padding, translation, formatting). Both keep 1-byte (and pure ASCII) data on fast paths.
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, Py_UCS4};

/// The code units of a str, at its kind.
#[derive(Clone, Copy)]
pub(crate) enum Text<'a> {
    One(&'a [u8]),
    Two(&'a [u16]),
    Four(&'a [u32]),
}

impl<'a> Text<'a> {
    /// The code units of `op`.
    ///
    /// # Safety
    /// `op` is a live, ready str that outlives the view.
    #[inline]
    pub(crate) unsafe fn of(op: *mut PyObject) -> Text<'a> {
        let n = pystr::len(op);
        let d = pystr::data(op);
        // The data of a str is aligned for its kind (it follows an 8-aligned header or is a
        // separate allocation).
        match pystr::kind(op) {
            1 => Text::One(core::slice::from_raw_parts(d, n)),
            2 => Text::Two(core::slice::from_raw_parts(d as *const u16, n)),
            _ => Text::Four(core::slice::from_raw_parts(d as *const u32, n)),
        }
    }

    #[inline]
    pub(crate) fn len(&self) -> usize {
        match self {
            Text::One(s) => s.len(),
            Text::Two(s) => s.len(),
            Text::Four(s) => s.len(),
        }
    }

    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code point at `i` (`i < len`).
    #[inline]
    pub(crate) fn at(&self, i: usize) -> Py_UCS4 {
        match self {
            Text::One(s) => s[i] as Py_UCS4,
            Text::Two(s) => s[i] as Py_UCS4,
            Text::Four(s) => s[i],
        }
    }

    /// The code points in order.
    #[inline]
    pub(crate) fn chars(self) -> impl DoubleEndedIterator<Item = Py_UCS4> + ExactSizeIterator + Clone + 'a {
        let n = self.len();
        (0..n).map(move |i| self.at(i))
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

impl Out {
    #[inline]
    pub(crate) fn with_capacity(n: usize) -> Out {
        Out { chars: Vec::with_capacity(n), maxchar: 0 }
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

    /// The new str.
    pub(crate) fn finish(self) -> PyResult<PyRef> {
        from_code_points(&self.chars, self.maxchar)
    }
}

/// A new str of `chars`, whose largest code point is `maxchar`.
pub(crate) fn from_code_points(chars: &[Py_UCS4], maxchar: Py_UCS4) -> PyResult<PyRef> {
    if chars.is_empty() {
        return pystr::from_utf8("");
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
