//! The six hash modules: `_md5.md5`, `_sha1.sha1`, `_sha256.sha224/sha256`,
//! `_sha512.sha384/sha512` are functions (`string=b''`, keyword-only `usedforsecurity`);
//! the `_sha3` and `_blake2` types are called directly (`data` positional-only).
use core::ffi::CStr;

use crate::abstract_::unpack_keywords::{bind, bind_tuple_dict, Params};
use crate::errors::raised::PyResult;
use crate::modules::{module_def, owned, ret};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, int, str as pystr};

use super::algorithms::{self, Info};
use super::{hash_input, new_hash, ready};
use super::{MD5_TYPE, SHA1_TYPE, SHA224_TYPE, SHA256_TYPE, SHA384_TYPE, SHA512_TYPE};
use super::{SHA3_224_TYPE, SHA3_256_TYPE, SHA3_384_TYPE, SHA3_512_TYPE, SHAKE128_TYPE, SHAKE256_TYPE};
use super::{BLAKE2B_TYPE, BLAKE2S_TYPE};

/// A new object of `tp` for `info`, fed `data` when given.
unsafe fn start(tp: *mut PyTypeObject, info: Info, data: Option<*mut PyObject>) -> PyResult<PyRef> {
    let state = algorithms::new_state(&info).ok_or_else(crate::object::pending_error::bad_internal_call)?;
    let h = new_hash(tp, info, info.digest_size, state)?;
    if let Some(data) = data {
        let s = &mut *(*(h.as_ptr() as *mut super::HashObject)).state;
        hash_input(data, |b| s.update(b))?;
    }
    Ok(h)
}

/// A module-level constructor: `NAME(string=b'', *, usedforsecurity=True)`.
unsafe fn construct(function: &'static str, tp: *mut PyTypeObject, info: Info, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let params = Params { function, names: &["string", "usedforsecurity"], positional_only: 0, max_positional: 1, required: 0 };
        let bound = bind(&params, args, nargs as usize, kwnames)?;
        start(tp, info, bound[0])
    })())
}

macro_rules! constructor {
    ($fn_name:ident, $name:literal, $tp:ident, $info:ident) => {
        unsafe extern "C" fn $fn_name(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
            construct($name, &raw mut $tp, algorithms::$info, args, nargs, kwnames)
        }
    };
}

constructor!(md5, "md5", MD5_TYPE, MD5);
constructor!(sha1, "sha1", SHA1_TYPE, SHA1);
constructor!(sha224, "sha224", SHA224_TYPE, SHA224);
constructor!(sha256, "sha256", SHA256_TYPE, SHA256);
constructor!(sha384, "sha384", SHA384_TYPE, SHA384);
constructor!(sha512, "sha512", SHA512_TYPE, SHA512);

/// The algorithm of a `_sha3` type (or of a subclass of one).
unsafe fn keccak_info(tp: *mut PyTypeObject) -> Option<(*mut PyTypeObject, Info)> {
    let table: [(*mut PyTypeObject, Info); 6] = [
        (&raw mut SHA3_224_TYPE, algorithms::SHA3_224),
        (&raw mut SHA3_256_TYPE, algorithms::SHA3_256),
        (&raw mut SHA3_384_TYPE, algorithms::SHA3_384),
        (&raw mut SHA3_512_TYPE, algorithms::SHA3_512),
        (&raw mut SHAKE128_TYPE, algorithms::SHAKE128),
        (&raw mut SHAKE256_TYPE, algorithms::SHAKE256),
    ];
    table.into_iter().find(|(t, _)| crate::object::typetype::is_subtype(tp, *t))
}

/// `tp_new` of the `_sha3` types: `sha3_256(data=b'', /, *, usedforsecurity=True)`.
pub(crate) unsafe extern "C" fn sha3_new(tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let Some((_, info)) = keccak_info(tp) else { return Err(crate::object::pending_error::bad_internal_call()) };
        let params = Params { function: info.name, names: &["data", "usedforsecurity"], positional_only: 1, max_positional: 1, required: 0 };
        let (_holder, bound) = bind_tuple_dict(&params, args, kwargs)?;
        start(tp, info, bound[0])
    })())
}

const fn ctor(name: &'static CStr, f: crate::modules::FastKwFn, doc: &'static CStr) -> PyMethodDef {
    crate::object::method_table::fast_kw(name, f, METH_FASTCALL | METH_KEYWORDS).doc(doc)
}

static mut MD5_FUNCTIONS: [PyMethodDef; 2] = [ctor(c"md5", md5, c"Return a new MD5 hash object; optionally initialized with a string."), crate::object::method_table::END];
static mut SHA1_FUNCTIONS: [PyMethodDef; 2] = [ctor(c"sha1", sha1, c"Return a new SHA1 hash object; optionally initialized with a string."), crate::object::method_table::END];
static mut SHA256_FUNCTIONS: [PyMethodDef; 3] = [
    ctor(c"sha256", sha256, c"Return a new SHA-256 hash object; optionally initialized with a string."),
    ctor(c"sha224", sha224, c"Return a new SHA-224 hash object; optionally initialized with a string."),
    crate::object::method_table::END,
];
static mut SHA512_FUNCTIONS: [PyMethodDef; 3] = [
    ctor(c"sha512", sha512, c"Return a new SHA-512 hash object; optionally initialized with a string."),
    ctor(c"sha384", sha384, c"Return a new SHA-384 hash object; optionally initialized with a string."),
    crate::object::method_table::END,
];
static mut NO_FUNCTIONS: [PyMethodDef; 1] = [crate::object::method_table::END];

static mut MD5_DEF: PyModuleDef = module_def(c"_md5", c"", (&raw mut MD5_FUNCTIONS) as *mut PyMethodDef);
static mut SHA1_DEF: PyModuleDef = module_def(c"_sha1", c"", (&raw mut SHA1_FUNCTIONS) as *mut PyMethodDef);
static mut SHA256_DEF: PyModuleDef = module_def(c"_sha256", c"", (&raw mut SHA256_FUNCTIONS) as *mut PyMethodDef);
static mut SHA512_DEF: PyModuleDef = module_def(c"_sha512", c"", (&raw mut SHA512_FUNCTIONS) as *mut PyMethodDef);
static mut SHA3_DEF: PyModuleDef = module_def(c"_sha3", c"", (&raw mut NO_FUNCTIONS) as *mut PyMethodDef);
static mut BLAKE2_DEF: PyModuleDef = module_def(c"_blake2", c"_blake2b provides BLAKE2b for hashlib\n", (&raw mut NO_FUNCTIONS) as *mut PyMethodDef);

/// Makes module `def` with its types readied and `entries` set in its dict.
unsafe fn make(def: *mut PyModuleDef, types: &[*mut PyTypeObject], entries: &[(&str, *mut PyObject)]) -> *mut PyObject {
    ret((|| {
        ready(types)?;
        let m = owned(crate::objects::module::PyModule_Create2(def, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        for &(name, value) in entries {
            dict::set_item(d, pystr::intern(name)?.as_ptr(), value)?;
        }
        Ok(m)
    })())
}

fn t(tp: *mut PyTypeObject) -> *mut PyObject {
    tp as *mut PyObject
}

pub(crate) unsafe extern "C" fn init_md5() -> *mut PyObject {
    make(&raw mut MD5_DEF, &[&raw mut MD5_TYPE], &[("MD5Type", t(&raw mut MD5_TYPE))])
}

pub(crate) unsafe extern "C" fn init_sha1() -> *mut PyObject {
    make(&raw mut SHA1_DEF, &[&raw mut SHA1_TYPE], &[("SHA1Type", t(&raw mut SHA1_TYPE))])
}

pub(crate) unsafe extern "C" fn init_sha256() -> *mut PyObject {
    let types = [&raw mut SHA224_TYPE, &raw mut SHA256_TYPE];
    make(&raw mut SHA256_DEF, &types, &[("SHA224Type", t(types[0])), ("SHA256Type", t(types[1]))])
}

pub(crate) unsafe extern "C" fn init_sha512() -> *mut PyObject {
    // CPython 3.11's _sha512 names only SHA384Type.
    let types = [&raw mut SHA384_TYPE, &raw mut SHA512_TYPE];
    make(&raw mut SHA512_DEF, &types, &[("SHA384Type", t(types[0]))])
}

pub(crate) unsafe extern "C" fn init_sha3() -> *mut PyObject {
    let types = [
        &raw mut SHA3_224_TYPE,
        &raw mut SHA3_256_TYPE,
        &raw mut SHA3_384_TYPE,
        &raw mut SHA3_512_TYPE,
        &raw mut SHAKE128_TYPE,
        &raw mut SHAKE256_TYPE,
    ];
    let m = make(
        &raw mut SHA3_DEF,
        &types,
        &[
            ("sha3_224", t(types[0])),
            ("sha3_256", t(types[1])),
            ("sha3_384", t(types[2])),
            ("sha3_512", t(types[3])),
            ("shake_128", t(types[4])),
            ("shake_256", t(types[5])),
        ],
    );
    ret((|| {
        let m = owned(m)?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        // What CPython's Keccak code reports about itself; ours is RustCrypto's `sha3`.
        dict::set_item(d, pystr::intern("implementation")?.as_ptr(), pystr::from_utf8("RustCrypto sha3")?.as_ptr())?;
        dict::set_item(d, pystr::intern("keccakopt")?.as_ptr(), int::from_i64(64)?.as_ptr())?;
        Ok(m)
    })())
}

pub(crate) unsafe extern "C" fn init_blake2() -> *mut PyObject {
    let types = [&raw mut BLAKE2B_TYPE, &raw mut BLAKE2S_TYPE];
    let m = make(&raw mut BLAKE2_DEF, &types, &[("blake2b", t(types[0])), ("blake2s", t(types[1]))]);
    ret((|| {
        let m = owned(m)?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let constants: [(&str, i64); 8] = [
            ("BLAKE2B_SALT_SIZE", 16),
            ("BLAKE2B_PERSON_SIZE", 16),
            ("BLAKE2B_MAX_KEY_SIZE", 64),
            ("BLAKE2B_MAX_DIGEST_SIZE", 64),
            ("BLAKE2S_SALT_SIZE", 8),
            ("BLAKE2S_PERSON_SIZE", 8),
            ("BLAKE2S_MAX_KEY_SIZE", 32),
            ("BLAKE2S_MAX_DIGEST_SIZE", 32),
        ];
        for (name, v) in constants {
            dict::set_item(d, pystr::intern(name)?.as_ptr(), int::from_i64(v)?.as_ptr())?;
        }
        // The types carry their own sizes (`blake2b.SALT_SIZE`, ...).
        for (tp, prefix) in [(types[0], "BLAKE2B_"), (types[1], "BLAKE2S_")] {
            for (name, v) in constants.iter().filter(|(n, _)| n.starts_with(prefix)) {
                let short = &name[prefix.len()..];
                dict::set_item((*tp).tp_dict, pystr::intern(short)?.as_ptr(), int::from_i64(*v)?.as_ptr())?;
            }
            crate::object::type_cache::PyType_Modified(tp);
        }
        Ok(m)
    })())
}
