//! `ferropy-compiler` commands, for review and the differential tests:
//!   symtable FILE | symtable-many LISTFILE (results separated by a \x1e line)
//!   dis FILE | dis-O FILE (disassembly, then the verifier's verdict)
//!   compile-many LISTFILE (one line per file: OK, ERROR ..., or VERIFY ...)
//!   warnings-many LISTFILE (per file its warnings, then a \x1e line)

pub fn run(args: &[String]) -> Option<i32> {
    let cmd = args.get(1)?;
    let path = args.get(2)?;
    match cmd.as_str() {
        "symtable" => {
            print!("{}", symtable_text(path));
            Some(0)
        }
        "symtable-many" => {
            let list = std::fs::read_to_string(path).ok()?;
            let mut out = String::new();
            for f in list.lines().filter(|l| !l.is_empty()) {
                out.push_str(&symtable_text(f));
                out.push_str("\n\x1e\n");
            }
            use std::io::Write;
            let _ = std::io::stdout().write_all(out.as_bytes());
            Some(0)
        }
        "dis" | "dis-O" => {
            let src = std::fs::read(path).ok()?;
            let opts = crate::compile::Options { optimize: if cmd == "dis-O" { 1 } else { 0 }, ..Default::default() };
            match crate::compile_source(&src, path, opts) {
                Ok(code) => {
                    print!("{}", crate::dis::dis(&code));
                    if let Err(e) = crate::verify::verify(&code) {
                        println!("VERIFY FAILED: {}", e);
                        return Some(1);
                    }
                    Some(0)
                }
                Err(e) => {
                    print!("{}", error_line(&e));
                    Some(1)
                }
            }
        }
        "annotations" => {
            // Module-level annotations as PEP 563 strings, one per line (tests).
            let src = std::fs::read(path).ok()?;
            let m = ferropy_parser::parse_module(&src, path).ok()?;
            for st in crate::ast_util::nodes(&m, 0) {
                if st.kind == ferropy_parser::ast::Kind::AnnAssign {
                    println!("{:?}", crate::unparse::unparse(crate::ast_util::req(st, 1)));
                }
            }
            Some(0)
        }
        "compile-many" => {
            // One line per file: OK, or the SyntaxError, or what the verifier rejects.
            let list = std::fs::read_to_string(path).ok()?;
            let mut out = String::new();
            for f in list.lines().filter(|l| !l.is_empty()) {
                let line = match std::fs::read(f) {
                    Err(e) => format!("ERROR io {}\n", e),
                    Ok(src) => match crate::compile_source(&src, f, crate::compile::Options::default()) {
                        Ok(code) => match crate::verify::verify(&code) {
                            Ok(()) => "OK\n".to_string(),
                            Err(e) => format!("VERIFY {}\n", e),
                        },
                        Err(e) => error_line(&e),
                    },
                };
                out.push_str(&line);
            }
            use std::io::Write;
            let _ = std::io::stdout().write_all(out.as_bytes());
            Some(0)
        }
        "warnings-many" => {
            // Per file: each warning as "Category message lineno", then the first one as
            // the SyntaxError `-W error` would raise ("AS-ERROR msg line offset end end").
            let list = std::fs::read_to_string(path).ok()?;
            let mut out = String::new();
            for f in list.lines().filter(|l| !l.is_empty()) {
                let mut lines: Vec<String> = Vec::new();
                match std::fs::read(f).map(|src| crate::compile(&src, f, crate::compile::Options::default())) {
                    Err(e) => lines.push(format!("ERROR io {}", e)),
                    Ok(Err(e)) => lines.push(error_line(&e).trim_end().to_string()),
                    Ok(Ok(c)) => {
                        for w in &c.warnings {
                            lines.push(format!("{} {} {}", w.category.name(), w.message, w.lineno));
                        }
                        if let Some(w) = c.warnings.first() {
                            lines.push(format!("AS-ERROR {} {} {} {} {}", w.message, w.lineno, w.offset, w.end_lineno, w.end_offset));
                        }
                    }
                }
                out.push_str(&lines.join("\n"));
                out.push_str("\n\x1e\n");
            }
            use std::io::Write;
            let _ = std::io::stdout().write_all(out.as_bytes());
            Some(0)
        }
        _ => None,
    }
}

pub fn error_line(e: &ferropy_parser::SyntaxError) -> String {
    format!("ERROR {} {:?} {:?} {:?}\n", e.kind.name(), e.msg, e.lineno, e.offset)
}

fn symtable_text(path: &str) -> String {
    let src = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => return format!("ERROR io {}\n", e),
    };
    match crate::symtable_of_source(&src, path) {
        Ok((_, st)) => crate::symtable_dump::dump(&st),
        Err(e) => error_line(&e),
    }
}
