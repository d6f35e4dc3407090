//! Reading a str's code points by index whatever its kind, for the encoders.
use crate::object::object::PyObject;
use crate::objects::str as pystr;

/// The canonical data of a ready str: kind and code units.
#[derive(Clone, Copy)]
pub(crate) struct StrView {
    data: *const u8,
    kind: usize,
    pub len: usize,
}

impl StrView {
    /// # Safety
    /// `s` is a live, ready str that outlives the view.
    pub(crate) unsafe fn new(s: *mut PyObject) -> StrView {
        StrView { data: pystr::data(s), kind: pystr::kind(s), len: pystr::len(s) }
    }

    /// The code point at `i < len`.
    #[inline(always)]
    pub(crate) fn get(&self, i: usize) -> u32 {
        debug_assert!(i < self.len);
        // SAFETY: `i < len` and the data holds `len` units of `kind` bytes.
        unsafe {
            match self.kind {
                1 => *self.data.add(i) as u32,
                2 => (self.data as *const u16).add(i).read_unaligned() as u32,
                _ => (self.data as *const u32).add(i).read_unaligned(),
            }
        }
    }

    pub(crate) fn kind(&self) -> usize {
        self.kind
    }

    /// The 1-byte units (kind 1 only).
    pub(crate) fn latin1(&self) -> &[u8] {
        debug_assert_eq!(self.kind, 1);
        // SAFETY: a kind-1 string's data is `len` bytes.
        unsafe { core::slice::from_raw_parts(self.data, self.len) }
    }
}
