//! The block an exception with `print_file_and_line` (SyntaxError and its subclasses) gets
//! in a report instead of `str(exc)`'s "(file, line N)" suffix:
//!
//! ```text
//!   File "x.py", line 3
//!     x = (1,
//!         ^
//! SyntaxError: '(' was never closed
//! ```
//!
//! The source line is shown without its indentation; the carets run from `offset` to
//! `end_offset` (to the end of the line when the error spans lines), at least one, and are
//! left out when the offset falls before the shown text.
use crate::errors::objtext;
use crate::errors::pyerr::PyErr_Clear;
use crate::object::object::PyObject;
use crate::objects::generic_alias_params::optional_attr;
use crate::objects::str as pystr;

/// The parts of a syntax error that the block shows.
struct Location {
    message: String,
    filename: String,
    lineno: i64,
    offset: i64,
    /// -1 when absent.
    end_offset: i64,
    text: Option<String>,
}

/// An int attribute; None (or absent) gives `absent`, anything else is no location.
unsafe fn int_attr(value: *mut PyObject, name: &'static core::ffi::CStr, absent: Option<i64>) -> Option<i64> {
    match optional_attr(value, name).ok()? {
        Some(v) if v.as_ptr() != crate::abstract_::none() => objtext::int_value(v.as_ptr()),
        _ => absent,
    }
}

unsafe fn location(value: *mut PyObject) -> Option<Location> {
    optional_attr(value, c"print_file_and_line").ok()??;
    let msg = optional_attr(value, c"msg").ok()??;
    let message = objtext::str_string(msg.as_ptr()).ok()?;
    let filename = match optional_attr(value, c"filename").ok()? {
        Some(f) if f.as_ptr() != crate::abstract_::none() => objtext::str_string(f.as_ptr()).ok()?,
        _ => String::from("<string>"),
    };
    let lineno = int_attr(value, c"lineno", None)?;
    let offset = int_attr(value, c"offset", Some(0))?;
    let end_lineno = int_attr(value, c"end_lineno", None);
    let mut end_offset = match end_lineno {
        Some(_) => int_attr(value, c"end_offset", Some(-1))?,
        None => -1,
    };
    let text = match optional_attr(value, c"text").ok()? {
        Some(t) if pystr::is_str(t.as_ptr()) => Some(pystr::to_string(t.as_ptr())),
        _ => None,
    };
    // An error spanning lines is marked to the end of its first line.
    if let (Some(end), Some(t)) = (end_lineno, &text) {
        if end > lineno {
            end_offset = t.chars().count() as i64;
        }
    }
    // Indentation errors get a single caret, whatever their end.
    let indentation = &raw mut crate::errors::exception_types::_PyExc_IndentationError;
    if crate::object::typetype::is_subtype((*value).ob_type, indentation) {
        end_offset = -1;
    }
    Some(Location { message, filename, lineno, offset, end_offset, text })
}

/// The source line and caret lines for `text` (1-based `offset`/`end_offset`).
fn push_source(out: &mut String, text: &str, offset: i64, end_offset: i64) {
    let mut chars: Vec<char> = text.chars().collect();
    let stripped = chars.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    chars.drain(..stripped);
    let mut start = offset - 1 - stripped as i64;
    let mut end = if end_offset > 0 { end_offset - 1 - stripped as i64 } else { -1 };
    let mut len = chars.len() as i64;
    if chars.last() == Some(&'\n') {
        len -= 1;
    }
    start = start.min(len);
    // Show only the line the offset is on when the text holds several.
    while let Some(nl) = chars.iter().position(|&c| c == '\n') {
        let nl = nl as i64;
        if nl >= start {
            break;
        }
        chars.drain(..=nl as usize);
        len -= nl + 1;
        start -= nl + 1;
        end -= nl + 1;
    }
    out.push_str("    ");
    out.extend(chars.iter().take(len.max(0) as usize));
    out.push('\n');
    if start < 0 {
        return;
    }
    let end = end.min(len);
    let carets = if end > start { end - start } else { 1 };
    out.push_str(&" ".repeat(4 + start as usize));
    out.push_str(&"^".repeat(carets as usize));
    out.push('\n');
}

/// Appends the block for `value` when it has one, returning the message to show after the
/// type name; None for an exception shown the ordinary way.
pub(crate) unsafe fn push_block(value: *mut PyObject, out: &mut String) -> Option<String> {
    let loc = location(value);
    if loc.is_none() {
        PyErr_Clear();
    }
    let loc = loc?;
    out.push_str(&format!("  File \"{}\", line {}\n", loc.filename, loc.lineno));
    if let Some(text) = &loc.text {
        push_source(out, text, loc.offset, loc.end_offset);
    }
    Some(loc.message)
}
