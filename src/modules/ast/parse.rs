//! `compile(source, filename, mode, PyCF_ONLY_AST)` (`ast.parse`): parse only, issue the
//! parser's warnings, and return the tree as node objects.
use core::ffi::c_int;

use ferropy_parser::Mode;

use crate::compiler::flags::{PyCF_IGNORE_COOKIE, Py_eval_input, Py_file_input, Py_func_type_input, Py_single_input};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::runtime::pyrun::raise_syntax_error;

pub(crate) unsafe fn parse_to_ast(source: &[u8], filename: &str, start: c_int, flags: c_int) -> PyResult<PyRef> {
    let mode = match start {
        s if s == Py_file_input => Mode::Exec,
        s if s == Py_single_input => Mode::Single,
        s if s == Py_eval_input => Mode::Eval,
        s if s == Py_func_type_input => return func_type(source, filename),
        _ => {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    if source.contains(&0) {
        return Err(raise_type(&raw mut exc::_PyExc_SyntaxError, "source code string cannot contain null bytes"));
    }
    let parsed = match core::str::from_utf8(source) {
        Ok(text) if flags & PyCF_IGNORE_COOKIE != 0 => ferropy_parser::parse_str_with_warnings(text, filename, mode),
        _ => ferropy_parser::parse_with_warnings(source, filename, mode),
    };
    let (tree, warnings) = parsed.map_err(|e| raise_syntax_error(&e))?;
    match crate::compiler::warnings::issue(&warnings, filename, source) {
        Ok(()) => {}
        Err(crate::compiler::warnings::Stop::Raised(r)) => return Err(r),
        Err(crate::compiler::warnings::Stop::SyntaxError(e)) => return Err(raise_syntax_error(&e)),
    }
    super::to_python::to_python(&tree)
}

/// `mode='func_type'`: `(argtypes) -> returns`, read with the expression parser on the
/// same text (positions kept): the argument list as a list display with its parentheses
/// turned into brackets, the return type as a parenthesized expression after the arrow.
unsafe fn func_type(source: &[u8], filename: &str) -> PyResult<PyRef> {
    let text = ferropy_parser::source::decode_source_info(source)
        .map_err(|mut e| {
            e.filename = filename.to_string();
            raise_syntax_error(&e)
        })?
        .0
        .into_owned();
    let bytes = text.as_bytes();
    let open = bytes.iter().position(|c| !c.is_ascii_whitespace());
    let close = open.filter(|&o| bytes[o] == b'(').and_then(|o| matching_paren(bytes, o));
    let arrow = close.and_then(|c| {
        let rest = &text[c + 1..];
        let skip = rest.len() - rest.trim_start().len();
        rest.trim_start().starts_with("->").then_some(c + 1 + skip)
    });
    let (Some(open), Some(close), Some(arrow)) = (open, close, arrow) else {
        // No `(...) ->`: CPython reports the start of the text.
        let mut e = ferropy_parser::SyntaxError::simple(ferropy_parser::ErrorKind::SyntaxError, "invalid syntax");
        e.filename = filename.to_string();
        e.lineno = Some(1);
        e.offset = Some(open.unwrap_or(0) as i64 + 1);
        e.text = text.lines().next().map(|l| l.to_string());
        return Err(raise_syntax_error(&e));
    };
    let blank = |upto: usize| -> String { text[..upto].chars().map(|c| if c == '\n' { '\n' } else { ' ' }).collect() };
    let mut args = text.as_bytes()[..=close].to_vec();
    args[open] = b'[';
    args[close] = b']';
    unstar(&mut args, open);
    let args = String::from_utf8(args).expect("ASCII replacements keep UTF-8");
    let mut ret = blank(arrow + 2);
    ret.replace_range(0..1, "(");
    ret.push_str(&text[arrow + 2..]);
    ret.push_str("\n)");
    let args_tree = ferropy_parser::parse_str_mode(&args, filename, Mode::Eval).map_err(|e| raise_syntax_error(&e))?;
    let ret_tree = ferropy_parser::parse_str_mode(&ret, filename, Mode::Eval).map_err(|e| raise_syntax_error(&e))?;
    let argtypes = match args_tree.fields.first().and_then(|v| v.as_node()).and_then(|l| l.fields.first()) {
        Some(v) => v.clone(),
        None => ferropy_parser::Value::List(Vec::new()),
    };
    let returns = ret_tree.fields.first().cloned().unwrap_or(ferropy_parser::Value::None);
    super::to_python::function_type(&argtypes, &returns)
}

/// `*a` and `**k` among the argument types stand for `a` and `k`: blank the stars.
fn unstar(b: &mut [u8], open: usize) {
    let mut depth = 0usize;
    let mut after_sep = false;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                after_sep = depth == 1;
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => after_sep = true,
            b'*' if depth == 1 && after_sep => b[i] = b' ',
            c if c.is_ascii_whitespace() => {}
            q @ (b'\'' | b'"') => {
                after_sep = false;
                i += 1;
                while i < b.len() && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            _ => after_sep = false,
        }
        i += 1;
    }
}

/// The index of the `)` closing the `(` at `open`, skipping strings.
fn matching_paren(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return (b[i] == b')').then_some(i);
                }
            }
            q @ (b'\'' | b'"') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}
