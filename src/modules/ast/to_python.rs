//! The parser's tree -> `ast` node objects (what `ast.parse` returns). Every field is
//! set, None for an absent optional one, as CPython's conversion does; positions are
//! the parser's (columns are UTF-8 byte offsets).
use ferropy_parser::ast::{Constant, Node, Value};

use super::classes::{state, AstState};
use super::node_type::new_node;
use crate::abstract_::{new_ref, none};
use crate::errors::raised::PyResult;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, dict, float, int, list, str as pystr};

pub(crate) unsafe fn to_python(tree: &Node) -> PyResult<PyRef> {
    let st = state()?;
    node(st, tree)
}

/// `FunctionType(argtypes, returns)` (a class the parser has no node kind for).
pub(super) unsafe fn function_type(argtypes: &Value, returns: &Value) -> PyResult<PyRef> {
    let st = state()?;
    let g = super::grammar::grammar();
    let cls = st.classes[g.index("FunctionType").expect("grammar class")].as_ptr();
    let (obj, d) = new_node(cls as _)?;
    let names = &st.class_field_names[g.index("FunctionType").expect("grammar class")];
    dict::set_item(d, names[0].as_ptr(), value(st, argtypes)?.as_ptr())?;
    dict::set_item(d, names[1].as_ptr(), value(st, returns)?.as_ptr())?;
    Ok(obj)
}

unsafe fn node(st: &AstState, n: &Node) -> PyResult<PyRef> {
    let k = n.kind as usize;
    if let Some(s) = &st.singletons[k] {
        return Ok(new_ref(s.as_ptr()));
    }
    let (obj, d) = new_node(st.by_kind[k] as _)?;
    for (name, v) in st.field_names[k].iter().zip(n.fields.iter()) {
        let value = value(st, v)?;
        dict::set_item(d, name.as_ptr(), value.as_ptr())?;
    }
    if n.kind.info().attrs {
        let l = n.loc;
        for (name, v) in st.attr_names.iter().zip([l.lineno, l.col, l.end_lineno, l.end_col]) {
            dict::set_item(d, name.as_ptr(), int::from_i64(v as i64)?.as_ptr())?;
        }
    }
    Ok(obj)
}

unsafe fn value(st: &AstState, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Node(n) => node(st, n),
        Value::List(items) => {
            let out = list::new(0)?;
            for it in items {
                list::append(out.as_ptr(), value(st, it)?.as_ptr())?;
            }
            Ok(out)
        }
        Value::None => Ok(new_ref(none())),
        Value::Str(s) => pystr::from_utf8(s),
        Value::Int(i) => int::from_i64(*i),
        Value::Const(c) => constant(c),
    }
}

pub(super) unsafe fn constant(c: &Constant) -> PyResult<PyRef> {
    use crate::objects::bool::PyBool_FromLong;
    Ok(match c {
        Constant::None => new_ref(none()),
        Constant::True => PyRef::from_owned(PyBool_FromLong(1)).unwrap(),
        Constant::False => PyRef::from_owned(PyBool_FromLong(0)).unwrap(),
        Constant::Ellipsis => new_ref(&raw mut crate::objects::singletons::_Py_EllipsisObject),
        Constant::Int(s) => match s.parse::<i64>() {
            Ok(v) => int::from_i64(v)?,
            Err(_) => crate::objects::long_str::from_text(s.as_bytes(), 10, || s.clone())?,
        },
        Constant::Float(f) => float::new(*f)?,
        Constant::Complex(im) => crate::objects::complex::new(crate::objects::complex::Py_complex { real: 0.0, imag: *im })?,
        Constant::Str(b) => crate::objects::code_rt::str_from_wtf8(b)?,
        Constant::Bytes(b) => bytes::from_slice(b)?,
    })
}
