//! `TextIOWrapper.tell`/`seek`/`truncate` and the opaque position cookie. A cookie names a
//! "safe start point" (a byte position where the decoder held nothing back, with its
//! flags) plus how many bytes to feed and code points to skip from there; it is packed as
//! CPython packs it (the little-endian bytes of a 64-bit position and three 32-bit ints and
//! an EOF flag), so the numbers `tell()` gives are CPython's. When the decoder holds nothing
//! back at the snapshot, the cookie is just the byte position.
use crate::abstract_::{new_ref, none};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{self, value_error};
use crate::modules::io::common::call_method;
use crate::modules::io::textio::{attached, forget_decoded, obj, open_state, write_pending};
use crate::modules::io::textio_read::decode;
use crate::modules::{args_slice, ret};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, str as pystr};

#[derive(Default, Clone, Copy)]
struct Cookie {
    start_pos: i64,
    dec_flags: i32,
    bytes_to_feed: i32,
    chars_to_skip: i32,
    need_eof: bool,
}

const COOKIE_LEN: usize = 8 + 4 + 4 + 4 + 1;

impl Cookie {
    fn build(&self) -> PyResult<PyRef> {
        if self.dec_flags == 0 && self.bytes_to_feed == 0 && self.chars_to_skip == 0 && !self.need_eof && self.start_pos >= 0 {
            return int::from_i64(self.start_pos);
        }
        let mut b = [0u8; COOKIE_LEN];
        b[0..8].copy_from_slice(&self.start_pos.to_le_bytes());
        b[8..12].copy_from_slice(&self.dec_flags.to_le_bytes());
        b[12..16].copy_from_slice(&self.bytes_to_feed.to_le_bytes());
        b[16..20].copy_from_slice(&self.chars_to_skip.to_le_bytes());
        b[20] = self.need_eof as u8;
        crate::objects::long_bytes::from_le_bytes(&b, false)
    }

    unsafe fn parse(o: *mut PyObject) -> PyResult<Cookie> {
        let n = crate::modules::owned(crate::abstract_::number::PyNumber_Long(o))?;
        let mut b = [0u8; COOKIE_LEN];
        crate::objects::long_bytes::to_le_bytes(n.as_ptr(), &mut b, false)?;
        let i32_at = |i: usize| i32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        Ok(Cookie {
            start_pos: i64::from_le_bytes(b[0..8].try_into().unwrap()),
            dec_flags: i32_at(8),
            bytes_to_feed: i32_at(12),
            chars_to_skip: i32_at(16),
            need_eof: b[20] != 0,
        })
    }
}

/// Puts the decoder in the state of the cookie's start point.
unsafe fn decoder_to(op: *mut PyObject, c: &Cookie) -> PyResult<()> {
    let d = attached(op)?.decoder.as_mut().unwrap();
    if c.start_pos == 0 && c.dec_flags == 0 {
        d.reset()
    } else {
        d.setstate(b"", c.dec_flags as i64)
    }
}

/// Decodes `data` (not final) and gives the number of code points it produced.
unsafe fn feed(op: *mut PyObject, data: &[u8]) -> PyResult<usize> {
    let b = bytes::from_slice(data)?;
    let s = decode(op, b.as_ptr(), false)?;
    Ok(pystr::len(s.as_ptr()))
}

/// Whether the decoder holds no bytes back, and its flags.
unsafe fn decoder_state(op: *mut PyObject) -> PyResult<(bool, i32)> {
    let (held, flags) = attached(op)?.decoder.as_ref().unwrap().getstate()?;
    Ok((bytes::len(held.as_ptr()) == 0, flags as i32))
}

/// `tell()`.
pub(crate) unsafe extern "C" fn tell(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let st = open_state(op)?;
        if !st.seekable {
            return Err(common::unsupported("underlying stream is not seekable"));
        }
        if !st.telling {
            return Err(raise_type(&raw mut exc::_PyExc_OSError, "telling position disabled by next() call"));
        }
        write_pending(op)?;
        call_method(op, "flush", &[])?;
        let pos = call_method(obj(op).buffer, "tell", &[])?;
        let t = obj(op);
        let st = attached(op)?;
        if st.decoder.is_none() || t.snapshot_input.is_null() {
            return Ok(pos);
        }
        let mut cookie = Cookie { start_pos: crate::objects::long_convert::as_i64(pos.as_ptr())?, dec_flags: st.snapshot_flags as i32, ..Cookie::default() };
        let next_input = new_ref(t.snapshot_input);
        let input = bytes::as_slice(next_input.as_ptr());
        cookie.start_pos -= input.len() as i64;
        if st.decoded_used == 0 {
            return cookie.build();
        }
        let mut chars_to_skip = st.decoded_used as i64;
        let b2cratio = st.b2cratio;
        let (saved_held, saved_flags) = st.decoder.as_ref().unwrap().getstate()?;
        let r = reconstruct(op, &mut cookie, &mut chars_to_skip, input, b2cratio);
        // The decoder goes back to where it was, whatever happened.
        let restored = attached(op)?.decoder.as_mut().unwrap().setstate(bytes::as_slice(saved_held.as_ptr()), saved_flags);
        r?;
        restored?;
        cookie.chars_to_skip = chars_to_skip as i32;
        cookie.build()
    })())
}

/// CPython's search for the cookie: a quick guess from the bytes-per-char ratio backed off
/// until the decoder holds nothing, then one byte at a time to the position.
unsafe fn reconstruct(op: *mut PyObject, cookie: &mut Cookie, chars_to_skip: &mut i64, input: &[u8], b2cratio: f64) -> PyResult<()> {
    let mut skip_bytes = (b2cratio * *chars_to_skip as f64) as i64;
    let mut skip_back = 1i64;
    while skip_bytes > 0 {
        decoder_to(op, cookie)?;
        let n = feed(op, &input[..(skip_bytes as usize).min(input.len())])? as i64;
        if n <= *chars_to_skip {
            let (empty, flags) = decoder_state(op)?;
            if empty {
                cookie.dec_flags = flags;
                *chars_to_skip -= n;
                break;
            }
            let (held, _) = attached(op)?.decoder.as_ref().unwrap().getstate()?;
            skip_bytes -= bytes::len(held.as_ptr()) as i64;
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if skip_bytes <= 0 {
        skip_bytes = 0;
        decoder_to(op, cookie)?;
    }
    cookie.start_pos += skip_bytes;
    if *chars_to_skip == 0 {
        return Ok(());
    }
    let mut chars_decoded = 0i64;
    let mut i = skip_bytes as usize;
    while i < input.len() {
        chars_decoded += feed(op, &input[i..i + 1])? as i64;
        cookie.bytes_to_feed += 1;
        let (empty, flags) = decoder_state(op)?;
        if empty && chars_decoded <= *chars_to_skip {
            // Nothing held back: a safe start point.
            cookie.start_pos += cookie.bytes_to_feed as i64;
            *chars_to_skip -= chars_decoded;
            cookie.dec_flags = flags;
            cookie.bytes_to_feed = 0;
            chars_decoded = 0;
        }
        if chars_decoded >= *chars_to_skip {
            break;
        }
        i += 1;
    }
    if i >= input.len() {
        // Not enough decoded: the end of input must be signalled to get the rest.
        let empty = bytes::from_slice(b"")?;
        let s = decode(op, empty.as_ptr(), true)?;
        chars_decoded += pystr::len(s.as_ptr()) as i64;
        cookie.need_eof = true;
        if chars_decoded < *chars_to_skip {
            return Err(raise_type(&raw mut exc::_PyExc_OSError, "can't reconstruct logical file position"));
        }
    }
    Ok(())
}

unsafe fn compare_zero(o: *mut PyObject, op_code: core::ffi::c_int) -> PyResult<bool> {
    let zero = int::from_i64(0)?;
    let r = crate::abstract_::compare::PyObject_RichCompareBool(o, zero.as_ptr(), op_code);
    if r < 0 {
        return Err(Raised::assume_set());
    }
    Ok(r == 1)
}

/// Resets the encoder: at the stream's start it may write a BOM again, elsewhere not.
unsafe fn encoder_reset(op: *mut PyObject, start_of_stream: bool) -> PyResult<()> {
    if let Some(e) = attached(op)?.encoder.as_mut() {
        if start_of_stream {
            e.reset()?;
        } else {
            e.skip_bom()?;
        }
    }
    Ok(())
}

/// `seek(cookie, whence=0)`.
pub(crate) unsafe extern "C" fn seek(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    use crate::object::object::{Py_EQ, Py_LT};
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"seek".as_ptr(), a.len() as isize, 1, 2) {
            return Err(Raised::assume_set());
        }
        let whence = match a.get(1) {
            Some(&w) => crate::modules::posix::args::c_int_arg(w)?,
            None => 0,
        };
        let st = open_state(op)?;
        if !st.seekable {
            return Err(common::unsupported("underlying stream is not seekable"));
        }
        let mut cookie_obj = new_ref(a[0]);
        match whence {
            1 => {
                if !compare_zero(a[0], Py_EQ)? {
                    return Err(common::unsupported("can't do nonzero cur-relative seeks"));
                }
                cookie_obj = call_method(op, "tell", &[])?;
            }
            2 => {
                if !compare_zero(a[0], Py_EQ)? {
                    return Err(common::unsupported("can't do nonzero end-relative seeks"));
                }
                call_method(op, "flush", &[])?;
                forget_decoded(op);
                if let Some(d) = attached(op)?.decoder.as_mut() {
                    d.reset()?;
                }
                let zero = int::from_i64(0)?;
                let two = int::from_i64(2)?;
                let res = call_method(obj(op).buffer, "seek", &[zero.as_ptr(), two.as_ptr()])?;
                if attached(op)?.encoder.is_some() {
                    encoder_reset(op, compare_zero(res.as_ptr(), Py_EQ)?)?;
                }
                return Ok(res);
            }
            0 => {}
            w => return Err(value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        }
        if compare_zero(cookie_obj.as_ptr(), Py_LT)? {
            let r = crate::modules::owned(crate::abstract_::object::PyObject_Repr(cookie_obj.as_ptr()))?;
            return Err(value_error(format!("negative seek position {}", pystr::to_string(r.as_ptr()))));
        }
        call_method(op, "flush", &[])?;
        let cookie = Cookie::parse(cookie_obj.as_ptr())?;
        let pos = int::from_i64(cookie.start_pos)?;
        call_method(obj(op).buffer, "seek", &[pos.as_ptr()])?;
        forget_decoded(op);
        if attached(op)?.decoder.is_some() {
            decoder_to(op, &cookie)?;
        }
        let t = obj(op);
        if cookie.chars_to_skip != 0 {
            let n = int::from_i64(cookie.bytes_to_feed as i64)?;
            let chunk = call_method(t.buffer, "read", &[n.as_ptr()])?;
            if !bytes::is_bytes(chunk.as_ptr()) {
                return Err(crate::abstract_::type_error(format!(
                    "underlying read() should have returned a bytes object, not '{}'",
                    crate::abstract_::tp_name(chunk.as_ptr())
                )));
            }
            let st = attached(op)?;
            st.snapshot_flags = cookie.dec_flags as i64;
            if st.decoder.is_none() {
                return Err(common::unsupported("not readable"));
            }
            let text = decode(op, chunk.as_ptr(), cookie.need_eof)?;
            t.snapshot_input = chunk.into_ptr();
            if pystr::len(text.as_ptr()) < cookie.chars_to_skip as usize {
                return Err(raise_type(&raw mut exc::_PyExc_OSError, "can't restore logical file position"));
            }
            t.decoded = text.into_ptr();
            attached(op)?.decoded_used = cookie.chars_to_skip as usize;
        } else {
            attached(op)?.snapshot_flags = cookie.dec_flags as i64;
            t.snapshot_input = bytes::from_slice(b"")?.into_ptr();
        }
        encoder_reset(op, cookie.start_pos == 0 && cookie.dec_flags == 0)?;
        Ok(cookie_obj)
    })())
}

/// `truncate(pos=None)`: flush, then the buffer's truncate.
pub(crate) unsafe extern "C" fn truncate(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"truncate".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        attached(op)?;
        call_method(op, "flush", &[])?;
        let pos = a.first().copied().unwrap_or(none());
        call_method(obj(op).buffer, "truncate", &[pos])
    })())
}
