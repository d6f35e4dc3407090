//! `code.co_positions()` and `code.co_lines()` over our bytecode, in the byte offsets that
//! `frame.f_lasti` and `tb_lasti` use (4 bytes a word): `traceback` and `dis` find the
//! position of an instruction as `co_positions()[lasti // 2]`, as with CPython's 2-byte units.
use crate::abstract_::{new_ref, none, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::code::PyCodeObject;
use crate::objects::{code_rt, int, list, tuple};

/// Bytes of `co_code` per word, and CPython's code units (2 bytes) per word.
const WORD_BYTES: u32 = 4;
const UNITS_PER_WORD: usize = 2;

unsafe fn int_or_none(v: Option<u32>) -> PyResult<PyRef> {
    match v {
        Some(n) => int::from_i64(n as i64),
        None => Ok(new_ref(none())),
    }
}

/// The line of a table entry; 0 means "no line" (CPython's None).
fn line_of(line: u32) -> Option<u32> {
    (line != 0).then_some(line)
}

unsafe fn positions(code: *mut PyObject) -> PyResult<PyRef> {
    let unit = &code_rt::rt(code as *mut PyCodeObject).unit;
    let mut items = Vec::with_capacity(unit.code.len() * UNITS_PER_WORD);
    for at in 0..unit.code.len() as u32 {
        let p = unit.position(at);
        let known = line_of(p.line).is_some();
        let field = |v: u32| if known { Some(v) } else { None };
        let t = tuple::from_vec(vec![int_or_none(field(p.line))?, int_or_none(field(p.end_line))?, int_or_none(field(p.col))?, int_or_none(field(p.end_col))?])?;
        for _ in 0..UNITS_PER_WORD {
            items.push(new_ref(t.as_ptr()));
        }
    }
    crate::abstract_::iter::get_iter(list::from_vec(items)?.as_ptr())
}

unsafe fn lines(code: *mut PyObject) -> PyResult<PyRef> {
    let unit = &code_rt::rt(code as *mut PyCodeObject).unit;
    let end = unit.code.len() as u32;
    // Runs of words on one line: (start word, end word, line).
    let mut runs: Vec<(u32, u32, Option<u32>)> = Vec::new();
    for at in 0..end {
        let line = line_of(unit.position(at).line);
        match runs.last_mut() {
            Some(last) if last.2 == line => last.1 = at + 1,
            _ => runs.push((at, at + 1, line)),
        }
    }
    let mut items = Vec::with_capacity(runs.len());
    for (s, e, line) in runs {
        items.push(tuple::from_vec(vec![int::from_i64((s * WORD_BYTES) as i64)?, int::from_i64((e * WORD_BYTES) as i64)?, int_or_none(line)?])?);
    }
    crate::abstract_::iter::get_iter(list::from_vec(items)?.as_ptr())
}

/// `code.co_positions()`: (line, end_line, col, end_col) for each 2 bytes of `co_code`.
pub(crate) unsafe extern "C" fn co_positions(code: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(positions(code))
}

/// `code.co_lines()`: (start, end, line) byte ranges of `co_code`.
pub(crate) unsafe extern "C" fn co_lines(code: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(lines(code))
}
