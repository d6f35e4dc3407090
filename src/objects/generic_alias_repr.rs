//! How `types.GenericAlias` and `types.UnionType` show their parts: `...` for Ellipsis,
//! `None` for NoneType in a union, a generic alias by its repr, a class as `module.qualname`
//! (just `qualname` for builtins), anything else by its repr.
use crate::abstract_::object::{repr, str as to_str};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::objects::generic_alias_params::optional_attr;
use crate::objects::singletons::{_PyNone_Type, _Py_EllipsisObject};
use crate::objects::str as pystr;

unsafe fn repr_text(p: *mut PyObject) -> PyResult<String> {
    let r = repr(p)?;
    Ok(pystr::to_string(r.as_ptr()))
}

/// Appends the text of one part of an alias or union to `out` (a union shows NoneType as
/// `None`, an alias as `NoneType`).
pub(crate) unsafe fn push_item(out: &mut String, p: *mut PyObject, in_union: bool) -> PyResult<()> {
    if p == &raw mut _Py_EllipsisObject {
        out.push_str("...");
        return Ok(());
    }
    if in_union && p == &raw mut _PyNone_Type as *mut PyObject {
        out.push_str("None");
        return Ok(());
    }
    // Anything with both `__origin__` and `__args__` looks like an alias: its repr says it.
    if optional_attr(p, c"__origin__")?.is_some() && optional_attr(p, c"__args__")?.is_some() {
        out.push_str(&repr_text(p)?);
        return Ok(());
    }
    let Some(qualname) = optional_attr(p, c"__qualname__")? else {
        out.push_str(&repr_text(p)?);
        return Ok(());
    };
    let module = match optional_attr(p, c"__module__")? {
        Some(m) if m.as_ptr() != crate::abstract_::none() => m,
        _ => {
            out.push_str(&repr_text(p)?);
            return Ok(());
        }
    };
    let q = to_str(qualname.as_ptr())?;
    if pystr::is_str(module.as_ptr()) && pystr::eq_ascii(module.as_ptr(), "builtins") {
        out.push_str(&pystr::to_string(q.as_ptr()));
    } else {
        let m = to_str(module.as_ptr())?;
        out.push_str(&pystr::to_string(m.as_ptr()));
        out.push('.');
        out.push_str(&pystr::to_string(q.as_ptr()));
    }
    Ok(())
}
