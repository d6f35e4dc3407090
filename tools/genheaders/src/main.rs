//! `genheaders [--check]`: run cbindgen over the ferropy crate with `cbindgen.toml`.
//!
//! Writes `include/ferropy_generated.h` (included by Python.h), and one more header per
//! entry of `SEPARATE`: the items of a Rust file that CPython declares only in a header that
//! Python.h does not include (datetime.h), so that `#include <Python.h>` alone does not show
//! them. With `--check` it writes nothing and exits 1 when a committed header differs from
//! what the sources generate (a stale header).
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const MAIN_OUTPUT: &str = "include/ferropy_generated.h";

/// (Rust source file, generated header included by the hand-written header that owns it).
const SEPARATE: &[(&str, &str)] = &[("src/runtime/datetime.rs", "include/ferropy_datetime_generated.h")];

/// Names of the items a Rust file declares for C (structs, unions, enums, consts, types).
fn declared_items(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in source.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.first() != Some(&"pub") {
            continue;
        }
        if let Some(kind_at) = words.iter().position(|w| ["struct", "union", "enum", "const", "type"].contains(w)) {
            if let Some(name) = words.get(kind_at + 1) {
                let name: String = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    names.push(name);
                }
            }
        }
    }
    names
}

fn generate(builder: cbindgen::Builder) -> Result<Vec<u8>, String> {
    let bindings = builder.generate().map_err(|e| format!("cbindgen failed: {e}"))?;
    let mut out = Vec::new();
    bindings.write(&mut out);
    Ok(out)
}

fn write_or_check(root: &Path, output: &str, generated: &[u8], check: bool) -> bool {
    let path = root.join(output);
    if check {
        if std::fs::read(&path).unwrap_or_default() != generated {
            eprintln!("genheaders: {output} is stale; run `make headers` and commit it");
            return false;
        }
        println!("genheaders: {output} is up to date");
    } else {
        std::fs::write(&path, generated).expect("write generated header");
        println!("genheaders: wrote {output}");
    }
    true
}

fn run(check: bool) -> Result<bool, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().map_err(|e| format!("repository root: {e}"))?;
    let config = cbindgen::Config::from_file(root.join("cbindgen.toml"))
        .map_err(|e| format!("cannot read cbindgen.toml: {e}"))?;

    let mut main_config = config.clone();
    let mut ok = true;
    for (source, output) in SEPARATE {
        let text = std::fs::read_to_string(root.join(source)).map_err(|e| format!("{source}: {e}"))?;
        let items = declared_items(&text);
        main_config.export.exclude.extend(items.iter().cloned());
        let mut own = config.clone();
        own.export.include = items;
        own.include_guard = Some(format!(
            "FERROPY_{}",
            Path::new(output).file_stem().unwrap().to_string_lossy().to_uppercase()
        ));
        let generated = generate(cbindgen::Builder::new().with_config(own).with_src(root.join(source)))?;
        ok &= write_or_check(&root, output, &generated, check);
    }
    let generated = generate(cbindgen::Builder::new().with_config(main_config).with_crate(&root))?;
    ok &= write_or_check(&root, MAIN_OUTPUT, &generated, check);
    Ok(ok)
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    match run(check) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("genheaders: {e}");
            ExitCode::FAILURE
        }
    }
}
