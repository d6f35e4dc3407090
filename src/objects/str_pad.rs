//! Padding methods of str: `center`, `ljust`, `rjust`, `zfill`, `expandtabs`, with the
//! argument checks and messages of CPython 3.11's Argument Clinic. A string already as wide
//! as asked is returned itself (a copy for subclass instances).
use crate::abstract_::{from_slot, new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::container_methods::check_positional;
use crate::objects::str::{self as pystr, Py_UCS4};
use crate::objects::unicode_text::{ascii_str, Out, Text};
use crate::pyport::Py_ssize_t;

/// An index-like argument as a `Py_ssize_t` (Argument Clinic's `Py_ssize_t` converter):
/// TypeError for a non-integer, OverflowError out of range.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn ssize_arg(op: *mut PyObject) -> PyResult<Py_ssize_t> {
    let i = index_arg(op)?;
    let v = crate::objects::long_convert::PyLong_AsSsize_t(i.as_ptr());
    if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    Ok(v)
}

/// An index-like argument as a C int (Argument Clinic's `int` converter).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn int_arg(op: *mut PyObject) -> PyResult<i32> {
    let i = index_arg(op)?;
    let v = crate::objects::long_convert::_PyLong_AsInt(i.as_ptr());
    if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    Ok(v)
}

unsafe fn index_arg(op: *mut PyObject) -> PyResult<PyRef> {
    if !crate::abstract_::item::is_index(op) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", tp_name(op))));
    }
    from_slot(crate::abstract_::number::PyNumber_Index(op))
}

/// `s` itself for an exact str, else an exact str copy of it (what CPython returns when a
/// method leaves the text unchanged).
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn unchanged(s: *mut PyObject) -> PyResult<PyRef> {
    if (*s).ob_type == &raw mut pystr::PyUnicode_Type {
        return Ok(new_ref(s));
    }
    let t = Text::of(s);
    let mut out = Out::with_capacity(t.len());
    out.extend_text(t);
    out.finish()
}

/// `s` with `left` and `right` copies of `fill` around it.
unsafe fn pad(s: *mut PyObject, left: usize, right: usize, fill: Py_UCS4) -> PyResult<PyRef> {
    if left == 0 && right == 0 {
        return unchanged(s);
    }
    let t = Text::of(s);
    if let (Some(b), true) = (t.ascii(), fill < 0x80) {
        let mut v = Vec::with_capacity(left + b.len() + right);
        v.resize(left, fill as u8);
        v.extend_from_slice(b);
        v.resize(left + b.len() + right, fill as u8);
        return ascii_str(&v);
    }
    let mut out = Out::with_capacity(left + t.len() + right);
    out.push_n(fill, left);
    out.extend_text(t);
    out.push_n(fill, right);
    out.finish()
}

/// The fill character argument (`Py_UCS4` converter of Argument Clinic).
unsafe fn fill_char(op: Option<&*mut PyObject>) -> PyResult<Py_UCS4> {
    let Some(&op) = op else { return Ok(' ' as Py_UCS4) };
    if !pystr::is_str(op) {
        return Err(type_error(format!("The fill character must be a unicode character, not {}", tp_name(op))));
    }
    if pystr::len(op) != 1 {
        return Err(type_error("The fill character must be exactly one character long"));
    }
    Ok(pystr::read_char(op, 0))
}

/// Parses `(width, fillchar=' ', /)` and returns the margin to fill and the fill character.
unsafe fn width_fill(name: &str, s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> PyResult<(usize, Py_UCS4)> {
    check_positional(name, nargs, 1, 2)?;
    let args = core::slice::from_raw_parts(args, nargs as usize);
    let width = ssize_arg(args[0])?;
    let fill = fill_char(args.get(1))?;
    let len = pystr::len(s) as Py_ssize_t;
    Ok((if width > len { (width - len) as usize } else { 0 }, fill))
}

pub(crate) unsafe extern "C" fn str_center(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(width_fill("center", s, args, nargs).and_then(|(marg, fill)| {
        // CPython's split: the odd column goes left when the width is odd.
        let width = marg + pystr::len(s);
        let left = marg / 2 + (marg & width & 1);
        pad(s, left, marg - left, fill)
    }))
}

pub(crate) unsafe extern "C" fn str_ljust(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(width_fill("ljust", s, args, nargs).and_then(|(marg, fill)| pad(s, 0, marg, fill)))
}

pub(crate) unsafe extern "C" fn str_rjust(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(width_fill("rjust", s, args, nargs).and_then(|(marg, fill)| pad(s, marg, 0, fill)))
}

/// `s.zfill(width)`: zeros on the left, after a leading sign.
pub(crate) unsafe extern "C" fn str_zfill(s: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj(zfill(s, arg))
}

unsafe fn zfill(s: *mut PyObject, arg: *mut PyObject) -> PyResult<PyRef> {
    let width = ssize_arg(arg)?;
    let t = Text::of(s);
    if width <= t.len() as Py_ssize_t {
        return unchanged(s);
    }
    let fill = width as usize - t.len();
    let mut out = Out::with_capacity(width as usize);
    let sign = t.len() > 0 && (t.get(0) == '+' as Py_UCS4 || t.get(0) == '-' as Py_UCS4);
    if sign {
        out.push(t.get(0));
    }
    out.push_n('0' as Py_UCS4, fill);
    for c in t.chars().skip(sign as usize) {
        out.push(c);
    }
    out.finish()
}

static EXPANDTABS_PARAMS: crate::abstract_::unpack_keywords::Params =
    crate::abstract_::unpack_keywords::Params { function: "expandtabs", names: &["tabsize"], positional_only: 0, max_positional: 1, required: 0 };

/// `s.expandtabs(tabsize=8)`: each tab becomes the spaces up to the next multiple of
/// `tabsize` columns; newlines and carriage returns restart the column count.
pub(crate) unsafe extern "C" fn str_expandtabs(
    s: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret_obj(expandtabs(s, args, nargs, kwnames))
}

unsafe fn expandtabs(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> PyResult<PyRef> {
    let bound = crate::abstract_::unpack_keywords::bind(&EXPANDTABS_PARAMS, args, nargs as usize, kwnames)?;
    let tabsize = match bound[0] {
        Some(o) => int_arg(o)?,
        None => 8,
    };
    let t = Text::of(s);
    if !t.chars().any(|c| c == '\t' as Py_UCS4) {
        return unchanged(s);
    }
    let mut out = Out::with_capacity(t.len() + 8);
    let mut column: usize = 0;
    for c in t.chars() {
        if c == '\t' as Py_UCS4 {
            if tabsize > 0 {
                let n = tabsize as usize - column % tabsize as usize;
                column += n;
                if out.len() + n > Py_ssize_t::MAX as usize / 4 {
                    return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "new string is too long"));
                }
                out.push_n(' ' as Py_UCS4, n);
            }
        } else {
            out.push(c);
            column = if c == '\n' as Py_UCS4 || c == '\r' as Py_UCS4 { 0 } else { column + 1 };
        }
    }
    out.finish()
}
