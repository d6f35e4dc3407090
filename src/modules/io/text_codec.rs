//! The encoder and decoder of a `TextIOWrapper`. UTF-8, Latin-1 and ASCII run in Rust
//! (UTF-8's only state is an incomplete sequence held back); any other codec is the
//! registry's incremental encoder/decoder object, called through its methods. The decoder
//! also does the work of `IncrementalNewlineDecoder` when the stream reads universal
//! newlines, with the same state layout (the held-back `\r` in bit 0 of the flags), so
//! `tell()` cookies are the ones CPython gives.
use crate::abstract_::{tp_name, type_error};
use crate::codecs::error_mode::ErrorMode;
use crate::codecs::generic::{self, Builtin};
use crate::codecs::str_view::StrView;
use crate::errors::raised::PyResult;
use crate::modules::io::common::{SEEN_CR, SEEN_CRLF, SEEN_LF};
use crate::modules::io::common::call_method;
use crate::modules::owned;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, str as pystr, tuple};

/// The codecs this module runs itself.
pub(crate) fn fast_codec(encoding: &str) -> Option<Builtin> {
    match generic::builtin(encoding)? {
        b @ (Builtin::Utf8 | Builtin::Latin1 | Builtin::Ascii) => Some(b),
        _ => None,
    }
}

/// The registry's codec info for `encoding`, refusing non-text codecs as CPython does.
pub(crate) unsafe fn lookup_text_codec(encoding: &str) -> PyResult<PyRef> {
    let info = crate::codecs::registry::lookup(encoding)?;
    let attr = pystr::intern("_is_text_encoding")?;
    if let Some(flag) = crate::object::object_attr::lookup_attr(info.as_ptr(), attr.as_ptr())? {
        if crate::abstract_::object::PyObject_IsTrue(flag.as_ptr()) == 0 {
            return Err(crate::object::pending_error::raise_type(
                &raw mut crate::errors::exception_types::_PyExc_LookupError,
                format!("'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"),
            ));
        }
    }
    Ok(info)
}

/// `codec_info.<factory>(errors)`.
unsafe fn incremental(info: *mut PyObject, factory: &str, errors: *mut PyObject) -> PyResult<PyRef> {
    let n = pystr::intern(factory)?;
    let f = crate::object::object_attr::get_attr(info, n.as_ptr())?;
    owned(crate::abstract_::call::PyObject_CallOneArg(f.as_ptr(), errors))
}

pub(crate) enum TextEncoder {
    Fast(Builtin),
    Object(PyRef),
}

impl TextEncoder {
    /// The encoder for `encoding` (whose codec info `info` is, when already looked up).
    pub(crate) unsafe fn new(encoding: &str, info: Option<&PyRef>, errors: *mut PyObject) -> PyResult<TextEncoder> {
        if let Some(b) = fast_codec(encoding) {
            return Ok(TextEncoder::Fast(b));
        }
        let info = match info {
            Some(i) => i.clone(),
            None => lookup_text_codec(encoding)?,
        };
        Ok(TextEncoder::Object(incremental(info.as_ptr(), "incrementalencoder", errors)?))
    }

    /// Encodes the str `text`; the result is bytes.
    pub(crate) unsafe fn encode(&mut self, text: *mut PyObject, errors: &str) -> PyResult<PyRef> {
        match self {
            TextEncoder::Fast(b) => generic::encode_builtin(*b, text, ErrorMode::new(Some(errors))),
            TextEncoder::Object(e) => {
                let r = call_method(e.as_ptr(), "encode", &[text])?;
                if !bytes::is_bytes(r.as_ptr()) {
                    return Err(type_error(format!("encoder should return a bytes object, not '{}'", tp_name(r.as_ptr()))));
                }
                Ok(r)
            }
        }
    }

    /// Appends the encoding of the str `text` to `out`; ASCII text (and any text for
    /// strict UTF-8, through the str's UTF-8 cache) is copied without a bytes object.
    pub(crate) unsafe fn encode_into(&mut self, text: *mut PyObject, errors: &str, out: &mut Vec<u8>) -> PyResult<()> {
        if let TextEncoder::Fast(b) = self {
            if let Some(a) = crate::objects::unicode_text::ascii_data(text) {
                out.extend_from_slice(a);
                return Ok(());
            }
            if matches!(b, Builtin::Utf8) && errors == "strict" {
                out.extend_from_slice(crate::objects::str_utf8::as_utf8(text)?);
                return Ok(());
            }
        }
        let r = self.encode(text, errors)?;
        out.extend_from_slice(bytes::as_slice(r.as_ptr()));
        Ok(())
    }

    /// `setstate(0)`: a stream not at its start must not write a BOM again.
    pub(crate) unsafe fn skip_bom(&mut self) -> PyResult<()> {
        if let TextEncoder::Object(e) = self {
            let zero = int::from_i64(0)?;
            call_method(e.as_ptr(), "setstate", &[zero.as_ptr()])?;
        }
        Ok(())
    }

    pub(crate) unsafe fn reset(&mut self) -> PyResult<()> {
        if let TextEncoder::Object(e) = self {
            call_method(e.as_ptr(), "reset", &[])?;
        }
        Ok(())
    }

    pub(crate) fn object(&self) -> Option<*mut PyObject> {
        match self {
            TextEncoder::Object(e) => Some(e.as_ptr()),
            TextEncoder::Fast(_) => None,
        }
    }
}

enum Inner {
    Fast { codec: Builtin, held: Vec<u8> },
    Object(PyRef),
}

/// A stream's decoder, with universal-newline handling when `universal`.
pub(crate) struct TextDecoder {
    inner: Inner,
    universal: bool,
    translate: bool,
    pending_cr: bool,
    pub(crate) seen: u8,
}

impl TextDecoder {
    pub(crate) unsafe fn new(encoding: &str, info: Option<&PyRef>, errors: *mut PyObject, universal: bool, translate: bool) -> PyResult<TextDecoder> {
        let inner = match fast_codec(encoding) {
            Some(codec) => Inner::Fast { codec, held: Vec::new() },
            None => {
                let info = match info {
                    Some(i) => i.clone(),
                    None => lookup_text_codec(encoding)?,
                };
                Inner::Object(incremental(info.as_ptr(), "incrementaldecoder", errors)?)
            }
        };
        Ok(TextDecoder { inner, universal, translate, pending_cr: false, seen: 0 })
    }

    pub(crate) fn object(&self) -> Option<*mut PyObject> {
        match &self.inner {
            Inner::Object(d) => Some(d.as_ptr()),
            Inner::Fast { .. } => None,
        }
    }

    /// Decodes `data` (the bytes object `owner`'s content, or NULL), `last` at end of input.
    unsafe fn decode_inner(&mut self, data: &[u8], owner: *mut PyObject, last: bool, errors: &str) -> PyResult<PyRef> {
        match &mut self.inner {
            Inner::Fast { codec, held } => {
                let mode = ErrorMode::new(Some(errors));
                if held.is_empty() {
                    if last {
                        return generic::decode_builtin(*codec, data, owner, mode, None);
                    }
                    let mut used = 0;
                    let r = generic::decode_builtin(*codec, data, owner, mode, Some(&mut used))?;
                    held.extend_from_slice(&data[used..]);
                    return Ok(r);
                }
                let mut all = core::mem::take(held);
                all.extend_from_slice(data);
                if last {
                    return generic::decode_builtin(*codec, &all, core::ptr::null_mut(), mode, None);
                }
                let mut used = 0;
                let r = generic::decode_builtin(*codec, &all, core::ptr::null_mut(), mode, Some(&mut used))?;
                *held = all[used..].to_vec();
                Ok(r)
            }
            Inner::Object(d) => {
                let input = if owner.is_null() { bytes::from_slice(data)? } else { crate::abstract_::new_ref(owner) };
                let flag = crate::modules::io::common::py_bool(last);
                let r = call_method(d.as_ptr(), "decode", &[input.as_ptr(), flag.as_ptr()])?;
                if !pystr::is_str(r.as_ptr()) {
                    return Err(type_error(format!("decoder should return a string result, not '{}'", tp_name(r.as_ptr()))));
                }
                Ok(r)
            }
        }
    }

    /// Decodes the next input; `last` flushes everything held back.
    pub(crate) unsafe fn decode(&mut self, data: &[u8], owner: *mut PyObject, last: bool, errors: &str) -> PyResult<PyRef> {
        let out = self.decode_inner(data, owner, last, errors)?;
        if !self.universal {
            return Ok(out);
        }
        self.newlines(out, last)
    }

    /// The universal-newline step: holds back a final `\r`, records the kinds seen and
    /// translates them with `translate`.
    unsafe fn newlines(&mut self, out: PyRef, last: bool) -> PyResult<PyRef> {
        let s = out.as_ptr();
        let len = pystr::len(s);
        let cr = crate::objects::str_search::find_char(s, 0x0D, 0, len as isize, true);
        let held = self.pending_cr && (len > 0 || last);
        if cr.is_none() && !held {
            if crate::objects::str_search::find_char(s, 0x0A, 0, len as isize, true).is_some() {
                self.seen |= SEEN_LF;
            }
            return Ok(out);
        }
        let v = StrView::new(s);
        let mut chars: Vec<u32> = Vec::with_capacity(len + 1);
        if held {
            chars.push(0x0D);
            self.pending_cr = false;
        }
        chars.extend((0..len).map(|i| v.get(i)));
        if !last && chars.last() == Some(&0x0D) {
            chars.pop();
            self.pending_cr = true;
        }
        let mut result: Vec<u32> = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                0x0D if chars.get(i + 1) == Some(&0x0A) => {
                    self.seen |= SEEN_CRLF;
                    if self.translate {
                        result.push(0x0A);
                    } else {
                        result.extend_from_slice(&[0x0D, 0x0A]);
                    }
                    i += 2;
                    continue;
                }
                0x0D => {
                    self.seen |= SEEN_CR;
                    result.push(if self.translate { 0x0A } else { 0x0D });
                }
                0x0A => {
                    self.seen |= SEEN_LF;
                    result.push(0x0A);
                }
                c => result.push(c),
            }
            i += 1;
        }
        pystr::from_code_points(&result)
    }

    /// `(held-back bytes, flags)`, as `IncrementalNewlineDecoder.getstate`.
    pub(crate) unsafe fn getstate(&self) -> PyResult<(PyRef, i64)> {
        let (buf, flags) = match &self.inner {
            Inner::Fast { held, .. } => (bytes::from_slice(held)?, 0i64),
            Inner::Object(d) => {
                let st = call_method(d.as_ptr(), "getstate", &[])?;
                if !tuple::is_tuple(st.as_ptr()) || tuple::len(st.as_ptr()) != 2 {
                    return Err(type_error("illegal decoder state"));
                }
                let items = tuple::items(st.as_ptr());
                if !bytes::is_bytes(items[0]) {
                    return Err(type_error(format!("illegal decoder state: the first item must be bytes, not '{}'", tp_name(items[0]))));
                }
                (crate::abstract_::new_ref(items[0]), crate::objects::long_convert::as_i64(items[1])?)
            }
        };
        if self.universal {
            return Ok((buf, (flags << 1) | self.pending_cr as i64));
        }
        Ok((buf, flags))
    }

    /// Restores `(held-back bytes, flags)`.
    pub(crate) unsafe fn setstate(&mut self, buf: &[u8], mut flags: i64) -> PyResult<()> {
        if self.universal {
            self.pending_cr = flags & 1 != 0;
            flags >>= 1;
        }
        match &mut self.inner {
            Inner::Fast { held, .. } => {
                held.clear();
                held.extend_from_slice(buf);
            }
            Inner::Object(d) => {
                let st = tuple::from_slice(&[bytes::from_slice(buf)?, int::from_i64(flags)?])?;
                call_method(d.as_ptr(), "setstate", &[st.as_ptr()])?;
            }
        }
        Ok(())
    }

    pub(crate) unsafe fn reset(&mut self) -> PyResult<()> {
        self.pending_cr = false;
        self.seen = 0;
        match &mut self.inner {
            Inner::Fast { held, .. } => held.clear(),
            Inner::Object(d) => {
                call_method(d.as_ptr(), "reset", &[])?;
            }
        }
        Ok(())
    }
}
