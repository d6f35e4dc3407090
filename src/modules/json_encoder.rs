//! `_json.make_encoder` (`_json.Encoder`, CPython's `c_make_encoder`): the one-shot encoder
//! `json.dumps` uses when `indent` is None. `encoder(obj, _current_indent_level)` returns a
//! 1-item list holding the whole JSON text. Semantics follow CPython 3.11's C encoder: the
//! type tests in its order (None/True/False, str, int, float, list/tuple, dict, else
//! `default`), int and float text from `int.__repr__`/`float.__repr__` (subclasses too),
//! `allow_nan`, `skipkeys`, `sort_keys` (the items list sorted as tuples), circular
//! references through the `markers` dict (keyed by `id`), and `indent` accepted but not
//! applied (json never passes one here). Strings go through the given `encoder`; when it
//! is `_json`'s own `encode_basestring(_ascii)`, the text is escaped straight into the
//! output buffer.
use core::ffi::{c_char, c_ulong};

use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::object::with_recursion_guard;
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::{owned, ret};
use crate::object::member::{PyMemberDef, READONLY, T_BOOL, T_OBJECT};
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::str_access::{self, Units};
use crate::objects::{bool as pybool, dict, float, int, list, str as pystr, tuple};

/// How strings are turned into JSON text.
#[derive(Clone, Copy, PartialEq)]
enum StrEncoding {
    /// `_json.encode_basestring_ascii`: escaped here, ASCII output.
    Ascii,
    /// `_json.encode_basestring`: escaped here, non-ASCII kept.
    Unicode,
    /// Any other callable: called, its result must be a str.
    Call,
}

#[repr(C)]
struct Encoder {
    ob_base: PyObject,
    markers: PyRef,
    default: PyRef,
    encoder: PyRef,
    indent: PyRef,
    key_separator: PyRef,
    item_separator: PyRef,
    // `T_BOOL` members read one byte.
    sort_keys: c_char,
    skipkeys: c_char,
    allow_nan: bool,
    strings: StrEncoding,
}

/// `_json.Encoder` (exposed as `make_encoder`).
pub(crate) static mut Encoder_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(encoder_dealloc),
    tp_call: Some(encoder_call),
    tp_new: Some(encoder_new),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_members: (&raw mut ENCODER_MEMBERS) as *mut PyMemberDef,
    ..static_type(c"_json.Encoder", core::mem::size_of::<Encoder>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, Some(c"_iterencode(obj, _current_indent_level) -> iterable"))
};

const fn member(name: &'static core::ffi::CStr, t: core::ffi::c_int, offset: usize, doc: &'static core::ffi::CStr) -> PyMemberDef {
    PyMemberDef { name: name.as_ptr(), r#type: t, offset: offset as isize, flags: READONLY, doc: doc.as_ptr() }
}

static mut ENCODER_MEMBERS: [PyMemberDef; 9] = [
    member(c"markers", T_OBJECT, core::mem::offset_of!(Encoder, markers), c"markers"),
    member(c"default", T_OBJECT, core::mem::offset_of!(Encoder, default), c"default"),
    member(c"encoder", T_OBJECT, core::mem::offset_of!(Encoder, encoder), c"encoder"),
    member(c"indent", T_OBJECT, core::mem::offset_of!(Encoder, indent), c"indent"),
    member(c"key_separator", T_OBJECT, core::mem::offset_of!(Encoder, key_separator), c"key_separator"),
    member(c"item_separator", T_OBJECT, core::mem::offset_of!(Encoder, item_separator), c"item_separator"),
    member(c"sort_keys", T_BOOL, core::mem::offset_of!(Encoder, sort_keys), c"sort_keys"),
    member(c"skipkeys", T_BOOL, core::mem::offset_of!(Encoder, skipkeys), c"skipkeys"),
    crate::errors::baseexception::END_MEMBER,
];

type MethO = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;

/// Which string encoding `f` stands for: `_json`'s own escapers are recognised by their C
/// function, as CPython does.
unsafe fn string_encoding(f: *mut PyObject) -> StrEncoding {
    if !crate::objects::cfunction::is_cfunction(f) {
        return StrEncoding::Call;
    }
    let meth = crate::objects::cfunction::PyCFunction_GetFunction(f).map(|m| m as usize);
    if meth == Some(crate::modules::json_module::encode_basestring_ascii as MethO as usize) {
        StrEncoding::Ascii
    } else if meth == Some(crate::modules::json_module::encode_basestring as MethO as usize) {
        StrEncoding::Unicode
    } else {
        StrEncoding::Call
    }
}

unsafe extern "C" fn encoder_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    ret((|| {
        static PARAMS: Params = Params {
            function: "make_encoder",
            names: &["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"],
            positional_only: 0,
            max_positional: 9,
            required: 9,
        };
        let a = bind_tuple_dict_array::<9>(&PARAMS, args, kwargs)?;
        for (i, &sep) in a[4..6].iter().enumerate() {
            if !pystr::is_str(sep) {
                return Err(type_error(format!("make_encoder() argument {} must be str, not {}", i + 5, tp_name(sep))));
            }
        }
        let markers = a[0];
        if markers != none() && !dict::is_dict(markers) {
            return Err(type_error(format!("make_encoder() argument 1 must be dict or None, not {}", tp_name(markers))));
        }
        let flag = |o: *mut PyObject| crate::abstract_::object::is_true(o);
        let (sort_keys, skipkeys, allow_nan) = (flag(a[6])?, flag(a[7])?, flag(a[8])?);
        let op = temp_alloc::malloc_object(&raw mut Encoder_Type, core::mem::size_of::<Encoder>());
        let op = PyRef::from_owned(op).ok_or_else(no_memory)?;
        let e = op.as_ptr() as *mut Encoder;
        core::ptr::addr_of_mut!((*e).markers).write(new_ref(markers));
        core::ptr::addr_of_mut!((*e).default).write(new_ref(a[1]));
        core::ptr::addr_of_mut!((*e).encoder).write(new_ref(a[2]));
        core::ptr::addr_of_mut!((*e).indent).write(new_ref(a[3]));
        core::ptr::addr_of_mut!((*e).key_separator).write(new_ref(a[4]));
        core::ptr::addr_of_mut!((*e).item_separator).write(new_ref(a[5]));
        core::ptr::addr_of_mut!((*e).sort_keys).write(sort_keys as c_char);
        core::ptr::addr_of_mut!((*e).skipkeys).write(skipkeys as c_char);
        core::ptr::addr_of_mut!((*e).allow_nan).write(allow_nan);
        core::ptr::addr_of_mut!((*e).strings).write(string_encoding(a[2]));
        Ok(op)
    })())
}

unsafe extern "C" fn encoder_dealloc(op: *mut PyObject) {
    let e = op as *mut Encoder;
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*e).markers));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*e).default));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*e).encoder));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*e).indent));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*e).key_separator));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*e).item_separator));
    temp_alloc::free_object(op.cast());
}

unsafe extern "C" fn encoder_call(op: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    ret((|| {
        static PARAMS: Params = Params { function: "_iterencode", names: &["obj", "_current_indent_level"], positional_only: 0, max_positional: 2, required: 2 };
        let [obj, level] = bind_tuple_dict_array::<2>(&PARAMS, args, kwargs)?;
        crate::modules::sre::pattern::ssize_arg(Some(level), 0)?;
        let mut out = Text::Narrow(Vec::with_capacity(64));
        encode_obj(&*(op as *mut Encoder), &mut out, obj)?;
        list::from_vec(vec![out.finish()?])
    })())
}

/// The output: Latin-1 bytes until a wider code point arrives, then code points.
enum Text {
    Narrow(Vec<u8>),
    Wide(Vec<u32>),
}

impl Text {
    #[inline]
    fn ascii(&mut self, s: &[u8]) {
        match self {
            Text::Narrow(v) => v.extend_from_slice(s),
            Text::Wide(v) => v.extend(s.iter().map(|&b| b as u32)),
        }
    }

    #[inline]
    fn byte(&mut self, b: u8) {
        match self {
            Text::Narrow(v) => v.push(b),
            Text::Wide(v) => v.push(b as u32),
        }
    }

    fn widen(&mut self) -> &mut Vec<u32> {
        if let Text::Narrow(v) = self {
            *self = Text::Wide(v.iter().map(|&b| b as u32).collect());
        }
        match self {
            Text::Wide(v) => v,
            Text::Narrow(_) => unreachable!(),
        }
    }

    fn code_point(&mut self, c: u32) {
        match self {
            Text::Narrow(v) if c < 0x100 => v.push(c as u8),
            _ => self.widen().push(c),
        }
    }

    /// Appends a str's text unchanged.
    unsafe fn str(&mut self, s: *mut PyObject) {
        match (str_access::units(s), &mut *self) {
            (Units::One(u), Text::Narrow(v)) => v.extend_from_slice(u),
            (Units::One(u), Text::Wide(v)) => v.extend(u.iter().map(|&c| c as u32)),
            (Units::Two(u), _) => self.widen().extend(u.iter().map(|&c| c as u32)),
            (Units::Four(u), _) => self.widen().extend_from_slice(u),
        }
    }

    fn finish(self) -> PyResult<PyRef> {
        match self {
            Text::Narrow(v) => str_access::from_ucs1(&v),
            Text::Wide(v) => str_access::from_ucs4(&v),
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[inline]
fn escape_u(out: &mut Text, v: u32) {
    out.ascii(&[b'\\', b'u', HEX[(v >> 12) as usize & 15], HEX[(v >> 8) as usize & 15], HEX[(v >> 4) as usize & 15], HEX[v as usize & 15]]);
}

/// One code point of a JSON string body; `ascii` escapes everything past U+007E.
#[inline]
fn escape_char(out: &mut Text, c: u32, ascii: bool) {
    match c {
        0x22 => out.ascii(b"\\\""),
        0x5c => out.ascii(b"\\\\"),
        0x0a => out.ascii(b"\\n"),
        0x0d => out.ascii(b"\\r"),
        0x09 => out.ascii(b"\\t"),
        0x08 => out.ascii(b"\\b"),
        0x0c => out.ascii(b"\\f"),
        c if c < 0x20 => escape_u(out, c),
        c if ascii && c > 0x7e => {
            if c >= 0x10000 {
                let v = c - 0x10000;
                escape_u(out, 0xd800 | (v >> 10));
                escape_u(out, 0xdc00 | (v & 0x3ff));
            } else {
                escape_u(out, c);
            }
        }
        c => out.code_point(c),
    }
}

/// Whether a byte is copied as it is in ASCII mode.
#[inline]
fn plain_ascii(b: u8) -> bool {
    (0x20..=0x7e).contains(&b) && b != b'"' && b != b'\\'
}

/// `s` as a quoted JSON string (what `encode_basestring(_ascii)` return).
unsafe fn quote_into(out: &mut Text, s: *mut PyObject, ascii: bool) {
    out.byte(b'"');
    match str_access::units(s) {
        Units::One(u) => {
            // Runs of plain bytes are copied whole.
            let mut start = 0;
            for (i, &b) in u.iter().enumerate() {
                if plain_ascii(b) || (!ascii && b >= 0x7f) {
                    continue;
                }
                if start < i {
                    push_latin1(out, &u[start..i]);
                }
                escape_char(out, b as u32, ascii);
                start = i + 1;
            }
            if start < u.len() {
                push_latin1(out, &u[start..]);
            }
        }
        Units::Two(u) => u.iter().for_each(|&c| escape_char(out, c as u32, ascii)),
        Units::Four(u) => u.iter().for_each(|&c| escape_char(out, c, ascii)),
    }
    out.byte(b'"');
}

#[inline]
fn push_latin1(out: &mut Text, s: &[u8]) {
    match out {
        Text::Narrow(v) => v.extend_from_slice(s),
        Text::Wide(v) => v.extend(s.iter().map(|&b| b as u32)),
    }
}

/// `encode_basestring(_ascii)(s)` for a str `s`.
pub(crate) unsafe fn quote(s: *mut PyObject, ascii: bool) -> PyResult<PyRef> {
    let mut out = Text::Narrow(Vec::with_capacity(pystr::len(s) + 2));
    quote_into(&mut out, s, ascii);
    out.finish()
}

unsafe fn encode_string(e: &Encoder, out: &mut Text, s: *mut PyObject) -> PyResult<()> {
    match e.strings {
        StrEncoding::Ascii => quote_into(out, s, true),
        StrEncoding::Unicode => quote_into(out, s, false),
        StrEncoding::Call => {
            let r = owned(crate::abstract_::call::PyObject_CallOneArg(e.encoder.as_ptr(), s))?;
            if !pystr::is_str(r.as_ptr()) {
                return Err(type_error(format!("encoder() must return a string, not {:.80}", tp_name(r.as_ptr()))));
            }
            out.str(r.as_ptr());
        }
    }
    Ok(())
}

/// `int.__repr__` of an int (or subclass), with the digit limit.
unsafe fn int_text(out: &mut Text, o: *mut PyObject) -> PyResult<()> {
    if let Some(v) = int::medium_value(o) {
        let mut buf = [0u8; 20];
        out.ascii(crate::objects::long_str::i64_decimal(v, &mut buf).as_bytes());
    } else {
        out.ascii(crate::objects::long_str::to_decimal_string(o)?.as_bytes());
    }
    Ok(())
}

/// `float.__repr__` of a float (or subclass); the non-finite values as JavaScript names.
unsafe fn float_text(e: &Encoder, out: &mut Text, o: *mut PyObject) -> PyResult<()> {
    let v = float::value(o);
    if !v.is_finite() {
        if !e.allow_nan {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "Out of range float values are not JSON compliant"));
        }
        out.ascii(if v > 0.0 { b"Infinity" } else if v < 0.0 { b"-Infinity" } else { b"NaN" });
        return Ok(());
    }
    out.ascii(crate::runtime::strtod::repr_double(v).as_bytes());
    Ok(())
}

/// Records `o` in the markers (when checking is on): its `id` as an owned int, or the
/// "Circular reference detected" ValueError when it is already being encoded.
unsafe fn mark(e: &Encoder, o: *mut PyObject) -> PyResult<Option<PyRef>> {
    let markers = e.markers.as_ptr();
    if markers == none() {
        return Ok(None);
    }
    let ident = owned(crate::objects::long_convert::PyLong_FromVoidPtr(o.cast()))?;
    if dict::get_item(markers, ident.as_ptr())?.is_some() {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "Circular reference detected"));
    }
    dict::set_item(markers, ident.as_ptr(), o)?;
    Ok(Some(ident))
}

unsafe fn unmark(e: &Encoder, ident: Option<PyRef>) -> PyResult<()> {
    if let Some(ident) = ident {
        if !dict::del_item(e.markers.as_ptr(), ident.as_ptr())? {
            return Err(raise_type(&raw mut exc::_PyExc_KeyError, ""));
        }
    }
    Ok(())
}

const NESTING: &str = " while encoding a JSON object";

unsafe fn encode_obj(e: &Encoder, out: &mut Text, o: *mut PyObject) -> PyResult<()> {
    if o == none() {
        out.ascii(b"null");
    } else if o == pybool::true_() {
        out.ascii(b"true");
    } else if o == pybool::false_() {
        out.ascii(b"false");
    } else if pystr::is_str(o) {
        encode_string(e, out, o)?;
    } else if int::is_int(o) {
        int_text(out, o)?;
    } else if float::is_float(o) {
        float_text(e, out, o)?;
    } else if list::is_list(o) || tuple::is_tuple(o) {
        with_recursion_guard(NESTING, || encode_list(e, out, o))?;
    } else if dict::is_dict(o) {
        with_recursion_guard(NESTING, || encode_dict(e, out, o))?;
    } else {
        let ident = mark(e, o)?;
        let converted = owned(crate::abstract_::call::PyObject_CallOneArg(e.default.as_ptr(), o))?;
        with_recursion_guard(NESTING, || encode_obj(e, out, converted.as_ptr()))?;
        unmark(e, ident)?;
    }
    Ok(())
}

/// A list's or tuple's item `i`, owned (a `default` call may shrink the list meanwhile).
unsafe fn seq_item(o: *mut PyObject, i: usize) -> Option<PyRef> {
    let items = if list::is_list(o) { list::items(o) } else { tuple::items(o) };
    items.get(i).map(|&p| new_ref(p))
}

unsafe fn encode_list(e: &Encoder, out: &mut Text, o: *mut PyObject) -> PyResult<()> {
    if seq_item(o, 0).is_none() {
        out.ascii(b"[]");
        return Ok(());
    }
    let ident = mark(e, o)?;
    out.byte(b'[');
    let mut i = 0;
    while let Some(item) = seq_item(o, i) {
        if i > 0 {
            out.str(e.item_separator.as_ptr());
        }
        encode_obj(e, out, item.as_ptr())?;
        i += 1;
    }
    unmark(e, ident)?;
    out.byte(b']');
    Ok(())
}

/// A dict key as JSON text (a quoted string), or None for a key `skipkeys` drops.
unsafe fn encode_key(e: &Encoder, out: &mut Text, key: *mut PyObject) -> PyResult<bool> {
    if pystr::is_str(key) {
        encode_string(e, out, key)?;
        return Ok(true);
    }
    // Non-str keys are first made text, then quoted.
    let mut text = Text::Narrow(Vec::new());
    if float::is_float(key) {
        float_text(e, &mut text, key)?;
    } else if key == pybool::true_() {
        text.ascii(b"true");
    } else if key == pybool::false_() {
        text.ascii(b"false");
    } else if key == none() {
        text.ascii(b"null");
    } else if int::is_int(key) {
        int_text(&mut text, key)?;
    } else if e.skipkeys != 0 {
        return Ok(false);
    } else {
        return Err(type_error(format!("keys must be str, int, float, bool or None, not {:.100}", tp_name(key))));
    }
    let kstr = text.finish()?;
    encode_string(e, out, kstr.as_ptr())?;
    Ok(true)
}

unsafe fn encode_dict(e: &Encoder, out: &mut Text, o: *mut PyObject) -> PyResult<()> {
    if dict::len(o) == 0 {
        out.ascii(b"{}");
        return Ok(());
    }
    let ident = mark(e, o)?;
    out.byte(b'{');
    // Owned pairs: encoding a value may run code that changes the dict.
    let pairs: Vec<(PyRef, PyRef)> = if dict::is_exact(o) && e.sort_keys == 0 {
        dict::items(o).into_iter().map(|(k, v)| (new_ref(k), new_ref(v))).collect()
    } else {
        let items = owned(crate::abstract_::mapping::PyMapping_Items(o))?;
        if e.sort_keys != 0 {
            crate::objects::list_sort::sort(items.as_ptr(), None, false)?;
        }
        let mut pairs = Vec::with_capacity(list::len(items.as_ptr()));
        for &item in list::items(items.as_ptr()) {
            if !tuple::is_tuple(item) || tuple::len(item) != 2 {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "items must return 2-tuples"));
            }
            let kv = tuple::items(item);
            pairs.push((new_ref(kv[0]), new_ref(kv[1])));
        }
        pairs
    };
    let mut first = true;
    for (key, value) in &pairs {
        let mark_len = match out {
            Text::Narrow(v) => v.len(),
            Text::Wide(v) => v.len(),
        };
        if !first {
            out.str(e.item_separator.as_ptr());
        }
        if !encode_key(e, out, key.as_ptr())? {
            // Skipped: drop the separator written for it.
            match out {
                Text::Narrow(v) => v.truncate(mark_len),
                Text::Wide(v) => v.truncate(mark_len),
            }
            continue;
        }
        first = false;
        out.str(e.key_separator.as_ptr());
        encode_obj(e, out, value.as_ptr())?;
    }
    unmark(e, ident)?;
    out.byte(b'}');
    Ok(())
}

/// Adds `make_encoder` to the `_json` module dict `d`.
pub(crate) unsafe fn add_to(d: *mut PyObject) -> PyResult<()> {
    dict::set_item(d, pystr::intern("make_encoder")?.as_ptr(), (&raw mut Encoder_Type).cast())
}
