#!/usr/bin/env python3
"""Writes the pkg-config files of an installed ferropy (called by `make install`):
PREFIX/lib/pkgconfig/ferropy.pc, and python-3.11.pc / python-3.11-embed.pc equivalents in
PREFIX/lib/ferropy/pkgconfig (kept apart so a system CPython's are never shadowed)."""
import argparse
from pathlib import Path

VERSION = "3.11"


def pc(prefix, libdir, name, description, libs):
    return (f"prefix={prefix}\nexec_prefix=${{prefix}}\nlibdir={libdir}\n"
            f"includedir=${{prefix}}/include/ferropy\n\n"
            f"Name: {name}\nDescription: {description}\nRequires:\nVersion: {VERSION}\n"
            f"Libs.private: -ldl -lm -lpthread\nLibs: {libs}\nCflags: -I${{includedir}}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prefix", required=True)
    prefix = str(Path(ap.parse_args().prefix).resolve())
    ferropy_libdir = f"{prefix}/lib/ferropy"
    embed_libs = f"-L${{libdir}} -Wl,-rpath,${{libdir}} -lpython{VERSION}"
    files = {
        Path(prefix, "lib/pkgconfig/ferropy.pc"):
            pc(prefix, ferropy_libdir, "ferropy", "ferropy: CPython 3.11 in Rust (embedding)", embed_libs),
        Path(ferropy_libdir, "pkgconfig/python-3.11.pc"):
            pc(prefix, ferropy_libdir, "Python", "Build a C extension for ferropy (Python 3.11)", ""),
        Path(ferropy_libdir, "pkgconfig/python-3.11-embed.pc"):
            pc(prefix, ferropy_libdir, "Python", "Embed ferropy (Python 3.11) into an application", embed_libs),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
