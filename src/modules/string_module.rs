//! The `_string` module (`string.Formatter` stands on it): `formatter_parser` and
//! `formatter_field_name_split`, on str.format's own parser (str_format_method.rs). Their
//! iterators replay the pieces parsed up front and raise a malformed string's ValueError
//! only where iteration reaches it, as CPython's lazy iterators do.
use crate::abstract_::{new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::itertools::{alloc_as, iter_type, next_ret, take_field};
use crate::modules::{meth, module_def, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::str_format_method::{split_field_name, FieldParser, FirstPart, Step};
use crate::objects::str_format_method::Field;
use crate::objects::{int, list, str as pystr, tuple};
use crate::objects::str::Py_UCS4;

#[repr(C)]
struct Replay {
    ob_base: PyObject,
    /// The items still to produce (a list, consumed from the front by `index`).
    items: *mut PyObject,
    /// The ValueError message to raise after the items, or NULL.
    error: *mut PyObject,
    index: usize,
}

iter_type!(FormatterIter_Type, c"formatteriterator", Replay, 2, next: replay_next, doc: c"");
iter_type!(FieldNameIter_Type, c"fieldnameiterator", Replay, 2, next: replay_next, doc: c"");

unsafe extern "C" fn replay_next(op: *mut PyObject) -> *mut PyObject {
    let r = op as *mut Replay;
    next_ret((|| -> PyResult<Option<PyRef>> {
        let items = list::items((*r).items);
        if (*r).index < items.len() {
            (*r).index += 1;
            return Ok(Some(new_ref(items[(*r).index - 1])));
        }
        if let Some(msg) = take_field(&raw mut (*r).error) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, pystr::to_string(msg.as_ptr())));
        }
        Ok(None)
    })())
}

/// An iterator over `items`, then the pending error of `failure` (if parsing failed).
unsafe fn replay(tp: *mut PyTypeObject, items: Vec<PyRef>, failure: Option<Raised>) -> PyResult<PyRef> {
    let error = match failure {
        None => None,
        Some(_) => {
            // The parser's ValueError is taken back and kept as its message.
            let (_, message) = crate::object::pending_error::take().unwrap_or((crate::object::pending_error::ExcType::Other, String::new()));
            Some(pystr::from_utf8(&message)?)
        }
    };
    let (op, r) = alloc_as::<Replay>(tp)?;
    (*r).items = list::from_vec(items)?.into_ptr();
    (*r).error = error.map_or(core::ptr::null_mut(), PyRef::into_ptr);
    Ok(op)
}

unsafe fn code_points(s: *mut PyObject) -> Vec<Py_UCS4> {
    (0..pystr::len(s)).map(|i| pystr::read_char(s, i)).collect()
}

fn text(chars: &[Py_UCS4], range: (usize, usize)) -> PyResult<PyRef> {
    pystr::from_code_points(&chars[range.0..range.1])
}

unsafe fn str_arg(o: *mut PyObject) -> PyResult<()> {
    if !pystr::is_str(o) {
        return Err(type_error(format!("expected str, got {}", tp_name(o))));
    }
    Ok(())
}

fn piece_tuple(chars: &[Py_UCS4], literal: (usize, usize), field: Option<Field>) -> PyResult<PyRef> {
    let lit = text(chars, literal)?;
    let Some(f) = field else {
        return tuple::from_vec(vec![lit, crate::modules::none_ref(), crate::modules::none_ref(), crate::modules::none_ref()]);
    };
    let conversion = match f.conversion {
        Some(c) => pystr::from_code_points(&[c])?,
        None => crate::modules::none_ref(),
    };
    tuple::from_vec(vec![lit, text(chars, f.name)?, text(chars, f.spec)?, conversion])
}

/// `formatter_parser(str)`: (literal, field_name, format_spec, conversion) tuples.
unsafe extern "C" fn formatter_parser(_m: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        str_arg(s)?;
        let chars = code_points(s);
        let mut parser = FieldParser::new(&chars);
        let mut items = Vec::new();
        let failure = loop {
            match parser.next_piece() {
                Ok(Some((literal, field))) => items.push(piece_tuple(&chars, literal, field)?),
                Ok(None) => break None,
                Err(e) => break Some(e),
            }
        };
        replay(&raw mut FormatterIter_Type, items, failure)
    })())
}

/// `formatter_field_name_split(str)`: (first, iterator of (is_attribute, key)).
unsafe extern "C" fn field_name_split(_m: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        str_arg(s)?;
        let chars = code_points(s);
        let (first, mut steps) = split_field_name(&chars, (0, chars.len()))?;
        let first = match first {
            FirstPart::Auto => pystr::empty()?,
            FirstPart::Index(i) => int::from_i64(i as i64)?,
            FirstPart::Key(r) => text(&chars, r)?,
        };
        let mut items = Vec::new();
        let failure = loop {
            match steps.next_step() {
                Ok(Some(step)) => {
                    let (is_attr, key) = match step {
                        Step::Attr(r) => (true, text(&chars, r)?),
                        Step::Index(i) => (false, int::from_i64(i as i64)?),
                        Step::Key(r) => (false, text(&chars, r)?),
                    };
                    items.push(tuple::from_vec(vec![crate::abstract_::compare::bool_ref(is_attr), key])?);
                }
                Ok(None) => break None,
                Err(e) => break Some(e),
            }
        };
        let rest = replay(&raw mut FieldNameIter_Type, items, failure)?;
        tuple::from_vec(vec![first, rest])
    })())
}

static mut STRING_FUNCTIONS: [PyMethodDef; 3] = [
    meth(c"formatter_parser", formatter_parser, METH_O, c"parse the argument as a format string"),
    meth(c"formatter_field_name_split", field_name_split, METH_O, c"split the argument as a field name"),
    END,
];

static mut STRING_DEF: PyModuleDef_ = module_def(c"_string", c"string helper module", (&raw mut STRING_FUNCTIONS) as *mut PyMethodDef);
type PyModuleDef_ = crate::objects::module::PyModuleDef;

/// The module's types, readied with the builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut FormatterIter_Type, &raw mut FieldNameIter_Type]
}

/// `PyInit__string` for the inittab.
pub(crate) unsafe extern "C" fn init_string() -> *mut PyObject {
    ret(owned(crate::objects::module::PyModule_Create2(&raw mut STRING_DEF, crate::modules::sys_module::API_VERSION as i32)))
}
