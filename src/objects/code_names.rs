//! The interned strings of one code tree while it becomes code objects. A module's code
//! units name the same things over and over (`self`, its globals, attribute names: about
//! ten names per unit, most of them repeats), and each interning hashes the text with
//! SipHash and probes the process-wide interned table, which is large and cold in the
//! cache. This memo answers repeats from a small table under a cheap hash.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::errors::raised::PyResult;
use crate::object::ptr::PyRef;
use crate::objects::str as pystr;

/// FNV-1a: names are short, and the memo only needs to spread them.
#[derive(Default)]
struct NameHasher(u64);

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Interned ASCII strings by their text. Each key is the bytes of the string the memo holds
/// a reference to (as its value), so it lives as long as its entry.
#[derive(Default)]
pub(crate) struct NameMemo {
    map: HashMap<&'static [u8], PyRef, BuildHasherDefault<NameHasher>>,
}

impl NameMemo {
    /// The interned str equal to `text` (a new reference).
    pub(crate) fn intern(&mut self, text: &str) -> PyResult<PyRef> {
        if let Some(s) = self.map.get(text.as_bytes()) {
            return Ok(s.clone());
        }
        let s = pystr::intern(text)?;
        // SAFETY: `s` is a live str; only ASCII ones are keyed (their bytes are the text).
        unsafe {
            if (*(s.as_ptr() as *mut pystr::PyASCIIObject)).ascii() {
                let key: &'static [u8] = core::slice::from_raw_parts(pystr::data_bytes(s.as_ptr()).as_ptr(), text.len());
                self.map.insert(key, s.clone());
            }
        }
        Ok(s)
    }
}
