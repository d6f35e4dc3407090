//! Type parameters of parameterized generics, shared by `types.GenericAlias` and
//! `types.UnionType`: collecting the distinct type variables of an argument tuple
//! (`__parameters__`) and substituting them (`alias[...]`), following the protocol of the
//! `typing` module's objects (`__typing_subst__`, `__typing_prepare_subst__`,
//! `__typing_is_unpacked_typevartuple__`, `__typing_unpacked_tuple_args__`).
use crate::abstract_::object::{is_true, repr};
use crate::abstract_::{new_ref, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::object_attr::{interned_name, lookup_attr};
use crate::object::ptr::PyRef;
use crate::object::type_layout::is_type;
use crate::objects::{dict, str as pystr, tuple};

/// `getattr(o, name, None)` as an Option (AttributeError means absent).
pub(crate) unsafe fn optional_attr(o: *mut PyObject, name: &'static core::ffi::CStr) -> PyResult<Option<PyRef>> {
    let n = interned_name(name.as_ptr())?;
    lookup_attr(o, n.as_ptr())
}

fn push_unique(list: &mut Vec<PyRef>, item: *mut PyObject) {
    if !list.iter().any(|p| p.as_ptr() == item) {
        // SAFETY: `item` is a live object borrowed from a tuple the caller holds.
        list.push(unsafe { new_ref(item) });
    }
}

/// The type variables found in `args`, each once, in order of appearance: an argument that
/// substitutes itself (`__typing_subst__`) is one, another (not a class) contributes its
/// own `__parameters__`.
pub(crate) unsafe fn make_parameters(args: *mut PyObject) -> PyResult<PyRef> {
    let mut found: Vec<PyRef> = Vec::new();
    for &t in tuple::items(args) {
        // A class's `__parameters__` is a descriptor of its generic base, not its own.
        if is_type(t) {
            continue;
        }
        if optional_attr(t, c"__typing_subst__")?.is_some() {
            push_unique(&mut found, t);
            continue;
        }
        if let Some(sub) = optional_attr(t, c"__parameters__")? {
            if tuple::is_tuple(sub.as_ptr()) {
                for &p in tuple::items(sub.as_ptr()) {
                    push_unique(&mut found, p);
                }
            }
        }
    }
    tuple::from_vec(found)
}

/// `f(*args)`.
pub(crate) unsafe fn call(f: *mut PyObject, args: &[*mut PyObject]) -> PyResult<PyRef> {
    crate::abstract_::from_slot(crate::abstract_::call::vectorcall(f, args.as_ptr(), args.len(), core::ptr::null_mut()))
}

fn index_of(params: &[*mut PyObject], p: *mut PyObject) -> Option<usize> {
    params.iter().position(|&q| q == p)
}

/// Whether `arg` is an unpacked TypeVarTuple (`*Ts`): not a class, and says so.
unsafe fn is_unpacked_typevartuple(arg: *mut PyObject) -> PyResult<bool> {
    if is_type(arg) {
        return Ok(false);
    }
    match optional_attr(arg, c"__typing_is_unpacked_typevartuple__")? {
        Some(v) => is_true(v.as_ptr()),
        None => Ok(false),
    }
}

/// Whether `param` is a `typing.TypeVarTuple` (only possible once `typing` is imported).
unsafe fn is_typevartuple(param: *mut PyObject) -> PyResult<bool> {
    let modules = crate::runtime::module_table::PyImport_GetModuleDict();
    if modules.is_null() {
        return Ok(false);
    }
    let Some(typing) = dict::get_item_str(modules, "typing")? else { return Ok(false) };
    let typing = new_ref(typing);
    match optional_attr(typing.as_ptr(), c"TypeVarTuple")? {
        Some(tvt) if is_type(tvt.as_ptr()) => crate::abstract_::isinstance::isinstance(param, tvt.as_ptr()),
        _ => Ok(false),
    }
}

/// The subscript's items with unpacked fixed-length tuples (`*tuple[int, str]`) spread out.
unsafe fn unpack_items(item: *mut PyObject) -> PyResult<Vec<PyRef>> {
    let items: Vec<*mut PyObject> =
        if tuple::is_tuple(item) { tuple::items(item).to_vec() } else { vec![item] };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if !is_type(it) {
            if let Some(sub) = optional_attr(it, c"__typing_unpacked_tuple_args__")? {
                if tuple::is_tuple(sub.as_ptr()) {
                    let s = tuple::items(sub.as_ptr());
                    let open_ended = s.last().is_some_and(|&l| l == &raw mut crate::objects::singletons::_Py_EllipsisObject);
                    if !open_ended {
                        out.extend(s.iter().map(|&x| new_ref(x)));
                        continue;
                    }
                }
            }
        }
        out.push(new_ref(it));
    }
    Ok(out)
}

/// `obj` with its own parameters replaced by their values (`obj[values...]`), or `obj`
/// itself when it has none.
unsafe fn substitute_nested(obj: *mut PyObject, params: &[*mut PyObject], values: &[*mut PyObject]) -> PyResult<PyRef> {
    let Some(sub) = optional_attr(obj, c"__parameters__")? else { return Ok(new_ref(obj)) };
    if !tuple::is_tuple(sub.as_ptr()) || tuple::len(sub.as_ptr()) == 0 {
        return Ok(new_ref(obj));
    }
    let mut subargs: Vec<PyRef> = Vec::new();
    for &p in tuple::items(sub.as_ptr()) {
        let Some(i) = index_of(params, p) else { return Ok(new_ref(obj)) };
        let v = values[i];
        if tuple::is_tuple(v) && is_typevartuple(p)? {
            subargs.extend(tuple::items(v).iter().map(|&x| new_ref(x)));
        } else {
            subargs.push(new_ref(v));
        }
    }
    let key = tuple::from_vec(subargs)?;
    crate::abstract_::item::get_item(obj, key.as_ptr())
}

/// The arguments of `alias[item]`: `args` with each of `params` replaced by its value.
/// `alias` is only named in error messages and passed to `__typing_prepare_subst__`.
pub(crate) unsafe fn substitute(
    alias: *mut PyObject,
    args: *mut PyObject,
    params: *mut PyObject,
    item: *mut PyObject,
) -> PyResult<PyRef> {
    let params = tuple::items(params);
    if params.is_empty() {
        let r = repr(alias)?;
        return Err(type_error(format!("{} is not a generic class", pystr::to_string(r.as_ptr()))));
    }
    let mut values = tuple::from_vec(unpack_items(item)?)?;
    for &p in params {
        if let Some(prepare) = optional_attr(p, c"__typing_prepare_subst__")? {
            let r = call(prepare.as_ptr(), &[alias, values.as_ptr()])?;
            values = if tuple::is_tuple(r.as_ptr()) { r } else { tuple::from_vec(vec![r])? };
        }
    }
    let given = tuple::len(values.as_ptr());
    if given != params.len() {
        let r = repr(alias)?;
        return Err(type_error(format!(
            "Too {} arguments for {}; actual {}, expected {}",
            if given > params.len() { "many" } else { "few" },
            pystr::to_string(r.as_ptr()),
            given,
            params.len()
        )));
    }
    let values = tuple::items(values.as_ptr());
    let mut out: Vec<PyRef> = Vec::with_capacity(tuple::len(args));
    for &arg in tuple::items(args) {
        if is_type(arg) {
            out.push(new_ref(arg));
            continue;
        }
        let spread = is_unpacked_typevartuple(arg)?;
        let new_arg = match optional_attr(arg, c"__typing_subst__")? {
            Some(subst) => {
                let i = index_of(params, arg).ok_or_else(|| type_error("unknown type parameter"))?;
                call(subst.as_ptr(), &[values[i]])?
            }
            None => substitute_nested(arg, params, values)?,
        };
        if spread && tuple::is_tuple(new_arg.as_ptr()) {
            out.extend(tuple::items(new_arg.as_ptr()).iter().map(|&x| new_ref(x)));
        } else {
            out.push(new_arg);
        }
    }
    tuple::from_vec(out)
}
