//! Argument checks for C functions (CPython's getargs.c): `PyArg_UnpackTuple` (through the C
//! shim in src/c/getargs.c), `PyArg_ValidateKeywordArguments`, and the helpers Argument Clinic
//! output calls (`_PyArg_CheckPositional`, `_PyArg_NoKeywords`, `_PyArg_NoKwnames`,
//! `_PyArg_NoPositional`, `_PyArg_BadArgument`).
//! TODO(getargs): `PyArg_ParseTuple`, `PyArg_ParseTupleAndKeywords`, `PyArg_Parse` and their
//! va_list/_SizeT spellings are not implemented yet.
use core::ffi::{c_char, c_int, CStr};

use crate::errors::exception_types::_PyExc_TypeError;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise, raise_type, ExcType};
use crate::objects::singletons::_Py_NoneStruct;
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

unsafe fn c_text(s: *const c_char) -> String {
    CStr::from_ptr(s).to_string_lossy().chars().take(200).collect()
}

fn plural(n: Py_ssize_t, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}

/// Whether `nargs` positional arguments fit `min..=max`; TypeError with CPython's message
/// otherwise, naming `name` or, without one, "unpacked tuple".
pub(crate) unsafe fn check_positional(name: *const c_char, nargs: Py_ssize_t, min: Py_ssize_t, max: Py_ssize_t) -> bool {
    let bound = |which: &str, n: Py_ssize_t| -> String {
        let qualifier = if min == max { "" } else { which };
        if name.is_null() {
            format!("unpacked tuple should have {qualifier}{n} {}, but has {nargs}", plural(n, "element"))
        } else {
            format!("{} expected {qualifier}{n} {}, got {nargs}", c_text(name), plural(n, "argument"))
        }
    };
    if nargs < min {
        let _ = raise_type(&raw mut _PyExc_TypeError, bound("at least ", min));
        return false;
    }
    if nargs == 0 {
        return true;
    }
    if nargs > max {
        let _ = raise_type(&raw mut _PyExc_TypeError, bound("at most ", max));
        return false;
    }
    true
}

/// `int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min,
/// Py_ssize_t max)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyArg_CheckPositional(name: *const c_char, nargs: Py_ssize_t, min: Py_ssize_t, max: Py_ssize_t) -> c_int {
    check_positional(name, nargs, min, max) as c_int
}

/// The first half of `PyArg_UnpackTuple` (the C shim stores the items): the number of items
/// of `args`, or -1 with the exception set.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_unpack_tuple_check(
    args: *mut PyObject,
    name: *const c_char,
    min: Py_ssize_t,
    max: Py_ssize_t,
) -> Py_ssize_t {
    if args.is_null() || !tuple::is_tuple(args) {
        let _ = raise(ExcType::SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return -1;
    }
    let n = tuple::len(args) as Py_ssize_t;
    if check_positional(name, n, min, max) { n } else { -1 }
}

/// Item `i` of a tuple, borrowed (for the C shim).
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_tuple_item(args: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    tuple::items(args)[i as usize]
}

/// `int PyArg_ValidateKeywordArguments(PyObject *kwargs)`: 1 when every key is a str.
#[no_mangle]
pub unsafe extern "C" fn PyArg_ValidateKeywordArguments(kwargs: *mut PyObject) -> c_int {
    if kwargs.is_null() || !dict::is_dict(kwargs) {
        let _ = bad_internal_call();
        return 0;
    }
    if dict::items(kwargs).iter().any(|&(k, _)| !pystr::is_str(k)) {
        let _ = raise_type(&raw mut _PyExc_TypeError, "keywords must be strings");
        return 0;
    }
    1
}

/// `int _PyArg_NoKeywords(const char *funcname, PyObject *kwargs)`: 1 for NULL or an empty
/// dict.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyArg_NoKeywords(funcname: *const c_char, kwargs: *mut PyObject) -> c_int {
    if kwargs.is_null() {
        return 1;
    }
    if (*kwargs).ob_type != &raw mut crate::objects::dict::PyDict_Type {
        let _ = bad_internal_call();
        return 0;
    }
    if dict::len(kwargs) == 0 {
        return 1;
    }
    let _ = raise_type(&raw mut _PyExc_TypeError, format!("{}() takes no keyword arguments", c_text(funcname)));
    0
}

/// `int _PyArg_NoKwnames(const char *funcname, PyObject *kwnames)`: 1 for NULL or ().
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyArg_NoKwnames(funcname: *const c_char, kwnames: *mut PyObject) -> c_int {
    if kwnames.is_null() {
        return 1;
    }
    if !tuple::is_tuple(kwnames) {
        let _ = bad_internal_call();
        return 0;
    }
    if tuple::len(kwnames) == 0 {
        return 1;
    }
    let _ = raise_type(
        &raw mut _PyExc_TypeError,
        format!("{}() takes no keyword arguments", CStr::from_ptr(funcname).to_string_lossy()),
    );
    0
}

/// `int _PyArg_NoPositional(const char *funcname, PyObject *args)`: 1 for NULL or ().
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyArg_NoPositional(funcname: *const c_char, args: *mut PyObject) -> c_int {
    if args.is_null() {
        return 1;
    }
    if (*args).ob_type != &raw mut crate::objects::tuple::PyTuple_Type {
        let _ = bad_internal_call();
        return 0;
    }
    if tuple::len(args) == 0 {
        return 1;
    }
    let _ = raise_type(&raw mut _PyExc_TypeError, format!("{}() takes no positional arguments", c_text(funcname)));
    0
}

/// `void _PyArg_BadArgument(const char *fname, const char *displayname,
/// const char *expected, PyObject *arg)`: "f() argument 1 must be str, not int".
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyArg_BadArgument(
    fname: *const c_char,
    displayname: *const c_char,
    expected: *const c_char,
    arg: *mut PyObject,
) {
    let got = if arg == &raw mut _Py_NoneStruct {
        "None".to_string()
    } else {
        CStr::from_ptr(crate::object::typetype::_PyType_Name((*arg).ob_type)).to_string_lossy().into_owned()
    };
    let expected: String = CStr::from_ptr(expected).to_string_lossy().chars().take(50).collect();
    let got: String = got.chars().take(50).collect();
    let _ = raise_type(
        &raw mut _PyExc_TypeError,
        format!("{}() {} must be {expected}, not {got}", c_text(fname), c_text(displayname)),
    );
}
