//! The classification methods of str: `isalpha`, `isalnum`, `isdecimal`, `isdigit`,
//! `isnumeric`, `isspace`, `islower`, `isupper`, `istitle`, `isidentifier`, `isprintable`,
//! `isascii`, answered from the Unicode database (an empty string is False, except for
//! `isprintable` and `isascii`). `PyUnicode_IsIdentifier` is in str_identifier.rs.
use crate::abstract_::compare::bool_ref;
use crate::object::object::PyObject;
use crate::objects::str::Py_UCS4;
use crate::objects::unicode_db::{self as db, ALPHA, DECIMAL, DIGIT, LOWER, NUMERIC, TITLE, UPPER};
use crate::objects::unicode_text::Text;

/// True when the text is not empty and every character satisfies `f`.
fn all_nonempty(t: Text<'_>, f: impl Fn(Py_UCS4) -> bool) -> bool {
    !t.is_empty() && t.chars().all(f)
}

/// `s.islower()`: some cased character, and no upper- or title-case one.
fn is_lower(t: Text<'_>) -> bool {
    let mut cased = false;
    for c in t.chars() {
        let f = db::record(c).flags;
        if f & (UPPER | TITLE) != 0 {
            return false;
        }
        cased |= f & LOWER != 0;
    }
    cased
}

/// `s.isupper()`.
fn is_upper(t: Text<'_>) -> bool {
    let mut cased = false;
    for c in t.chars() {
        let f = db::record(c).flags;
        if f & (LOWER | TITLE) != 0 {
            return false;
        }
        cased |= f & UPPER != 0;
    }
    cased
}

/// `s.istitle()`: upper- and title-case characters only after uncased ones, lower-case ones
/// only after cased ones, and at least one cased character.
fn is_title(t: Text<'_>) -> bool {
    let (mut cased, mut previous_is_cased) = (false, false);
    for c in t.chars() {
        let f = db::record(c).flags;
        if f & (UPPER | TITLE) != 0 {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if f & LOWER != 0 {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

fn flag_all(t: Text<'_>, mask: u16) -> bool {
    all_nonempty(t, |c| db::has(c, mask))
}

macro_rules! predicate {
    ($($name:ident => $test:expr;)*) => {$(
        pub(crate) unsafe extern "C" fn $name(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
            let test: fn(Text<'_>) -> bool = $test;
            bool_ref(test(Text::of(s))).into_ptr()
        }
    )*};
}

predicate! {
    str_isalpha => |t| match t.ascii() {
        Some(b) => !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic),
        None => flag_all(t, ALPHA),
    };
    str_isalnum => |t| match t.ascii() {
        Some(b) => !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric),
        None => all_nonempty(t, db::is_alnum),
    };
    str_isdecimal => |t| flag_all(t, DECIMAL);
    str_isdigit => |t| flag_all(t, DIGIT);
    str_isnumeric => |t| flag_all(t, NUMERIC);
    str_isspace => |t| all_nonempty(t, db::is_space);
    str_islower => is_lower;
    str_isupper => is_upper;
    str_istitle => is_title;
    str_isidentifier => |t| db::is_identifier(t.chars());
    str_isprintable => |t| t.chars().all(db::is_printable);
    str_isascii => |t| t.max_char() < 0x80;
}

