//! One zlib stream (deflate or inflate) on the heap, where zlib's back-pointer to it stays
//! valid, ended on drop; the loops that run it over an input into a growing output; and
//! zlib's errors as CPython words them ("Error -3 while decompressing data: ...").
use core::ffi::{c_int, c_void, CStr};

use libz_sys::{uInt, z_stream, Z_BUF_ERROR, Z_DATA_ERROR, Z_OK, Z_STREAM_END, Z_STREAM_ERROR, Z_VERSION_ERROR};

use crate::errors::raised::{PyResult, Raised};
use crate::object::pending_error::{no_memory, raise_type};

use super::zlib_error_type;

unsafe extern "C" fn z_alloc(_opaque: *mut c_void, items: uInt, size: uInt) -> *mut c_void {
    libc::calloc(items as usize, size as usize)
}

unsafe extern "C" fn z_free(_opaque: *mut c_void, p: *mut c_void) {
    libc::free(p)
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Deflate,
    Inflate,
}

pub(crate) struct Stream {
    pub z: Box<z_stream>,
    pub kind: Kind,
    /// Initialised and not yet ended.
    pub live: bool,
}

impl Stream {
    /// A stream not yet initialised (zlib's allocator hooks set).
    pub(crate) fn new(kind: Kind) -> Stream {
        Stream {
            z: Box::new(z_stream {
                next_in: core::ptr::null_mut(),
                avail_in: 0,
                total_in: 0,
                next_out: core::ptr::null_mut(),
                avail_out: 0,
                total_out: 0,
                msg: core::ptr::null_mut(),
                state: core::ptr::null_mut(),
                zalloc: z_alloc,
                zfree: z_free,
                opaque: core::ptr::null_mut(),
                data_type: 0,
                adler: 0,
                reserved: 0,
            }),
            kind,
            live: false,
        }
    }

    pub(crate) fn deflate_init(level: c_int, method: c_int, wbits: c_int, mem_level: c_int, strategy: c_int) -> (Stream, c_int) {
        let mut s = Stream::new(Kind::Deflate);
        // SAFETY: a fresh stream with allocator hooks; zlib checks the version and size.
        let err = unsafe {
            libz_sys::deflateInit2_(&mut *s.z, level, method, wbits, mem_level, strategy, libz_sys::zlibVersion(), core::mem::size_of::<z_stream>() as c_int)
        };
        s.live = err == Z_OK;
        (s, err)
    }

    pub(crate) fn inflate_init(wbits: c_int) -> (Stream, c_int) {
        let mut s = Stream::new(Kind::Inflate);
        // SAFETY: as in `deflate_init`.
        let err = unsafe { libz_sys::inflateInit2_(&mut *s.z, wbits, libz_sys::zlibVersion(), core::mem::size_of::<z_stream>() as c_int) };
        s.live = err == Z_OK;
        (s, err)
    }

    /// Ends the stream (its state is freed; later calls see an inconsistent stream).
    pub(crate) fn end(&mut self) {
        if self.live {
            // SAFETY: an initialised stream, ended once.
            unsafe {
                match self.kind {
                    Kind::Deflate => libz_sys::deflateEnd(&mut *self.z),
                    Kind::Inflate => libz_sys::inflateEnd(&mut *self.z),
                };
            }
            self.live = false;
        }
    }

    /// A copy of this live stream's state (`Compress.copy`/`Decompress.copy`).
    pub(crate) fn copy(&mut self) -> PyResult<Stream> {
        if !self.live {
            return Err(raise_type(&raw mut crate::errors::exception_types::_PyExc_ValueError, "Inconsistent stream state"));
        }
        let mut out = Stream::new(self.kind);
        // SAFETY: both streams are boxed; the source is live.
        let err = unsafe {
            match self.kind {
                Kind::Deflate => libz_sys::deflateCopy(&mut *out.z, &mut *self.z),
                Kind::Inflate => libz_sys::inflateCopy(&mut *out.z, &mut *self.z),
            }
        };
        match err {
            Z_OK => {
                out.live = true;
                Ok(out)
            }
            Z_STREAM_ERROR => Err(raise_type(&raw mut crate::errors::exception_types::_PyExc_ValueError, "Inconsistent stream state")),
            libz_sys::Z_MEM_ERROR => Err(no_memory()),
            _ => Err(self.error(err, "while copying compression object")),
        }
    }

    /// zlib's error `err` as `zlib.error`, `what` saying during what.
    pub(crate) fn error(&self, err: c_int, what: &str) -> Raised {
        let message = if err == Z_VERSION_ERROR {
            Some("library version mismatch".to_string())
        } else if !self.z.msg.is_null() {
            // SAFETY: zlib's messages are static NUL-terminated strings.
            Some(unsafe { CStr::from_ptr(self.z.msg) }.to_string_lossy().into_owned())
        } else {
            match err {
                Z_BUF_ERROR => Some("incomplete or truncated stream".to_string()),
                Z_STREAM_ERROR => Some("inconsistent stream state".to_string()),
                Z_DATA_ERROR => Some("invalid input data".to_string()),
                _ => None,
            }
        };
        let text = match message {
            Some(m) => format!("Error {err} {what}: {m}"),
            None => format!("Error {err} {what}"),
        };
        raise_type(zlib_error_type(), text)
    }

    /// One `deflate`/`inflate` call with `flush`, writing into `out`'s spare capacity
    /// (grown when full). Returns zlib's status.
    pub(crate) fn step(&mut self, out: &mut Vec<u8>, flush: c_int, limit: Option<usize>) -> c_int {
        if out.len() == out.capacity() {
            out.reserve_exact(next_block(out.capacity()));
        }
        let mut room = out.capacity() - out.len();
        if let Some(limit) = limit {
            room = room.min(limit - out.len());
        }
        let room = room.min(uInt::MAX as usize);
        // SAFETY: `next_out` points into `out`'s spare capacity of `room` bytes, which zlib
        // fills; the length is advanced by what it wrote.
        unsafe {
            self.z.next_out = out.as_mut_ptr().add(out.len());
            self.z.avail_out = room as uInt;
            let err = if !self.live {
                Z_STREAM_ERROR
            } else {
                match self.kind {
                    Kind::Deflate => libz_sys::deflate(&mut *self.z, flush),
                    Kind::Inflate => libz_sys::inflate(&mut *self.z, flush),
                }
            };
            let written = room - self.z.avail_out as usize;
            out.set_len(out.len() + written);
            err
        }
    }

    /// Points the stream's input at `data` (which must outlive the calls that read it).
    pub(crate) fn set_input(&mut self, data: &[u8]) {
        self.z.next_in = data.as_ptr() as *mut u8;
        self.z.avail_in = data.len().min(uInt::MAX as usize) as uInt;
    }

    /// Deflates all of `data` with `flush`: the output until zlib has room to spare with no
    /// input left (or the stream ends).
    pub(crate) fn deflate_all(&mut self, data: &[u8], flush: c_int, what: &str) -> PyResult<(Vec<u8>, c_int)> {
        let mut out = Vec::with_capacity(BLOCKS[0]);
        let mut pos = 0;
        loop {
            let chunk = &data[pos..];
            self.set_input(chunk);
            let given = self.z.avail_in as usize;
            let err = self.step(&mut out, flush, None);
            pos += given - self.z.avail_in as usize;
            if err == Z_STREAM_ERROR {
                return Err(self.error(err, what));
            }
            if err == Z_STREAM_END || (self.z.avail_out != 0 && pos == data.len()) {
                return Ok((out, err));
            }
        }
    }
}

/// The sizes of the output blocks CPython gives zlib one after the other. Stored (level 0)
/// deflate blocks are cut where the output space ends, so the same sizes give the same
/// bytes.
const BLOCKS: [usize; 17] = {
    const KB: usize = 1024;
    const MB: usize = 1024 * KB;
    [32 * KB, 64 * KB, 256 * KB, MB, 4 * MB, 8 * MB, 16 * MB, 16 * MB, 32 * MB, 32 * MB, 32 * MB, 32 * MB, 64 * MB, 64 * MB, 128 * MB, 128 * MB, 256 * MB]
};

/// The next block after blocks totalling `capacity` bytes (the last size repeats; an
/// output that started at another size doubles).
fn next_block(capacity: usize) -> usize {
    let mut total = 0;
    for &b in &BLOCKS {
        if total == capacity {
            return b;
        }
        total += b;
    }
    if capacity < total { capacity.max(BLOCKS[0]) } else { BLOCKS[16] }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.end();
    }
}
