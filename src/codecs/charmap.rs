//! The charmap codec, which the table-driven `encodings` modules (`cp1252`, `cp437`,
//! `mac_roman`, ...) are built on: decoding maps each byte through a str table (one
//! character per byte, U+FFFE = undefined) or any mapping (`mapping[byte]` -> int, str or
//! None); encoding maps each character through an `EncodingMap` (built once from the
//! decoding table by `charmap_build`) or any mapping (`mapping[ord(c)]` -> int, bytes or
//! None). A missing key (LookupError) or None means "undefined". Without a mapping both
//! directions are Latin-1, as in CPython.
//!
//! C-API: `PyUnicode_DecodeCharmap`, `PyUnicode_AsCharmapString`, `_PyUnicode_EncodeCharmap`,
//! `PyUnicode_BuildEncodingMap`.
use core::ffi::c_char;

use crate::abstract_::{none, ret_obj, tp_name, type_error};
use crate::codecs::decoder::{Decoder, SurrogateForm};
use crate::codecs::encoder::{Encoder, EncoderSpec};
use crate::codecs::error_mode::{c_name, ErrorMode, Mode};
use crate::codecs::str_view::StrView;
use crate::codecs::utf8::{c_buffer, str_arg};
use crate::codecs::latin1;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{bytes, dict, int, str as pystr};
use crate::pyport::Py_ssize_t;

const UNDEFINED: &str = "character maps to <undefined>";
/// The decoding tables' "no character here" mark.
const UNMAPPED: u32 = 0xFFFE;

/// Whether the pending exception is a LookupError (then cleared): a mapping without the key.
unsafe fn take_lookup_error() -> bool {
    if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_LookupError as *mut PyObject) != 0 {
        crate::errors::pyerr::PyErr_Clear();
        return true;
    }
    false
}

/// `mapping[key]`, None when the mapping has no such key.
unsafe fn map_lookup(mapping: *mut PyObject, key: u32) -> PyResult<Option<PyRef>> {
    let k = int::from_i64(key as i64)?;
    match PyRef::from_owned(crate::abstract_::item::PyObject_GetItem(mapping, k.as_ptr())) {
        Some(v) => Ok(Some(v)),
        None if take_lookup_error() => Ok(None),
        None => Err(Raised::assume_set()),
    }
}

// ---- decoding ---------------------------------------------------------------------------

/// Decodes `data` through `mapping` (NULL or None: Latin-1).
pub(crate) unsafe fn decode(data: &[u8], owner: *mut PyObject, mapping: *mut PyObject, errors: ErrorMode) -> PyResult<PyRef> {
    if mapping.is_null() || mapping == none() {
        return latin1::decode(data);
    }
    let table = if pystr::is_str(mapping) { Some(StrView::new(mapping)) } else { None };
    if let Some(t) = &table {
        if let Some(text) = decode_all_mapped(data, t)? {
            return Ok(text);
        }
    }
    let mut d = Decoder::new("charmap", data, owner, errors, SurrogateForm::None);
    let mut i = 0;
    while i < d.input().len() {
        let b = d.input()[i];
        let mapped = match &table {
            Some(t) => {
                let c = if (b as usize) < t.len { t.get(b as usize) } else { UNMAPPED };
                if c != UNMAPPED {
                    d.push(c);
                    true
                } else {
                    false
                }
            }
            None => decode_through(&mut d, mapping, b)?,
        };
        i = if mapped { i + 1 } else { d.error(i, i + 1, UNDEFINED)? };
    }
    d.finish()
}

/// Decodes `data` through a str table when every byte is mapped (the common case): one pass
/// finds the widest character, a second writes the str of that kind in place. None (and
/// nothing made) when a byte is unmapped, for the general loop and its error handler.
unsafe fn decode_all_mapped(data: &[u8], table: &StrView) -> PyResult<Option<PyRef>> {
    let mut lut = [UNMAPPED; 256];
    table.copy_to_u32(&mut lut);
    // Which bytes occur (a store per byte), then the widest character and any unmapped
    // one among those 256 at most.
    let mut seen = [false; 256];
    for &b in data {
        seen[b as usize] = true;
    }
    let mut widest = 0u32;
    for (b, &c) in lut.iter().enumerate() {
        if seen[b] {
            if c == UNMAPPED {
                return Ok(None);
            }
            widest = widest.max(c);
        }
    }
    let text = pystr::new_compact(data.len(), widest)?;
    let out = pystr::data(text.as_ptr());
    match pystr::kind(text.as_ptr()) {
        1 => data.iter().enumerate().for_each(|(i, &b)| *out.add(i) = lut[b as usize] as u8),
        2 => data.iter().enumerate().for_each(|(i, &b)| *(out as *mut u16).add(i) = lut[b as usize] as u16),
        _ => data.iter().enumerate().for_each(|(i, &b)| *(out as *mut u32).add(i) = lut[b as usize]),
    }
    Ok(Some(text))
}

/// Pushes what a general mapping gives for byte `b`; false when it is undefined.
unsafe fn decode_through(d: &mut Decoder, mapping: *mut PyObject, b: u8) -> PyResult<bool> {
    let Some(v) = map_lookup(mapping, b as u32)? else { return Ok(false) };
    let v = v.as_ptr();
    if v == none() {
        return Ok(false);
    }
    if int::is_int(v) {
        let c = crate::objects::long_convert::as_i64(v).ok().filter(|c| (0..0x110000).contains(c));
        let Some(c) = c else {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error("character mapping must be in range(0x110000)"));
        };
        if c as u32 == UNMAPPED {
            return Ok(false);
        }
        d.push(c as u32);
        return Ok(true);
    }
    if pystr::is_str(v) {
        let view = StrView::new(v);
        if view.len == 1 && view.get(0) == UNMAPPED {
            return Ok(false);
        }
        (0..view.len).for_each(|i| d.push(view.get(i)));
        return Ok(true);
    }
    Err(type_error("character mapping must return integer, None or str"))
}

// ---- the encoding map --------------------------------------------------------------------

/// `EncodingMap`: code point -> byte, made from a 256-character decoding table (BMP
/// characters only, as CPython's). A two-level table: the high byte of the code point picks
/// a page of 256 entries, the low byte the entry; no branch and two loads a character.
#[repr(C)]
struct EncodingMap {
    ob_base: PyObject,
    map: *mut EncodingTable,
}

struct EncodingTable {
    /// Page of each high byte in `pages` (0: the page where nothing is mapped).
    page_of: [u16; 256],
    /// Byte for each low byte, or -1; `pages[0]` is all -1.
    pages: Vec<[i16; 256]>,
}

impl EncodingTable {
    #[inline(always)]
    fn get(&self, c: u32) -> Option<u8> {
        if c > 0xFFFF {
            return None;
        }
        let b = self.pages[self.page_of[(c >> 8) as usize] as usize][(c & 0xFF) as usize];
        (b >= 0).then_some(b as u8)
    }

    fn set(&mut self, c: u32, byte: u8) {
        let hi = (c >> 8) as usize;
        if self.page_of[hi] == 0 {
            self.page_of[hi] = self.pages.len() as u16;
            self.pages.push([-1; 256]);
        }
        self.pages[self.page_of[hi] as usize][(c & 0xFF) as usize] = byte as i16;
    }
}

/// The `EncodingMap` type (CPython's name; not exposed anywhere but through `type()`).
pub static mut EncodingMap_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(encoding_map_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut ENCODING_MAP_METHODS) as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"EncodingMap", core::mem::size_of::<EncodingMap>(), 0, 0, None)
};

static mut ENCODING_MAP_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"size", encoding_map_size, crate::object::methods::METH_NOARGS)
        .doc(c"Return the size (in bytes) of this object"),
    crate::object::method_table::END,
];

unsafe extern "C" fn encoding_map_size(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let t = &*(*(op as *mut EncodingMap)).map;
    let size = core::mem::size_of::<EncodingMap>() + core::mem::size_of::<EncodingTable>() + t.pages.len() * 512;
    ret_obj(int::from_i64(size as i64))
}

unsafe extern "C" fn encoding_map_dealloc(op: *mut PyObject) {
    let m = op as *mut EncodingMap;
    if !(*m).map.is_null() {
        drop(Box::from_raw((*m).map));
    }
    crate::object::pymem::PyObject_Free(op as *mut core::ffi::c_void);
}

unsafe fn is_encoding_map(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut EncodingMap_Type
}

/// `charmap_build(table)`: an `EncodingMap` for a 256-character BMP table starting with
/// U+0000 (the shape of every `encodings` table), else a dict `{ord(c): i}` (later
/// duplicates win), as CPython decides.
pub(crate) unsafe fn build(table: *mut PyObject) -> PyResult<PyRef> {
    let v = StrView::new(table);
    let compact = v.len == 256 && v.get(0) == 0 && (0..v.len).all(|i| v.get(i) < 0x10000);
    if !compact {
        let d = dict::new()?;
        for i in 0..v.len {
            dict::set_item(d.as_ptr(), int::from_i64(v.get(i) as i64)?.as_ptr(), int::from_i64(i as i64)?.as_ptr())?;
        }
        return Ok(d);
    }
    let mut t = EncodingTable { page_of: [0; 256], pages: vec![[-1; 256]] };
    // The last byte for each character wins (as CPython); U+FFFE marks unmapped bytes.
    for i in 0..256 {
        let c = v.get(i);
        if c != UNMAPPED {
            t.set(c, i as u8);
        }
    }
    let op = PyRef::from_owned(crate::object::pymem::PyObject_Malloc(core::mem::size_of::<EncodingMap>()) as *mut PyObject)
        .ok_or_else(no_memory)?;
    let p = op.as_ptr();
    core::ptr::write(p, PyObject { ob_refcnt: 1, ob_type: &raw mut EncodingMap_Type });
    (*(p as *mut EncodingMap)).map = Box::into_raw(Box::new(t));
    Ok(op)
}

// ---- encoding ----------------------------------------------------------------------------

fn write_byte(out: &mut Vec<u8>, c: u32) {
    out.push(c as u8);
}

const SPEC: EncoderSpec = EncoderSpec { encoding: "charmap", write: write_byte, rep_limit: 0x100, unit: 1, surrogates: false };

/// Appends what `mapping` gives for `c`; false when it is undefined.
unsafe fn encode_char(out: &mut Vec<u8>, mapping: *mut PyObject, c: u32) -> PyResult<bool> {
    if is_encoding_map(mapping) {
        return Ok(match (*(*(mapping as *mut EncodingMap)).map).get(c) {
            Some(b) => {
                out.push(b);
                true
            }
            None => false,
        });
    }
    let Some(v) = map_lookup(mapping, c)? else { return Ok(false) };
    let v = v.as_ptr();
    if v == none() {
        return Ok(false);
    }
    if int::is_int(v) {
        let b = crate::objects::long_convert::as_i64(v).ok().filter(|b| (0..256).contains(b));
        let Some(b) = b else {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error("character mapping must be in range(256)"));
        };
        out.push(b as u8);
        return Ok(true);
    }
    if bytes::is_bytes(v) {
        out.extend_from_slice(bytes::as_slice(v));
        return Ok(true);
    }
    Err(type_error(format!("character mapping must return integer, bytes or None, not {}", tp_name(v))))
}

/// Encodes the characters of `text` through the mapping; false if one is undefined.
unsafe fn encode_text(out: &mut Vec<u8>, mapping: *mut PyObject, text: impl Iterator<Item = u32>) -> PyResult<bool> {
    for c in text {
        if !encode_char(out, mapping, c)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Encodes the str `s` through an `EncodingMap` when it maps every character (the common
/// case): one byte a character, written straight into the bytes object. None (and nothing
/// made) at an unmapped character, for the general loop and its error handler.
unsafe fn encode_all_mapped(s: *mut PyObject, t: &EncodingTable) -> PyResult<Option<PyRef>> {
    unsafe fn write<T: Copy + Into<u32>>(units: &[T], t: &EncodingTable, out: *mut u8) -> bool {
        // Unmapped entries are -1: OR-ed together, the sign says whether one was met, so
        // the loop has no exit to predict.
        let mut any_unmapped = 0i16;
        for (i, &u) in units.iter().enumerate() {
            let c: u32 = u.into();
            let b = if c > 0xFFFF { -1 } else { t.pages[t.page_of[(c >> 8) as usize] as usize][(c & 0xFF) as usize] };
            any_unmapped |= b;
            *out.add(i) = b as u8;
        }
        any_unmapped >= 0
    }
    let n = pystr::len(s);
    if n < 2 {
        // The shared 0- and 1-byte objects: the general path.
        return Ok(None);
    }
    let b = bytes::alloc(n)?;
    let (data, out) = (pystr::data(s), bytes::data_ptr(b.as_ptr()));
    let ok = match pystr::kind(s) {
        1 => write(core::slice::from_raw_parts(data, n), t, out),
        2 => write(core::slice::from_raw_parts(data as *const u16, n), t, out),
        _ => write(core::slice::from_raw_parts(data as *const u32, n), t, out),
    };
    Ok(ok.then_some(b))
}

/// Encodes the str `s` through `mapping` (NULL or None: Latin-1).
pub(crate) unsafe fn encode(s: *mut PyObject, mapping: *mut PyObject, errors: ErrorMode) -> PyResult<PyRef> {
    if mapping.is_null() || mapping == none() {
        return latin1::encode(s, errors);
    }
    if is_encoding_map(mapping) {
        if let Some(b) = encode_all_mapped(s, &*(*(mapping as *mut EncodingMap)).map)? {
            return Ok(b);
        }
    }
    let mode = errors.mode;
    let mut e = Encoder::new(SPEC, s, errors, pystr::len(s));
    let v = e.view;
    let mut i = 0;
    while i < v.len {
        if encode_char(&mut e.out, mapping, v.get(i))? {
            i += 1;
            continue;
        }
        // The run of undefined characters goes to the handler at once.
        let mut end = i + 1;
        let mut probe = Vec::new();
        while end < v.len && !encode_char(&mut probe, mapping, v.get(end))? {
            end += 1;
        }
        // Replacement text goes through the mapping too; undefined there is the error.
        let ok = match mode {
            Mode::Strict => false,
            Mode::Ignore => true,
            Mode::Replace => encode_text(&mut e.out, mapping, (i..end).map(|_| b'?' as u32))?,
            Mode::XmlCharRefReplace => {
                let text: String = (i..end).map(|k| format!("&#{};", v.get(k))).collect();
                encode_text(&mut e.out, mapping, text.bytes().map(u32::from))?
            }
            _ => {
                let (rep, pos) = e.handler_answer(i, end, UNDEFINED)?;
                let ok = if pystr::is_str(rep.as_ptr()) {
                    let r = StrView::new(rep.as_ptr());
                    encode_text(&mut e.out, mapping, (0..r.len).map(|k| r.get(k)))?
                } else {
                    e.out.extend_from_slice(bytes::as_slice(rep.as_ptr()));
                    true
                };
                if ok {
                    i = pos;
                    continue;
                }
                false
            }
        };
        if !ok {
            return Err(e.raise(i, end, UNDEFINED));
        }
        i = end;
    }
    e.finish()
}

// ---- C-API -------------------------------------------------------------------------------

/// `PyObject *PyUnicode_DecodeCharmap(const char *data, Py_ssize_t size, PyObject
/// *mapping, const char *errors)`: NULL mapping decodes Latin-1.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeCharmap(s: *const c_char, size: Py_ssize_t, mapping: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj(c_buffer(s, size).and_then(|d| decode(d, core::ptr::null_mut(), mapping, ErrorMode::new(c_name(errors)))))
}

/// `PyObject *PyUnicode_AsCharmapString(PyObject *unicode, PyObject *mapping)`: strict;
/// NULL arguments are `PyErr_BadArgument`'s TypeError.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsCharmapString(unicode: *mut PyObject, mapping: *mut PyObject) -> *mut PyObject {
    if unicode.is_null() || mapping.is_null() {
        let _ = crate::object::pending_error::raise(
            crate::object::pending_error::ExcType::TypeError,
            "bad argument type for built-in operation",
        );
        return core::ptr::null_mut();
    }
    ret_obj(str_arg(unicode).and_then(|s| encode(s, mapping, ErrorMode::STRICT)))
}

/// `PyObject *_PyUnicode_EncodeCharmap(PyObject *unicode, PyObject *mapping, const char
/// *errors)`: NULL mapping encodes Latin-1.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_EncodeCharmap(unicode: *mut PyObject, mapping: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, mapping, ErrorMode::new(c_name(errors)))))
}

/// `PyObject *PyUnicode_BuildEncodingMap(PyObject *string)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_BuildEncodingMap(string: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if string.is_null() || !pystr::is_str(string) {
            return Err(crate::object::pending_error::raise(
                crate::object::pending_error::ExcType::TypeError,
                "bad argument type for built-in operation",
            ));
        }
        build(string)
    })())
}
