//! `_blake2.blake2b` / `blake2s` construction: every BLAKE2 parameter (digest size, key,
//! salt, personalization, and the tree-hashing fields) checked with CPython's messages,
//! then handed to `blake2b_simd`/`blake2s_simd`.
use core::ffi::c_void;

use crate::abstract_::unpack_keywords::{bind_tuple_dict, Params};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::ret;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::typeobject::PyTypeObject;

use super::algorithms::{self, Info, State};
use super::{hash_input, new_hash, BLAKE2B_TYPE};

/// The sizes that differ between the two variants.
struct Limits {
    info: Info,
    salt: usize,
    person: usize,
    key: usize,
    /// blake2s keeps 48 bits of node offset.
    node_offset_bits: u32,
}

const B: Limits = Limits { info: algorithms::BLAKE2B, salt: 16, person: 16, key: 64, node_offset_bits: 64 };
const S: Limits = Limits { info: algorithms::BLAKE2S, salt: 8, person: 8, key: 32, node_offset_bits: 48 };

const NAMES: &[&str] = &[
    "data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size",
    "last_node", "usedforsecurity",
];

fn value_error(message: String) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// An int argument within `lo..=hi`, else ValueError `message`.
unsafe fn small_int(arg: Option<*mut PyObject>, default: i64, lo: i64, hi: i64, message: &str) -> PyResult<i64> {
    let Some(arg) = arg else { return Ok(default) };
    let v = crate::objects::long_convert::_PyLong_AsInt(arg) as i64;
    if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    if !(lo..=hi).contains(&v) {
        return Err(value_error(message.to_string()));
    }
    Ok(v)
}

/// An unsigned argument as CPython's unsigned converters take it ("value must be positive").
unsafe fn unsigned(arg: Option<*mut PyObject>) -> PyResult<u64> {
    let Some(arg) = arg else { return Ok(0) };
    let mut v: u64 = 0;
    if crate::objects::long_convert::_PyLong_UnsignedLongLong_Converter(arg, (&mut v as *mut u64).cast::<c_void>()) == 0 {
        return Err(Raised::assume_set());
    }
    Ok(v)
}

/// A bytes-like argument no longer than `max` bytes.
unsafe fn short_bytes(arg: Option<*mut PyObject>, max: usize, what: &str) -> PyResult<Vec<u8>> {
    let Some(arg) = arg else { return Ok(Vec::new()) };
    let view = crate::objects::bytes::bytes_like(arg)?;
    if view.len() > max {
        return Err(value_error(format!("maximum {what} length is {max} bytes")));
    }
    Ok(view)
}

/// `tp_new`: `blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'',
/// fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
/// last_node=False, usedforsecurity=True)`.
pub(crate) unsafe extern "C" fn blake2_new(tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let limits = if crate::object::typetype::is_subtype(tp, &raw mut BLAKE2B_TYPE) { &B } else { &S };
        let max = limits.info.digest_size as i64;
        let params = Params { function: limits.info.name, names: NAMES, positional_only: 1, max_positional: 1, required: 0 };
        let (_holder, a) = bind_tuple_dict(&params, args, kwargs)?;
        let digest_size = small_int(a[1], max, 1, max, &format!("digest_size must be between 1 and {max} bytes"))?;
        let salt = short_bytes(a[3], limits.salt, "salt")?;
        let person = short_bytes(a[4], limits.person, "person")?;
        let fanout = small_int(a[5], 1, 0, 255, "fanout must be between 0 and 255")?;
        let depth = small_int(a[6], 1, 1, 255, "depth must be between 1 and 255")?;
        let leaf_size = unsigned(a[7])?;
        if leaf_size > u32::MAX as u64 {
            return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "leaf_size is too large"));
        }
        let node_offset = unsigned(a[8])?;
        if limits.node_offset_bits < 64 && node_offset >> limits.node_offset_bits != 0 {
            return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "node_offset is too large"));
        }
        let node_depth = small_int(a[9], 0, 0, 255, "node_depth must be between 0 and 255")?;
        let inner_size = small_int(a[10], 0, 0, max, &format!("inner_size must be between 0 and is {max}"))?;
        let last_node = match a[11] {
            Some(v) => crate::abstract_::object::is_true(v)?,
            None => false,
        };
        let key = short_bytes(a[2], limits.key, "key")?;
        let state = if limits.info.name == "blake2b" {
            let mut p = blake2b_simd::Params::new();
            p.hash_length(digest_size as usize).key(&key).salt(&salt).personal(&person).fanout(fanout as u8).max_depth(depth as u8);
            p.max_leaf_length(leaf_size as u32).node_offset(node_offset).node_depth(node_depth as u8);
            p.inner_hash_length(inner_size as usize).last_node(last_node);
            State::Blake2b(p.to_state())
        } else {
            let mut p = blake2s_simd::Params::new();
            p.hash_length(digest_size as usize).key(&key).salt(&salt).personal(&person).fanout(fanout as u8).max_depth(depth as u8);
            p.max_leaf_length(leaf_size as u32).node_offset(node_offset).node_depth(node_depth as u8);
            p.inner_hash_length(inner_size as usize).last_node(last_node);
            State::Blake2s(p.to_state())
        };
        let h = new_hash(tp, limits.info, digest_size as usize, state)?;
        if let Some(data) = a[0] {
            let s = &mut *(*(h.as_ptr() as *mut super::HashObject)).state;
            hash_input(data, |b| s.update(b))?;
        }
        Ok(h)
    })())
}
