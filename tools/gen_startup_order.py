#!/usr/bin/env python3
"""Writes src/startup_functions.txt: the library's functions that start-up runs, in the
order the linker should lay them out first in .text (build.rs passes the file to lld as
`--symbol-ordering-file`).

Why: the kernel maps a shared library's code in 64 KiB windows (fault-around), so a start-up
that runs ~800 functions spread over the whole 4 MiB .text makes nearly all of it resident;
laid out together they fill a few windows. The functions are recorded with callgrind from
three runs: an embedding program's `Py_InitializeFromConfig` without `site`, the same with
`site`, and `ferropy -c pass` (each including finalization), in that order of priority.

Symbol names carry rustc's hashes, stable while the compiler version and profile are; a
name that no longer exists is skipped by the linker, so a stale file only costs memory.
Rerun after large changes to start-up code (needs valgrind and a built `build/`):

    python3 tools/gen_startup_order.py [--build build]
"""
import argparse
import os
import re
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "startup_functions.txt"

EMBED = r"""
#include <Python.h>
#include <string.h>
int main(int argc, char **argv)
{
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.site_import = argc > 1 && strcmp(argv[1], "site") == 0;
    config.parse_argv = 0;
    PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status))
        return 1;
    return Py_FinalizeEx() < 0;
}
"""

# Run by ld.so when it loads the library (crtbeginS.o's constructors and destructors), before
# callgrind's view of the program starts to name them.
LOADER_RUN = ["frame_dummy", "register_tm_clones", "deregister_tm_clones", "__do_global_dtors_aux"]


def executed_functions(cmd, tmp):
    """Symbols of the library's functions that ran."""
    out = Path(tmp) / "run.cg"
    # The program's own allocator (under valgrind ferropy would switch to malloc).
    env = dict(os.environ, PYTHONMALLOC="default")
    # Start-up from a filled bytecode cache: a run that compiles the stdlib would list the
    # compiler's functions as start-up code.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}", *cmd],
                   check=True, capture_output=True, env=env)
    objects, names, current, seen = {}, {}, None, {}
    for line in out.read_text().splitlines():
        m = re.match(r"(c?ob)=\((\d+)\)(?: (.*))?", line)
        if m:
            if m.group(3):
                objects[m.group(2)] = m.group(3).strip()
            if m.group(1) == "ob":
                current = objects.get(m.group(2), "")
            continue
        m = re.match(r"(c?fn)=\((\d+)\)(?: (.*))?", line)
        if m:
            if m.group(3):
                # Callgrind marks recursion depth with a 'N suffix.
                names[m.group(2)] = re.sub(r"'\d+$", "", m.group(3).strip())
            if m.group(1) == "fn" and ("libferropy" in current or "libpython3.11" in current):
                seen.setdefault(names[m.group(2)], None)
    return list(seen)


def library_functions(lib):
    out = subprocess.run(["nm", "--defined-only", str(lib)], capture_output=True, text=True, check=True).stdout
    return {p[2] for p in (l.split() for l in out.splitlines()) if len(p) == 3 and p[1] in "tTwW"}


def rustc_version():
    """The compiler whose symbol names (hashes included) the list records."""
    return subprocess.run([os.environ.get("RUSTC", "rustc"), "--version"], capture_output=True,
                          text=True, check=True).stdout.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=str(ROOT / "build"))
    args = ap.parse_args()
    build = Path(args.build).resolve()
    lib = build / "lib"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "embed.c"
        src.write_text(EMBED)
        exe = Path(tmp) / "embed"
        subprocess.run(["gcc", "-O2", "-I", str(build / "include"), str(src), "-L", str(lib), "-lpython3.11",
                        f"-Wl,-rpath,{lib}", "-o", str(exe)], check=True)
        runs = [[str(exe)], [str(exe), "site"], [str(build / "bin" / "ferropy"), "-c", "pass"]]
        order = dict.fromkeys(LOADER_RUN)
        for cmd in runs:
            # Sorted within a run: callgrind's order changes with the layout, and a stable
            # file keeps regenerations' diffs to the functions that changed.
            for name in sorted(executed_functions(cmd, tmp)):
                order.setdefault(name, None)
    known = library_functions(lib / "libpython3.11.so.1.0")
    names = [n for n in order if n in known]
    header = ("# Functions start-up runs, laid out first in .text (lld --symbol-ordering-file, see build.rs).\n"
              "# Generated by tools/gen_startup_order.py from callgrind runs; do not edit by hand.\n"
              f"# rustc: {rustc_version()}\n")
    OUT.write_text(header + "".join(n + "\n" for n in names))
    print(f"{OUT.relative_to(ROOT)}: {len(names)} functions ({len(order) - len(names)} not in the symbol table)")


if __name__ == "__main__":
    main()
