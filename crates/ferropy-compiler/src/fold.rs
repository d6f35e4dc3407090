//! Constant folding of expressions whose value is known at compile time: literals,
//! `__debug__`, tuples of constants, and unary/binary operators on numbers and strings
//! within CPython's size limits (a folded result is never huge).  Integer arithmetic is
//! folded when it fits in i128; anything else is left for run time, which is always correct.

use crate::ast_util::{ident, list, req};
use crate::code::Constant;
use crate::compile_stmt::const_of;
use ferropy_parser::ast::{Kind, Node};

/// Longest str/bytes/tuple a fold may produce (CPython's MAX_*_SIZE limits).
const MAX_SEQ: usize = 4096;
const MAX_INT_BITS: u32 = 128;

pub fn fold(e: &Node, optimize: u8) -> Option<Constant> {
    match e.kind {
        Kind::Constant => const_of(e),
        Kind::Name if ident(e, 0) == Some("__debug__") && crate::ast_util::ctx(e) == Kind::Load => Some(Constant::Bool(optimize == 0)),
        Kind::Tuple if crate::ast_util::ctx(e) == Kind::Load => {
            let items: Option<Vec<Constant>> = list(e, 0).iter().map(|v| v.as_node().and_then(|n| if n.kind == Kind::Starred { None } else { fold(n, optimize) })).collect();
            items.map(|v| Constant::Tuple(v.into()))
        }
        Kind::UnaryOp => {
            let v = fold(req(e, 1), optimize)?;
            unary(req(e, 0).kind, &v)
        }
        Kind::BinOp => {
            let l = fold(req(e, 0), optimize)?;
            let r = fold(req(e, 2), optimize)?;
            binary(req(e, 1).kind, &l, &r)
        }
        Kind::Subscript if crate::ast_util::ctx(e) == Kind::Load => {
            let v = fold(req(e, 0), optimize)?;
            let i = fold(req(e, 1), optimize)?;
            subscript(&v, &i)
        }
        _ => None,
    }
}

/// `(1, 2)[0]`, `"abc"[-1]`, `b"ab"[1]`: an item of a constant sequence at a constant
/// integer index (out of range: left for run time, which raises).
fn subscript(v: &Constant, i: &Constant) -> Option<Constant> {
    let i = int_of(i)?;
    let at = |len: usize| -> Option<usize> {
        let k = if i < 0 { i + len as i128 } else { i };
        (0..len as i128).contains(&k).then_some(k as usize)
    };
    match v {
        Constant::Tuple(items) => Some(items[at(items.len())?].clone()),
        Constant::Bytes(b) => Some(Constant::Int(b[at(b.len())?].to_string())),
        Constant::Str(s) => {
            // Index by code point; WTF-8 with lone surrogates is left alone.
            let text = std::str::from_utf8(s).ok()?;
            let n = text.chars().count();
            let c = text.chars().nth(at(n)?)?;
            Some(Constant::Str(c.to_string().into_bytes().into()))
        }
        _ => None,
    }
}

fn int_of(c: &Constant) -> Option<i128> {
    match c {
        Constant::Int(s) => s.parse().ok(),
        Constant::Bool(b) => Some(*b as i128),
        _ => None,
    }
}

fn float_of(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(_) | Constant::Bool(_) => int_of(c).map(|i| i as f64).filter(|f| f.abs() < 9.007199254740992e15),
        _ => None,
    }
}

fn int_const(v: i128) -> Option<Constant> {
    // Keep folded ints within the bits CPython would fold without blowing up.
    let bits = 128 - v.unsigned_abs().leading_zeros();
    if bits > MAX_INT_BITS - 1 {
        return None;
    }
    Some(Constant::Int(v.to_string()))
}

fn unary(op: Kind, v: &Constant) -> Option<Constant> {
    match (op, v) {
        (Kind::Not, _) => None,
        (_, Constant::Bool(_)) if op != Kind::Invert => int_of(v).and_then(|i| int_const(if op == Kind::USub { -i } else { i })),
        (Kind::USub, Constant::Int(_)) => int_const(-int_of(v)?),
        (Kind::UAdd, Constant::Int(_)) => Some(v.clone()),
        (Kind::Invert, Constant::Int(_) | Constant::Bool(_)) => int_const(!int_of(v)?),
        (Kind::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (Kind::UAdd, Constant::Float(_)) => Some(v.clone()),
        (Kind::USub, Constant::Complex { real, imag }) => Some(Constant::Complex { real: -real, imag: -imag }),
        (Kind::UAdd, Constant::Complex { .. }) => Some(v.clone()),
        _ => None,
    }
}

fn binary(op: Kind, l: &Constant, r: &Constant) -> Option<Constant> {
    use Constant::{Bool, Bytes, Complex, Float, Int, Str};
    match (l, r) {
        // bool's own &, |, ^ keep the result a bool.
        (Bool(a), Bool(b)) if matches!(op, Kind::BitAnd | Kind::BitOr | Kind::BitXor) => Some(Bool(match op {
            Kind::BitAnd => a & b,
            Kind::BitOr => a | b,
            _ => a ^ b,
        })),
        (Int(_) | Bool(_), Int(_) | Bool(_)) => {
            let (a, b) = (int_of(l)?, int_of(r)?);
            let v = match op {
                Kind::Add => a.checked_add(b)?,
                Kind::Sub => a.checked_sub(b)?,
                Kind::Mult => a.checked_mul(b)?,
                Kind::FloorDiv if b != 0 => floor_div(a, b)?,
                Kind::Mod if b != 0 => a.checked_sub(floor_div(a, b)?.checked_mul(b)?)?,
                Kind::LShift if (0..64).contains(&b) => {
                    let v = a.checked_shl(b as u32)?;
                    if v >> b != a {
                        return None;
                    }
                    v
                }
                Kind::RShift if b >= 0 => if b >= 127 { if a < 0 { -1 } else { 0 } } else { a >> b },
                Kind::BitAnd => a & b,
                Kind::BitOr => a | b,
                Kind::BitXor => a ^ b,
                Kind::Pow if (0..=128).contains(&b) => a.checked_pow(b as u32)?,
                _ => return None,
            };
            int_const(v)
        }
        (Float(_), Float(_) | Int(_) | Bool(_)) | (Int(_) | Bool(_), Float(_)) => {
            let (a, b) = (float_of(l)?, float_of(r)?);
            let v = match op {
                Kind::Add => a + b,
                Kind::Sub => a - b,
                Kind::Mult => a * b,
                Kind::Div if b != 0.0 => a / b,
                _ => return None,
            };
            if v.is_finite() { Some(Float(v)) } else { None }
        }
        (Complex { .. }, _) | (_, Complex { .. }) => {
            // Complex literals such as `1-2j` (also mapping-pattern keys).
            let parts = |c: &Constant| match c {
                Complex { real, imag } => Some((*real, *imag)),
                _ => float_of(c).map(|f| (f, 0.0)),
            };
            let ((a, b), (c, d)) = (parts(l)?, parts(r)?);
            let (re, im) = match op {
                Kind::Add => (a + c, b + d),
                Kind::Sub => (a - c, b - d),
                _ => return None,
            };
            Some(Complex { real: re, imag: im })
        }
        (Str(a), Str(b)) if op == Kind::Add && a.len() + b.len() <= MAX_SEQ => {
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            Some(Str(v.into()))
        }
        (Bytes(a), Bytes(b)) if op == Kind::Add && a.len() + b.len() <= MAX_SEQ => {
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            Some(Bytes(v.into()))
        }
        (Str(s), Int(_)) | (Bytes(s), Int(_)) if op == Kind::Mult => {
            let n = int_of(r)?.max(0) as usize;
            if s.len().checked_mul(n)? > MAX_SEQ {
                return None;
            }
            let v = s.repeat(n);
            Some(if matches!(l, Str(_)) { Str(v.into()) } else { Bytes(v.into()) })
        }
        _ => None,
    }
}

fn floor_div(a: i128, b: i128) -> Option<i128> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) { Some(q - 1) } else { Some(q) }
}
