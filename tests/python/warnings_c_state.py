# _warnings shares one state with warnings.py and the C-level PyErr_Warn* (issue 10).
import os, sys, _warnings, warnings

print(_warnings.filters is warnings.filters, _warnings._onceregistry is warnings.onceregistry)
print(_warnings._defaultaction, warnings.warn is _warnings.warn, warnings.warn_explicit is _warnings.warn_explicit)
print(_warnings.filters[:5])

def attempt(f):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: _warnings.warn("x", 5))
attempt(lambda: _warnings.warn("x", int))
attempt(lambda: _warnings.warn_explicit("x", UserWarning, 5, 1))
attempt(lambda: _warnings.warn_explicit("x", UserWarning, "f", "a"))
attempt(lambda: _warnings.warn_explicit("x", UserWarning, "f", 1, registry=5))
attempt(lambda: _warnings.warn_explicit("x", UserWarning, "f", 1, module_globals=5))
attempt(lambda: _warnings.warn_explicit("x", 5, "f", 1))
attempt(lambda: _warnings.warn())
attempt(lambda: _warnings.warn("x", stacklevel="a"))

saved = warnings.filters
for bad in [5, [5], [(5, None, Warning, None, 0)], [("bogus", None, Warning, None, 0)]]:
    warnings.filters = bad
    attempt(lambda: _warnings.warn("x"))
warnings.filters = []
warnings.defaultaction = 7
attempt(lambda: _warnings.warn("x"))
warnings.defaultaction = "default"
warnings.filters = saved

# Registries: once/module/default keys and the filter version.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    r = {}
    _warnings.warn_explicit("t", UserWarning, "f.py", 3, registry=r)
    print(sorted(map(repr, r.items())))
    warnings.simplefilter("error")
    # The registry of an older filter version is emptied: the warning raises now.
    attempt(lambda: _warnings.warn_explicit("t", UserWarning, "f.py", 3, registry=r))
    print(sorted(map(repr, r.items())))
    warnings.filterwarnings("ignore", message="ign")
    attempt(lambda: _warnings.warn("ignored here"))
    warnings.filterwarnings("ignore", module="zz")
    attempt(lambda: _warnings.warn_explicit("mod", UserWarning, "zz.py", 5))
    attempt(lambda: _warnings.warn_explicit("mod", UserWarning, "x.py", 5, module="zz"))
    attempt(lambda: _warnings.warn_explicit("mod", UserWarning, "x.py", 5))
    attempt(lambda: _warnings.warn(DeprecationWarning("inst"), UserWarning))
    warnings.filterwarnings("ignore", lineno=9)
    attempt(lambda: _warnings.warn_explicit("line", UserWarning, "x.py", 9))
    attempt(lambda: _warnings.warn_explicit("line", UserWarning, "x.py", 10))
    # C-level warnings obey the Python filters: a bytes/str comparison under -b would,
    # here int('1_0') has no warning; the invalid escape SyntaxWarning of compile() does.
    attempt(lambda: compile("'\\d'", "<s>", "eval"))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    _warnings.warn("recorded", RuntimeWarning)
    compile("'\\d'", "<s>", "eval")
    print([(type(w.message).__name__, str(w.message), w.lineno) for w in log])

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for i in range(3):
        _warnings.warn("once only")
    warnings.simplefilter("module")
    for i in range(3):
        _warnings.warn("per module")
    print([str(w.message) for w in log])

def deep():
    _warnings.warn("from deep", stacklevel=2)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    deep()
    _warnings.warn("level 0", stacklevel=0)
    _warnings.warn("level 50", stacklevel=50)
    print([(w.filename == __file__, w.filename, w.lineno) for w in log][1:])
    print(log[0].lineno)

# Without the warnings module the C fallback writes to stderr; -W error makes C-level
# warnings raise.

def run(*args):
    """sys.executable with args: (exit status, stdout, stderr) (no subprocess: it needs io)."""
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.execv(sys.executable, [sys.executable, *args])
    os.close(out_w)
    os.close(err_w)
    texts = []
    for fd in (out_r, err_r):
        chunks = []
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
        os.close(fd)
        texts.append(b"".join(chunks).decode())
    _, status = os.waitpid(pid, 0)
    return (os.WEXITSTATUS(status), *texts)

code = ("import _warnings, sys\n"
        "_warnings.warn('plain')\n"
        "_warnings.warn_explicit('expl', UserWarning, 'nofile.py', 3)\n"
        "print('done')\n")
p = run("-c", code)
print(p[0], p[1], p[2])
p = run("-W", "error", "-c", "compile(r\"'\\d'\", 's', 'eval')")
print(p[0], p[2].splitlines()[-1:])
p = run("-W", "error::DeprecationWarning", "-c", "import _warnings; _warnings.warn('d', DeprecationWarning)")
print(p[0], p[2].splitlines()[-1:])
p = run("-W", "ignore", "-c", "import _warnings; _warnings.warn('d'); print('ok')")
print(p[0], p[1], p[2])
