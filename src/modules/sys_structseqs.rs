//! The struct sequences of `sys`: `flags` (from the configuration), `version_info`,
//! `hash_info`, `thread_info`, and the `int_info`/`float_info` of the int and float
//! areas. Their types are made once per runtime (static struct sequence types) and
//! returned to their unmade state at finalization, as `sys.int_info`'s are.
use core::ffi::CStr;

use crate::errors::raised::PyResult;
use crate::modules::owned;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DISALLOW_INSTANTIATION};
use crate::objects::structseq::{fini_info_type, info_instance, info_instance_with_flags, PyStructSequence_Desc, PyStructSequence_Field};
use crate::objects::{bool as pybool, dict, int, str as pystr};
use crate::runtime::initconfig::PyConfig;

const fn field(name: &'static CStr, doc: &'static CStr) -> PyStructSequence_Field {
    PyStructSequence_Field { name: name.as_ptr(), doc: doc.as_ptr() }
}
const END_FIELD: PyStructSequence_Field = PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() };

static mut FLAGS_TYPE: PyTypeObject = unsafe { core::mem::zeroed() };
static mut FLAGS_FIELDS: [PyStructSequence_Field; 19] = [
    field(c"debug", c"-d"),
    field(c"inspect", c"-i"),
    field(c"interactive", c"-i"),
    field(c"optimize", c"-O or -OO"),
    field(c"dont_write_bytecode", c"-B"),
    field(c"no_user_site", c"-s"),
    field(c"no_site", c"-S"),
    field(c"ignore_environment", c"-E"),
    field(c"verbose", c"-v"),
    field(c"bytes_warning", c"-b"),
    field(c"quiet", c"-q"),
    field(c"hash_randomization", c"-R"),
    field(c"isolated", c"-I"),
    field(c"dev_mode", c"-X dev"),
    field(c"utf8_mode", c"-X utf8"),
    field(c"warn_default_encoding", c"-X warn_default_encoding"),
    field(c"safe_path", c"-P"),
    field(c"int_max_str_digits", c"-X int_max_str_digits"),
    END_FIELD,
];
static mut FLAGS_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"sys.flags".as_ptr(),
    doc: c"sys.flags\n\nFlags provided through command line arguments or environment vars.".as_ptr(),
    fields: &raw mut FLAGS_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 18,
};

static mut VERSION_INFO_TYPE: PyTypeObject = unsafe { core::mem::zeroed() };
static mut VERSION_INFO_FIELDS: [PyStructSequence_Field; 6] = [
    field(c"major", c"Major release number"),
    field(c"minor", c"Minor release number"),
    field(c"micro", c"Patch release number"),
    field(c"releaselevel", c"'alpha', 'beta', 'candidate', or 'final'"),
    field(c"serial", c"Serial release number"),
    END_FIELD,
];
static mut VERSION_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"sys.version_info".as_ptr(),
    doc: c"sys.version_info\n\nVersion information as a named tuple.".as_ptr(),
    fields: &raw mut VERSION_INFO_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 5,
};

static mut HASH_INFO_TYPE: PyTypeObject = unsafe { core::mem::zeroed() };
static mut HASH_INFO_FIELDS: [PyStructSequence_Field; 10] = [
    field(c"width", c"width of the type used for hashing, in bits"),
    field(c"modulus", c"prime number giving the modulus on which the hash function is based"),
    field(c"inf", c"value to be used for hash of a positive infinity"),
    field(c"nan", c"value to be used for hash of a nan"),
    field(c"imag", c"multiplier used for the imaginary part of a complex number"),
    field(c"algorithm", c"name of the algorithm for hashing of str, bytes and memoryviews"),
    field(c"hash_bits", c"internal output size of hash algorithm"),
    field(c"seed_bits", c"seed size of hash algorithm"),
    field(c"cutoff", c"small string optimization cutoff"),
    END_FIELD,
];
static mut HASH_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"sys.hash_info".as_ptr(),
    doc: c"hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.".as_ptr(),
    fields: &raw mut HASH_INFO_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 9,
};

static mut THREAD_INFO_TYPE: PyTypeObject = unsafe { core::mem::zeroed() };
static mut THREAD_INFO_FIELDS: [PyStructSequence_Field; 4] = [
    field(c"name", c"name of the thread implementation"),
    field(c"lock", c"name of the lock implementation"),
    field(c"version", c"name and version of the thread library"),
    END_FIELD,
];
static mut THREAD_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"sys.thread_info".as_ptr(),
    doc: c"sys.thread_info\n\nA named tuple holding information about the thread implementation.".as_ptr(),
    fields: &raw mut THREAD_INFO_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 3,
};

fn ints(values: &[i64]) -> PyResult<Vec<PyRef>> {
    values.iter().map(|&v| int::from_i64(v)).collect()
}

fn boolean(b: bool) -> PyRef {
    // SAFETY: True/False are static objects.
    unsafe { crate::abstract_::new_ref(pybool::PyBool_FromLong(b as _)) }
}

unsafe fn flags(config: &PyConfig) -> PyResult<PyRef> {
    let c = config;
    let hash_randomization = c.use_hash_seed == 0 || c.hash_seed != 0;
    let mut v = ints(&[
        c.parser_debug as i64,
        c.inspect as i64,
        c.interactive as i64,
        c.optimization_level as i64,
        (c.write_bytecode == 0) as i64,
        (c.user_site_directory == 0) as i64,
        (c.site_import == 0) as i64,
        (c.use_environment == 0) as i64,
        c.verbose as i64,
        c.bytes_warning as i64,
        c.quiet as i64,
        hash_randomization as i64,
        c.isolated as i64,
    ])?;
    v.push(boolean(c.dev_mode != 0));
    v.push(int::from_i64(crate::runtime::preinit::utf8_mode_enabled() as i64)?);
    v.push(int::from_i64(c.warn_default_encoding as i64)?);
    v.push(boolean(c.safe_path != 0));
    v.push(int::from_i64(-1)?);
    info_instance_with_flags(&raw mut FLAGS_TYPE, &raw mut FLAGS_DESC, v, Py_TPFLAGS_DISALLOW_INSTANTIATION)
}

unsafe fn version_info() -> PyResult<PyRef> {
    let hex = crate::modules::sys_module::HEXVERSION;
    let mut v = ints(&[hex >> 24, (hex >> 16) & 0xff, (hex >> 8) & 0xff])?;
    v.push(pystr::from_utf8("final")?);
    v.push(int::from_i64(hex & 0xf)?);
    info_instance_with_flags(&raw mut VERSION_INFO_TYPE, &raw mut VERSION_INFO_DESC, v, Py_TPFLAGS_DISALLOW_INSTANTIATION)
}

unsafe fn hash_info() -> PyResult<PyRef> {
    let mut v = ints(&[64, (1i64 << 61) - 1, 314159, 0, 1000003])?;
    v.push(pystr::from_utf8("siphash13")?);
    v.extend(ints(&[64, 128, 0])?);
    info_instance(&raw mut HASH_INFO_TYPE, &raw mut HASH_INFO_DESC, v)
}

/// The C library's thread version (`confstr(_CS_GNU_LIBPTHREAD_VERSION)`), or None.
unsafe fn pthread_version() -> PyResult<PyRef> {
    let mut buf = [0u8; 64];
    let n = libc::confstr(libc::_CS_GNU_LIBPTHREAD_VERSION, buf.as_mut_ptr() as *mut _, buf.len());
    if n == 0 || n > buf.len() {
        return Ok(crate::modules::none_ref());
    }
    pystr::from_utf8(&String::from_utf8_lossy(&buf[..n - 1]))
}

/// `sys.thread_info` (also `PyThread_GetInfo`).
pub(crate) unsafe fn thread_info() -> PyResult<PyRef> {
    let v = vec![pystr::from_utf8("pthread")?, pystr::from_utf8("semaphore")?, pthread_version()?];
    info_instance(&raw mut THREAD_INFO_TYPE, &raw mut THREAD_INFO_DESC, v)
}

/// `PyObject *PyThread_GetInfo(void)`: `sys.thread_info`'s value (a new reference).
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyThread_GetInfo() -> *mut PyObject {
    crate::modules::ret(thread_info())
}

/// Adds the struct sequences to the sys dict.
pub(crate) unsafe fn install(d: *mut PyObject, config: &PyConfig) -> PyResult<()> {
    let entries = [
        ("flags", flags(config)?),
        ("version_info", version_info()?),
        ("hash_info", hash_info()?),
        ("thread_info", thread_info()?),
        ("int_info", owned(crate::objects::long_info::PyLong_GetInfo())?),
        ("float_info", owned(crate::objects::float_info::PyFloat_GetInfo())?),
    ];
    for (name, value) in entries {
        dict::set_item(d, pystr::intern(name)?.as_ptr(), value.as_ptr())?;
    }
    Ok(())
}

/// At finalization, once sys is gone: the types go with the runtime's objects.
pub(crate) fn fini() {
    // SAFETY: finalization, under the GIL; no instance of this runtime is used after.
    unsafe {
        for tp in [&raw mut FLAGS_TYPE, &raw mut VERSION_INFO_TYPE, &raw mut HASH_INFO_TYPE, &raw mut THREAD_INFO_TYPE] {
            fini_info_type(tp);
        }
    }
    crate::modules::sys_asyncgen_hooks::fini();
}
