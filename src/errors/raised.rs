//! How Rust code reports failure: `PyResult<T>` is `Result<T, Raised>`, where `Raised` says
//! "a Python exception is set in the current thread state" (CPython's NULL/-1 return
//! convention, made a type). `?` propagates it; at the C boundary `Err(Raised)` becomes the
//! C error value (NULL, -1) with the exception left in place for the caller.
#[derive(Debug)]
#[must_use = "an exception is set; propagate it or clear it"]
pub struct Raised(());

pub type PyResult<T> = Result<T, Raised>;

impl Raised {
    /// For code that has just set an exception, or seen a C callee fail with one set.
    #[inline]
    #[allow(dead_code)] // its first users are the PyErr_* functions of the object core
    pub(crate) fn assume_set() -> Raised {
        Raised(())
    }
}
