//! Binding a call's arguments to a Python function's parameters (positional, defaults,
//! keywords, keyword-only, `*args`, `**kwargs`), with CPython 3.11's error messages, which
//! name the function by its `__qualname__`.
use crate::abstract_::{new_ref, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::objects::code::{PyCodeObject, CO_VARARGS, CO_VARKEYWORDS};
use crate::objects::function::PyFunctionObject;
use crate::objects::{dict, str as pystr, tuple};

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

unsafe fn qualname(func: *mut PyObject) -> String {
    pystr::to_string((*(func as *mut PyFunctionObject)).func_qualname)
}

unsafe fn missing(func: *mut PyObject, names: Vec<String>, kind: &str) -> Raised {
    let n = names.len();
    type_error(format!(
        "{}() missing {n} required {kind} argument{}: {}",
        qualname(func),
        if n == 1 { "" } else { "s" },
        name_list(&names)
    ))
}

/// Binds `args[..nargs]` and the keyword arguments (`args[nargs..]` named by `kwnames`)
/// into `slots` (zeroed, one per local), taking new references.
///
/// # Safety
/// `func` is a function whose code gives `slots` its size; `args` holds `nargs` plus
/// `len(kwnames)` live objects.
pub(crate) unsafe fn bind(
    func: *mut PyObject,
    slots: *mut *mut PyObject,
    args: *const *mut PyObject,
    nargs: usize,
    kwnames: *mut PyObject,
) -> PyResult<()> {
    let fo = func as *mut PyFunctionObject;
    let co = (*fo).func_code as *mut PyCodeObject;
    let argcount = (*co).co_argcount as usize;
    let posonly = (*co).co_posonlyargcount as usize;
    let kwonly = (*co).co_kwonlyargcount as usize;
    let flags = (*co).co_flags;
    let total = argcount + kwonly;
    let rt = crate::objects::code_rt::rt(co);
    let names = tuple::items(rt.varnames.as_ptr());

    // Fast path: exactly the positional parameters, nothing else.
    if kwnames.is_null() && nargs == argcount && flags & (CO_VARARGS | CO_VARKEYWORDS) == 0 && kwonly == 0 {
        for i in 0..nargs {
            let v = *args.add(i);
            (*v).ob_refcnt += 1;
            *slots.add(i) = v;
        }
        return Ok(());
    }

    let kwdict = if flags & CO_VARKEYWORDS != 0 {
        let d = dict::new()?;
        let at = total + (flags & CO_VARARGS != 0) as usize;
        *slots.add(at) = new_ref(d.as_ptr()).into_ptr();
        Some(d)
    } else {
        None
    };
    let npos = nargs.min(argcount);
    for i in 0..npos {
        *slots.add(i) = new_ref(*args.add(i)).into_ptr();
    }
    if flags & CO_VARARGS != 0 {
        let rest = if nargs > argcount {
            tuple::from_ptrs(core::slice::from_raw_parts(args.add(argcount), nargs - argcount))?
        } else {
            tuple::new(0)?
        };
        *slots.add(total) = rest.into_ptr();
    }

    if !kwnames.is_null() {
        let kws = tuple::items(kwnames);
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, &key) in kws.iter().enumerate() {
            let value = *args.add(nargs + k);
            if !pystr::is_str(key) {
                return Err(type_error(format!("{}() keywords must be strings", qualname(func))));
            }
            // Identity first (interned names), then equality.
            let mut found = (posonly..total).find(|&j| names[j] == key);
            if found.is_none() {
                found = (posonly..total).find(|&j| pystr::eq(names[j], key));
            }
            match found {
                Some(j) => {
                    if !(*slots.add(j)).is_null() {
                        return Err(type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qualname(func),
                            pystr::to_string(key)
                        )));
                    }
                    *slots.add(j) = new_ref(value).into_ptr();
                }
                None => {
                    if let Some(d) = &kwdict {
                        dict::set_item(d.as_ptr(), key, value)?;
                        continue;
                    }
                    if (0..posonly).any(|j| pystr::eq(names[j], key)) {
                        posonly_as_kw.push(pystr::to_string(key));
                        continue;
                    }
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(func),
                        pystr::to_string(key)
                    )));
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(func),
                posonly_as_kw.join(", ")
            )));
        }
    }

    let defaults = (*fo).func_defaults;
    let defs: &[*mut PyObject] = if defaults.is_null() { &[] } else { tuple::items(defaults) };
    if nargs > argcount && flags & CO_VARARGS == 0 {
        let kwonly_given = (argcount..total).filter(|&j| !(*slots.add(j)).is_null()).count();
        let (sig, plural) = if !defs.is_empty() {
            (format!("from {} to {}", argcount - defs.len(), argcount), true)
        } else {
            (argcount.to_string(), argcount != 1)
        };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {kwonly_given} keyword-only argument{})",
                if nargs != 1 { "s" } else { "" },
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        return Err(type_error(format!(
            "{}() takes {sig} positional argument{} but {nargs}{kwonly_sig} {} given",
            qualname(func),
            if plural { "s" } else { "" },
            if nargs == 1 && kwonly_given == 0 { "was" } else { "were" }
        )));
    }

    if nargs < argcount {
        let first_default = argcount - defs.len();
        let mut absent = Vec::new();
        for j in nargs..argcount {
            if (*slots.add(j)).is_null() {
                if j >= first_default {
                    *slots.add(j) = new_ref(defs[j - first_default]).into_ptr();
                } else {
                    absent.push(pystr::to_string(names[j]));
                }
            }
        }
        if !absent.is_empty() {
            return Err(missing(func, absent, "positional"));
        }
    }

    if kwonly > 0 {
        let kwdefs = (*fo).func_kwdefaults;
        let mut absent = Vec::new();
        for j in argcount..total {
            if !(*slots.add(j)).is_null() {
                continue;
            }
            if !kwdefs.is_null() {
                if let Some(v) = dict::get_item(kwdefs, names[j])? {
                    *slots.add(j) = new_ref(v).into_ptr();
                    continue;
                }
            }
            absent.push(pystr::to_string(names[j]));
        }
        if !absent.is_empty() {
            return Err(missing(func, absent, "keyword-only"));
        }
    }
    drop(kwdict);
    Ok(())
}
