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

use crate::import::cache_objects::Failure;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

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
    if let Some(prefix) = pycache_prefix() {
        // As CPython: the source's absolute directory re-rooted under the prefix.
        let dir = if dir.starts_with('/') { dir } else { format!("{}/{dir}", std::env::current_dir().ok()?.to_str()?) };
        return Some(format!("{}/{}{base}.{CACHE_TAG}{opt}.pyc", prefix.trim_end_matches('/'), dir.trim_start_matches('/')));
    }
    Some(format!("{dir}__pycache__/{base}.{CACHE_TAG}{opt}.pyc"))
}

/// `sys.pycache_prefix` (`-X pycache_prefix=DIR`, `PYTHONPYCACHEPREFIX`) from the
/// interpreter's configuration, None when unset.
fn pycache_prefix() -> Option<String> {
    let interp = crate::runtime::interpreter::current()?;
    let p = interp.config.pycache_prefix;
    // SAFETY: the configuration's strings live as long as the interpreter.
    (!p.is_null()).then(|| unsafe { crate::runtime::locale::wide_to_string(p) }).filter(|s| !s.is_empty())
}

/// A checksum of the payload, read on every cache hit: four independent multiply-rotate
/// lanes over 8-byte words (a byte-at-a-time hash cost ~5% of a warm import).
fn checksum(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut lanes: [u64; 4] = [0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x0000_0100_0000_01b3, 0x27d4_eb2f_1656_67c5];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
            *lane = (*lane ^ w).wrapping_mul(PRIME).rotate_left(31);
        }
    }
    let mut h = lanes.iter().fold(bytes.len() as u64, |h, &l| (h ^ l).wrapping_mul(PRIME).rotate_left(27));
    for &b in blocks.remainder() {
        h = (h ^ b as u64).wrapping_mul(PRIME);
    }
    h ^ (h >> 29)
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

/// The code object cached for source `file` (whose metadata is `meta`; `filename` is the
/// same path as a str, the code's `co_filename`), when the cache is valid. A cache that
/// does not read back is ignored (the caller compiles the source), as is a Python error
/// while making the objects.
pub(crate) fn load(file: &str, meta: &Metadata, optimize: u8, filename: *mut PyObject) -> Option<PyRef> {
    let path = cache_path(file, optimize)?;
    let data = std::fs::read(path).ok()?;
    if data.len() < HEADER_LEN || ferropy_compiler::BYTECODE_ID.len() != 16 {
        return None;
    }
    let (head, payload) = data.split_at(HEADER_LEN);
    if head != header(meta, optimize, payload).as_slice() {
        return None;
    }
    match crate::import::cache_objects::code_from_payload(payload, filename) {
        Ok(code) => Some(code),
        Err(Failure::Damaged) => None,
        Err(Failure::Raised(_)) => {
            // SAFETY: the GIL is held by the importer.
            unsafe { crate::errors::pyerr::PyErr_Clear() };
            None
        }
    }
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

#[cfg(test)]
mod tests {
    use super::checksum;

    #[test]
    fn checksum_sees_every_byte_and_the_length() {
        let data: Vec<u8> = (0..100u32).map(|i| (i * 7) as u8).collect();
        let base = checksum(&data);
        for i in 0..data.len() {
            let mut damaged = data.clone();
            damaged[i] ^= 1;
            assert_ne!(checksum(&damaged), base, "byte {i}");
        }
        assert_ne!(checksum(&data[..99]), base);
        assert_ne!(checksum(&[]), checksum(&[0]));
    }
}
