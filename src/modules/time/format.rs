//! Time as text: `strftime` (the C library's, in the locale encoding), `strptime`
//! (CPython's pure-Python `_strptime`), `asctime` and `ctime` (the fixed C format).
use crate::abstract_::{tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::value_error;
use crate::modules::time::struct_time::{check_tm, local_tm, tm_arg, when};
use crate::modules::{args_slice, fast, owned, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr, tuple};

/// The `struct tm` of an optional time tuple (None/absent: the local time now).
unsafe fn tm_or_now(function: &str, arg: Option<*mut PyObject>) -> PyResult<(libc::tm, Option<crate::modules::time::struct_time::TmArg>)> {
    match arg {
        Some(t) => {
            let mut a = tm_arg(function, t)?;
            check_tm(&mut a.tm)?;
            Ok((a.tm, Some(a)))
        }
        None => Ok((local_tm(when(None)?)?, None)),
    }
}

/// `strftime(format[, tuple])`.
unsafe extern "C" fn strftime(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        crate::modules::posix::args::check_args(c"strftime", a.len(), 1, 2)?;
        if !pystr::is_str(a[0]) {
            return Err(type_error(format!("strftime() argument 1 must be str, not {}", tp_name(a[0]))));
        }
        let (mut tm, _keep) = tm_or_now("strftime", a.get(1).copied())?;
        tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
        let encoded = owned(crate::codecs::locale_codec::PyUnicode_EncodeLocale(a[0], c"surrogateescape".as_ptr()))?;
        let fmt = bytes::as_slice(encoded.as_ptr());
        let Ok(cfmt) = std::ffi::CString::new(fmt) else {
            return Err(value_error("embedded null character"));
        };
        // An empty result is ambiguous (too small a buffer, or really empty): grow the
        // buffer up to 256 bytes per format byte, then take it as empty.
        let mut size = 1024usize;
        loop {
            let mut buf = vec![0u8; size];
            let n = libc::strftime(buf.as_mut_ptr().cast(), size, cfmt.as_ptr(), &tm);
            if n > 0 || size >= 256 * fmt.len() {
                return crate::codecs::locale_codec::decode(&buf[..n], true);
            }
            size *= 2;
        }
    })())
}

/// `strptime(string, format)`: `_strptime._strptime_time(*args)`.
unsafe extern "C" fn strptime(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let module = owned(crate::import::api::PyImport_ImportModule(c"_strptime".as_ptr()))?;
        let f = crate::object::object_attr::get_attr(module.as_ptr(), pystr::intern("_strptime_time")?.as_ptr())?;
        let a = tuple::from_ptrs(args_slice(args, nargs))?;
        owned(crate::abstract_::call::PyObject_Call(f.as_ptr(), a.as_ptr(), core::ptr::null_mut()))
    })())
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `asctime`'s fixed format: `Sun Jun 20 23:21:05 1993`.
fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

/// `asctime([tuple])`.
unsafe extern "C" fn asctime(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        crate::modules::posix::args::check_args(c"asctime", a.len(), 0, 1)?;
        let (tm, _keep) = tm_or_now("asctime", a.first().copied())?;
        pystr::from_utf8(&asctime_text(&tm))
    })())
}

/// `ctime([seconds])`.
unsafe extern "C" fn ctime(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        crate::modules::posix::args::check_args(c"ctime", a.len(), 0, 1)?;
        let tm = local_tm(when(a.first().copied())?)?;
        pystr::from_utf8(&asctime_text(&tm))
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 4] = [
    fast(c"strftime", strftime, c"strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification.\nSee the library reference manual for formatting codes. When the time tuple\nis not present, current time as returned by localtime() is used."),
    fast(c"strptime", strptime, c"strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format specification.\nSee the library reference manual for formatting codes (same as\nstrftime())."),
    fast(c"asctime", asctime, c"asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.\nWhen the time tuple is not present, current time as returned by localtime()\nis used."),
    fast(c"ctime", ctime, c"ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time.\nThis is equivalent to asctime(localtime(seconds)). When the time tuple is\nnot present, current time as returned by localtime() is used."),
];
