//! The error corpus (tests/errors/): every case must fail (or succeed) exactly as CPython
//! 3.11 does -- exception type, message, and all four positions.  The expectations were
//! produced by CPython with tools/gen_parser_error_expectations.py.

fn repr(s: &str) -> String {
    let mut out = String::new();
    ferropy_parser::dump::repr_str(s.as_bytes(), &mut out);
    out
}

fn describe(src: &str) -> String {
    match ferropy_parser::parse_module(src.as_bytes(), "<case>") {
        Ok(_) => "OK".to_string(),
        Err(e) => {
            let o = |v: Option<i64>| v.map_or("None".to_string(), |l| l.to_string());
            format!("ERROR {} {} {} | {} {} {}", e.kind.name(), repr(&e.msg), o(e.lineno), o(e.offset), o(e.end_lineno), o(e.end_offset))
        }
    }
}

#[test]
fn error_corpus_matches_cpython() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/errors");
    let cases = std::fs::read_to_string(format!("{}/cases.py.txt", dir)).unwrap();
    let expected = std::fs::read_to_string(format!("{}/expected.txt", dir)).unwrap();
    let cases: Vec<&str> = cases.split("\n### case\n").skip(1).collect();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(cases.len(), expected.len());
    let known: Vec<String> = std::fs::read_to_string(format!("{}/known_differences.txt", dir))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    let hex = |s: &str| s.bytes().map(|b| format!("{:02x}", b)).collect::<String>();
    let mut bad = Vec::new();
    for (i, (c, e)) in cases.iter().zip(&expected).enumerate() {
        let got = describe(c);
        if got != *e && !known.contains(&hex(c)) {
            bad.push(format!("case {}: {:?}\n   ours:    {}\n   cpython: {}", i, c, got, e));
        }
    }
    assert!(bad.is_empty(), "{} of {} cases differ:\n{}", bad.len(), cases.len(), bad.join("\n"));
}
