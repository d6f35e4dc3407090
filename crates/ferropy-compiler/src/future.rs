//! `from __future__ import ...` at the top of a module: which features are on, and the
//! errors CPython raises for unknown features and misplaced future imports.

use crate::ast_util::{ident, int, list};
use crate::error::{at, CompileResult};
use ferropy_parser::ast::{Kind, Node};

#[derive(Clone, Copy, Debug, Default)]
pub struct Future {
    /// PEP 563: annotations are kept as strings, never evaluated.
    pub annotations: bool,
    pub barry_as_flufl: bool,
    /// Line of the last future import of the leading block (0: none); a later one errs.
    pub last_lineno: u32,
}

const KNOWN: &[&str] = &[
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
];

pub const MISPLACED: &str = "from __future__ imports must occur at the beginning of the file";

pub fn is_future_import(s: &Node) -> bool {
    s.kind == Kind::ImportFrom && ident(s, 0) == Some("__future__") && int(s, 2) == 0
}

pub fn scan(module: &Node) -> CompileResult<Future> {
    let mut f = Future::default();
    for (i, v) in list(module, 0).iter().enumerate() {
        let Some(s) = v.as_node() else { continue };
        if is_future_import(s) {
            for a in list(s, 1).iter().filter_map(|v| v.as_node()) {
                match ident(a, 0).unwrap_or("") {
                    "annotations" => f.annotations = true,
                    "barry_as_FLUFL" => f.barry_as_flufl = true,
                    "braces" => {
                        let mut e = at("not a chance", s.loc);
                        e.end_offset = None;
                        return Err(e);
                    }
                    n if KNOWN.contains(&n) => {}
                    n => {
                        let mut e = at(format!("future feature {} is not defined", n), s.loc);
                        e.end_offset = None;
                        return Err(e);
                    }
                }
            }
            f.last_lineno = s.loc.lineno;
        } else if !(i == 0 && crate::ast_util::is_docstring(s)) {
            // The leading block ends here.  A future import later on the same line is
            // caught here; on later lines it is the code generator's error.
            let line = s.loc.lineno;
            for t in list(module, 0)[i + 1..].iter().filter_map(|v| v.as_node()) {
                if t.loc.lineno != line {
                    break;
                }
                if is_future_import(t) {
                    // CPython reports this one at the bare column (no +1), with no end.
                    let mut e = at(MISPLACED, t.loc);
                    e.offset = Some(t.loc.col as i64);
                    e.end_offset = None;
                    return Err(e);
                }
            }
            break;
        }
    }
    Ok(f)
}
