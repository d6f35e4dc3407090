//! What the `_io` classes share: their error messages, the optional size argument, the
//! `UnsupportedOperation` class, and the method-table entries every stream has
//! (`__enter__`, `__exit__`, `__iter__`, `__next__` through `readline`).
use crate::abstract_::{none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;

/// ValueError "I/O operation on closed file." (StringIO's message has no period).
pub(crate) fn closed_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

pub(crate) fn value_error(message: impl Into<String>) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message.into())
}

/// Raises `_io.UnsupportedOperation(what)` (the class lives in the `_io` module).
pub(crate) unsafe fn unsupported(what: &str) -> Raised {
    let class = (|| -> PyResult<PyRef> {
        let m = crate::modules::owned(crate::import::api::PyImport_ImportModule(c"_io".as_ptr()))?;
        let name = crate::objects::str::intern("UnsupportedOperation")?;
        crate::object::object_attr::get_attr(m.as_ptr(), name.as_ptr())
    })();
    match class {
        Ok(c) => {
            let text = match crate::objects::str::from_utf8(what) {
                Ok(t) => t,
                Err(e) => return e,
            };
            crate::errors::pyerr::PyErr_SetObject(c.as_ptr(), text.as_ptr());
            Raised::assume_set()
        }
        Err(e) => e,
    }
}

/// The optional size argument of `read`/`readline`/...: absent, None or negative means
/// "no limit" (`None`); else CPython's "argument should be integer or None" TypeError.
pub(crate) unsafe fn size_arg(a: Option<*mut PyObject>) -> PyResult<Option<usize>> {
    let Some(o) = a else { return Ok(None) };
    if o == none() {
        return Ok(None);
    }
    if !crate::abstract_::item::is_index(o) {
        return Err(type_error(format!("argument should be integer or None, not '{}'", tp_name(o))));
    }
    let n = crate::abstract_::item::as_ssize(o, Some(&raw mut crate::errors::exception_types::_PyExc_OverflowError))? as i64;
    Ok((n >= 0).then_some(n as usize))
}

/// `(pos, whence=0)` of `seek`: whence must be 0, 1 or 2 (`capital` selects StringIO's
/// spelling of the message).
pub(crate) unsafe fn seek_args(a: &[*mut PyObject], capital: bool) -> PyResult<(i64, i64)> {
    if !crate::abstract_::getargs::check_positional(c"seek".as_ptr(), a.len() as isize, 1, 2) {
        return Err(Raised::assume_set());
    }
    let pos = crate::errors::objtext::index_value(a[0])?;
    let whence = match a.get(1) {
        Some(&w) => crate::errors::objtext::index_value(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        let i = if capital { "Invalid" } else { "invalid" };
        return Err(value_error(format!("{i} whence ({whence}, should be 0, 1 or 2)")));
    }
    Ok((pos, whence))
}

/// `__enter__`: the stream itself, after the closed check `check` does.
pub(crate) unsafe fn enter(op: *mut PyObject, check: unsafe fn(*mut PyObject) -> PyResult<()>) -> PyResult<PyRef> {
    check(op)?;
    Ok(crate::abstract_::new_ref(op))
}

/// Calls `op.<name>()`.
pub(crate) unsafe fn call_method0(op: *mut PyObject, name: &str) -> PyResult<PyRef> {
    call_method(op, name, &[])
}

/// Calls `op.<name>(*args)` (at most 3 arguments).
pub(crate) unsafe fn call_method(op: *mut PyObject, name: &str, args: &[*mut PyObject]) -> PyResult<PyRef> {
    let n = crate::objects::str::intern(name)?;
    let mut all = [op; 4];
    all[1..=args.len()].copy_from_slice(args);
    crate::modules::owned(crate::abstract_::call_shims::PyObject_VectorcallMethod(n.as_ptr(), all.as_ptr(), args.len() + 1, core::ptr::null_mut()))
}

/// `__exit__(*args)`: `self.close()`.
pub(crate) unsafe extern "C" fn exit(op: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    crate::modules::ret(call_method0(op, "close"))
}

/// `readlines(hint=-1)`: lines from `self.readline()` (through `next_line`) until the
/// total length reaches `hint`.
pub(crate) unsafe fn readlines(op: *mut PyObject, hint: Option<*mut PyObject>, next_line: unsafe fn(*mut PyObject) -> PyResult<Option<(PyRef, usize)>>) -> PyResult<PyRef> {
    let hint = size_arg(hint)?.filter(|&h| h > 0);
    let out = crate::objects::list::new(0)?;
    let mut total = 0usize;
    while let Some((line, n)) = next_line(op)? {
        crate::objects::list::append(out.as_ptr(), line.as_ptr())?;
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(out)
}

/// `writelines(lines)`: `self.write(line)` for each.
pub(crate) unsafe fn writelines(op: *mut PyObject, lines: *mut PyObject, write: unsafe fn(*mut PyObject, *mut PyObject) -> PyResult<PyRef>) -> PyResult<PyRef> {
    let it = crate::abstract_::iter::get_iter(lines)?;
    while let Some(line) = crate::abstract_::iter::next(it.as_ptr())? {
        write(op, line.as_ptr())?;
    }
    Ok(crate::modules::none_ref())
}

/// True or False as a new reference.
pub(crate) fn py_bool(v: bool) -> PyRef {
    let o = if v { crate::objects::bool::true_() } else { crate::objects::bool::false_() };
    // SAFETY: the bool singletons are always live.
    unsafe { crate::abstract_::new_ref(o) }
}

/// Frees an instance's memory through its type's `tp_free` (a subclass may allocate
/// differently), as a static type's `tp_dealloc` ends.
pub(crate) unsafe fn free_instance(op: *mut PyObject) {
    let tp = (*op).ob_type;
    match (*tp).tp_free {
        Some(free) => free(op as *mut core::ffi::c_void),
        None => crate::object::pymem::PyObject_Free(op as *mut core::ffi::c_void),
    }
}

/// Which newline kinds a text stream has seen (bits of its `newlines` attribute).
pub(crate) const SEEN_CR: u8 = 1;
pub(crate) const SEEN_LF: u8 = 2;
pub(crate) const SEEN_CRLF: u8 = 4;

/// The `newlines` attribute for the kinds seen: None, one str, or a tuple of them in the
/// order `\r`, `\n`, `\r\n`.
pub(crate) fn newlines_value(seen: u8) -> PyResult<PyRef> {
    let mut kinds = Vec::new();
    for (bit, text) in [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")] {
        if seen & bit != 0 {
            kinds.push(crate::objects::str::from_utf8(text)?);
        }
    }
    match kinds.len() {
        0 => Ok(crate::modules::none_ref()),
        1 => Ok(kinds.pop().unwrap()),
        _ => crate::objects::tuple::from_vec(kinds),
    }
}

/// The instance dict for `__getstate__`: a copy, or None when the object has none.
pub(crate) unsafe fn dict_state(op: *mut PyObject) -> PyResult<PyRef> {
    let d = (*(op as *mut crate::modules::io::iobase::IOBaseObject)).dict;
    if d.is_null() {
        return Ok(crate::modules::none_ref());
    }
    crate::objects::dict::copy(d)
}

/// `__setstate__`'s dict item: None, or a dict merged into the instance dict (`which` and
/// `item` spell CPython's message).
pub(crate) unsafe fn restore_dict(op: *mut PyObject, d: *mut PyObject, which: &str) -> PyResult<()> {
    if d == crate::abstract_::none() {
        return Ok(());
    }
    if !crate::objects::dict::is_dict(d) {
        return Err(type_error(format!("{which} item of state should be a dict, got a {}", tp_name(d))));
    }
    let slot = &mut (*(op as *mut crate::modules::io::iobase::IOBaseObject)).dict;
    if slot.is_null() {
        *slot = crate::objects::dict::copy(d)?.into_ptr();
        return Ok(());
    }
    crate::objects::dict::merge(*slot, d, 1)
}

/// The state tuple's items, or CPython's "<type>.__setstate__ argument should be N-tuple".
pub(crate) unsafe fn state_items<'a>(state: *mut PyObject, class: &str, n: usize) -> PyResult<&'a [*mut PyObject]> {
    if !crate::objects::tuple::is_tuple(state) || crate::objects::tuple::len(state) < n {
        return Err(type_error(format!("{class}.__setstate__ argument should be {n}-tuple, got {}", tp_name(state))));
    }
    Ok(crate::objects::tuple::items(state))
}
