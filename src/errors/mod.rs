//! Exceptions, `PyErr_*`, tracebacks and warnings.

pub mod baseexception;
pub mod chain;
pub mod exception_types;
pub mod exceptiongroup;
pub mod exceptions;
pub mod normalize;
pub mod objtext;
pub mod oserror;
pub mod print;
pub mod print_suggestions;
pub mod print_syntax;
pub mod pyerr;
pub mod raised;
pub mod setters;
pub mod warnings;
pub mod warnings_state;
pub mod small_exceptions;
pub mod syntaxerror;
pub mod unicodeerror;
pub mod traceback_format;
pub mod unraisable;

/// Releases what the exception machinery made for this runtime (at finalization).
pub(crate) fn fini() {
    warnings::clear_registry();
    exceptiongroup::clear();
    unraisable::fini();
}
