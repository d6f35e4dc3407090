//! The generic object protocol (CPython's object.c): `repr()`, `str()`, `ascii()`, `hash()`,
//! truth, `type()`, `len()`, printing to a C `FILE`, and the guards that stop runaway
//! recursion (`Py_ReprEnter`/`Py_ReprLeave` for containers that contain themselves, the
//! thread state's recursion budget for C-level recursion).
use core::ffi::{c_int, c_void};
use std::cell::RefCell;

use crate::abstract_::{from_slot, new_ref, null_error, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_READY};
use crate::objects::str as pystr;
use crate::pyport::{Py_hash_t, Py_ssize_t};

// ---- Recursion guards ------------------------------------------------------------------------

/// Runs `f` one recursion level deeper.
pub(crate) fn with_recursion_guard<T>(where_: &str, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    crate::eval::recursion::enter(where_)?;
    let r = f();
    crate::eval::recursion::leave();
    r
}

thread_local! {
    /// The containers whose repr is being computed in this thread (CPython keeps this list
    /// in the thread state's dict under "Py_Repr").
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `int Py_ReprEnter(PyObject *obj)`: 1 when `obj`'s repr is already being computed in this
/// thread (the caller then prints `...`), else 0 after recording it.
#[no_mangle]
pub unsafe extern "C" fn Py_ReprEnter(obj: *mut PyObject) -> c_int {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&(obj as usize)) {
            1
        } else {
            s.push(obj as usize);
            0
        }
    })
}

/// `void Py_ReprLeave(PyObject *obj)`: forgets the most recent entry for `obj`.
#[no_mangle]
pub unsafe extern "C" fn Py_ReprLeave(obj: *mut PyObject) {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(i) = s.iter().rposition(|&o| o == obj as usize) {
            s.remove(i);
        }
    })
}

/// Runs `f` (which computes the repr of container `op`) unless `op` is already being
/// repr'd in this thread, in which case the result is `recursive` (CPython's `[...]`).
pub(crate) unsafe fn repr_guarded(
    op: *mut PyObject,
    recursive: &str,
    f: impl FnOnce() -> PyResult<PyRef>,
) -> PyResult<PyRef> {
    if Py_ReprEnter(op) != 0 {
        return pystr::from_utf8(recursive);
    }
    let r = f();
    Py_ReprLeave(op);
    r
}

// ---- repr, str, ascii ------------------------------------------------------------------------

/// `repr(op)` as a str (`PyObject_Repr`).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn repr(op: *mut PyObject) -> PyResult<PyRef> {
    let tp = (*op).ob_type;
    let Some(slot) = (*tp).tp_repr else {
        return pystr::from_utf8(&format!("<{} object at {:p}>", tp_name(op), op));
    };
    let r = with_recursion_guard(" while getting the repr of an object", || from_slot(slot(op)))?;
    if !pystr::is_str(r.as_ptr()) {
        return Err(type_error(format!("__repr__ returned non-string (type {})", tp_name(r.as_ptr()))));
    }
    Ok(r)
}

/// `str(op)` (`PyObject_Str`): an exact str is itself; otherwise `tp_str`, else the repr.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn str(op: *mut PyObject) -> PyResult<PyRef> {
    if (*op).ob_type == &raw mut pystr::PyUnicode_Type {
        return Ok(new_ref(op));
    }
    let Some(slot) = (*(*op).ob_type).tp_str else { return repr(op) };
    let r = with_recursion_guard(" while getting the str of an object", || from_slot(slot(op)))?;
    if !pystr::is_str(r.as_ptr()) {
        return Err(type_error(format!("__str__ returned non-string (type {})", tp_name(r.as_ptr()))));
    }
    Ok(r)
}

/// `ascii(op)`: the repr with every non-ASCII character backslash-escaped.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn ascii(op: *mut PyObject) -> PyResult<PyRef> {
    let r = repr(op)?;
    let rp = r.as_ptr();
    let n = pystr::len(rp);
    if (0..n).all(|i| pystr::read_char(rp, i) < 0x80) {
        return Ok(r);
    }
    let mut out = String::with_capacity(n + 16);
    for i in 0..n {
        let c = pystr::read_char(rp, i);
        match c {
            0..=0x7f => out.push(c as u8 as char),
            0x80..=0xff => out.push_str(&format!("\\x{c:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{c:04x}")),
            _ => out.push_str(&format!("\\U{c:08x}")),
        }
    }
    pystr::from_utf8(&out)
}

/// The str of a C-API result for NULL: `"<NULL>"`, as CPython's `PyObject_Repr(NULL)`.
fn null_text() -> *mut PyObject {
    ret_obj(pystr::from_utf8("<NULL>"))
}

/// `PyObject *PyObject_Repr(PyObject *v)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Repr(v: *mut PyObject) -> *mut PyObject {
    if v.is_null() {
        return null_text();
    }
    ret_obj(repr(v))
}

/// `PyObject *PyObject_Str(PyObject *v)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Str(v: *mut PyObject) -> *mut PyObject {
    if v.is_null() {
        return null_text();
    }
    ret_obj(str(v))
}

/// `PyObject *PyObject_ASCII(PyObject *v)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_ASCII(v: *mut PyObject) -> *mut PyObject {
    if v.is_null() {
        return null_text();
    }
    ret_obj(ascii(v))
}

// ---- hash ------------------------------------------------------------------------------------

/// `hash(op)` (`PyObject_Hash`). A type not readied yet is readied first (its `tp_hash` may
/// be inherited); a type left without one is unhashable.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn hash(op: *mut PyObject) -> PyResult<Py_hash_t> {
    let tp = (*op).ob_type;
    if (*tp).tp_hash.is_none() && (*tp).tp_flags & Py_TPFLAGS_READY == 0 {
        crate::object::type_ready::ready(tp)?;
    }
    match (*tp).tp_hash {
        // A tuple of a tuple of ... hashes its items in C, as deep as it is nested.
        Some(h) => match crate::runtime::c_stack::guard(|| Ok(h(op)))? {
            -1 => Err(Raised::assume_set()),
            v => Ok(v),
        },
        None => Err(unhashable(op)),
    }
}

unsafe fn unhashable(op: *mut PyObject) -> Raised {
    type_error(format!("unhashable type: '{}'", tp_name(op)))
}

/// `Py_hash_t PyObject_Hash(PyObject *v)`: -1 with the exception set on failure.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Hash(v: *mut PyObject) -> Py_hash_t {
    if v.is_null() {
        let _ = null_error();
        return -1;
    }
    hash(v).unwrap_or(-1)
}

/// `Py_hash_t PyObject_HashNotImplemented(PyObject *v)`: the `tp_hash` of unhashable types,
/// TypeError "unhashable type: 'X'".
#[no_mangle]
pub unsafe extern "C" fn PyObject_HashNotImplemented(v: *mut PyObject) -> Py_hash_t {
    let _ = unhashable(v);
    -1
}

// ---- truth -----------------------------------------------------------------------------------

/// `bool(op)` (`PyObject_IsTrue`): `nb_bool`, else a zero length is false, else true.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn is_true(op: *mut PyObject) -> PyResult<bool> {
    if op == crate::objects::bool::true_() {
        return Ok(true);
    }
    if op == crate::objects::bool::false_() || op == crate::abstract_::none() {
        return Ok(false);
    }
    let tp = (*op).ob_type;
    let n: Py_ssize_t = if let Some(f) = (*tp).tp_as_number.as_ref().and_then(|n| n.nb_bool) {
        f(op) as Py_ssize_t
    } else if let Some(f) = (*tp).tp_as_mapping.as_ref().and_then(|m| m.mp_length) {
        f(op)
    } else if let Some(f) = (*tp).tp_as_sequence.as_ref().and_then(|s| s.sq_length) {
        f(op)
    } else {
        return Ok(true);
    };
    if n < 0 {
        return Err(Raised::assume_set());
    }
    Ok(n > 0)
}

/// `int PyObject_IsTrue(PyObject *v)`: 1, 0, or -1 with the exception set.
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsTrue(v: *mut PyObject) -> c_int {
    if v.is_null() {
        let _ = null_error();
        return -1;
    }
    match is_true(v) {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// `int PyObject_Not(PyObject *v)`: the negation of `PyObject_IsTrue`, -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Not(v: *mut PyObject) -> c_int {
    match PyObject_IsTrue(v) {
        -1 => -1,
        r => (r == 0) as c_int,
    }
}

// ---- type, len -------------------------------------------------------------------------------

/// `PyObject *PyObject_Type(PyObject *o)`: a new reference to `type(o)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Type(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    new_ref((*o).ob_type as *mut PyObject).into_ptr()
}

/// `len(op)` (`PyObject_Size`): `sq_length`, else the mapping length.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn size(op: *mut PyObject) -> PyResult<Py_ssize_t> {
    if let Some(f) = (*(*op).ob_type).tp_as_sequence.as_ref().and_then(|s| s.sq_length) {
        return check_len(f(op));
    }
    mapping_size(op)
}

/// `PyMapping_Size`: `mp_length`; a sequence without it "is not a mapping".
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn mapping_size(op: *mut PyObject) -> PyResult<Py_ssize_t> {
    let tp = (*op).ob_type;
    if let Some(f) = (*tp).tp_as_mapping.as_ref().and_then(|m| m.mp_length) {
        return check_len(f(op));
    }
    if (*tp).tp_as_sequence.as_ref().and_then(|s| s.sq_length).is_some() {
        return Err(type_error(format!("{} is not a mapping", tp_name(op))));
    }
    Err(type_error(format!("object of type '{}' has no len()", tp_name(op))))
}

fn check_len(n: Py_ssize_t) -> PyResult<Py_ssize_t> {
    if n < 0 {
        Err(Raised::assume_set())
    } else {
        Ok(n)
    }
}

/// `Py_ssize_t PyObject_Size(PyObject *o)`: -1 with the exception set on failure.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Size(o: *mut PyObject) -> Py_ssize_t {
    if o.is_null() {
        let _ = null_error();
        return -1;
    }
    size(o).unwrap_or(-1)
}

/// `Py_ssize_t PyObject_Length(PyObject *o)`: the same as `PyObject_Size` (CPython keeps
/// both symbols; the header also defines it as a macro).
#[no_mangle]
pub unsafe extern "C" fn PyObject_Length(o: *mut PyObject) -> Py_ssize_t {
    PyObject_Size(o)
}

/// `PyObject *PyObject_SelfIter(PyObject *obj)`: `iter(it)` of an iterator is itself.
#[no_mangle]
pub unsafe extern "C" fn PyObject_SelfIter(obj: *mut PyObject) -> *mut PyObject {
    new_ref(obj).into_ptr()
}

// ---- printing --------------------------------------------------------------------------------

/// The UTF-8 bytes of a str; a lone surrogate is UnicodeEncodeError as in the strict codec.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn str_utf8(s: *mut PyObject) -> PyResult<Vec<u8>> {
    crate::codecs::utf8::encode_vec(s, crate::codecs::error_mode::ErrorMode::STRICT)
}

/// `int PyObject_Print(PyObject *op, FILE *fp, int flags)`: writes `repr(op)` (or `str(op)`
/// with `Py_PRINT_RAW`) to `fp` in UTF-8; `<nil>` for NULL. 0, or -1 with an exception set
/// (OSError when the stream reports an error).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_Print(op: *mut PyObject, fp: *mut libc::FILE, flags: c_int) -> c_int {
    libc::clearerr(fp);
    let mut ret = 0;
    let write = |bytes: &[u8]| {
        libc::fwrite(bytes.as_ptr() as *const c_void, 1, bytes.len(), fp);
    };
    if op.is_null() {
        write(b"<nil>");
    } else if (*op).ob_refcnt <= 0 {
        write(format!("<refcnt {} at {:p}>", (*op).ob_refcnt, op).as_bytes());
    } else {
        let text = if flags & crate::object::object::Py_PRINT_RAW != 0 { str(op) } else { repr(op) };
        match text.and_then(|s| str_utf8(s.as_ptr())) {
            Ok(bytes) => write(&bytes),
            Err(_) => ret = -1,
        }
    }
    if ret == 0 && libc::ferror(fp) != 0 {
        let errno = *libc::__errno_location();
        let msg = std::io::Error::from_raw_os_error(errno).to_string();
        let msg = msg.split(" (os error").next().unwrap_or("").to_string();
        let _ = raise_type(&raw mut exc::_PyExc_OSError, format!("[Errno {errno}] {msg}"));
        libc::clearerr(fp);
        ret = -1;
    }
    ret
}

/// Readies `tp` if needed (lazily readied C types reach the protocols this way).
///
/// # Safety
/// `tp` is a live type object.
#[allow(dead_code)]
pub(crate) unsafe fn ensure_ready(tp: *mut PyTypeObject) -> PyResult<()> {
    if (*tp).tp_flags & Py_TPFLAGS_READY == 0 {
        crate::object::type_ready::ready(tp)?;
    }
    Ok(())
}

// ---- Special methods, length hints -------------------------------------------------------------

/// `type(o).<name>` bound to `o` (CPython's `_PyObject_LookupSpecial`): looked up on the
/// type only, never in the instance.
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn lookup_special(o: *mut PyObject, name: &str) -> PyResult<Option<PyRef>> {
    let n = pystr::intern(name)?;
    let tp = (*o).ob_type;
    let Some(found) = crate::object::type_cache::lookup(tp, n.as_ptr())? else { return Ok(None) };
    let found = new_ref(found);
    match (*(*found.as_ptr()).ob_type).tp_descr_get {
        Some(get) => Ok(Some(from_slot(get(found.as_ptr(), o, tp as *mut PyObject))?)),
        None => Ok(Some(found)),
    }
}

/// `Py_ssize_t PyObject_LengthHint(PyObject *o, Py_ssize_t defaultvalue)`: `len(o)`, else
/// `o.__length_hint__()`, else `defaultvalue`; -1 on error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_LengthHint(o: *mut PyObject, defaultvalue: Py_ssize_t) -> Py_ssize_t {
    if o.is_null() {
        let _ = null_error();
        return -1;
    }
    let r = (|| -> PyResult<Py_ssize_t> {
        let tp = (*o).ob_type;
        let has_len = (*tp).tp_as_sequence.as_ref().is_some_and(|s| s.sq_length.is_some())
            || (*tp).tp_as_mapping.as_ref().is_some_and(|m| m.mp_length.is_some());
        if has_len {
            match size(o) {
                Ok(n) => return Ok(n),
                Err(e) => {
                    if !type_error_set() {
                        return Err(e);
                    }
                    crate::errors::pyerr::PyErr_Clear();
                }
            }
        }
        let Some(hint) = lookup_special(o, "__length_hint__")? else { return Ok(defaultvalue) };
        let result = crate::abstract_::call::PyObject_CallNoArgs(hint.as_ptr());
        let Some(result) = PyRef::from_owned(result) else {
            if type_error_set() {
                crate::errors::pyerr::PyErr_Clear();
                return Ok(defaultvalue);
            }
            return Err(Raised::assume_set());
        };
        if result.as_ptr() == crate::abstract_::not_implemented() {
            return Ok(defaultvalue);
        }
        if !crate::objects::int::is_int(result.as_ptr()) {
            return Err(type_error(format!(
                "__length_hint__ must be an integer, not {}",
                tp_name(result.as_ptr()).chars().take(100).collect::<String>()
            )));
        }
        let n = crate::objects::long_convert::PyLong_AsSsize_t(result.as_ptr());
        if n == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        if n < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "__length_hint__() should return >= 0"));
        }
        Ok(n)
    })();
    r.unwrap_or(-1)
}

unsafe fn type_error_set() -> bool {
    crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0
}

/// `int _PyObject_HasLen(PyObject *o)`: whether `o`'s type has `sq_length` or `mp_length`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_HasLen(o: *mut PyObject) -> c_int {
    let tp = (*o).ob_type;
    ((*tp).tp_as_sequence.as_ref().is_some_and(|s| s.sq_length.is_some())
        || (*tp).tp_as_mapping.as_ref().is_some_and(|m| m.mp_length.is_some())) as c_int
}

/// `PyObject *_PyObject_FunctionStr(PyObject *x)`: how messages name a callable:
/// `module.qualname()` (`qualname()` for builtins), else `str(x)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_FunctionStr(x: *mut PyObject) -> *mut PyObject {
    crate::abstract_::ret_obj((|| {
        let attr = |name: &str| -> PyResult<Option<PyRef>> {
            crate::object::object_attr::lookup_attr(x, pystr::intern(name)?.as_ptr())
        };
        let Some(qualname) = attr("__qualname__")? else { return str(x) };
        let qualname = str(qualname.as_ptr())?;
        let module = match attr("__module__")? {
            Some(m) if m.as_ptr() != crate::abstract_::none() => {
                let text = pystr::to_string(str(m.as_ptr())?.as_ptr());
                if text == "builtins" { None } else { Some(text) }
            }
            _ => None,
        };
        let q = pystr::to_string(qualname.as_ptr());
        pystr::from_utf8(&match module {
            Some(m) => format!("{m}.{q}()"),
            None => format!("{q}()"),
        })
    })())
}
