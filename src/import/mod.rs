//! The import system (docs/import.md): builtin modules from the inittab, extension modules
//! found on `sys.path` and inside packages (single- and multi-phase init), namespace
//! packages, `__import__` with relative names and fromlists, reload, and Python source
//! modules (source_exec.rs, with compiled code cached by bytecode_cache.rs).
pub mod api;
pub mod bytecode_cache;
pub mod errors;
pub mod extension;
pub mod finder;
pub mod load;
pub mod punycode;
pub mod resolve;
pub mod source_exec;
pub mod spec;
pub mod state;
pub mod magic;
pub mod exec_code;
pub mod frozen;
pub mod loader_methods;
pub mod path_hooks;
pub mod module_locks;
pub mod import_time;
pub mod cache_objects;

/// The import machinery of a new interpreter, once its modules exist: the builtin modules
/// made at start-up get their `__spec__` and `__loader__`.
///
/// # Safety
/// The interpreter is current and its module table, sys and builtins exist.
pub(crate) unsafe fn setup() -> crate::errors::raised::PyResult<()> {
    finder::install_meta_path()?;
    load::setup_builtin_specs()
}
