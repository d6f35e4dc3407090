//! The decoding engine every decoder runs on: the input bytes, the code points decoded so
//! far, and the error handling. A codec calls `error(start, end, reason)` on bad input and
//! resumes where it answers; a registered handler may replace the input (CPython re-reads
//! the exception's `object`), so codecs re-read `input()` after each error.
use crate::abstract_::type_error;
use crate::codecs::error_mode::{ErrorMode, Mode};
use crate::codecs::exceptions;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr};

/// How `surrogatepass` reads an encoded surrogate in this codec.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SurrogateForm {
    None,
    Utf8,
    Utf16 { big: bool },
    Utf32 { big: bool },
}

pub(crate) struct Decoder<'e> {
    encoding: &'static str,
    ptr: *const u8,
    len: usize,
    /// The bytes object holding the input, when there is one (made on the first error).
    owner: Option<PyRef>,
    errors: ErrorMode<'e>,
    form: SurrogateForm,
    exc: Option<PyRef>,
    handler: Option<PyRef>,
    pub out: Vec<u32>,
}

impl<'e> Decoder<'e> {
    /// A decoder of `input`; `owner` is the bytes object it lives in, or NULL.
    ///
    /// # Safety
    /// `input` stays valid for the decoder's life; `owner` is NULL or a live bytes object
    /// whose data is `input`.
    pub(crate) unsafe fn new(encoding: &'static str, input: &[u8], owner: *mut PyObject, errors: ErrorMode<'e>, form: SurrogateForm) -> Decoder<'e> {
        Decoder {
            encoding,
            ptr: input.as_ptr(),
            len: input.len(),
            owner: PyRef::from_borrowed(owner),
            errors,
            form,
            exc: None,
            handler: None,
            out: Vec::with_capacity(input.len()),
        }
    }

    /// The current input (a handler may have replaced it).
    ///
    /// # Safety
    /// The slice is valid until the next `error` call.
    #[inline]
    pub(crate) unsafe fn input<'a>(&self) -> &'a [u8] {
        core::slice::from_raw_parts(self.ptr, self.len)
    }

    #[inline]
    pub(crate) fn push(&mut self, c: u32) {
        self.out.push(c);
    }

    /// The str of the code points decoded.
    pub(crate) fn finish(self) -> PyResult<PyRef> {
        if let &[c] = self.out.as_slice() {
            if c < 0x100 {
                return crate::objects::str_access::latin1_char(c as u8);
            }
        }
        pystr::from_code_points(&self.out)
    }

    /// The exception for `start..end`, made once per call and then updated (as CPython).
    unsafe fn exception(&mut self, start: usize, end: usize, reason: &str) -> PyResult<*mut PyObject> {
        if let Some(e) = &self.exc {
            exceptions::update(e.as_ptr(), start, end, reason)?;
            return Ok(e.as_ptr());
        }
        let owner = match &self.owner {
            Some(o) => o.as_ptr(),
            None => {
                let o = bytes::from_slice(self.input())?;
                self.owner = Some(o);
                self.owner.as_ref().unwrap().as_ptr()
            }
        };
        let e = exceptions::decode_error(self.encoding, owner, start, end, reason)?;
        let p = e.as_ptr();
        self.exc = Some(e);
        Ok(p)
    }

    /// Raises the UnicodeDecodeError for `start..end`.
    pub(crate) unsafe fn raise(&mut self, start: usize, end: usize, reason: &str) -> Raised {
        match self.exception(start, end, reason) {
            Ok(_) => exceptions::raise_instance(self.exc.as_ref().unwrap()),
            Err(e) => e,
        }
    }

    /// Handles undecodable input `start..end`: the position to resume at, or the error.
    pub(crate) unsafe fn error(&mut self, start: usize, end: usize, reason: &str) -> PyResult<usize> {
        match self.errors.mode {
            Mode::Strict => Err(self.raise(start, end, reason)),
            Mode::Ignore => Ok(end),
            Mode::Replace => {
                self.push(0xFFFD);
                Ok(end)
            }
            Mode::BackslashReplace => {
                for &b in &self.input()[start..end] {
                    push_ascii(&mut self.out, &format!("\\x{b:02x}"));
                }
                Ok(end)
            }
            Mode::SurrogateEscape => {
                // At most 4 bytes, up to the first ASCII one.
                let input = self.input();
                let mut n = 0;
                while start + n < end && n < 4 && input[start + n] >= 0x80 {
                    self.out.push(0xDC00 + input[start + n] as u32);
                    n += 1;
                }
                if n == 0 {
                    return Err(self.raise(start, end, reason));
                }
                Ok(start + n)
            }
            Mode::SurrogatePass => match read_surrogate(self.form, &self.input()[start..]) {
                Some((c, used)) => {
                    self.push(c);
                    Ok(start + used)
                }
                None => Err(self.raise(start, end, reason)),
            },
            Mode::XmlCharRefReplace | Mode::Registry => self.call_handler(start, end, reason),
        }
    }

    /// Calls the registered handler with the exception and obeys its `(str, int)` answer.
    unsafe fn call_handler(&mut self, start: usize, end: usize, reason: &str) -> PyResult<usize> {
        if self.handler.is_none() {
            self.handler = Some(crate::codecs::error_handlers::lookup(self.errors.name)?);
        }
        let e = self.exception(start, end, reason)?;
        let handler = self.handler.as_ref().unwrap().as_ptr();
        let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(handler, e)).ok_or_else(Raised::assume_set)?;
        let (rep, pos) = handler_result(r.as_ptr(), false)
            .ok_or_else(|| type_error("decoding error handler must return (str, int) tuple"))?;
        let pos = crate::errors::objtext::index_value(pos)?;
        // The handler may have replaced the input.
        let obj = PyRef::from_owned(crate::errors::unicodeerror::PyUnicodeDecodeError_GetObject(e)).ok_or_else(Raised::assume_set)?;
        let data = bytes::as_slice(obj.as_ptr());
        self.ptr = data.as_ptr();
        self.len = data.len();
        self.owner = Some(obj);
        let v = crate::codecs::str_view::StrView::new(rep);
        self.out.extend((0..v.len).map(|i| v.get(i)));
        resolve_position(pos, self.len)
    }
}

/// The replacement and position of a handler's answer, if it has the right shape: a
/// 2-tuple whose first item is a str (or for encoders also bytes).
pub(crate) unsafe fn handler_result(r: *mut PyObject, allow_bytes: bool) -> Option<(*mut PyObject, *mut PyObject)> {
    use crate::objects::tuple;
    if !tuple::is_tuple(r) || tuple::len(r) != 2 {
        return None;
    }
    let items = tuple::items(r);
    let rep_ok = pystr::is_str(items[0]) || (allow_bytes && bytes::is_bytes(items[0]));
    // The position is converted afterwards, with `__index__`'s own errors (as CPython's "n").
    rep_ok.then_some((items[0], items[1]))
}

/// A handler's new position, negative counting from the end; IndexError out of bounds.
pub(crate) fn resolve_position(pos: i64, len: usize) -> PyResult<usize> {
    let p = if pos < 0 { pos + len as i64 } else { pos };
    if p < 0 || p > len as i64 {
        return Err(raise_type(&raw mut exc::_PyExc_IndexError, format!("position {p} from error handler out of bounds")));
    }
    Ok(p as usize)
}

pub(crate) fn push_ascii(out: &mut Vec<u32>, text: &str) {
    out.extend(text.bytes().map(u32::from));
}

/// A surrogate encoded at the start of `data` in `form`, and its length.
fn read_surrogate(form: SurrogateForm, data: &[u8]) -> Option<(u32, usize)> {
    let is_surrogate = |c: u32| (0xD800..0xE000).contains(&c);
    let (c, n) = match form {
        SurrogateForm::None => return None,
        SurrogateForm::Utf8 => {
            if data.len() < 3 || data[0] & 0xF0 != 0xE0 || data[1] & 0xC0 != 0x80 || data[2] & 0xC0 != 0x80 {
                return None;
            }
            ((((data[0] & 0x0F) as u32) << 12) | (((data[1] & 0x3F) as u32) << 6) | (data[2] & 0x3F) as u32, 3)
        }
        SurrogateForm::Utf16 { big } => {
            let b: [u8; 2] = data.get(..2)?.try_into().ok()?;
            ((if big { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) }) as u32, 2)
        }
        SurrogateForm::Utf32 { big } => {
            let b: [u8; 4] = data.get(..4)?.try_into().ok()?;
            (if big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) }, 4)
        }
    };
    is_surrogate(c).then_some((c, n))
}
