//! Socket addresses: Python objects to `sockaddr` for a socket's family (`(host, port)` for
//! AF_INET, `(host, port[, flowinfo[, scope_id]])` for AF_INET6, a path (str or bytes,
//! abstract when it starts with NUL) for AF_UNIX, `(pid, groups)` for AF_NETLINK) and
//! back, with CPython's messages.
use core::ffi::c_int;

use crate::abstract_::{tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, long_convert, str as pystr, tuple};

use super::errors::os_error;

/// Storage for any address the kernel hands back or takes.
pub(crate) struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    pub(crate) fn empty() -> SockAddr {
        // SAFETY: all-zero is a valid sockaddr_storage.
        SockAddr { storage: unsafe { core::mem::zeroed() }, len: core::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }

    pub(crate) fn as_ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }

    pub(crate) fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }

    fn write<T>(value: T) -> SockAddr {
        let mut a = SockAddr::empty();
        // SAFETY: every sockaddr_* type fits in sockaddr_storage.
        unsafe { core::ptr::write(a.as_mut_ptr() as *mut T, value) };
        a.len = core::mem::size_of::<T>() as libc::socklen_t;
        a
    }
}

/// A port number 0-65535 ("CALLER(): port must be 0-65535." otherwise).
unsafe fn port_arg(op: *mut PyObject, caller: &str) -> PyResult<u16> {
    let i = crate::abstract_::number::index(op)?;
    let v = long_convert::as_i64_with(i.as_ptr(), "Python int too large to convert to C int")?;
    u16::try_from(v).map_err(|_| raise_type(&raw mut exc::_PyExc_OverflowError, &format!("{caller}(): port must be 0-65535.")))
}

/// The host part of an address as bytes: str (IDNA for non-ASCII), bytes or bytearray.
pub(crate) unsafe fn host_text(op: *mut PyObject) -> PyResult<String> {
    if pystr::is_str(op) {
        let utf8 = crate::objects::str_utf8::as_utf8(op)?;
        if utf8.is_ascii() {
            return Ok(String::from_utf8_lossy(utf8).into_owned());
        }
        let codec = pystr::from_utf8("idna")?;
        let encoded = crate::modules::io::common::call_method(op, "encode", &[codec.as_ptr()])?;
        return Ok(String::from_utf8_lossy(bytes::as_slice(encoded.as_ptr())).into_owned());
    }
    if bytes::is_bytes(op) || crate::objects::bytearray::is_bytearray(op) {
        let data = bytes::bytes_like(op)?;
        return Ok(String::from_utf8_lossy(&data).into_owned());
    }
    Err(type_error(format!("str, bytes or bytearray expected, not {}", tp_name(op))))
}

/// Resolves a host name for `family` (CPython's rules: '' is the wildcard address,
/// '<broadcast>' the broadcast one, numeric IPv4 without a lookup, else getaddrinfo).
pub(crate) unsafe fn resolve(name: &str, family: c_int) -> PyResult<SockAddr> {
    if name.is_empty() {
        return super::resolve::first_address(None, family, libc::AI_PASSIVE);
    }
    if name == "<broadcast>" || name == "255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(os_error("address family mismatched"));
        }
        return Ok(inet(u32::MAX.to_be_bytes(), 0));
    }
    if family == libc::AF_INET || family == libc::AF_UNSPEC {
        if let Ok(ip) = name.parse::<std::net::Ipv4Addr>() {
            return Ok(inet(ip.octets(), 0));
        }
    }
    super::resolve::first_address(Some(name), family, 0)
}

fn inet(octets: [u8; 4], port: u16) -> SockAddr {
    SockAddr::write(libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: port.to_be(),
        sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(octets) },
        sin_zero: [0; 8],
    })
}

/// The address argument of `caller` (bind, connect, sendto, ...) for a socket of `family`.
pub(crate) unsafe fn parse(family: c_int, op: *mut PyObject, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => parse_unix(op),
        libc::AF_INET => {
            if !tuple::is_tuple(op) {
                return Err(type_error(format!("{caller}(): AF_INET address must be tuple, not {}", tp_name(op))));
            }
            let items = tuple::items(op);
            if items.len() != 2 {
                return Err(type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = host_text(items[0])?;
            let port = port_arg(items[1], caller)?;
            let mut a = resolve(&host, libc::AF_INET)?;
            (*(a.as_mut_ptr() as *mut libc::sockaddr_in)).sin_port = port.to_be();
            a.len = core::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            Ok(a)
        }
        libc::AF_INET6 => {
            if !tuple::is_tuple(op) {
                return Err(type_error(format!("{caller}(): AF_INET6 address must be tuple, not {}", tp_name(op))));
            }
            let items = tuple::items(op);
            if !(2..=4).contains(&items.len()) {
                return Err(type_error("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"));
            }
            let host = host_text(items[0])?;
            let port = port_arg(items[1], caller)?;
            let flowinfo = match items.get(2) {
                Some(&f) => {
                    let i = crate::abstract_::number::index(f)?;
                    let v = long_convert::as_i64_with(i.as_ptr(), "Python int too large to convert to C unsigned long")?;
                    if !(0..=0xfffff).contains(&v) {
                        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, &format!("{caller}(): flowinfo must be 0-1048575.")));
                    }
                    v
                }
                None => 0,
            };
            let scope_id = match items.get(3) {
                Some(&s) => unsigned_int_wrapping(s)?,
                None => 0,
            };
            let mut a = resolve(&host, libc::AF_INET6)?;
            let sin6 = a.as_mut_ptr() as *mut libc::sockaddr_in6;
            (*sin6).sin6_port = port.to_be();
            (*sin6).sin6_flowinfo = (flowinfo as u32).to_be();
            (*sin6).sin6_scope_id = scope_id;
            a.len = core::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            Ok(a)
        }
        libc::AF_NETLINK => {
            if !tuple::is_tuple(op) {
                return Err(type_error(format!("{caller}(): AF_NETLINK address must be tuple, not {}", tp_name(op))));
            }
            let items = tuple::items(op);
            if items.len() != 2 {
                return Err(type_error("AF_NETLINK address must be a pair (pid, groups)"));
            }
            let mut nl: libc::sockaddr_nl = core::mem::zeroed();
            nl.nl_family = libc::AF_NETLINK as libc::sa_family_t;
            nl.nl_pid = unsigned_int_wrapping(items[0])?;
            nl.nl_groups = unsigned_int_wrapping(items[1])?;
            Ok(SockAddr::write(nl))
        }
        _ => Err(os_error(&format!("{caller}(): bad family"))),
    }
}

/// A C `unsigned int` taken modulo 2**32 (the `I` format CPython uses for scope ids).
unsafe fn unsigned_int_wrapping(op: *mut PyObject) -> PyResult<u32> {
    let i = crate::abstract_::number::index(op)?;
    Ok(long_convert::low_u64(i.as_ptr()) as u32)
}

unsafe fn parse_unix(op: *mut PyObject) -> PyResult<SockAddr> {
    let path: Vec<u8> = if pystr::is_str(op) {
        bytes::as_slice(crate::codecs::fs_encoding::encode(op)?.as_ptr()).to_vec()
    } else {
        crate::modules::bytes_arg::read(op)?.as_slice().to_vec()
    };
    let mut un: libc::sockaddr_un = core::mem::zeroed();
    if path.len() > un.sun_path.len() {
        return Err(os_error("AF_UNIX path too long"));
    }
    un.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (d, &b) in un.sun_path.iter_mut().zip(&path) {
        *d = b as libc::c_char;
    }
    let mut a = SockAddr::write(un);
    a.len = (core::mem::offset_of!(libc::sockaddr_un, sun_path) + path.len()) as libc::socklen_t;
    Ok(a)
}

/// The numeric host text of an IPv4/IPv6 address (IPv6 with `%scope` as getnameinfo
/// gives it).
pub(crate) unsafe fn numeric_host(a: &SockAddr) -> PyResult<String> {
    let mut host = [0 as libc::c_char; libc::NI_MAXHOST as usize];
    let r = libc::getnameinfo(a.as_ptr(), a.len, host.as_mut_ptr(), host.len() as libc::socklen_t, core::ptr::null_mut(), 0, libc::NI_NUMERICHOST);
    if r != 0 {
        return Err(super::errors::gai_error(r));
    }
    Ok(core::ffi::CStr::from_ptr(host.as_ptr()).to_string_lossy().into_owned())
}

/// The Python form of an address the kernel returned (None when it is empty).
pub(crate) unsafe fn to_object(a: &SockAddr) -> PyResult<PyRef> {
    if a.len == 0 {
        return Ok(crate::modules::none_ref());
    }
    let family = a.storage.ss_family as c_int;
    match family {
        libc::AF_INET => {
            let sin = &*(a.as_ptr() as *const libc::sockaddr_in);
            let ip = std::net::Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            tuple::from_vec(vec![pystr::from_utf8(&ip.to_string())?, int::from_i64(u16::from_be(sin.sin_port) as i64)?])
        }
        libc::AF_INET6 => {
            let sin6 = &*(a.as_ptr() as *const libc::sockaddr_in6);
            tuple::from_vec(vec![
                pystr::from_utf8(&numeric_host(a)?)?,
                int::from_i64(u16::from_be(sin6.sin6_port) as i64)?,
                int::from_i64(u32::from_be(sin6.sin6_flowinfo) as i64)?,
                int::from_i64(sin6.sin6_scope_id as i64)?,
            ])
        }
        libc::AF_UNIX => {
            let un = &*(a.as_ptr() as *const libc::sockaddr_un);
            let offset = core::mem::offset_of!(libc::sockaddr_un, sun_path);
            let n = (a.len as usize).saturating_sub(offset).min(un.sun_path.len());
            let raw: Vec<u8> = un.sun_path[..n].iter().map(|&c| c as u8).collect();
            if raw.first() == Some(&0) {
                return bytes::from_slice(&raw);
            }
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            crate::codecs::fs_encoding::decode(&raw[..end])
        }
        libc::AF_NETLINK => {
            let nl = &*(a.as_ptr() as *const libc::sockaddr_nl);
            tuple::from_vec(vec![int::from_i64(nl.nl_pid as i64)?, int::from_i64(nl.nl_groups as i64)?])
        }
        _ => {
            let sa = &*a.as_ptr();
            let data: Vec<u8> = sa.sa_data.iter().map(|&c| c as u8).collect();
            tuple::from_vec(vec![int::from_i64(family as i64)?, bytes::from_slice(&data)?])
        }
    }
}
