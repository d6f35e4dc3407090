//! Which error handler a codec call uses. The handlers CPython's codecs recognise by name
//! (strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape,
//! surrogatepass) run inline without an exception object; any other name is looked up in
//! the error-handler registry only when an error happens (so an unknown name passes when
//! the input is clean, as in CPython).
use core::ffi::{c_char, CStr};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    SurrogateEscape,
    SurrogatePass,
    /// Any other name: the registered handler is called.
    Registry,
}

/// The handler named `name`: `None` (NULL in C) means strict.
pub(crate) struct ErrorMode<'a> {
    pub mode: Mode,
    pub name: &'a str,
}

impl<'a> ErrorMode<'a> {
    pub(crate) fn new(name: Option<&'a str>) -> ErrorMode<'a> {
        let Some(name) = name else { return ErrorMode { mode: Mode::Strict, name: "strict" } };
        let mode = match name {
            "strict" => Mode::Strict,
            "ignore" => Mode::Ignore,
            "replace" => Mode::Replace,
            "backslashreplace" => Mode::BackslashReplace,
            "xmlcharrefreplace" => Mode::XmlCharRefReplace,
            "surrogateescape" => Mode::SurrogateEscape,
            "surrogatepass" => Mode::SurrogatePass,
            _ => Mode::Registry,
        };
        ErrorMode { mode, name }
    }

    pub(crate) const STRICT: ErrorMode<'static> = ErrorMode { mode: Mode::Strict, name: "strict" };
}

/// The text of a C `errors` argument (NULL: strict). Names that are not UTF-8 cannot name
/// a registered handler; they are looked up (and fail) as their lossy text.
///
/// # Safety
/// `errors` is NULL or a NUL-terminated string that outlives the result.
pub(crate) unsafe fn c_name<'a>(errors: *const c_char) -> Option<&'a str> {
    if errors.is_null() {
        return None;
    }
    Some(CStr::from_ptr(errors).to_str().unwrap_or("\u{fffd}"))
}
