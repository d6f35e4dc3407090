//! `genheaders [--check]`: run cbindgen over the ferropy crate with `cbindgen.toml`.
//! Without flags it writes `include/ferropy_generated.h`; with `--check` it exits 1 when
//! the committed header differs from what the sources generate (a stale header).
use std::path::PathBuf;
use std::process::ExitCode;

const OUTPUT: &str = "include/ferropy_generated.h";

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().expect("repository root");
    let config = match cbindgen::Config::from_file(root.join("cbindgen.toml")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("genheaders: cannot read cbindgen.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bindings = match cbindgen::Builder::new()
        .with_config(config)
        .with_crate(&root)
        .generate()
    {
        Ok(b) => b,
        Err(e) => {
            eprintln!("genheaders: cbindgen failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let path = root.join(OUTPUT);
    if check {
        let committed = std::fs::read(&path).unwrap_or_default();
        if committed != generated {
            eprintln!("genheaders: {OUTPUT} is stale; run `make headers` and commit it");
            return ExitCode::FAILURE;
        }
        println!("genheaders: {OUTPUT} is up to date");
    } else {
        std::fs::write(&path, &generated).expect("write generated header");
        println!("genheaders: wrote {OUTPUT}");
    }
    ExitCode::SUCCESS
}
