//! The exceptions with a few named fields beyond `args`: `StopIteration.value`,
//! `SystemExit.code`, `ImportError` (`msg`, `name`, `path`), `AttributeError` (`name`,
//! `obj`), `NameError` (`name`), and `KeyError`, whose str is the repr of its key.
use core::ffi::c_int;

use crate::errors::baseexception::{self as be, to_c, to_status, END_MEMBER};
use crate::errors::exceptions::{
    PyAttributeErrorObject, PyImportErrorObject, PyNameErrorObject, PyStopIterationObject, PySystemExitObject,
};
use crate::errors::objtext;
use crate::errors::raised::PyResult;
use crate::object::member::{PyMemberDef, T_OBJECT};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::objects::{dict, str as pystr};
use crate::pyport::Py_ssize_t;

/// A writable object member.
macro_rules! member {
    ($ty:ty, $name:literal, $field:ident, $doc:expr) => {
        PyMemberDef {
            name: $name.as_ptr(),
            r#type: T_OBJECT,
            offset: core::mem::offset_of!($ty, $field) as Py_ssize_t,
            flags: 0,
            doc: $doc,
        }
    };
}

/// The fields of a subclass struct after the head: `tp_clear` and `tp_traverse` for a struct
/// whose extra fields are all objects.
macro_rules! gc_fields {
    ($ty:ty, $clear:ident, $traverse:ident, $($field:ident),+) => {
        pub(crate) unsafe extern "C" fn $clear(op: *mut PyObject) -> core::ffi::c_int {
            let o = &mut *(op as *mut $ty);
            $( crate::errors::baseexception::clear_field(&mut o.$field); )+
            be::clear_head(op);
            0
        }
        pub(crate) unsafe extern "C" fn $traverse(
            op: *mut PyObject,
            visit: crate::object::slots::visitproc,
            arg: *mut core::ffi::c_void,
        ) -> core::ffi::c_int {
            let o = &*(op as *mut $ty);
            let r = be::visit_all(&[$(o.$field),+], visit, arg);
            if r != 0 {
                return r;
            }
            be::traverse_head(op, visit, arg)
        }
    };
}
pub(crate) use gc_fields;

/// The keyword arguments `allowed` of a call, in that order; any other keyword is a
/// TypeError naming `function` (as `PyArg_ParseTupleAndKeywords` words it).
pub(crate) unsafe fn keywords(kwds: *mut PyObject, allowed: &[&str], function: &str) -> PyResult<Vec<*mut PyObject>> {
    let mut found = vec![core::ptr::null_mut(); allowed.len()];
    if kwds.is_null() || !dict::is_dict(kwds) {
        return Ok(found);
    }
    for (key, value) in dict::items(kwds) {
        let name = if pystr::is_str(key) { pystr::to_string(key) } else { String::new() };
        match allowed.iter().position(|a| *a == name) {
            Some(i) => found[i] = value,
            None => {
                return Err(raise(ExcType::TypeError, format!("'{name}' is an invalid keyword argument for {function}()")))
            }
        }
    }
    Ok(found)
}

// ---- StopIteration ----------------------------------------------------------------------------

gc_fields!(PyStopIterationObject, stopiteration_clear, stopiteration_traverse, value);

/// `StopIteration.__init__`: `value` is the first argument (None without one).
pub(crate) unsafe extern "C" fn stopiteration_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status((|| {
        be::init_args(op, args, kwds)?;
        let value = be::args_of(op).first().copied().unwrap_or(be::none());
        be::set_field(&mut (*(op as *mut PyStopIterationObject)).value, value);
        Ok(())
    })())
}

pub(crate) static mut STOPITERATION_MEMBERS: [PyMemberDef; 2] =
    [member!(PyStopIterationObject, c"value", value, c"generator return value".as_ptr()), END_MEMBER];

// ---- SystemExit ----------------------------------------------------------------------------

gc_fields!(PySystemExitObject, systemexit_clear, systemexit_traverse, code);

/// `SystemExit.__init__`: `code` is None, the single argument, or the args tuple.
pub(crate) unsafe extern "C" fn systemexit_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status((|| {
        be::init_args(op, args, kwds)?;
        let a = be::args_of(op);
        let code = match a.len() {
            0 => return Ok(()), // `code` stays unset (None when read)
            1 => a[0],
            _ => be::head(op).args,
        };
        be::set_field(&mut (*(op as *mut PySystemExitObject)).code, code);
        Ok(())
    })())
}

pub(crate) static mut SYSTEMEXIT_MEMBERS: [PyMemberDef; 2] =
    [member!(PySystemExitObject, c"code", code, c"exception code".as_ptr()), END_MEMBER];

// ---- ImportError ---------------------------------------------------------------------------

gc_fields!(PyImportErrorObject, importerror_clear, importerror_traverse, msg, name, path);

/// `ImportError.__init__(*args, name=None, path=None)`: `msg` is the single argument.
pub(crate) unsafe extern "C" fn importerror_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status((|| {
        let kw = keywords(kwds, &["name", "path"], "ImportError")?;
        be::set_args(op, args)?;
        let o = &mut *(op as *mut PyImportErrorObject);
        be::set_field(&mut o.name, kw[0]);
        be::set_field(&mut o.path, kw[1]);
        let a = be::args_of(op);
        let msg = if a.len() == 1 { a[0] } else { core::ptr::null_mut() };
        be::set_field(&mut o.msg, msg);
        Ok(())
    })())
}

/// `ImportError.__str__`: `msg` when it is a str, else BaseException's str.
pub(crate) unsafe extern "C" fn importerror_str(op: *mut PyObject) -> *mut PyObject {
    let msg = (*(op as *mut PyImportErrorObject)).msg;
    if !msg.is_null() && (*msg).ob_type == &raw mut pystr::PyUnicode_Type {
        return be::new_ref_or_none(msg);
    }
    be::base_str(op)
}

pub(crate) static mut IMPORTERROR_MEMBERS: [PyMemberDef; 4] = [
    member!(PyImportErrorObject, c"msg", msg, c"exception message".as_ptr()),
    member!(PyImportErrorObject, c"name", name, c"module name".as_ptr()),
    member!(PyImportErrorObject, c"path", path, c"module path".as_ptr()),
    END_MEMBER,
];

// ---- AttributeError, NameError -----------------------------------------------------------

gc_fields!(PyAttributeErrorObject, attributeerror_clear, attributeerror_traverse, obj, name);

/// `AttributeError.__init__(*args, name=None, obj=None)`.
pub(crate) unsafe extern "C" fn attributeerror_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status((|| {
        let kw = keywords(kwds, &["name", "obj"], "AttributeError")?;
        be::set_args(op, args)?;
        let o = &mut *(op as *mut PyAttributeErrorObject);
        be::set_field(&mut o.name, kw[0]);
        be::set_field(&mut o.obj, kw[1]);
        Ok(())
    })())
}

pub(crate) static mut ATTRIBUTEERROR_MEMBERS: [PyMemberDef; 3] = [
    member!(PyAttributeErrorObject, c"name", name, c"attribute name".as_ptr()),
    member!(PyAttributeErrorObject, c"obj", obj, c"object".as_ptr()),
    END_MEMBER,
];

gc_fields!(PyNameErrorObject, nameerror_clear, nameerror_traverse, name);

/// `NameError.__init__(*args, name=None)`.
pub(crate) unsafe extern "C" fn nameerror_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status((|| {
        let kw = keywords(kwds, &["name"], "NameError")?;
        be::set_args(op, args)?;
        be::set_field(&mut (*(op as *mut PyNameErrorObject)).name, kw[0]);
        Ok(())
    })())
}

pub(crate) static mut NAMEERROR_MEMBERS: [PyMemberDef; 2] =
    [member!(PyNameErrorObject, c"name", name, c"name".as_ptr()), END_MEMBER];

// ---- KeyError ----------------------------------------------------------------------------

/// `KeyError.__str__`: the repr of a single key (so that `KeyError('')` shows `''`).
pub(crate) unsafe extern "C" fn keyerror_str(op: *mut PyObject) -> *mut PyObject {
    let a = be::args_of(op);
    if a.len() == 1 {
        return to_c(objtext::repr(a[0]));
    }
    be::base_str(op)
}

/// `ImportError.__reduce__`: `(type, args[, state])`, the state the instance dict with
/// `name` and `path` added when they are set (None: no state at all).
unsafe extern "C" fn importerror_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let o = &*(op as *mut PyImportErrorObject);
        let tp = crate::abstract_::new_ref((*op).ob_type as *mut PyObject);
        let args = if o.args.is_null() { crate::objects::tuple::new(0)? } else { crate::abstract_::new_ref(o.args) };
        let named = |f: *mut PyObject| !f.is_null() && f != be::none();
        if o.dict.is_null() && !named(o.name) && !named(o.path) {
            return crate::objects::tuple::from_vec(vec![tp, args]);
        }
        let state = if o.dict.is_null() { dict::new()? } else { dict::copy(o.dict)? };
        for (key, field) in [("name", o.name), ("path", o.path)] {
            if named(field) {
                dict::set_item(state.as_ptr(), pystr::intern(key)?.as_ptr(), field)?;
            }
        }
        crate::objects::tuple::from_vec(vec![tp, args, state])
    })())
}

pub(crate) static mut IMPORTERROR_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", importerror_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::END,
];
