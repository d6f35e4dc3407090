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

    /// Widens the first code points into `out` (as many as both hold), the kind matched
    /// once rather than per item.
    pub(crate) fn copy_to_u32(&self, out: &mut [u32]) {
        let n = self.len.min(out.len());
        // SAFETY: the data holds `len` units of `kind` bytes.
        unsafe {
            match self.kind {
                1 => out[..n].iter_mut().enumerate().for_each(|(i, o)| *o = *self.data.add(i) as u32),
                2 => out[..n].iter_mut().enumerate().for_each(|(i, o)| *o = (self.data as *const u16).add(i).read_unaligned() as u32),
                _ => core::ptr::copy_nonoverlapping(self.data as *const u32, out.as_mut_ptr(), n),
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
