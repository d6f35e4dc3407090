# sys.stdin/stdout/stderr are _io.TextIOWrapper objects over Buffered*/FileIO on fds 0-2,
# built as CPython's create_stdio: types, names, modes, buffering under -u and without,
# PYTHONIOENCODING, a closed descriptor at start-up, reconfigure, the flush at exit.
import io
import os
import subprocess
import sys


def describe(s):
    b = s.buffer
    raw = getattr(b, "raw", b)
    return (type(s).__name__, s.name, s.mode, s.encoding, s.errors, s.line_buffering,
            s.write_through, type(b).__name__, repr(b), repr(raw), raw.closefd, raw.mode,
            s.fileno(), s.newlines, s.readable(), s.writable(), s.closed)


# In this process (stdin /dev/null, stdout and stderr pipes): what the runner set up.
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(describe(s)[:5], describe(s)[7:])
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdout.buffer, io.BufferedIOBase) or isinstance(sys.stdout.buffer, io.RawIOBase))
print(sys.__stdin__ is sys.stdin, sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr)
print(repr(sys.stdout), repr(sys.stdin))
print(sys.stdout.write("written\n"), sys.stdout.write(""))
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
try:
    sys.stdin.write("x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    sys.stdout.read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
sys.stdout.flush()

CHILD_DESCRIBE = """
import sys
def describe(s):
    b = s.buffer
    raw = getattr(b, "raw", b)
    return (s.encoding, s.errors, s.line_buffering, s.write_through, type(b).__name__, raw.name, raw.closefd)
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(describe(s))
"""

BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}


def child(args, env=None, stdin=b"", shell_suffix=None):
    e = dict(BASE_ENV, **(env or {}))
    if shell_suffix:
        cmd = " ".join("'" + a.replace("'", "'\\''") + "'" for a in [sys.executable] + args) + " " + shell_suffix
        r = subprocess.run(["/bin/sh", "-c", cmd], input=stdin, capture_output=True, env=e)
    else:
        r = subprocess.run([sys.executable] + args, input=stdin, capture_output=True, env=e)
    err = r.stderr.replace(sys.executable.encode(), b"PYTHON")
    print(args[-1][:40].replace("\n", " ") if args else "", env, "->", r.returncode, r.stdout, err)


# Buffered (the default) and unbuffered (-u, PYTHONUNBUFFERED): stdin stays buffered.
child(["-c", CHILD_DESCRIBE])
child(["-u", "-c", CHILD_DESCRIBE])
child(["-c", CHILD_DESCRIBE], {"PYTHONUNBUFFERED": "1"})
# Encodings and error handlers.
child(["-c", CHILD_DESCRIBE], {"PYTHONIOENCODING": "iso8859-1"})
child(["-c", CHILD_DESCRIBE], {"PYTHONIOENCODING": "iso8859-1:replace"})
child(["-c", CHILD_DESCRIBE], {"PYTHONIOENCODING": ":ignore"})
child(["-c", "print('caf\\xe9 \\u20ac')"], {"PYTHONIOENCODING": "latin-1:replace"})
child(["-c", "print('caf\\xe9 \\u20ac')"], {"PYTHONIOENCODING": "ascii:backslashreplace"})
child(["-c", "print('caf\\xe9')"], {"PYTHONIOENCODING": "ascii"})
child(["-c", "import sys; sys.stderr.write('\\xe9\\udcff\\n')"], {"PYTHONIOENCODING": "ascii"})
child(["-c", "print('\\udcff')"])
child(["-c", "import sys; print(repr(sys.stdin.read()))"], stdin=b"ab\xffc\r\nd\re")
child(["-E", "-c", CHILD_DESCRIBE], {"PYTHONIOENCODING": "latin-1"})
# Ordering: text is held until the chunk is full, a flush, or exit; the buffer is direct.
child(["-c", "import sys; print('text'); sys.stdout.buffer.write(b'bytes\\n')"])
child(["-u", "-c", "import sys; print('text'); sys.stdout.buffer.write(b'bytes\\n')"])
child(["-c", "import sys; sys.stderr.write('e1'); print('o1'); sys.stderr.write('e2\\n'); print('o2')"])
# Reading: readline, iteration, input() from a pipe.
child(["-c", "import sys; print(repr(sys.stdin.readline()), [l for l in sys.stdin])"], stdin=b"one\ntwo\nthree")
child(["-c", "print(repr(input()), repr(input('prompt> ')))"], stdin=b"first\nsecond\n")
child(["-c", "input()"], stdin=b"")
# reconfigure.
child(["-c", "import sys; sys.stdout.reconfigure(encoding='latin-1', errors='replace'); print('\\xe9\\u20ac', sys.stdout.encoding, sys.stdout.errors)"])
child(["-c", "import sys; sys.stdout.reconfigure(line_buffering=True); print(sys.stdout.line_buffering); sys.stdout.buffer.write(b'after\\n')"])
child(["-c", "import sys; sys.stdout.reconfigure(newline='\\r\\n'); print('a'); print('b')"])
# Closed, replaced and missing streams.
child(["-c", "import sys; print(sys.stdin, sys.__stdin__)"], shell_suffix="<&-")
child(["-c", "import sys; sys.stderr.write(repr(sys.stdout) + '\\n')"], shell_suffix=">&-")
child(["-c", "import sys; sys.stdout.close(); print('x')"])
child(["-c", "import sys; sys.stdout = None; print('lost'); sys.stderr.write('ok\\n')"])
child(["-c", "import sys, io; sys.stdout = io.StringIO(); print('kept'); v = sys.stdout.getvalue(); sys.stdout = sys.__stdout__; print(repr(v))"])
child(["-c", "import sys; del sys.stdout; print('x')"])
child(["-c", "import sys; sys.stdout.buffer.close()"])
# The flush at exit: a failure gives status 120 and an "Exception ignored" report.
child(["-c", "print('x')"], shell_suffix=">/dev/full")
child(["-u", "-c", "print('x')"], shell_suffix=">/dev/full")
child(["-c", "import sys; sys.stdout.write('no newline')"])
# fork: the child's buffered text is its own.
child(["-c", "import os, sys\nprint('before', flush=True)\npid = os.fork()\nif pid == 0:\n    print('child')\n    sys.exit(0)\nos.waitpid(pid, 0)\nprint('parent')"])
