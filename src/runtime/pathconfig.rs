//! The path configuration: program name, executable, home, prefixes and the module search
//! path, plus the legacy setters and getters (`Py_SetProgramName`, `Py_GetPath`, ...).
//!
//! Layout decision (docs/runtime.md): the pure-Python standard library is the one of the
//! CPython 3.11 installed on the machine, so `prefix`/`exec_prefix` are that installation's
//! prefix — the `sys.base_prefix` of the `python3` found at build time
//! (`FERROPY_CPYTHON_PREFIX`, set by build.rs) when its `lib/python3.11/os.py` exists, else
//! `/usr/local` or `/usr` (first with the landmark), else the build-time value. The module
//! search path is then what CPython computes for that prefix: `PYTHONPATH` entries, then
//! `PREFIX/lib/python311.zip`, `PREFIX/lib/python3.11`, `EXEC_PREFIX/lib/python3.11/lib-dynload`.
//! `home` (`PyConfig.home`, `Py_SetPythonHome`, `PYTHONHOME`) overrides the prefix as in
//! CPython ("PREFIX" or "PREFIX:EXEC_PREFIX").
use std::sync::Mutex;

use crate::pyport::wchar_t;
use crate::runtime::config_api;
use crate::runtime::initconfig::{PyConfig, PyStatus};
use crate::runtime::locale::{raw_wide_free, raw_wide_from_units, wide_to_vec};
use crate::runtime::preinit::env_var;
use crate::runtime::pystatus;
use crate::runtime::wide_string_list as wsl;

const STDLIB: &str = "lib/python3.11";
const LANDMARK: &str = "lib/python3.11/os.py";

/// A NUL-terminated wide string whose address stays put while it is kept.
type WideBox = Box<[wchar_t]>;

fn wide_box(units: &[u32]) -> WideBox {
    units.iter().map(|&u| u as wchar_t).chain(core::iter::once(0)).collect()
}

/// The process-wide path configuration (CPython's `_Py_path_config`): what the legacy
/// setters put there and what the last initialization computed. It outlives finalization:
/// a later initialization starts from it (so, as in CPython, the executable and prefixes
/// found the first time stay unless the embedder changes them).
struct Paths {
    program_name: Option<WideBox>,
    home: Option<WideBox>,
    program_full_path: Option<WideBox>,
    prefix: Option<WideBox>,
    exec_prefix: Option<WideBox>,
    stdlib_dir: Option<WideBox>,
    /// Set by `Py_SetPath`, consumed by the next initialization.
    module_search_path: Option<WideBox>,
    /// What `Py_GetPath` answers: the last computed search path, ':'-separated.
    calculated_module_search_path: Option<WideBox>,
}

static PATHS: Mutex<Paths> = Mutex::new(Paths {
    program_name: None,
    home: None,
    program_full_path: None,
    prefix: None,
    exec_prefix: None,
    stdlib_dir: None,
    module_search_path: None,
    calculated_module_search_path: None,
});

fn paths() -> std::sync::MutexGuard<'static, Paths> {
    PATHS.lock().unwrap_or_else(|p| p.into_inner())
}

fn unbox(b: &Option<WideBox>) -> Option<Vec<u32>> {
    b.as_ref().map(|b| b[..b.len() - 1].iter().map(|&c| c as u32).collect())
}

fn units(text: &str) -> Vec<u32> {
    text.chars().map(|c| c as u32).collect()
}

fn text(units: &[u32]) -> String {
    units.iter().map(|&u| char::from_u32(u).unwrap_or('\u{FFFD}')).collect()
}

fn is_file(path: &str) -> bool {
    std::fs::metadata(path).map(|m| m.is_file()).unwrap_or(false)
}

/// The installation prefix holding the standard library (see the module comment).
pub(crate) fn default_prefix() -> String {
    let built = env!("FERROPY_CPYTHON_PREFIX");
    for candidate in [built, "/usr/local", "/usr"] {
        if !candidate.is_empty() && is_file(&format!("{candidate}/{LANDMARK}")) {
            return candidate.to_string();
        }
    }
    if built.is_empty() { String::from("/usr/local") } else { built.to_string() }
}

/// The executable a program name designates: itself when it has a slash (made absolute),
/// else the first executable of that name on PATH, else "".
fn find_executable(name: &str) -> String {
    if name.is_empty() {
        return String::new();
    }
    if name.contains('/') {
        if name.starts_with('/') {
            return name.to_string();
        }
        return match std::env::current_dir() {
            Ok(dir) => format!("{}/{}", dir.display(), name),
            Err(_) => name.to_string(),
        };
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if let Ok(meta) = std::fs::metadata(&candidate) {
                use std::os::unix::fs::PermissionsExt;
                if meta.is_file() && meta.permissions().mode() & 0o111 != 0 {
                    return candidate.display().to_string();
                }
            }
        }
    }
    String::new()
}

/// A `PYTHONPATH` entry as CPython's path calculation makes it: normalized (`.` and empty
/// components dropped, `x/..` folded; a relative path keeps its leading `..`), then, when
/// relative, joined to the working directory (an empty entry is the directory itself).
fn absolute_entry(entry: &str, cwd: &str) -> String {
    let absolute = entry.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in entry.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|&p| p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => cwd.to_string(),
        (false, false) => format!("{}/{joined}", cwd.trim_end_matches('/')),
    }
}

unsafe fn set_str(field: &mut *mut wchar_t, value: &str) {
    raw_wide_free(core::mem::replace(field, raw_wide_from_units(&units(value))));
}

/// Fills the path fields of a read configuration (those it leaves NULL), as
/// initialization does.
pub(crate) unsafe fn compute(c: &mut PyConfig) -> PyStatus {
    let global = {
        let p = paths();
        [&p.program_name, &p.home, &p.program_full_path, &p.prefix, &p.exec_prefix, &p.stdlib_dir, &p.module_search_path]
            .map(unbox)
    };
    let [g_name, g_home, g_exe, g_prefix, g_exec_prefix, g_stdlib, g_path] = global;
    // What the global configuration has fills what the configuration leaves unset.
    for (field, value) in [
        (&mut c.program_name, &g_name),
        (&mut c.home, &g_home),
        (&mut c.executable, &g_exe),
        (&mut c.prefix, &g_prefix),
        (&mut c.exec_prefix, &g_exec_prefix),
        (&mut c.stdlib_dir, &g_stdlib),
    ] {
        if field.is_null() {
            if let Some(v) = value {
                *field = raw_wide_from_units(v);
            }
        }
    }
    if let Some(path) = &g_path {
        if c.module_search_paths_set == 0 {
            let entries: Vec<Vec<u32>> = text(path).split(':').map(units).collect();
            let status = wsl::set_units(&mut c.module_search_paths, &entries);
            if pystatus::is_exception(&status) {
                return status;
            }
            c.module_search_paths_set = 1;
        }
    }
    if c.program_name.is_null() {
        let name = match wsl::items(&c.orig_argv).first().map(|&w| wide_to_vec(w)) {
            Some(arg0) if !arg0.is_empty() => text(&arg0),
            _ => String::from("python3"),
        };
        set_str(&mut c.program_name, &name);
    }
    if c.home.is_null() && c.use_environment > 0 {
        if let Some(h) = env_var("PYTHONHOME") {
            set_str(&mut c.home, &h);
        }
    }
    let program_name = text(&wide_to_vec(c.program_name));
    if c.executable.is_null() {
        set_str(&mut c.executable, &find_executable(&program_name));
    }
    if c.base_executable.is_null() {
        let exe = text(&wide_to_vec(c.executable));
        set_str(&mut c.base_executable, &exe);
    }
    let (prefix, exec_prefix) = if !c.home.is_null() {
        let home = text(&wide_to_vec(c.home));
        match home.split_once(':') {
            Some((p, e)) => (p.to_string(), e.to_string()),
            None => (home.clone(), home),
        }
    } else {
        let p = default_prefix();
        (p.clone(), p)
    };
    if c.prefix.is_null() {
        set_str(&mut c.prefix, &prefix);
    }
    if c.exec_prefix.is_null() {
        set_str(&mut c.exec_prefix, &exec_prefix);
    }
    let prefix = text(&wide_to_vec(c.prefix));
    let exec_prefix = text(&wide_to_vec(c.exec_prefix));
    if c.base_prefix.is_null() {
        set_str(&mut c.base_prefix, &prefix);
    }
    if c.base_exec_prefix.is_null() {
        set_str(&mut c.base_exec_prefix, &exec_prefix);
    }
    if c.platlibdir.is_null() {
        set_str(&mut c.platlibdir, "lib");
    }
    if c.stdlib_dir.is_null() {
        set_str(&mut c.stdlib_dir, &format!("{prefix}/{STDLIB}"));
    }
    if c.module_search_paths_set == 0 {
        let mut entries: Vec<Vec<u32>> = Vec::new();
        if !c.pythonpath_env.is_null() {
            let env = text(&wide_to_vec(c.pythonpath_env));
            let cwd = std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
            entries.extend(env.split(':').map(|e| units(&absolute_entry(e, &cwd))));
        }
        entries.push(units(&format!("{prefix}/lib/python311.zip")));
        entries.push(units(&format!("{prefix}/{STDLIB}")));
        entries.push(units(&format!("{exec_prefix}/{STDLIB}/lib-dynload")));
        let status = wsl::set_units(&mut c.module_search_paths, &entries);
        if pystatus::is_exception(&status) {
            return status;
        }
        c.module_search_paths_set = 1;
    }
    pystatus::ok()
}

/// Makes the global path configuration (and so the getters) those of an initialized
/// configuration.
pub(crate) unsafe fn publish(c: &PyConfig) {
    let mut joined: Vec<u32> = Vec::new();
    for (i, item) in wsl::to_vecs(&c.module_search_paths).iter().enumerate() {
        if i > 0 {
            joined.push(':' as u32);
        }
        joined.extend_from_slice(item);
    }
    let boxed = |w: *mut wchar_t| (!w.is_null()).then(|| wide_box(&wide_to_vec(w)));
    let mut p = paths();
    p.program_name = boxed(c.program_name);
    p.home = boxed(c.home);
    p.program_full_path = boxed(c.executable);
    p.prefix = boxed(c.prefix);
    p.exec_prefix = boxed(c.exec_prefix);
    p.stdlib_dir = boxed(c.stdlib_dir);
    p.module_search_path = None;
    p.calculated_module_search_path = Some(wide_box(&joined));
}

/// The getters compute the path configuration when no initialization has.
fn ensure_computed() {
    {
        let p = paths();
        if p.calculated_module_search_path.is_some() && p.program_full_path.is_some() && p.prefix.is_some() {
            return;
        }
    }
    let mut c = config_api::init_compat();
    // SAFETY: `c` is a fresh configuration owned here.
    unsafe {
        if !pystatus::is_exception(&config_api::read(&mut c)) && !pystatus::is_exception(&compute(&mut c)) {
            publish(&c);
        }
        config_api::clear(&mut c);
    }
}

fn get(pick: impl Fn(&Paths) -> &Option<WideBox>) -> *mut wchar_t {
    ensure_computed();
    let p = paths();
    match pick(&p) {
        Some(b) => b.as_ptr() as *mut wchar_t,
        None => core::ptr::null_mut(),
    }
}

/// Replaces a global field (NULL or "" unsets it).
unsafe fn set_global(w: *const wchar_t, pick: impl Fn(&mut Paths) -> &mut Option<WideBox>) {
    let value = wide_to_vec(w);
    let mut p = paths();
    *pick(&mut p) = (!value.is_empty()).then(|| wide_box(&value));
}

/// `void Py_SetProgramName(const wchar_t *name)` (deprecated in 3.11): the program name
/// of the next initialization; NULL or "" unsets it.
#[no_mangle]
pub unsafe extern "C" fn Py_SetProgramName(name: *const wchar_t) {
    set_global(name, |p| &mut p.program_name);
}

/// `wchar_t *Py_GetProgramName(void)`: the program name; NULL before the first
/// initialization unless `Py_SetProgramName` set one (as CPython 3.11).
#[no_mangle]
pub extern "C" fn Py_GetProgramName() -> *mut wchar_t {
    let p = paths();
    p.program_name.as_ref().map_or(core::ptr::null_mut(), |b| b.as_ptr() as *mut wchar_t)
}

/// `void Py_SetPythonHome(const wchar_t *home)` (deprecated in 3.11); NULL or "" unsets.
#[no_mangle]
pub unsafe extern "C" fn Py_SetPythonHome(home: *const wchar_t) {
    set_global(home, |p| &mut p.home);
}

/// `wchar_t *Py_GetPythonHome(void)`: the home of the global path configuration, else
/// `PYTHONHOME`, else NULL.
#[no_mangle]
pub extern "C" fn Py_GetPythonHome() -> *mut wchar_t {
    let mut p = paths();
    if p.home.is_none() {
        if let Some(h) = env_var("PYTHONHOME") {
            p.home = Some(wide_box(&units(&h)));
        }
    }
    p.home.as_ref().map_or(core::ptr::null_mut(), |b| b.as_ptr() as *mut wchar_t)
}

/// `void Py_SetPath(const wchar_t *path)` (deprecated in 3.11): the module search path
/// (':'-separated) of the next initialization; prefix and exec_prefix become empty and the
/// stdlib directory is the home (or empty). NULL forgets the whole global path
/// configuration.
#[no_mangle]
pub unsafe extern "C" fn Py_SetPath(path: *const wchar_t) {
    let mut p = paths();
    if path.is_null() {
        *p = Paths {
            program_name: None,
            home: None,
            program_full_path: None,
            prefix: None,
            exec_prefix: None,
            stdlib_dir: None,
            module_search_path: None,
            calculated_module_search_path: None,
        };
        return;
    }
    p.prefix = Some(wide_box(&[]));
    p.exec_prefix = Some(wide_box(&[]));
    p.stdlib_dir = Some(p.home.clone().unwrap_or_else(|| wide_box(&[])));
    p.module_search_path = Some(wide_box(&wide_to_vec(path)));
}

/// `wchar_t *Py_GetPath(void)`: the module search path, ':'-separated.
#[no_mangle]
pub extern "C" fn Py_GetPath() -> *mut wchar_t {
    get(|p| &p.calculated_module_search_path)
}

/// `wchar_t *Py_GetPrefix(void)`.
#[no_mangle]
pub extern "C" fn Py_GetPrefix() -> *mut wchar_t {
    get(|p| &p.prefix)
}

/// `wchar_t *Py_GetExecPrefix(void)`.
#[no_mangle]
pub extern "C" fn Py_GetExecPrefix() -> *mut wchar_t {
    get(|p| &p.exec_prefix)
}

/// `wchar_t *Py_GetProgramFullPath(void)`: `sys.executable`.
#[no_mangle]
pub extern "C" fn Py_GetProgramFullPath() -> *mut wchar_t {
    get(|p| &p.program_full_path)
}

#[cfg(test)]
mod tests {
    use super::absolute_entry;

    #[test]
    fn pythonpath_entries_are_normalized_then_joined_to_the_working_directory() {
        let cwd = "/w/d";
        for (entry, want) in [
            ("", "/w/d"),
            (".", "/w/d"),
            ("./x/", "/w/d/x"),
            ("a/./b", "/w/d/a/b"),
            ("a//b", "/w/d/a/b"),
            ("a/../b", "/w/d/b"),
            ("a/..", "/w/d"),
            ("..", "/w/d/.."),
            ("a/../../y", "/w/d/../y"),
            ("/abs/../q", "/q"),
            ("/..", "/"),
            ("/a/b/../c/./d/..//e/", "/a/c/e"),
        ] {
            assert_eq!(absolute_entry(entry, cwd), want, "entry {entry:?}");
        }
    }
}
