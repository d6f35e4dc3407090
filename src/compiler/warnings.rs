//! Issuing the warnings the tokenizer, parser and compiler collected
//! (`ferropy_compiler::Compiled::warnings`) once a compilation succeeded, as CPython does
//! while compiling: `PyErr_WarnExplicit(category, message, filename, lineno)`. When the
//! warning filter turns one into an error, CPython reports a SyntaxError at the
//! warning's position instead of the warning exception; so does this.
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::objects::str as pystr;
use ferropy_parser::{SyntaxError, Warning, WarningCategory};

/// What issuing stopped at: a Python exception is pending, or the caller must raise this
/// SyntaxError (a warning the filters made an error).
pub enum Stop {
    Raised(crate::errors::raised::Raised),
    SyntaxError(Box<SyntaxError>),
}

unsafe fn category(c: WarningCategory) -> *mut PyObject {
    match c {
        WarningCategory::SyntaxWarning => &raw mut exc::_PyExc_SyntaxWarning as *mut PyObject,
        WarningCategory::DeprecationWarning => &raw mut exc::_PyExc_DeprecationWarning as *mut PyObject,
    }
}

/// Issues `warnings` in order for a source compiled from `filename` (`source` supplies the
/// line a SyntaxError shows).
pub unsafe fn issue(warnings: &[Warning], filename: &str, source: &[u8]) -> Result<(), Stop> {
    for w in warnings {
        let cat = category(w.category);
        if let Err(raised) = warn_one(cat, w, filename) {
            if crate::errors::pyerr::PyErr_ExceptionMatches(cat) == 0 {
                return Err(Stop::Raised(raised));
            }
            crate::errors::pyerr::PyErr_Clear();
            return Err(Stop::SyntaxError(Box::new(as_syntax_error(w, filename, source))));
        }
    }
    Ok(())
}

unsafe fn warn_one(cat: *mut PyObject, w: &Warning, filename: &str) -> PyResult<()> {
    let message = pystr::from_utf8(&w.message)?;
    crate::errors::warnings::warn_explicit_at(cat, message.as_ptr(), filename, w.lineno as i64)
}

/// The SyntaxError CPython raises for a warning turned into an error.
fn as_syntax_error(w: &Warning, filename: &str, source: &[u8]) -> SyntaxError {
    let mut e = SyntaxError::simple(ferropy_parser::ErrorKind::SyntaxError, w.message.clone());
    e.filename = filename.to_string();
    e.lineno = Some(w.lineno as i64);
    e.offset = Some(w.offset as i64);
    e.end_lineno = Some(w.end_lineno as i64);
    e.end_offset = Some(w.end_offset as i64);
    e.text = String::from_utf8_lossy(source).split_inclusive('\n').nth((w.lineno as usize).saturating_sub(1)).map(str::to_string);
    e
}
