#!/usr/bin/env python3
"""resolve_rows.py FILE: resolve diff3 conflict blocks of a table file row by row (rows keyed by
their first cell): a row changed on one side only takes that side; changed on both sides takes
the longer one and is reported. Run `git checkout --conflict=diff3 FILE` first."""
import sys
def key(line):
    parts = line.split('|')
    return parts[1].strip() if len(parts) > 2 else line
path = sys.argv[1]
out, state, ours, base, theirs = [], None, [], [], []
for line in open(path).read().splitlines(keepends=True):
    if line.startswith('<<<<<<< '): state = 'o'; ours, base, theirs = [], [], []; continue
    if line.startswith('||||||| ') and state: state = 'b'; continue
    if line.startswith('=======') and state: state = 't'; continue
    if line.startswith('>>>>>>> ') and state:
        state = None
        bmap = {key(l): l for l in base}
        tmap = {key(l): l for l in theirs}
        omap = {key(l): l for l in ours}
        done = set()
        for l in ours:
            k = key(l); done.add(k)
            t = tmap.get(k); b = bmap.get(k)
            if t is None or t == l or t == b: out.append(l)
            elif l == b: out.append(t)
            else:
                print("both changed:", k[:70], file=sys.stderr)
                out.append(l if len(l) >= len(t) else t)
        for l in theirs:
            k = key(l)
            if k not in done and k not in bmap: out.append(l)
        continue
    {'o': ours, 'b': base, 't': theirs}.get(state, out).append(line)
open(path, 'w').write(''.join(out))
