#!/usr/bin/env python3
"""Differential tests of ferropy's parser against CPython 3.11 (the oracle).

    python3 tools/parser_tests.py --sample 300        # part of `make test`
    python3 tools/parser_tests.py --all               # every stdlib file (`make test-full`)
    python3 tools/parser_tests.py --positions 200     # include_attributes=True on a sample
    python3 tools/parser_tests.py --errors            # the error corpus (tests/errors/)

The ferropy side runs once for all files (`--dump-ast-many LISTFILE`), so the whole
stdlib costs two processes.  Files CPython cannot parse must fail the same way in ours
(same exception type, message and line).
"""
import argparse, ast, os, subprocess, sys, sysconfig, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEP = '\x1e'

# Known differences, each with its reason.  Keep this short.
KNOWN = {
}


def stdlib_files():
    base = sysconfig.get_paths()['stdlib']
    out = []
    for d, dirs, files in os.walk(base):
        dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
        for f in sorted(files):
            if f.endswith('.py'):
                out.append(os.path.join(d, f))
    return out


def sample(files, n):
    """Deterministic: the 30 biggest files plus an even spread over the rest."""
    if n >= len(files):
        return files
    by_size = sorted(files, key=lambda f: -os.path.getsize(f))
    chosen = set(by_size[:30])
    rest = [f for f in files if f not in chosen]
    step = max(1, len(rest) // max(1, n - len(chosen)))
    chosen.update(rest[::step][: n - len(chosen)])
    return sorted(chosen)


def cpython_dump(path, attrs):
    try:
        src = open(path, 'rb').read()
        return ast.dump(ast.parse(src), include_attributes=attrs)
    except SyntaxError as e:
        return 'ERROR %s %r %r' % (type(e).__name__, e.msg, e.lineno)
    except (ValueError, MemoryError, RecursionError) as e:
        return 'ERROR %s %r %r' % (type(e).__name__, str(e), None)


def find_binary(arg):
    if arg:
        return [arg]
    for cand in (os.path.join(ROOT, 'target', 'release', 'ferropy-parse'),):
        if os.path.exists(cand):
            return [cand]
    return [os.path.join(ROOT, 'build', 'bin', 'ferropy')]


def ours_dumps(binary, files, attrs):
    with tempfile.NamedTemporaryFile('w', suffix='.lst', delete=False) as f:
        f.write('\n'.join(files) + '\n')
        lst = f.name
    try:
        cmd = binary + ['--dump-ast-many'] + (['--include-attributes'] if attrs else []) + [lst]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    finally:
        os.unlink(lst)
    out = r.stdout.decode('utf-8', 'surrogateescape')
    parts = out.split('\n' + SEP + '\n')
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode(errors='replace'))
    return [p.rstrip('\n') for p in parts[:len(files)]] + [None] * max(0, len(files) - len(parts) + 0)


def compare(binary, files, attrs, label, verbose, known_src=None):
    ours = ours_dumps(binary, files, attrs)
    same = differ = known = 0
    for path, mine in zip(files, ours):
        theirs = cpython_dump(path, attrs)
        rel = os.path.relpath(path, sysconfig.get_paths()['stdlib'])
        if mine is not None and mine.startswith('ERROR') and ' | ' in mine:
            mine = mine.split(' | ')[0]
        if mine == theirs:
            same += 1
        elif rel in KNOWN or (known_src and open(path, 'rb').read().decode('utf-8', 'replace') in known_src):
            known += 1
        else:
            differ += 1
            if verbose:
                print('DIFF', rel)
                if mine is None:
                    print('   ours: <missing>')
                else:
                    # show the first differing region
                    i = next((k for k in range(min(len(mine), len(theirs))) if mine[k] != theirs[k]), min(len(mine), len(theirs)))
                    print('   ours:    ', mine[max(0, i - 150):i + 150])
                    print('   cpython: ', theirs[max(0, i - 150):i + 150])
    print('%s: %d files, %d identical, %d differ%s' % (label, len(files), same, differ,
          (', %d known differences' % known) if known else ''))
    return differ == 0


def run_errors(binary, verbose):
    """The error corpus: type, msg and all four positions must match CPython's."""
    d = os.path.join(ROOT, 'crates', 'ferropy-parser', 'tests', 'errors')
    cases = load_cases(os.path.join(d, 'cases.py.txt'))
    expected = [l.rstrip('\n') for l in open(os.path.join(d, 'expected.txt'), encoding='utf-8')]
    tmp = tempfile.mkdtemp()
    files = []
    for i, src in enumerate(cases):
        p = os.path.join(tmp, 'case%03d.py' % i)
        with open(p, 'wb') as f:
            f.write(src.encode('utf-8'))
        files.append(p)
    ours = ours_dumps(binary, files, False)
    known = {}
    for line in open(os.path.join(d, 'known_differences.txt'), encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            h, why = line.rstrip('\n').split('\t', 1)
            known[bytes.fromhex(h).decode('utf-8')] = why
    ok = bad = nknown = 0
    for i, (src, exp, got) in enumerate(zip(cases, expected, ours)):
        if got is not None and not got.startswith('ERROR'):
            got = 'OK'
        if got == exp:
            ok += 1
        elif src in known:
            nknown += 1
        else:
            bad += 1
            if verbose:
                print('ERRDIFF case %d: %r\n   ours:    %s\n   cpython: %s' % (i, src[:200], got, exp))
    for p in files:
        os.unlink(p)
    os.rmdir(tmp)
    print('parser errors: %d cases, %d identical, %d differ, %d known differences (tests/errors/known_differences.txt)' % (len(cases), ok, bad, nknown))
    return bad == 0


def run_render(binary, step, verbose):
    """`ferropy --dump-ast FILE` must print a syntax error exactly as `python3 FILE` does
    (every `step`-th error case; SyntaxWarnings, which we do not emit, are skipped)."""
    d = os.path.join(ROOT, 'crates', 'ferropy-parser', 'tests', 'errors')
    cases = load_cases(os.path.join(d, 'cases.py.txt'))
    expected = [l.rstrip('\n') for l in open(os.path.join(d, 'expected.txt'), encoding='utf-8')]
    known = set()
    for line in open(os.path.join(d, 'known_differences.txt'), encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            known.add(bytes.fromhex(line.split('\t', 1)[0]).decode('utf-8'))
    tmp = tempfile.mkdtemp()
    same = differ = 0
    for i in range(0, len(cases), step):
        src, exp = cases[i], expected[i]
        if not exp.startswith('ERROR SyntaxError') and not exp.startswith('ERROR IndentationError') and not exp.startswith('ERROR TabError'):
            continue
        if src in known:
            continue
        p = os.path.join(tmp, 'case%04d.py' % i)
        with open(p, 'wb') as f:
            f.write(src.encode('utf-8'))
        theirs = subprocess.run([sys.executable, p], capture_output=True, timeout=60).stderr
        if b'Warning' in theirs:
            os.unlink(p)
            continue
        mine = subprocess.run(binary + ['--dump-ast', p], capture_output=True, timeout=60)
        os.unlink(p)
        if mine.stderr == theirs and mine.returncode == 1:
            same += 1
        else:
            differ += 1
            if verbose:
                print('RENDERDIFF case %d: %r\n--- python3:\n%s--- ferropy:\n%s' % (i, src[:120], theirs.decode(errors='replace'), mine.stderr.decode(errors='replace')))
    # Source-decoding problems, which `python3 FILE` words its own way.
    for i, raw in enumerate(ENCODING_CASES):
        p = os.path.join(tmp, 'enc%02d.py' % i)
        with open(p, 'wb') as f:
            f.write(raw)
        theirs = subprocess.run([sys.executable, p], capture_output=True, timeout=60)
        mine = subprocess.run(binary + ['--dump-ast', p], capture_output=True, timeout=60)
        os.unlink(p)
        if theirs.returncode == 0:
            ok_case = mine.returncode == 0
        else:
            ok_case = mine.stderr == theirs.stderr and mine.returncode == 1
        if ok_case:
            same += 1
        else:
            differ += 1
            if verbose:
                print('RENDERDIFF encoding case %d: %r\n--- python3:\n%s--- ferropy:\n%s' % (i, raw, theirs.stderr.decode(errors='replace'), mine.stderr.decode(errors='replace')))
    os.rmdir(tmp)
    print('parser error printing: %d cases, %d identical, %d differ' % (same + differ, same, differ))
    return differ == 0


def run_snippets(binary, n, verbose):
    """Every string constant in the stdlib's test suite that CPython parses as a module
    (thousands of small, often tricky programs), compared with include_attributes=True."""
    import warnings
    warnings.simplefilter('ignore')
    test_dir = os.path.join(sysconfig.get_paths()['stdlib'], 'test')
    found = []
    for d, dirs, files in os.walk(test_dir):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith('.py'):
                continue
            try:
                tree = ast.parse(open(os.path.join(d, name), 'rb').read())
            except (SyntaxError, ValueError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and 3 < len(node.value) < 3000:
                    found.append(node.value)
    seen = set()
    good = []
    for src in found:
        if src in seen or '\x00' in src:
            continue
        seen.add(src)
        try:
            src.encode('utf-8')
            ast.parse(src)
        except Exception:
            continue
        good.append(src)
    if n and n < len(good):
        good = good[::max(1, len(good) // n)][:n]
    tmp = tempfile.mkdtemp()
    files = []
    for i, src in enumerate(good):
        p = os.path.join(tmp, 's%05d.py' % i)
        with open(p, 'wb') as f:
            f.write(src.encode('utf-8'))
        files.append(p)
    ok = compare(binary, files, True, 'parser snippets', verbose, known_src=SNIPPET_KNOWN)
    for p in files:
        os.unlink(p)
    os.rmdir(tmp)
    return ok


# Snippets that knowingly differ (by source text), with reasons.
SNIPPET_KNOWN = {
    '\u0399\u0308\u0300i\u0307': 'identifier NFKC: we map characters one by one and do not recompose',
}


ENCODING_CASES = [
    b'# -*- coding: latin-1 -*-\nx = "\xe9"\n',
    b'\xef\xbb\xbf# coding: utf-8\nx = "\xc3\xa9"\n',
    b'\xef\xbb\xbf# coding: latin-1\nx = 1\n',
    b'# coding: ascii\nx = "\xc3\xa9"\n',
    b'#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\nx = "\x80"\n',
    b'x = 1\n# coding: latin-1\ny = "\xc3\xa9"\n',
    b'x = "\xe9"\n',
    b'x = 1\ny = "ab\xe9"\n',
    b'# coding: cp1252\nx = "\x81"\n',
    b'# coding: bogus\nx=1\n',
    b'x = 1\x00\n',
    b'x = 1\ny = 2\x00\n',
    b'x = (1,\r\n 2\r\n',
]


def run_mutations(binary, n, verbose):
    """Differential check on broken code: n deterministic one-edit mutations of stdlib
    chunks that CPython rejects; compares exception type, message and all positions.
    Reports the agreement rate; fails only if ours crashes or loses an answer (the long
    tail of error-message details is tracked by this number, not gated)."""
    import random, warnings
    warnings.simplefilter('ignore')
    rnd = random.Random(1234)
    files = stdlib_files()
    toks = ['(', ')', '[', ']', '{', '}', ':', ',', '=', '.', '*', '**', 'if ', 'else ', 'for ', ' in ',
            'lambda ', '"', "'", '\n', '    ', 'not ', 'and ', 'yield ', 'return ', 'def ', 'class ', '@',
            '->', '+', '-', ':=', 'import ', 'from ', 'as ', 'with ', 'async ', 'await ', '0x', '1_', 'f"{',
            '}', '#', '\\']
    tmp = tempfile.mkdtemp()
    paths, expected = [], []
    while len(paths) < n:
        f = rnd.choice(files)
        try:
            lines = open(f, encoding='utf-8').read().splitlines(True)
        except (UnicodeDecodeError, OSError):
            continue
        if len(lines) < 5:
            continue
        i = rnd.randrange(len(lines) - 3)
        chunk = ''.join(lines[i:i + rnd.randint(1, 12)])
        if chunk[:1] in ' \t':
            continue
        k = rnd.randrange(len(chunk) + 1)
        r = rnd.random()
        if r < 0.4:
            chunk = chunk[:k] + rnd.choice(toks) + chunk[k:]
        elif r < 0.8:
            chunk = chunk[:k] + chunk[k + rnd.randint(1, 3):]
        else:
            chunk = chunk[:k] + rnd.choice(toks) + chunk[k + 1:]
        try:
            ast.parse(chunk.encode('utf-8'))
            continue
        except SyntaxError as e:
            o = lambda v: 'None' if v is None else str(v)
            exp = 'ERROR %s %r %s | %s %s %s' % (type(e).__name__, e.msg, o(e.lineno), o(e.offset), o(e.end_lineno), o(e.end_offset))
        except Exception:
            continue
        p = os.path.join(tmp, 'm%05d.py' % len(paths))
        with open(p, 'wb') as fh:
            fh.write(chunk.encode('utf-8'))
        paths.append(p)
        expected.append(exp)
    ours = ours_dumps(binary, paths, False)
    same = lost = 0
    for p, exp, got in zip(paths, expected, ours):
        if got is None:
            lost += 1
        elif got == exp:
            same += 1
        elif verbose:
            print('MUTDIFF %r\n   ours:    %s\n   cpython: %s' % (open(p, encoding='utf-8').read()[-160:], got, exp))
        os.unlink(p)
    os.rmdir(tmp)
    print('parser mutations: %d broken programs, %d identical errors (%.1f%%), %d differ%s' % (
        len(paths), same, 100.0 * same / max(1, len(paths)), len(paths) - same - lost, (', %d LOST' % lost) if lost else ''))
    return lost == 0


def load_cases(path):
    text = open(path, encoding='utf-8').read()
    parts = text.split('\n### case\n')
    return [p for p in parts[1:]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sample', type=int)
    ap.add_argument('--all', action='store_true')
    ap.add_argument('--positions', type=int)
    ap.add_argument('--errors', action='store_true')
    ap.add_argument('--mutations', type=int, metavar='N', help='agreement rate on N mutated stdlib chunks (report only)')
    ap.add_argument('--snippets', type=int, metavar='N', help='programs embedded in the stdlib tests (N of them; 0 = all)')
    ap.add_argument('--render', type=int, metavar='STEP', help='compare printed errors with python3 FILE on every STEP-th error case')
    ap.add_argument('--binary')
    ap.add_argument('-q', '--quiet', action='store_true')
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    binary = find_binary(a.binary)
    ok = True
    files = stdlib_files()
    if a.files:
        ok &= compare(binary, [os.path.abspath(f) for f in a.files], bool(a.positions), 'parser files', not a.quiet)
    if a.all:
        ok &= compare(binary, files, False, 'parser stdlib', not a.quiet)
    elif a.sample:
        ok &= compare(binary, sample(files, a.sample), False, 'parser stdlib', not a.quiet)
    if a.positions and not a.files:
        ok &= compare(binary, sample(files, a.positions), True, 'parser positions', not a.quiet)
    if a.errors:
        ok &= run_errors(binary, not a.quiet)
    if a.mutations:
        ok &= run_mutations(binary, a.mutations, not a.quiet)
    if a.snippets is not None:
        ok &= run_snippets(binary, a.snippets, not a.quiet)
    if a.render:
        ok &= run_render(binary, a.render, not a.quiet)
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
