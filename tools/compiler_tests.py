#!/usr/bin/env python3
"""Differential tests of ferropy's compiler crate against CPython 3.11 (the oracle).

    python3 tools/compiler_tests.py --symtable              # snippets + whole stdlib
    python3 tools/compiler_tests.py --symtable --sample 300 # snippets + stdlib sample

The ferropy side runs once per mode for all files (`ferropy-compiler symtable-many LIST`).
Symbol tables are printed by both sides in one format (see symtable_text below and
crates/ferropy-compiler/src/symtable_dump.rs): per table its type, name, line, nesting,
children and parameters; per symbol (sorted) its raw flags and the is_* predicates.
"""
import argparse, os, subprocess, sys, symtable, sysconfig, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEP = '\x1e'
# Known differences, each with its reason.  Keep this short.
KNOWN = {
    # The parser reports these decoding errors with offset None where CPython has -1 / 13
    # (parser area, not the compiler's).
    'bad_coding.py', 'bad_coding2.py', 'badsyntax_pep3120.py',
}
SNIPPETS = os.path.join(ROOT, 'crates', 'ferropy-compiler', 'tests', 'symtable')


def stdlib_files():
    base = sysconfig.get_paths()['stdlib']
    out = []
    for d, dirs, files in os.walk(base):
        dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
        out += [os.path.join(d, f) for f in sorted(files) if f.endswith('.py')]
    return out


def sample(files, n):
    if n >= len(files):
        return files
    step = max(1, len(files) // n)
    return files[::step][:n]


def snippet_files():
    out = []
    for d, dirs, files in os.walk(SNIPPETS):
        out += [os.path.join(d, f) for f in sorted(files) if f.endswith('.py')]
    return sorted(out)


def compile_snippets():
    d = os.path.join(ROOT, 'crates', 'ferropy-compiler', 'tests', 'compile')
    out = []
    for dd, dirs, files in os.walk(d):
        out += [os.path.join(dd, f) for f in sorted(files) if f.endswith('.py')]
    return sorted(out)


def predicates(s):
    p = [('R', s.is_referenced()), ('I', s.is_imported()), ('P', s.is_parameter()),
         ('G', s.is_global()), ('N', s.is_nonlocal()), ('D', s.is_declared_global()),
         ('L', s.is_local()), ('A', s.is_annotated()), ('F', s.is_free()),
         ('S', s.is_assigned()), ('C', s._Symbol__scope == 5)]
    return ''.join(c if on else '-' for c, on in p)


def table_text(t, depth, out):
    pad = '  ' * depth
    kids = t.get_children()
    out.append('%sTABLE %s %s line=%d nested=%d optimized=%d children=[%s]' % (
        pad, t.get_type(), t.get_name(), t.get_lineno(), t.is_nested(), t.is_optimized(),
        ','.join(c.get_name() for c in kids)))
    if t.get_type() == 'function':
        out.append('%s  params=[%s]' % (pad, ','.join(t._table.varnames)))
    for s in sorted(t.get_symbols(), key=lambda s: s.get_name()):
        out.append('%s  %s flags=%d %s' % (pad, s.get_name(), s._Symbol__flags, predicates(s)))
    for c in kids:
        table_text(c, depth + 1, out)


def error_text(e):
    return 'ERROR %s %r %r %r' % (type(e).__name__, e.msg if isinstance(e, SyntaxError) else str(e),
                                   getattr(e, 'lineno', None), getattr(e, 'offset', None))


def cpython_symtable(path):
    try:
        src = open(path, 'rb').read()
        t = symtable.symtable(src, path, 'exec')
    except SyntaxError as e:
        return "ERROR %s %s %s %s" % (type(e).__name__, rust_str(e.msg), rust_opt(e.lineno), rust_opt(e.offset))
    except (ValueError, MemoryError, RecursionError) as e:
        return "ERROR %s %s None None" % (type(e).__name__, rust_str(str(e)))
    out = []
    table_text(t, 0, out)
    return '\n'.join(out)


def rust_str(s):
    # Rust's {:?} of a String: double quotes, \" and \\ escaped.
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def rust_opt(v):
    return 'None' if v is None else 'Some(%d)' % v


def binary():
    return os.path.join(ROOT, 'target', 'release', 'ferropy-compiler')


def ours_many(cmd, files):
    with tempfile.NamedTemporaryFile('w', suffix='.lst', delete=False) as f:
        f.write('\n'.join(files) + '\n')
        lst = f.name
    try:
        r = subprocess.run([binary(), cmd, lst], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    finally:
        os.unlink(lst)
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode(errors='replace'))
    text = r.stdout.decode('utf-8', 'surrogateescape')
    parts = text.split('\n') if cmd == 'compile-many' else text.split('\n' + SEP + '\n')
    parts = [p.rstrip('\n') for p in parts[:len(files)]]
    return parts + [None] * (len(files) - len(parts))


def first_diff(a, b):
    al, bl = (a or '').split('\n'), (b or '').split('\n')
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else '<end>'
        y = bl[i] if i < len(bl) else '<end>'
        if x != y:
            return 'line %d:\n    cpython: %s\n    ferropy: %s' % (i + 1, x, y)
    return ''


def run_symtable(files, quiet):
    ours = ours_many('symtable-many', files)
    bad = 0
    for f, o in zip(files, ours):
        c = cpython_symtable(f)
        if c != o and os.path.basename(f) in KNOWN and o and c.rsplit(' ', 1)[0] == o.rsplit(' ', 1)[0]:
            continue  # offset differs only: see KNOWN
        if c != o:
            bad += 1
            if bad <= 20:
                print('SYMTABLE MISMATCH %s\n  %s' % (f, first_diff(c, o)))
    print('symtable: %d/%d match' % (len(files) - bad, len(files)))
    return bad == 0


def cpython_compile(path):
    try:
        compile(open(path, 'rb').read(), path, 'exec', dont_inherit=True)
        return 'OK'
    except SyntaxError as e:
        return "ERROR %s %s %s %s" % (type(e).__name__, rust_str(e.msg), rust_opt(e.lineno), rust_opt(e.offset))
    except (ValueError, MemoryError, RecursionError) as e:
        return "ERROR %s %s None None" % (type(e).__name__, rust_str(str(e)))


# Parser error-corpus cases that differ for reasons in the parser's area (not compiled code).
PARSER_AREA = {
    'try:\n   x = 34\n\n': "parser reports the missing handler at the end of the 'try' body, CPython at EOF",
}


def parser_corpus_files(tmpdir):
    """The parser's error corpus as files (compile() must agree on each), minus the
    parser's own known differences and PARSER_AREA."""
    d = os.path.join(ROOT, 'crates', 'ferropy-parser', 'tests', 'errors')
    text = open(os.path.join(d, 'cases.py.txt'), encoding='utf-8', errors='surrogateescape').read()
    known = set()
    for line in open(os.path.join(d, 'known_differences.txt')):
        if line.strip() and not line.startswith('#'):
            known.add(bytes.fromhex(line.split('\t')[0]).rstrip(b'\n').hex())
    out = []
    for i, c in enumerate(text.split('### case\n')[1:]):
        raw = c.encode('utf-8', 'surrogateescape')
        key = raw.rstrip(b'\n')
        if key.hex() in known or c in PARSER_AREA:
            continue
        f = os.path.join(tmpdir, 'case%04d.py' % i)
        open(f, 'wb').write(raw)
        out.append(f)
    return out


def run_compile(files, quiet):
    """Every file compiles and verifies, or fails with CPython's SyntaxError."""
    import warnings
    warnings.simplefilter('ignore')
    ours = ours_many('compile-many', files)
    bad = 0
    for f, o in zip(files, ours):
        c = cpython_compile(f)
        if c != o and os.path.basename(f) in KNOWN and o and c.rsplit(' ', 1)[0] == o.rsplit(' ', 1)[0]:
            continue
        # Too deep: our parser stops first ("during ast construction"), CPython's compiler
        # ("during compilation"); same exception, the message is the parser's.
        if c.startswith('ERROR RecursionError') and (o or '').startswith('ERROR RecursionError'):
            continue
        if c != o:
            bad += 1
            if bad <= 30:
                print('COMPILE MISMATCH %s\n    cpython: %s\n    ferropy: %s' % (f, c, o))
    print('compile+verify: %d/%d agree with CPython' % (len(files) - bad, len(files)))
    return bad == 0


def run_annotations(quiet):
    """PEP 563 strings: our unparser vs the strings CPython stores in __annotations__."""
    import json
    path = os.path.join(ROOT, 'crates', 'ferropy-compiler', 'tests', 'annotations.py')
    ns = {}
    exec(compile(open(path).read(), path, 'exec'), ns)
    cp = list(ns['__annotations__'].values())
    r = subprocess.run([binary(), 'annotations', path], stdout=subprocess.PIPE, timeout=60)
    ours = [json.loads(l) for l in r.stdout.decode().splitlines()]
    bad = sum(1 for c, o in zip(cp, ours) if c != o) + abs(len(cp) - len(ours))
    for c, o in zip(cp, ours):
        if c != o:
            print('ANNOTATION MISMATCH cpython %r ferropy %r' % (c, o))
    print('annotations: %d/%d identical' % (len(cp) - bad, len(cp)))
    return bad == 0


WARNING_CASES = os.path.join(ROOT, 'crates', 'ferropy-compiler', 'tests', 'warnings.txt')


def cpython_warnings(path):
    """Warnings CPython issues compiling the file, in the format of `warnings-many`."""
    import warnings
    src = open(path, 'rb').read()
    out = []
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter('always')
        try:
            compile(src, path, 'exec')
        except SyntaxError as e:
            return 'ERROR %s %s %s %s' % (type(e).__name__, rust_str(e.msg), rust_opt(e.lineno), rust_opt(e.offset))
        for w in ws:
            out.append('%s %s %s' % (w.category.__name__, w.message, w.lineno))
    if ws:
        with warnings.catch_warnings():
            warnings.simplefilter('error')
            try:
                compile(src, path, 'exec')
            except SyntaxError as e:
                out.append('AS-ERROR %s %s %s %s %s' % (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
    return '\n'.join(out)


def run_warnings(files, quiet):
    """SyntaxWarning/DeprecationWarning at compile time: the case corpus (cases separated
    by '#---' lines) and the given files (stdlib: no false alarms)."""
    with tempfile.TemporaryDirectory() as td:
        cases = open(WARNING_CASES).read().split('\n#---\n')
        paths = []
        for i, c in enumerate(cases):
            p = os.path.join(td, 'case%03d.py' % i)
            with open(p, 'w') as f:
                f.write(c)
            paths.append(p)
        paths += files
        ours = ours_many('warnings-many', paths)
        bad = 0
        for p, o in zip(paths, ours):
            if os.path.basename(p) in KNOWN:
                continue
            want = cpython_warnings(p)
            if (o or '') != want:
                bad += 1
                shown = open(p).read() if p.startswith(td) else p
                print('WARNINGS DIFFER %s\n  %r\n%s' % (os.path.basename(p), shown[:200], first_diff(want, o)))
        print('warnings: %d/%d agree with CPython' % (len(paths) - bad, len(paths)))
        return bad == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--symtable', action='store_true')
    ap.add_argument('--compile', action='store_true', help='compile + verify, errors as CPython')
    ap.add_argument('--annotations', action='store_true', help='PEP 563 annotation strings')
    ap.add_argument('--warnings', action='store_true', help='compile-time warnings')
    ap.add_argument('--sample', type=int, default=0, help='stdlib files (0: all)')
    ap.add_argument('--no-stdlib', action='store_true')
    ap.add_argument('-q', action='store_true')
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    files = a.files or snippet_files()
    if not a.files and not a.no_stdlib:
        std = stdlib_files()
        files += sample(std, a.sample) if a.sample else std
    ok = True
    if a.symtable:
        ok &= run_symtable(files, a.q)
    if a.annotations:
        ok &= run_annotations(a.q)
    if a.warnings:
        ok &= run_warnings(files, a.q)
    if a.compile:
        with tempfile.TemporaryDirectory() as td:
            extra = parser_corpus_files(td) if not a.files else []
            ok &= run_compile(files + compile_snippets() + extra, a.q)
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
