//! `code.replace(**fields)`, code equality and hash.
//!
//! `replace` makes a new code object from a copy of the compiler's unit with the given
//! fields changed. What only names or flags the code (`co_flags`, `co_name`, `co_qualname`,
//! `co_filename`, `co_firstlineno`), the `co_consts`/`co_names` tuples (at least as long:
//! the instructions index them) and `co_linetable` (a CPython-format location table, which
//! `co_positions()`/`co_lines()` then read: code_location_table.rs) can change; the fields that describe our instruction words and
//! frame layout (`co_code`, the variable names, counts, tables) can only be given their
//! current value, since CPython's forms of them cannot be run here.
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::code::PyCodeObject;
use crate::objects::code_rt;
use crate::objects::{str as pystr, tuple};

const FIELDS: [&str; 18] = [
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

/// The current value of field `name` of `co` (through its attribute).
unsafe fn current(co: *mut PyObject, name: &str) -> PyResult<PyRef> {
    crate::object::object_attr::get_attr(co, pystr::intern(name)?.as_ptr())
}

unsafe fn as_int(v: *mut PyObject, name: &str) -> PyResult<c_int> {
    if !crate::objects::int::is_int(v) {
        let _ = name;
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", tp_name(v))));
    }
    let n = crate::objects::long_convert::as_i64(v)?;
    c_int::try_from(n).map_err(|_| raise_type(&raw mut exc::_PyExc_OverflowError, "signed integer is greater than maximum"))
}

unsafe fn as_str(v: *mut PyObject, name: &str) -> PyResult<String> {
    if !pystr::is_str(v) {
        return Err(type_error(format!("replace() argument '{name}' must be str, not {}", tp_name(v))));
    }
    Ok(pystr::to_string(v))
}

unsafe fn as_tuple(v: *mut PyObject, name: &str) -> PyResult<()> {
    if !tuple::is_tuple(v) {
        return Err(type_error(format!("replace() argument '{name}' must be tuple, not {}", tp_name(v))));
    }
    Ok(())
}

/// A field this implementation cannot change: accepted only with its current value.
unsafe fn must_equal(co: *mut PyObject, name: &str, v: *mut PyObject) -> PyResult<()> {
    let cur = current(co, name)?;
    if !crate::abstract_::compare::rich_compare_bool(cur.as_ptr(), v, crate::object::object::Py_EQ)? {
        return Err(raise_type(
            &raw mut exc::_PyExc_ValueError,
            format!("code.replace(): changing {name} is not supported (ferropy runs its own instruction format)"),
        ));
    }
    Ok(())
}

/// `code.replace(*, co_argcount=-1, ...)`.
pub(crate) unsafe extern "C" fn code_replace(
    op: *mut PyObject,
    args: *const *mut PyObject,
    nargs: isize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    const PARAMS: Params = Params { function: "replace", names: &FIELDS, positional_only: 0, max_positional: 0, required: 0 };
    crate::abstract_::ret_obj((|| -> PyResult<PyRef> {
        if nargs > 0 {
            return Err(type_error("replace() takes no positional arguments"));
        }
        let given = bind(&PARAMS, args, 0, kwnames)?;
        let co = op as *mut PyCodeObject;
        let mut unit = crate::objects::code_unit_full::full_unit(co)?;
        let mut filename = new_ref((*co).co_filename);
        let (mut consts, mut names, mut linetable) = (None, None, None);
        for (name, v) in FIELDS.iter().zip(given) {
            let Some(v) = v else { continue };
            match *name {
                "co_flags" => unit.flags = as_int(v, name)? as u32,
                "co_firstlineno" => unit.firstlineno = as_int(v, name)?.max(0) as u32,
                "co_name" => unit.name = as_str(v, name)?,
                "co_qualname" => unit.qualname = as_str(v, name)?,
                "co_filename" => {
                    unit.filename = as_str(v, name)?;
                    filename = new_ref(v);
                }
                "co_consts" | "co_names" => {
                    as_tuple(v, name)?;
                    let old = current(op, name)?;
                    // The instructions index these tuples: they may grow, not shrink.
                    if tuple::len(v) < tuple::len(old.as_ptr()) {
                        return Err(raise_type(
                            &raw mut exc::_PyExc_ValueError,
                            format!("code.replace(): {name} needs at least {} items", tuple::len(old.as_ptr())),
                        ));
                    }
                    if *name == "co_names" {
                        if let Some(&bad) = tuple::items(v).iter().find(|&&n| !pystr::is_str(n)) {
                            return Err(type_error(format!("name tuples must contain only strings, not '{}'", tp_name(bad))));
                        }
                        names = Some(new_ref(v));
                    } else {
                        consts = Some(new_ref(v));
                    }
                }
                "co_linetable" => {
                    if !crate::objects::bytes::is_bytes(v) {
                        return Err(type_error(format!("replace() argument 'co_linetable' must be bytes, not {}", tp_name(v))));
                    }
                    linetable = Some(new_ref(v));
                }
                "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals" | "co_stacksize" => {
                    as_int(v, name)?;
                    must_equal(op, name, v)?;
                }
                _ => must_equal(op, name, v)?,
            }
        }
        let new = crate::objects::code_type::from_unit_with_filename(unit, filename.as_ptr())?;
        let nc = new.as_ptr() as *mut PyCodeObject;
        if let Some(c) = consts {
            drop(PyRef::from_owned(core::mem::replace(&mut (*nc).co_consts, c.into_ptr())));
        }
        // A CPython-format location table: co_positions()/co_lines() read it from now on.
        if let Some(t) = linetable {
            drop(PyRef::from_owned(core::mem::replace(&mut (*nc).co_linetable, t.into_ptr())));
            crate::objects::code_location_table::mark_given(nc);
        } else if crate::objects::code_location_table::is_given(co) {
            drop(PyRef::from_owned(core::mem::replace(&mut (*nc).co_linetable, new_ref((*co).co_linetable).into_ptr())));
            crate::objects::code_location_table::mark_given(nc);
        }
        if let Some(n) = names {
            drop(PyRef::from_owned(core::mem::replace(&mut (*nc).co_names, n.into_ptr())));
        }
        Ok(new)
    })())
}

/// The fields two equal code objects share (CPython's `code_richcompare`).
unsafe fn same(a: *mut PyCodeObject, b: *mut PyCodeObject) -> PyResult<bool> {
    let (ra, rb) = (code_rt::rt(a), code_rt::rt(b));
    // Numbered words (a code object that ran) compare only with numbered ones.
    ra.caches.ensure_numbered();
    rb.caches.ensure_numbered();
    if (*a).co_argcount != (*b).co_argcount
        || (*a).co_posonlyargcount != (*b).co_posonlyargcount
        || (*a).co_kwonlyargcount != (*b).co_kwonlyargcount
        || (*a).co_flags != (*b).co_flags
        || (*a).co_firstlineno != (*b).co_firstlineno
        || ra.words() != rb.words()
    {
        return Ok(false);
    }
    let eq = |x: *mut PyObject, y: *mut PyObject| crate::abstract_::compare::rich_compare_bool(x, y, crate::object::object::Py_EQ);
    Ok(eq((*a).co_name, (*b).co_name)?
        && eq((*a).co_consts, (*b).co_consts)?
        && eq((*a).co_names, (*b).co_names)?
        && eq((*a).co_localsplusnames, (*b).co_localsplusnames)?)
}

pub(crate) unsafe extern "C" fn code_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    use crate::object::object::{Py_EQ, Py_NE};
    let not_impl = || new_ref(crate::abstract_::not_implemented()).into_ptr();
    if (op != Py_EQ && op != Py_NE) || !crate::objects::code_type::is_code(a) || !crate::objects::code_type::is_code(b) {
        return not_impl();
    }
    match same(a as *mut PyCodeObject, b as *mut PyCodeObject) {
        Ok(eq) => crate::objects::bool::PyBool_FromLong(((op == Py_EQ) == eq) as _),
        Err(_) => core::ptr::null_mut(),
    }
}

pub(crate) unsafe extern "C" fn code_hash(op: *mut PyObject) -> isize {
    let co = op as *mut PyCodeObject;
    let r = (|| -> PyResult<isize> {
        let mut h = crate::abstract_::object::hash((*co).co_name)?;
        for part in [(*co).co_consts, (*co).co_names, (*co).co_localsplusnames] {
            h ^= crate::abstract_::object::hash(part)?;
        }
        let rt = code_rt::rt(co);
        // As equal code objects must hash alike whether or not one of them ran.
        rt.caches.ensure_numbered();
        let words = rt.words();
        for &w in words.iter() {
            h = h.wrapping_mul(1_000_003) ^ w as isize;
        }
        h ^= (*co).co_argcount as isize ^ (*co).co_posonlyargcount as isize ^ (*co).co_kwonlyargcount as isize ^ (*co).co_flags as isize;
        Ok(if h == -1 { -2 } else { h })
    })();
    r.unwrap_or(-1)
}
