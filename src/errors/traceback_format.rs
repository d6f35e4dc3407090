//! The text of a traceback chain as CPython 3.11's C printer writes it (`PyTraceBack_Print`,
//! the default `sys.excepthook`): the header, per entry `  File "x.py", line 3, in f`, the
//! source line read from the file (leading whitespace stripped), a `^^^^` line under the
//! failing expression when it does not cover the whole line, runs of the same entry cut to
//! three plus `[Previous line repeated N more times]`, and `sys.tracebacklimit`.
use std::io::{BufRead, BufReader};

use crate::eval::traceback::PyTracebackObject;
use crate::object::object::PyObject;
use crate::objects::code::PyCodeObject;
use crate::objects::str as pystr;

/// CPython's default when `sys.tracebacklimit` is unset.
const DEFAULT_LIMIT: i64 = 1000;
/// Identical consecutive entries printed before the rest are counted instead.
const RECURSIVE_CUTOFF: usize = 3;

/// One entry, as far as printing needs it.
struct Entry {
    filename: String,
    name: String,
    lineno: i32,
    /// Line, end line, column, end column (UTF-8 byte offsets) of the failing instruction.
    position: Option<(u32, u32, u32, u32)>,
}

unsafe fn entry_of(t: &PyTracebackObject) -> Entry {
    let frame = t.tb_frame as *mut PyObject;
    if frame.is_null() {
        return Entry { filename: "???".into(), name: "???".into(), lineno: t.tb_lineno, position: None };
    }
    let code = crate::eval::frame_object::PyFrame_GetCode(t.tb_frame);
    let co = code as *mut PyCodeObject;
    // tb_lasti is a CPython-format offset (objects/code_public.rs).
    let p = crate::objects::code_rt::rt(co).position(crate::objects::code_public::word_at(co, t.tb_lasti.max(0)));
    let entry = Entry {
        filename: pystr::to_string((*co).co_filename),
        name: pystr::to_string((*co).co_name),
        lineno: crate::eval::traceback::line_number(t),
        position: (p.line != 0).then_some((p.line, p.end_line, p.col, p.end_col)),
    };
    crate::object::refcount::Py_DecRef(code as *mut PyObject);
    entry
}

/// `sys.tracebacklimit` when it is an int (clamped as CPython does), else the default.
unsafe fn limit() -> i64 {
    let v = crate::modules::sys_stdio::sys_attr("tracebacklimit");
    if v.is_null() || !crate::objects::int::is_int(v) {
        return DEFAULT_LIMIT;
    }
    match crate::objects::long_convert::as_i64(v) {
        Ok(n) => n,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            // Only huge values overflow; a negative one means "nothing".
            if crate::objects::int::_PyLong_Sign(v) < 0 { 0 } else { i64::MAX }
        }
    }
}

/// Appends the report of the traceback chain starting at `tb_obj` (nothing when
/// `sys.tracebacklimit` is 0 or less).
pub(crate) unsafe fn format_traceback(tb_obj: *mut PyObject, out: &mut String) {
    if let Some(entries) = traceback_entries(tb_obj) {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&entries);
    }
}

/// The entries of a traceback report without its header line; None when
/// `sys.tracebacklimit` is 0 or less (no report at all).
pub(crate) unsafe fn traceback_entries(tb_obj: *mut PyObject) -> Option<String> {
    let limit = limit();
    if limit <= 0 {
        return None;
    }
    let mut out = String::new();
    let out = &mut out;
    let mut chain = Vec::new();
    let mut cursor = tb_obj as *mut PyTracebackObject;
    while !cursor.is_null() {
        chain.push(cursor);
        cursor = (*cursor).tb_next;
    }
    let skip = chain.len().saturating_sub(usize::try_from(limit).unwrap_or(usize::MAX));
    let mut last: Option<(String, i32, String)> = None;
    let mut repeats = 0usize;
    for &t in &chain[skip..] {
        let e = entry_of(&*t);
        let key = (e.filename.clone(), e.lineno, e.name.clone());
        if last.as_ref() == Some(&key) {
            repeats += 1;
        } else {
            flush_repeats(repeats, out);
            last = Some(key);
            repeats = 1;
        }
        if repeats <= RECURSIVE_CUTOFF {
            format_entry(&e, out);
        }
    }
    flush_repeats(repeats, out);
    Some(core::mem::take(out))
}

fn flush_repeats(count: usize, out: &mut String) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        let s = if n > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}

unsafe fn format_entry(e: &Entry, out: &mut String) {
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.lineno, e.name));
    let Some(line) = source_line(&e.filename, e.lineno) else { return };
    let body = line.trim_start_matches([' ', '\t', '\x0c']);
    out.push_str("    ");
    out.push_str(body);
    out.push('\n');
    if let Some(carets) = e.position.and_then(|p| caret_line(&line, body, e.lineno, p)) {
        out.push_str(&carets);
    }
}

/// The `    ^^^^` line under the failing expression, or None when CPython shows none: no
/// usable position, a position on another line, or an expression that is the whole line
/// (unless it is a binary operation or a subscript, which get `~~^~~` anchors).
fn caret_line(line: &str, body: &str, lineno: i32, (l, end_l, col, end_col): (u32, u32, u32, u32)) -> Option<String> {
    if l as i32 != lineno || end_l < l {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let to_chars = |byte: usize| line.get(..byte.min(line.len())).map(|s| s.chars().count());
    let start = to_chars(col as usize)?;
    let end = if end_l > l { chars.len() } else { to_chars(end_col as usize)? };
    let indent = chars.len() - body.chars().count();
    if start < indent || end <= start {
        return None;
    }
    let anchors = if end_l == l { anchors(&chars[start..end]) } else { None };
    if anchors.is_none() && start == indent && end == chars.len() {
        return None;
    }
    let mut out = format!("    {}", " ".repeat(start - indent));
    for i in 0..end - start {
        let primary = anchors.map_or(true, |(a, b)| a <= i && i < b);
        out.push(if primary { '^' } else { '~' });
    }
    out.push('\n');
    Some(out)
}

/// For a segment that parses as a binary operation or a subscript: the character range (in
/// the segment) of the operator, or of the brackets, which 3.11 marks with `^` among `~`.
fn anchors(segment: &[char]) -> Option<(usize, usize)> {
    let text: String = segment.iter().collect();
    let module = ferropy_parser::parse_str(&text, "<segment>").ok()?;
    let ferropy_parser::ast::Value::List(body) = module.field("body")? else { return None };
    let stmt = body.first()?.as_node()?;
    if stmt.kind != ferropy_parser::ast::Kind::Expr {
        return None;
    }
    let expr = stmt.field("value")?.as_node()?;
    // Node columns are UTF-8 byte offsets into `text`.
    let at = |byte: u32| text.get(..byte as usize).map(|s| s.chars().count());
    let skip = |mut i: usize, also: char| {
        while i < segment.len() && (segment[i].is_whitespace() || segment[i] == also) {
            i += 1;
        }
        i
    };
    match expr.kind {
        ferropy_parser::ast::Kind::BinOp => {
            let left_end = at(expr.field("left")?.as_node()?.loc.end_col)?;
            let right_start = at(expr.field("right")?.as_node()?.loc.col)?;
            let op = skip(left_end, ')');
            if op >= right_start {
                return None;
            }
            let two = op + 1 < right_start && !segment[op + 1].is_whitespace();
            Some((op, op + 1 + two as usize))
        }
        ferropy_parser::ast::Kind::Subscript => {
            let value_end = at(expr.field("value")?.as_node()?.loc.end_col)?;
            let slice_end = at(expr.field("slice")?.as_node()?.loc.end_col)?;
            let open = skip(value_end, ')');
            let close = skip(slice_end, ')');
            Some((open, (close + 1).min(segment.len())))
        }
        _ => None,
    }
}

/// Line `lineno` of `filename` without its line ending, looked up as CPython does: the name
/// as given, else its last component in each `sys.path` directory.
unsafe fn source_line(filename: &str, lineno: i32) -> Option<String> {
    if lineno < 1 {
        return None;
    }
    let file = std::fs::File::open(filename).ok().or_else(|| search_sys_path(filename))?;
    let raw = BufReader::new(file).split(b'\n').nth(lineno as usize - 1)?.ok()?;
    let text = String::from_utf8_lossy(&raw);
    Some(text.trim_end_matches(['\r', '\n']).to_string())
}

unsafe fn search_sys_path(filename: &str) -> Option<std::fs::File> {
    let tail = filename.rsplit('/').next()?;
    let path = crate::modules::sys_stdio::sys_attr("path");
    if path.is_null() || !crate::objects::list::is_list(path) {
        return None;
    }
    for &dir in crate::objects::list::items(path) {
        if !pystr::is_str(dir) {
            continue;
        }
        let candidate = std::path::Path::new(&pystr::to_string(dir)).join(tail);
        if candidate.is_file() {
            if let Ok(f) = std::fs::File::open(candidate) {
                return Some(f);
            }
        }
    }
    None
}
