//! The methods of `array.array` (argument rules and messages as CPython's clinic code).
use crate::abstract_::{new_ref, none, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::bytes_arg;
use crate::modules::io::common::call_method;
use crate::modules::zlib::positional;
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, list, str as pystr, tuple};

use super::item::{self, Kind};
use super::object::{self as arr, desc, is_array, len};

fn value_error(message: &str) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

pub(crate) unsafe fn to_list(op: *mut PyObject) -> PyResult<PyRef> {
    let mut items = Vec::with_capacity(len(op));
    for i in 0..len(op) {
        items.push(arr::get(op, i)?);
    }
    list::from_vec(items)
}

/// Appends the items of array `b` (same code: "can only extend with array of same kind").
pub(crate) unsafe fn extend_with(op: *mut PyObject, b: *mut PyObject) -> PyResult<()> {
    if desc(op).code != desc(b).code {
        return Err(type_error("can only extend with array of same kind"));
    }
    let data = arr::bytes(b).to_vec();
    arr::push_bytes(op, &data)
}

/// `extend(iterable)`: an array's items, or each item of an iterable.
pub(crate) unsafe fn extend(op: *mut PyObject, src: *mut PyObject) -> PyResult<()> {
    if is_array(src) {
        return extend_with(op, src);
    }
    let it = crate::abstract_::iter::get_iter(src)?;
    while let Some(v) = crate::abstract_::iter::next(it.as_ptr())? {
        arr::append(op, v.as_ptr())?;
    }
    Ok(())
}

/// `frombytes` of raw item bytes ("bytes length not a multiple of item size").
pub(crate) unsafe fn from_raw(op: *mut PyObject, data: &[u8]) -> PyResult<()> {
    if data.len() % desc(op).size != 0 {
        return Err(value_error("bytes length not a multiple of item size"));
    }
    arr::push_bytes(op, data)
}

/// `fromunicode(s)` for a `u` array.
pub(crate) unsafe fn from_str(op: *mut PyObject, s: *mut PyObject) -> PyResult<()> {
    let n = pystr::len(s);
    let mut data = Vec::with_capacity(n * 4);
    for i in 0..n {
        data.extend_from_slice(&pystr::read_char(s, i).to_ne_bytes());
    }
    arr::push_bytes(op, &data)
}

/// `fromlist(list)`: all items or none.
pub(crate) unsafe fn from_list(op: *mut PyObject, l: *mut PyObject) -> PyResult<()> {
    let before = len(op);
    if before == 0 {
        arr::reserve_exact(op, list::len(l) * desc(op).size)?;
    }
    let mut i = 0;
    while i < list::len(l) {
        let v = new_ref(list::items(l)[i]);
        if let Err(e) = arr::append(op, v.as_ptr()) {
            arr::truncate(op, before)?;
            return Err(e);
        }
        i += 1;
    }
    Ok(())
}

unsafe extern "C" fn append(op: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    ret_obj(arr::append(op, v).map(|()| crate::modules::none_ref()))
}

unsafe extern "C" fn buffer_info(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let addr = int::from_u64(arr::bytes(op).as_ptr() as u64)?;
        let n = int::from_i64(len(op) as i64)?;
        tuple::from_slice(&[addr, n])
    })())
}

unsafe extern "C" fn byteswap(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let s = desc(op).size;
    if s > 1 {
        for chunk in arr::bytes_mut(op).chunks_exact_mut(s) {
            chunk.reverse();
        }
    }
    crate::modules::none_ref().into_ptr()
}

unsafe extern "C" fn count(op: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let mut n = 0i64;
        for i in 0..len(op) {
            if super::seq::item_equals(op, i, x)? {
                n += 1;
            }
        }
        int::from_i64(n)
    })())
}

unsafe extern "C" fn extend_m(op: *mut PyObject, src: *mut PyObject) -> *mut PyObject {
    ret_obj(extend(op, src).map(|()| crate::modules::none_ref()))
}

unsafe extern "C" fn frombytes(op: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let data = bytes_arg::read(b)?;
        let copy = data.as_slice().to_vec();
        drop(data);
        from_raw(op, &copy)?;
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn fromfile(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("fromfile", args, nargs, 2, 2)?;
        let n = crate::abstract_::item::as_ssize(a[1], Some(&raw mut exc::_PyExc_OverflowError))?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        let s = desc(op).size as isize;
        let Some(nbytes) = n.checked_mul(s) else { return Err(crate::object::pending_error::no_memory()) };
        let want = int::from_i64(nbytes as i64)?;
        let b = call_method(a[0], "read", &[want.as_ptr()])?;
        if !bytes::is_bytes(b.as_ptr()) {
            return Err(type_error("read() didn't return bytes"));
        }
        let got = bytes::as_slice(b.as_ptr());
        let whole = got.len() - got.len() % s as usize;
        arr::push_bytes(op, &got[..whole])?;
        if (got.len() as isize) != nbytes {
            return Err(raise_type(&raw mut exc::_PyExc_EOFError, "read() didn't return enough bytes"));
        }
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn fromlist(op: *mut PyObject, l: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if !list::is_list(l) {
            return Err(type_error("arg must be list"));
        }
        from_list(op, l)?;
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn fromunicode(op: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if !pystr::is_str(s) {
            return Err(type_error(format!("fromunicode() argument must be str, not {}", tp_name(s))));
        }
        if desc(op).kind != Kind::Char {
            return Err(value_error("fromunicode() may only be called on unicode type arrays"));
        }
        from_str(op, s)?;
        Ok(crate::modules::none_ref())
    })())
}

/// A start/stop bound of `index`, clipped to `[0, n]` like a slice bound.
unsafe fn bound(v: *mut PyObject, n: isize) -> PyResult<usize> {
    if !crate::abstract_::item::is_index(v) {
        return Err(type_error("slice indices must be integers or have an __index__ method"));
    }
    let mut i = crate::abstract_::item::as_ssize(v, None)?;
    if i < 0 {
        i = (i + n).max(0);
    }
    Ok(i as usize)
}

unsafe extern "C" fn index(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("index", args, nargs, 1, 3)?;
        let n = len(op) as isize;
        let start = match a.get(1) {
            Some(&v) => bound(v, n)?,
            None => 0,
        };
        let stop = match a.get(2) {
            Some(&v) => bound(v, n)?,
            None => usize::MAX,
        };
        match super::seq::find(op, a[0], start, stop)? {
            Some(i) => int::from_i64(i as i64),
            None => Err(value_error("array.index(x): x not in array")),
        }
    })())
}

unsafe extern "C" fn insert(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("insert", args, nargs, 2, 2)?;
        let n = len(op) as isize;
        let mut i = crate::abstract_::item::as_ssize(a[0], Some(&raw mut exc::_PyExc_OverflowError))?;
        if i < 0 {
            i = (i + n).max(0);
        }
        let i = i.min(n) as usize;
        let d = desc(op);
        let mut buf = [0u8; 8];
        item::set(d, a[1], &mut buf)?;
        arr::splice(op, i * d.size, i * d.size, &buf[..d.size])?;
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn pop(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("pop", args, nargs, 0, 1)?;
        let mut i = match a.first() {
            Some(&v) => crate::abstract_::item::as_ssize(v, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => -1,
        };
        let n = len(op) as isize;
        if n == 0 {
            return Err(raise_type(&raw mut exc::_PyExc_IndexError, "pop from empty array"));
        }
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(raise_type(&raw mut exc::_PyExc_IndexError, "pop index out of range"));
        }
        let v = arr::get(op, i as usize)?;
        let s = desc(op).size;
        arr::splice(op, i as usize * s, (i as usize + 1) * s, &[])?;
        Ok(v)
    })())
}

unsafe extern "C" fn remove(op: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let Some(i) = super::seq::find(op, x, 0, usize::MAX)? else {
            return Err(value_error("array.remove(x): x not in array"));
        };
        let s = desc(op).size;
        arr::splice(op, i * s, (i + 1) * s, &[])?;
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn reverse(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let s = desc(op).size;
    let data = arr::bytes_mut(op);
    let n = data.len() / s;
    for i in 0..n / 2 {
        let j = n - 1 - i;
        for k in 0..s {
            data.swap(i * s + k, j * s + k);
        }
    }
    crate::modules::none_ref().into_ptr()
}

unsafe extern "C" fn tobytes(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(bytes::from_slice(arr::bytes(op)))
}

/// `tofile` writes in blocks of this many bytes, as CPython does.
const BLOCKSIZE: usize = 64 * 1024;

unsafe extern "C" fn tofile(op: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let total = arr::bytes(op).len();
        let mut at = 0;
        while at < total {
            let end = (at + BLOCKSIZE).min(total);
            let chunk = bytes::from_slice(&arr::bytes(op)[at..end])?;
            call_method(f, "write", &[chunk.as_ptr()])?;
            at = end;
        }
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn tolist(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(to_list(op))
}

unsafe extern "C" fn tounicode(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if desc(op).kind != Kind::Char {
            return Err(value_error("tounicode() may only be called on unicode type arrays"));
        }
        super::seq::to_str(op)
    })())
}

unsafe extern "C" fn copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(arr::from_bytes((*op).ob_type, desc(op), arr::bytes(op)))
}

unsafe extern "C" fn sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(int::from_i64(((*(*op).ob_type).tp_basicsize as usize + arr::capacity(op)) as i64))
}

unsafe extern "C" fn reduce_ex(op: *mut PyObject, protocol: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let protocol = crate::objects::long_convert::as_i64(protocol)?;
        let name = crate::objects::str::intern("__dict__")?;
        let dict = match crate::object::object_attr::lookup_attr(op, name.as_ptr())? {
            Some(d) => d,
            None => new_ref(none()),
        };
        let cls = new_ref((*op).ob_type as *mut PyObject);
        let d = desc(op);
        let code = pystr::from_code_points(&[d.code as u32])?;
        if protocol < 3 {
            let args = tuple::from_slice(&[code, to_list(op)?])?;
            return tuple::from_slice(&[cls, args, dict]);
        }
        let args = tuple::from_slice(&[cls, code, int::from_i64(d.mformat as i64)?, bytes::from_slice(arr::bytes(op))?])?;
        tuple::from_slice(&[super::reconstructor()?, args, dict])
    })())
}

pub(crate) static mut ARRAY_METHODS: [PyMethodDef; 25] = [
    plain(c"append", append, METH_O).doc(c"append($self, v, /)\n--\n\nAppend new value v to the end of the array."),
    plain(c"buffer_info", buffer_info, METH_NOARGS).doc(c"buffer_info($self, /)\n--\n\nReturn a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."),
    plain(c"byteswap", byteswap, METH_NOARGS).doc(c"byteswap($self, /)\n--\n\nByteswap all items of the array."),
    plain(c"__copy__", copy, METH_NOARGS).doc(c"__copy__($self, /)\n--\n\nReturn a copy of the array."),
    plain(c"count", count, METH_O).doc(c"count($self, v, /)\n--\n\nReturn number of occurrences of v in the array."),
    plain(c"__deepcopy__", copy, METH_O).doc(c"__deepcopy__($self, unused, /)\n--\n\nReturn a copy of the array."),
    plain(c"extend", extend_m, METH_O).doc(c"extend($self, bb, /)\n--\n\nAppend items to the end of the array."),
    plain(c"frombytes", frombytes, METH_O).doc(c"frombytes($self, buffer, /)\n--\n\nAppends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."),
    fast(c"fromfile", fromfile, METH_FASTCALL).doc(c"fromfile($self, f, n, /)\n--\n\nRead n objects from the file object f and append them to the end of the array."),
    plain(c"fromlist", fromlist, METH_O).doc(c"fromlist($self, list, /)\n--\n\nAppend items to array from list."),
    plain(c"fromunicode", fromunicode, METH_O).doc(c"fromunicode($self, ustr, /)\n--\n\nExtends this array with data from the unicode string ustr."),
    fast(c"index", index, METH_FASTCALL).doc(c"index($self, v, start=0, stop=sys.maxsize, /)\n--\n\nReturn index of first occurrence of v in the array."),
    fast(c"insert", insert, METH_FASTCALL).doc(c"insert($self, i, v, /)\n--\n\nInsert a new item v into the array before position i."),
    fast(c"pop", pop, METH_FASTCALL).doc(c"pop($self, i=-1, /)\n--\n\nReturn the i-th element and delete it from the array."),
    plain(c"__reduce_ex__", reduce_ex, METH_O).doc(c"__reduce_ex__($self, value, /)\n--\n\nReturn state information for pickling."),
    plain(c"remove", remove, METH_O).doc(c"remove($self, v, /)\n--\n\nRemove the first occurrence of v in the array."),
    plain(c"reverse", reverse, METH_NOARGS).doc(c"reverse($self, /)\n--\n\nReverse the order of the items in the array."),
    plain(c"tofile", tofile, METH_O).doc(c"tofile($self, f, /)\n--\n\nWrite all items (as machine values) to the file object f."),
    plain(c"tolist", tolist, METH_NOARGS).doc(c"tolist($self, /)\n--\n\nConvert array to an ordinary list with the same items."),
    plain(c"tobytes", tobytes, METH_NOARGS).doc(c"tobytes($self, /)\n--\n\nConvert the array to an array of machine values and return the bytes representation."),
    plain(c"tounicode", tounicode, METH_NOARGS).doc(c"tounicode($self, /)\n--\n\nReturn the items of a 'u' array as a str."),
    plain(c"__sizeof__", sizeof, METH_NOARGS).doc(c"__sizeof__($self, /)\n--\n\nSize of the array in memory, in bytes."),
    END,
    END,
    END,
];
