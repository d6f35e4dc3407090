//! `_io.IncrementalNewlineDecoder(decoder, translate, errors='strict')`: wraps an
//! incremental decoder (or none: str input) and handles newlines across chunks: a `\r` at
//! the end of a chunk is held back until the next one says whether `\n` follows; the kinds
//! seen are recorded (`newlines`); with `translate`, `\r\n` and `\r` become `\n`. The
//! held-back `\r` is the low bit of the state `getstate`/`setstate` exchange.
use crate::abstract_::{none, tp_name, type_error};
use crate::codecs::str_view::StrView;
use crate::errors::raised::PyResult;
use crate::modules::io::common::{self, SEEN_CR, SEEN_CRLF, SEEN_LF};
use crate::modules::{none_ref, owned, ret};
use crate::object::method_table::{fast_kw, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE};
use crate::objects::{bytes, int, str as pystr, tuple};

#[repr(C)]
struct NewlineDecoder {
    ob_base: PyObject,
    /// The wrapped incremental decoder, or None.
    decoder: *mut PyObject,
    errors: *mut PyObject,
    translate: bool,
    pending_cr: bool,
    seen: u8,
}

unsafe fn fields<'a>(op: *mut PyObject) -> &'a mut NewlineDecoder {
    &mut *(op as *mut NewlineDecoder)
}

/// `_io.IncrementalNewlineDecoder`.
pub static mut IncrementalNewlineDecoder_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_methods: (&raw mut METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut GETSET) as *mut crate::object::descr::PyGetSetDef,
    tp_init: Some(init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    ..static_type(
        c"_io.IncrementalNewlineDecoder",
        core::mem::size_of::<NewlineDecoder>(),
        0,
        Py_TPFLAGS_BASETYPE,
        Some(c"IncrementalNewlineDecoder(decoder, translate, errors='strict')\n--\n\nCodec used when reading a file in universal newlines mode.\n\nIt wraps another incremental decoder, translating \\r\\n and \\r into \\n.\nIt also records the types of newlines encountered.  When used with\ntranslate=False, it ensures that the newline sequence is returned in\none piece. When used with decoder=None, it expects unicode strings as\ndecode input and translates newlines without first invoking an external\ndecoder."),
    )
};

unsafe extern "C" fn init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> core::ffi::c_int {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    static PARAMS: Params = Params {
        function: "IncrementalNewlineDecoder",
        names: &["decoder", "translate", "errors"],
        positional_only: 0,
        max_positional: 3,
        required: 2,
    };
    let r = (|| -> PyResult<()> {
        let [decoder, translate, errors] = bind_tuple_dict_array::<3>(&PARAMS, args, kw)?;
        let translate = crate::errors::objtext::index_value(translate)? != 0;
        let errors = if errors.is_null() { pystr::from_utf8("strict")? } else { crate::abstract_::new_ref(errors) };
        let f = fields(op);
        let old = (f.decoder, f.errors);
        f.decoder = crate::abstract_::new_ref(decoder).into_ptr();
        f.errors = errors.into_ptr();
        f.translate = translate;
        f.pending_cr = false;
        f.seen = 0;
        drop(PyRef::from_owned(old.0));
        drop(PyRef::from_owned(old.1));
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn dealloc(op: *mut PyObject) {
    let f = fields(op);
    drop(PyRef::from_owned(f.decoder));
    drop(PyRef::from_owned(f.errors));
    common::free_instance(op);
}

unsafe fn initialized<'a>(op: *mut PyObject) -> PyResult<&'a mut NewlineDecoder> {
    let f = fields(op);
    if f.decoder.is_null() {
        return Err(crate::modules::io::common::value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(f)
}

/// Calls `obj.<name>(*args)`.
unsafe fn call_method(obj: *mut PyObject, name: &str, args: &[PyRef]) -> PyResult<PyRef> {
    let n = pystr::intern(name)?;
    let f = crate::object::object_attr::get_attr(obj, n.as_ptr())?;
    let t = tuple::from_slice(args)?;
    owned(crate::abstract_::call::PyObject_Call(f.as_ptr(), t.as_ptr(), core::ptr::null_mut()))
}

unsafe fn decode_chunk(op: *mut PyObject, input: *mut PyObject, final_: bool) -> PyResult<PyRef> {
    let f = initialized(op)?;
    let output = if f.decoder == none() {
        crate::abstract_::new_ref(input)
    } else {
        let flag = common::py_bool(final_);
        let args = [crate::abstract_::new_ref(input)];
        let n = pystr::intern("decode")?;
        let meth = crate::object::object_attr::get_attr(f.decoder, n.as_ptr())?;
        let t = tuple::from_slice(&args)?;
        let kw = crate::objects::dict::new()?;
        crate::objects::dict::set_item(kw.as_ptr(), pystr::intern("final")?.as_ptr(), flag.as_ptr())?;
        owned(crate::abstract_::call::PyObject_Call(meth.as_ptr(), t.as_ptr(), kw.as_ptr()))?
    };
    if !pystr::is_str(output.as_ptr()) {
        return Err(type_error(format!("decoder should return a string result, not '{}'", tp_name(output.as_ptr()))));
    }
    let v = StrView::new(output.as_ptr());
    let mut chars: Vec<u32> = Vec::with_capacity(v.len + 1);
    if f.pending_cr && (v.len > 0 || final_) {
        chars.push(0x0D);
        f.pending_cr = false;
    }
    chars.extend((0..v.len).map(|i| v.get(i)));
    // A final '\r' may be the first half of '\r\n': keep it for the next chunk.
    if !final_ && chars.last() == Some(&0x0D) {
        chars.pop();
        f.pending_cr = true;
    }
    let mut out: Vec<u32> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            0x0D if chars.get(i + 1) == Some(&0x0A) => {
                f.seen |= SEEN_CRLF;
                if f.translate {
                    out.push(0x0A);
                } else {
                    out.extend_from_slice(&[0x0D, 0x0A]);
                }
                i += 2;
                continue;
            }
            0x0D => {
                f.seen |= SEEN_CR;
                out.push(if f.translate { 0x0A } else { 0x0D });
            }
            0x0A => {
                f.seen |= SEEN_LF;
                out.push(0x0A);
            }
            c => out.push(c),
        }
        i += 1;
    }
    if out.len() == v.len && !f.pending_cr && out.iter().zip(0..v.len).all(|(&c, k)| c == v.get(k)) {
        return Ok(output);
    }
    pystr::from_code_points(&out)
}

/// `decode(input, final=False)`.
unsafe extern "C" fn decode(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind, Params};
    static PARAMS: Params = Params { function: "decode", names: &["input", "final"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let b = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let final_ = match b[1] {
            Some(o) => crate::errors::objtext::index_value(o)? != 0,
            None => false,
        };
        decode_chunk(op, b[0].unwrap(), final_)
    })())
}

/// `getstate()`: `(buffered bytes, flag)`, the flag shifted left with the pending `\r`
/// in bit 0.
unsafe extern "C" fn getstate(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let f = initialized(op)?;
        let (buf, flag) = if f.decoder == none() {
            (bytes::from_slice(b"")?, 0i64)
        } else {
            let state = call_method(f.decoder, "getstate", &[])?;
            if !tuple::is_tuple(state.as_ptr()) || tuple::len(state.as_ptr()) != 2 {
                return Err(type_error("illegal decoder state"));
            }
            let items = tuple::items(state.as_ptr());
            (crate::abstract_::new_ref(items[0]), crate::objects::long_convert::as_i64(items[1])?)
        };
        let flag = (flag << 1) | f.pending_cr as i64;
        tuple::from_slice(&[buf, int::from_i64(flag)?])
    })())
}

/// `setstate(state)`: the inverse of `getstate`.
unsafe extern "C" fn setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let f = initialized(op)?;
        if !tuple::is_tuple(state) {
            return Err(type_error("state argument must be a tuple"));
        }
        let items = tuple::items(state);
        if items.len() != 2 || !int::is_int(items[1]) {
            return Err(type_error("setstate(): illegal state argument"));
        }
        let flag = crate::objects::long_convert::as_i64(items[1])?;
        f.pending_cr = flag & 1 != 0;
        if f.decoder != none() {
            let inner = tuple::from_slice(&[crate::abstract_::new_ref(items[0]), int::from_i64(flag >> 1)?])?;
            call_method(f.decoder, "setstate", &[inner])?;
        }
        Ok(none_ref())
    })())
}

unsafe extern "C" fn reset(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let f = initialized(op)?;
        f.seen = 0;
        f.pending_cr = false;
        if f.decoder != none() {
            call_method(f.decoder, "reset", &[])?;
        }
        Ok(none_ref())
    })())
}

unsafe extern "C" fn get_newlines(op: *mut PyObject, _: *mut core::ffi::c_void) -> *mut PyObject {
    ret(initialized(op).and_then(|f| common::newlines_value(f.seen)))
}

static mut GETSET: [crate::object::descr::PyGetSetDef; 2] = [
    crate::object::descr::PyGetSetDef { name: c"newlines".as_ptr(), get: Some(get_newlines), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    crate::object::descr::PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut METHODS: [PyMethodDef; 5] = [
    fast_kw(c"decode", decode, METH_FASTCALL | METH_KEYWORDS),
    plain(c"getstate", getstate, METH_NOARGS),
    plain(c"setstate", setstate, METH_O),
    plain(c"reset", reset, METH_NOARGS),
    END,
];
