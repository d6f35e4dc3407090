//! The `--dump-ast` command line (shared by `ferropy` and the parser's own binary).

use std::io::Write;

/// `--dump-ast [--include-attributes] FILE` and the bulk form used by the tests,
/// `--dump-ast-many [--include-attributes] LISTFILE` (one path per line; each result is
/// followed by a line `\x1e` so one process serves the whole stdlib).
/// Returns the exit status, or None if the arguments are not ours.
pub fn run(args: &[String]) -> Option<i32> {
    let mut it = args.iter().skip(1);
    let mode = it.next()?;
    if mode == "--bench-parse" {
        return Some(bench(args));
    }
    if mode != "--dump-ast" && mode != "--dump-ast-many" {
        return None;
    }
    let mut attrs = false;
    let mut file = None;
    for a in it {
        if a == "--include-attributes" {
            attrs = true;
        } else {
            file = Some(a.clone());
        }
    }
    let file = match file {
        Some(f) => f,
        None => {
            eprintln!("usage: {} [--include-attributes] FILE", mode);
            return Some(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if mode == "--dump-ast" {
        let src = match std::fs::read(&file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("ferropy: can't open file '{}': {}", file, e);
                return Some(2);
            }
        };
        return Some(match crate::parse_module(&src, &file) {
            Ok(m) => {
                let _ = writeln!(out, "{}", crate::dump(&m, attrs));
                0
            }
            Err(e) => {
                let _ = out.flush();
                eprint!("{}", file_mode_render(&src, &file, e));
                1
            }
        });
    }
    let list = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ferropy: can't open file '{}': {}", file, e);
            return Some(2);
        }
    };
    for path in list.lines().filter(|l| !l.is_empty()) {
        let res = std::fs::read(path);
        match res {
            Err(e) => {
                let _ = writeln!(out, "ERROR OSError {}", e);
            }
            Ok(src) => match crate::parse_module(&src, path) {
                Ok(m) => {
                    let _ = writeln!(out, "{}", crate::dump(&m, attrs));
                }
                Err(e) => {
                    let o = |v: Option<i64>| v.map_or("None".to_string(), |l| l.to_string());
                    let _ = writeln!(out, "ERROR {} {} {} | {} {} {}", e.kind.name(), py_repr(&e.msg), o(e.lineno), o(e.offset), o(e.end_lineno), o(e.end_offset));
                }
            },
        }
        let _ = writeln!(out, "\x1e");
    }
    Some(0)
}

fn py_repr(s: &str) -> String {
    let mut out = String::new();
    crate::dump::repr_str(s.as_bytes(), &mut out);
    out
}

/// `--bench-parse LISTFILE [REPEAT]`: read every file, then time parsing them all (best of
/// REPEAT runs) and print the total in nanoseconds.  Used by benches/parse_stdlib.py.
fn bench(args: &[String]) -> i32 {
    let list = match args.get(2).map(std::fs::read_to_string) {
        Some(Ok(s)) => s,
        _ => {
            eprintln!("usage: --bench-parse LISTFILE [REPEAT]");
            return 2;
        }
    };
    let repeat: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(3);
    let srcs: Vec<Vec<u8>> = list.lines().filter(|l| !l.is_empty()).filter_map(|p| std::fs::read(p).ok()).collect();
    let mut best = u128::MAX;
    for _ in 0..repeat.max(1) {
        let t = std::time::Instant::now();
        let mut ok = 0usize;
        for s in &srcs {
            if crate::parse_module(s, "<bench>").is_ok() {
                ok += 1;
            }
        }
        std::hint::black_box(ok);
        best = best.min(t.elapsed().as_nanos());
    }
    println!("{}", best);
    0
}

/// How `python3 FILE` reports `e`.  Running a file reads it through CPython's file
/// tokenizer, which words source-decoding problems differently from `ast.parse(bytes)`
/// (whose values `e` carries), and names the file by its absolute path.
fn file_mode_render(src: &[u8], path: &str, mut e: crate::SyntaxError) -> String {
    let abs = std::path::absolute(path).map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| path.to_string());
    e.filename = abs.clone();
    if let Some(pos) = src.iter().position(|&c| c == 0) {
        let line_start = src[..pos].iter().rposition(|&c| c == b'\n').map(|p| p + 1).unwrap_or(0);
        let lineno = src[..pos].iter().filter(|&&c| c == b'\n').count() + 1;
        let text = String::from_utf8_lossy(&src[line_start..pos]).into_owned();
        let text = text.trim_start_matches([' ', '\t', '\x0c']).trim_end_matches(['\r', '\n']);
        return format!("  File \"{}\", line {}\n    {}\nSyntaxError: source code cannot contain null bytes\n", abs, lineno, text);
    }
    if crate::source::decode_source_info(src).is_err() {
        let declared = crate::source::declared_encoding(src);
        if let Some(name) = e.msg.strip_prefix("unknown encoding: ") {
            return format!("SyntaxError: encoding problem: {}\n", name);
        }
        if e.msg.ends_with(" with BOM") {
            return format!("SyntaxError: {}\n", e.msg);
        }
        if e.msg.contains("codec can't decode") && !e.msg.starts_with("(unicode error) 'utf-8'") {
            if let Some(name) = &declared {
                return format!("SyntaxError: encoding problem: {}\n", name);
            }
        }
        if e.msg.starts_with("(unicode error) 'utf-8'") && declared.is_none() && !src.starts_with(b"\xEF\xBB\xBF") {
            // "... can't decode byte 0xNN in position ..."
            let byte = e.msg.split("byte 0x").nth(1).map(|r| r[..2].to_string()).unwrap_or_default();
            return format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
                byte,
                abs,
                e.lineno.unwrap_or(1)
            );
        }
    }
    e.render()
}
