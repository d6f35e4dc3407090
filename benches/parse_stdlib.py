#!/usr/bin/env python3
"""Parser benchmark: parse every stdlib file with CPython's ast.parse and with ferropy.

    python3 benches/parse_stdlib.py [--binary build/bin/ferropy] [--repeat 3]

CPython is timed in-process (ast.parse on bytes, the best of --repeat runs) with
/usr/bin/python3.11 (Debian's optimised build) and with `python3`.  Ours is timed by
`--bench-parse LISTFILE`, which reads all files first and then times only the parsing
(tokenize + parse, building the Rust AST), reporting nanoseconds.  Note CPython's
figure includes building Python AST objects, which ours does not.
"""
import argparse, os, subprocess, sys, sysconfig, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CPY_SNIPPET = r'''
import ast, sys, time, warnings
warnings.simplefilter("ignore")
files = [l.rstrip("\n") for l in open(sys.argv[1])]
srcs = [open(f, "rb").read() for f in files]
best = None
for _ in range(int(sys.argv[2])):
    t = time.perf_counter_ns()
    for s in srcs:
        try:
            ast.parse(s)
        except (SyntaxError, ValueError):
            pass
    d = time.perf_counter_ns() - t
    best = d if best is None else min(best, d)
print(best)
'''


def stdlib_files():
    base = sysconfig.get_paths()['stdlib']
    out = []
    for d, dirs, files in os.walk(base):
        dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
        out += [os.path.join(d, f) for f in sorted(files) if f.endswith('.py')]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', default=os.path.join(ROOT, 'build', 'bin', 'ferropy'))
    ap.add_argument('--repeat', type=int, default=3)
    a = ap.parse_args()
    files = stdlib_files()
    with tempfile.NamedTemporaryFile('w', suffix='.lst', delete=False) as f:
        f.write('\n'.join(files) + '\n')
        lst = f.name
    n = len(files)
    results = {}
    for py in ('/usr/bin/python3.11', 'python3'):
        try:
            out = subprocess.run([py, '-c', CPY_SNIPPET, lst, str(a.repeat)], capture_output=True, text=True, check=True).stdout
            results[py] = int(out.split()[-1])
        except (OSError, subprocess.CalledProcessError) as e:
            print('skipping %s: %s' % (py, e))
    out = subprocess.run([a.binary, '--bench-parse', lst, str(a.repeat)], capture_output=True, text=True, check=True).stdout
    ours = int(out.split()[-1])
    os.unlink(lst)
    print('parse %d stdlib files' % n)
    print('  ferropy           %10.0f ns/file  (%.3f s total)' % (ours / n, ours / 1e9))
    for py, t in results.items():
        print('  %-17s %10.0f ns/file  (%.3f s total)  ferropy is %.2fx faster' % (py, t / n, t / 1e9, t / ours))


if __name__ == '__main__':
    main()
