//! The `unicodedata` module: the Unicode Character Database (14.0.0) and, as the
//! `ucd_3_2_0` instance of its `UCD` type, Unicode 3.2.0 (for IDNA and stringprep). The
//! same functions serve both: called on a `UCD` instance they read 3.2.0.
use core::ffi::c_char;
use core::mem::offset_of;

use crate::abstract_::{new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::module_init::{add, create, dict_of};
use crate::modules::zlib::positional;
use crate::modules::{fast, meth, module_def, owned, END};
use crate::object::member::{PyMemberDef, READONLY, T_STRING};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_DISALLOW_INSTANTIATION};
use crate::objects::module::PyModuleDef;
use crate::objects::str as pystr;
use crate::objects::str_access::{code_points, units};

mod data;
mod names;
mod normalize;
#[rustfmt::skip]
mod tables;

use data::Version;
use normalize::Form;

/// A `UCD` object: a view of one version of the database (only 3.2.0 is made).
#[repr(C)]
struct UcdObject {
    ob_base: PyObject,
    unidata_version: *const c_char,
}

/// The database a function reads: the module's, or a `UCD` instance's (3.2.0).
unsafe fn version_of(slf: *mut PyObject) -> Version {
    if !slf.is_null() && (*slf).ob_type == &raw mut UCD_TYPE {
        Version::V3_2_0
    } else {
        Version::Current
    }
}

/// The code point of a one-character str argument.
unsafe fn char_arg(function: &str, arg_label: &str, op: *mut PyObject) -> PyResult<u32> {
    if pystr::is_str(op) && pystr::len(op) == 1 {
        return Ok(units(op).get(0));
    }
    Err(type_error(format!("{function}() {arg_label} must be a unicode character, not {}", tp_name(op))))
}

/// A `METH_O` function of one character.
macro_rules! char_function {
    ($fn_name:ident, $py_name:literal, |$v:ident, $cp:ident| $body:expr) => {
        unsafe extern "C" fn $fn_name(slf: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
            ret_obj((|| -> PyResult<PyRef> {
                let $v = version_of(slf);
                let $cp = char_arg($py_name, "argument", arg)?;
                $body
            })())
        }
    };
}

char_function!(category, "category", |v, cp| pystr::from_utf8(v.category(cp)));
char_function!(bidirectional, "bidirectional", |v, cp| pystr::from_utf8(v.bidirectional(cp)));
char_function!(east_asian_width, "east_asian_width", |v, cp| pystr::from_utf8(v.east_asian_width(cp)));
char_function!(combining, "combining", |v, cp| crate::objects::int::from_i64(v.combining(cp) as i64));
char_function!(mirrored, "mirrored", |v, cp| crate::objects::int::from_i64(v.mirrored(cp) as i64));
char_function!(decomposition, "decomposition", |v, cp| {
    let mut text = String::new();
    if let Some((tag, parts)) = v.decomposition(cp) {
        text.push_str(tag);
        for part in parts {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&format!("{part:04X}"));
        }
    }
    pystr::from_utf8(&text)
});

/// A `(chr, default=<none>, /)` function: its value, else the default, else ValueError.
unsafe fn value_or_default(
    function: &str,
    slf: *mut PyObject,
    args: *const *mut PyObject,
    nargs: isize,
    missing: &str,
    value: impl FnOnce(Version, u32) -> PyResult<Option<PyRef>>,
) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = positional(function, args, nargs, 1, 2)?;
        let cp = char_arg(function, "argument 1", a[0])?;
        match value(version_of(slf), cp)? {
            Some(v) => Ok(v),
            None if a.len() == 2 => Ok(new_ref(a[1])),
            None => Err(raise_type(&raw mut exc::_PyExc_ValueError, missing)),
        }
    })())
}

unsafe extern "C" fn decimal(slf: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    value_or_default("decimal", slf, args, nargs, "not a decimal", |v, cp| {
        v.decimal(cp).map(|d| crate::objects::int::from_i64(d as i64)).transpose()
    })
}

unsafe extern "C" fn digit(slf: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    value_or_default("digit", slf, args, nargs, "not a digit", |v, cp| {
        v.digit(cp).map(|d| crate::objects::int::from_i64(d as i64)).transpose()
    })
}

unsafe extern "C" fn numeric(slf: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    value_or_default("numeric", slf, args, nargs, "not a numeric character", |v, cp| {
        v.numeric(cp).map(crate::objects::float::new).transpose()
    })
}

unsafe extern "C" fn name(slf: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    value_or_default("name", slf, args, nargs, "no such name", |v, cp| {
        names::name(v, cp).map(|n| pystr::from_utf8(&n)).transpose()
    })
}

/// `lookup(name)`: the name is a str or bytes (Argument Clinic's `s#`).
unsafe extern "C" fn lookup(slf: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let name: &[u8] = if pystr::is_str(arg) {
            crate::objects::str_utf8::as_utf8(arg)?
        } else if crate::objects::bytes::is_bytes(arg) {
            crate::objects::bytes::as_slice(arg)
        } else if crate::objects::bytes_buffer::PyObject_CheckBuffer(arg) != 0 {
            return Err(type_error(format!("lookup() argument must be read-only bytes-like object, not {}", tp_name(arg))));
        } else {
            return Err(type_error(format!("a bytes-like object is required, not '{}'", tp_name(arg))));
        };
        match names::lookup(version_of(slf), name) {
            Ok(cps) => pystr::from_code_points(&cps),
            Err(names::LookupError::TooLong) => Err(raise_type(&raw mut exc::_PyExc_KeyError, "name too long")),
            Err(names::LookupError::Undefined) => {
                // The message shows the name up to a NUL, as C's "%s" does.
                let shown = name.split(|&b| b == 0).next().unwrap_or(&[]);
                let message = format!("undefined character name '{}'", String::from_utf8_lossy(shown));
                Err(raise_type(&raw mut exc::_PyExc_KeyError, &message))
            }
        }
    })())
}

/// The `(form, unistr, /)` arguments of `normalize` and `is_normalized`.
unsafe fn form_and_text(function: &str, args: *const *mut PyObject, nargs: isize) -> PyResult<(Form, *mut PyObject)> {
    let a = positional(function, args, nargs, 2, 2)?;
    for (i, &op) in a.iter().enumerate() {
        if !pystr::is_str(op) {
            return Err(type_error(format!("{function}() argument {} must be str, not {}", i + 1, tp_name(op))));
        }
    }
    let form = core::str::from_utf8(crate::objects::str_utf8::as_utf8(a[0])?).ok().and_then(Form::parse);
    let form = form.ok_or_else(|| raise_type(&raw mut exc::_PyExc_ValueError, "invalid normalization form"))?;
    Ok((form, a[1]))
}

/// True when `text` is in `form` for `version` as it is.
unsafe fn already_normalized(version: Version, form: Form, text: *mut PyObject) -> Option<Vec<u32>> {
    if version == Version::Current && normalize::quick_check(form, code_points(text)) {
        return None;
    }
    let out = normalize::normalize(version, form, code_points(text));
    let unchanged = out.len() == pystr::len(text) && code_points(text).eq(out.iter().copied());
    (!unchanged).then_some(out)
}

unsafe extern "C" fn normalize_(slf: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let (form, text) = form_and_text("normalize", args, nargs)?;
        match already_normalized(version_of(slf), form, text) {
            None => Ok(new_ref(text)),
            Some(out) => pystr::from_code_points(&out),
        }
    })())
}

unsafe extern "C" fn is_normalized(slf: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let (form, text) = form_and_text("is_normalized", args, nargs)?;
        let yes = already_normalized(version_of(slf), form, text).is_none();
        Ok(new_ref(if yes { crate::objects::bool::true_() } else { crate::objects::bool::false_() }))
    })())
}

static mut FUNCTIONS: [PyMethodDef; 14] = [
    fast(c"decimal", decimal, c"decimal($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."),
    fast(c"digit", digit, c"digit($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."),
    fast(c"numeric", numeric, c"numeric($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."),
    meth(c"category", category, METH_O, c"category($self, chr, /)\n--\n\nReturns the general category assigned to the character chr as string."),
    meth(c"bidirectional", bidirectional, METH_O, c"bidirectional($self, chr, /)\n--\n\nReturns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, an empty string is returned."),
    meth(c"combining", combining, METH_O, c"combining($self, chr, /)\n--\n\nReturns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no combining class is defined."),
    meth(c"mirrored", mirrored, METH_O, c"mirrored($self, chr, /)\n--\n\nReturns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."),
    meth(c"east_asian_width", east_asian_width, METH_O, c"east_asian_width($self, chr, /)\n--\n\nReturns the east asian width assigned to the character chr as string."),
    meth(c"decomposition", decomposition, METH_O, c"decomposition($self, chr, /)\n--\n\nReturns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string is returned in case no such mapping is defined."),
    fast(c"is_normalized", is_normalized, c"is_normalized($self, form, unistr, /)\n--\n\nReturn whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."),
    fast(c"normalize", normalize_, c"normalize($self, form, unistr, /)\n--\n\nReturn the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."),
    fast(c"name", name, c"name($self, chr, default=<unrepresentable>, /)\n--\n\nReturns the name assigned to the character chr as a string.\n\nIf no name is defined, default is returned, or, if not given,\nValueError is raised."),
    meth(c"lookup", lookup, METH_O, c"lookup($self, name, /)\n--\n\nLook up character by name.\n\nIf a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised."),
    END,
];

static mut UCD_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef { name: c"unidata_version".as_ptr(), r#type: T_STRING, offset: offset_of!(UcdObject, unidata_version) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

unsafe extern "C" fn ucd_dealloc(op: *mut PyObject) {
    crate::object::pymem::PyObject_Free(op.cast());
}

static mut UCD_TYPE: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(ucd_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut FUNCTIONS) as *mut PyMethodDef,
    tp_members: (&raw mut UCD_MEMBERS) as *mut PyMemberDef,
    ..static_type(c"unicodedata.UCD", core::mem::size_of::<UcdObject>(), 0, Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | Py_TPFLAGS_DISALLOW_INSTANTIATION, None)
};

static mut UNICODEDATA_DEF: PyModuleDef = module_def(
    c"unicodedata",
    c"This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined by the\nUnicodeData File Format 14.0.0.",
    (&raw mut FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit_unicodedata` for the inittab.
pub(crate) unsafe extern "C" fn init_unicodedata() -> *mut PyObject {
    ret_obj((|| {
        crate::modules::hashes::ready(&[&raw mut UCD_TYPE])?;
        let m = create(&raw mut UNICODEDATA_DEF)?;
        let d = dict_of(&m);
        add(d, "unidata_version", pystr::from_utf8("14.0.0")?.as_ptr())?;
        add(d, "UCD", (&raw mut UCD_TYPE).cast())?;
        let old = owned(crate::object::objimpl::_PyObject_New(&raw mut UCD_TYPE))?;
        (*(old.as_ptr() as *mut UcdObject)).unidata_version = c"3.2.0".as_ptr();
        add(d, "ucd_3_2_0", old.as_ptr())?;
        Ok(m)
    })())
}
