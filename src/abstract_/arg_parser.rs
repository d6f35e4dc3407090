//! Argument Clinic's parser API (CPython 3.11's `_PyArg_Parser`): the struct, and
//! `_PyArg_UnpackKeywords`, which binds vectorcall or tuple+dict arguments to the
//! parameters a parser names, into a caller's buffer (its format-based siblings
//! `_PyArg_ParseTupleAndKeywordsFast`/`_PyArg_ParseStackAndKeywords` are in arg_format.rs).
//!
//! Parsers are static data of extension modules and may outlive a runtime (Py_Finalize then
//! Py_Initialize), so nothing is cached in them: the names are read from `keywords` on
//! each call, which costs a few byte comparisons and no allocation.
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::arg_format::{str_is, Format, Keywords};
use crate::abstract_::type_error;
use crate::errors::raised::Raised;
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// `struct _PyArg_Parser` (3.11 layout): a parser's format or name and parameter names;
/// `pos`, `min`, `max`, `kwtuple` and `next` are CPython's caches, left alone here.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyArg_Parser {
    pub format: *const c_char,
    pub keywords: *const *const c_char,
    pub fname: *const c_char,
    pub custom_msg: *const c_char,
    pub pos: c_int,
    pub min: c_int,
    pub max: c_int,
    pub kwtuple: *mut PyObject,
    pub next: *mut _PyArg_Parser,
}
assert_layout!(_PyArg_Parser, size = 64, format @ 0, keywords @ 8, fname @ 16, custom_msg @ 24,
               pos @ 32, min @ 36, max @ 40, kwtuple @ 48, next @ 56);

/// The parameter names of a parser, in order.
struct ParserNames {
    keywords: *const *const c_char,
}

impl ParserNames {
    unsafe fn name(&self, i: usize) -> &str {
        CStr::from_ptr(*self.keywords.add(i)).to_str().unwrap_or("?")
    }

    /// The number of names and of leading empty (positional-only) ones.
    unsafe fn counts(&self) -> (usize, usize) {
        let mut n = 0;
        let mut posonly = 0;
        while !(*self.keywords.add(n)).is_null() {
            if posonly == n && **self.keywords.add(n) == 0 {
                posonly += 1;
            }
            n += 1;
        }
        (n, posonly)
    }
}

/// "f()" (the parser's `fname`, or the name in its format after `:`) or `otherwise`.
unsafe fn parser_name(parser: *const _PyArg_Parser, otherwise: &str) -> String {
    if !(*parser).fname.is_null() {
        return format!("{}()", CStr::from_ptr((*parser).fname).to_string_lossy());
    }
    if !(*parser).format.is_null() {
        if let Some(f) = Format::parse((*parser).format).fname {
            return format!("{f}()");
        }
    }
    otherwise.to_string()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `PyObject * const *_PyArg_UnpackKeywords(PyObject *const *args, Py_ssize_t nargs,
/// PyObject *kwargs, PyObject *kwnames, _PyArg_Parser *parser, int minpos, int maxpos,
/// int minkw, PyObject **buf)`: `args` itself when there is nothing to bind, else `buf`
/// holding one borrowed value (or NULL) per parameter; NULL with TypeError on bad arguments.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyArg_UnpackKeywords(
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwargs: *mut PyObject,
    kwnames: *mut PyObject,
    parser: *mut _PyArg_Parser,
    minpos: c_int,
    maxpos: c_int,
    minkw: c_int,
    buf: *mut *mut PyObject,
) -> *const *mut PyObject {
    if parser.is_null()
        || (*parser).keywords.is_null()
        || minpos < 0
        || maxpos < minpos
        || minkw < 0
        || nargs < 0
        || (!kwargs.is_null() && !dict::is_dict(kwargs))
        || (!kwnames.is_null() && !tuple::is_tuple(kwnames))
    {
        let _ = bad_internal_call();
        return core::ptr::null();
    }
    let kw = if !kwargs.is_null() {
        Keywords::Dict(kwargs)
    } else if !kwnames.is_null() {
        Keywords::Names(kwnames, args.add(nargs as usize))
    } else {
        Keywords::None
    };
    let (minpos, maxpos, minkw) = (minpos as usize, maxpos as usize, minkw as usize);
    let nargs = nargs as usize;
    let nkw = kw.len();
    if nkw == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos && !args.is_null() {
        return args;
    }
    match unpack(args, nargs, kw, nkw, parser, minpos, maxpos, minkw, buf) {
        Ok(()) => buf,
        Err(_) => core::ptr::null(),
    }
}

#[allow(clippy::too_many_arguments)]
unsafe fn unpack(
    args: *const *mut PyObject,
    nargs: usize,
    kw: Keywords,
    nkw: usize,
    parser: *mut _PyArg_Parser,
    minpos: usize,
    maxpos: usize,
    minkw: usize,
    buf: *mut *mut PyObject,
) -> Result<(), Raised> {
    let names = ParserNames { keywords: (*parser).keywords };
    let (maxargs, posonly) = names.counts();
    let fname = || parser_name(parser, "function");
    if nargs + nkw > maxargs {
        let keyword = if nargs == 0 { "keyword " } else { "" };
        return Err(type_error(format!(
            "{} takes at most {maxargs} {keyword}argument{} ({} given)",
            fname(),
            plural(maxargs),
            nargs + nkw
        )));
    }
    if nargs > maxpos {
        if maxpos == 0 {
            return Err(type_error(format!("{} takes no positional arguments", fname())));
        }
        let how = if minpos < maxpos { "at most" } else { "exactly" };
        return Err(type_error(format!("{} takes {how} {maxpos} positional argument{} ({nargs} given)", fname(), plural(maxpos))));
    }
    // Positional parameters that may be named are checked when binding keywords.
    let min_posonly = minpos.min(posonly);
    if nargs < min_posonly {
        let how = if min_posonly < maxpos { "at least" } else { "exactly" };
        return Err(type_error(format!(
            "{} takes {how} {min_posonly} positional argument{} ({nargs} given)",
            fname(),
            plural(min_posonly)
        )));
    }
    for i in 0..nargs {
        *buf.add(i) = *args.add(i);
    }
    let required = if minkw > 0 { maxpos + minkw } else { minpos };
    let mut unused = nkw;
    for i in nargs..maxargs {
        let mut value = None;
        if unused > 0 && i >= posonly {
            value = kw.get_c(*names.keywords.add(i)).map_err(|_| Raised::assume_set())?;
        }
        match value {
            Some(v) => {
                unused -= 1;
                *buf.add(i) = v;
            }
            None => {
                if i < minpos || (maxpos <= i && i < required) {
                    return Err(type_error(format!(
                        "{} missing required argument '{}' (pos {})",
                        fname(),
                        names.name(i),
                        i + 1
                    )));
                }
                *buf.add(i) = core::ptr::null_mut();
            }
        }
    }
    if unused > 0 {
        return Err(unexpected_keyword(kw, &names, maxargs, posonly, nargs, parser));
    }
    Ok(())
}

/// The error for keywords that bound to no parameter.
unsafe fn unexpected_keyword(kw: Keywords, names: &ParserNames, n: usize, posonly: usize, nargs: usize, parser: *mut _PyArg_Parser) -> Raised {
    let keys: Vec<*mut PyObject> = match kw {
        Keywords::Dict(d) => dict::items(d).into_iter().map(|(k, _)| k).collect(),
        Keywords::Names(names, _) => tuple::items(names).to_vec(),
        Keywords::None => Vec::new(),
    };
    for key in keys {
        if !pystr::is_str(key) {
            return type_error("keywords must be strings");
        }
        match (posonly..n).find(|&i| str_is(key, names.name(i))) {
            Some(i) if i < nargs => {
                return type_error(format!(
                    "argument for {} given by name ('{}') and position ({})",
                    parser_name(parser, "function"),
                    pystr::to_string(key),
                    i + 1
                ))
            }
            Some(_) => {}
            None => {
                return type_error(format!(
                    "'{}' is an invalid keyword argument for {}",
                    pystr::to_string(key),
                    parser_name(parser, "this function")
                ))
            }
        }
    }
    bad_internal_call()
}

/// `PyObject * const *_PyArg_UnpackKeywordsWithVararg(PyObject *const *args,
/// Py_ssize_t nargs, PyObject *kwargs, PyObject *kwnames, _PyArg_Parser *parser, int minpos,
/// int maxpos, int minkw, int vararg, PyObject **buf)`: `_PyArg_UnpackKeywords` for a
/// signature with `*args` at parameter index `vararg` (the parser's names leave it out).
/// `buf` gets the parameters before it, then a new tuple of the positional arguments past
/// `maxpos` (the caller owns it), then the keyword-only parameters. As in CPython 3.11, when
/// fewer than `vararg` positional arguments are given no tuple is stored and the parameters
/// keep their own indices.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyArg_UnpackKeywordsWithVararg(
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwargs: *mut PyObject,
    kwnames: *mut PyObject,
    parser: *mut _PyArg_Parser,
    minpos: c_int,
    maxpos: c_int,
    minkw: c_int,
    vararg: c_int,
    buf: *mut *mut PyObject,
) -> *const *mut PyObject {
    if parser.is_null()
        || (*parser).keywords.is_null()
        || minpos < 0
        || maxpos < minpos
        || minkw < 0
        || vararg < 0
        || nargs < 0
        || buf.is_null()
        || (nargs > 0 && args.is_null())
        || (!kwargs.is_null() && !dict::is_dict(kwargs))
        || (!kwnames.is_null() && !tuple::is_tuple(kwnames))
    {
        let _ = bad_internal_call();
        return core::ptr::null();
    }
    let kw = if !kwargs.is_null() {
        Keywords::Dict(kwargs)
    } else if !kwnames.is_null() {
        Keywords::Names(kwnames, args.add(nargs as usize))
    } else {
        Keywords::None
    };
    let positional = if nargs == 0 { &[][..] } else { core::slice::from_raw_parts(args, nargs as usize) };
    let bounds = (minpos as usize, maxpos as usize, minkw as usize, vararg as usize);
    match unpack_with_vararg(positional, kw, parser, bounds, buf) {
        Ok(()) => buf,
        Err(_) => core::ptr::null(),
    }
}

unsafe fn unpack_with_vararg(
    args: &[*mut PyObject],
    kw: Keywords,
    parser: *mut _PyArg_Parser,
    (minpos, maxpos, minkw, vararg): (usize, usize, usize, usize),
    buf: *mut *mut PyObject,
) -> Result<(), Raised> {
    let names = ParserNames { keywords: (*parser).keywords };
    let (maxargs, posonly) = names.counts();
    let fname = || parser_name(parser, "function");
    let nargs = args.len();
    let min_posonly = minpos.min(posonly);
    if nargs < min_posonly {
        let how = if min_posonly < maxpos { "at least" } else { "exactly" };
        return Err(type_error(format!(
            "{} takes {how} {min_posonly} positional argument{} ({nargs} given)",
            fname(),
            plural(min_posonly)
        )));
    }
    let given = nargs.min(maxpos);
    let extra = crate::objects::tuple::from_ptrs(&args[given..])?;
    let shifted = nargs >= vararg;
    let slot = |i: usize| if shifted && i >= vararg { i + 1 } else { i };
    for (i, &a) in args[..given].iter().enumerate() {
        *buf.add(slot(i)) = a;
    }
    // The tuple is stored before binding so that a failure below can release it.
    let tuple_slot = if shifted {
        *buf.add(vararg) = extra.into_ptr();
        Some(buf.add(vararg))
    } else {
        drop(extra);
        None
    };
    let fail = |e: Raised| {
        if let Some(t) = tuple_slot {
            drop(crate::object::ptr::PyRef::from_owned(*t));
        }
        e
    };
    let mut unused = kw.len();
    for i in given..maxargs {
        let mut value = None;
        if unused > 0 && i >= posonly {
            value = kw.get(names.name(i)).map_err(|_| fail(Raised::assume_set()))?;
        }
        match value {
            Some(v) => {
                unused -= 1;
                *buf.add(slot(i)) = v;
            }
            None if i < minpos || (maxpos <= i && i < maxpos + minkw) => {
                return Err(fail(type_error(format!(
                    "{} missing required argument '{}' (pos {})",
                    fname(),
                    names.name(i),
                    i + 1
                ))));
            }
            None => *buf.add(slot(i)) = core::ptr::null_mut(),
        }
    }
    if unused > 0 {
        return Err(fail(invalid_keyword_with_vararg(kw, &names, maxargs, posonly, parser)));
    }
    Ok(())
}

/// The error for keywords left unbound beside `*args`: the first key that is not a string
/// or names no keyword parameter; else (a parameter already given by position) a message
/// without a name, as CPython 3.11 words it.
unsafe fn invalid_keyword_with_vararg(kw: Keywords, names: &ParserNames, n: usize, posonly: usize, parser: *mut _PyArg_Parser) -> Raised {
    let keys: Vec<*mut PyObject> = match kw {
        Keywords::Dict(d) => dict::items(d).into_iter().map(|(k, _)| k).collect(),
        Keywords::Names(names, _) => tuple::items(names).to_vec(),
        Keywords::None => Vec::new(),
    };
    for key in keys {
        if !pystr::is_str(key) {
            return type_error("keywords must be strings");
        }
        if !(posonly..n).any(|i| str_is(key, names.name(i))) {
            return type_error(format!(
                "'{}' is an invalid keyword argument for {}",
                pystr::to_string(key),
                parser_name(parser, "this function")
            ));
        }
    }
    type_error(format!("invalid keyword argument for {}", parser_name(parser, "this function")))
}
