//! The `_struct` module (what `struct` re-exports): packing values to and unpacking them
//! from bytes by format strings. Formats are compiled once into `Struct` objects; the
//! module-level functions keep the last 100 in a cache keyed by the format object.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::module_init::{add, create, dict_of};
use crate::modules::{args_slice, fast, fast_kw, meth, module_def, owned, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, int};

pub(crate) mod format;
mod pack;
pub(crate) mod struct_type;
mod unpack;

use struct_type::STRUCT_TYPE;

/// `struct.error`, made with the module.
static mut STRUCT_ERROR: *mut PyObject = core::ptr::null_mut();
/// Format object -> Struct.
static mut CACHE: *mut PyObject = core::ptr::null_mut();
const MAX_CACHE: usize = 100;

/// Raises `struct.error(message)`.
pub(crate) fn struct_error(message: &str) -> Raised {
    // SAFETY: set when the module is made, before any format is compiled.
    unsafe { raise_type(STRUCT_ERROR as *mut PyTypeObject, message) }
}

/// The Struct for `format`, from the cache or compiled now.
unsafe fn cached(format: *mut PyObject) -> PyResult<PyRef> {
    if let Some(s) = dict::get_item(CACHE, format)? {
        return Ok(new_ref(s));
    }
    let tp = &raw mut STRUCT_TYPE;
    let s = owned(((*tp).tp_new.unwrap())(tp, core::ptr::null_mut(), core::ptr::null_mut()))?;
    struct_type::set_format(s.as_ptr(), format)?;
    if dict::len(CACHE) >= MAX_CACHE {
        dict::clear(CACHE);
    }
    dict::set_item(CACHE, format, s.as_ptr())?;
    Ok(s)
}

fn missing_format() -> Raised {
    type_error("missing format argument")
}

unsafe extern "C" fn m_pack(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = args_slice(args, nargs);
        let (&format, values) = a.split_first().ok_or_else(missing_format)?;
        struct_type::pack_bytes(cached(format)?.as_ptr(), values)
    })())
}

unsafe extern "C" fn m_pack_into(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = args_slice(args, nargs);
        let (&format, rest) = a.split_first().ok_or_else(missing_format)?;
        struct_type::pack_into(cached(format)?.as_ptr(), rest)
    })())
}

/// Exactly `n` positional arguments, with Argument Clinic's message.
unsafe fn positional<'a>(name: &str, args: *const *mut PyObject, nargs: isize, n: usize) -> PyResult<&'a [*mut PyObject]> {
    let a = args_slice(args, nargs);
    if a.len() != n {
        return Err(type_error(format!("{name} expected {n} arguments, got {}", a.len())));
    }
    Ok(a)
}

unsafe extern "C" fn m_unpack(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("unpack", args, nargs, 2)?;
        struct_type::unpack_buffer(cached(a[0])?.as_ptr(), a[1])
    })())
}

static UNPACK_FROM: Params = Params { function: "unpack_from", names: &["format", "buffer", "offset"], positional_only: 1, max_positional: 3, required: 2 };

unsafe extern "C" fn m_unpack_from(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&UNPACK_FROM, args, nargs as usize, kw)?;
        struct_type::unpack_from(cached(b[0].unwrap())?.as_ptr(), b[1].unwrap(), b[2])
    })())
}

unsafe extern "C" fn m_iter_unpack(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("iter_unpack", args, nargs, 2)?;
        struct_type::iter_unpack(cached(a[0])?.as_ptr(), a[1])
    })())
}

unsafe extern "C" fn m_calcsize(_m: *mut PyObject, format: *mut PyObject) -> *mut PyObject {
    ret_obj((|| int::from_i64(struct_type::compiled(cached(format)?.as_ptr()).size as i64))())
}

unsafe extern "C" fn m_clearcache(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    dict::clear(CACHE);
    crate::modules::none_ref().into_ptr()
}

static mut STRUCT_FUNCTIONS: [PyMethodDef; 8] = [
    meth(c"_clearcache", m_clearcache, METH_NOARGS, c"_clearcache($module, /)\n--\n\nClear the internal cache."),
    meth(c"calcsize", m_calcsize, METH_O, c"calcsize($module, format, /)\n--\n\nReturn size in bytes of the struct described by the format string."),
    fast(c"iter_unpack", m_iter_unpack, c"iter_unpack($module, format, buffer, /)\n--\n\nReturn an iterator yielding tuples unpacked from the given bytes.\n\nThe bytes are unpacked according to the format string, like\na repeated invocation of unpack_from().\n\nRequires that the bytes length be a multiple of the format struct size."),
    fast(c"pack", m_pack, c"pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed according\nto the format string.  See help(struct) for more on format strings."),
    fast(c"pack_into", m_pack_into, c"pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string and write\nthe packed bytes into the writable buffer buf starting at offset.  Note\nthat the offset is a required argument.  See help(struct) for more\non format strings."),
    fast(c"unpack", m_unpack, c"unpack($module, format, buffer, /)\n--\n\nReturn a tuple containing values unpacked according to the format string.\n\nThe buffer's size in bytes must be calcsize(format).\n\nSee help(struct) for more on format strings."),
    fast_kw(c"unpack_from", m_unpack_from, c"unpack_from($module, format, /, buffer, offset=0)\n--\n\nReturn a tuple containing values unpacked according to the format string.\n\nThe buffer's size, minus offset, must be at least calcsize(format).\n\nSee help(struct) for more on format strings."),
    END,
];

static mut STRUCT_DEF: PyModuleDef = module_def(
    c"_struct",
    c"Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\nand also as format strings (explained below) to describe the layout of data\nin the C struct.\n\nThe optional first format char indicates byte order, size and alignment:\n  @: native order, size & alignment (default)\n  =: native order, std. size & alignment\n  <: little-endian, std. size & alignment\n  >: big-endian, std. size & alignment\n  !: same as >\n\nThe remaining chars indicate types of args and must match exactly;\nthese can be preceded by a decimal repeat count:\n  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n  ?: _Bool (requires C99; if not available, char is used instead)\n  h:short; H:unsigned short; i:int; I:unsigned int;\n  l:long; L:unsigned long; f:float; d:double; e:half-float.\nSpecial cases (preceding decimal count indicates length):\n  s:string (array of char); p: pascal string (with count byte).\nSpecial cases (only available in native format):\n  n:ssize_t; N:size_t;\n  P:an integer type that is wide enough to hold a pointer.\nSpecial case (not in native mode unless 'long long' in platform C):\n  q:long long; Q:unsigned long long\nWhitespace between formats is ignored.\n\nThe variable struct.error is an exception raised on errors.\n",
    (&raw mut STRUCT_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit__struct` for the inittab.
pub(crate) unsafe extern "C" fn init_struct() -> *mut PyObject {
    ret_obj((|| {
        crate::modules::hashes::ready(&[&raw mut STRUCT_TYPE, &raw mut struct_type::UNPACK_ITER_TYPE])?;
        if STRUCT_ERROR.is_null() {
            STRUCT_ERROR = owned(crate::errors::setters::PyErr_NewException(
                c"struct.error".as_ptr(),
                &raw mut exc::_PyExc_Exception as *mut PyObject,
                core::ptr::null_mut(),
            ))?
            .into_ptr();
            CACHE = dict::new()?.into_ptr();
        }
        let m = create(&raw mut STRUCT_DEF)?;
        let d = dict_of(&m);
        add(d, "error", STRUCT_ERROR)?;
        add(d, "Struct", (&raw mut STRUCT_TYPE) as *mut PyObject)?;
        Ok(m)
    })())
}
