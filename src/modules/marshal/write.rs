//! Writing objects in CPython's marshal format (versions 0 to 4): the same bytes as
//! CPython for the same values, including the reference flags of version 3+ (an object
//! seen twice is written once, then as a reference; objects with a single reference are
//! never flagged, as in CPython). Code objects are ferropy's own (`TYPE_FERROPY_CODE`).
use std::collections::HashMap;

use crate::abstract_::none;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::{complex, dict, float, int, list, set, str as pystr, tuple};

use super::types::*;

const MAX_DEPTH: usize = 2000;

pub(crate) struct Writer {
    pub out: Vec<u8>,
    version: i32,
    refs: HashMap<usize, u32>,
    depth: usize,
}

impl Writer {
    pub(crate) fn new(version: i32) -> Writer {
        Writer { out: Vec::new(), version, refs: HashMap::new(), depth: 0 }
    }

    fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn sized(&mut self, data: &[u8]) {
        self.u32(data.len() as u32);
        self.out.extend_from_slice(data);
    }

    /// Writes `code` for `op`, or a reference when `op` was written before (version 3+).
    /// Returns false when a reference was written.
    unsafe fn head(&mut self, op: *mut PyObject, code: u8) -> bool {
        if self.version < 3 || (*op).ob_refcnt == 1 {
            self.out.push(code);
            return true;
        }
        let key = op as usize;
        if let Some(&index) = self.refs.get(&key) {
            self.out.push(TYPE_REF);
            self.u32(index);
            return false;
        }
        let index = self.refs.len() as u32;
        self.refs.insert(key, index);
        self.out.push(code | FLAG_REF);
        true
    }

    pub(crate) unsafe fn object(&mut self, op: *mut PyObject) -> PyResult<()> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(raise_type(&raw mut exc::_PyExc_ValueError, "object too deeply nested to marshal"))
        } else {
            self.object_inner(op)
        };
        self.depth -= 1;
        r
    }

    unsafe fn object_inner(&mut self, op: *mut PyObject) -> PyResult<()> {
        let tp = (*op).ob_type;
        if op == none() {
            self.out.push(TYPE_NONE);
        } else if op == &raw mut exc::_PyExc_StopIteration as *mut PyObject {
            self.out.push(TYPE_STOPITER);
        } else if op == &raw mut crate::objects::singletons::_Py_EllipsisObject {
            self.out.push(TYPE_ELLIPSIS);
        } else if op == crate::objects::bool::false_() {
            self.out.push(TYPE_FALSE);
        } else if op == crate::objects::bool::true_() {
            self.out.push(TYPE_TRUE);
        } else if int::is_exact_int(op) {
            self.int(op);
        } else if tp == float::float_type() {
            self.float(op);
        } else if tp == complex::complex_type() {
            self.complex(op);
        } else if tp == &raw mut crate::objects::str::PyUnicode_Type {
            self.str(op)?;
        } else if tuple::is_exact(op) {
            let items = tuple::items(op);
            if self.version >= 4 && items.len() < 256 {
                if self.head(op, TYPE_SMALL_TUPLE) {
                    self.out.push(items.len() as u8);
                    self.all(items)?;
                }
            } else if self.head(op, TYPE_TUPLE) {
                self.u32(items.len() as u32);
                self.all(items)?;
            }
        } else if list::is_exact(op) {
            if self.head(op, TYPE_LIST) {
                let items: Vec<_> = list::items(op).to_vec();
                self.u32(items.len() as u32);
                self.all(&items)?;
            }
        } else if dict::is_exact(op) {
            if self.head(op, TYPE_DICT) {
                let mut pos = 0;
                while let Some((k, v, _)) = dict::next_entry(op, &mut pos) {
                    self.object(k)?;
                    self.object(v)?;
                }
                self.out.push(TYPE_NULL);
            }
        } else if tp == &raw mut crate::objects::set::PySet_Type || tp == &raw mut crate::objects::set::PyFrozenSet_Type {
            let code = if set::is_frozenset(op) { TYPE_FROZENSET } else { TYPE_SET };
            if self.head(op, code) {
                let items: Vec<_> = set::elements(op).into_iter().map(|(k, _)| k).collect();
                self.u32(items.len() as u32);
                self.all(&items)?;
            }
        } else if crate::objects::code_type::is_code(op) {
            if self.head(op, TYPE_FERROPY_CODE) {
                let unit = crate::objects::code_unit_full::full_unit(op as *mut crate::objects::code::PyCodeObject)?;
                let payload = ferropy_compiler::code_cache::write(&unit);
                self.sized(unit.filename.as_bytes());
                self.sized(&payload);
            }
        } else if crate::objects::bytes_buffer::PyObject_CheckBuffer(op) != 0 {
            if self.head(op, TYPE_STRING) {
                let data = crate::modules::bytes_arg::read(op)?;
                self.sized(data.as_slice());
            }
        } else {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "unmarshallable object"));
        }
        Ok(())
    }

    unsafe fn all(&mut self, items: &[*mut PyObject]) -> PyResult<()> {
        for &item in items {
            self.object(item)?;
        }
        Ok(())
    }

    unsafe fn int(&mut self, op: *mut PyObject) {
        if let Some(v) = crate::objects::long_convert::int_to_i128(op).and_then(|v| i32::try_from(v).ok()) {
            if self.head(op, TYPE_INT) {
                self.out.extend_from_slice(&v.to_le_bytes());
            }
            return;
        }
        if !self.head(op, TYPE_LONG) {
            return;
        }
        // 15-bit digits, least significant first; the count is negative for negative ints.
        let mut digits15: Vec<u16> = Vec::new();
        for &d in int::digits(op) {
            digits15.push((d & 0x7fff) as u16);
            digits15.push((d >> 15) as u16);
        }
        while digits15.last() == Some(&0) {
            digits15.pop();
        }
        let n = digits15.len() as i32;
        let n = if int::size_of(op) < 0 { -n } else { n };
        self.out.extend_from_slice(&n.to_le_bytes());
        for d in digits15 {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    unsafe fn float(&mut self, op: *mut PyObject) {
        let v = float::value(op);
        if self.version > 1 {
            if self.head(op, TYPE_BINARY_FLOAT) {
                self.out.extend_from_slice(&v.to_le_bytes());
            }
        } else if self.head(op, TYPE_FLOAT) {
            self.float_text(v);
        }
    }

    /// Versions 0 and 1: the `%.17g` text with a one-byte length.
    unsafe fn float_text(&mut self, v: f64) {
        let p = crate::runtime::strtod::PyOS_double_to_string(v, b'g' as core::ffi::c_char, 17, 0, core::ptr::null_mut());
        let text = core::ffi::CStr::from_ptr(p).to_bytes().to_vec();
        crate::object::pymem::PyMem_Free(p.cast());
        self.out.push(text.len() as u8);
        self.out.extend_from_slice(&text);
    }

    unsafe fn complex(&mut self, op: *mut PyObject) {
        let c = complex::cval(op);
        if self.version > 1 {
            if self.head(op, TYPE_BINARY_COMPLEX) {
                self.out.extend_from_slice(&c.real.to_le_bytes());
                self.out.extend_from_slice(&c.imag.to_le_bytes());
            }
        } else if self.head(op, TYPE_COMPLEX) {
            self.float_text(c.real);
            self.float_text(c.imag);
        }
    }

    unsafe fn str(&mut self, op: *mut PyObject) -> PyResult<()> {
        let interned = (*(op as *mut pystr::PyASCIIObject)).interned() != 0;
        let n = pystr::len(op);
        let ascii = (0..n).all(|i| pystr::read_char(op, i) < 0x80);
        if self.version >= 4 && ascii {
            let text = pystr::to_string(op);
            if n < 256 {
                if self.head(op, if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII }) {
                    self.out.push(n as u8);
                    self.out.extend_from_slice(text.as_bytes());
                }
            } else if self.head(op, if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII }) {
                self.sized(text.as_bytes());
            }
            return Ok(());
        }
        let code = if self.version >= 3 && interned { TYPE_INTERNED } else { TYPE_UNICODE };
        if self.head(op, code) {
            // UTF-8 with surrogates encoded as any other code point ("surrogatepass").
            let mut utf8 = Vec::with_capacity(n);
            for i in 0..n {
                let c = pystr::read_char(op, i);
                match c {
                    0..=0x7f => utf8.push(c as u8),
                    0x80..=0x7ff => utf8.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]),
                    0x800..=0xffff => utf8.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | (c >> 6 & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]),
                    _ => utf8.extend_from_slice(&[0xf0 | (c >> 18) as u8, 0x80 | (c >> 12 & 0x3f) as u8, 0x80 | (c >> 6 & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]),
                }
            }
            self.sized(&utf8);
        }
        Ok(())
    }
}
