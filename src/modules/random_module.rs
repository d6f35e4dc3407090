//! The `_random` module: `Random`, the MT19937 Mersenne Twister of Matsumoto and
//! Nishimura (the reference generator and its `init_by_array` seeding), seeded from an
//! int's 32-bit words as CPython documents, so seeded sequences match CPython's.
use core::ffi::c_int;

use crate::abstract_::{none, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, module_def, owned, ret, END};
use crate::object::method_table::{fast, plain};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE};
use crate::objects::long_digits::Int;
use crate::objects::module::PyModuleDef;
use crate::objects::{int, tuple};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER: u32 = 0x8000_0000;
const LOWER: u32 = 0x7fff_ffff;

#[repr(C)]
struct Random {
    ob_base: PyObject,
    index: c_int,
    state: [u32; N],
}

/// The generator's state operations (on the object's fields).
impl Random {
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N as c_int;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(*key.get(j).unwrap_or(&0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        // The most significant bit is 1: the state is never all zero.
        self.state[0] = 0x8000_0000;
        self.index = N as c_int;
    }

    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for k in 0..N {
            let y = (self.state[k] & UPPER) | (self.state[(k + 1) % N] & LOWER);
            self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index as usize >= N {
            self.twist();
        }
        let mut y = self.state[self.index as usize];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A double in [0, 1) with 53 random bits.
    fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// Seeds from an int: its absolute value's 32-bit words, least significant first.
unsafe fn seed_from(r: *mut Random, arg: *mut PyObject) -> PyResult<()> {
    let n = if arg.is_null() || arg == none() {
        let mut key = [0u32; N];
        let mut bytes = [0u8; N * 4];
        if getrandom_fill(&mut bytes).is_err() {
            // No entropy source: the time and the process id, as CPython falls back to.
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
            let words = [t as u32, (t >> 32) as u32, std::process::id(), (t >> 64) as u32];
            (*r).init_by_array(&words);
            return Ok(());
        }
        for (k, chunk) in key.iter_mut().zip(bytes.chunks_exact(4)) {
            *k = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        (*r).init_by_array(&key);
        return Ok(());
    } else if int::is_int(arg) {
        int::to_int(arg).abs()
    } else {
        let h = crate::abstract_::object::hash(arg)?;
        Int::from_i64(h as i64).abs()
    };
    (*r).init_by_array(&words_of(&n));
    Ok(())
}

/// The 32-bit words of a non-negative Int (at least one).
fn words_of(n: &Int) -> Vec<u32> {
    let mut words = Vec::new();
    let mut v = n.clone();
    while !v.is_zero() {
        let low = v.bitop(&Int::from_i64(0xffff_ffff), crate::objects::long_digits::BitOp::And);
        words.push(low.to_i128().unwrap_or(0) as u32);
        v = v.shr(32);
    }
    if words.is_empty() {
        words.push(0);
    }
    words
}

fn getrandom_fill(buf: &mut [u8]) -> Result<(), ()> {
    use std::io::Read;
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(buf)).map_err(|_| ())
}

/// `Random.__init__(self, x=None)`: seeds (a new object is zeroed, as CPython's).
unsafe extern "C" fn random_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        let tp = (*op).ob_type;
        // Keywords are refused unless a subclass defines its own __init__.
        if tp == &raw mut Random_Type || (*tp).tp_init.map(|f| f as usize) == Some(random_init as *const () as usize) {
            crate::objects::iter_common::no_keywords("Random", kwds)?;
        }
        let a = if args.is_null() { &[][..] } else { tuple::items(args) };
        if a.len() > 1 {
            return Err(type_error("Random() requires 0 or 1 argument"));
        }
        seed_from(op as *mut Random, a.first().copied().unwrap_or(core::ptr::null_mut()))
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn m_random(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::modules::math_module::float_ref((*(op as *mut Random)).next_f64()))
}

unsafe extern "C" fn m_seed(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"seed".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        seed_from(op as *mut Random, a.first().copied().unwrap_or(core::ptr::null_mut()))?;
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn m_getrandbits(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let r = op as *mut Random;
    ret_obj((|| -> PyResult<PyRef> {
        let k = crate::abstract_::item::as_ssize(arg, Some(&raw mut exc::_PyExc_OverflowError))?;
        if k < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "number of bits must be non-negative"));
        }
        if k == 0 {
            return Ok(int::small_ref(0));
        }
        if k <= 32 {
            return int::from_u64(((*r).next_u32() >> (32 - k)) as u64);
        }
        // Words least significant first; the last one keeps only its top bits.
        let mut bits = k as u64;
        let mut value = Int::zero();
        let mut shift = 0u64;
        while bits > 0 {
            let take = bits.min(32);
            let w = (*r).next_u32() >> (32 - take);
            value = value.add(&Int::from_i64(w as i64).shl(shift));
            shift += 32;
            bits -= take;
        }
        int::from_int(&value)
    })())
}

unsafe extern "C" fn m_getstate(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = op as *mut Random;
    ret_obj((|| -> PyResult<PyRef> {
        let mut items = Vec::with_capacity(N + 1);
        for &w in (*r).state.iter() {
            items.push(int::from_u64(w as u64)?);
        }
        items.push(int::from_i64((*r).index as i64)?);
        tuple::from_vec(items)
    })())
}

unsafe extern "C" fn m_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let r = op as *mut Random;
    ret_obj((|| -> PyResult<PyRef> {
        if !tuple::is_tuple(state) {
            return Err(type_error("state vector must be a tuple"));
        }
        let items = tuple::items(state);
        if items.len() != N + 1 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "state vector is the wrong size"));
        }
        let mut words = [0u32; N];
        for (w, &item) in words.iter_mut().zip(items.iter()) {
            let v = crate::objects::long_convert::as_i64(item)?;
            *w = v as u32;
        }
        let index = crate::objects::long_convert::as_i64(items[N])?;
        if !(0..=N as i64).contains(&index) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "invalid state"));
        }
        (*r).state = words;
        (*r).index = index as c_int;
        Ok(crate::modules::none_ref())
    })())
}

static mut RANDOM_METHODS: [PyMethodDef; 6] = [
    plain(c"random", m_random, METH_NOARGS).doc(c"random($self, /)\n--\n\nrandom() -> x in the interval [0, 1)."),
    fast(c"seed", m_seed, METH_FASTCALL).doc(c"seed($self, n=None, /)\n--\n\nseed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."),
    plain(c"getstate", m_getstate, METH_NOARGS).doc(c"getstate($self, /)\n--\n\ngetstate() -> tuple containing the current state."),
    plain(c"setstate", m_setstate, METH_O).doc(c"setstate($self, state, /)\n--\n\nsetstate(state) -> None.  Restores generator state."),
    plain(c"getrandbits", m_getrandbits, METH_O).doc(c"getrandbits($self, k, /)\n--\n\ngetrandbits(k) -> x.  Generates an int with k random bits."),
    END,
];

/// `_random.Random`.
pub static mut Random_Type: PyTypeObject = PyTypeObject {
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: &raw mut RANDOM_METHODS as *mut PyMethodDef,
    tp_init: Some(random_init),
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    ..static_type(c"_random.Random", core::mem::size_of::<Random>(), 0, Py_TPFLAGS_BASETYPE, Some(c"Random() -> create a random number generator with its own internal state."))
};

static mut RANDOM_FUNCTIONS: [PyMethodDef; 1] = [END];

static mut RANDOM_DEF: PyModuleDef = module_def(c"_random", c"Module implements the Mersenne Twister random number generator.", (&raw mut RANDOM_FUNCTIONS) as *mut PyMethodDef);

/// The module's types, readied with the builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut Random_Type]
}

/// `PyInit__random` for the inittab.
pub(crate) unsafe extern "C" fn init_random() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut RANDOM_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        if crate::objects::module::PyModule_AddType(m.as_ptr(), &raw mut Random_Type) < 0 {
            return Err(Raised::assume_set());
        }
        Ok(m)
    })())
}

