//! `code.co_positions()` and `code.co_lines()` over the CPython-format `co_code`
//! (code_public.rs), whose byte offsets `frame.f_lasti` and `tb_lasti` use: `traceback`
//! and `dis` find the position of an instruction as `co_positions()[lasti // 2]`.
use crate::abstract_::{new_ref, none, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::code::PyCodeObject;
use crate::objects::{code_location_table, code_public, code_rt, int, list, tuple};

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

/// Our word for each 2-byte unit of `co_code`.
unsafe fn unit_words(co: *mut PyCodeObject) -> Vec<u32> {
    if code_public::is_given(co) {
        // Bytecode given to PyCode_New: its offsets are taken as ours (4 bytes a word).
        let n = code_rt::rt(co).words().len() as u32;
        return (0..n).flat_map(|w| [w, w]).collect();
    }
    code_public::of(co).unit_word.clone()
}

/// Whether unit `at` of `co_code` is a `RESUME` the compiler gave no line (a module's,
/// which makes no line event): CPython 3.11 reports it at line 0, positions (0, 1, 0, 0).
unsafe fn is_module_resume(co: *mut PyCodeObject, at: usize, line: u32) -> bool {
    line == 0 && !code_public::is_given(co) && code_public::of(co).code.get(at * 2) == Some(&code_public::RESUME_OPCODE)
}

/// The entries of a `co_linetable` given by `code.replace` (code_location_table.rs).
unsafe fn given_entries(co: *mut PyCodeObject) -> Vec<code_location_table::Entry> {
    let table = (*co).co_linetable;
    let bytes = if table.is_null() { &[][..] } else { crate::objects::bytes::as_slice(table) };
    code_location_table::entries(bytes, (*co).co_firstlineno as i64)
}

unsafe fn int_or_none_i64(v: Option<i64>) -> PyResult<PyRef> {
    match v {
        Some(n) => int::from_i64(n),
        None => Ok(new_ref(none())),
    }
}

/// `co_positions()` from a given table: one tuple per code unit the table covers.
unsafe fn given_positions(co: *mut PyCodeObject) -> PyResult<PyRef> {
    let mut items = Vec::new();
    for e in given_entries(co) {
        let t = tuple::from_vec(vec![int_or_none_i64(e.line)?, int_or_none_i64(e.end_line)?, int_or_none_i64(e.col)?, int_or_none_i64(e.end_col)?])?;
        for _ in 0..e.units {
            items.push(new_ref(t.as_ptr()));
        }
    }
    crate::abstract_::iter::get_iter(list::from_vec(items)?.as_ptr())
}

/// `co_lines()` from a given table: one range per entry.
unsafe fn given_lines(co: *mut PyCodeObject) -> PyResult<PyRef> {
    let mut items = Vec::new();
    let mut unit = 0i64;
    for e in given_entries(co) {
        let end = unit + e.units as i64;
        items.push(tuple::from_vec(vec![int::from_i64(unit * 2)?, int::from_i64(end * 2)?, int_or_none_i64(e.line)?])?);
        unit = end;
    }
    crate::abstract_::iter::get_iter(list::from_vec(items)?.as_ptr())
}

unsafe fn positions(code: *mut PyObject) -> PyResult<PyRef> {
    let co = code as *mut PyCodeObject;
    if code_location_table::is_given(co) {
        return given_positions(co);
    }
    let unit = code_rt::rt(co);
    let words = unit_words(co);
    let mut items = Vec::with_capacity(words.len());
    let mut last: Option<(u32, PyRef)> = None;
    for (at, w) in words.into_iter().enumerate() {
        if let Some((lw, t)) = &last {
            if *lw == w {
                items.push(new_ref(t.as_ptr()));
                continue;
            }
        }
        let p = unit.position(w);
        let fields = if is_module_resume(co, at, p.line) {
            [Some(0), Some(1), Some(0), Some(0)]
        } else if line_of(p.line).is_some() {
            [Some(p.line), Some(p.end_line), Some(p.col), Some(p.end_col)]
        } else {
            [None; 4]
        };
        let t = tuple::from_vec(vec![int_or_none(fields[0])?, int_or_none(fields[1])?, int_or_none(fields[2])?, int_or_none(fields[3])?])?;
        items.push(new_ref(t.as_ptr()));
        last = Some((w, t));
    }
    crate::abstract_::iter::get_iter(list::from_vec(items)?.as_ptr())
}

unsafe fn lines(code: *mut PyObject) -> PyResult<PyRef> {
    let co = code as *mut PyCodeObject;
    if code_location_table::is_given(co) {
        return given_lines(co);
    }
    let unit = code_rt::rt(co);
    // One range per instruction (with its prefixes and caches), as CPython 3.11's location
    // table has one entry per instruction: (start unit, end unit, line, our word).
    let mut runs: Vec<(u32, u32, Option<u32>, u32)> = Vec::new();
    for (at, w) in unit_words(co).into_iter().enumerate() {
        match runs.last_mut() {
            Some(last) if last.3 == w => last.1 = at as u32 + 1,
            _ => {
                let raw = unit.position(w).line;
                let line = if is_module_resume(co, at, raw) { Some(0) } else { line_of(raw) };
                runs.push((at as u32, at as u32 + 1, line, w));
            }
        }
    }
    let mut items = Vec::with_capacity(runs.len());
    for (s, e, line, _) in runs {
        items.push(tuple::from_vec(vec![int::from_i64((s * 2) as i64)?, int::from_i64((e * 2) as i64)?, int_or_none(line)?])?);
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
