//! Network interfaces: `if_nameindex`, `if_nametoindex`, `if_indextoname`.
use core::ffi::{c_char, c_uint, CStr};

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::errno_error;
use crate::modules::{meth, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::{bytes, int, list, long_convert, str as pystr, tuple};

use super::errors::os_error;

unsafe extern "C" fn if_nameindex(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let table = libc::if_nameindex();
        if table.is_null() {
            return Err(errno_error());
        }
        let out = (|| {
            let out = list::new(0)?;
            let mut p = table;
            while (*p).if_index != 0 {
                let name = crate::codecs::fs_encoding::decode(CStr::from_ptr((*p).if_name).to_bytes())?;
                let item = tuple::from_vec(vec![int::from_i64((*p).if_index as i64)?, name])?;
                list::append(out.as_ptr(), item.as_ptr())?;
                p = p.add(1);
            }
            Ok(out)
        })();
        libc::if_freenameindex(table);
        out
    })())
}

unsafe extern "C" fn if_nametoindex(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let encoded = crate::codecs::fs_encoding::fspath(name)?;
        let raw: Vec<u8> = match encoded {
            Some(p) if pystr::is_str(p.as_ptr()) => bytes::as_slice(crate::codecs::fs_encoding::encode(p.as_ptr())?.as_ptr()).to_vec(),
            Some(p) => bytes::as_slice(p.as_ptr()).to_vec(),
            None => {
                return Err(crate::abstract_::type_error(format!("expected str, bytes or os.PathLike object, not {}", crate::abstract_::tp_name(name))));
            }
        };
        let c = std::ffi::CString::new(raw).map_err(|_| raise_type(&raw mut exc::_PyExc_ValueError, "embedded null byte"))?;
        let index = libc::if_nametoindex(c.as_ptr());
        if index == 0 {
            return Err(os_error("no interface with this name"));
        }
        int::from_i64(index as i64)
    })())
}

unsafe extern "C" fn if_indextoname(_m: *mut PyObject, index: *mut PyObject) -> *mut PyObject {
    ret((|| -> PyResult<_> {
        let i = crate::abstract_::number::index(index)?;
        let v = long_convert::as_i64_with(i.as_ptr(), "Python int too large to convert to C unsigned long")?;
        if v < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "can't convert negative value to unsigned int"));
        }
        let v = c_uint::try_from(v).map_err(|_| raise_type(&raw mut exc::_PyExc_OverflowError, "index too large"))?;
        let mut buf = [0 as c_char; libc::IF_NAMESIZE];
        if libc::if_indextoname(v, buf.as_mut_ptr()).is_null() {
            return Err(errno_error());
        }
        crate::codecs::fs_encoding::decode(CStr::from_ptr(buf.as_ptr()).to_bytes())
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 3] = [
    meth(c"if_nameindex", if_nameindex, METH_NOARGS, c"if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."),
    meth(c"if_nametoindex", if_nametoindex, METH_O, c"if_nametoindex($module, oname, /)\n--\n\nReturns the interface index corresponding to the interface name if_name."),
    meth(c"if_indextoname", if_indextoname, METH_O, c"if_indextoname(if_index)\n\nReturns the interface name corresponding to the interface index if_index."),
];

