//! ferropy's compiled-code cache: `__pycache__/NAME.ferropy-311.pyc` (`.opt-1`/`.opt-2`
//! under `-O`/`-OO`) beside a source module, so the second import skips the compiler.
//! The format is our own (the payload is `ferropy_compiler::code_cache`), behind a header:
//!
//! | bytes | field |
//! |---|---|
//! | 4 | magic `FPYC` |
//! | 4 | payload format version |
//! | 16 | the compiler build's `BYTECODE_ID` (hex) |
//! | 8 | the source's modification time, nanoseconds |
//! | 8 | the source's size |
//! | 4 | optimization level |
//! | 8 | FNV-1a checksum of the payload |
//!
//! A cache is used only when every field matches and the payload reads back; otherwise the
//! source is compiled again and the cache rewritten. Files are written to a temporary name
//! and renamed, so a reader never sees half a file; failures to write are ignored (as
//! CPython's are), and nothing is written under `-B`/`sys.dont_write_bytecode`.
use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;

use ferropy_compiler::code::CodeUnit;

/// `sys.implementation.cache_tag`, in cache file names.
pub(crate) const CACHE_TAG: &str = "ferropy-311";
const MAGIC: &[u8; 4] = b"FPYC";
const HEADER_LEN: usize = 4 + 4 + 16 + 8 + 8 + 4 + 8;

/// The cache file of source `file` at optimization level `optimize`; a `.pyc` file is
/// its own (sourceless). None for a file that is not `.py`.
pub(crate) fn cache_path(file: &str, optimize: u8) -> Option<String> {
    if file.ends_with(".pyc") {
        return Some(file.to_string());
    }
    let stem = file.strip_suffix(".py")?;
    let (dir, base) = match stem.rsplit_once('/') {
        Some((d, b)) => (format!("{d}/"), b),
        None => (String::new(), stem),
    };
    let opt = if optimize > 0 { format!(".opt-{optimize}") } else { String::new() };
    Some(format!("{dir}__pycache__/{base}.{CACHE_TAG}{opt}.pyc"))
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn mtime_ns(meta: &Metadata) -> u64 {
    (meta.mtime() as u64).wrapping_mul(1_000_000_000).wrapping_add(meta.mtime_nsec() as u64)
}

fn header(meta: &Metadata, optimize: u8, payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER_LEN);
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&ferropy_compiler::code_cache::FORMAT_VERSION.to_le_bytes());
    h.extend_from_slice(ferropy_compiler::BYTECODE_ID.as_bytes());
    h.extend_from_slice(&mtime_ns(meta).to_le_bytes());
    h.extend_from_slice(&meta.size().to_le_bytes());
    h.extend_from_slice(&(optimize as u32).to_le_bytes());
    h.extend_from_slice(&checksum(payload).to_le_bytes());
    h
}

/// The cached code of source `file` (whose metadata is `meta`), when the cache is valid.
pub(crate) fn load(file: &str, meta: &Metadata, optimize: u8) -> Option<CodeUnit> {
    let path = cache_path(file, optimize)?;
    let data = std::fs::read(path).ok()?;
    if data.len() < HEADER_LEN || ferropy_compiler::BYTECODE_ID.len() != 16 {
        return None;
    }
    let (head, payload) = data.split_at(HEADER_LEN);
    if head != header(meta, optimize, payload).as_slice() {
        return None;
    }
    ferropy_compiler::code_cache::read(payload, file).ok()
}

/// Writes the cache of source `file` unless bytecode writing is off.
///
/// # Safety
/// The GIL is held (reads `sys.dont_write_bytecode`).
pub(crate) unsafe fn store(file: &str, meta: &Metadata, optimize: u8, unit: &CodeUnit) {
    if dont_write_bytecode() {
        return;
    }
    let Some(path) = cache_path(file, optimize) else { return };
    let Some((dir, _)) = path.rsplit_once('/') else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let payload = ferropy_compiler::code_cache::write(unit);
    let mut bytes = header(meta, optimize, &payload);
    bytes.extend_from_slice(&payload);
    let tmp = format!("{path}.{}.tmp", std::process::id());
    if std::fs::write(&tmp, &bytes).is_err() || std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// `sys.dont_write_bytecode` (true when missing or unreadable: don't write then).
unsafe fn dont_write_bytecode() -> bool {
    let v = crate::modules::sys_api::PySys_GetObject(c"dont_write_bytecode".as_ptr());
    if v.is_null() {
        return true;
    }
    match crate::abstract_::object::is_true(v) {
        Ok(b) => b,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            true
        }
    }
}
