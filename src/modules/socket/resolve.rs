//! Name resolution: `getaddrinfo`, `getnameinfo`, `gethostbyname(_ex)`, `gethostbyaddr`,
//! `gethostname`/`sethostname`, `getservbyname`/`getservbyport`, `getprotobyname`.
//! Lookups release the GIL; failures are `gaierror`/`herror`/OSError as in CPython.
use core::ffi::{c_char, c_int, CStr};
use std::ffi::CString;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, errno_error, without_gil};
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, list, long_convert, str as pystr, tuple};

use super::address::{self, SockAddr};
use super::errors::{gai_error, h_error, os_error};

/// The addresses getaddrinfo found, freed on drop.
struct AddrInfo(*mut libc::addrinfo);

impl Drop for AddrInfo {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: the list getaddrinfo returned, freed once.
            unsafe { libc::freeaddrinfo(self.0) };
        }
    }
}

impl AddrInfo {
    fn iter(&self) -> impl Iterator<Item = &libc::addrinfo> {
        let mut p = self.0;
        core::iter::from_fn(move || {
            if p.is_null() {
                return None;
            }
            // SAFETY: a node of getaddrinfo's list, alive while `self` is.
            let node = unsafe { &*p };
            p = node.ai_next;
            Some(node)
        })
    }
}

fn c_string(text: &str) -> PyResult<CString> {
    CString::new(text).map_err(|_| raise_type(&raw mut exc::_PyExc_ValueError, "embedded null character"))
}

/// `getaddrinfo(3)` with the GIL released.
unsafe fn lookup(host: Option<&CStr>, port: Option<&CStr>, family: c_int, socktype: c_int, proto: c_int, flags: c_int) -> PyResult<AddrInfo> {
    let mut hints: libc::addrinfo = core::mem::zeroed();
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let (h, p) = (host.map_or(0, |h| h.as_ptr() as usize), port.map_or(0, |p| p.as_ptr() as usize));
    let hints_addr = &hints as *const libc::addrinfo as usize;
    let mut res: *mut libc::addrinfo = core::ptr::null_mut();
    let res_addr = &mut res as *mut *mut libc::addrinfo as usize;
    let r = without_gil(|| libc::getaddrinfo(h as *const c_char, p as *const c_char, hints_addr as *const libc::addrinfo, res_addr as *mut *mut libc::addrinfo));
    let list = AddrInfo(res);
    if r != 0 {
        return Err(gai_error(r));
    }
    Ok(list)
}

fn copy_addr(ai: &libc::addrinfo) -> SockAddr {
    let mut a = SockAddr::empty();
    let n = (ai.ai_addrlen as usize).min(core::mem::size_of::<libc::sockaddr_storage>());
    // SAFETY: `ai_addr` holds `ai_addrlen` bytes; the storage is large enough.
    unsafe { core::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, a.as_mut_ptr() as *mut u8, n) };
    a.len = n as libc::socklen_t;
    a
}

/// The first address `name` (None: the wildcard with AI_PASSIVE) resolves to for `family`.
pub(crate) unsafe fn first_address(name: Option<&str>, family: c_int, flags: c_int) -> PyResult<SockAddr> {
    let host = name.map(c_string).transpose()?;
    let port = if name.is_none() { Some(c"0") } else { None };
    let found = lookup(host.as_deref(), port, family, libc::SOCK_DGRAM, 0, flags)?;
    let first = found.iter().next().map(copy_addr);
    first.ok_or_else(|| gai_error(libc::EAI_NONAME))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
unsafe extern "C" fn getaddrinfo(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "getaddrinfo", names: &["host", "port", "family", "type", "proto", "flags"], positional_only: 0, max_positional: 6, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let (host, port) = (b[0].unwrap(), b[1].unwrap());
        let host = if host == none() {
            None
        } else if pystr::is_str(host) || bytes::is_bytes(host) {
            Some(c_string(&address::host_text(host)?)?)
        } else {
            return Err(type_error("getaddrinfo() argument 1 must be string or None"));
        };
        let port = if port == none() {
            None
        } else if int::is_int(port) {
            Some(c_string(&long_convert::as_i64(port)?.to_string())?)
        } else if pystr::is_str(port) {
            Some(c_string(&String::from_utf8_lossy(crate::objects::str_utf8::as_utf8(port)?))?)
        } else if bytes::is_bytes(port) {
            Some(c_string(&String::from_utf8_lossy(bytes::as_slice(port)))?)
        } else {
            return Err(os_error("Int or String expected"));
        };
        let mut ints = [0 as c_int; 4];
        for (i, slot) in ints.iter_mut().enumerate() {
            if let Some(v) = b[2 + i] {
                *slot = c_int_arg(v)?;
            }
        }
        let found = lookup(host.as_deref(), port.as_deref(), ints[0], ints[1], ints[2], ints[3])?;
        let out = list::new(0)?;
        for ai in found.iter() {
            let canon = if ai.ai_canonname.is_null() { String::new() } else { CStr::from_ptr(ai.ai_canonname).to_string_lossy().into_owned() };
            let item = tuple::from_vec(vec![
                int::from_i64(ai.ai_family as i64)?,
                int::from_i64(ai.ai_socktype as i64)?,
                int::from_i64(ai.ai_protocol as i64)?,
                pystr::from_utf8(&canon)?,
                address::to_object(&copy_addr(ai))?,
            ])?;
            list::append(out.as_ptr(), item.as_ptr())?;
        }
        Ok(out)
    })())
}

/// A `str` argument of a positional function ("NAME() argument N must be str, not T").
unsafe fn str_arg(function: &str, position: usize, op: *mut PyObject) -> PyResult<CString> {
    if !pystr::is_str(op) {
        return Err(type_error(format!("{function}() argument {position} must be str, not {}", tp_name(op))));
    }
    c_string(&String::from_utf8_lossy(crate::objects::str_utf8::as_utf8(op)?))
}

/// `getnameinfo(sockaddr, flags, /)`: `(host, port)`.
unsafe extern "C" fn getnameinfo(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("getnameinfo", a.len(), 2, 2)?;
        let (sa, flags) = (a[0], c_int_arg(a[1])?);
        if !tuple::is_tuple(sa) {
            return Err(type_error("getnameinfo() argument 1 must be a tuple"));
        }
        let items = tuple::items(sa);
        if !(2..=4).contains(&items.len()) || !pystr::is_str(items[0]) {
            return Err(type_error("getnameinfo(): illegal sockaddr argument"));
        }
        let host = str_arg("getnameinfo", 1, items[0])?;
        let port = c_int_arg(items[1])?;
        let flowinfo = match items.get(2) {
            Some(&f) => {
                let v = c_int_arg(f)? as i64;
                if !(0..=0xfffff).contains(&v) {
                    return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575."));
                }
                v as u32
            }
            None => 0,
        };
        let scope_id = match items.get(3) {
            Some(&s) => c_int_arg(s)? as u32,
            None => 0,
        };
        let port_text = c_string(&port.to_string())?;
        let found = lookup(Some(&host), Some(&port_text), libc::AF_UNSPEC, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST)?;
        let mut nodes = found.iter();
        let Some(first) = nodes.next() else { return Err(gai_error(libc::EAI_NONAME)) };
        if nodes.next().is_some() {
            return Err(os_error("sockaddr resolved to multiple addresses"));
        }
        let mut addr = copy_addr(first);
        match first.ai_family {
            libc::AF_INET if items.len() != 2 => return Err(os_error("IPv4 sockaddr must be 2 tuple")),
            libc::AF_INET6 => {
                let sin6 = addr.as_mut_ptr() as *mut libc::sockaddr_in6;
                (*sin6).sin6_flowinfo = flowinfo.to_be();
                (*sin6).sin6_scope_id = scope_id;
            }
            _ => {}
        }
        let mut hbuf = [0 as c_char; libc::NI_MAXHOST as usize];
        let mut sbuf = [0 as c_char; 32];
        let (hp, sp, ap) = (hbuf.as_mut_ptr() as usize, sbuf.as_mut_ptr() as usize, addr.as_ptr() as usize);
        let r = without_gil(|| libc::getnameinfo(ap as *const libc::sockaddr, addr.len, hp as *mut c_char, 1025, sp as *mut c_char, 32, flags));
        if r != 0 {
            return Err(gai_error(r));
        }
        tuple::from_vec(vec![
            pystr::from_utf8(&CStr::from_ptr(hbuf.as_ptr()).to_string_lossy())?,
            pystr::from_utf8(&CStr::from_ptr(sbuf.as_ptr()).to_string_lossy())?,
        ])
    })())
}

/// The host argument of the gethostby* functions (str, bytes or bytearray).
unsafe fn host_arg(function: &str, op: *mut PyObject) -> PyResult<String> {
    if !pystr::is_str(op) && !bytes::is_bytes(op) && !crate::objects::bytearray::is_bytearray(op) {
        return Err(type_error(format!("{function}() argument 1 must be str, bytes or bytearray, not {}", tp_name(op))));
    }
    address::host_text(op)
}

/// `gethostbyname(host, /)`: the IPv4 address as text.
unsafe extern "C" fn gethostbyname(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = host_arg("gethostbyname", arg)?;
        let a = address::resolve(&name, libc::AF_INET)?;
        pystr::from_utf8(&address::numeric_host(&a)?)
    })())
}

/// Runs a `gethostby*_r` call (GIL released), growing its buffer on ERANGE; the
/// `(name, aliases, addresses)` triple or herror.
unsafe fn host_entry(call: impl Fn(*mut libc::hostent, *mut c_char, usize, *mut *mut libc::hostent, *mut c_int) -> c_int) -> PyResult<PyRef> {
    let mut size = 16384usize;
    loop {
        let mut buf = vec![0 as c_char; size];
        let mut entry: libc::hostent = core::mem::zeroed();
        let mut result: *mut libc::hostent = core::ptr::null_mut();
        let mut herr: c_int = 0;
        let (ep, bp, rp, hp) = (&mut entry as *mut _ as usize, buf.as_mut_ptr() as usize, &mut result as *mut _ as usize, &mut herr as *mut c_int as usize);
        let r = without_gil(|| call(ep as *mut libc::hostent, bp as *mut c_char, size, rp as *mut *mut libc::hostent, hp as *mut c_int));
        if r == libc::ERANGE && size < 1 << 24 {
            size *= 4;
            continue;
        }
        if result.is_null() {
            return Err(h_error(if herr != 0 { herr } else { 1 }));
        }
        return entry_tuple(&*result);
    }
}

unsafe fn c_list(p: *mut *mut c_char) -> Vec<*mut c_char> {
    let mut out = Vec::new();
    if p.is_null() {
        return out;
    }
    let mut i = 0;
    while !(*p.add(i)).is_null() {
        out.push(*p.add(i));
        i += 1;
    }
    out
}

unsafe fn entry_tuple(h: &libc::hostent) -> PyResult<PyRef> {
    let name = pystr::from_utf8(&CStr::from_ptr(h.h_name).to_string_lossy())?;
    let aliases = list::new(0)?;
    for a in c_list(h.h_aliases) {
        list::append(aliases.as_ptr(), pystr::from_utf8(&CStr::from_ptr(a).to_string_lossy())?.as_ptr())?;
    }
    let addrs = list::new(0)?;
    for a in c_list(h.h_addr_list) {
        let text = match h.h_addrtype {
            libc::AF_INET6 => super::inet::ntop(libc::AF_INET6, core::slice::from_raw_parts(a as *const u8, 16)),
            _ => super::inet::ntop(libc::AF_INET, core::slice::from_raw_parts(a as *const u8, 4)),
        };
        list::append(addrs.as_ptr(), pystr::from_utf8(&text)?.as_ptr())?;
    }
    tuple::from_vec(vec![name, aliases, addrs])
}

/// `gethostbyname_ex(host, /)`: `(name, aliases, addresses)` (IPv4).
unsafe extern "C" fn gethostbyname_ex(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // Declared here, not at module level, so the header generator does not export it.
    extern "C" {
        fn gethostbyname_r(name: *const c_char, ret: *mut libc::hostent, buf: *mut c_char, buflen: libc::size_t, result: *mut *mut libc::hostent, h_errnop: *mut c_int) -> c_int;
    }
    ret((|| {
        let name = host_arg("gethostbyname_ex", arg)?;
        address::resolve(&name, libc::AF_INET)?;
        let c = c_string(&name)?;
        let cp = c.as_ptr() as usize;
        host_entry(|e, b, n, r, h| gethostbyname_r(cp as *const c_char, e, b, n, r, h))
    })())
}

/// `gethostbyaddr(ip, /)`: `(name, aliases, addresses)` for an address or name.
unsafe extern "C" fn gethostbyaddr(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    extern "C" {
        fn gethostbyaddr_r(addr: *const libc::c_void, len: libc::socklen_t, type_: c_int, ret: *mut libc::hostent, buf: *mut c_char, buflen: libc::size_t, result: *mut *mut libc::hostent, h_errnop: *mut c_int) -> c_int;
    }
    ret((|| {
        let name = host_arg("gethostbyaddr", arg)?;
        let a = address::resolve(&name, libc::AF_UNSPEC)?;
        let (ptr, len, family) = match a.storage.ss_family as c_int {
            libc::AF_INET6 => (&(*(a.as_ptr() as *const libc::sockaddr_in6)).sin6_addr as *const _ as usize, 16, libc::AF_INET6),
            _ => (&(*(a.as_ptr() as *const libc::sockaddr_in)).sin_addr as *const _ as usize, 4, libc::AF_INET),
        };
        host_entry(|e, b, n, r, h| gethostbyaddr_r(ptr as *const libc::c_void, len, family, e, b, n, r, h))
    })())
}

/// `gethostname()`.
unsafe extern "C" fn gethostname(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut buf = [0 as c_char; 1024];
        if libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) < 0 {
            return Err(errno_error());
        }
        crate::codecs::fs_encoding::decode(CStr::from_ptr(buf.as_ptr()).to_bytes())
    })())
}

/// `sethostname(name, /)`.
unsafe extern "C" fn sethostname(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name: Vec<u8> = if pystr::is_str(arg) {
            bytes::as_slice(crate::codecs::fs_encoding::encode(arg)?.as_ptr()).to_vec()
        } else {
            crate::modules::bytes_arg::read(arg)?.as_slice().to_vec()
        };
        if libc::sethostname(name.as_ptr() as *const c_char, name.len()) < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `getservbyname(servicename[, protocolname], /)`: the port.
unsafe extern "C" fn getservbyname(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("getservbyname", a.len(), 1, 2)?;
        let name = str_arg("getservbyname", 1, a[0])?;
        let proto = a.get(1).map(|&p| str_arg("getservbyname", 2, p)).transpose()?;
        let (np, pp) = (name.as_ptr() as usize, proto.as_ref().map_or(0, |p| p.as_ptr() as usize));
        let port = without_gil(|| {
            let s = libc::getservbyname(np as *const c_char, pp as *const c_char);
            if s.is_null() { None } else { Some((*s).s_port) }
        });
        match port {
            Some(p) => int::from_i64(u16::from_be(p as u16) as i64),
            None => Err(os_error("service/proto not found")),
        }
    })())
}

/// `getservbyport(port[, protocolname], /)`: the service name.
unsafe extern "C" fn getservbyport(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("getservbyport", a.len(), 1, 2)?;
        let port = c_int_arg(a[0])?;
        let proto = a.get(1).map(|&p| str_arg("getservbyport", 2, p)).transpose()?;
        if !(0..=0xffff).contains(&port) {
            return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "getservbyport: port must be 0-65535."));
        }
        let pp = proto.as_ref().map_or(0, |p| p.as_ptr() as usize);
        let name = without_gil(|| {
            let s = libc::getservbyport((port as u16).to_be() as c_int, pp as *const c_char);
            if s.is_null() { None } else { Some(CStr::from_ptr((*s).s_name).to_string_lossy().into_owned()) }
        });
        match name {
            Some(n) => pystr::from_utf8(&n),
            None => Err(os_error("port/proto not found")),
        }
    })())
}

/// `getprotobyname(name, /)`.
unsafe extern "C" fn getprotobyname(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = str_arg("getprotobyname", 1, arg)?;
        let p = libc::getprotobyname(name.as_ptr());
        if p.is_null() {
            return Err(os_error("protocol not found"));
        }
        int::from_i64((*p).p_proto as i64)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 10] = [
    fast_kw(c"getaddrinfo", getaddrinfo, c"getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)\n\nResolve host and port into addrinfo struct."),
    fast(c"getnameinfo", getnameinfo, c"getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr."),
    meth(c"gethostbyname", gethostbyname, METH_O, c"gethostbyname(host) -> address\n\nReturn the IP address (a string of the form '255.255.255.255') for a host."),
    meth(c"gethostbyname_ex", gethostbyname_ex, METH_O, c"gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."),
    meth(c"gethostbyaddr", gethostbyaddr, METH_O, c"gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."),
    meth(c"gethostname", gethostname, METH_NOARGS, c"gethostname() -> string\n\nReturn the current host name."),
    meth(c"sethostname", sethostname, METH_O, c"sethostname(name)\n\nSets the hostname to name."),
    fast(c"getservbyname", getservbyname, c"getservbyname(servicename[, protocolname]) -> integer\n\nReturn a port number from a service name and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any protocol will match."),
    fast(c"getservbyport", getservbyport, c"getservbyport(port[, protocolname]) -> string\n\nReturn the service name from a port number and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any protocol will match."),
    meth(c"getprotobyname", getprotobyname, METH_O, c"getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol.  (Rarely used.)"),
];
