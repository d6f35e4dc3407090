//! The `_locale` module: `setlocale`, `localeconv`, `nl_langinfo` (and its constants),
//! `getencoding`, `strcoll`, `strxfrm`, the `LC_*` categories, `CHAR_MAX` and
//! `locale.Error`. Strings from the C library are decoded with the locale encoding.
use core::ffi::{c_char, c_int, CStr};
use std::ffi::CString;

use crate::abstract_::{tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::module_init::{add, add_int, create, dict_of};
use crate::modules::posix::args::{c_int_arg, check_args, value_error};
use crate::modules::{args_slice, fast, meth, module_def, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{bytes, dict, int, list, str as pystr};

/// `CHAR_MAX` of `<limits.h>` (char is signed on x86-64, unsigned on aarch64).
const CHAR_MAX: i64 = c_char::MAX as i64;

/// `locale.Error`, made at the first init.
static mut LOCALE_ERROR: *mut PyObject = core::ptr::null_mut();

unsafe fn locale_error(message: &str) -> Raised {
    crate::object::pending_error::raise_type(LOCALE_ERROR as *mut crate::object::typeobject::PyTypeObject, message)
}

unsafe fn text(p: *const c_char) -> PyResult<PyRef> {
    let data = if p.is_null() { &[][..] } else { CStr::from_ptr(p).to_bytes() };
    crate::codecs::locale_codec::decode(data, true)
}

/// A str argument encoded for the C library (locale encoding), NUL rejected.
unsafe fn c_text(what: &str, op: *mut PyObject) -> PyResult<CString> {
    if !pystr::is_str(op) {
        return Err(type_error(format!("{what}, not {}", tp_name(op))));
    }
    let encoded = owned(crate::codecs::locale_codec::PyUnicode_EncodeLocale(op, c"surrogateescape".as_ptr()))?;
    CString::new(bytes::as_slice(encoded.as_ptr())).map_err(|_| value_error("embedded null character"))
}

/// `setlocale(category, locale=None, /)`: the new (or, without `locale`, current) setting.
unsafe extern "C" fn setlocale(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"setlocale", a.len(), 1, 2)?;
        let category = c_int_arg(a[0])?;
        let locale = match a.get(1) {
            Some(&l) if l != crate::abstract_::none() => Some(c_text("setlocale() argument 2 must be str or None", l)?),
            _ => None,
        };
        let r = libc::setlocale(category, locale.as_ref().map_or(core::ptr::null(), |c| c.as_ptr()));
        if r.is_null() {
            return Err(locale_error(if locale.is_some() { "unsupported locale setting" } else { "locale query failed" }));
        }
        text(r)
    })())
}

/// A `grouping` string as CPython's list (terminator included unless empty).
unsafe fn grouping(s: *const c_char) -> PyResult<PyRef> {
    let out = list::new(0)?;
    if s.is_null() || *s == 0 {
        return Ok(out);
    }
    let mut i = 0;
    loop {
        let v = *s.add(i) as i64;
        list::append(out.as_ptr(), int::from_i64(v)?.as_ptr())?;
        if v == 0 || v == CHAR_MAX {
            return Ok(out);
        }
        i += 1;
    }
}

unsafe extern "C" fn localeconv(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let lc = &*libc::localeconv();
        let d = dict::new()?;
        let set = |k: &str, v: PyRef| dict::set_item(d.as_ptr(), pystr::intern(k)?.as_ptr(), v.as_ptr());
        set("int_curr_symbol", text(lc.int_curr_symbol)?)?;
        set("currency_symbol", text(lc.currency_symbol)?)?;
        set("mon_decimal_point", text(lc.mon_decimal_point)?)?;
        set("mon_thousands_sep", text(lc.mon_thousands_sep)?)?;
        set("mon_grouping", grouping(lc.mon_grouping)?)?;
        set("positive_sign", text(lc.positive_sign)?)?;
        set("negative_sign", text(lc.negative_sign)?)?;
        for (k, v) in [
            ("int_frac_digits", lc.int_frac_digits),
            ("frac_digits", lc.frac_digits),
            ("p_cs_precedes", lc.p_cs_precedes),
            ("p_sep_by_space", lc.p_sep_by_space),
            ("n_cs_precedes", lc.n_cs_precedes),
            ("n_sep_by_space", lc.n_sep_by_space),
            ("p_sign_posn", lc.p_sign_posn),
            ("n_sign_posn", lc.n_sign_posn),
        ] {
            set(k, int::from_i64(v as i64)?)?;
        }
        set("decimal_point", text(lc.decimal_point)?)?;
        set("thousands_sep", text(lc.thousands_sep)?)?;
        set("grouping", grouping(lc.grouping)?)?;
        Ok(d)
    })())
}

/// The `nl_langinfo` items CPython exposes.
const LANGINFO: &[(&str, libc::nl_item)] = &[
    ("CODESET", libc::CODESET),
    ("D_T_FMT", libc::D_T_FMT),
    ("D_FMT", libc::D_FMT),
    ("T_FMT", libc::T_FMT),
    ("T_FMT_AMPM", libc::T_FMT_AMPM),
    ("AM_STR", libc::AM_STR),
    ("PM_STR", libc::PM_STR),
    ("DAY_1", libc::DAY_1),
    ("DAY_2", libc::DAY_2),
    ("DAY_3", libc::DAY_3),
    ("DAY_4", libc::DAY_4),
    ("DAY_5", libc::DAY_5),
    ("DAY_6", libc::DAY_6),
    ("DAY_7", libc::DAY_7),
    ("ABDAY_1", libc::ABDAY_1),
    ("ABDAY_2", libc::ABDAY_2),
    ("ABDAY_3", libc::ABDAY_3),
    ("ABDAY_4", libc::ABDAY_4),
    ("ABDAY_5", libc::ABDAY_5),
    ("ABDAY_6", libc::ABDAY_6),
    ("ABDAY_7", libc::ABDAY_7),
    ("MON_1", libc::MON_1),
    ("MON_2", libc::MON_2),
    ("MON_3", libc::MON_3),
    ("MON_4", libc::MON_4),
    ("MON_5", libc::MON_5),
    ("MON_6", libc::MON_6),
    ("MON_7", libc::MON_7),
    ("MON_8", libc::MON_8),
    ("MON_9", libc::MON_9),
    ("MON_10", libc::MON_10),
    ("MON_11", libc::MON_11),
    ("MON_12", libc::MON_12),
    ("ABMON_1", libc::ABMON_1),
    ("ABMON_2", libc::ABMON_2),
    ("ABMON_3", libc::ABMON_3),
    ("ABMON_4", libc::ABMON_4),
    ("ABMON_5", libc::ABMON_5),
    ("ABMON_6", libc::ABMON_6),
    ("ABMON_7", libc::ABMON_7),
    ("ABMON_8", libc::ABMON_8),
    ("ABMON_9", libc::ABMON_9),
    ("ABMON_10", libc::ABMON_10),
    ("ABMON_11", libc::ABMON_11),
    ("ABMON_12", libc::ABMON_12),
    ("RADIXCHAR", libc::RADIXCHAR),
    ("THOUSEP", libc::THOUSEP),
    ("YESEXPR", libc::YESEXPR),
    ("NOEXPR", libc::NOEXPR),
    ("CRNCYSTR", libc::CRNCYSTR),
    ("ERA", libc::ERA),
    ("ERA_D_FMT", libc::ERA_D_FMT),
    ("ERA_D_T_FMT", libc::ERA_D_T_FMT),
    ("ERA_T_FMT", libc::ERA_T_FMT),
    ("ALT_DIGITS", libc::ALT_DIGITS),
    // glibc's `_DATE_FMT` (`date(1)`'s format), which the libc crate does not export here.
    ("_DATE_FMT", (libc::LC_TIME << 16) | 0x6c),
];

unsafe extern "C" fn nl_langinfo(_m: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let key = c_int_arg(key)?;
        if !LANGINFO.iter().any(|&(_, k)| k == key) {
            return Err(value_error("unsupported langinfo constant"));
        }
        text(libc::nl_langinfo(key))
    })())
}

/// `getencoding()`: the locale encoding (UTF-8 when the C library names none).
unsafe extern "C" fn getencoding(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let codeset = libc::nl_langinfo(libc::CODESET);
        if codeset.is_null() || *codeset == 0 {
            return pystr::from_utf8("utf-8");
        }
        pystr::from_utf8(&CStr::from_ptr(codeset).to_string_lossy())
    })())
}

/// `strcoll(os1, os2, /)`.
unsafe extern "C" fn strcoll(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"strcoll", a.len(), 2, 2)?;
        extern "C" {
            fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> c_int;
        }
        let x = wide(c_text("strcoll() argument 1 must be str", a[0])?)?;
        let y = wide(c_text("strcoll() argument 2 must be str", a[1])?)?;
        int::from_i64(wcscoll(x.as_ptr(), y.as_ptr()) as i64)
    })())
}

/// `strxfrm(string, /)`.
unsafe extern "C" fn strxfrm(_m: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    ret((|| {
        // Declared here, not at module level, so the header generator does not export it.
        extern "C" {
            fn wcsxfrm(dst: *mut libc::wchar_t, src: *const libc::wchar_t, n: usize) -> usize;
        }
        let w = wide(c_text("strxfrm() argument must be str", s)?)?;
        let n = wcsxfrm(core::ptr::null_mut(), w.as_ptr(), 0);
        let mut out = vec![0 as libc::wchar_t; n + 1];
        wcsxfrm(out.as_mut_ptr(), w.as_ptr(), n + 1);
        out.truncate(n);
        let units: Vec<u32> = out.iter().map(|&c| c as u32).collect();
        crate::objects::str::from_code_points(&units)
    })())
}

/// Locale bytes as a NUL-terminated wide string.
unsafe fn wide(c: CString) -> PyResult<Vec<libc::wchar_t>> {
    let units = crate::runtime::locale::decode(c.as_bytes(), crate::runtime::locale::current_encoding());
    Ok(units.into_iter().map(|u| u as libc::wchar_t).chain(core::iter::once(0)).collect())
}

static mut LOCALE_FUNCTIONS: [PyMethodDef; 7] = [
    fast(c"setlocale", setlocale, c"setlocale($module, category, locale=<unrepresentable>, /)\n--\n\nActivates/queries locale processing."),
    meth(c"localeconv", localeconv, METH_NOARGS, c"localeconv($module, /)\n--\n\nReturns numeric and monetary locale-specific parameters."),
    meth(c"nl_langinfo", nl_langinfo, METH_O, c"nl_langinfo($module, key, /)\n--\n\nReturn the value for the locale information associated with key."),
    meth(c"getencoding", getencoding, METH_NOARGS, c"getencoding($module, /)\n--\n\nGet the current locale encoding."),
    fast(c"strcoll", strcoll, c"strcoll($module, os1, os2, /)\n--\n\nCompares two strings according to the locale."),
    meth(c"strxfrm", strxfrm, METH_O, c"strxfrm($module, string, /)\n--\n\nReturn a string that can be used as a key for locale-aware comparisons."),
    END,
];

static mut LOCALE_DEF: PyModuleDef = module_def(c"_locale", c"Support for POSIX locales.", (&raw mut LOCALE_FUNCTIONS) as *mut PyMethodDef);

/// The `_locale` module's constructor (`PyInit__locale` for the inittab).
pub(crate) unsafe extern "C" fn init_locale() -> *mut PyObject {
    ret((|| {
        let m = create(&raw mut LOCALE_DEF)?;
        let d = dict_of(&m);
        for (name, value) in [
            ("LC_CTYPE", libc::LC_CTYPE),
            ("LC_TIME", libc::LC_TIME),
            ("LC_COLLATE", libc::LC_COLLATE),
            ("LC_MONETARY", libc::LC_MONETARY),
            ("LC_MESSAGES", libc::LC_MESSAGES),
            ("LC_NUMERIC", libc::LC_NUMERIC),
            ("LC_ALL", libc::LC_ALL),
        ] {
            add_int(d, name, value as i64)?;
        }
        add_int(d, "CHAR_MAX", CHAR_MAX)?;
        for &(name, value) in LANGINFO {
            add_int(d, name, value as i64)?;
        }
        if LOCALE_ERROR.is_null() {
            LOCALE_ERROR = owned(crate::errors::setters::PyErr_NewException(
                c"locale.Error".as_ptr(),
                &raw mut exc::_PyExc_Exception as *mut PyObject,
                core::ptr::null_mut(),
            ))?
            .into_ptr();
        }
        add(d, "Error", LOCALE_ERROR)?;
        PyResult::Ok(m)
    })())
}
