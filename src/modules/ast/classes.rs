//! The node classes, made once per runtime from the grammar: `type(name, (base,), ns)`
//! heap classes under `ast.AST`, with `_fields`, `__match_args__`, `_attributes`, class
//! docs and None defaults for optional fields and attributes (as CPython 3.11 has them).
//! The parser's `Kind`s map to them, and each field-less constructor of an operator or
//! context type has one shared instance, as `ast.parse` gives (`Load()`, `Add()`, ...).
use ferropy_parser::ast::Kind;

use super::grammar::{grammar, Field, Quant};
use super::node_type::AST_Type;
use crate::abstract_::{new_ref, none};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typetype::PyType_Type;
use crate::objects::{dict, str as pystr, tuple};

pub(super) struct AstState {
    /// The classes in grammar order (`grammar().classes`).
    pub classes: Vec<PyRef>,
    /// The class of each parser kind (`Kind as usize`).
    pub by_kind: Vec<*mut PyObject>,
    /// The interned field names of each parser kind.
    pub field_names: Vec<Vec<PyRef>>,
    /// The shared instance of each field-less kind without attributes (`Load`, `Add`, ...).
    pub singletons: Vec<Option<PyRef>>,
    /// `lineno`, `col_offset`, `end_lineno`, `end_col_offset`.
    pub attr_names: [PyRef; 4],
    /// The parser kind of each class (`grammar().classes`); None for the abstract bases and
    /// the classes the parser has no node for (`FunctionType`, `TypeIgnore`).
    pub kind_of: Vec<Option<Kind>>,
    /// The interned field names of each class (`grammar().classes`).
    pub class_field_names: Vec<Vec<PyRef>>,
    /// Class object address -> index in `classes` (an exact-type shortcut for `isinstance`).
    pub index_of_class: std::collections::HashMap<usize, usize>,
}

static mut STATE: Option<Box<AstState>> = None;

/// The classes of this runtime, made on first use.
pub(super) unsafe fn state() -> PyResult<&'static AstState> {
    if let Some(s) = (*(&raw const STATE)).as_deref() {
        return Ok(s);
    }
    let s = build()?;
    *(&raw mut STATE) = Some(Box::new(s));
    Ok((*(&raw const STATE)).as_deref().unwrap())
}

/// At finalization: the classes belong to the runtime that made them.
pub(crate) fn fini() {
    // SAFETY: finalization, under the GIL.
    unsafe {
        drop((*(&raw mut STATE)).take());
    }
}

unsafe fn names_tuple(fields: &[Field]) -> PyResult<PyRef> {
    tuple::from_vec(fields.iter().map(|f| pystr::intern(f.name)).collect::<PyResult<Vec<_>>>()?)
}

unsafe fn set(target: *mut PyObject, name: &str, value: *mut PyObject) -> PyResult<()> {
    crate::object::object_attr::set_attr(target, pystr::intern(name)?.as_ptr(), value)
}

/// Sets None defaults for the optional entries of `fields`.
unsafe fn optional_defaults(cls: *mut PyObject, fields: &[Field]) -> PyResult<()> {
    for f in fields.iter().filter(|f| f.q == Quant::Opt) {
        set(cls, f.name, none())?;
    }
    Ok(())
}

unsafe fn build() -> PyResult<AstState> {
    let g = grammar();
    let ast = &raw mut AST_Type as *mut PyObject;
    // `AST` itself: no fields, no attributes.
    let empty = tuple::new(0)?;
    let tp_dict = (*(&raw mut AST_Type)).tp_dict;
    for name in ["_fields", "__match_args__", "_attributes"] {
        dict::set_item(tp_dict, pystr::intern(name)?.as_ptr(), empty.as_ptr())?;
    }
    let module_name = pystr::intern("ast")?;
    dict::set_item(tp_dict, pystr::intern("__module__")?.as_ptr(), module_name.as_ptr())?;
    crate::object::type_cache::PyType_Modified(&raw mut AST_Type);

    let mut classes: Vec<PyRef> = Vec::with_capacity(g.classes.len());
    for c in &g.classes {
        let base = match c.base {
            Some(b) => classes[b].as_ptr(),
            None => ast,
        };
        let fields = names_tuple(&c.fields)?;
        let ns = dict::new()?;
        dict::set_item(ns.as_ptr(), pystr::intern("_fields")?.as_ptr(), fields.as_ptr())?;
        dict::set_item(ns.as_ptr(), pystr::intern("__match_args__")?.as_ptr(), fields.as_ptr())?;
        dict::set_item(ns.as_ptr(), pystr::intern("__module__")?.as_ptr(), module_name.as_ptr())?;
        dict::set_item(ns.as_ptr(), pystr::intern("__doc__")?.as_ptr(), pystr::from_utf8(&c.doc)?.as_ptr())?;
        let args = tuple::from_vec(vec![pystr::from_utf8(c.name)?, tuple::from_vec(vec![new_ref(base)])?, ns])?;
        let cls = PyRef::from_owned(crate::abstract_::call::call_tuple(&raw mut PyType_Type as *mut PyObject, args.as_ptr(), core::ptr::null_mut()))
            .ok_or_else(Raised::assume_set)?;
        if let Some(attrs) = &c.attributes {
            set(cls.as_ptr(), "_attributes", names_tuple(attrs)?.as_ptr())?;
        }
        optional_defaults(cls.as_ptr(), &c.fields)?;
        if let Some(attrs) = &c.attributes {
            optional_defaults(cls.as_ptr(), attrs)?;
        }
        classes.push(cls);
    }

    let mut by_kind = Vec::with_capacity(Kind::ALL.len());
    let mut field_names = Vec::with_capacity(Kind::ALL.len());
    let mut singletons = Vec::with_capacity(Kind::ALL.len());
    for &k in Kind::ALL {
        let i = g.index(k.py_name()).expect("every parser kind has a class");
        let cls = classes[i].as_ptr();
        by_kind.push(cls);
        field_names.push(g.classes[i].fields.iter().map(|f| pystr::intern(f.name)).collect::<PyResult<Vec<_>>>()?);
        let leaf = g.classes[i].fields.is_empty() && g.attributes_of(i).is_empty();
        singletons.push(if leaf { Some(super::node_type::new_node(cls as _)?.0) } else { None });
    }
    let attr_names = [pystr::intern("lineno")?, pystr::intern("col_offset")?, pystr::intern("end_lineno")?, pystr::intern("end_col_offset")?];
    let kind_of = g.classes.iter().map(|c| if c.is_sum { None } else { Kind::ALL.iter().copied().find(|k| k.py_name() == c.name) }).collect();
    let class_field_names = g.classes.iter().map(|c| c.fields.iter().map(|f| pystr::intern(f.name)).collect::<PyResult<Vec<_>>>()).collect::<PyResult<Vec<_>>>()?;
    let index_of_class = classes.iter().enumerate().map(|(i, c)| (c.as_ptr() as usize, i)).collect();
    Ok(AstState { classes, by_kind, field_names, singletons, attr_names, kind_of, class_field_names, index_of_class })
}
