//! Making arrays: `array.array(typecode[, initializer])` and `_array_reconstructor`, the
//! function protocol-3+ pickles call with the items' bytes in a machine format.
use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::owned;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{bytearray, bytes, list, str as pystr, tuple};

use super::item::{self, Desc, Kind, DESCS};
use super::methods;
use super::object::{self as arr, array_type, desc, is_array};

/// The code point of a 1-character str argument, else "`who` argument `n` must be a unicode
/// character, not T".
unsafe fn code_arg(who: &str, n: usize, o: *mut PyObject) -> PyResult<u32> {
    if pystr::is_str(o) && pystr::len(o) == 1 {
        return Ok(pystr::read_char(o, 0));
    }
    let what = if pystr::is_str(o) { "str".to_string() } else { tp_name(o) };
    Err(type_error(format!("{who} argument {n} must be a unicode character, not {what}")))
}

fn bad_typecode() -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
}

/// Fills the new array `a` from `initial`.
unsafe fn fill(a: *mut PyObject, initial: *mut PyObject) -> PyResult<()> {
    if list::is_list(initial) {
        return methods::from_list(a, initial);
    }
    if is_array(initial) && desc(initial).code == desc(a).code {
        return methods::extend_with(a, initial);
    }
    if tuple::is_tuple(initial) {
        arr::reserve_exact(a, tuple::len(initial) * desc(a).size)?;
        for &v in tuple::items(initial) {
            arr::append(a, v)?;
        }
        return Ok(());
    }
    if bytes::is_bytes(initial) {
        return methods::from_raw(a, bytes::as_slice(initial));
    }
    if bytearray::is_bytearray(initial) {
        let copy = bytearray::as_slice(initial).to_vec();
        return methods::from_raw(a, &copy);
    }
    if pystr::is_str(initial) {
        return methods::from_str(a, initial);
    }
    let it = crate::abstract_::iter::get_iter(initial)?;
    while let Some(v) = crate::abstract_::iter::next(it.as_ptr())? {
        arr::append(a, v.as_ptr())?;
    }
    Ok(())
}

pub(crate) unsafe fn make(tp: *mut PyTypeObject, code: u32, initial: Option<*mut PyObject>) -> PyResult<PyRef> {
    if let Some(init) = initial {
        if code != 'u' as u32 {
            if pystr::is_str(init) {
                let c = char::from_u32(code).unwrap_or('?');
                return Err(type_error(format!("cannot use a str to initialize an array with typecode '{c}'")));
            }
            if is_array(init) && desc(init).kind == Kind::Char {
                let c = char::from_u32(code).unwrap_or('?');
                return Err(type_error(format!("cannot use a unicode array to initialize an array with typecode '{c}'")));
            }
        }
    }
    let d = item::desc(code).ok_or_else(bad_typecode)?;
    let a = arr::new(tp, d)?;
    if let Some(init) = initial {
        fill(a.as_ptr(), init)?;
    }
    Ok(a)
}

pub(crate) unsafe extern "C" fn array_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if tp == array_type() && !kw.is_null() && crate::objects::dict::len(kw) > 0 {
            return Err(type_error("array.array() takes no keyword arguments"));
        }
        let a = tuple::items(args);
        match a.len() {
            0 => return Err(type_error("array() takes at least 1 argument (0 given)")),
            1 | 2 => {}
            n => return Err(type_error(format!("array() takes at most 2 arguments ({n} given)"))),
        }
        let code = code_arg("array()", 1, a[0])?;
        make(tp, code, a.get(1).copied())
    })())
}

/// A machine format: item size, signedness, big-endianness, what the items are.
struct MFormat {
    size: usize,
    signed: bool,
    big: bool,
    kind: Kind,
}

/// The machine formats by code (0..=21). The UTF-16/UTF-32 entries carry the sizes
/// CPython checks the data length against (4 and 8).
fn mformat(code: i64) -> Option<MFormat> {
    let m = |size, signed, big, kind| Some(MFormat { size, signed, big, kind });
    match code {
        0 | 1 => m(1, code == 1, false, Kind::Int),
        2..=13 => m(2 << ((code - 2) / 4), (code - 2) % 4 >= 2, code % 2 == 1, Kind::Int),
        14 | 15 => m(4, true, code == 15, Kind::Float),
        16 | 17 => m(8, true, code == 17, Kind::Float),
        18 | 19 => m(4, false, code == 19, Kind::Char),
        20 | 21 => m(8, false, code == 21, Kind::Char),
        _ => None,
    }
}

/// The integer stored in `b` (1 to 8 bytes) in the given order.
fn read_int(b: &[u8], signed: bool, big: bool) -> i128 {
    let mut v: u64 = 0;
    for k in 0..b.len() {
        let byte = if big { b[k] } else { b[b.len() - 1 - k] };
        v = (v << 8) | byte as u64;
    }
    let bits = b.len() * 8;
    if signed && bits < 64 && v >> (bits - 1) & 1 == 1 {
        (v as i128) - (1i128 << bits)
    } else if signed && bits == 64 {
        v as i64 as i128
    } else {
        v as i128
    }
}

unsafe fn reconstruct(a: &[*mut PyObject]) -> PyResult<PyRef> {
    let (tp, code, mf, items) = (a[0], a[1], a[2], a[3]);
    if !crate::object::type_layout::is_type(tp) {
        return Err(type_error(format!("first argument must be a type object, not {}", tp_name(tp))));
    }
    let tp = tp as *mut PyTypeObject;
    if !crate::object::typetype::is_subtype(tp, array_type()) {
        return Err(type_error(format!("{} is not a subtype of array.array", crate::abstract_::type_name_of(tp))));
    }
    let code = code_arg("_array_reconstructor()", 2, code)?;
    let mf_code = crate::objects::long_convert::as_i64_with(mf, "Python int too large to convert to C int")?;
    if !bytes::is_bytes(items) {
        return Err(type_error(format!("fourth argument should be bytes, not {}", tp_name(items))));
    }
    let d: &'static Desc = item::desc(code).ok_or_else(|| raise_type(&raw mut exc::_PyExc_ValueError, "second argument must be a valid type code"))?;
    let Some(m) = mformat(mf_code) else {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "third argument must be a valid machine format code."));
    };
    let data = bytes::as_slice(items);
    if d.mformat as i64 == mf_code {
        let a = arr::new(tp, d)?;
        methods::from_raw(a.as_ptr(), data)?;
        return Ok(a);
    }
    if data.len() % m.size != 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "string length not a multiple of item size"));
    }
    match m.kind {
        Kind::Float => {
            let a = arr::new(tp, d)?;
            for chunk in data.chunks_exact(m.size) {
                let p = chunk.as_ptr() as *const core::ffi::c_char;
                let le = (!m.big) as core::ffi::c_int;
                let x = if m.size == 4 { crate::objects::float_pack::PyFloat_Unpack4(p, le) } else { crate::objects::float_pack::PyFloat_Unpack8(p, le) };
                let f = crate::objects::float::new(x)?;
                arr::append(a.as_ptr(), f.as_ptr())?;
            }
            Ok(a)
        }
        Kind::Char => {
            let mut order: core::ffi::c_int = if m.big { 1 } else { -1 };
            let p = data.as_ptr() as *const core::ffi::c_char;
            let s = owned(if m.size == 4 {
                crate::codecs::utf16::PyUnicode_DecodeUTF16(p, data.len() as isize, c"strict".as_ptr(), &mut order)
            } else {
                crate::codecs::utf32::PyUnicode_DecodeUTF32(p, data.len() as isize, c"strict".as_ptr(), &mut order)
            })?;
            make(tp, code, Some(s.as_ptr()))
        }
        Kind::Int => {
            // The items keep their own width and signedness: the code is chosen by them (the
            // last of the codes that fit, as CPython: `q`/`Q` over `l`/`L`).
            let d = DESCS.iter().rev().find(|d| d.kind == Kind::Int && d.size == m.size && d.signed == m.signed).unwrap();
            let a = arr::new(tp, d)?;
            for chunk in data.chunks_exact(m.size) {
                let v = crate::objects::int::from_i128(read_int(chunk, m.signed, m.big))?;
                arr::append(a.as_ptr(), v.as_ptr())?;
            }
            Ok(a)
        }
    }
}

pub(crate) unsafe extern "C" fn array_reconstructor(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = crate::modules::zlib::positional("_array_reconstructor", args, nargs, 4, 4)?;
        reconstruct(a)
    })())
}
