//! The `zlib` module on the system's zlib through libz-sys: the library CPython links, so
//! compressed bytes are identical for the same parameters (and `ZLIB_RUNTIME_VERSION` is
//! the same). One-shot `compress`/`decompress`, stream objects (`objects.rs`), `crc32`,
//! `adler32`, the constants and `zlib.error`.
use core::ffi::{c_int, CStr};

use libz_sys::{Z_BUF_ERROR, Z_FINISH, Z_MEM_ERROR, Z_NEED_DICT, Z_OK, Z_STREAM_END, Z_STREAM_ERROR};

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::bytes_arg;
use crate::modules::module_init::{add, add_ints, create, dict_of};
use crate::modules::{args_slice, fast, fast_kw, module_def, owned, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{bytes, int, str as pystr};

pub(crate) mod checksum;
mod objects;
mod stream;

use stream::Stream;

static mut ZLIB_ERROR: *mut PyObject = core::ptr::null_mut();

pub(crate) fn zlib_error_type() -> *mut PyTypeObject {
    // SAFETY: read after the module is made.
    unsafe { ZLIB_ERROR as *mut PyTypeObject }
}

const DEF_BUF_SIZE: usize = 16384;

/// Between `min` and `max` positional arguments, with Argument Clinic's message.
pub(crate) unsafe fn positional<'a>(name: &str, args: *const *mut PyObject, nargs: isize, min: usize, max: usize) -> PyResult<&'a [*mut PyObject]> {
    let a = args_slice(args, nargs);
    if a.len() < min || a.len() > max {
        let (how, n) = if min == max { ("", min) } else if a.len() < min { ("at least ", min) } else { ("at most ", max) };
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!("{name} expected {how}{n} argument{plural}, got {}", a.len())));
    }
    Ok(a)
}

/// A C `int` argument.
pub(crate) unsafe fn c_int_arg(o: *mut PyObject) -> PyResult<c_int> {
    let v = crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?;
    c_int::try_from(v).map_err(|_| raise_type(&raw mut exc::_PyExc_OverflowError, if v < 0 { "signed integer is less than minimum" } else { "signed integer is greater than maximum" }))
}

unsafe fn int_or(o: Option<*mut PyObject>, default: c_int) -> PyResult<c_int> {
    o.map_or(Ok(default), |o| c_int_arg(o))
}

static COMPRESS: Params = Params { function: "compress", names: &["data", "level", "wbits"], positional_only: 1, max_positional: 3, required: 1 };

unsafe extern "C" fn compress(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&COMPRESS, args, nargs as usize, kw)?;
        let data = bytes_arg::read(b[0].unwrap())?;
        let (level, wbits) = (int_or(b[1], -1)?, int_or(b[2], 15)?);
        let (mut s, err) = Stream::deflate_init(level, libz_sys::Z_DEFLATED, wbits, 8, 0);
        match err {
            Z_OK => {}
            Z_MEM_ERROR => return Err(raise_type(&raw mut exc::_PyExc_MemoryError, "Out of memory while compressing data")),
            Z_STREAM_ERROR => return Err(raise_type(zlib_error_type(), "Bad compression level")),
            _ => return Err(s.error(err, "while compressing data")),
        }
        let (out, _) = s.deflate_all(data.as_slice(), Z_FINISH, "while compressing data")?;
        bytes::from_slice(&out)
    })())
}

static DECOMPRESS: Params = Params { function: "decompress", names: &["data", "wbits", "bufsize"], positional_only: 1, max_positional: 3, required: 1 };

unsafe extern "C" fn decompress(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&DECOMPRESS, args, nargs as usize, kw)?;
        let data = bytes_arg::read(b[0].unwrap())?;
        let wbits = int_or(b[1], 15)?;
        let bufsize = match b[2] {
            Some(o) => crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => DEF_BUF_SIZE as isize,
        };
        if bufsize < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "bufsize must be non-negative"));
        }
        let (mut s, err) = Stream::inflate_init(wbits);
        match err {
            Z_OK => {}
            Z_MEM_ERROR => return Err(raise_type(&raw mut exc::_PyExc_MemoryError, "Out of memory while decompressing data")),
            _ => return Err(s.error(err, "while preparing to decompress data")),
        }
        let input = data.as_slice();
        let mut out = Vec::with_capacity((bufsize as usize).clamp(1, 1 << 24));
        s.set_input(input);
        loop {
            let err = s.step(&mut out, Z_FINISH, None);
            match err {
                Z_STREAM_END => break,
                Z_OK | Z_BUF_ERROR if s.z.avail_out == 0 => continue,
                // Input exhausted without the end of the stream.
                Z_OK | Z_BUF_ERROR => return Err(s.error(Z_BUF_ERROR, "while decompressing data")),
                Z_NEED_DICT => return Err(s.error(err, "while decompressing data")),
                Z_MEM_ERROR => return Err(no_memory()),
                _ => return Err(s.error(err, "while decompressing data")),
            }
        }
        bytes::from_slice(&out)
    })())
}

static COMPRESSOBJ: Params = Params {
    function: "compressobj",
    names: &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
    positional_only: 0,
    max_positional: 6,
    required: 0,
};

unsafe extern "C" fn compressobj(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&COMPRESSOBJ, args, nargs as usize, kw)?;
        let (level, method, wbits) = (int_or(b[0], -1)?, int_or(b[1], 8)?, int_or(b[2], 15)?);
        let (mem_level, strategy) = (int_or(b[3], 8)?, int_or(b[4], 0)?);
        let zdict = match b[5] {
            Some(z) if z != crate::abstract_::none() => Some(bytes_arg::read(z)?),
            _ => None,
        };
        let (mut s, err) = Stream::deflate_init(level, method, wbits, mem_level, strategy);
        match err {
            Z_OK => {}
            Z_MEM_ERROR => return Err(raise_type(&raw mut exc::_PyExc_MemoryError, "Can't allocate memory for compression object")),
            Z_STREAM_ERROR => return Err(raise_type(&raw mut exc::_PyExc_ValueError, "Invalid initialization option")),
            _ => return Err(s.error(err, "while creating compression object")),
        }
        if let Some(d) = zdict {
            let d = d.as_slice();
            if libz_sys::deflateSetDictionary(&mut *s.z, d.as_ptr(), d.len() as libz_sys::uInt) != Z_OK {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "Invalid dictionary"));
            }
        }
        objects::wrap(&raw mut objects::COMPRESS_TYPE, s, None)
    })())
}

static DECOMPRESSOBJ: Params = Params { function: "decompressobj", names: &["wbits", "zdict"], positional_only: 0, max_positional: 2, required: 0 };

unsafe extern "C" fn decompressobj(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&DECOMPRESSOBJ, args, nargs as usize, kw)?;
        let wbits = int_or(b[0], 15)?;
        let zdict = b[1];
        if let Some(z) = zdict {
            if crate::objects::bytes_buffer::PyObject_CheckBuffer(z) == 0 {
                return Err(type_error("zdict argument must support the buffer protocol"));
            }
        }
        let (mut s, err) = Stream::inflate_init(wbits);
        match err {
            Z_OK => {}
            Z_MEM_ERROR => return Err(raise_type(&raw mut exc::_PyExc_MemoryError, "Can't allocate memory for decompression object")),
            Z_STREAM_ERROR => return Err(raise_type(&raw mut exc::_PyExc_ValueError, "Invalid initialization option")),
            _ => return Err(s.error(err, "while creating decompression object")),
        }
        // A raw stream never asks for its dictionary: give it now.
        if let (Some(z), true) = (zdict, wbits < 0) {
            objects::set_dictionary(&mut s, z)?;
        }
        objects::wrap(&raw mut objects::DECOMPRESS_TYPE, s, zdict)
    })())
}

unsafe fn checksum(name: &str, args: *const *mut PyObject, nargs: isize, start: u32, f: fn(u32, &[u8]) -> u32) -> PyResult<PyRef> {
    let a = positional(name, args, nargs, 1, 2)?;
    let data = bytes_arg::read(a[0])?;
    let value = match a.get(1) {
        Some(&v) => crate::objects::long_convert::low_u64(crate::abstract_::number::index(v)?.as_ptr()) as u32,
        None => start,
    };
    int::from_u64(f(value, data.as_slice()) as u64)
}

unsafe extern "C" fn crc32(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj(checksum("crc32", args, nargs, 0, checksum::crc32))
}

unsafe extern "C" fn adler32(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj(checksum("adler32", args, nargs, 1, checksum::adler32))
}

static mut ZLIB_FUNCTIONS: [PyMethodDef; 7] = [
    fast(c"adler32", adler32, c"adler32($module, data, value=1, /)\n--\n\nCompute an Adler-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\nThe returned checksum is an integer."),
    fast_kw(c"compress", compress, c"compress($module, data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)\n--\n\nReturns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n  level\n    Compression level, in 0-9 or -1.\n  wbits\n    The window buffer size and container format."),
    fast_kw(c"compressobj", compressobj, c"compressobj($module, /, level=Z_DEFAULT_COMPRESSION, method=DEFLATED,\n            wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,\n            strategy=Z_DEFAULT_STRATEGY, zdict=None)\n--\n\nReturn a compressor object."),
    fast(c"crc32", crc32, c"crc32($module, data, value=0, /)\n--\n\nCompute a CRC-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\nThe returned checksum is an integer."),
    fast_kw(c"decompress", decompress, c"decompress($module, data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)\n--\n\nReturns a bytes object containing the uncompressed data.\n\n  data\n    Compressed data.\n  wbits\n    The window buffer size and container format.\n  bufsize\n    The initial output buffer size."),
    fast_kw(c"decompressobj", decompressobj, c"decompressobj($module, /, wbits=MAX_WBITS, zdict=b'')\n--\n\nReturn a decompressor object.\n\n  wbits\n    The window buffer size and container format.\n  zdict\n    The predefined compression dictionary.  This must be the same\n    dictionary as used by the compressor that produced the input data."),
    END,
];

static mut ZLIB_DEF: PyModuleDef = module_def(
    c"zlib",
    c"The functions in this module allow compression and decompression using the\nzlib library, which is based on GNU zip.\n\nadler32(string[, start]) -- Compute an Adler-32 checksum.\ncompress(data[, level]) -- Compress data, with compression level 0-9 or -1.\ncompressobj([level[, ...]]) -- Return a compressor object.\ncrc32(string[, start]) -- Compute a CRC-32 checksum.\ndecompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\ndecompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n'wbits' is window buffer size and container format.\nCompressor objects support compress() and flush() methods; decompressor\nobjects support decompress() and flush().",
    (&raw mut ZLIB_FUNCTIONS) as *mut PyMethodDef,
);

const CONSTANTS: &[(&str, c_int)] = &[
    ("MAX_WBITS", 15),
    ("DEFLATED", libz_sys::Z_DEFLATED),
    ("DEF_MEM_LEVEL", 8),
    ("DEF_BUF_SIZE", DEF_BUF_SIZE as c_int),
    ("Z_NO_COMPRESSION", libz_sys::Z_NO_COMPRESSION),
    ("Z_BEST_SPEED", libz_sys::Z_BEST_SPEED),
    ("Z_BEST_COMPRESSION", libz_sys::Z_BEST_COMPRESSION),
    ("Z_DEFAULT_COMPRESSION", libz_sys::Z_DEFAULT_COMPRESSION),
    ("Z_FILTERED", libz_sys::Z_FILTERED),
    ("Z_HUFFMAN_ONLY", libz_sys::Z_HUFFMAN_ONLY),
    ("Z_RLE", libz_sys::Z_RLE),
    ("Z_FIXED", libz_sys::Z_FIXED),
    ("Z_DEFAULT_STRATEGY", libz_sys::Z_DEFAULT_STRATEGY),
    ("Z_NO_FLUSH", libz_sys::Z_NO_FLUSH),
    ("Z_PARTIAL_FLUSH", libz_sys::Z_PARTIAL_FLUSH),
    ("Z_SYNC_FLUSH", libz_sys::Z_SYNC_FLUSH),
    ("Z_FULL_FLUSH", libz_sys::Z_FULL_FLUSH),
    ("Z_FINISH", libz_sys::Z_FINISH),
    ("Z_BLOCK", libz_sys::Z_BLOCK),
    ("Z_TREES", libz_sys::Z_TREES),
];

/// `PyInit_zlib` for the inittab.
pub(crate) unsafe extern "C" fn init_zlib() -> *mut PyObject {
    ret_obj((|| {
        crate::modules::hashes::ready(&[&raw mut objects::COMPRESS_TYPE, &raw mut objects::DECOMPRESS_TYPE])?;
        if ZLIB_ERROR.is_null() {
            ZLIB_ERROR = owned(crate::errors::setters::PyErr_NewException(
                c"zlib.error".as_ptr(),
                &raw mut exc::_PyExc_Exception as *mut PyObject,
                core::ptr::null_mut(),
            ))?
            .into_ptr();
        }
        let m = create(&raw mut ZLIB_DEF)?;
        let d = dict_of(&m);
        add(d, "error", ZLIB_ERROR)?;
        add_ints(d, CONSTANTS)?;
        let version = CStr::from_ptr(libz_sys::zlibVersion()).to_string_lossy().into_owned();
        add(d, "ZLIB_VERSION", pystr::from_utf8(&version)?.as_ptr())?;
        add(d, "ZLIB_RUNTIME_VERSION", pystr::from_utf8(&version)?.as_ptr())?;
        Ok(m)
    })())
}
