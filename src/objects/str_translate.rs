//! `str.translate(table)` and `str.maketrans(x[, y[, z]])`.
//!
//! translate looks each character's ordinal up in the table (`table[ord(c)]`): a missing key
//! (LookupError) keeps the character, None deletes it, an int in range(0x110000) replaces it
//! by that code point, a str by that text. Answers are cached per distinct character, so a
//! long text asks the table once per character value.
use std::collections::HashMap;

use crate::abstract_::{none, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::container_methods::check_positional;
use crate::objects::str::{self as pystr, Py_UCS4};
use crate::objects::unicode_text::{Out, Text};
use crate::objects::{dict, int};
use crate::pyport::Py_ssize_t;

/// What the table says for one character.
#[derive(Clone)]
pub(crate) enum Mapped {
    Keep,
    Delete,
    Char(Py_UCS4),
    Text(Vec<Py_UCS4>),
}

fn value_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// Looks `c` up in `table`.
unsafe fn lookup(table: *mut PyObject, c: Py_UCS4) -> PyResult<Mapped> {
    let key = int::from_i64(c as i64)?;
    let item = crate::abstract_::item::PyObject_GetItem(table, key.as_ptr());
    let Some(item) = PyRef::from_owned(item) else {
        let lookup_error = &raw mut exc::_PyExc_LookupError as *mut PyObject;
        if crate::errors::pyerr::PyErr_ExceptionMatches(lookup_error) != 0 {
            crate::errors::pyerr::PyErr_Clear();
            return Ok(Mapped::Keep);
        }
        return Err(Raised::assume_set());
    };
    let v = item.as_ptr();
    if v == none() {
        return Ok(Mapped::Delete);
    }
    if int::is_int(v) {
        return match crate::objects::long_convert::int_to_i128(v) {
            Some(n) if (0..0x110000).contains(&n) => Ok(Mapped::Char(n as Py_UCS4)),
            _ => Err(value_error("character mapping must be in range(0x110000)")),
        };
    }
    if pystr::is_str(v) {
        let t = Text::of(v);
        return Ok(if t.len() == 1 { Mapped::Char(t.get(0)) } else { Mapped::Text(t.chars().collect()) });
    }
    Err(type_error("character mapping must return integer, None or str"))
}

/// The table's answers, asked once per distinct character.
pub(crate) struct Lookups {
    ascii: [Option<Mapped>; 128],
    other: HashMap<Py_UCS4, Mapped>,
}

impl Lookups {
    pub(crate) fn new() -> Lookups {
        Lookups { ascii: [const { None }; 128], other: HashMap::new() }
    }

    /// What `table` says for `c`.
    ///
    /// # Safety
    /// `table` is a live object.
    pub(crate) unsafe fn get(&mut self, table: *mut PyObject, c: Py_UCS4) -> PyResult<&Mapped> {
        if c < 128 {
            let slot = &mut self.ascii[c as usize];
            if slot.is_none() {
                *slot = Some(lookup(table, c)?);
            }
            return Ok(slot.as_ref().unwrap());
        }
        if !self.other.contains_key(&c) {
            let m = lookup(table, c)?;
            self.other.insert(c, m);
        }
        Ok(&self.other[&c])
    }
}

/// `s.translate(table)`.
///
/// # Safety
/// `s` is a live str, `table` a live object.
pub(crate) unsafe fn translate(s: *mut PyObject, table: *mut PyObject) -> PyResult<PyRef> {
    let t = Text::of(s);
    let mut out = Out::with_capacity(t.len());
    let mut lookups = Lookups::new();
    for c in t.chars() {
        push(&mut out, c, lookups.get(table, c)?);
    }
    out.finish()
}

pub(crate) fn push(out: &mut Out, c: Py_UCS4, m: &Mapped) {
    match m {
        Mapped::Keep => out.push(c),
        Mapped::Delete => {}
        Mapped::Char(r) => out.push(*r),
        Mapped::Text(v) => v.iter().for_each(|&r| out.push(r)),
    }
}

pub(crate) unsafe extern "C" fn str_translate(s: *mut PyObject, table: *mut PyObject) -> *mut PyObject {
    ret_obj(translate(s, table))
}

/// `str.maketrans(x[, y[, z]])` (a static method).
pub(crate) unsafe extern "C" fn str_maketrans(_: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(maketrans(args, nargs))
}

unsafe fn maketrans(args: *const *mut PyObject, nargs: Py_ssize_t) -> PyResult<PyRef> {
    check_positional("maketrans", nargs, 1, 3)?;
    let args = core::slice::from_raw_parts(args, nargs as usize);
    // Argument Clinic converts y and z (str only) before the body looks at x.
    for (i, &a) in args.iter().enumerate().skip(1) {
        if !pystr::is_str(a) {
            return Err(type_error(format!("maketrans() argument {} must be str, not {}", i + 1, tp_name(a))));
        }
    }
    let x = args[0];
    let new = dict::new()?;
    let d = new.as_ptr();
    if args.len() == 1 {
        if !dict::is_dict(x) {
            return Err(type_error("if you give only one argument to maketrans it must be a dict"));
        }
        for (key, value) in dict::items(x) {
            if pystr::is_str(key) {
                if pystr::len(key) != 1 {
                    return Err(value_error("string keys in translate table must be of length 1"));
                }
                let k = int::from_i64(pystr::read_char(key, 0) as i64)?;
                dict::set_item(d, k.as_ptr(), value)?;
            } else if int::is_int(key) {
                dict::set_item(d, key, value)?;
            } else {
                return Err(type_error("keys in translate table must be strings or integers"));
            }
        }
        return Ok(new);
    }
    if !pystr::is_str(x) {
        return Err(type_error("first maketrans argument must be a string if there is a second argument"));
    }
    let (from, to) = (Text::of(x), Text::of(args[1]));
    if from.len() != to.len() {
        return Err(value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.chars().zip(to.chars()) {
        let k = int::from_i64(a as i64)?;
        let v = int::from_i64(b as i64)?;
        dict::set_item(d, k.as_ptr(), v.as_ptr())?;
    }
    if let Some(&z) = args.get(2) {
        for c in Text::of(z).chars() {
            let k = int::from_i64(c as i64)?;
            dict::set_item(d, k.as_ptr(), none())?;
        }
    }
    Ok(new)
}
