//! Reading the marshal format: every CPython type code (CPython code objects excepted:
//! "bad marshal data") and ferropy's own code objects, with references, from bytes or
//! from a file's `read`. Damaged data is EOFError/ValueError/TypeError as in CPython.
use crate::abstract_::new_ref;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, complex, dict, float, int, list, set, tuple};

use super::types::*;

const MAX_DEPTH: usize = 2000;

/// Where marshal data comes from.
pub(crate) trait Source {
    /// Up to `n` bytes (fewer only at the end of the data).
    unsafe fn take(&mut self, n: usize) -> PyResult<Vec<u8>>;

    /// The EOFError message when the data ends inside an object: CPython words it one way
    /// for bytes in memory and another for files.
    fn short_message(&self) -> &'static str {
        "EOF read where not expected"
    }
}

pub(crate) struct SliceSource<'a> {
    pub data: &'a [u8],
    pub pos: usize,
}

impl Source for SliceSource<'_> {
    fn short_message(&self) -> &'static str {
        "marshal data too short"
    }

    unsafe fn take(&mut self, n: usize) -> PyResult<Vec<u8>> {
        let end = self.pos.saturating_add(n).min(self.data.len());
        let out = self.data[self.pos..end].to_vec();
        self.pos = end;
        Ok(out)
    }
}

/// A file object read through its `read(n)` method.
pub(crate) struct FileSource(pub *mut PyObject);

impl Source for FileSource {
    unsafe fn take(&mut self, n: usize) -> PyResult<Vec<u8>> {
        let name = crate::objects::str::intern("read")?;
        let count = int::from_i64(n as i64)?;
        let args = [self.0, count.as_ptr()];
        let r = crate::modules::owned(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), args.as_ptr(), 2, core::ptr::null_mut()))?;
        if !bytes::is_bytes(r.as_ptr()) {
            return Err(crate::abstract_::type_error(format!("file.read() returned not bytes but {}", crate::abstract_::tp_name(r.as_ptr()))));
        }
        Ok(bytes::as_slice(r.as_ptr()).to_vec())
    }
}

fn bad(what: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, format!("bad marshal data ({what})"))
}

fn eof() -> Raised {
    raise_type(&raw mut exc::_PyExc_EOFError, "EOF read where object expected")
}

pub(crate) struct Reader<S: Source> {
    pub src: S,
    /// Objects flagged for reference, in order (None: reserved, not yet made).
    refs: Vec<Option<PyRef>>,
    depth: usize,
}

impl<S: Source> Reader<S> {
    /// The next `n` bytes, or EOFError.
    pub(crate) unsafe fn exact(&mut self, n: usize) -> PyResult<Vec<u8>> {
        self.bytes(n)
    }

    pub(crate) fn new(src: S) -> Reader<S> {
        Reader { src, refs: Vec::new(), depth: 0 }
    }

    unsafe fn bytes(&mut self, n: usize) -> PyResult<Vec<u8>> {
        let b = self.src.take(n)?;
        if b.len() < n {
            return Err(raise_type(&raw mut exc::_PyExc_EOFError, self.src.short_message()));
        }
        Ok(b)
    }

    unsafe fn byte(&mut self) -> PyResult<u8> {
        Ok(self.bytes(1)?[0])
    }

    unsafe fn i32(&mut self) -> PyResult<i32> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    unsafe fn f64(&mut self) -> PyResult<f64> {
        let b = self.bytes(8)?;
        Ok(f64::from_le_bytes(b.try_into().unwrap()))
    }

    /// A size field: non-negative, else "bad marshal data (WHAT size out of range)".
    unsafe fn size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.i32()?;
        if n < 0 {
            return Err(bad(&format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    unsafe fn float_text(&mut self) -> PyResult<f64> {
        let n = self.byte()? as usize;
        let text = self.bytes(n)?;
        let s = String::from_utf8_lossy(&text).into_owned();
        let f = crate::modules::owned(crate::objects::float_new::PyFloat_FromString(crate::objects::str::from_utf8(&s)?.as_ptr()))?;
        Ok(float::value(f.as_ptr()))
    }

    /// Registers `v` for later references when `flagged`.
    fn keep(&mut self, v: &PyRef, flagged: bool) {
        if flagged {
            self.refs.push(Some(v.clone()));
        }
    }

    /// The next object; None for the NULL marker.
    pub(crate) unsafe fn object(&mut self) -> PyResult<Option<PyRef>> {
        let first = self.src.take(1)?;
        let Some(&code) = first.first() else { return Err(eof()) };
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(raise_type(&raw mut exc::_PyExc_ValueError, "recursion limit exceeded"))
        } else {
            self.object_of(code & !FLAG_REF, code & FLAG_REF != 0)
        };
        self.depth -= 1;
        r
    }

    unsafe fn item(&mut self, container: &str) -> PyResult<PyRef> {
        self.object()?.ok_or_else(|| crate::abstract_::type_error(format!("NULL object in marshal data for {container}")))
    }

    unsafe fn object_of(&mut self, code: u8, flagged: bool) -> PyResult<Option<PyRef>> {
        let v = match code {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => new_ref(crate::abstract_::none()),
            TYPE_STOPITER => new_ref(&raw mut exc::_PyExc_StopIteration as *mut PyObject),
            TYPE_ELLIPSIS => new_ref(&raw mut crate::objects::singletons::_Py_EllipsisObject),
            TYPE_FALSE => new_ref(crate::objects::bool::false_()),
            TYPE_TRUE => new_ref(crate::objects::bool::true_()),
            TYPE_INT => int::from_i64(self.i32()? as i64)?,
            TYPE_INT64 => {
                let b = self.bytes(8)?;
                int::from_i64(i64::from_le_bytes(b.try_into().unwrap()))?
            }
            TYPE_LONG => self.long()?,
            TYPE_FLOAT => float::new(self.float_text()?)?,
            TYPE_BINARY_FLOAT => float::new(self.f64()?)?,
            TYPE_COMPLEX => {
                let (real, imag) = (self.float_text()?, self.float_text()?);
                complex::new(complex::Py_complex { real, imag })?
            }
            TYPE_BINARY_COMPLEX => {
                let (real, imag) = (self.f64()?, self.f64()?);
                complex::new(complex::Py_complex { real, imag })?
            }
            TYPE_STRING => {
                let n = self.size("bytes object")?;
                bytes::from_slice(&self.bytes(n)?)?
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = if matches!(code, TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED) { self.byte()? as usize } else { self.size("string")? };
                let data = self.bytes(n)?;
                let chars: Vec<u32> = data.iter().map(|&b| b as u32).collect();
                let s = crate::objects::str::from_code_points(&chars)?;
                if matches!(code, TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII_INTERNED) { intern(s) } else { s }
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size("string")?;
                let data = self.bytes(n)?;
                let s = crate::modules::owned(crate::codecs::utf8::PyUnicode_DecodeUTF8(data.as_ptr().cast(), n as isize, c"surrogatepass".as_ptr()))?;
                if code == TYPE_INTERNED { intern(s) } else { s }
            }
            TYPE_SMALL_TUPLE | TYPE_TUPLE => {
                let n = if code == TYPE_SMALL_TUPLE { self.byte()? as usize } else { self.size("tuple")? };
                let t = tuple::new(n)?;
                self.keep(&t, flagged);
                for i in 0..n {
                    let item = self.item("tuple")?;
                    tuple::init_item(t.as_ptr(), i, item);
                }
                return Ok(Some(t));
            }
            TYPE_LIST => {
                let n = self.size("list")?;
                let l = list::new(0)?;
                self.keep(&l, flagged);
                for _ in 0..n {
                    let item = self.item("list")?;
                    list::append(l.as_ptr(), item.as_ptr())?;
                }
                return Ok(Some(l));
            }
            TYPE_DICT => {
                let d = dict::new()?;
                self.keep(&d, flagged);
                loop {
                    let Some(k) = self.object()? else { break };
                    let Some(v) = self.object()? else { break };
                    dict::set_item(d.as_ptr(), k.as_ptr(), v.as_ptr())?;
                }
                return Ok(Some(d));
            }
            TYPE_SET | TYPE_FROZENSET => {
                let n = self.size("set")?;
                let frozen = code == TYPE_FROZENSET;
                let tp = if frozen { &raw mut crate::objects::set::PyFrozenSet_Type } else { &raw mut crate::objects::set::PySet_Type };
                let s = set::new_empty(tp)?;
                // A frozenset is only complete at the end: reserve its reference slot.
                let slot = self.refs.len();
                if flagged {
                    self.refs.push(if frozen { None } else { Some(s.clone()) });
                }
                for _ in 0..n {
                    let item = self.item("set")?;
                    set::add(s.as_ptr(), item.as_ptr())?;
                }
                if flagged && frozen {
                    self.refs[slot] = Some(s.clone());
                }
                return Ok(Some(s));
            }
            TYPE_REF => {
                let n = self.i32()?;
                let found = usize::try_from(n).ok().and_then(|i| self.refs.get(i)).and_then(|r| r.clone());
                return found.map(Some).ok_or_else(|| bad("invalid reference"));
            }
            TYPE_FERROPY_CODE => {
                let slot = self.refs.len();
                if flagged {
                    self.refs.push(None);
                }
                let n = self.size("code")?;
                let filename = String::from_utf8_lossy(&self.bytes(n)?).into_owned();
                let n = self.size("code")?;
                let payload = self.bytes(n)?;
                let unit = ferropy_compiler::code_cache::read(&payload, &filename).map_err(|_| bad("invalid code object"))?;
                let co = crate::objects::code_type::from_unit(unit)?;
                if flagged {
                    self.refs[slot] = Some(co.clone());
                }
                return Ok(Some(co));
            }
            // CPython's code objects cannot be made here.
            TYPE_CODE => return Err(bad("unknown type code")),
            _ => return Err(bad("unknown type code")),
        };
        self.keep(&v, flagged);
        Ok(Some(v))
    }

    unsafe fn long(&mut self) -> PyResult<PyRef> {
        let n = self.i32()?;
        if n == i32::MIN {
            return Err(bad("long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut d15 = Vec::with_capacity(count);
        for _ in 0..count {
            let b = self.bytes(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d > 0x7fff {
                return Err(bad("digit out of range in long"));
            }
            d15.push(d as u32);
        }
        if d15.last() == Some(&0) {
            return Err(bad("unnormalized long data"));
        }
        let mut mag: Vec<int::digit> = d15.chunks(2).map(|p| p[0] | p.get(1).copied().unwrap_or(0) << 15).collect();
        while mag.last() == Some(&0) {
            mag.pop();
        }
        int::from_digits(n < 0, &mag)
    }
}

unsafe fn intern(s: PyRef) -> PyRef {
    let mut p = s.into_ptr();
    crate::objects::str::PyUnicode_InternInPlace(&mut p);
    PyRef::from_owned(p).unwrap()
}
