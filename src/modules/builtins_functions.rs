//! The functions of `builtins` that need no frames (`eval`, `exec`, `compile`, `globals`,
//! `locals`, `vars` and `__build_class__` are builtins_exec.rs's, `__import__`
//! builtins_import.rs's), with CPython 3.11's argument checks and messages.
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, list, str as pystr};

fn count_error(name: &str, what: &str, n: usize) -> Raised {
    type_error(format!("{name} expected {what}, got {n}"))
}

/// `builtin(name, *args)` arity check in CPython's `_PyArg_CheckPositional` words.
fn check_arity(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let what = if min == max { format!("{min} argument{}", plural(min)) } else { format!("at least {min} argument{}", plural(min)) };
        return Err(count_error(name, &what, n));
    }
    if n > max {
        let what = if min == max { format!("{max} argument{}", plural(max)) } else { format!("at most {max} argument{}", plural(max)) };
        return Err(count_error(name, &what, n));
    }
    Ok(())
}

unsafe fn c_size(r: isize) -> PyResult<isize> {
    if r < 0 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        Err(Raised::assume_set())
    } else {
        Ok(r)
    }
}

unsafe fn c_bool(r: c_int) -> PyResult<PyRef> {
    if r < 0 {
        return Err(Raised::assume_set());
    }
    Ok(new_ref(crate::objects::bool::PyBool_FromLong(r as _)))
}

/// A name argument of getattr/setattr/delattr/hasattr.
unsafe fn attr_name(o: *mut PyObject) -> PyResult<*mut PyObject> {
    if !pystr::is_str(o) {
        return Err(type_error(format!("attribute name must be string, not '{}'", tp_name(o))));
    }
    Ok(o)
}

unsafe extern "C" fn len(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(c_size(crate::abstract_::object::PyObject_Size(o)).and_then(|n| int::from_i64(n as i64)))
}

unsafe extern "C" fn repr(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    crate::abstract_::object::PyObject_Repr(o)
}

unsafe extern "C" fn ascii(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    crate::abstract_::object::PyObject_ASCII(o)
}

unsafe extern "C" fn abs(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    crate::abstract_::number::PyNumber_Absolute(o)
}

unsafe extern "C" fn hash(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let h = crate::abstract_::object::PyObject_Hash(o);
    ret(c_size(h as isize).and_then(|h| int::from_i64(h as i64)))
}

unsafe extern "C" fn id(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    crate::objects::long_convert::PyLong_FromVoidPtr(o as *mut core::ffi::c_void)
}

unsafe extern "C" fn callable(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(c_bool(crate::abstract_::call::PyCallable_Check(o)))
}

unsafe extern "C" fn isinstance(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret(check_arity("isinstance", a.len(), 2, 2).and_then(|()| c_bool(crate::abstract_::isinstance::PyObject_IsInstance(a[0], a[1]))))
}

unsafe extern "C" fn issubclass(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret(check_arity("issubclass", a.len(), 2, 2).and_then(|()| c_bool(crate::abstract_::isinstance::PyObject_IsSubclass(a[0], a[1]))))
}

unsafe extern "C" fn getattr(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        check_arity("getattr", a.len(), 2, 3)?;
        let name = attr_name(a[1])?;
        if a.len() == 3 {
            return Ok(crate::object::object_attr::lookup_attr(a[0], name)?.unwrap_or_else(|| new_ref(a[2])));
        }
        crate::object::object_attr::get_attr(a[0], name)
    })())
}

unsafe extern "C" fn setattr(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        check_arity("setattr", a.len(), 3, 3)?;
        crate::object::object_attr::set_attr(a[0], attr_name(a[1])?, a[2])?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn delattr(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        check_arity("delattr", a.len(), 2, 2)?;
        crate::object::object_attr::set_attr(a[0], attr_name(a[1])?, core::ptr::null_mut())?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn hasattr(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        check_arity("hasattr", a.len(), 2, 2)?;
        let found = crate::object::object_attr::lookup_attr(a[0], attr_name(a[1])?)?;
        Ok(new_ref(crate::objects::bool::PyBool_FromLong(found.is_some() as _)))
    })())
}

unsafe extern "C" fn iter(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        check_arity("iter", a.len(), 1, 2)?;
        if a.len() == 1 {
            return owned(crate::abstract_::iter::PyObject_GetIter(a[0]));
        }
        if crate::abstract_::call::PyCallable_Check(a[0]) == 0 {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        owned(crate::objects::iterobject::PyCallIter_New(a[0], a[1]))
    })())
}

unsafe extern "C" fn next(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        check_arity("next", a.len(), 1, 2)?;
        let it = a[0];
        let Some(next) = (*(*it).ob_type).tp_iternext else {
            return Err(type_error(format!("'{}' object is not an iterator", tp_name(it))));
        };
        if let Some(v) = PyRef::from_owned(next(it)) {
            return Ok(v);
        }
        let stop = &raw mut exc::_PyExc_StopIteration as *mut PyObject;
        if !crate::errors::pyerr::PyErr_Occurred().is_null() {
            if a.len() == 1 || crate::errors::pyerr::PyErr_ExceptionMatches(stop) == 0 {
                return Err(Raised::assume_set());
            }
            crate::errors::pyerr::PyErr_Clear();
        }
        match a.get(1) {
            Some(&default) => Ok(new_ref(default)),
            None => {
                crate::errors::pyerr::PyErr_SetNone(stop);
                Err(Raised::assume_set())
            }
        }
    })())
}

unsafe extern "C" fn chr(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let v = crate::modules::sys_functions::as_c_int(o)?;
        if !(0..0x110000).contains(&v) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "chr() arg not in range(0x110000)"));
        }
        pystr::from_code_points(&[v as u32])
    })())
}

unsafe extern "C" fn ord(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let (n, value) = if pystr::is_str(o) {
            let n = pystr::len(o);
            (n, if n == 1 { pystr::read_char(o, 0) } else { 0 })
        } else if bytes::is_bytes(o) {
            let b = bytes::as_slice(o);
            (b.len(), b.first().copied().unwrap_or(0) as u32)
        } else if crate::objects::bytearray::is_bytearray(o) {
            let b = crate::objects::bytearray::as_slice(o);
            (b.len(), b.first().copied().unwrap_or(0) as u32)
        } else {
            return Err(type_error(format!("ord() expected string of length 1, but {} found", tp_name(o))));
        };
        if n != 1 {
            return Err(type_error(format!("ord() expected a character, but string of length {n} found")));
        }
        int::from_i64(value as i64)
    })())
}

unsafe extern "C" fn bin(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    crate::abstract_::number::PyNumber_ToBase(o, 2)
}
unsafe extern "C" fn oct(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    crate::abstract_::number::PyNumber_ToBase(o, 8)
}
unsafe extern "C" fn hex(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    crate::abstract_::number::PyNumber_ToBase(o, 16)
}

/// `dir([object])`: `PyObject_Dir` (the no-argument form needs the caller's frame).
unsafe extern "C" fn dir(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret(check_arity("dir", a.len(), 0, 1).and_then(|()| owned(crate::abstract_::dir::PyObject_Dir(a.first().copied().unwrap_or(core::ptr::null_mut())))))
}

unsafe extern "C" fn divmod(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret(check_arity("divmod", a.len(), 2, 2).and_then(|()| owned(crate::abstract_::number::PyNumber_Divmod(a[0], a[1]))))
}

unsafe extern "C" fn pow(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "pow", names: &["base", "exp", "mod"], positional_only: 0, max_positional: 3, required: 2 };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let m = a[2].unwrap_or(none());
        owned(crate::abstract_::number::PyNumber_Power(a[0].unwrap_or(none()), a[1].unwrap_or(none()), m))
    })())
}

unsafe extern "C" fn round(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "round", names: &["number", "ndigits"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let number = a[0].unwrap_or(none());
        let Some(method) = crate::abstract_::object::lookup_special(number, "__round__")? else {
            return Err(type_error(format!("type {} doesn't define __round__ method", tp_name(number))));
        };
        match a[1] {
            Some(nd) if nd != none() => owned(crate::abstract_::call::PyObject_CallOneArg(method.as_ptr(), nd)),
            _ => owned(crate::abstract_::call::PyObject_CallNoArgs(method.as_ptr())),
        }
    })())
}

unsafe extern "C" fn format(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        check_arity("format", a.len(), 1, 2)?;
        let spec = match a.get(1) {
            Some(&s) if !pystr::is_str(s) => return Err(type_error(format!("format() argument 2 must be str, not {}", tp_name(s)))),
            Some(&s) => s,
            None => core::ptr::null_mut(),
        };
        owned(crate::abstract_::format::PyObject_Format(a[0], spec))
    })())
}

unsafe extern "C" fn sum(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "sum", names: &["iterable", "start"], positional_only: 1, max_positional: 2, required: 1 };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let start = match a[1] {
            Some(s) if pystr::is_str(s) => return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]")),
            Some(s) if bytes::is_bytes(s) => return Err(type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
            Some(s) => new_ref(s),
            None => int::from_i64(0)?,
        };
        let it = owned(crate::abstract_::iter::PyObject_GetIter(a[0].unwrap_or(none())))?;
        let mut total = start;
        while let Some(item) = PyRef::from_owned(crate::abstract_::iter::PyIter_Next(it.as_ptr())) {
            total = owned(crate::abstract_::number::PyNumber_Add(total.as_ptr(), item.as_ptr()))?;
        }
        if !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        Ok(total)
    })())
}

/// min() and max(): `op` is the comparison that makes a new item win.
unsafe fn min_max(name: &str, op: c_int, args: &[*mut PyObject], kwnames: *mut PyObject) -> PyResult<PyRef> {
    let kw: &[*mut PyObject] = if kwnames.is_null() { &[] } else { crate::objects::tuple::items(kwnames) };
    let positional = &args[..args.len() - kw.len()];
    let (mut key, mut default) = (None, None);
    for (k, &kname) in kw.iter().enumerate() {
        let value = args[positional.len() + k];
        match pystr::to_string(kname).as_str() {
            "key" => key = Some(value).filter(|&v| v != none()),
            "default" => default = Some(value),
            other => return Err(type_error(format!("'{other}' is an invalid keyword argument for {name}()"))),
        }
    }
    if positional.is_empty() {
        return Err(type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if positional.len() > 1 && default.is_some() {
        return Err(type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
    }
    let items: Vec<PyRef> = if positional.len() == 1 {
        crate::abstract_::iter::collect(positional[0])?
    } else {
        positional.iter().map(|&o| new_ref(o)).collect()
    };
    let mut best: Option<(PyRef, PyRef)> = None;
    for item in items {
        let k = match key {
            Some(f) => owned(crate::abstract_::call::PyObject_CallOneArg(f, item.as_ptr()))?,
            None => item.clone(),
        };
        let wins = match &best {
            None => true,
            Some((_, best_key)) => {
                let r = crate::abstract_::compare::PyObject_RichCompareBool(k.as_ptr(), best_key.as_ptr(), op);
                if r < 0 {
                    return Err(Raised::assume_set());
                }
                r == 1
            }
        };
        if wins {
            best = Some((item, k));
        }
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(new_ref(d)),
        (None, None) => Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("{name}() arg is an empty sequence"))),
    }
}

unsafe extern "C" fn min(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    let n = nargs as usize + if kwnames.is_null() { 0 } else { crate::objects::tuple::len(kwnames) };
    ret(min_max("min", crate::object::object::Py_LT, args_slice(args, n as isize), kwnames))
}

unsafe extern "C" fn max(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    let n = nargs as usize + if kwnames.is_null() { 0 } else { crate::objects::tuple::len(kwnames) };
    ret(min_max("max", crate::object::object::Py_GT, args_slice(args, n as isize), kwnames))
}

unsafe extern "C" fn sorted(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "sort", names: &["key", "reverse"], positional_only: 0, max_positional: 0, required: 0 };
    ret((|| {
        if nargs != 1 {
            return Err(count_error("sorted", "1 argument", nargs as usize));
        }
        let kw = bind(&PARAMS, args.add(1), 0, kwnames)?;
        let l = list::from_iterable(*args)?;
        let key = kw[0].filter(|&k| k != none());
        let reverse = match kw[1] {
            Some(r) => crate::modules::sys_functions::as_c_int(r)? != 0,
            None => false,
        };
        crate::objects::list_sort::sort(l.as_ptr(), key, reverse)?;
        Ok(l)
    })())
}

unsafe extern "C" fn print(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "print", names: &["sep", "end", "file", "flush"], positional_only: 0, max_positional: 0, required: 0 };
    ret((|| {
        let kw = bind(&PARAMS, args.add(nargs as usize), 0, kwnames)?;
        let text_arg = |o: Option<*mut PyObject>, what: &str| -> PyResult<Option<*mut PyObject>> {
            match o {
                Some(v) if v == none() => Ok(None),
                Some(v) if pystr::is_str(v) => Ok(Some(v)),
                Some(v) => Err(type_error(format!("{what} must be None or a string, not {}", tp_name(v)))),
                None => Ok(None),
            }
        };
        let sep = text_arg(kw[0], "sep")?;
        let end = text_arg(kw[1], "end")?;
        let file = match kw[2] {
            Some(f) if f != none() => new_ref(f),
            _ => {
                let f = crate::modules::sys_stdio::sys_attr("stdout");
                if f.is_null() {
                    return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "lost sys.stdout"));
                }
                if f == none() {
                    return Ok(none_ref());
                }
                new_ref(f)
            }
        };
        let space = pystr::intern(" ")?;
        for (i, &o) in args_slice(args, nargs).iter().enumerate() {
            if i > 0 {
                crate::modules::sys_stdio::file_write(file.as_ptr(), sep.unwrap_or(space.as_ptr()))?;
            }
            let s = crate::abstract_::object::str(o)?;
            crate::modules::sys_stdio::file_write(file.as_ptr(), s.as_ptr())?;
        }
        match end {
            Some(e) => crate::modules::sys_stdio::file_write(file.as_ptr(), e)?,
            None => crate::modules::sys_stdio::file_write(file.as_ptr(), pystr::intern("\n")?.as_ptr())?,
        }
        if let Some(f) = kw[3] {
            if crate::abstract_::object::is_true(f)? {
                crate::modules::sys_stdio::file_flush(file.as_ptr())?;
            }
        }
        Ok(none_ref())
    })())
}

/// The functions of `builtins`.
pub(crate) static mut BUILTIN_FUNCTIONS: [PyMethodDef; 37] = [
    meth(c"abs", abs, METH_O, c"abs($module, x, /)\n--\n\nReturn the absolute value of the argument."),
    meth(c"all", crate::modules::builtins_iteration::all, METH_O, c"all($module, iterable, /)\n--\n\nReturn True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True."),
    meth(c"any", crate::modules::builtins_iteration::any, METH_O, c"any($module, iterable, /)\n--\n\nReturn True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."),
    meth(c"ascii", ascii, METH_O, c"ascii($module, obj, /)\n--\n\nReturn an ASCII-only representation of an object."),
    meth(c"bin", bin, METH_O, c"bin($module, number, /)\n--\n\nReturn the binary representation of an integer."),
    fast_kw(c"breakpoint", crate::modules::builtins_input::breakpoint, c"breakpoint(*args, **kws)\n\nCall sys.breakpointhook(*args, **kws).  sys.breakpointhook() must accept\nwhatever arguments are passed.\n\nBy default, this drops you into the pdb debugger."),
    meth(c"callable", callable, METH_O, c"callable($module, obj, /)\n--\n\nReturn whether the object is callable (i.e., some kind of function)."),
    meth(c"chr", chr, METH_O, c"chr($module, i, /)\n--\n\nReturn a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."),
    fast(c"delattr", delattr, c"delattr($module, obj, name, /)\n--\n\nDeletes the named attribute from the given object."),
    fast(c"dir", dir, c"dir([object]) -> list of strings\n\nIf called without an argument, return the names in the current scope.\nElse, return an alphabetized list of names comprising (some of) the attributes\nof the given object, and of attributes reachable from it.\nIf the object supplies a method named __dir__, it will be used; otherwise\nthe default dir() logic is used and returns:\n  for a module object: the module's attributes.\n  for a class object:  its attributes, and recursively the attributes\n    of its bases.\n  for any other object: its attributes, its class's attributes, and\n    recursively the attributes of its class's base classes."),
    fast(c"divmod", divmod, c"divmod($module, x, y, /)\n--\n\nReturn the tuple (x//y, x%y).  Invariant: div*y + mod == x."),
    fast(c"format", format, c"format($module, value, format_spec='', /)\n--\n\nReturn value.__format__(format_spec)"),
    fast(c"getattr", getattr, c"getattr(object, name[, default]) -> value\n\nGet a named attribute from an object."),
    fast(c"hasattr", hasattr, c"hasattr($module, obj, name, /)\n--\n\nReturn whether the object has an attribute with the given name."),
    meth(c"hash", hash, METH_O, c"hash($module, obj, /)\n--\n\nReturn the hash value for the given object."),
    meth(c"hex", hex, METH_O, c"hex($module, number, /)\n--\n\nReturn the hexadecimal representation of an integer."),
    meth(c"id", id, METH_O, c"id($module, obj, /)\n--\n\nReturn the identity of an object."),
    fast(c"input", crate::modules::builtins_input::input, c"input($module, prompt='', /)\n--\n\nRead a string from standard input.  The trailing newline is stripped.\n\nThe prompt string, if given, is printed to standard output without a\ntrailing newline before reading input.\n\nIf the user hits EOF (*nix: Ctrl-D, Windows: Ctrl-Z+Return), raise EOFError.\nOn *nix systems, readline is used if available."),
    fast(c"isinstance", isinstance, c"isinstance($module, obj, class_or_tuple, /)\n--\n\nReturn whether an object is an instance of a class or of a subclass thereof."),
    fast(c"issubclass", issubclass, c"issubclass($module, cls, class_or_tuple, /)\n--\n\nReturn whether 'cls' is derived from another class or is the same class."),
    meth(c"len", len, METH_O, c"len($module, obj, /)\n--\n\nReturn the number of items in a container."),
    fast_kw(c"max", max, c"max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its biggest item."),
    fast_kw(c"min", min, c"min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its smallest item."),
    meth(c"aiter", crate::modules::builtins_iteration::aiter, METH_O, c"aiter($module, async_iterable, /)\n--\n\nReturn an AsyncIterator for an AsyncIterable object."),
    fast(c"iter", iter, c"iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nGet an iterator from an object.  In the first form, the argument must\nsupply its own iterator, or be a sequence.\nIn the second form, the callable is called until it returns the sentinel."),
    fast(c"next", next, c"next(iterator[, default])\n\nReturn the next item from the iterator."),
    fast(c"anext", crate::modules::builtins_iteration::anext, c"async anext(aiterator[, default])\n\nReturn the next item from the async iterator.  If default is given and the async\niterator is exhausted, it is returned instead of raising StopAsyncIteration."),
    meth(c"oct", oct, METH_O, c"oct($module, number, /)\n--\n\nReturn the octal representation of an integer."),
    meth(c"ord", ord, METH_O, c"ord($module, c, /)\n--\n\nReturn the Unicode code point for a one-character string."),
    fast_kw(c"pow", pow, c"pow($module, /, base, exp, mod=None)\n--\n\nEquivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"),
    fast_kw(c"print", print, c"print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)\n\nPrints the values to a stream, or to sys.stdout by default."),
    meth(c"repr", repr, METH_O, c"repr($module, obj, /)\n--\n\nReturn the canonical string representation of the object."),
    fast_kw(c"round", round, c"round($module, /, number, ndigits=None)\n--\n\nRound a number to a given precision in decimal digits."),
    fast(c"setattr", setattr, c"setattr($module, obj, name, value, /)\n--\n\nSets the named attribute on the given object to the specified value."),
    fast_kw(c"sorted", sorted, c"sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nReturn a new list containing all items from the iterable in ascending order."),
    fast_kw(c"sum", sum, c"sum($module, iterable, /, start=0)\n--\n\nReturn the sum of a 'start' value (default: 0) plus an iterable of numbers"),
    END,
];
