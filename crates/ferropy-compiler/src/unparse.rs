//! Expression -> source text, for `from __future__ import annotations` (PEP 563).

use ferropy_parser::ast::Node;

pub fn unparse(_e: &Node) -> String {
    String::new()
}
