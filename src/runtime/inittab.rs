//! The builtin-module and frozen-module tables of cpython/import.h. Embedders fill
//! `struct _inittab` arrays for `PyImport_ExtendInittab` and may point
//! `PyImport_FrozenModules` at their own `struct _frozen` array, so both layouts are
//! CPython's. Neither is in the limited API.
use core::ffi::{c_char, c_int, c_uchar};

use crate::object::object::PyObject;

/// `struct _inittab`: a builtin module's name and its `PyInit_*` function; an entry with a
/// NULL name ends the table.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _inittab {
    pub name: *const c_char,
    pub initfunc: Option<unsafe extern "C" fn() -> *mut PyObject>,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_inittab, size = 16, name @ 0, initfunc @ 8);

/// `struct _frozen`: a module compiled into the executable as `size` bytes of marshalled
/// code, or produced by `get_code`; a NULL name ends the table.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _frozen {
    pub name: *const c_char,
    pub code: *const c_uchar,
    pub size: c_int,
    pub is_package: c_int,
    pub get_code: Option<unsafe extern "C" fn() -> *mut PyObject>,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_frozen, size = 32, name @ 0, code @ 8, size @ 16, is_package @ 20, get_code @ 24);

// ---------------------------------------------------------------------------------------
// The builtin-module table (`PyImport_Inittab`) and its extension by embedders.
// ---------------------------------------------------------------------------------------

/// The modules built into this library. `sys` and `builtins` are made by initialization
/// and cannot be made again (NULL init function, as in CPython).
#[cfg(not(Py_LIMITED_API))]
static mut DEFAULT_INITTAB: [_inittab; 50] = [
    _inittab { name: c"_thread".as_ptr(), initfunc: Some(crate::modules::thread_module::init_thread) },
    _inittab { name: c"gc".as_ptr(), initfunc: Some(crate::modules::gc_module::PyInit_gc) },
    _inittab { name: c"_weakref".as_ptr(), initfunc: Some(crate::modules::weakref_module::PyInit__weakref) },
    _inittab { name: c"atexit".as_ptr(), initfunc: Some(crate::modules::atexit_module::init_atexit) },
    _inittab { name: c"errno".as_ptr(), initfunc: Some(crate::modules::errno_module::init_errno) },
    _inittab { name: c"_stat".as_ptr(), initfunc: Some(crate::modules::stat_module::init_stat) },
    _inittab { name: c"posix".as_ptr(), initfunc: Some(crate::modules::posix::init_posix) },
    _inittab { name: c"_md5".as_ptr(), initfunc: Some(crate::modules::hashes::modules::init_md5) },
    _inittab { name: c"_sha1".as_ptr(), initfunc: Some(crate::modules::hashes::modules::init_sha1) },
    _inittab { name: c"_sha256".as_ptr(), initfunc: Some(crate::modules::hashes::modules::init_sha256) },
    _inittab { name: c"_sha512".as_ptr(), initfunc: Some(crate::modules::hashes::modules::init_sha512) },
    _inittab { name: c"_sha3".as_ptr(), initfunc: Some(crate::modules::hashes::modules::init_sha3) },
    _inittab { name: c"_blake2".as_ptr(), initfunc: Some(crate::modules::hashes::modules::init_blake2) },
    _inittab { name: c"_codecs".as_ptr(), initfunc: Some(crate::modules::codecs_module::init_codecs) },
    _inittab { name: c"_io".as_ptr(), initfunc: Some(crate::modules::io::init_io) },
    _inittab { name: c"itertools".as_ptr(), initfunc: Some(crate::modules::itertools::init_itertools) },
    _inittab { name: c"_operator".as_ptr(), initfunc: Some(crate::modules::operator_module::init_operator) },
    _inittab { name: c"_functools".as_ptr(), initfunc: Some(crate::modules::functools_module::init_functools) },
    _inittab { name: c"_collections".as_ptr(), initfunc: Some(crate::modules::collections::init_collections) },
    _inittab { name: c"_sre".as_ptr(), initfunc: Some(crate::modules::sre::module::init_sre) },
    _inittab { name: c"time".as_ptr(), initfunc: Some(crate::modules::time::init_time) },
    _inittab { name: c"pwd".as_ptr(), initfunc: Some(crate::modules::pwd_module::init_pwd) },
    _inittab { name: c"_signal".as_ptr(), initfunc: Some(crate::modules::signal_module::init_signal) },
    _inittab { name: c"_locale".as_ptr(), initfunc: Some(crate::modules::locale_module::init_locale) },
    _inittab { name: c"math".as_ptr(), initfunc: Some(crate::modules::math_module::init_math) },
    _inittab { name: c"_bisect".as_ptr(), initfunc: Some(crate::modules::bisect_module::init_bisect) },
    _inittab { name: c"_heapq".as_ptr(), initfunc: Some(crate::modules::heapq_module::init_heapq) },
    _inittab { name: c"_random".as_ptr(), initfunc: Some(crate::modules::random_module::init_random) },
    _inittab { name: c"_string".as_ptr(), initfunc: Some(crate::modules::string_module::init_string) },
    _inittab { name: c"_json".as_ptr(), initfunc: Some(crate::modules::json_module::init_json) },
    _inittab { name: c"_struct".as_ptr(), initfunc: Some(crate::modules::struct_::init_struct) },
    _inittab { name: c"_ast".as_ptr(), initfunc: Some(crate::modules::ast::init_ast) },
    _inittab { name: c"_warnings".as_ptr(), initfunc: Some(crate::modules::warnings_module::init_warnings) },
    _inittab { name: c"_imp".as_ptr(), initfunc: Some(crate::modules::imp_module::init_imp) },
    _inittab { name: c"binascii".as_ptr(), initfunc: Some(crate::modules::binascii::init_binascii) },
    _inittab { name: c"zlib".as_ptr(), initfunc: Some(crate::modules::zlib::init_zlib) },
    _inittab { name: c"marshal".as_ptr(), initfunc: Some(crate::modules::marshal::init_marshal) },
    _inittab { name: c"_abc".as_ptr(), initfunc: Some(crate::modules::abc::init_abc) },
    _inittab { name: c"_contextvars".as_ptr(), initfunc: Some(crate::modules::contextvars_module::init_contextvars) },
    _inittab { name: c"select".as_ptr(), initfunc: Some(crate::modules::select::init_select) },
    _inittab { name: c"fcntl".as_ptr(), initfunc: Some(crate::modules::fcntl_module::init_fcntl) },
    _inittab { name: c"_posixsubprocess".as_ptr(), initfunc: Some(crate::modules::posixsubprocess_module::init_posixsubprocess) },
    _inittab { name: c"array".as_ptr(), initfunc: Some(crate::modules::array::init_array) },
    _inittab { name: c"cmath".as_ptr(), initfunc: Some(crate::modules::cmath::init_cmath) },
    _inittab { name: c"unicodedata".as_ptr(), initfunc: Some(crate::modules::unicodedata::init_unicodedata) },
    _inittab { name: c"_socket".as_ptr(), initfunc: Some(crate::modules::socket::init_socket) },
    _inittab { name: c"faulthandler".as_ptr(), initfunc: Some(crate::modules::faulthandler_module::init_faulthandler) },
    _inittab { name: c"builtins".as_ptr(), initfunc: None },
    _inittab { name: c"sys".as_ptr(), initfunc: None },
    _inittab { name: core::ptr::null(), initfunc: None },
];

/// `struct _inittab *PyImport_Inittab`: the table the import system reads builtin modules
/// from; `PyImport_ExtendInittab` replaces it with a longer copy.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyImport_Inittab: *mut _inittab = (&raw mut DEFAULT_INITTAB) as *mut _inittab;

/// The copy `PyImport_ExtendInittab` made (raw-domain memory), NULL before the first.
#[cfg(not(Py_LIMITED_API))]
static mut INITTAB_COPY: *mut _inittab = core::ptr::null_mut();

/// The entries of a table up to its NULL name.
///
/// # Safety
/// `table` is a table ending with a NULL name.
pub(crate) unsafe fn entries<'a>(table: *const _inittab) -> &'a [_inittab] {
    let mut n = 0;
    while !(*table.add(n)).name.is_null() {
        n += 1;
    }
    core::slice::from_raw_parts(table, n)
}

/// The current table's entries.
pub(crate) fn current<'a>() -> &'a [_inittab] {
    // SAFETY: the table is changed only before initialization (CPython's rule for embedders).
    unsafe { entries(PyImport_Inittab) }
}

/// The entry named `name`, if the table has one.
pub(crate) fn find(name: &str) -> Option<&'static _inittab> {
    // SAFETY: each name is a NUL-terminated string of the table.
    current().iter().find(|e| unsafe { core::ffi::CStr::from_ptr(e.name) }.to_bytes() == name.as_bytes())
}

/// `sys.builtin_module_names`: the table's names, sorted.
pub(crate) fn builtin_module_names() -> Vec<String> {
    // SAFETY: as in `find`.
    let mut names: Vec<String> =
        current().iter().map(|e| unsafe { core::ffi::CStr::from_ptr(e.name) }.to_string_lossy().into_owned()).collect();
    names.sort();
    names.dedup();
    names
}

/// `int PyImport_ExtendInittab(struct _inittab *newtab)`: appends the entries of `newtab`
/// (up to its NULL name) to the table; to be called before `Py_Initialize`. -1 when out of
/// memory (no exception: the runtime may not exist yet).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyImport_ExtendInittab(newtab: *mut _inittab) -> core::ffi::c_int {
    if newtab.is_null() {
        return -1;
    }
    let added = entries(newtab).len();
    if added == 0 {
        return 0;
    }
    let old = PyImport_Inittab;
    let kept = entries(old).len();
    let size = core::mem::size_of::<_inittab>() * (kept + added + 1);
    // The raw domain: the table may be extended before the runtime exists.
    let p = crate::object::pymem::PyMem_RawMalloc(size) as *mut _inittab;
    if p.is_null() {
        return -1;
    }
    core::ptr::copy_nonoverlapping(old, p, kept);
    core::ptr::copy_nonoverlapping(newtab, p.add(kept), added + 1);
    PyImport_Inittab = p;
    if !INITTAB_COPY.is_null() {
        crate::object::pymem::PyMem_RawFree(INITTAB_COPY as *mut core::ffi::c_void);
    }
    INITTAB_COPY = p;
    0
}

/// `int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void))`: adds one
/// builtin module (before `Py_Initialize`). The name string must outlive the runtime.
#[no_mangle]
pub unsafe extern "C" fn PyImport_AppendInittab(
    name: *const c_char,
    initfunc: Option<unsafe extern "C" fn() -> *mut PyObject>,
) -> core::ffi::c_int {
    let mut newtab = [
        _inittab { name, initfunc },
        _inittab { name: core::ptr::null(), initfunc: None },
    ];
    PyImport_ExtendInittab(newtab.as_mut_ptr())
}
