//! Build script: gives the cdylib CPython's soname and compiles the few C files
//! (variadic entry points) in src/c/.
use std::path::Path;

fn main() {
    // The library is a drop-in for CPython's: programs record this name as DT_NEEDED.
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libpython3.11.so.1.0");
    // Short exported C-API functions start on a 64-byte line (tools/gen_align_c_api.py says why).
    let align_script = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("src/link/align_c_api.ld");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-T,{}", align_script.display());
    println!("cargo:rerun-if-changed=src/link");
    link_for_resident_memory();
    println!("cargo:rerun-if-changed=src/c");
    println!("cargo:rerun-if-changed=include");
    println!("cargo:rustc-env=FERROPY_RUSTC_VERSION={}", rustc_version());
    // Where the CPython 3.11 whose pure-Python standard library we use is installed
    // (src/runtime/pathconfig.rs; empty when no python3 is found at build time).
    println!("cargo:rustc-env=FERROPY_CPYTHON_PREFIX={}", cpython_prefix());
    println!("cargo:rerun-if-env-changed=PATH");

    let c_dir = Path::new("src/c");
    let mut sources: Vec<_> = std::fs::read_dir(c_dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "c"))
                .collect()
        })
        .unwrap_or_default();
    sources.sort();
    if sources.is_empty() {
        return;
    }
    let mut build = cc::Build::new();
    build
        .include("include")
        .flag("-fvisibility=hidden")
        .warnings(true)
        .extra_warnings(true)
        .flag("-Wno-unused-parameter");
    for s in &sources {
        println!("cargo:rerun-if-changed={}", s.display());
        build.file(s);
    }
    build.compile("ferropy_c");
}

/// Linker options that keep the library's resident pages few (docs/performance.md,
/// "Session 11 (memory)"). Only where rustc links with its own lld (x86_64 Linux, the
/// default since Rust 1.90): GNU ld has no `--symbol-ordering-file`.
fn link_for_resident_memory() {
    println!("cargo:rerun-if-changed=src/startup_functions.txt");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    if std::env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu") {
        return;
    }
    // A linker of the user's choice may not be lld: leave the defaults.
    let rustflags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let chosen = ["linker", "fuse-ld", "link-self-contained"].iter().any(|w| rustflags.contains(w));
    if chosen || std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some() {
        return;
    }
    // The kernel maps file pages in 64 KiB windows around each fault: the functions start-up
    // runs (tools/gen_startup_order.py) laid out together fill a few windows instead of
    // touching nearly every window of .text. Names that no longer exist are skipped.
    let order = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/startup_functions.txt");
    if order.exists() {
        println!("cargo:rustc-cdylib-link-arg=-Wl,--symbol-ordering-file={}", order.display());
        println!("cargo:rustc-cdylib-link-arg=-Wl,--no-warn-symbol-ordering");
    }
    // ~20,000 relative relocations as a bitmap (DT_RELR, glibc 2.36+) instead of 24-byte
    // RELA entries: ld.so reads all of them at load, ~500 KB of file pages.
    println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
}

/// "rustc 1.95.0", for `Py_GetCompiler` and `sys.version`.
fn rustc_version() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = std::process::Command::new(rustc).arg("--version").output();
    let text = out.ok().and_then(|o| String::from_utf8(o.stdout).ok()).unwrap_or_default();
    let words: Vec<&str> = text.split_whitespace().take(2).collect();
    if words.len() == 2 { words.join(" ") } else { "rustc".into() }
}

/// `sys.base_prefix` of the `python3` on PATH, if it is a 3.11.
fn cpython_prefix() -> String {
    std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.base_prefix if sys.version_info[:2] == (3, 11) else '')"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
