//! The `_json` module: the accelerations `json` picks up — `scanstring` (a JSON string body
//! to str), `encode_basestring`/`encode_basestring_ascii` (str to a quoted JSON string) and
//! `make_scanner` (the `scan_once(string, idx)` callable behind `JSONDecoder`), with
//! CPython's messages and positions for `json.decoder.JSONDecodeError`; `make_encoder` is
//! in json_encoder.rs.
use core::ffi::c_ulong;

use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, meth, module_def, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::module::PyModuleDef;
use crate::objects::str_access::{self, Units};
use crate::objects::{bool as pybool, dict, int, list, str as pystr, tuple};

/// `json.decoder.JSONDecodeError(message, doc, pos)`, raised.
unsafe fn decode_error(message: &str, doc: *mut PyObject, pos: usize) -> Raised {
    let raise = || -> PyResult<Raised> {
        let m = owned(crate::import::api::PyImport_ImportModule(c"json.decoder".as_ptr()))?;
        let cls = crate::object::object_attr::get_attr(m.as_ptr(), pystr::intern("JSONDecodeError")?.as_ptr())?;
        let (message, pos) = (pystr::from_utf8(message)?, int::from_i64(pos as i64)?);
        let args = [message.as_ptr(), doc, pos.as_ptr()];
        let e = owned(crate::abstract_::call::vectorcall(cls.as_ptr(), args.as_ptr(), 3, core::ptr::null_mut()))?;
        crate::errors::pyerr::PyErr_SetObject(cls.as_ptr(), e.as_ptr());
        Ok(Raised::assume_set())
    };
    match raise() {
        Ok(r) | Err(r) => r,
    }
}

fn value_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

#[inline]
fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0d)
}

/// The text of a str argument, or CPython's "first argument must be a string" TypeError.
unsafe fn str_units<'a>(o: *mut PyObject) -> PyResult<Units<'a>> {
    if !pystr::is_str(o) {
        return Err(type_error(format!("first argument must be a string, not {}", tp_name(o))));
    }
    Ok(str_access::units(o))
}

fn hex4(s: &Units, at: usize) -> Option<u32> {
    if at + 4 > s.len() {
        return None;
    }
    let mut v = 0;
    for i in at..at + 4 {
        v = v * 16 + char::from_u32(s.get(i))?.to_digit(16)?;
    }
    Some(v)
}

/// Decodes the JSON string body starting at `end` (just after the opening quote): the str
/// and the index after the closing quote.
unsafe fn scan_string(doc: *mut PyObject, s: &Units, end: usize, strict: bool) -> PyResult<(PyRef, usize)> {
    let len = s.len();
    if end > len {
        return Err(value_error("end is out of bounds"));
    }
    let begin = end.wrapping_sub(1);
    let mut out: Vec<u32> = Vec::new();
    let mut i = end;
    loop {
        // The run of plain characters.
        let start = i;
        while i < len {
            let c = s.get(i);
            if c == '"' as u32 || c == '\\' as u32 || (strict && c < 0x20) {
                break;
            }
            i += 1;
        }
        if i >= len {
            return Err(decode_error("Unterminated string starting at", doc, begin));
        }
        let c = s.get(i);
        if c != '"' as u32 && c != '\\' as u32 {
            return Err(decode_error("Invalid control character at", doc, i));
        }
        if c == '"' as u32 && out.is_empty() {
            let r = str_access::substring(doc, start, i)?;
            return Ok((r, i + 1));
        }
        out.extend((start..i).map(|k| s.get(k)));
        if c == '"' as u32 {
            return Ok((pystr::from_code_points(&out)?, i + 1));
        }
        // An escape.
        i += 1;
        if i >= len {
            return Err(decode_error("Unterminated string starting at", doc, begin));
        }
        let e = s.get(i);
        if e != 'u' as u32 {
            let ch = match char::from_u32(e) {
                Some('"') => '"',
                Some('\\') => '\\',
                Some('/') => '/',
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('t') => '\t',
                _ => return Err(decode_error("Invalid \\escape", doc, i - 1)),
            };
            out.push(ch as u32);
            i += 1;
            continue;
        }
        i += 1;
        let Some(mut u) = hex4(s, i) else { return Err(decode_error("Invalid \\uXXXX escape", doc, i - 1)) };
        i += 4;
        if (0xd800..=0xdbff).contains(&u) && i + 1 < len && s.get(i) == '\\' as u32 && s.get(i + 1) == 'u' as u32 {
            let Some(low) = hex4(s, i + 2) else { return Err(decode_error("Invalid \\uXXXX escape", doc, i + 1)) };
            if (0xdc00..=0xdfff).contains(&low) {
                u = 0x10000 + (((u - 0xd800) << 10) | (low - 0xdc00));
                i += 6;
            }
        }
        out.push(u);
    }
}

/// `scanstring(string, end, strict=True, /)`.
unsafe extern "C" fn scanstring(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"scanstring".as_ptr(), a.len() as isize, 2, 3) {
            return Err(Raised::assume_set());
        }
        let end = crate::modules::sre::pattern::ssize_arg(Some(a[1]), 0)?;
        let strict = match a.get(2) {
            Some(&o) => crate::abstract_::object::is_true(o)?,
            None => true,
        };
        let s = str_units(a[0])?;
        if end < 0 || end as usize > s.len() {
            return Err(value_error("end is out of bounds"));
        }
        let (r, next) = scan_string(a[0], &s, end as usize, strict)?;
        tuple::from_vec(vec![r, int::from_i64(next as i64)?])
    })())
}

/// The quoted JSON form of a str `o`; `ascii` escapes everything past U+007E.
unsafe fn encode(o: *mut PyObject, ascii: bool) -> PyResult<PyRef> {
    str_units(o)?;
    crate::modules::json_encoder::quote(o, ascii)
}

pub(crate) unsafe extern "C" fn encode_basestring(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(encode(o, false))
}

pub(crate) unsafe extern "C" fn encode_basestring_ascii(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(encode(o, true))
}

// ---- make_scanner ----

#[repr(C)]
struct Scanner {
    ob_base: PyObject,
    strict: bool,
    object_hook: PyRef,
    object_pairs_hook: PyRef,
    parse_float: PyRef,
    parse_int: PyRef,
    parse_constant: PyRef,
    memo: PyRef,
}

/// `_json.Scanner` (`make_scanner(context)`).
pub(crate) static mut Scanner_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(scanner_dealloc),
    tp_call: Some(scanner_call),
    tp_new: Some(scanner_new),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    ..static_type(c"_json.Scanner", core::mem::size_of::<Scanner>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, None)
};

unsafe extern "C" fn scanner_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    ret((|| {
        static PARAMS: Params = Params { function: "make_scanner", names: &["context"], positional_only: 0, max_positional: 1, required: 1 };
        let [ctx] = bind_tuple_dict_array::<1>(&PARAMS, args, kwargs)?;
        let attr = |name: &str| -> PyResult<PyRef> { crate::object::object_attr::get_attr(ctx, pystr::intern(name)?.as_ptr()) };
        let strict = crate::abstract_::object::is_true(attr("strict")?.as_ptr())?;
        let fields = [attr("object_hook")?, attr("object_pairs_hook")?, attr("parse_float")?, attr("parse_int")?, attr("parse_constant")?];
        let op = temp_alloc::malloc_object(&raw mut Scanner_Type, core::mem::size_of::<Scanner>());
        let op = PyRef::from_owned(op).ok_or_else(no_memory)?;
        let s = op.as_ptr() as *mut Scanner;
        let [oh, oph, pf, pi, pc] = fields;
        core::ptr::addr_of_mut!((*s).strict).write(strict);
        core::ptr::addr_of_mut!((*s).object_hook).write(oh);
        core::ptr::addr_of_mut!((*s).object_pairs_hook).write(oph);
        core::ptr::addr_of_mut!((*s).parse_float).write(pf);
        core::ptr::addr_of_mut!((*s).parse_int).write(pi);
        core::ptr::addr_of_mut!((*s).parse_constant).write(pc);
        core::ptr::addr_of_mut!((*s).memo).write(dict::new()?);
        Ok(op)
    })())
}

unsafe extern "C" fn scanner_dealloc(op: *mut PyObject) {
    let s = op as *mut Scanner;
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*s).object_hook));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*s).object_pairs_hook));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*s).parse_float));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*s).parse_int));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*s).parse_constant));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*s).memo));
    temp_alloc::free_object(op.cast());
}

unsafe fn call1(f: *mut PyObject, arg: *mut PyObject) -> PyResult<PyRef> {
    owned(crate::abstract_::call::vectorcall(f, &arg, 1, core::ptr::null_mut()))
}

struct Parse<'a> {
    sc: &'a Scanner,
    doc: *mut PyObject,
    s: Units<'a>,
}

impl Parse<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s.get(i)) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        i + word.len() <= self.s.len() && word.bytes().enumerate().all(|(k, b)| self.s.get(i + k) == b as u32)
    }

    /// A value at `i`: Some((value, next)), None when none starts there.
    unsafe fn value(&self, i: usize) -> PyResult<Option<(PyRef, usize)>> {
        if i >= self.s.len() {
            return Ok(None);
        }
        let c = char::from_u32(self.s.get(i)).unwrap_or('\0');
        let constant = |name: &str, len: usize| -> PyResult<Option<(PyRef, usize)>> {
            let v = call1(self.sc.parse_constant.as_ptr(), pystr::from_utf8(name)?.as_ptr())?;
            Ok(Some((v, i + len)))
        };
        match c {
            '"' => scan_string(self.doc, &self.s, i + 1, self.sc.strict).map(Some),
            '{' | '[' => {
                let what = if c == '{' { c" while decoding a JSON object from a unicode string" } else { c" while decoding a JSON array from a unicode string" };
                if crate::eval::recursion::Py_EnterRecursiveCall(what.as_ptr()) != 0 {
                    return Err(Raised::assume_set());
                }
                let r = if c == '{' { self.object(i + 1) } else { self.array(i + 1) };
                crate::eval::recursion::Py_LeaveRecursiveCall();
                r.map(Some)
            }
            'n' if self.starts(i, "null") => Ok(Some((new_ref(none()), i + 4))),
            't' if self.starts(i, "true") => Ok(Some((new_ref(pybool::true_()), i + 4))),
            'f' if self.starts(i, "false") => Ok(Some((new_ref(pybool::false_()), i + 5))),
            'N' if self.starts(i, "NaN") => constant("NaN", 3),
            'I' if self.starts(i, "Infinity") => constant("Infinity", 8),
            '-' if self.starts(i, "-Infinity") => constant("-Infinity", 9),
            _ => self.number(i),
        }
    }

    /// A nested value: "Expecting value" when none starts at `i`.
    unsafe fn nested(&self, i: usize) -> PyResult<(PyRef, usize)> {
        self.value(i)?.ok_or_else(|| decode_error("Expecting value", self.doc, i))
    }

    unsafe fn number(&self, start: usize) -> PyResult<Option<(PyRef, usize)>> {
        let s = &self.s;
        let len = s.len();
        let digit = |i: usize| i < len && (b'0' as u32..=b'9' as u32).contains(&s.get(i));
        let mut i = start;
        if i < len && s.get(i) == '-' as u32 {
            i += 1;
        }
        if !digit(i) {
            return Ok(None);
        }
        if s.get(i) == '0' as u32 {
            i += 1;
        } else {
            while digit(i) {
                i += 1;
            }
        }
        let mut is_float = false;
        if i < len && s.get(i) == '.' as u32 && digit(i + 1) {
            is_float = true;
            i += 1;
            while digit(i) {
                i += 1;
            }
        }
        if i < len && (s.get(i) == 'e' as u32 || s.get(i) == 'E' as u32) {
            let mut j = i + 1;
            if j < len && (s.get(j) == '-' as u32 || s.get(j) == '+' as u32) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text = str_access::substring(self.doc, start, i)?;
        let hook = if is_float { &self.sc.parse_float } else { &self.sc.parse_int };
        let v = if is_float && hook.as_ptr() == (&raw mut crate::objects::float::PyFloat_Type).cast() {
            owned(crate::objects::float_new::PyFloat_FromString(text.as_ptr()))?
        } else if !is_float && hook.as_ptr() == (&raw mut crate::objects::int::PyLong_Type).cast() {
            owned(crate::objects::long_str::PyLong_FromUnicodeObject(text.as_ptr(), 10))?
        } else {
            call1(hook.as_ptr(), text.as_ptr())?
        };
        Ok(Some((v, i)))
    }

    unsafe fn array(&self, i: usize) -> PyResult<(PyRef, usize)> {
        let out = list::new(0)?;
        let mut i = self.skip_ws(i);
        if i < self.s.len() && self.s.get(i) == ']' as u32 {
            return Ok((out, i + 1));
        }
        loop {
            let (v, next) = self.nested(i)?;
            list::append(out.as_ptr(), v.as_ptr())?;
            i = self.skip_ws(next);
            if i < self.s.len() && self.s.get(i) == ']' as u32 {
                return Ok((out, i + 1));
            }
            if i >= self.s.len() || self.s.get(i) != ',' as u32 {
                return Err(decode_error("Expecting ',' delimiter", self.doc, i));
            }
            i = self.skip_ws(i + 1);
        }
    }

    unsafe fn object(&self, i: usize) -> PyResult<(PyRef, usize)> {
        let pairs = list::new(0)?;
        let use_pairs = self.sc.object_pairs_hook.as_ptr() != none();
        let out = dict::new()?;
        let mut i = self.skip_ws(i);
        let finish = |i: usize| -> PyResult<(PyRef, usize)> {
            if use_pairs {
                return Ok((call1(self.sc.object_pairs_hook.as_ptr(), pairs.as_ptr())?, i));
            }
            if self.sc.object_hook.as_ptr() != none() {
                return Ok((call1(self.sc.object_hook.as_ptr(), out.as_ptr())?, i));
            }
            Ok((out.clone(), i))
        };
        if i < self.s.len() && self.s.get(i) == '}' as u32 {
            return finish(i + 1);
        }
        loop {
            if i >= self.s.len() || self.s.get(i) != '"' as u32 {
                return Err(decode_error("Expecting property name enclosed in double quotes", self.doc, i));
            }
            let (key, next) = scan_string(self.doc, &self.s, i + 1, self.sc.strict)?;
            let key = new_ref(dict::set_default(self.sc.memo.as_ptr(), key.as_ptr(), key.as_ptr())?);
            i = self.skip_ws(next);
            if i >= self.s.len() || self.s.get(i) != ':' as u32 {
                return Err(decode_error("Expecting ':' delimiter", self.doc, i));
            }
            i = self.skip_ws(i + 1);
            let (v, next) = self.nested(i)?;
            if use_pairs {
                list::append(pairs.as_ptr(), tuple::from_vec(vec![key, v])?.as_ptr())?;
            } else {
                dict::set_item(out.as_ptr(), key.as_ptr(), v.as_ptr())?;
            }
            i = self.skip_ws(next);
            if i < self.s.len() && self.s.get(i) == '}' as u32 {
                return finish(i + 1);
            }
            if i >= self.s.len() || self.s.get(i) != ',' as u32 {
                return Err(decode_error("Expecting ',' delimiter", self.doc, i));
            }
            i = self.skip_ws(i + 1);
        }
    }
}

/// `scanner(string, idx)`: (value, end), or StopIteration(idx) when no value starts there.
unsafe extern "C" fn scanner_call(op: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    ret((|| {
        static PARAMS: Params = Params { function: "scan_once", names: &["string", "idx"], positional_only: 0, max_positional: 2, required: 2 };
        let [string, idx] = bind_tuple_dict_array::<2>(&PARAMS, args, kwargs)?;
        let sc = &*(op as *mut Scanner);
        let s = str_units(string)?;
        let idx = crate::modules::sre::pattern::ssize_arg(Some(idx), 0)?;
        if idx < 0 {
            return Err(value_error("idx cannot be negative"));
        }
        let p = Parse { sc, doc: string, s };
        let r = p.value(idx as usize);
        dict::clear(sc.memo.as_ptr());
        match r? {
            Some((v, next)) => tuple::from_vec(vec![v, int::from_i64(next as i64)?]),
            None => {
                let i = int::from_i64(idx as i64)?;
                crate::errors::pyerr::PyErr_SetObject((&raw mut exc::_PyExc_StopIteration).cast(), i.as_ptr());
                Err(Raised::assume_set())
            }
        }
    })())
}

static mut JSON_FUNCTIONS: [PyMethodDef; 5] = [
    fast(c"scanstring", scanstring, c"scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index of the character in s\nafter the end quote."),
    meth(c"encode_basestring_ascii", encode_basestring_ascii, METH_O, c"encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"),
    meth(c"encode_basestring", encode_basestring, METH_O, c"encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"),
    END,
    END,
];

static mut JSON_DEF: PyModuleDef = module_def(c"_json", c"json speedups\n", (&raw mut JSON_FUNCTIONS) as *mut PyMethodDef);

/// The `_json` module's constructor (`PyInit__json` for the inittab).
pub(crate) unsafe extern "C" fn init_json() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut JSON_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        dict::set_item(d, pystr::intern("make_scanner")?.as_ptr(), (&raw mut Scanner_Type).cast())?;
        crate::modules::json_encoder::add_to(d)?;
        Ok(m)
    })())
}
