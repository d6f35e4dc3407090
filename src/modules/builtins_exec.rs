//! The builtins that need the eval loop: `exec`, `eval`, `compile`, `globals`, `locals`,
//! `vars`, `__build_class__`, with CPython 3.11's argument checks and messages. They are
//! added to the `builtins` module next to builtins_functions.rs's.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::compiler::flags::{PyCF_COMPILE_MASK, PyCF_IGNORE_COOKIE, PyCF_MASK, PyCF_MASK_OBSOLETE, Py_eval_input, Py_file_input, Py_single_input};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, fast_kw, meth, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::code::PyCodeObject;
use crate::objects::{bytes, code_type, dict, str as pystr};

/// The text of a `str` or bytes-like source argument of exec/eval/compile.
unsafe fn source_bytes(src: *mut PyObject, what: &str) -> PyResult<Vec<u8>> {
    if pystr::is_str(src) {
        return Ok(crate::objects::str_utf8::as_utf8(src)?.to_vec());
    }
    if bytes::is_bytes(src) || crate::objects::bytes_buffer::PyObject_CheckBuffer(src) != 0 {
        return bytes::bytes_like(src);
    }
    Err(type_error(what.to_string()))
}

/// The compiler flags `exec`/`eval`/`compile` pass: the running code's future features,
/// and `PyCF_IGNORE_COOKIE` for a str source.
unsafe fn inherited_flags(src: *mut PyObject) -> i32 {
    let mut cf = crate::compiler::flags::PyCompilerFlags { cf_flags: 0, cf_feature_version: 11 };
    crate::runtime::pyrun::PyEval_MergeCompilerFlags(&mut cf);
    let cookie = if !src.is_null() && pystr::is_str(src) { PyCF_IGNORE_COOKIE } else { 0 };
    (cf.cf_flags & PyCF_MASK) | cookie
}

/// A file name argument (str, bytes or os.PathLike) as text.
unsafe fn fs_decode(o: *mut PyObject) -> PyResult<String> {
    let mut out: *mut PyObject = core::ptr::null_mut();
    if crate::codecs::fs_encoding::PyUnicode_FSDecoder(o, &mut out as *mut *mut PyObject as *mut core::ffi::c_void) == 0 {
        return Err(Raised::assume_set());
    }
    let s = PyRef::from_owned(out).ok_or_else(Raised::assume_set)?;
    Ok(pystr::to_string(s.as_ptr()))
}

/// The (globals, locals) pair of exec/eval: the caller's when omitted, checked otherwise.
unsafe fn namespaces(fname: &str, globals: Option<*mut PyObject>, locals: Option<*mut PyObject>) -> PyResult<(*mut PyObject, *mut PyObject)> {
    let g = globals.filter(|&g| g != none());
    let l = locals.filter(|&l| l != none());
    if let Some(g) = g {
        if !dict::is_dict(g) {
            let msg = if fname == "exec" {
                format!("exec() globals must be a dict, not {}", tp_name(g))
            } else {
                "globals must be a dict".to_string()
            };
            return Err(type_error(msg));
        }
    }
    if let Some(l) = l {
        if crate::abstract_::mapping::PyMapping_Check(l) == 0 {
            let msg = if fname == "exec" {
                format!("locals must be a mapping or None, not {}", tp_name(l))
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(type_error(msg));
        }
    }
    let (g, l) = match (g, l) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g, g),
        (None, l) => {
            let g = crate::eval::frame_api::PyEval_GetGlobals();
            let l = match l {
                Some(l) => l,
                None => {
                    let l = crate::eval::frame_api::PyEval_GetLocals();
                    if l.is_null() && !crate::errors::pyerr::PyErr_Occurred().is_null() {
                        crate::errors::pyerr::PyErr_Clear();
                    }
                    l
                }
            };
            if g.is_null() || l.is_null() {
                return Err(raise_type(&raw mut exc::_PyExc_SystemError, "globals and locals cannot be NULL"));
            }
            (g, l)
        }
    };
    crate::runtime::pyrun::ensure_builtins(g)?;
    Ok((g, l))
}

unsafe extern "C" fn builtin_exec(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "exec", names: &["source", "globals", "locals", "closure"], max_positional: 3, required: 1, positional_only: 3 };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let src = a[0].unwrap_or(core::ptr::null_mut());
        let (g, l) = namespaces("exec", a[1], a[2])?;
        let closure = a[3].filter(|&c| c != none());
        if code_type::is_code(src) {
            let nfree = (*(src as *mut PyCodeObject)).co_nfreevars as usize;
            if nfree == 0 && closure.is_some() {
                return Err(type_error("cannot use a closure with this code object"));
            }
            // A tuple of exactly `nfree` cells, else one message for every way it is wrong.
            let cells_ok = |c: *mut PyObject| {
                (*c).ob_type == &raw mut crate::objects::tuple::PyTuple_Type
                    && crate::objects::tuple::len(c) == nfree
                    && crate::objects::tuple::items(c).iter().all(|&cell| crate::objects::cell::is_cell(cell))
            };
            if nfree > 0 && !closure.is_some_and(cells_ok) {
                return Err(type_error(format!("code object requires a closure of exactly length {nfree}")));
            }
            crate::eval::eval_code::eval_code_with_closure(src, g, l, closure.unwrap_or(core::ptr::null_mut()))?;
            return Ok(new_ref(none()));
        }
        if closure.is_some() {
            return Err(type_error("closure can only be used when source is a code object"));
        }
        let text = source_bytes(src, "exec() arg 1 must be a string, bytes or code object")?;
        let (code, _) = crate::runtime::pyrun::compile_source(&text, "<string>", Py_file_input, inherited_flags(src), -1)?;
        crate::eval::eval_code::eval_code(code.as_ptr(), g, l)?;
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn builtin_eval(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if a.is_empty() || a.len() > 3 {
            let what = if a.is_empty() { "at least 1 argument" } else { "at most 3 arguments" };
            return Err(type_error(format!("eval expected {what}, got {}", a.len())));
        }
        let (g, l) = namespaces("eval", a.get(1).copied(), a.get(2).copied())?;
        let src = a[0];
        if code_type::is_code(src) {
            if (*(src as *mut PyCodeObject)).co_nfreevars > 0 {
                return Err(type_error("code object passed to eval() may not contain free variables"));
            }
            return crate::eval::eval_code::eval_code(src, g, l);
        }
        let text = source_bytes(src, "eval() arg 1 must be a string, bytes or code object")?;
        let start = text.iter().position(|&c| c != b' ' && c != b'\t').unwrap_or(text.len());
        let (code, _) = crate::runtime::pyrun::compile_source(&text[start..], "<string>", Py_eval_input, inherited_flags(src), -1)?;
        crate::eval::eval_code::eval_code(code.as_ptr(), g, l)
    })())
}

unsafe extern "C" fn builtin_compile(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params {
        function: "compile",
        names: &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        max_positional: 6,
        required: 3,
        positional_only: 0,
    };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let src = a[0].unwrap_or(core::ptr::null_mut());
        let fname = fs_decode(a[1].unwrap_or(core::ptr::null_mut()))?;
        let mode = a[2].unwrap_or(core::ptr::null_mut());
        let int_arg = |o: Option<*mut PyObject>, d: i64| -> PyResult<i64> {
            match o {
                Some(v) => {
                    let n = crate::objects::long_convert::as_i64(v)?;
                    if n < i32::MIN as i64 || n > i32::MAX as i64 {
                        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "Python int too large to convert to C int"));
                    }
                    Ok(n)
                }
                None => Ok(d),
            }
        };
        let flags = int_arg(a[3], 0)? as i32;
        let optimize = int_arg(a[5], -1)? as i32;
        if !pystr::is_str(mode) {
            return Err(type_error(format!("compile() argument 'mode' must be str, not {}", tp_name(mode))));
        }
        if flags & !(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK) != 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "compile(): unrecognised flags"));
        }
        if !(-1..=2).contains(&optimize) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "compile(): invalid optimize value"));
        }
        let only_ast = flags & crate::compiler::flags::PyCF_ONLY_AST != 0;
        let start = match pystr::to_string(mode).as_str() {
            "exec" => Py_file_input,
            "eval" => Py_eval_input,
            "single" => Py_single_input,
            "func_type" if only_ast => crate::compiler::flags::Py_func_type_input,
            "func_type" => {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
            }
            _ if only_ast => {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"));
            }
            _ => {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'"));
            }
        };
        let dont_inherit = match a[4] {
            Some(v) => crate::abstract_::object::is_true(v)?,
            None => false,
        };
        if crate::modules::ast::compile_tree::is_ast(src)? {
            if only_ast {
                return Ok(crate::abstract_::new_ref(src));
            }
            return crate::modules::ast::compile_tree::compile_ast(src, &fname, &pystr::to_string(mode), flags, optimize);
        }
        let text = source_bytes(src, "compile() arg 1 must be a string, bytes or AST object")?;
        let mut flags = flags | if pystr::is_str(src) { PyCF_IGNORE_COOKIE } else { 0 };
        if !dont_inherit {
            flags |= inherited_flags(core::ptr::null_mut()) & PyCF_MASK;
        }
        Ok(crate::runtime::pyrun::compile_source(&text, &fname, start, flags, optimize)?.0)
    })())
}

unsafe extern "C" fn builtin_globals(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let g = crate::eval::frame_api::PyEval_GetGlobals();
    if g.is_null() {
        return core::ptr::null_mut();
    }
    new_ref(g).into_ptr()
}

unsafe extern "C" fn builtin_locals(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let l = crate::eval::frame_api::PyEval_GetLocals();
    if l.is_null() {
        return core::ptr::null_mut();
    }
    new_ref(l).into_ptr()
}

unsafe extern "C" fn builtin_vars(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        match a.len() {
            0 => {
                let l = crate::eval::frame_api::PyEval_GetLocals();
                if l.is_null() {
                    return Err(Raised::assume_set());
                }
                Ok(new_ref(l))
            }
            1 => match crate::object::object_attr::lookup_attr(a[0], pystr::intern("__dict__")?.as_ptr())? {
                Some(d) => Ok(d),
                None => Err(type_error("vars() argument must have __dict__ attribute")),
            },
            n => Err(type_error(format!("vars expected at most 1 argument, got {n}"))),
        }
    })())
}

static mut EXEC_FUNCTIONS: [PyMethodDef; 8] = [
    fast_kw(c"exec", builtin_exec, c"exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\nExecute the given source in the context of globals and locals.\n\nThe source may be a string representing one or more Python statements\nor a code object as returned by compile().\nThe globals must be a dictionary and locals can be any mapping,\ndefaulting to the current globals and locals.\nIf only globals is given, locals defaults to it.\nThe closure must be a tuple of cellvars, and can only be used\nwhen source is a code object requiring exactly that many cellvars."),
    fast(c"eval", builtin_eval, c"eval($module, source, globals=None, locals=None, /)\n--\n\nEvaluate the given source in the context of globals and locals.\n\nThe source may be a string representing a Python expression\nor a code object as returned by compile().\nThe globals must be a dictionary and locals can be any mapping,\ndefaulting to the current globals and locals.\nIf only globals is given, locals defaults to it."),
    fast_kw(c"compile", builtin_compile, c"compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\nCompile source into a code object that can be executed by exec() or eval()."),
    meth(c"globals", builtin_globals, METH_NOARGS, c"globals($module, /)\n--\n\nReturn the dictionary containing the current scope's global variables.\n\nNOTE: Updates to this dictionary *will* affect name lookups in the current\nglobal scope and vice-versa."),
    meth(c"locals", builtin_locals, METH_NOARGS, c"locals($module, /)\n--\n\nReturn a dictionary containing the current scope's local variables.\n\nNOTE: Whether or not updates to this dictionary will affect name lookups in\nthe local scope and vice-versa is *implementation dependent* and not\ncovered by any backwards compatibility guarantees."),
    fast(c"vars", builtin_vars, c"vars([object]) -> dictionary\n\nWithout arguments, equivalent to locals().\nWith an argument, equivalent to object.__dict__."),
    fast_kw(c"__build_class__", crate::eval::build_class::builtin_build_class, c"__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement."),
    END,
];

/// Adds these functions to the `builtins` module `m`.
pub(crate) unsafe fn add_to(m: *mut PyObject) -> PyResult<()> {
    if crate::objects::module::PyModule_AddFunctions(m, (&raw mut EXEC_FUNCTIONS) as *mut PyMethodDef) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}
