#!/usr/bin/env python3
"""include/ferropy_pending.h declares C-API names our inline functions need but ferropy does
not implement yet. Each must be neither exported by the library nor declared by the
generated header: once implemented, it leaves the pending list (see that header)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECL = re.compile(r"^\s*(?:extern\s+)?[\w\s\*]+?\b(\w+)\s*(?:\(|;)", re.M)


def main():
    text = (ROOT / "include/ferropy_pending.h").read_text()
    code = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith(("#", "/*", "*", "}")) and "extern \"C\"" not in l)
    pending = set(DECL.findall(code))
    generated = set(re.findall(r"\b\w+\b", (ROOT / "include/ferropy_generated.h").read_text()))
    lib = ROOT / "build/lib/libferropy.so"
    exported = set(subprocess.run(["nm", "-D", "--defined-only", str(lib)], capture_output=True, text=True,
                                  check=True).stdout.split()) if lib.exists() else set()
    problems = [f"{n}: implemented (exported by the library); remove it from ferropy_pending.h"
                for n in sorted(pending & exported)]
    problems += [f"{n}: declared by the generated header; remove it from ferropy_pending.h"
                 for n in sorted(pending & generated)]
    for p in problems:
        print("pending-decls: " + p)
    print(f"pending-decls: {len(pending)} names still pending: {', '.join(sorted(pending))}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
