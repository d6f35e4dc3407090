//! The configured file-system and stdio encodings replaced by their codecs' own names, as
//! CPython's `init_fs_encoding`/`init_stdio_encoding` do once codecs can be looked up:
//! `PYTHONIOENCODING=latin-1` reads back as 'iso8859-1' in `sys.stdout.encoding` and in the
//! configuration. An unknown encoding is a fatal initialization error with the
//! `LookupError` left pending for the report.
use core::ffi::CStr;

use crate::object::object_attr::lookup_attr;
use crate::objects::str as pystr;
use crate::pyport::wchar_t;
use crate::runtime::initconfig::{PyConfig, PyStatus, _PyStatus_type};
use crate::runtime::locale::{raw_wide_free, raw_wide_from_str, wide_to_string};

/// The name the codec registry gives `encoding` ('utf-8' for 'UTF8', 'iso8859-1' for
/// 'latin-1'); LookupError when no codec is known.
pub(crate) unsafe fn canonical(encoding: &str) -> crate::errors::raised::PyResult<String> {
    let info = crate::codecs::registry::lookup(encoding)?;
    // Without the `encodings` package the builtin codecs come back as bare tuples.
    let name = lookup_attr(info.as_ptr(), pystr::intern("name")?.as_ptr())?;
    Ok(match name {
        Some(n) if pystr::is_str(n.as_ptr()) => pystr::to_string(n.as_ptr()),
        _ => crate::modules::sys_functions::codec_name(encoding),
    })
}

/// Replaces one configuration string by its codec's name.
unsafe fn replace(field: &mut *mut wchar_t, func: &'static CStr, message: &'static CStr) -> Result<(), PyStatus> {
    let encoding = wide_to_string(*field);
    if encoding.is_empty() {
        return Ok(());
    }
    match canonical(&encoding) {
        Ok(name) => {
            if name != encoding {
                raw_wide_free(core::mem::replace(field, raw_wide_from_str(&name)));
            }
            Ok(())
        }
        Err(_) => Err(PyStatus { _type: _PyStatus_type::_PyStatus_TYPE_ERROR, func: func.as_ptr(), err_msg: message.as_ptr(), exitcode: 0 }),
    }
}

/// Both encodings of `config`, file-system first (as CPython).
pub(crate) unsafe fn apply(config: &mut PyConfig) -> Result<(), PyStatus> {
    replace(&mut config.filesystem_encoding, c"init_fs_encoding", c"failed to get the Python codec of the filesystem encoding")?;
    replace(&mut config.stdio_encoding, c"init_stdio_encoding", c"failed to get the Python codec name of the stdio encoding")
}
