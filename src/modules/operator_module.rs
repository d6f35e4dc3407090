//! The `_operator` module: the operators as functions (`operator.py` re-exports them and
//! keeps its pure-Python definitions only as the fallback), `_compare_digest`, and the
//! callables of operator_getters.rs.
use core::ffi::{c_int, CStr};

use crate::abstract_::compare::bool_ref;
use crate::abstract_::number::*;
use crate::abstract_::sequence::*;
use crate::abstract_::{from_slot, new_ref, ret_obj, tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, meth, module_def, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_KEYWORDS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;

/// The two arguments of a binary function (`NAME expected 2 arguments, got N`).
unsafe fn two<'a>(name: &CStr, args: *const *mut PyObject, nargs: isize) -> PyResult<(*mut PyObject, *mut PyObject)> {
    let a = args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(name.as_ptr(), a.len() as isize, 2, 2) {
        return Err(Raised::assume_set());
    }
    Ok((a[0], a[1]))
}

/// A binary function of `_operator` calling a C-API operation.
macro_rules! binary {
    ($fname:ident, $name:literal, $op:expr) => {
        unsafe extern "C" fn $fname(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
            match two($name, args, nargs) {
                Ok((a, b)) => $op(a, b),
                Err(_) => core::ptr::null_mut(),
            }
        }
    };
}

/// A unary (METH_O) function of `_operator` calling a C-API operation.
macro_rules! unary {
    ($fname:ident, $op:expr) => {
        unsafe extern "C" fn $fname(_m: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
            $op(a)
        }
    };
}

binary!(op_add, c"add", PyNumber_Add);
binary!(op_sub, c"sub", PyNumber_Subtract);
binary!(op_mul, c"mul", PyNumber_Multiply);
binary!(op_matmul, c"matmul", PyNumber_MatrixMultiply);
binary!(op_floordiv, c"floordiv", PyNumber_FloorDivide);
binary!(op_truediv, c"truediv", PyNumber_TrueDivide);
binary!(op_mod, c"mod", PyNumber_Remainder);
binary!(op_lshift, c"lshift", PyNumber_Lshift);
binary!(op_rshift, c"rshift", PyNumber_Rshift);
binary!(op_and, c"and_", PyNumber_And);
binary!(op_xor, c"xor", PyNumber_Xor);
binary!(op_or, c"or_", PyNumber_Or);
binary!(op_iadd, c"iadd", PyNumber_InPlaceAdd);
binary!(op_isub, c"isub", PyNumber_InPlaceSubtract);
binary!(op_imul, c"imul", PyNumber_InPlaceMultiply);
binary!(op_imatmul, c"imatmul", PyNumber_InPlaceMatrixMultiply);
binary!(op_ifloordiv, c"ifloordiv", PyNumber_InPlaceFloorDivide);
binary!(op_itruediv, c"itruediv", PyNumber_InPlaceTrueDivide);
binary!(op_imod, c"imod", PyNumber_InPlaceRemainder);
binary!(op_ilshift, c"ilshift", PyNumber_InPlaceLshift);
binary!(op_irshift, c"irshift", PyNumber_InPlaceRshift);
binary!(op_iand, c"iand", PyNumber_InPlaceAnd);
binary!(op_ixor, c"ixor", PyNumber_InPlaceXor);
binary!(op_ior, c"ior", PyNumber_InPlaceOr);
binary!(op_pow, c"pow", |a, b| PyNumber_Power(a, b, crate::abstract_::none()));
binary!(op_ipow, c"ipow", |a, b| PyNumber_InPlacePower(a, b, crate::abstract_::none()));
binary!(op_getitem, c"getitem", crate::abstract_::item::PyObject_GetItem);
binary!(op_lt, c"lt", |a, b| crate::abstract_::compare::PyObject_RichCompare(a, b, crate::object::object::Py_LT));
binary!(op_le, c"le", |a, b| crate::abstract_::compare::PyObject_RichCompare(a, b, crate::object::object::Py_LE));
binary!(op_eq, c"eq", |a, b| crate::abstract_::compare::PyObject_RichCompare(a, b, crate::object::object::Py_EQ));
binary!(op_ne, c"ne", |a, b| crate::abstract_::compare::PyObject_RichCompare(a, b, crate::object::object::Py_NE));
binary!(op_gt, c"gt", |a, b| crate::abstract_::compare::PyObject_RichCompare(a, b, crate::object::object::Py_GT));
binary!(op_ge, c"ge", |a, b| crate::abstract_::compare::PyObject_RichCompare(a, b, crate::object::object::Py_GE));
binary!(op_is, c"is_", |a, b| bool_ref(a == b).into_ptr());
binary!(op_is_not, c"is_not", |a, b| bool_ref(a != b).into_ptr());
binary!(op_contains, c"contains", |a, b| status_bool(PySequence_Contains(a, b)));
binary!(op_count_of, c"countOf", |a, b| ssize_ret(PySequence_Count(a, b)));
binary!(op_index_of, c"indexOf", |a, b| ssize_ret(PySequence_Index(a, b)));
binary!(op_delitem, c"delitem", |a, b| none_status(crate::abstract_::item::PyObject_DelItem(a, b)));
binary!(op_concat, c"concat", |a, b| concat(a, b, false));
binary!(op_iconcat, c"iconcat", |a, b| concat(a, b, true));

unary!(op_neg, PyNumber_Negative);
unary!(op_pos, PyNumber_Positive);
unary!(op_abs, PyNumber_Absolute);
unary!(op_inv, PyNumber_Invert);
unary!(op_index, PyNumber_Index);
unary!(op_not, |a| status_bool(crate::abstract_::object::PyObject_Not(a)));
unary!(op_truth, |a| status_bool(crate::abstract_::object::PyObject_IsTrue(a)));

/// A C status (-1 error, else a truth value) as a bool object.
unsafe fn status_bool(r: c_int) -> *mut PyObject {
    if r < 0 { core::ptr::null_mut() } else { bool_ref(r != 0).into_ptr() }
}

/// A C status (-1 error) as None.
unsafe fn none_status(r: c_int) -> *mut PyObject {
    if r < 0 { core::ptr::null_mut() } else { crate::modules::none_ref().into_ptr() }
}

/// A Py_ssize_t result (-1 error) as an int.
unsafe fn ssize_ret(r: isize) -> *mut PyObject {
    if r < 0 { core::ptr::null_mut() } else { ret(crate::objects::int::from_i64(r as i64)) }
}

/// `concat`/`iconcat`: only for sequences, as CPython checks before adding.
unsafe fn concat(a: *mut PyObject, b: *mut PyObject, in_place: bool) -> *mut PyObject {
    if PySequence_Check(a) == 0 {
        return ret_obj(Err(type_error(format!("'{}' object can't be concatenated", tp_name(a)))));
    }
    if in_place { PySequence_InPlaceConcat(a, b) } else { PySequence_Concat(a, b) }
}

unsafe extern "C" fn op_setitem(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(c"setitem".as_ptr(), a.len() as isize, 3, 3) {
        return core::ptr::null_mut();
    }
    none_status(crate::abstract_::item::PyObject_SetItem(a[0], a[1], a[2]))
}

/// `length_hint(obj, default=0, /)`.
unsafe extern "C" fn op_length_hint(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"length_hint".as_ptr(), a.len() as isize, 1, 2) {
            return Err(Raised::assume_set());
        }
        let default = match a.get(1) {
            None => 0,
            Some(&d) => {
                if !crate::objects::int::is_int(d) {
                    return Err(type_error(format!("'{}' object cannot be interpreted as an integer", tp_name(d))));
                }
                crate::abstract_::item::as_ssize(d, Some(&raw mut crate::errors::exception_types::_PyExc_OverflowError))?
            }
        };
        let n = crate::abstract_::object::PyObject_LengthHint(a[0], default);
        if n < 0 {
            return Err(Raised::assume_set());
        }
        crate::objects::int::from_i64(n as i64)
    })())
}

/// `call(obj, /, *args, **kwargs)`.
unsafe extern "C" fn op_call(_m: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = crate::objects::tuple::items(args);
        if a.is_empty() {
            return Err(type_error("call expected at least 1 argument, got 0"));
        }
        let rest = crate::objects::tuple::from_ptrs(&a[1..])?;
        from_slot(crate::abstract_::call::PyObject_Call(a[0], rest.as_ptr(), kwargs))
    })())
}

/// The bytes of a `_compare_digest` operand: an ASCII str or a bytes-like object.
enum DigestBytes {
    Str(PyRef),
    Buffer(crate::object::buffer_contig::View),
}

unsafe fn digest_str(o: *mut PyObject) -> PyResult<DigestBytes> {
    if crate::objects::str::kind(o) != 1 || crate::objects::str::data_bytes(o).iter().any(|&b| b >= 0x80) {
        return Err(type_error("comparing strings with non-ASCII characters is not supported"));
    }
    Ok(DigestBytes::Str(new_ref(o)))
}

unsafe fn digest_buffer(o: *mut PyObject) -> PyResult<DigestBytes> {
    Ok(DigestBytes::Buffer(crate::object::buffer_contig::View::get(o, 0)?))
}

impl DigestBytes {
    unsafe fn bytes<'a>(&self) -> &'a [u8] {
        match self {
            DigestBytes::Str(s) => crate::objects::str::data_bytes(s.as_ptr()),
            DigestBytes::Buffer(v) => {
                if v.0.len == 0 { &[] } else { core::slice::from_raw_parts(v.0.buf as *const u8, v.0.len as usize) }
            }
        }
    }
}

/// `_compare_digest(a, b, /)`: equality in time independent of where the inputs differ.
unsafe extern "C" fn op_compare_digest(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let (a, b) = two(c"_compare_digest", args, nargs)?;
        let unsupported = || {
            type_error(format!("unsupported operand types(s) or combination of types: '{}' and '{}'", tp_name(a), tp_name(b)))
        };
        let both_str = crate::objects::str::is_str(a) && crate::objects::str::is_str(b);
        let has_buffer = |o| crate::objects::bytes_buffer::PyObject_CheckBuffer(o) != 0;
        if !both_str && !has_buffer(a) && !has_buffer(b) {
            return Err(unsupported());
        }
        let (x, y) = if both_str { (digest_str(a)?, digest_str(b)?) } else { (digest_buffer(a)?, digest_buffer(b)?) };
        let (x, y) = (x.bytes(), y.bytes());
        // Every byte of `b` is looked at whatever the lengths, so the time depends on b only.
        let mut diff = (x.len() != y.len()) as u8;
        let left = if x.len() == y.len() { x } else { y };
        for (i, &c) in y.iter().enumerate() {
            diff |= core::hint::black_box(left[i] ^ c);
        }
        Ok(bool_ref(diff == 0))
    })())
}

macro_rules! b {
    ($name:literal, $f:ident, $doc:literal) => {
        fast($name, $f, $doc)
    };
}
macro_rules! u {
    ($name:literal, $f:ident, $doc:literal) => {
        meth($name, $f, METH_O, $doc)
    };
}

static mut OPERATOR_FUNCTIONS: [PyMethodDef; 54] = [
    u!(c"truth", op_truth, c"truth($module, a, /)\n--\n\nReturn True if a is true, False otherwise."),
    b!(c"contains", op_contains, c"contains($module, a, b, /)\n--\n\nSame as b in a (note reversed operands)."),
    b!(c"indexOf", op_index_of, c"indexOf($module, a, b, /)\n--\n\nReturn the first index of b in a."),
    b!(c"countOf", op_count_of, c"countOf($module, a, b, /)\n--\n\nReturn the number of items in a which are, or which equal, b."),
    b!(c"is_", op_is, c"is_($module, a, b, /)\n--\n\nSame as a is b."),
    b!(c"is_not", op_is_not, c"is_not($module, a, b, /)\n--\n\nSame as a is not b."),
    u!(c"index", op_index, c"index($module, a, /)\n--\n\nSame as a.__index__()"),
    b!(c"add", op_add, c"add($module, a, b, /)\n--\n\nSame as a + b."),
    b!(c"sub", op_sub, c"sub($module, a, b, /)\n--\n\nSame as a - b."),
    b!(c"mul", op_mul, c"mul($module, a, b, /)\n--\n\nSame as a * b."),
    b!(c"matmul", op_matmul, c"matmul($module, a, b, /)\n--\n\nSame as a @ b."),
    b!(c"floordiv", op_floordiv, c"floordiv($module, a, b, /)\n--\n\nSame as a // b."),
    b!(c"truediv", op_truediv, c"truediv($module, a, b, /)\n--\n\nSame as a / b."),
    b!(c"mod", op_mod, c"mod($module, a, b, /)\n--\n\nSame as a % b."),
    u!(c"neg", op_neg, c"neg($module, a, /)\n--\n\nSame as -a."),
    u!(c"pos", op_pos, c"pos($module, a, /)\n--\n\nSame as +a."),
    u!(c"abs", op_abs, c"abs($module, a, /)\n--\n\nSame as abs(a)."),
    u!(c"inv", op_inv, c"inv($module, a, /)\n--\n\nSame as ~a."),
    u!(c"invert", op_inv, c"invert($module, a, /)\n--\n\nSame as ~a."),
    b!(c"lshift", op_lshift, c"lshift($module, a, b, /)\n--\n\nSame as a << b."),
    b!(c"rshift", op_rshift, c"rshift($module, a, b, /)\n--\n\nSame as a >> b."),
    u!(c"not_", op_not, c"not_($module, a, /)\n--\n\nSame as not a."),
    b!(c"and_", op_and, c"and_($module, a, b, /)\n--\n\nSame as a & b."),
    b!(c"xor", op_xor, c"xor($module, a, b, /)\n--\n\nSame as a ^ b."),
    b!(c"or_", op_or, c"or_($module, a, b, /)\n--\n\nSame as a | b."),
    b!(c"iadd", op_iadd, c"iadd($module, a, b, /)\n--\n\nSame as a += b."),
    b!(c"isub", op_isub, c"isub($module, a, b, /)\n--\n\nSame as a -= b."),
    b!(c"imul", op_imul, c"imul($module, a, b, /)\n--\n\nSame as a *= b."),
    b!(c"imatmul", op_imatmul, c"imatmul($module, a, b, /)\n--\n\nSame as a @= b."),
    b!(c"ifloordiv", op_ifloordiv, c"ifloordiv($module, a, b, /)\n--\n\nSame as a //= b."),
    b!(c"itruediv", op_itruediv, c"itruediv($module, a, b, /)\n--\n\nSame as a /= b."),
    b!(c"imod", op_imod, c"imod($module, a, b, /)\n--\n\nSame as a %= b."),
    b!(c"ilshift", op_ilshift, c"ilshift($module, a, b, /)\n--\n\nSame as a <<= b."),
    b!(c"irshift", op_irshift, c"irshift($module, a, b, /)\n--\n\nSame as a >>= b."),
    b!(c"iand", op_iand, c"iand($module, a, b, /)\n--\n\nSame as a &= b."),
    b!(c"ixor", op_ixor, c"ixor($module, a, b, /)\n--\n\nSame as a ^= b."),
    b!(c"ior", op_ior, c"ior($module, a, b, /)\n--\n\nSame as a |= b."),
    b!(c"concat", op_concat, c"concat($module, a, b, /)\n--\n\nSame as a + b, for a and b sequences."),
    b!(c"iconcat", op_iconcat, c"iconcat($module, a, b, /)\n--\n\nSame as a += b, for a and b sequences."),
    b!(c"getitem", op_getitem, c"getitem($module, a, b, /)\n--\n\nSame as a[b]."),
    fast(c"setitem", op_setitem, c"setitem($module, a, b, c, /)\n--\n\nSame as a[b] = c."),
    b!(c"delitem", op_delitem, c"delitem($module, a, b, /)\n--\n\nSame as del a[b]."),
    b!(c"pow", op_pow, c"pow($module, a, b, /)\n--\n\nSame as a ** b."),
    b!(c"ipow", op_ipow, c"ipow($module, a, b, /)\n--\n\nSame as a **= b."),
    b!(c"eq", op_eq, c"eq($module, a, b, /)\n--\n\nSame as a == b."),
    b!(c"ne", op_ne, c"ne($module, a, b, /)\n--\n\nSame as a != b."),
    b!(c"lt", op_lt, c"lt($module, a, b, /)\n--\n\nSame as a < b."),
    b!(c"le", op_le, c"le($module, a, b, /)\n--\n\nSame as a <= b."),
    b!(c"gt", op_gt, c"gt($module, a, b, /)\n--\n\nSame as a > b."),
    b!(c"ge", op_ge, c"ge($module, a, b, /)\n--\n\nSame as a >= b."),
    fast(c"_compare_digest", op_compare_digest, c"_compare_digest($module, a, b, /)\n--\n\nReturn 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it appropriate for cryptography.\n\na and b must both be of the same type: either str (ASCII only),\nor any bytes-like object.\n\nNote: If a and b are of different lengths, or if an error occurs,\na timing attack could theoretically reveal information about the\ntypes and lengths of a and b--but not their values."),
    fast(c"length_hint", op_length_hint, c"length_hint($module, obj, default=0, /)\n--\n\nReturn an estimate of the number of items in obj.\n\nThis is useful for presizing containers when building from an iterable.\n\nIf the object supports len(), the result will be exact.\nOtherwise, it may over- or under-estimate by an arbitrary amount.\nThe result will be an integer >= 0."),
    meth(c"call", unsafe { core::mem::transmute::<crate::object::method_table::WithKw, crate::modules::PlainFn>(op_call) }, METH_VARARGS | METH_KEYWORDS,
        c"call($module, obj, /, *args, **kwargs)\n--\n\nSame as obj(*args, **kwargs)."),
    END,
];

static mut OPERATOR_DEF: PyModuleDef = module_def(
    c"_operator",
    c"Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.",
    (&raw mut OPERATOR_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit__operator` for the inittab.
pub(crate) unsafe extern "C" fn init_operator() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut OPERATOR_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        for tp in crate::modules::operator_getters::types() {
            if crate::objects::module::PyModule_AddType(m.as_ptr(), tp) < 0 {
                return Err(Raised::assume_set());
            }
        }
        Ok(m)
    })())
}
