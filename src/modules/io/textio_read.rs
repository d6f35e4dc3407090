//! The reading side of `TextIOWrapper`: chunks are read from the buffer (`read1` when it
//! has it), decoded into the object's `decoded` str, and handed out as slices. Before each
//! chunk, while `tell()` is possible, the decoder's state is recorded with the bytes fed
//! since (the snapshot `tell()` replays).
use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{self, size_arg};
use crate::modules::io::common::call_method;
use crate::modules::io::textio::{attached, obj, open_state, write_pending, Newline};
use crate::modules::{args_slice, ret};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, str as pystr};

/// Up to `n` (all for None) of the decoded code points not yet returned.
unsafe fn take_decoded(op: *mut PyObject, n: Option<usize>) -> PyResult<PyRef> {
    let t = obj(op);
    let st = &mut *(attached(op)?);
    if t.decoded.is_null() {
        return pystr::empty();
    }
    let len = pystr::len(t.decoded);
    let avail = len - st.decoded_used;
    let n = n.map_or(avail, |n| n.min(avail));
    let out = if st.decoded_used == 0 && n == len {
        new_ref(t.decoded)
    } else {
        crate::objects::str_access::substring(t.decoded, st.decoded_used, st.decoded_used + n)?
    };
    st.decoded_used += n;
    Ok(out)
}

unsafe fn set_decoded(op: *mut PyObject, s: Option<PyRef>) {
    let t = obj(op);
    let old = core::mem::replace(&mut t.decoded, s.map_or(core::ptr::null_mut(), PyRef::into_ptr));
    drop(PyRef::from_owned(old));
    (*attached(op).unwrap()).decoded_used = 0;
}

unsafe fn set_snapshot(op: *mut PyObject, input: Option<PyRef>) {
    let t = obj(op);
    let old = core::mem::replace(&mut t.snapshot_input, input.map_or(core::ptr::null_mut(), PyRef::into_ptr));
    drop(PyRef::from_owned(old));
}

/// The bytes of a chunk the buffer returned: bytes as they are, another bytes-like object
/// copied, anything else refused with CPython's message.
unsafe fn chunk_bytes(chunk: PyRef, method: &str) -> PyResult<PyRef> {
    if bytes::is_bytes(chunk.as_ptr()) {
        return Ok(chunk);
    }
    match bytes::bytes_like(chunk.as_ptr()) {
        Ok(v) => bytes::from_slice(&v),
        Err(e) => {
            drop(e);
            crate::errors::pyerr::PyErr_Clear();
            Err(type_error(format!("underlying {method}() should have returned a bytes-like object, not '{}'", tp_name(chunk.as_ptr()))))
        }
    }
}

/// Decodes the bytes object `input` with the stream's decoder.
pub(crate) unsafe fn decode(op: *mut PyObject, input: *mut PyObject, last: bool) -> PyResult<PyRef> {
    let st = attached(op)?;
    let errors = core::mem::take(&mut st.errors);
    let r = st.decoder.as_mut().unwrap().decode(bytes::as_slice(input), input, last, &errors);
    st.errors = errors;
    r
}

/// Reads and decodes the next chunk (at least `size_hint` bytes' worth): false at EOF.
unsafe fn read_chunk(op: *mut PyObject, size_hint: usize) -> PyResult<bool> {
    let st = attached(op)?;
    let Some(dec) = st.decoder.as_ref() else {
        return Err(common::unsupported("not readable"));
    };
    let snapshot = if st.telling { Some(dec.getstate()?) } else { None };
    let hint = if size_hint > 0 { (st.b2cratio.max(1.0) * size_hint as f64) as usize } else { 0 };
    let size = int::from_i64(st.chunk_size.max(hint) as i64)?;
    let method = if st.has_read1 { "read1" } else { "read" };
    let chunk = chunk_bytes(call_method(obj(op).buffer, method, &[size.as_ptr()])?, method)?;
    let nbytes = bytes::len(chunk.as_ptr());
    let text = decode(op, chunk.as_ptr(), nbytes == 0)?;
    let nchars = pystr::len(text.as_ptr());
    let st = attached(op)?;
    st.b2cratio = if nchars > 0 { nbytes as f64 / nchars as f64 } else { 0.0 };
    set_decoded(op, Some(text));
    if let Some((held, flags)) = snapshot {
        let held_bytes = bytes::as_slice(held.as_ptr());
        let next = if held_bytes.is_empty() {
            chunk
        } else {
            let mut v = held_bytes.to_vec();
            v.extend_from_slice(bytes::as_slice(chunk.as_ptr()));
            bytes::from_slice(&v)?
        };
        attached(op)?.snapshot_flags = flags;
        set_snapshot(op, Some(next));
    }
    Ok(nbytes != 0 || nchars > 0)
}

/// `read(size=-1)`.
pub(crate) unsafe extern "C" fn read(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"read".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let n = size_arg(a.first().copied())?;
        let st = open_state(op)?;
        if st.decoder.is_none() {
            return Err(common::unsupported("not readable"));
        }
        write_pending(op)?;
        match n {
            None => {
                let all = chunk_bytes(call_method(obj(op).buffer, "read", &[])?, "read")?;
                let text = decode(op, all.as_ptr(), true)?;
                let head = take_decoded(op, None)?;
                set_snapshot(op, None);
                if pystr::len(head.as_ptr()) == 0 {
                    return Ok(text);
                }
                crate::objects::str_join::concat(head.as_ptr(), text.as_ptr())
            }
            Some(n) => {
                let mut parts = vec![take_decoded(op, Some(n))?];
                let mut remaining = n - pystr::len(parts[0].as_ptr());
                while remaining > 0 {
                    if !read_chunk(op, remaining)? {
                        break;
                    }
                    let p = take_decoded(op, Some(remaining))?;
                    remaining -= pystr::len(p.as_ptr());
                    parts.push(p);
                }
                if parts.len() == 1 {
                    return Ok(parts.pop().unwrap());
                }
                let ptrs: Vec<*mut PyObject> = parts.iter().map(|p| p.as_ptr()).collect();
                let sep = pystr::empty()?;
                crate::objects::str_join::concat_all(&ptrs, sep.as_ptr())
            }
        }
    })())
}

/// Where the first line of `s[start..]` ends (an index past its terminator), or `Err` with
/// how far the text can be set aside (a possible terminator's start is kept).
unsafe fn find_line_end(s: *mut PyObject, start: usize, newline: Newline) -> Result<usize, usize> {
    use crate::objects::str_search::find_char;
    let len = pystr::len(s);
    match newline {
        Newline::Translate | Newline::Lf => match find_char(s, 0x0A, start as isize, len as isize, true) {
            Some(i) => Ok(i + 1),
            None => Err(len),
        },
        Newline::Cr => match find_char(s, 0x0D, start as isize, len as isize, true) {
            Some(i) => Ok(i + 1),
            None => Err(len),
        },
        Newline::Universal => {
            let lf = find_char(s, 0x0A, start as isize, len as isize, true);
            let cr = find_char(s, 0x0D, start as isize, lf.unwrap_or(len) as isize, true);
            match (cr, lf) {
                (Some(c), _) => {
                    // The decoder never splits "\r\n" across chunks.
                    if c + 1 < len && pystr::read_char(s, c + 1) == 0x0A { Ok(c + 2) } else { Ok(c + 1) }
                }
                (None, Some(l)) => Ok(l + 1),
                (None, None) => Err(len),
            }
        }
        Newline::CrLf => {
            let mut from = start;
            while let Some(c) = find_char(s, 0x0D, from as isize, len as isize, true) {
                if c + 1 == len {
                    return Err(c);
                }
                if pystr::read_char(s, c + 1) == 0x0A {
                    return Ok(c + 2);
                }
                from = c + 1;
            }
            Err(len)
        }
    }
}

/// One line of at most `limit` code points ("" at EOF).
pub(crate) unsafe fn read_line(op: *mut PyObject, limit: Option<usize>) -> PyResult<PyRef> {
    let st = open_state(op)?;
    write_pending(op)?;
    if st.decoder.is_none() {
        return Err(common::unsupported("not readable"));
    }
    let newline = st.newline;
    let mut chunks: Vec<PyRef> = Vec::new();
    let mut chunked = 0usize;
    let mut remaining: Option<PyRef> = None;
    let mut found: Option<(PyRef, usize, usize, usize)> = None;
    loop {
        let t = obj(op);
        let mut more = true;
        while t.decoded.is_null() || pystr::len(t.decoded) == 0 {
            more = read_chunk(op, 0)?;
            if !more {
                break;
            }
        }
        if !more {
            set_decoded(op, None);
            set_snapshot(op, None);
            break;
        }
        let used = (*attached(op)?).decoded_used;
        let (line, start, offset) = match remaining.take() {
            None => (new_ref(t.decoded), used, 0),
            Some(r) => {
                let tail = crate::objects::str_access::substring(t.decoded, used, pystr::len(t.decoded))?;
                let n = pystr::len(r.as_ptr());
                (crate::objects::str_join::concat(r.as_ptr(), tail.as_ptr())?, 0, n + used)
            }
        };
        let line_len = pystr::len(line.as_ptr());
        let end = match find_line_end(line.as_ptr(), start, newline) {
            Ok(mut end) => {
                if let Some(l) = limit {
                    if end - start + chunked >= l {
                        end = start + l - chunked;
                    }
                }
                end
            }
            Err(consumed) => {
                let mut end = consumed;
                let hit_limit = limit.is_some_and(|l| end - start + chunked >= l);
                if hit_limit {
                    end = start + limit.unwrap() - chunked;
                } else {
                    if end > start {
                        let s = crate::objects::str_access::substring(line.as_ptr(), start, end)?;
                        chunked += pystr::len(s.as_ptr());
                        chunks.push(s);
                    }
                    if end < line_len {
                        remaining = Some(crate::objects::str_access::substring(line.as_ptr(), end, line_len)?);
                    }
                    set_decoded(op, None);
                    continue;
                }
                end
            }
        };
        found = Some((line, start, end, offset));
        break;
    }
    let mut line = match found {
        Some((line, start, end, offset)) => {
            (*attached(op)?).decoded_used = end - offset;
            if start > 0 || end < pystr::len(line.as_ptr()) {
                Some(crate::objects::str_access::substring(line.as_ptr(), start, end)?)
            } else {
                Some(line)
            }
        }
        None => None,
    };
    if let Some(r) = remaining {
        chunks.push(r);
    }
    if !chunks.is_empty() {
        chunks.extend(line.take());
        let ptrs: Vec<*mut PyObject> = chunks.iter().map(|p| p.as_ptr()).collect();
        let sep = pystr::empty()?;
        return crate::objects::str_join::concat_all(&ptrs, sep.as_ptr());
    }
    match line {
        Some(l) => Ok(l),
        None => pystr::empty(),
    }
}

/// `readline(size=-1)`.
pub(crate) unsafe extern "C" fn readline(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"readline".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let limit = match a.first() {
            Some(&o) if o != crate::abstract_::none() => {
                let n = crate::errors::objtext::index_value(o)?;
                (n >= 0).then_some(n as usize)
            }
            _ => None,
        };
        attached(op)?;
        read_line(op, limit)
    })())
}

/// `__next__`: the next line; iterating disables `tell()` until the end.
pub(crate) unsafe extern "C" fn iternext(op: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let st = attached(op)?;
        st.telling = false;
        let line = if (*op).ob_type == &raw mut crate::modules::io::textio::TextIOWrapper_Type {
            read_line(op, None)
        } else {
            let l = call_method(op, "readline", &[]);
            if let Ok(l) = &l {
                if !pystr::is_str(l.as_ptr()) {
                    return Err(type_error(format!("readline() should have returned a str object, not '{}'", tp_name(l.as_ptr()))));
                }
            }
            l
        };
        let done = match &line {
            Ok(l) => pystr::len(l.as_ptr()) == 0,
            Err(_) => true,
        };
        if done {
            set_snapshot(op, None);
            if let Ok(st) = attached(op) {
                st.telling = st.seekable;
            }
            line?;
            // NULL without an exception: StopIteration.
            return Err(Raised::assume_set());
        }
        line
    })())
}
