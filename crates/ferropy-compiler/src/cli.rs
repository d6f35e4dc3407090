//! `ferropy-compiler` commands, for review and the differential tests:
//!   symtable FILE | symtable-many LISTFILE (results separated by a \x1e line)

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
