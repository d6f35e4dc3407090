//! Warnings found while tokenizing, parsing and compiling (invalid escapes, `1if`, `is`
//! with a literal, ...).  Plain values: the runtime issues each through
//! `PyErr_WarnExplicit` (filename, `lineno`), and when the warning filter turns one into an
//! error it raises `SyntaxError(message)` at the warning's position instead, as CPython
//! does.

use crate::ast::Loc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    SyntaxWarning,
    /// 3.11 still issues `invalid escape sequence` as a DeprecationWarning.
    DeprecationWarning,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::SyntaxWarning => "SyntaxWarning",
            Category::DeprecationWarning => "DeprecationWarning",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub category: Category,
    pub message: String,
    /// 1-based line; offsets are 1-based byte columns (as the AST's), as a SyntaxError
    /// raised for the warning carries them.
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
}

impl Warning {
    pub fn syntax(message: impl Into<String>, loc: Loc) -> Warning {
        Warning::new(Category::SyntaxWarning, message, loc)
    }

    pub fn new(category: Category, message: impl Into<String>, loc: Loc) -> Warning {
        Warning {
            category,
            message: message.into(),
            lineno: loc.lineno,
            offset: loc.col + 1,
            end_lineno: loc.end_lineno,
            end_offset: loc.end_col + 1,
        }
    }
}
