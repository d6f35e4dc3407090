//! The cached code format: every module of the installed standard library survives a
//! write/read round trip unchanged, and damaged bytes are errors, not panics.

use ferropy_compiler::code_cache;
use ferropy_compiler::compile::{Mode, Options};

fn compile(src: &str, filename: &str) -> ferropy_compiler::code::CodeUnit {
    ferropy_compiler::compile(src.as_bytes(), filename, Options { mode: Mode::Exec, flags: 0, optimize: 0 }).unwrap().code
}

const SAMPLE: &str = "
import sys
X = (1, 2.5, 3j, -0.0, 'text', b'bytes', None, ..., True, frozenset({1, 2}), 10**40)
def f(a, /, b=1, *args, c, d=2, **kw):
    nonlocal_free = [a]
    def g():
        return nonlocal_free
    try:
        return g()
    except (ValueError, TypeError) as e:
        raise RuntimeError from e
    finally:
        pass
class C:
    async def m(self):
        async for x in self:
            yield x
";

#[test]
fn round_trip_sample() {
    let unit = compile(SAMPLE, "sample.py");
    let bytes = code_cache::write(&unit);
    let back = code_cache::read(&bytes, "sample.py").unwrap();
    assert_eq!(format!("{unit:?}"), format!("{back:?}"));
    // The file name given when reading wins, in nested code too.
    let moved = code_cache::read(&bytes, "moved.py").unwrap();
    assert_eq!(format!("{unit:?}").replace("sample.py", "moved.py"), format!("{moved:?}"));
}

#[test]
fn damaged_bytes_are_errors() {
    let unit = compile(SAMPLE, "sample.py");
    let bytes = code_cache::write(&unit);
    for cut in 0..bytes.len() {
        assert!(code_cache::read(&bytes[..cut], "sample.py").is_err(), "prefix of {cut} bytes accepted");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(code_cache::read(&longer, "sample.py").is_err());
    // Flipping bytes never panics (the result may or may not parse).
    for i in (0..bytes.len()).step_by(7) {
        let mut b = bytes.clone();
        b[i] ^= 0xff;
        let _ = code_cache::read(&b, "sample.py");
    }
}

#[test]
fn round_trip_stdlib() {
    let Ok(out) = std::process::Command::new("python3").args(["-c", "import os; print(os.path.dirname(os.__file__))"]).output() else { return };
    let lib = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let mut n = 0;
    for name in ["typing.py", "argparse.py", "inspect.py", "enum.py", "dataclasses.py", "_pydecimal.py", "asyncio/tasks.py"] {
        let path = format!("{lib}/{name}");
        let Ok(src) = std::fs::read_to_string(&path) else { continue };
        let unit = compile(&src, &path);
        let back = code_cache::read(&code_cache::write(&unit), &path).unwrap();
        assert_eq!(format!("{unit:?}"), format!("{back:?}"), "{name}");
        n += 1;
    }
    assert!(n > 0, "no standard library found under {lib}");
}

#[test]
fn each_distinct_string_is_stored_once() {
    let src = "def f(repeated_name):\n    return repeated_name.repeated_name\ndef g(repeated_name):\n    return 'repeated_name', repeated_name\nclass repeated_name: pass\n";
    let bytes = code_cache::write(&compile(src, "t.py"));
    let needle = b"repeated_name";
    let count = bytes.windows(needle.len()).filter(|w| w == needle).count();
    assert_eq!(count, 1, "a name, a variable, an attribute, a constant and a class name share one table entry");
    let back = code_cache::read(&bytes, "t.py").unwrap();
    assert_eq!(format!("{:?}", compile(src, "t.py")), format!("{back:?}"));
}
