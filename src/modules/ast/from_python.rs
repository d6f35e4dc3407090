//! `ast` node objects -> the parser's tree (what `compile(tree, ...)` compiles), read by
//! the grammar: sum-typed fields dispatch on the constructor classes (`isinstance`),
//! product-typed ones read attributes, and bad shapes raise CPython's TypeErrors and
//! ValueErrors ("required field ... missing from ...", "expected some sort of ...").
use ferropy_parser::ast::{Constant, Kind, Loc, Node, Value};

use super::classes::AstState;
use super::grammar::{grammar, Field, Grammar, Quant};
use crate::abstract_::{none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::object_attr::lookup_attr;
use crate::object::pending_error::raise_type;
use crate::objects::{list, str as pystr};

pub(super) struct Reader<'a> {
    st: &'a AstState,
    g: &'static Grammar,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(st: &'a AstState) -> Self {
        Reader { st, g: grammar(), depth: 0 }
    }

    /// Reads `obj` as a value of the sum type `ty` (`mod`, `stmt`, `expr`, ...).
    pub(super) unsafe fn sum(&mut self, obj: *mut PyObject, ty: usize) -> PyResult<Value> {
        if obj == none() {
            return Ok(Value::None);
        }
        self.enter(ty)?;
        let r = self.sum_inner(obj, ty);
        self.depth -= 1;
        r
    }

    /// Nesting deeper than the recursion limit is a RecursionError, as in CPython (which
    /// counts the node types with fields: not `Load`, `Add`, ...).
    unsafe fn enter(&mut self, ty: usize) -> PyResult<()> {
        let counted = self.g.classes.iter().any(|c| c.base == Some(ty) && !c.fields.is_empty()) || !self.g.classes[ty].is_sum;
        if !counted {
            self.depth += 1;
            return Ok(());
        }
        if self.depth + 1 > crate::modules::sys_functions::Py_GetRecursionLimit().max(1) as usize {
            let msg = format!("maximum recursion depth exceeded while traversing '{}' node", self.g.classes[ty].name);
            return Err(raise_type(&raw mut exc::_PyExc_RecursionError, msg));
        }
        self.depth += 1;
        Ok(())
    }

    unsafe fn sum_inner(&mut self, obj: *mut PyObject, ty: usize) -> PyResult<Value> {
        let g = self.g;
        let loc = self.location(obj, g.classes[ty].name, g.attributes_of(ty))?;
        // The exact class is the usual case; a subclass is found as CPython finds it.
        let exact = self.st.index_of_class.get(&((*obj).ob_type as usize)).copied().filter(|&i| g.classes[i].base == Some(ty));
        let found = match exact {
            Some(i) => Some(i),
            None => {
                let mut found = None;
                for (i, c) in g.classes.iter().enumerate() {
                    if c.base == Some(ty) && crate::abstract_::isinstance::isinstance(obj, self.st.classes[i].as_ptr())? {
                        found = Some(i);
                        break;
                    }
                }
                found
            }
        };
        if let Some(i) = found {
            if let Some(v) = self.singleton_of(i) {
                return Ok(v);
            }
            let fields = self.fields(obj, i)?;
            return Ok(self.make(i, loc, fields));
        }
        let shown = crate::abstract_::object::repr(obj)?;
        Err(type_error(format!("expected some sort of {}, but got {}", g.classes[ty].name, pystr::to_string(shown.as_ptr()))))
    }

    /// Field-less constructors without attributes (`Load`, `Add`, ...) are leaves.
    fn singleton_of(&self, i: usize) -> Option<Value> {
        let c = &self.g.classes[i];
        if !c.fields.is_empty() || !self.g.attributes_of(i).is_empty() {
            return None;
        }
        self.st.kind_of[i].map(|k| Value::node(Node::leaf(k)))
    }

    /// Reads `obj` as the product type `ty` (`arguments`, `arg`, `keyword`, ...).
    unsafe fn product(&mut self, obj: *mut PyObject, ty: usize) -> PyResult<Value> {
        if obj == none() {
            return Ok(Value::None);
        }
        self.enter(ty)?;
        let r = self.product_inner(obj, ty);
        self.depth -= 1;
        r
    }

    unsafe fn product_inner(&mut self, obj: *mut PyObject, ty: usize) -> PyResult<Value> {
        let fields = self.fields(obj, ty)?;
        let loc = self.location(obj, self.g.classes[ty].name, self.g.attributes_of(ty))?;
        Ok(self.make(ty, loc, fields))
    }

    fn make(&self, i: usize, loc: Loc, mut fields: Vec<Value>) -> Value {
        // `TypeIgnore` (checked, then dropped: the compiler has no use for it).
        let Some(kind) = self.st.kind_of[i] else { return Value::None };
        // A constant the parser has no literal for is an expression that makes it.
        if kind == Kind::Constant {
            if let Some(Value::Node(n)) = fields.first_mut() {
                let mut n = core::mem::replace(&mut **n, Node::leaf(Kind::Load));
                relocate(&mut n, loc);
                return Value::node(n);
            }
        }
        Value::node(Node::new(kind, loc, fields))
    }

    unsafe fn fields(&mut self, obj: *mut PyObject, i: usize) -> PyResult<Vec<Value>> {
        let c = &self.g.classes[i];
        let names = &self.st.class_field_names[i];
        let mut out = Vec::with_capacity(c.fields.len());
        for (f, name) in c.fields.iter().zip(names) {
            out.push(self.field(obj, c.name, f, name.as_ptr())?);
        }
        Ok(out)
    }

    unsafe fn field(&mut self, obj: *mut PyObject, owner: &str, f: &Field, name: *mut PyObject) -> PyResult<Value> {
        let v = lookup_attr(obj, name)?;
        let v = match v {
            Some(v) if !(f.q == Quant::Opt && v.as_ptr() == none()) => v,
            None if f.q != Quant::Opt => {
                return Err(type_error(format!("required field \"{}\" missing from {}", f.name, owner)));
            }
            _ => return Ok(Value::None),
        };
        if f.q != Quant::Seq {
            let r = self.one(v.as_ptr(), f.ty)?;
            if f.q == Quant::One && matches!(r, Value::None) {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("field '{}' is required for {}", f.name, owner)));
            }
            return Ok(r);
        }
        if !list::is_list(v.as_ptr()) {
            return Err(type_error(format!("{} field \"{}\" must be a list, not a {}", owner, f.name, tp_name(v.as_ptr()))));
        }
        let n = list::len(v.as_ptr());
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            let item = crate::abstract_::new_ref(list::items(v.as_ptr())[i]);
            items.push(self.one(item.as_ptr(), f.ty)?);
            if list::len(v.as_ptr()) != n {
                return Err(raise_type(
                    &raw mut exc::_PyExc_RuntimeError,
                    format!("{} field \"{}\" changed size during iteration", owner, f.name),
                ));
            }
        }
        Ok(Value::List(items))
    }

    /// One value of grammar type `ty`.
    unsafe fn one(&mut self, v: *mut PyObject, ty: &str) -> PyResult<Value> {
        match ty {
            "identifier" => {
                if v == none() {
                    return Ok(Value::None);
                }
                if (*v).ob_type != &raw mut pystr::PyUnicode_Type {
                    return Err(type_error("AST identifier must be of type str"));
                }
                Ok(Value::Str(pystr::to_string(v)))
            }
            "string" => {
                if v == none() {
                    return Ok(Value::None);
                }
                if (*v).ob_type == &raw mut pystr::PyUnicode_Type {
                    return Ok(Value::Str(pystr::to_string(v)));
                }
                if (*v).ob_type == &raw mut crate::objects::bytes::PyBytes_Type {
                    return Ok(Value::Str(String::from_utf8_lossy(crate::objects::bytes::as_slice(v)).into_owned()));
                }
                Err(type_error("AST string must be of type str"))
            }
            "int" => Ok(Value::Int(int_value(v)?)),
            "constant" => constant_value(v),
            _ => {
                let i = self.g.index(ty).expect("grammar type");
                if self.g.classes[i].is_sum {
                    self.sum(v, i)
                } else {
                    self.product(v, i)
                }
            }
        }
    }

    /// `lineno`, `col_offset` (required), `end_lineno`, `end_col_offset` (optional).
    unsafe fn location(&mut self, obj: *mut PyObject, owner: &str, attrs: &[Field]) -> PyResult<Loc> {
        let mut vals = [0u32; 4];
        // Every type with attributes has these four, in this order.
        for ((slot, f), name) in vals.iter_mut().zip(attrs).zip(&self.st.attr_names) {
            match lookup_attr(obj, name.as_ptr())? {
                Some(v) if v.as_ptr() != none() || f.q != Quant::Opt => *slot = int_value(v.as_ptr())?.clamp(0, u32::MAX as i64) as u32,
                Some(_) => {}
                None if f.q == Quant::Opt => {}
                None => return Err(type_error(format!("required field \"{}\" missing from {}", f.name, owner))),
            }
        }
        Ok(Loc { lineno: vals[0], col: vals[1], end_lineno: vals[2], end_col: vals[3] })
    }
}

unsafe fn int_value(v: *mut PyObject) -> PyResult<i64> {
    if !crate::objects::int::is_int(v) {
        let shown = crate::abstract_::object::repr(v)?;
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("invalid integer value: {}", pystr::to_string(shown.as_ptr()))));
    }
    crate::objects::long_convert::as_i64(v)
}

/// The text of a str as the parser keeps it (WTF-8: lone surrogates kept).
unsafe fn wtf8(s: *mut PyObject) -> Vec<u8> {
    let n = pystr::len(s);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        ferropy_parser::dump::push_wtf8(&mut out, pystr::read_char(s, i));
    }
    out
}

/// A `Constant.value`: the types a code object's constants may have. A tuple becomes a
/// tuple display of constants, a complex with a real part `real + imag j` (the parser's
/// constants have no such literals; the compiler folds both back).
unsafe fn constant_value(v: *mut PyObject) -> PyResult<Value> {
    use crate::objects::{bool::PyBool_Type, bytes, complex, float, int};
    let tp = (*v).ob_type;
    let c = if v == none() {
        Constant::None
    } else if v == &raw mut crate::objects::singletons::_Py_EllipsisObject as *mut PyObject {
        Constant::Ellipsis
    } else if tp == &raw mut PyBool_Type {
        if v == crate::objects::bool::true_() { Constant::True } else { Constant::False }
    } else if tp == &raw mut int::PyLong_Type {
        Constant::Int(crate::objects::long_str::to_decimal_string(v)?)
    } else if tp == float::float_type() {
        Constant::Float(float::value(v))
    } else if tp == complex::complex_type() {
        let c = complex::cval(v);
        if c.real == 0.0 && !c.real.is_sign_negative() {
            Constant::Complex(c.imag)
        } else {
            let add = Node::new(Kind::BinOp, Loc::default(), vec![
                const_expr(Value::Const(Constant::Float(c.real))),
                Value::node(Node::leaf(Kind::Add)),
                const_expr(Value::Const(Constant::Complex(c.imag))),
            ]);
            return Ok(Value::node(add));
        }
    } else if tp == &raw mut pystr::PyUnicode_Type {
        Constant::Str(wtf8(v))
    } else if tp == &raw mut bytes::PyBytes_Type {
        Constant::Bytes(bytes::as_slice(v).to_vec())
    } else if tp == &raw mut crate::objects::tuple::PyTuple_Type {
        let items = crate::objects::tuple::items(v).iter().map(|&i| constant_value(i).map(const_expr)).collect::<PyResult<Vec<_>>>()?;
        let t = Node::new(Kind::Tuple, Loc::default(), vec![Value::List(items), Value::node(Node::leaf(Kind::Load))]);
        return Ok(Value::node(t));
    } else {
        return Err(type_error(format!("got an invalid type in Constant: {}", crate::object::typetype::short_name(tp))));
    };
    Ok(Value::Const(c))
}

/// A constant value as an expression node (located later by `relocate`).
fn const_expr(v: Value) -> Value {
    match v {
        Value::Const(c) => Value::node(Node::new(Kind::Constant, Loc::default(), vec![Value::Const(c), Value::None])),
        other => other,
    }
}

/// Gives a made-up expression (and its parts) the position of the Constant it replaces.
fn relocate(n: &mut Node, loc: Loc) {
    if n.kind.info().attrs {
        n.loc = loc;
    }
    for f in &mut n.fields {
        match f {
            Value::Node(c) => relocate(c, loc),
            Value::List(items) => {
                for it in items {
                    if let Value::Node(c) = it {
                        relocate(c, loc);
                    }
                }
            }
            _ => {}
        }
    }
}
