//! `complex(real=0, imag=0)` (`tp_new`) and the parsing of `complex(str)`: "1+2j", "(1-j)",
//! "  -1.5e3J ", "nan+infj", underscores between digits, non-ASCII digits and spaces.
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::complex::{
    complex_type, cval, is_complex, new_of_type, try_complex_special_method, type_name_of, Py_complex,
};
use crate::objects::float as float;
use crate::objects::float_new::{number_float, remove_underscores, str_to_ascii_number};
use crate::objects::{dict, str as pystr, tuple};
use crate::runtime::strtod::parse_double_prefix;

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_c_space(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !is_c_space(b)).map_or(start, |i| i + 1);
    &s[start..end]
}

/// The complex that `s` (ASCII, no underscores) spells: `[(] real | imag j | real (+|-) imag j
/// [)]`, where a missing imaginary magnitude is 1 ("1+j", "-j"). None when malformed.
pub(crate) fn parse_complex(s: &[u8]) -> Option<Py_complex> {
    let mut s = trim(s);
    if let Some(inner) = s.strip_prefix(b"(") {
        s = trim(inner.strip_suffix(b")")?);
    }
    let is_j = |b: Option<&u8>| matches!(b, Some(b'j' | b'J'));
    let (real, imag, end) = match parse_double_prefix(s) {
        Some((x, n)) if is_j(s.get(n)) => (0.0, x, n + 1),
        Some((x, n)) if matches!(s.get(n), Some(b'+' | b'-')) => {
            let rest = &s[n..];
            match parse_double_prefix(rest) {
                Some((y, m)) if is_j(rest.get(m)) => (x, y, n + m + 1),
                Some(_) => return None,
                None if is_j(rest.get(1)) => (x, if rest[0] == b'-' { -1.0 } else { 1.0 }, n + 2),
                None => return None,
            }
        }
        Some((x, n)) => (x, 0.0, n),
        None => match s {
            [b'j' | b'J', ..] => (0.0, 1.0, 1),
            [b'+', b'j' | b'J', ..] => (0.0, 1.0, 2),
            [b'-', b'j' | b'J', ..] => (0.0, -1.0, 2),
            _ => return None,
        },
    };
    (end == s.len()).then_some(Py_complex { real, imag })
}

/// `complex(s)` for a str `s`.
///
/// # Safety
/// `v` is a live str.
unsafe fn from_string(v: *mut PyObject) -> PyResult<Py_complex> {
    let text = str_to_ascii_number(v);
    let cleaned;
    let text = if text.contains(&b'_') {
        let Some(c) = remove_underscores(&text) else {
            let shown = crate::objects::float_new::repr_for_message(v);
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                format!("could not convert string to complex: {shown}"),
            ));
        };
        cleaned = c;
        &cleaned[..]
    } else {
        &text[..]
    };
    parse_complex(text)
        .ok_or_else(|| raise_type(&raw mut exc::_PyExc_ValueError, "complex() arg is a malformed string"))
}

/// Whether `op` is usable as a number by complex(): a complex, or has `__float__` or
/// `__index__`.
unsafe fn is_number(op: *mut PyObject) -> bool {
    if is_complex(op) {
        return true;
    }
    let nb = (*(*op).ob_type).tp_as_number;
    !nb.is_null() && ((*nb).nb_float.is_some() || (*nb).nb_index.is_some())
}

/// What `complex(r, i)` computes for exact complex (the subclass case wraps it).
unsafe fn complex_value(r: Option<*mut PyObject>, i: Option<*mut PyObject>) -> PyResult<Py_complex> {
    let r_obj = r.unwrap_or(core::ptr::null_mut());
    if let Some(r) = r {
        if pystr::is_str(r) {
            if i.is_some() {
                return Err(raise(ExcType::TypeError, "complex() can't take second arg if first is a string"));
            }
            return from_string(r);
        }
    }
    if let Some(i) = i {
        if pystr::is_str(i) {
            return Err(raise(ExcType::TypeError, "complex() second arg can't be a string"));
        }
    }
    // `__complex__` first, then numbers.
    let mut own_r: Option<PyRef> = None;
    if let Some(r) = r {
        own_r = try_complex_special_method(r)?;
    }
    let r_eff = own_r.as_ref().map_or(r_obj, PyRef::as_ptr);
    if r.is_some() && !is_number(r_eff) {
        return Err(raise(
            ExcType::TypeError,
            format!("complex() first argument must be a string or a number, not '{}'", type_name_of(r_eff)),
        ));
    }
    if let Some(i) = i {
        if !is_number(i) {
            return Err(raise(
                ExcType::TypeError,
                format!("complex() second argument must be a number, not '{}'", type_name_of(i)),
            ));
        }
    }
    let (cr, cr_is_complex) = match r {
        None => (Py_complex::default(), false),
        Some(_) if is_complex(r_eff) => (cval(r_eff), true),
        Some(_) => (Py_complex { real: float::value(number_float(r_eff)?.as_ptr()), imag: 0.0 }, false),
    };
    let (mut ci, ci_is_complex) = match i {
        None => (Py_complex { real: cr.imag, imag: 0.0 }, false),
        Some(i) if is_complex(i) => (cval(i), true),
        Some(i) => (Py_complex { real: float::value(number_float(i)?.as_ptr()), imag: 0.0 }, false),
    };
    let mut real = cr.real;
    // (a+bj) + (c+dj)*1j = (a-d) + (b+c)j
    if ci_is_complex {
        real -= ci.imag;
    }
    if cr_is_complex && i.is_some() {
        ci.real += cr.imag;
    }
    Ok(Py_complex { real, imag: ci.real })
}

/// `complex.__new__(type, real=0, imag=0)`.
pub(crate) unsafe extern "C" fn complex_new(
    tp: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let result = (|| -> PyResult<PyRef> {
        let positional = if args.is_null() { &[][..] } else { tuple::items(args) };
        if positional.len() + kw_len(kwds) > 2 {
            return Err(raise(
                ExcType::TypeError,
                format!("complex() takes at most 2 arguments ({} given)", positional.len() + kw_len(kwds)),
            ));
        }
        let mut r = positional.first().copied();
        let mut i = positional.get(1).copied();
        if !kwds.is_null() && dict::is_dict(kwds) {
            for (key, val) in dict::items(kwds) {
                let name = if pystr::is_str(key) { pystr::to_string(key) } else { String::new() };
                let slot = match name.as_str() {
                    "real" => &mut r,
                    "imag" => &mut i,
                    _ => {
                        return Err(raise(
                            ExcType::TypeError,
                            format!("'{name}' is an invalid keyword argument for complex()"),
                        ))
                    }
                };
                if slot.is_some() {
                    let pos = if name == "real" { 1 } else { 2 };
                    return Err(raise(
                        ExcType::TypeError,
                        format!("argument for complex() given by name ('{name}') and position ({pos})"),
                    ));
                }
                *slot = Some(val);
            }
        }
        // complex(z) of an exact complex is z itself.
        if tp == complex_type() && i.is_none() {
            if let Some(r) = r {
                if (*r).ob_type == complex_type() {
                    return Ok(PyRef::from_borrowed(r).expect("not NULL"));
                }
            }
        }
        new_of_type(tp, complex_value(r, i)?)
    })();
    result.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe fn kw_len(kwds: *mut PyObject) -> usize {
    if kwds.is_null() || !dict::is_dict(kwds) { 0 } else { dict::len(kwds) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(f64, f64)> {
        parse_complex(s.as_bytes()).map(|c| (c.real, c.imag))
    }

    #[test]
    fn parses_like_cpython() {
        assert_eq!(p("1+2j"), Some((1.0, 2.0)));
        assert_eq!(p(" ( 1+2j ) "), Some((1.0, 2.0)));
        assert_eq!(p("1e3j"), Some((0.0, 1000.0)));
        assert_eq!(p("-j"), Some((0.0, -1.0)));
        assert_eq!(p("j"), Some((0.0, 1.0)));
        assert_eq!(p("1-j"), Some((1.0, -1.0)));
        assert_eq!(p("(3)"), Some((3.0, 0.0)));
        assert_eq!(p("-1.5e-3-2.5e+3J"), Some((-0.0015, -2500.0)));
        for bad in ["1j+2", "(3", "3)", "1+2", "1+2jj", "", "()", "( )", "1 + 2j", "1+ 2j", "1..5j", "j1", "1e+j", "0x1j", "i", "1+2i"] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }
}
