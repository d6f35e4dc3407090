//! Binding vectorcall arguments (positional array + `kwnames`) to a builtin's named
//! parameters, with the checks and messages of CPython 3.11's Argument Clinic parsers
//! (`_PyArg_UnpackKeywords`). TODO: list_methods.rs (sort), complex_new.rs and module.rs
//! still carry their own copy of this logic for tuple+dict arguments.
use crate::abstract_::type_error;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::objects::{str as pystr, tuple};

/// The parameters of one method: names in order, how many lead as positional-only (before
/// `/`: never bound by keyword), how many may be positional, how many are required.
pub(crate) struct Params {
    pub function: &'static str,
    pub names: &'static [&'static str],
    pub positional_only: usize,
    pub max_positional: usize,
    pub required: usize,
}

/// Binds vectorcall arguments to `params` (CPython's `_PyArg_UnpackKeywords` rules and
/// messages): one slot per parameter, None where the default applies.
pub(crate) unsafe fn bind(
    params: &Params,
    args: *const *mut PyObject,
    nargs: usize,
    kwnames: *mut PyObject,
) -> PyResult<Vec<Option<*mut PyObject>>> {
    let f = params.function;
    let kw: &[*mut PyObject] = if kwnames.is_null() { &[] } else { tuple::items(kwnames) };
    let total = nargs + kw.len();
    let max = params.names.len();
    if total > max {
        let keyword = if nargs == 0 { "keyword " } else { "" };
        let plural = if max == 1 { "" } else { "s" };
        return Err(type_error(format!("{f}() takes at most {max} {keyword}argument{plural} ({total} given)")));
    }
    // Required positional-only parameters can only come from `args`.
    let min_positional = params.required.min(params.positional_only);
    if nargs < min_positional {
        let how = if min_positional < params.max_positional { "at least" } else { "exactly" };
        let plural = if min_positional == 1 { "" } else { "s" };
        return Err(type_error(format!("{f}() takes {how} {min_positional} positional argument{plural} ({nargs} given)")));
    }
    if nargs > params.max_positional {
        let how = if params.required < params.max_positional { "at most" } else { "exactly" };
        let n = params.max_positional;
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!("{f}() takes {how} {n} positional argument{plural} ({nargs} given)")));
    }
    let mut bound: Vec<Option<*mut PyObject>> = vec![None; max];
    for (i, slot) in bound.iter_mut().enumerate().take(nargs) {
        *slot = Some(*args.add(i));
    }
    for (k, &name) in kw.iter().enumerate() {
        let text = pystr::to_string(name);
        let named = params.positional_only.min(max);
        match params.names[named..].iter().position(|&p| p == text).map(|i| i + named) {
            Some(i) if i < nargs => {
                return Err(type_error(format!(
                    "argument for {f}() given by name ('{text}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => bound[i] = Some(*args.add(nargs + k)),
            None => return Err(type_error(format!("'{text}' is an invalid keyword argument for {f}()"))),
        }
    }
    for (i, slot) in bound.iter().enumerate().take(params.required) {
        if slot.is_none() {
            return Err(type_error(format!(
                "{f}() missing required argument '{}' (pos {})",
                params.names[i],
                i + 1
            )));
        }
    }
    Ok(bound)
}

/// `bind` for the `(args tuple, kwargs dict)` form of `tp_new`/`tp_init` and
/// METH_VARARGS|METH_KEYWORDS methods: the bound slots borrow from `args`/`kwargs` and from
/// the returned holder, which the caller keeps alive while it uses them.
pub(crate) unsafe fn bind_tuple_dict(
    params: &Params,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> PyResult<(Option<crate::abstract_::call::UnpackedArgs>, Vec<Option<*mut PyObject>>)> {
    let positional: &[*mut PyObject] = if args.is_null() { &[] } else { tuple::items(args) };
    if kwargs.is_null() || crate::objects::dict::len(kwargs) == 0 {
        let bound = bind(params, positional.as_ptr(), positional.len(), core::ptr::null_mut())?;
        return Ok((None, bound));
    }
    let unpacked = crate::abstract_::call::unpack_dict(positional, kwargs)?;
    let bound = bind(params, unpacked.args(), positional.len(), unpacked.kwnames())?;
    Ok((Some(unpacked), bound))
}

/// `bind_tuple_dict` for `N` parameters, giving NULL where an argument was not passed. The
/// pointers borrow from `args`/`kwargs` (the values stay referenced by the caller's tuple
/// and dict for the whole call), so no holder is needed.
pub(crate) unsafe fn bind_tuple_dict_array<const N: usize>(
    params: &Params,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> PyResult<[*mut PyObject; N]> {
    debug_assert_eq!(params.names.len(), N);
    let (_holder, bound) = bind_tuple_dict(params, args, kwargs)?;
    Ok(core::array::from_fn(|i| bound.get(i).copied().flatten().unwrap_or(core::ptr::null_mut())))
}
