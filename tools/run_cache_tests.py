#!/usr/bin/env python3
"""Checks ferropy's compiled-code cache (`__pycache__/NAME.ferropy-311.pyc`,
src/import/bytecode_cache.rs) from outside: it is written on first import, used on the
next (shown by a source changed behind its back with size and mtime kept), invalidated by
a new mtime or size, ignored when damaged, named `.opt-1` under -O, and not written under
-B or PYTHONDONTWRITEBYTECODE.

    python3 tools/run_cache_tests.py [--ferropy build/bin/ferropy]
"""
import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferropy", default=str(ROOT / "build" / "bin" / "ferropy"))
    exe = os.path.abspath(ap.parse_args().ferropy)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    checks = []

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        src = d / "mod.py"
        cache = d / "__pycache__" / "mod.ferropy-311.pyc"

        def run(*args, extra_env=None):
            r = subprocess.run([exe, *args, "-c", "import mod; print(mod.f())"], cwd=d, capture_output=True,
                               text=True, env=dict(env, **(extra_env or {})), timeout=60)
            return (r.stdout.strip() or r.stderr.strip().splitlines()[-1:]) if r.returncode == 0 else f"exit {r.returncode}: {r.stderr}"

        def write(text, keep_stat=None):
            src.write_text(text)
            if keep_stat:
                os.utime(src, ns=(keep_stat.st_atime_ns, keep_stat.st_mtime_ns))

        def check(name, got, want):
            checks.append((name, got == want, got, want))

        write("def f():\n    return 'one'\n")
        check("first import", run(), "one")
        check("cache written", cache.exists(), True)
        st = src.stat()
        write("def f():\n    return 'two'\n", keep_stat=st)   # same size and mtime
        check("cache used when size and mtime match", run(), "one")
        os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
        check("new mtime recompiles", run(), "two")
        st = src.stat()
        write("def f():\n    return 'three'\n", keep_stat=st)  # new size
        check("new size recompiles", run(), "three")
        data = bytearray(cache.read_bytes())
        data[-5] ^= 0xFF
        cache.write_bytes(bytes(data))
        st = src.stat()
        write("def f():\n    return 'tree!'\n", keep_stat=st)  # same size: only a bad cache shows it
        check("damaged cache ignored", run(), "tree!")
        cache.write_bytes(cache.read_bytes()[:30])
        check("truncated cache ignored", run(), "tree!")
        cache.unlink()
        check("-B", (run("-B"), cache.exists()), ("tree!", False))
        check("PYTHONDONTWRITEBYTECODE", (run(extra_env={"PYTHONDONTWRITEBYTECODE": "1"}), cache.exists()), ("tree!", False))
        check("-O", (run("-O"), (d / "__pycache__" / "mod.ferropy-311.opt-1.pyc").exists()), ("tree!", True))
        os.chmod(d / "__pycache__", 0o500)
        try:
            check("unwritable __pycache__", run(), "tree!")
        finally:
            os.chmod(d / "__pycache__", 0o700)

    failed = [c for c in checks if not c[1]]
    for name, ok, got, want in checks:
        if not ok:
            print(f"FAIL {name}: got {got!r}, want {want!r}")
    print(f"bytecode cache: {len(checks) - len(failed)}/{len(checks)} checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
