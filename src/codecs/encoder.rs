//! The encoding engine every encoder runs on: the str being encoded, the bytes made so far,
//! and the error handling. A codec reports a run of unencodable characters with
//! `error(start, end, reason)` and resumes where it answers. Replacement text is written
//! through the codec's own `write` (so `replace` gives `?\0` in UTF-16-LE, as in CPython).
use crate::abstract_::type_error;
use crate::codecs::decoder::{handler_result, resolve_position};
use crate::codecs::error_mode::{ErrorMode, Mode};
use crate::codecs::exceptions;
use crate::codecs::str_view::StrView;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr};

/// What a codec tells the engine about itself.
#[derive(Clone, Copy)]
pub(crate) struct EncoderSpec {
    pub encoding: &'static str,
    /// Writes one character (below `rep_limit`, or a surrogate under surrogatepass).
    pub write: fn(&mut Vec<u8>, u32),
    /// Characters of a str replacement must be below this.
    pub rep_limit: u32,
    /// A bytes replacement must be a whole number of these.
    pub unit: usize,
    /// Whether `surrogatepass` can write surrogates (the UTF codecs).
    pub surrogates: bool,
}

pub(crate) struct Encoder<'e> {
    spec: EncoderSpec,
    s: *mut PyObject,
    pub view: StrView,
    errors: ErrorMode<'e>,
    exc: Option<PyRef>,
    handler: Option<PyRef>,
    pub out: Vec<u8>,
}

impl<'e> Encoder<'e> {
    /// # Safety
    /// `s` is a live str that outlives the encoder.
    pub(crate) unsafe fn new(spec: EncoderSpec, s: *mut PyObject, errors: ErrorMode<'e>, capacity: usize) -> Encoder<'e> {
        Encoder { spec, s, view: StrView::new(s), errors, exc: None, handler: None, out: Vec::with_capacity(capacity) }
    }

    pub(crate) fn finish(self) -> PyResult<PyRef> {
        bytes::from_slice(&self.out)
    }

    unsafe fn exception(&mut self, start: usize, end: usize, reason: &str) -> PyResult<*mut PyObject> {
        if let Some(e) = &self.exc {
            exceptions::update(e.as_ptr(), start, end, reason)?;
            return Ok(e.as_ptr());
        }
        let e = exceptions::encode_error(self.spec.encoding, self.s, start, end, reason)?;
        let p = e.as_ptr();
        self.exc = Some(e);
        Ok(p)
    }

    /// Raises the UnicodeEncodeError for `start..end`.
    pub(crate) unsafe fn raise(&mut self, start: usize, end: usize, reason: &str) -> Raised {
        match self.exception(start, end, reason) {
            Ok(_) => exceptions::raise_instance(self.exc.as_ref().unwrap()),
            Err(e) => e,
        }
    }

    fn write_ascii(&mut self, text: &str) {
        for b in text.bytes() {
            (self.spec.write)(&mut self.out, b as u32);
        }
    }

    /// Handles the unencodable characters `start..end`: where to resume, or the error.
    pub(crate) unsafe fn error(&mut self, start: usize, end: usize, reason: &str) -> PyResult<usize> {
        match self.errors.mode {
            Mode::Strict => Err(self.raise(start, end, reason)),
            Mode::Ignore => Ok(end),
            Mode::Replace => {
                (start..end).for_each(|_| (self.spec.write)(&mut self.out, b'?' as u32));
                Ok(end)
            }
            Mode::BackslashReplace => {
                for i in start..end {
                    let t = backslash_escape(self.view.get(i));
                    self.write_ascii(&t);
                }
                Ok(end)
            }
            Mode::XmlCharRefReplace => {
                for i in start..end {
                    let t = format!("&#{};", self.view.get(i));
                    self.write_ascii(&t);
                }
                Ok(end)
            }
            Mode::SurrogateEscape if self.spec.unit == 1 => {
                for i in start..end {
                    let c = self.view.get(i);
                    if !(0xDC80..=0xDCFF).contains(&c) {
                        return Err(self.raise(i, end, reason));
                    }
                    self.out.push((c - 0xDC00) as u8);
                }
                Ok(end)
            }
            Mode::SurrogatePass if self.spec.surrogates => {
                for i in start..end {
                    let c = self.view.get(i);
                    if !(0xD800..0xE000).contains(&c) {
                        return Err(self.raise(i, end, reason));
                    }
                    (self.spec.write)(&mut self.out, c);
                }
                Ok(end)
            }
            // Their handlers would give bytes the codec cannot take, or refuse.
            Mode::SurrogateEscape | Mode::SurrogatePass => Err(self.raise(start, end, reason)),
            Mode::Registry => self.call_handler(start, end, reason),
        }
    }

    /// Calls the registered handler with the exception: its replacement (a str or bytes,
    /// not yet checked against the codec) and the position to resume at. Codecs whose
    /// replacement text is not written by `spec.write` (charmap) use this directly.
    pub(crate) unsafe fn handler_answer(&mut self, start: usize, end: usize, reason: &str) -> PyResult<(PyRef, usize)> {
        if self.handler.is_none() {
            self.handler = Some(crate::codecs::error_handlers::lookup(self.errors.name)?);
        }
        let e = self.exception(start, end, reason)?;
        let handler = self.handler.as_ref().unwrap().as_ptr();
        let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(handler, e)).ok_or_else(Raised::assume_set)?;
        let (rep, pos) = handler_result(r.as_ptr(), true)
            .ok_or_else(|| type_error("encoding error handler must return (str/bytes, int) tuple"))?;
        let pos = crate::errors::objtext::index_value(pos)?;
        let rep = PyRef::from_borrowed(rep).unwrap();
        Ok((rep, resolve_position(pos, self.view.len)?))
    }

    /// Calls the registered handler with the exception and obeys its answer.
    unsafe fn call_handler(&mut self, start: usize, end: usize, reason: &str) -> PyResult<usize> {
        let (rep, pos) = self.handler_answer(start, end, reason)?;
        let rep = rep.as_ptr();
        if pystr::is_str(rep) {
            let v = StrView::new(rep);
            if (0..v.len).any(|i| v.get(i) >= self.spec.rep_limit) {
                return Err(self.raise(start, end, reason));
            }
            (0..v.len).for_each(|i| (self.spec.write)(&mut self.out, v.get(i)));
        } else {
            let b = bytes::as_slice(rep);
            if b.len() % self.spec.unit != 0 {
                return Err(self.raise(start, end, reason));
            }
            self.out.extend_from_slice(b);
        }
        Ok(pos)
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for one character.
pub(crate) fn backslash_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}
