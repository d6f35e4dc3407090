//! The `_sre` module object: `compile` (code list from `re._compiler` -> `re.Pattern`), the
//! case helpers the compiler asks (`ascii_iscased`, `unicode_iscased`, `ascii_tolower`,
//! `unicode_tolower`), `getcodesize`, and the constants `MAGIC`, `CODESIZE`, `MAXREPEAT`,
//! `MAXGROUPS`, `copyright`.
use super::charclass::{ascii_lower, uni_lower, uni_upper};
use super::constants::{CODESIZE, MAGIC, MAXGROUPS, MAXREPEAT};
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, fast_kw, meth, module_def, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{bool as pybool, dict, int, list, str as pystr, tuple};

/// An `int` argument as clinic's `int` converter takes it.
unsafe fn int_arg(function: &str, o: *mut PyObject) -> PyResult<i64> {
    if crate::objects::float::is_float(o) {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let v = crate::abstract_::number::index(o).map_err(|e| {
        let _ = function;
        e
    })?;
    crate::objects::long_convert::as_i64(v.as_ptr())
}

unsafe fn char_arg(function: &str, args: *const *mut PyObject, nargs: isize) -> PyResult<u32> {
    let a = args_slice(args, nargs);
    let name = std::ffi::CString::new(function).unwrap();
    if !crate::abstract_::getargs::check_positional(name.as_ptr(), a.len() as isize, 1, 1) {
        return Err(Raised::assume_set());
    }
    Ok(int_arg(function, a[0])? as u32)
}

fn py_bool(v: bool) -> PyRef {
    // SAFETY: True and False are always live.
    unsafe { new_ref(if v { pybool::true_() } else { pybool::false_() }) }
}

unsafe extern "C" fn ascii_iscased(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(char_arg("ascii_iscased", args, nargs).map(|c| py_bool(c < 128 && (c as u8).is_ascii_alphabetic())))
}

unsafe extern "C" fn unicode_iscased(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(char_arg("unicode_iscased", args, nargs).map(|c| py_bool(c != uni_lower(c) || c != uni_upper(c))))
}

unsafe extern "C" fn ascii_tolower(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(char_arg("ascii_tolower", args, nargs).and_then(|c| int::from_i64(ascii_lower(c) as i64)))
}

unsafe extern "C" fn unicode_tolower(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(char_arg("unicode_tolower", args, nargs).and_then(|c| int::from_i64(uni_lower(c) as i64)))
}

unsafe extern "C" fn getcodesize(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(CODESIZE))
}

fn must_be(arg: &str, what: &str, o: *mut PyObject) -> Raised {
    // SAFETY: `o` is a live argument.
    type_error(format!("compile() argument '{arg}' must be {what}, not {}", unsafe { tp_name(o) }))
}

/// `compile(pattern, flags, code, groups, groupindex, indexgroup)`.
unsafe extern "C" fn compile(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        static PARAMS: Params = Params {
            function: "compile",
            names: &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"],
            positional_only: 0,
            max_positional: 6,
            required: 6,
        };
        let a = bind(&PARAMS, args, nargs as usize, kw)?;
        let [pattern, flags, code, groups, groupindex, indexgroup] = [0, 1, 2, 3, 4, 5].map(|i| a[i].unwrap());
        let flags = int_arg("compile", flags)?;
        if !list::is_list(code) {
            return Err(must_be("code", "list", code));
        }
        let groups = super::pattern::ssize_arg(Some(groups), 0)?;
        if !dict::is_dict(groupindex) {
            return Err(must_be("groupindex", "dict", groupindex));
        }
        if !tuple::is_tuple(indexgroup) {
            return Err(must_be("indexgroup", "tuple", indexgroup));
        }
        let mut words = Vec::with_capacity(list::len(code));
        for &item in list::items(code) {
            let v = crate::abstract_::number::index(item)?;
            match crate::objects::long_convert::int_to_i128(v.as_ptr()).and_then(|x| u32::try_from(x).ok()) {
                Some(w) => words.push(w),
                None => return Err(super::pattern::overflow("regular expression code size limit exceeded")),
            }
        }
        if groups < 0 || tuple::len(indexgroup) < groups as usize + 1 && groups > 0 {
            return Err(type_error("invalid groups"));
        }
        super::pattern::new(
            new_ref(pattern),
            flags,
            words,
            groups as usize,
            new_ref(groupindex),
            new_ref(indexgroup),
        )
    })())
}

/// `__class_getitem__` of Pattern and Match: `types.GenericAlias(cls, item)`.
pub(crate) unsafe extern "C" fn class_getitem(cls: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let types = owned(crate::import::api::PyImport_ImportModule(c"types".as_ptr()))?;
        let alias = crate::object::object_attr::get_attr(types.as_ptr(), pystr::intern("GenericAlias")?.as_ptr())?;
        let args = [cls, item];
        owned(crate::abstract_::call::vectorcall(alias.as_ptr(), args.as_ptr(), 2, core::ptr::null_mut()))
    })())
}

static mut SRE_FUNCTIONS: [PyMethodDef; 8] = [
    fast_kw(c"compile", compile, c"compile($module, /, pattern, flags, code, groups, groupindex, indexgroup)\n--\n\n"),
    meth(c"getcodesize", getcodesize, METH_NOARGS, c"getcodesize($module, /)\n--\n\n"),
    fast(c"ascii_iscased", ascii_iscased, c"ascii_iscased($module, character, /)\n--\n\n"),
    fast(c"unicode_iscased", unicode_iscased, c"unicode_iscased($module, character, /)\n--\n\n"),
    fast(c"ascii_tolower", ascii_tolower, c"ascii_tolower($module, character, /)\n--\n\n"),
    fast(c"unicode_tolower", unicode_tolower, c"unicode_tolower($module, character, /)\n--\n\n"),
    END,
    END,
];

static mut SRE_DEF: PyModuleDef = module_def(c"_sre", c"", (&raw mut SRE_FUNCTIONS) as *mut PyMethodDef);

/// The `_sre` module's constructor (`PyInit__sre` for the inittab).
pub(crate) unsafe extern "C" fn init_sre() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut SRE_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let values: [(&str, PyRef); 5] = [
            ("MAGIC", int::from_i64(MAGIC)?),
            ("CODESIZE", int::from_i64(CODESIZE)?),
            ("MAXREPEAT", int::from_u64(MAXREPEAT as u64)?),
            ("MAXGROUPS", int::from_i64(MAXGROUPS)?),
            ("copyright", pystr::from_utf8(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")?),
        ];
        for (name, value) in values {
            dict::set_item(d, pystr::intern(name)?.as_ptr(), value.as_ptr())?;
        }
        Ok(m)
    })())
}
