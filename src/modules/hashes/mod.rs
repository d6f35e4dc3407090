//! The hash modules `hashlib` falls back on when OpenSSL's `_hashlib` is missing (as here):
//! `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3`, `_blake2`. Every hash object has one
//! layout (`HashObject`: the algorithm's `Info` and its running `State`) and one set of
//! methods (`update`, `digest`, `hexdigest`, `copy`; SHAKE's digests take a length); the
//! types differ only in name, constructor and extra attributes, as CPython's do.
use core::ffi::{c_ulong, c_void, CStr};

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{owned, ret};
use crate::object::descr::PyGetSetDef;
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::slots::newfunc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_DISALLOW_INSTANTIATION, Py_TPFLAGS_IMMUTABLETYPE};
use crate::objects::{bytes, int, str as pystr};

pub(crate) mod algorithms;
mod blake2;
pub(crate) mod modules;

use algorithms::{Info, State};

#[repr(C)]
pub(crate) struct HashObject {
    ob_base: PyObject,
    info: Info,
    /// Bytes of `digest()` (BLAKE2's is chosen per object).
    digest_size: usize,
    state: *mut State,
}

unsafe fn object<'a>(op: *mut PyObject) -> &'a mut HashObject {
    &mut *(op as *mut HashObject)
}

/// A new hash object of type `tp` for `info`, starting from `state`.
pub(crate) unsafe fn new_hash(tp: *mut PyTypeObject, info: Info, digest_size: usize, state: State) -> PyResult<PyRef> {
    let op = owned(crate::object::objimpl::_PyObject_New(tp))?;
    let h = object(op.as_ptr());
    core::ptr::write(&mut h.info, info);
    h.digest_size = digest_size;
    h.state = Box::into_raw(Box::new(state));
    Ok(op)
}

unsafe extern "C" fn hash_dealloc(op: *mut PyObject) {
    let h = object(op);
    if !h.state.is_null() {
        drop(Box::from_raw(h.state));
    }
    crate::object::pymem::PyObject_Free(op.cast());
}

/// The bytes of `data` for hashing: a one-dimensional buffer; str and non-buffers are the
/// TypeErrors CPython gives.
pub(crate) unsafe fn hash_input(data: *mut PyObject, mut f: impl FnMut(&[u8])) -> PyResult<()> {
    if pystr::is_str(data) {
        return Err(raise_type(&raw mut exc::_PyExc_TypeError, "Strings must be encoded before hashing"));
    }
    let tp = (*data).ob_type;
    if (*tp).tp_as_buffer.is_null() || (*(*tp).tp_as_buffer).bf_getbuffer.is_none() {
        return Err(raise_type(&raw mut exc::_PyExc_TypeError, "object supporting the buffer API required"));
    }
    let view = crate::object::buffer_contig::View::get(data, crate::object::buffer::PyBUF_SIMPLE)?;
    if view.0.ndim > 1 {
        return Err(raise_type(&raw mut exc::_PyExc_BufferError, "Buffer must be single dimension"));
    }
    if view.0.len > 0 {
        f(core::slice::from_raw_parts(view.0.buf as *const u8, view.0.len as usize));
    }
    Ok(())
}

unsafe extern "C" fn hash_update(op: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    let state = &mut *object(op).state;
    ret(hash_input(data, |b| state.update(b)).map(|()| crate::modules::none_ref()))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

unsafe extern "C" fn hash_digest(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let h = object(op);
    ret(bytes::from_slice(&(*h.state).digest(h.digest_size)))
}

unsafe extern "C" fn hash_hexdigest(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let h = object(op);
    ret(pystr::from_utf8(&hex(&(*h.state).digest(h.digest_size))))
}

unsafe extern "C" fn hash_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let h = object(op);
    ret(new_hash((*op).ob_type, h.info, h.digest_size, (*h.state).clone()))
}

/// SHAKE's output length argument: a non-negative int, as CPython's unsigned long converter.
unsafe fn shake_length(length: *mut PyObject) -> PyResult<usize> {
    if !int::is_int(length) {
        return Err(raise_type(&raw mut exc::_PyExc_TypeError, "an integer is required"));
    }
    let n = crate::objects::long_convert::as_i64_with(length, "Python int too large to convert to C unsigned long")?;
    if n < 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "value must be positive"));
    }
    if n >= 1 << 29 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "length is too large"));
    }
    Ok(n as usize)
}

unsafe extern "C" fn shake_digest(op: *mut PyObject, length: *mut PyObject) -> *mut PyObject {
    ret((|| bytes::from_slice(&(*object(op).state).digest(shake_length(length)?)))())
}

unsafe extern "C" fn shake_hexdigest(op: *mut PyObject, length: *mut PyObject) -> *mut PyObject {
    ret((|| pystr::from_utf8(&hex(&(*object(op).state).digest(shake_length(length)?))))())
}

unsafe extern "C" fn get_name(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(pystr::from_utf8(object(op).info.name))
}

unsafe extern "C" fn get_digest_size(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(int::from_i64(object(op).digest_size as i64))
}

unsafe extern "C" fn get_block_size(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(int::from_i64(object(op).info.block_size as i64))
}

/// `_rate_bits` of a Keccak sponge: its block size in bits.
unsafe extern "C" fn get_rate_bits(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(int::from_i64(object(op).info.block_size as i64 * 8))
}

/// `_capacity_bits`: what the 1600-bit Keccak state keeps beyond the rate.
unsafe extern "C" fn get_capacity_bits(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(int::from_i64(1600 - object(op).info.block_size as i64 * 8))
}

/// `_suffix`: the domain-separation byte, 0x06 for SHA-3 and 0x1f for SHAKE.
unsafe extern "C" fn get_suffix(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let shake = object(op).info.name.starts_with("shake");
    ret(bytes::from_slice(&[if shake { 0x1f } else { 0x06 }]))
}

const fn getter(name: &'static CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

const GETSET_END: PyGetSetDef =
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() };

static mut HASH_METHODS: [PyMethodDef; 5] = [
    crate::object::method_table::plain(c"update", hash_update, METH_O).doc(c"Update this hash object's state with the provided string."),
    crate::object::method_table::plain(c"digest", hash_digest, METH_NOARGS).doc(c"Return the digest value as a bytes object."),
    crate::object::method_table::plain(c"hexdigest", hash_hexdigest, METH_NOARGS).doc(c"Return the digest value as a string of hexadecimal digits."),
    crate::object::method_table::plain(c"copy", hash_copy, METH_NOARGS).doc(c"Return a copy of the hash object."),
    crate::object::method_table::END,
];

static mut SHAKE_METHODS: [PyMethodDef; 5] = [
    crate::object::method_table::plain(c"update", hash_update, METH_O).doc(c"Update this hash object's state with the provided bytes-like object."),
    crate::object::method_table::plain(c"digest", shake_digest, METH_O).doc(c"Return the digest value as a bytes object."),
    crate::object::method_table::plain(c"hexdigest", shake_hexdigest, METH_O).doc(c"Return the digest value as a string of hexadecimal digits."),
    crate::object::method_table::plain(c"copy", hash_copy, METH_NOARGS).doc(c"Return a copy of the hash object."),
    crate::object::method_table::END,
];

static mut HASH_GETSET: [PyGetSetDef; 4] =
    [getter(c"name", get_name), getter(c"digest_size", get_digest_size), getter(c"block_size", get_block_size), GETSET_END];

static mut KECCAK_GETSET: [PyGetSetDef; 7] = [
    getter(c"name", get_name),
    getter(c"digest_size", get_digest_size),
    getter(c"block_size", get_block_size),
    getter(c"_capacity_bits", get_capacity_bits),
    getter(c"_rate_bits", get_rate_bits),
    getter(c"_suffix", get_suffix),
    GETSET_END,
];

/// The kinds of hash type: which methods and attributes, and whether calling the type
/// makes an object (SHA-3 and BLAKE2 types are their own constructors; the others are made
/// by module functions and cannot be instantiated).
#[derive(Clone, Copy)]
enum Kind {
    Plain,
    Keccak,
    Shake,
    Constructed,
}

const fn hash_type(name: &'static CStr, kind: Kind, new: newfunc) -> PyTypeObject {
    let instantiable = new.is_some();
    let mut flags = Py_TPFLAGS_DEFAULT as c_ulong | Py_TPFLAGS_IMMUTABLETYPE;
    if !instantiable {
        flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    }
    PyTypeObject {
        tp_dealloc: Some(hash_dealloc),
        tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
        tp_methods: match kind {
            Kind::Shake => (&raw mut SHAKE_METHODS) as *mut PyMethodDef,
            _ => (&raw mut HASH_METHODS) as *mut PyMethodDef,
        },
        tp_getset: match kind {
            Kind::Keccak | Kind::Shake => (&raw mut KECCAK_GETSET) as *mut PyGetSetDef,
            Kind::Plain | Kind::Constructed => (&raw mut HASH_GETSET) as *mut PyGetSetDef,
        },
        tp_new: new,
        ..static_type(name, core::mem::size_of::<HashObject>(), 0, flags, None)
    }
}

pub(crate) static mut MD5_TYPE: PyTypeObject = hash_type(c"_md5.md5", Kind::Plain, None);
pub(crate) static mut SHA1_TYPE: PyTypeObject = hash_type(c"_sha1.sha1", Kind::Plain, None);
pub(crate) static mut SHA224_TYPE: PyTypeObject = hash_type(c"_sha256.sha224", Kind::Plain, None);
pub(crate) static mut SHA256_TYPE: PyTypeObject = hash_type(c"_sha256.sha256", Kind::Plain, None);
pub(crate) static mut SHA384_TYPE: PyTypeObject = hash_type(c"_sha512.sha384", Kind::Plain, None);
pub(crate) static mut SHA512_TYPE: PyTypeObject = hash_type(c"_sha512.sha512", Kind::Plain, None);
pub(crate) static mut SHA3_224_TYPE: PyTypeObject = hash_type(c"_sha3.sha3_224", Kind::Keccak, Some(modules::sha3_new));
pub(crate) static mut SHA3_256_TYPE: PyTypeObject = hash_type(c"_sha3.sha3_256", Kind::Keccak, Some(modules::sha3_new));
pub(crate) static mut SHA3_384_TYPE: PyTypeObject = hash_type(c"_sha3.sha3_384", Kind::Keccak, Some(modules::sha3_new));
pub(crate) static mut SHA3_512_TYPE: PyTypeObject = hash_type(c"_sha3.sha3_512", Kind::Keccak, Some(modules::sha3_new));
pub(crate) static mut SHAKE128_TYPE: PyTypeObject = hash_type(c"_sha3.shake_128", Kind::Shake, Some(modules::sha3_new));
pub(crate) static mut SHAKE256_TYPE: PyTypeObject = hash_type(c"_sha3.shake_256", Kind::Shake, Some(modules::sha3_new));
pub(crate) static mut BLAKE2B_TYPE: PyTypeObject = hash_type(c"_blake2.blake2b", Kind::Constructed, Some(blake2::blake2_new));
pub(crate) static mut BLAKE2S_TYPE: PyTypeObject = hash_type(c"_blake2.blake2s", Kind::Constructed, Some(blake2::blake2_new));

/// Readies `types` (done when their module is first made).
pub(crate) unsafe fn ready(types: &[*mut PyTypeObject]) -> PyResult<()> {
    for &tp in types {
        if crate::object::type_ready::PyType_Ready(tp) < 0 {
            return Err(Raised::assume_set());
        }
    }
    Ok(())
}
