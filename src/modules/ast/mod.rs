//! The `_ast` module: `ast.AST` and the node classes of Python 3.11's abstract grammar,
//! the `PyCF_*` flags `ast.py` uses, and the conversions between the parser's tree and
//! node objects (`compile(..., PyCF_ONLY_AST)` one way, `compile(tree, ...)` the other).
mod classes;
pub(crate) mod compile_tree;
mod from_python;
mod grammar;
mod grammar_text;
pub(crate) mod node_type;
pub(crate) mod parse;
mod to_python;
mod validate;

pub(crate) use classes::fini;

use crate::compiler::flags::{PyCF_ALLOW_TOP_LEVEL_AWAIT, PyCF_ONLY_AST, PyCF_TYPE_COMMENTS};
use crate::errors::raised::PyResult;
use crate::modules::{module_def, owned, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, int, str as pystr};

static mut AST_FUNCTIONS: [PyMethodDef; 1] = [END];

static mut AST_DEF: PyModuleDef =
    PyModuleDef { m_doc: core::ptr::null(), ..module_def(c"_ast", c"", (&raw mut AST_FUNCTIONS) as *mut PyMethodDef) };

pub(crate) unsafe extern "C" fn init_ast() -> *mut PyObject {
    ret((|| -> PyResult<PyRef> {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut AST_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let st = classes::state()?;
        dict::set_item(d, pystr::intern("AST")?.as_ptr(), &raw mut node_type::AST_Type as *mut PyObject)?;
        for (name, value) in [
            ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT),
            ("PyCF_ONLY_AST", PyCF_ONLY_AST),
            ("PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS),
        ] {
            dict::set_item(d, pystr::intern(name)?.as_ptr(), int::from_i64(value as i64)?.as_ptr())?;
        }
        for (c, cls) in grammar::grammar().classes.iter().zip(st.classes.iter()) {
            dict::set_item(d, pystr::intern(c.name)?.as_ptr(), cls.as_ptr())?;
        }
        Ok(m)
    })())
}
