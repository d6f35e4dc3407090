//! `compile(tree, filename, mode)` for an `ast.AST` object: the root must be the mode's
//! node class, the tree is read into the parser's form and validated, then compiled by the
//! same compiler as source text.
use core::ffi::c_int;

use super::classes::state;
use super::from_python::Reader;
use super::grammar::grammar;
use super::validate::{validate_mod, Invalid};
use crate::abstract_::type_error;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::runtime::pyrun::raise_syntax_error;

/// Whether `o` is an AST node (`PyAST_Check`).
pub(crate) unsafe fn is_ast(o: *mut PyObject) -> PyResult<bool> {
    crate::abstract_::isinstance::isinstance(o, &raw mut super::node_type::AST_Type as *mut PyObject)
}

/// `mode` is "exec", "eval" or "single" (the caller checked).
pub(crate) unsafe fn compile_ast(tree: *mut PyObject, filename: &str, mode: &str, flags: c_int, optimize: c_int) -> PyResult<PyRef> {
    use ferropy_compiler::compile::{Mode, Options};
    let st = state()?;
    let g = grammar();
    let (root, cmode) = match mode {
        "eval" => ("Expression", Mode::Eval),
        "single" => ("Interactive", Mode::Single),
        _ => ("Module", Mode::Exec),
    };
    let root_class = st.classes[g.index(root).expect("grammar class")].as_ptr();
    if !crate::abstract_::isinstance::isinstance(tree, root_class)? {
        return Err(type_error(format!("expected {root} node, got {}", crate::object::typetype::short_name((*tree).ob_type))));
    }
    let module = match Reader::new(st).sum(tree, g.index("mod").expect("grammar type"))? {
        ferropy_parser::Value::Node(n) => *n,
        _ => unreachable!("an instance of a mod class reads as a node"),
    };
    match validate_mod(&module) {
        Ok(()) => {}
        Err(Invalid::Value(m)) => return Err(raise_type(&raw mut exc::_PyExc_ValueError, m)),
        Err(Invalid::Type(m)) => return Err(type_error(m)),
    }
    let optimize = if optimize < 0 { crate::runtime::pyrun::default_optimize() } else { optimize.min(2) as u8 };
    let opts = Options { mode: cmode, flags: flags as u32, optimize };
    // A hand-built tree may hold what no source can; the compiler must not unwind into C.
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ferropy_compiler::compile_tree(&module, filename, opts)));
    let compiled = match r {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return Err(raise_syntax_error(&e)),
        Err(_) => return Err(raise_type(&raw mut exc::_PyExc_SystemError, "the compiler failed on this AST")),
    };
    match crate::compiler::warnings::issue(&compiled.warnings, filename, b"") {
        Ok(()) => {}
        Err(crate::compiler::warnings::Stop::Raised(r)) => return Err(r),
        Err(crate::compiler::warnings::Stop::SyntaxError(e)) => return Err(raise_syntax_error(&e)),
    }
    crate::objects::code_type::from_unit(compiled.code)
}
