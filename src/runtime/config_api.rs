//! The `PyConfig` API (PEP 587): initializing a configuration (Python or isolated
//! defaults), setting its strings and lists, `PyConfig_Read` (environment variables and the
//! command line, as CPython 3.11 computes them), and `PyConfig_Clear`. The runtime keeps a
//! read copy of the configuration in the interpreter (`interpreter::config`), which `sys`
//! will read. Strings and lists of a configuration live in the raw memory domain.
use core::ffi::{c_char, c_int, c_ulong, CStr};

use crate::pyport::{wchar_t, Py_ssize_t};
use crate::runtime::initconfig::{PyConfig, PyPreConfig, PyStatus, PyWideStringList};
use crate::runtime::locale::{self, raw_wide_dup, raw_wide_free, raw_wide_from_str, raw_wide_from_units, wide_to_string, wide_to_vec};
use crate::runtime::preinit::{self, env_var, CONFIG_INIT_COMPAT, CONFIG_INIT_ISOLATED, CONFIG_INIT_PYTHON};
use crate::runtime::pystatus;
use crate::runtime::wide_string_list as wsl;

/// Calls `$m!(field)` for every string field of `PyConfig`.
macro_rules! string_fields {
    ($m:ident) => {
        $m!(dump_refs_file); $m!(filesystem_encoding); $m!(filesystem_errors);
        $m!(pycache_prefix); $m!(stdio_encoding); $m!(stdio_errors);
        $m!(check_hash_pycs_mode); $m!(program_name); $m!(pythonpath_env); $m!(home);
        $m!(platlibdir); $m!(stdlib_dir); $m!(executable); $m!(base_executable);
        $m!(prefix); $m!(base_prefix); $m!(exec_prefix); $m!(base_exec_prefix);
        $m!(run_command); $m!(run_module); $m!(run_filename);
    };
}
/// Calls `$m!(field)` for every list field of `PyConfig`.
macro_rules! list_fields {
    ($m:ident) => {
        $m!(orig_argv); $m!(argv); $m!(xoptions); $m!(warnoptions); $m!(module_search_paths);
    };
}

/// The defaults every kind of configuration starts from (CPython's compat config).
fn compat_defaults() -> PyConfig {
    // SAFETY: PyConfig is integers, pointers and lists of pointers: all-zero is valid.
    let mut c: PyConfig = unsafe { core::mem::zeroed() };
    c._config_init = CONFIG_INIT_COMPAT;
    c.isolated = -1;
    c.use_environment = -1;
    c.dev_mode = -1;
    c.install_signal_handlers = 1;
    c.use_hash_seed = -1;
    c.faulthandler = -1;
    c.tracemalloc = -1;
    c.code_debug_ranges = 1;
    c.parse_argv = 0;
    c.site_import = -1;
    c.bytes_warning = -1;
    c.warn_default_encoding = 0;
    c.inspect = -1;
    c.interactive = -1;
    c.optimization_level = -1;
    c.parser_debug = -1;
    c.write_bytecode = -1;
    c.verbose = -1;
    c.quiet = -1;
    c.user_site_directory = -1;
    c.configure_c_stdio = 0;
    c.buffered_stdio = -1;
    c.use_frozen_modules = 1;
    c.safe_path = 0;
    c.pathconfig_warnings = -1;
    c._install_importlib = 1;
    c._init_main = 1;
    c
}

fn python_defaults() -> PyConfig {
    PyConfig {
        _config_init: CONFIG_INIT_PYTHON,
        isolated: 0,
        use_environment: 1,
        parse_argv: 1,
        site_import: 1,
        bytes_warning: 0,
        inspect: 0,
        interactive: 0,
        optimization_level: 0,
        parser_debug: 0,
        write_bytecode: 1,
        verbose: 0,
        quiet: 0,
        user_site_directory: 1,
        configure_c_stdio: 1,
        buffered_stdio: 1,
        pathconfig_warnings: 1,
        ..compat_defaults()
    }
}

fn isolated_defaults() -> PyConfig {
    PyConfig {
        _config_init: CONFIG_INIT_ISOLATED,
        isolated: 1,
        use_environment: 0,
        dev_mode: 0,
        install_signal_handlers: 0,
        use_hash_seed: 0,
        faulthandler: 0,
        tracemalloc: 0,
        parse_argv: 0,
        user_site_directory: 0,
        configure_c_stdio: 0,
        safe_path: 1,
        pathconfig_warnings: 0,
        ..python_defaults()
    }
}

/// The compat configuration `Py_InitializeEx` starts from (no argv parsing).
pub(crate) fn init_compat() -> PyConfig {
    PyConfig { isolated: 0, use_environment: 1, site_import: 1, bytes_warning: 0, inspect: 0,
        interactive: 0, optimization_level: 0, parser_debug: 0, write_bytecode: 1, verbose: 0,
        quiet: 0, user_site_directory: 1, buffered_stdio: 1, pathconfig_warnings: 1,
        ..compat_defaults() }
}

/// Frees every string and list of a configuration (integers are left as they are).
pub(crate) unsafe fn clear(c: &mut PyConfig) {
    macro_rules! free_str { ($f:ident) => { raw_wide_free(core::mem::replace(&mut c.$f, core::ptr::null_mut())); } }
    macro_rules! free_list { ($f:ident) => { wsl::clear(&mut c.$f); } }
    string_fields!(free_str);
    list_fields!(free_list);
}

/// A deep copy of `src` (strings and lists duplicated).
pub(crate) unsafe fn copy(src: &PyConfig) -> Result<PyConfig, PyStatus> {
    let mut dst: PyConfig = core::ptr::read(src);
    macro_rules! dup_str { ($f:ident) => { dst.$f = raw_wide_dup(src.$f); } }
    macro_rules! null_list { ($f:ident) => { dst.$f = wsl::empty(); } }
    string_fields!(dup_str);
    list_fields!(null_list);
    macro_rules! dup_list { ($f:ident) => {
        let status = wsl::copy(&mut dst.$f, &src.$f);
        if pystatus::is_exception(&status) { clear(&mut dst); return Err(status); }
    } }
    list_fields!(dup_list);
    Ok(dst)
}

/// The preconfiguration a configuration implies (for the implicit pre-initialization).
fn preconfig_of(c: &PyConfig) -> PyPreConfig {
    let mut pre: PyPreConfig = unsafe { core::mem::zeroed() };
    // SAFETY: `pre` is a valid PyPreConfig to initialize.
    unsafe {
        if c._config_init == CONFIG_INIT_ISOLATED {
            preinit::PyPreConfig_InitIsolatedConfig(&mut pre);
        } else {
            preinit::PyPreConfig_InitPythonConfig(&mut pre);
            // The legacy configuration also reads the legacy global `Py_UTF8Mode`.
            pre._config_init = c._config_init;
        }
    }
    if c.isolated >= 0 {
        pre.isolated = c.isolated;
    }
    if c.use_environment >= 0 {
        pre.use_environment = c.use_environment;
    }
    if c.dev_mode >= 0 {
        pre.dev_mode = c.dev_mode;
    }
    pre.parse_argv = (c.parse_argv > 0) as c_int;
    pre
}

unsafe fn preinitialize_from(c: &PyConfig) -> PyStatus {
    let args: Vec<String> = wsl::items(&c.argv).iter().map(|&w| wide_to_string(w)).collect();
    preinit::preinitialize(&preconfig_of(c), Some(&args))
}

/// Replaces a string field with a raw-domain string (NULL allowed).
unsafe fn set_field(field: *mut *mut wchar_t, value: *mut wchar_t) {
    raw_wide_free(core::ptr::replace(field, value));
}

/// `void PyConfig_InitPythonConfig(PyConfig *config)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_InitPythonConfig(config: *mut PyConfig) {
    if let Some(c) = config.as_mut() {
        core::ptr::write(c, python_defaults());
    }
}

/// `void PyConfig_InitIsolatedConfig(PyConfig *config)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_InitIsolatedConfig(config: *mut PyConfig) {
    if let Some(c) = config.as_mut() {
        core::ptr::write(c, isolated_defaults());
    }
}

/// `void PyConfig_Clear(PyConfig *config)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_Clear(config: *mut PyConfig) {
    if let Some(c) = config.as_mut() {
        clear(c);
    }
}

/// `PyStatus PyConfig_SetString(PyConfig *config, wchar_t **config_str, const wchar_t *str)`:
/// stores a copy of `str` (NULL clears the field).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_SetString(_config: *mut PyConfig, config_str: *mut *mut wchar_t, str: *const wchar_t) -> PyStatus {
    if config_str.is_null() {
        return pystatus::error(c"config_str is NULL");
    }
    let copy = raw_wide_dup(str);
    if !str.is_null() && copy.is_null() {
        return pystatus::no_memory();
    }
    set_field(config_str, copy);
    pystatus::ok()
}

/// `PyStatus PyConfig_SetBytesString(PyConfig *config, wchar_t **config_str, const char *str)`:
/// pre-initializes (the locale decides the decoding), then stores `str` decoded with
/// `Py_DecodeLocale`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_SetBytesString(config: *mut PyConfig, config_str: *mut *mut wchar_t, str: *const c_char) -> PyStatus {
    let Some(c) = config.as_mut() else { return pystatus::error(c"config is NULL") };
    let status = preinitialize_from(c);
    if pystatus::is_exception(&status) {
        return status;
    }
    if config_str.is_null() {
        return pystatus::error(c"config_str is NULL");
    }
    let value = if str.is_null() {
        core::ptr::null_mut()
    } else {
        let w = locale::Py_DecodeLocale(str, core::ptr::null_mut());
        if w.is_null() {
            return pystatus::no_memory();
        }
        w
    };
    set_field(config_str, value);
    pystatus::ok()
}

/// `PyStatus PyConfig_SetWideStringList(PyConfig *config, PyWideStringList *list,
/// Py_ssize_t length, wchar_t **items)`: replaces `list` with copies of `items`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_SetWideStringList(config: *mut PyConfig, list: *mut PyWideStringList, length: Py_ssize_t, items: *mut *mut wchar_t) -> PyStatus {
    let Some(c) = config.as_mut() else { return pystatus::error(c"config is NULL") };
    let status = preinitialize_from(c);
    if pystatus::is_exception(&status) {
        return status;
    }
    let Some(list) = list.as_mut() else { return pystatus::error(c"list is NULL") };
    let all: Vec<Vec<u32>> = (0..length.max(0) as usize).map(|i| wide_to_vec(*items.add(i))).collect();
    wsl::set_units(list, &all)
}

/// `PyStatus PyConfig_SetArgv(PyConfig *config, Py_ssize_t argc, wchar_t * const *argv)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_SetArgv(config: *mut PyConfig, argc: Py_ssize_t, argv: *const *mut wchar_t) -> PyStatus {
    let Some(c) = config.as_mut() else { return pystatus::error(c"config is NULL") };
    let all: Vec<Vec<u32>> = (0..argc.max(0) as usize).map(|i| wide_to_vec(*argv.add(i))).collect();
    let status = wsl::set_units(&mut c.argv, &all);
    if pystatus::is_exception(&status) {
        return status;
    }
    preinitialize_from(c)
}

/// `PyStatus PyConfig_SetBytesArgv(PyConfig *config, Py_ssize_t argc, char * const *argv)`:
/// pre-initializes, then decodes each argument with `Py_DecodeLocale`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_SetBytesArgv(config: *mut PyConfig, argc: Py_ssize_t, argv: *const *mut c_char) -> PyStatus {
    let Some(c) = config.as_mut() else { return pystatus::error(c"config is NULL") };
    let args: Vec<String> = (0..argc.max(0) as usize)
        .map(|i| String::from_utf8_lossy(CStr::from_ptr(*argv.add(i)).to_bytes()).into_owned())
        .collect();
    let mut pre = preconfig_of(c);
    pre.parse_argv = (c.parse_argv > 0) as c_int;
    let status = preinit::preinitialize(&pre, Some(&args));
    if pystatus::is_exception(&status) {
        return status;
    }
    let encoding = locale::current_encoding();
    let all: Vec<Vec<u32>> = (0..argc.max(0) as usize)
        .map(|i| locale::decode(CStr::from_ptr(*argv.add(i)).to_bytes(), encoding))
        .collect();
    wsl::set_units(&mut c.argv, &all)
}

fn units(text: &str) -> Vec<u32> {
    text.chars().map(|c| c as u32).collect()
}

/// What the command line adds that is not a field by itself.
#[derive(Default)]
struct CommandLine {
    warnoptions: Vec<Vec<u32>>,
}

/// Usage error: CPython's message and usage lines on stderr, exit status 2.
fn usage_error(program: &str, message: &str) -> PyStatus {
    c_print(
        &format!("{message}\nusage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"),
        true,
    );
    pystatus::exit(2)
}

/// The texts `python -h`, `--help-env`, `--help-xoptions` and `--help-all` print, as
/// CPython 3.11.7 prints them (`{program}` stands for argv[0]).
const HELP: &str = include_str!("help/help.txt");
const HELP_ENV: &str = include_str!("help/help-env.txt");
const HELP_XOPTIONS: &str = include_str!("help/help-xoptions.txt");
const HELP_ALL: &str = include_str!("help/help-all.txt");

/// Prints a help text to stdout; the command line then exits with status 0.
fn print_help(text: &str, program: &str) -> PyStatus {
    c_print(&text.replacen("{program}", program, 1), false);
    pystatus::exit(0)
}

extern "C" {
    static mut stdout: *mut libc::FILE;
    static mut stderr: *mut libc::FILE;
}

/// Writes through C's stdio (as CPython does), so the text lands in order with what the
/// embedding program printed with printf.
fn c_print(text: &str, to_stderr: bool) {
    // SAFETY: glibc's stream pointers; fwrite takes any bytes.
    unsafe {
        let stream = if to_stderr { stderr } else { stdout };
        libc::fwrite(text.as_ptr().cast(), 1, text.len(), stream);
        libc::fflush(stream);
    }
}

/// Parses `config.argv` as CPython's command line does: options update the configuration,
/// and argv becomes what `sys.argv` will be.
unsafe fn parse_command_line(c: &mut PyConfig, cmd: &mut CommandLine) -> Result<(), PyStatus> {
    let args: Vec<Vec<u32>> = wsl::to_vecs(&c.argv);
    let text = |a: &Vec<u32>| -> String { a.iter().map(|&u| char::from_u32(u).unwrap_or('\u{FFFD}')).collect() };
    let program = args.first().map(text).unwrap_or_else(|| String::from("python"));
    let mut i = 1;
    let mut rest_start = None;
    let mut first_rest = None::<Vec<u32>>;
    let mut version = 0;
    // Options that take an argument: attached ("-cpass") or the next argument.
    let take_arg = |i: &mut usize, attached: &[u32], opt: char| -> Result<Vec<u32>, PyStatus> {
        if !attached.is_empty() {
            return Ok(attached.to_vec());
        }
        *i += 1;
        match args.get(*i) {
            Some(a) => Ok(a.clone()),
            None => Err(usage_error(&program, &format!("Argument expected for the -{opt} option"))),
        }
    };
    'args: while i < args.len() {
        let arg = &args[i];
        let s = text(arg);
        if s == "--" {
            i += 1;
            break;
        }
        if !s.starts_with('-') || s == "-" {
            break;
        }
        if let Some(long) = s.strip_prefix("--") {
            match long {
                "check-hash-based-pycs" => {
                    i += 1;
                    let Some(mode) = args.get(i).map(text) else {
                        return Err(usage_error(&program, "Argument expected for the --check-hash-based-pycs option"));
                    };
                    if !matches!(mode.as_str(), "default" | "always" | "never") {
                        return Err(usage_error(&program, "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"));
                    }
                    set_field(&mut c.check_hash_pycs_mode, raw_wide_from_str(&mode));
                }
                "version" => version += 1,
                "help" => return Err(print_help(HELP, &program)),
                "help-env" => return Err(print_help(HELP_ENV, &program)),
                "help-xoptions" => return Err(print_help(HELP_XOPTIONS, &program)),
                "help-all" => return Err(print_help(HELP_ALL, &program)),
                _ => return Err(usage_error(&program, &format!("unknown option {s}"))),
            }
            i += 1;
            continue;
        }
        let flags: Vec<u32> = arg[1..].to_vec();
        let mut k = 0;
        while k < flags.len() {
            let opt = char::from_u32(flags[k]).unwrap_or('\u{FFFD}');
            let attached = &flags[k + 1..];
            match opt {
                'c' => {
                    let mut command = take_arg(&mut i, attached, 'c')?;
                    command.push('\n' as u32);
                    set_field(&mut c.run_command, raw_wide_from_units(&command));
                    first_rest = Some(units("-c"));
                    rest_start = Some(i + 1);
                    break 'args;
                }
                'm' => {
                    let module = take_arg(&mut i, attached, 'm')?;
                    set_field(&mut c.run_module, raw_wide_from_units(&module));
                    first_rest = Some(units("-m"));
                    rest_start = Some(i + 1);
                    break 'args;
                }
                'W' => {
                    cmd.warnoptions.push(take_arg(&mut i, attached, 'W')?);
                    break;
                }
                'X' => {
                    let x = take_arg(&mut i, attached, 'X')?;
                    let status = wsl::append_units(&mut c.xoptions, &x);
                    if pystatus::is_exception(&status) {
                        return Err(status);
                    }
                    break;
                }
                'b' => c.bytes_warning += 1,
                'B' => c.write_bytecode = 0,
                'd' => c.parser_debug += 1,
                'E' => c.use_environment = 0,
                'i' => {
                    c.inspect += 1;
                    c.interactive += 1;
                }
                'I' => {
                    c.isolated = 1;
                }
                'O' => c.optimization_level += 1,
                'P' => c.safe_path = 1,
                'q' => c.quiet += 1,
                'R' => c.use_hash_seed = 0,
                's' => c.user_site_directory = 0,
                'S' => c.site_import = 0,
                't' => {}
                'u' => c.buffered_stdio = 0,
                'v' => c.verbose += 1,
                'x' => c.skip_source_first_line = 1,
                'V' => version += 1,
                'h' | '?' => return Err(print_help(HELP, &program)),
                'J' => {
                    return Err(usage_error(&program, "-J is reserved for Jython"));
                }
                _ => return Err(usage_error(&program, &format!("Unknown option: -{opt}"))),
            }
            k += 1;
        }
        i += 1;
    }
    if version > 0 {
        if version > 1 {
            c_print(&format!("Python {}\n", crate::runtime::version::version_str()), false);
        } else {
            c_print(&format!("Python {}\n", crate::runtime::version::PY_VERSION), false);
        }
        return Err(pystatus::exit(0));
    }
    // What remains becomes sys.argv: [-c|-m|script|''|'-', args...].
    let mut new_argv: Vec<Vec<u32>> = Vec::new();
    match (first_rest, rest_start) {
        (Some(first), Some(start)) => {
            new_argv.push(first);
            new_argv.extend(args.iter().skip(start).cloned());
        }
        _ => {
            if i < args.len() {
                let script = &args[i];
                if text(script) != "-" {
                    set_field(&mut c.run_filename, raw_wide_from_units(&absolute_path(script)));
                }
                new_argv.extend(args.iter().skip(i).cloned());
            }
        }
    }
    if new_argv.is_empty() {
        new_argv.push(Vec::new());
    }
    let status = wsl::set_units(&mut c.argv, &new_argv);
    if pystatus::is_exception(&status) {
        return Err(status);
    }
    Ok(())
}

/// A script path made absolute against the working directory (CPython 3.11 does this).
fn absolute_path(path: &[u32]) -> Vec<u32> {
    if path.first() == Some(&('/' as u32)) {
        return path.to_vec();
    }
    match std::env::current_dir() {
        Ok(dir) => {
            let mut out = locale::decode(dir.as_os_str().as_encoded_bytes(), locale::current_encoding());
            out.push('/' as u32);
            out.extend_from_slice(path);
            out
        }
        Err(_) => path.to_vec(),
    }
}

/// C's `strtol` in base 10 over the whole string: leading white space and a sign allowed,
/// nothing after the digits, no overflow (CPython's `_Py_str_to_int`, in i64).
fn parse_c_integer(text: &str) -> Option<i64> {
    let t = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    Some(if negative { -n } else { n })
}

/// CPython's integer environment flags: a set, non-empty variable raises the flag to its
/// integer value (1 when not a non-negative integer).
fn env_flag(use_env: bool, name: &str, flag: &mut c_int) {
    if !use_env {
        return;
    }
    if let Some(value) = env_var(name) {
        let v = parse_c_integer(&value).and_then(|v| c_int::try_from(v).ok()).filter(|v| *v >= 0).unwrap_or(1);
        if *flag < v {
            *flag = v;
        }
    }
}

/// Reads `PYTHONHASHSEED`: "random" (or unset) means random hashing; an integer in
/// 0..=4294967295 fixes the seed.
fn read_hash_seed(c: &mut PyConfig, use_env: bool) -> Result<(), PyStatus> {
    if c.use_hash_seed >= 0 {
        return Ok(());
    }
    match use_env.then(|| env_var("PYTHONHASHSEED")).flatten() {
        Some(v) if v != "random" => match parse_seed(&v) {
            Some(seed) => {
                c.use_hash_seed = 1;
                c.hash_seed = seed as c_ulong;
            }
            None => {
                return Err(PyStatus {
                    func: c"config_init_hash_seed".as_ptr(),
                    ..pystatus::error(c"PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")
                })
            }
        },
        _ => {
            c.use_hash_seed = 0;
            c.hash_seed = 0;
        }
    }
    Ok(())
}

/// `PYTHONHASHSEED` as CPython reads it (`strtoul`): white space and a sign before the
/// digits, nothing after; "-0" is 0, any other negative number wraps out of range.
fn parse_seed(text: &str) -> Option<u32> {
    let t = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    if negative && n != 0 {
        return None;
    }
    u32::try_from(n).ok()
}

/// The `-X` options that set fields.
unsafe fn apply_xoptions(c: &mut PyConfig) {
    for x in wsl::to_vecs(&c.xoptions) {
        let x: String = x.iter().map(|&u| char::from_u32(u).unwrap_or('\u{FFFD}')).collect();
        let (name, value) = match x.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (x.clone(), None),
        };
        match name.as_str() {
            "importtime" => c.import_time = 1,
            "no_debug_ranges" => c.code_debug_ranges = 0,
            "faulthandler" => c.faulthandler = 1,
            "warn_default_encoding" => c.warn_default_encoding = 1,
            "pycache_prefix" => {
                if let Some(v) = value {
                    set_field(&mut c.pycache_prefix, raw_wide_from_str(&v));
                }
            }
            "frozen_modules" => match value.as_deref() {
                Some("on") => c.use_frozen_modules = 1,
                Some("off") => c.use_frozen_modules = 0,
                _ => {}
            },
            _ => {}
        }
    }
}

/// `stdio_errors`: surrogateescape where the locale is C/POSIX/C.UTF-8 or in UTF-8 mode.
fn default_stdio_errors() -> &'static str {
    if preinit::utf8_mode_enabled() {
        return "surrogateescape";
    }
    // SAFETY: a query of the current locale.
    let name = unsafe { libc::setlocale(libc::LC_CTYPE, core::ptr::null()) };
    let name = if name.is_null() { String::new() } else { unsafe { CStr::from_ptr(name) }.to_string_lossy().into_owned() };
    match name.as_str() {
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
        _ => "strict",
    }
}

/// The name of the locale's encoding as CPython reports it ("utf-8" in UTF-8 mode, else
/// `nl_langinfo(CODESET)`).
pub(crate) fn locale_encoding_name() -> String {
    if preinit::utf8_mode_enabled() {
        return String::from("utf-8");
    }
    // SAFETY: nl_langinfo returns a static NUL-terminated string.
    let codeset = unsafe { CStr::from_ptr(libc::nl_langinfo(libc::CODESET)) }.to_string_lossy().into_owned();
    if codeset.is_empty() { String::from("utf-8") } else { codeset }
}

/// `PyConfig_Read`'s work on a configuration.
pub(crate) unsafe fn read(c: &mut PyConfig) -> PyStatus {
    let status = preinitialize_from(c);
    if pystatus::is_exception(&status) {
        return status;
    }
    match read_steps(c) {
        Ok(()) => pystatus::ok(),
        Err(status) => status,
    }
}

unsafe fn read_steps(c: &mut PyConfig) -> Result<(), PyStatus> {
    let check = |status: PyStatus| if pystatus::is_exception(&status) { Err(status) } else { Ok(()) };
    if c.orig_argv.length == 0 && c.argv.length > 0 {
        check(wsl::copy(&mut c.orig_argv, &c.argv))?;
    }
    if c.dev_mode < 0 {
        c.dev_mode = preinit::dev_mode();
    }
    let mut cmd = CommandLine::default();
    if c.parse_argv == 1 {
        parse_command_line(c, &mut cmd)?;
    }
    if c.isolated > 0 {
        c.use_environment = 0;
        c.user_site_directory = 0;
        c.safe_path = 1;
    }
    let use_env = c.use_environment > 0;
    env_flag(use_env, "PYTHONDEBUG", &mut c.parser_debug);
    env_flag(use_env, "PYTHONVERBOSE", &mut c.verbose);
    env_flag(use_env, "PYTHONOPTIMIZE", &mut c.optimization_level);
    env_flag(use_env, "PYTHONINSPECT", &mut c.inspect);
    let mut flag = 0;
    env_flag(use_env, "PYTHONDONTWRITEBYTECODE", &mut flag);
    if flag > 0 {
        c.write_bytecode = 0;
    }
    flag = 0;
    env_flag(use_env, "PYTHONNOUSERSITE", &mut flag);
    if flag > 0 {
        c.user_site_directory = 0;
    }
    flag = 0;
    env_flag(use_env, "PYTHONUNBUFFERED", &mut flag);
    if flag > 0 {
        c.buffered_stdio = 0;
    }
    if use_env && c.pythonpath_env.is_null() {
        if let Some(path) = env_var("PYTHONPATH") {
            set_field(&mut c.pythonpath_env, raw_wide_from_str(&path));
        }
    }
    let env_warnings: Vec<Vec<u32>> = use_env
        .then(|| env_var("PYTHONWARNINGS"))
        .flatten()
        .map(|v| v.split(',').filter(|s| !s.is_empty()).map(units).collect())
        .unwrap_or_default();
    for w in &env_warnings {
        if !wsl::contains(&c.warnoptions, w) {
            check(wsl::append_units(&mut c.warnoptions, w))?;
        }
    }
    read_hash_seed(c, use_env)?;
    if use_env {
        if env_var("PYTHONPROFILEIMPORTTIME").is_some() {
            c.import_time = 1;
        }
        if env_var("PYTHONNODEBUGRANGES").is_some() {
            c.code_debug_ranges = 0;
        }
        if env_var("PYTHONMALLOCSTATS").is_some() {
            c.malloc_stats = 1;
        }
        if env_var("PYTHONWARNDEFAULTENCODING").is_some() {
            c.warn_default_encoding = 1;
        }
        if c.pycache_prefix.is_null() {
            if let Some(p) = env_var("PYTHONPYCACHEPREFIX") {
                set_field(&mut c.pycache_prefix, raw_wide_from_str(&p));
            }
        }
        if env_var("PYTHONSAFEPATH").is_some() {
            c.safe_path = 1;
        }
        if c.faulthandler < 0 && env_var("PYTHONFAULTHANDLER").is_some() {
            c.faulthandler = 1;
        }
        if c.tracemalloc < 0 {
            if let Some(v) = env_var("PYTHONTRACEMALLOC") {
                match parse_c_integer(&v).and_then(|n| c_int::try_from(n).ok()).filter(|n| *n >= 0) {
                    Some(n) => c.tracemalloc = n,
                    None => {
                        return Err(PyStatus {
                            func: c"config_init_tracemalloc".as_ptr(),
                            ..pystatus::error(c"PYTHONTRACEMALLOC: invalid number of frames")
                        })
                    }
                }
            }
        }
    }
    apply_xoptions(c);
    if c.dev_mode > 0 && c.faulthandler < 0 {
        c.faulthandler = 1;
    }
    if c.faulthandler < 0 {
        c.faulthandler = 0;
    }
    if c.tracemalloc < 0 {
        c.tracemalloc = 0;
    }
    // Warning options, lowest precedence first: dev mode, PYTHONWARNINGS, -W, -b/-bb,
    // then what the embedder set; duplicates dropped.
    let mut options: Vec<Vec<u32>> = Vec::new();
    let mut push = |o: Vec<u32>| if !options.contains(&o) { options.push(o) };
    if c.dev_mode > 0 {
        push(units("default"));
    }
    env_warnings.into_iter().for_each(&mut push);
    cmd.warnoptions.into_iter().for_each(&mut push);
    if c.bytes_warning > 0 {
        push(units(if c.bytes_warning > 1 { "error::BytesWarning" } else { "default::BytesWarning" }));
    }
    wsl::to_vecs(&c.warnoptions).into_iter().for_each(&mut push);
    check(wsl::set_units(&mut c.warnoptions, &options))?;
    if c.argv.length == 0 {
        check(wsl::append_units(&mut c.argv, &[]))?;
    }
    let encoding = locale_encoding_name();
    if c.filesystem_encoding.is_null() {
        set_field(&mut c.filesystem_encoding, raw_wide_from_str(&encoding));
    }
    if c.filesystem_errors.is_null() {
        set_field(&mut c.filesystem_errors, raw_wide_from_str("surrogateescape"));
    }
    // PYTHONIOENCODING=[encoding][:errors]; an encoding without errors means "strict".
    if let Some(io) = use_env.then(|| env_var("PYTHONIOENCODING")).flatten() {
        let (enc, errors) = match io.split_once(':') {
            Some((e, r)) => (e, Some(r).filter(|r| !r.is_empty())),
            None => (io.as_str(), None),
        };
        let errors = if enc.is_empty() { errors } else { Some(errors.unwrap_or("strict")) };
        if !enc.is_empty() && c.stdio_encoding.is_null() {
            set_field(&mut c.stdio_encoding, raw_wide_from_str(enc));
        }
        if let (Some(errors), true) = (errors, c.stdio_errors.is_null()) {
            set_field(&mut c.stdio_errors, raw_wide_from_str(errors));
        }
    }
    if c.stdio_encoding.is_null() {
        set_field(&mut c.stdio_encoding, raw_wide_from_str(&encoding));
    }
    if c.stdio_errors.is_null() {
        set_field(&mut c.stdio_errors, raw_wide_from_str(default_stdio_errors()));
    }
    if c.check_hash_pycs_mode.is_null() {
        set_field(&mut c.check_hash_pycs_mode, raw_wide_from_str("default"));
    }
    if c.parse_argv == 1 {
        c.parse_argv = 2;
    }
    Ok(())
}

/// `PyStatus PyConfig_Read(PyConfig *config)`: fills what the configuration leaves to be
/// computed (see `read_steps`). Paths are computed by initialization, as in 3.11.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyConfig_Read(config: *mut PyConfig) -> PyStatus {
    match config.as_mut() {
        Some(c) => read(c),
        None => pystatus::error(c"config is NULL"),
    }
}
