#!/usr/bin/env python3
"""union.py FILE...: resolve conflict blocks by keeping both sides (ours then theirs)."""
import sys, re
for path in sys.argv[1:]:
    out, state = [], None
    for line in open(path).read().splitlines(keepends=True):
        if line.startswith('<<<<<<< '): state = 'ours'; continue
        if line.startswith('||||||| ') and state: state = 'base'; continue
        if line.startswith('=======') and state: state = 'theirs'; continue
        if line.startswith('>>>>>>> ') and state: state = None; continue
        if state == 'base': continue
        out.append(line)
    open(path, 'w').write(''.join(out))
