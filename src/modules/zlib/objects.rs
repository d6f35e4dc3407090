//! `zlib.Compress` and `zlib.Decompress`: a stream kept across calls. `Decompress` also
//! keeps `unused_data` (bytes after the end of the stream), `unconsumed_tail` (input held
//! back by `max_length`) and `eof`.
use core::ffi::c_int;
use core::mem::offset_of;

use libz_sys::{Z_BUF_ERROR, Z_FINISH, Z_NEED_DICT, Z_NO_FLUSH, Z_OK, Z_STREAM_END, Z_SYNC_FLUSH};

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::bytes_arg;
use crate::modules::owned;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::method_table::{fast, fast_kw, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_DISALLOW_INSTANTIATION};
use crate::objects::bytes;

use super::stream::Stream;

#[repr(C)]
pub(crate) struct ZlibObject {
    ob_base: PyObject,
    unused_data: *mut PyObject,
    unconsumed_tail: *mut PyObject,
    /// The dictionary (a buffer object) or NULL.
    zdict: *mut PyObject,
    /// `eof` as a bool object.
    eof: *mut PyObject,
    stream: *mut Stream,
}

unsafe fn obj<'a>(op: *mut PyObject) -> &'a mut ZlibObject {
    &mut *(op as *mut ZlibObject)
}

unsafe fn stream<'a>(op: *mut PyObject) -> &'a mut Stream {
    &mut *obj(op).stream
}

/// A new Compress or Decompress object around `s`.
pub(crate) unsafe fn wrap(tp: *mut PyTypeObject, s: Stream, zdict: Option<*mut PyObject>) -> PyResult<PyRef> {
    let op = owned(crate::object::objimpl::_PyObject_New(tp))?;
    let o = obj(op.as_ptr());
    let empty = bytes::from_slice(&[])?;
    o.unused_data = empty.clone().into_ptr();
    o.unconsumed_tail = empty.into_ptr();
    o.zdict = zdict.map_or(core::ptr::null_mut(), |z| new_ref(z).into_ptr());
    o.eof = new_ref(crate::objects::bool::false_()).into_ptr();
    o.stream = Box::into_raw(Box::new(s));
    Ok(op)
}

unsafe extern "C" fn zlib_dealloc(op: *mut PyObject) {
    let o = obj(op);
    drop(Box::from_raw(o.stream));
    for p in [o.unused_data, o.unconsumed_tail, o.zdict, o.eof] {
        drop(PyRef::from_owned(p));
    }
    crate::object::pymem::PyObject_Free(op.cast());
}

unsafe fn set(field: &mut *mut PyObject, value: PyRef) {
    let old = core::mem::replace(field, value.into_ptr());
    drop(PyRef::from_owned(old));
}

// ---------------------------------------------------------------------------------------
// Compress
// ---------------------------------------------------------------------------------------

unsafe extern "C" fn comp_compress(op: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let data = bytes_arg::read(data)?;
        let (out, _) = stream(op).deflate_all(data.as_slice(), Z_NO_FLUSH, "while compressing data")?;
        bytes::from_slice(&out)
    })())
}

unsafe extern "C" fn comp_flush(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = super::positional("flush", args, nargs, 0, 1)?;
        let mode = match a.first() {
            Some(&m) => super::c_int_arg(m)?,
            None => Z_FINISH,
        };
        if mode == Z_NO_FLUSH {
            return bytes::from_slice(&[]);
        }
        let s = stream(op);
        let (out, err) = s.deflate_all(&[], mode, "while flushing")?;
        if mode == Z_FINISH && err == Z_STREAM_END {
            s.end();
        } else if err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END {
            return Err(s.error(err, "while flushing"));
        }
        bytes::from_slice(&out)
    })())
}

unsafe extern "C" fn comp_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let s = stream(op).copy()?;
        let o = obj(op);
        wrap((*op).ob_type, s, (!o.zdict.is_null()).then_some(o.zdict))
    })())
}

unsafe extern "C" fn deepcopy(op: *mut PyObject, _memo: *mut PyObject) -> *mut PyObject {
    if (*op).ob_type == &raw mut COMPRESS_TYPE {
        comp_copy(op, core::ptr::null_mut())
    } else {
        decomp_copy(op, core::ptr::null_mut())
    }
}

static mut COMPRESS_METHODS: [PyMethodDef; 6] = [
    plain(c"compress", comp_compress, METH_O).doc(c"compress($self, data, /)\n--\n\nReturns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n\nAfter calling this function, some of the input data may still\nbe stored in internal buffers for later processing.\nCall the flush() method to clear these buffers."),
    fast(c"flush", comp_flush, METH_FASTCALL).doc(c"flush($self, mode=zlib.Z_FINISH, /)\n--\n\nReturn a bytes object containing any remaining compressed data."),
    plain(c"copy", comp_copy, METH_NOARGS).doc(c"copy($self, /)\n--\n\nReturn a copy of the compression object."),
    plain(c"__copy__", comp_copy, METH_NOARGS),
    plain(c"__deepcopy__", deepcopy, METH_O),
    END,
];

pub(crate) static mut COMPRESS_TYPE: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(zlib_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut COMPRESS_METHODS) as *mut PyMethodDef,
    ..static_type(c"zlib.Compress", core::mem::size_of::<ZlibObject>(), 0, Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | Py_TPFLAGS_DISALLOW_INSTANTIATION, None)
};

// ---------------------------------------------------------------------------------------
// Decompress
// ---------------------------------------------------------------------------------------

/// Gives the stream its dictionary after `Z_NEED_DICT` (or up front for raw streams).
pub(crate) unsafe fn set_dictionary(s: &mut Stream, zdict: *mut PyObject) -> PyResult<()> {
    let d = bytes_arg::read(zdict)?;
    let err = libz_sys::inflateSetDictionary(&mut *s.z, d.as_slice().as_ptr(), d.as_slice().len() as libz_sys::uInt);
    if err != Z_OK {
        return Err(s.error(err, "while setting zdict"));
    }
    Ok(())
}

/// Runs inflate over `data` with `flush`, at most `limit` bytes of output; updates
/// `unused_data`, `unconsumed_tail` and `eof`. `strict`: zlib's errors raise (`flush`
/// returns what it has, as CPython's does).
unsafe fn inflate(op: *mut PyObject, data: &[u8], flush: c_int, limit: Option<usize>, initial: usize, strict: bool) -> PyResult<PyRef> {
    let o = obj(op);
    let s = &mut *o.stream;
    let mut out = Vec::with_capacity(limit.map_or(initial, |l| l.min(initial)).max(1));
    s.set_input(data);
    let mut err;
    loop {
        if limit.is_some_and(|l| out.len() >= l) {
            err = Z_OK;
            break;
        }
        err = s.step(&mut out, flush, limit);
        if err == Z_NEED_DICT && !o.zdict.is_null() {
            set_dictionary(s, o.zdict)?;
            continue;
        }
        if err != Z_OK && err != Z_BUF_ERROR {
            break;
        }
        // Done when zlib left output room (it has nothing more for now) or input ran out
        // and no output is pending.
        if s.z.avail_out != 0 || (s.z.avail_in == 0 && err == Z_BUF_ERROR) {
            break;
        }
    }
    // What zlib did not read: after the end of the stream it is unused data, otherwise
    // the tail `max_length` held back.
    let left = core::slice::from_raw_parts(s.z.next_in, s.z.avail_in as usize);
    if err == Z_STREAM_END {
        if !left.is_empty() {
            let mut all = bytes::as_slice(o.unused_data).to_vec();
            all.extend_from_slice(left);
            set(&mut o.unused_data, bytes::from_slice(&all)?);
        }
        set(&mut o.unconsumed_tail, bytes::from_slice(&[])?);
        set(&mut o.eof, new_ref(crate::objects::bool::true_()));
    } else {
        set(&mut o.unconsumed_tail, bytes::from_slice(left)?);
        if strict && err != Z_OK && err != Z_BUF_ERROR {
            return Err(s.error(err, "while decompressing data"));
        }
    }
    bytes::from_slice(&out)
}

static DECOMPRESS: Params = Params { function: "decompress", names: &["data", "max_length"], positional_only: 1, max_positional: 2, required: 1 };

unsafe extern "C" fn decomp_decompress(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&DECOMPRESS, args, nargs as usize, kw)?;
        let data = bytes_arg::read(b[0].unwrap())?;
        let max = match b[1] {
            Some(m) => crate::abstract_::item::as_ssize(m, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => 0,
        };
        if max < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "max_length must be non-negative"));
        }
        let limit = (max > 0).then_some(max as usize);
        inflate(op, data.as_slice(), Z_SYNC_FLUSH, limit, 16384, true)
    })())
}

unsafe extern "C" fn decomp_flush(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = super::positional("flush", args, nargs, 0, 1)?;
        let length = match a.first() {
            Some(&l) => crate::abstract_::item::as_ssize(l, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => 16384,
        };
        if length <= 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "length must be greater than zero"));
        }
        let o = obj(op);
        let tail = new_ref(o.unconsumed_tail);
        let out = inflate(op, bytes::as_slice(tail.as_ptr()), Z_FINISH, None, length as usize, false);
        if crate::abstract_::object::is_true(o.eof)? {
            (*o.stream).end();
        }
        out
    })())
}

unsafe extern "C" fn decomp_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let s = stream(op).copy()?;
        let o = obj(op);
        let c = wrap((*op).ob_type, s, (!o.zdict.is_null()).then_some(o.zdict))?;
        let n = obj(c.as_ptr());
        set(&mut n.unused_data, new_ref(o.unused_data));
        set(&mut n.unconsumed_tail, new_ref(o.unconsumed_tail));
        set(&mut n.eof, new_ref(o.eof));
        Ok(c)
    })())
}

static mut DECOMPRESS_METHODS: [PyMethodDef; 6] = [
    fast_kw(c"decompress", decomp_decompress, METH_FASTCALL | METH_KEYWORDS).doc(c"decompress($self, data, /, max_length=0)\n--\n\nReturn a bytes object containing the decompressed version of the data.\n\n  data\n    The binary data to decompress.\n  max_length\n    The maximum allowable length of the decompressed data.\n    Unconsumed input data will be stored in\n    the unconsumed_tail attribute.\n\nAfter calling this function, some of the input data may still be stored in\ninternal buffers for later processing.\nCall the flush() method to clear these buffers."),
    fast(c"flush", decomp_flush, METH_FASTCALL).doc(c"flush($self, length=zlib.DEF_BUF_SIZE, /)\n--\n\nReturn a bytes object containing any remaining decompressed data.\n\n  length\n    the initial size of the output buffer."),
    plain(c"copy", decomp_copy, METH_NOARGS).doc(c"copy($self, /)\n--\n\nReturn a copy of the decompression object."),
    plain(c"__copy__", decomp_copy, METH_NOARGS),
    plain(c"__deepcopy__", deepcopy, METH_O),
    END,
];

static mut DECOMPRESS_MEMBERS: [PyMemberDef; 4] = [
    PyMemberDef { name: c"unused_data".as_ptr(), r#type: T_OBJECT, offset: offset_of!(ZlibObject, unused_data) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"unconsumed_tail".as_ptr(), r#type: T_OBJECT, offset: offset_of!(ZlibObject, unconsumed_tail) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"eof".as_ptr(), r#type: T_OBJECT, offset: offset_of!(ZlibObject, eof) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

pub(crate) static mut DECOMPRESS_TYPE: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(zlib_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut DECOMPRESS_METHODS) as *mut PyMethodDef,
    tp_members: (&raw mut DECOMPRESS_MEMBERS) as *mut PyMemberDef,
    ..static_type(c"zlib.Decompress", core::mem::size_of::<ZlibObject>(), 0, Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | Py_TPFLAGS_DISALLOW_INSTANTIATION, None)
};
