# posix conversions with CPython 3.11's edge behaviour: bytes-like paths (a
# DeprecationWarning, then used as bytes), dev_t arguments (int only, unsigned), the
# int-only posix_spawn flags, and the ResourceWarning of a scandir iterator freed open.
import gc
import os
import tempfile
import warnings

d = tempfile.mkdtemp()
open(os.path.join(d, "file.txt"), "w").close()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(sorted(os.listdir(bytearray(os.fsencode(d)))), sorted(os.listdir(memoryview(os.fsencode(d)))))
    print(os.stat(bytearray(os.fsencode(d))).st_mode == os.stat(d).st_mode)
    try:
        os.chdir(bytearray(b"/nonexistent-dir/x"))
    except OSError as e:
        print(type(e).__name__, e.filename)
    print([entry.name for entry in os.scandir(bytearray(os.fsencode(d)))])
for w in caught:
    print(w.category.__name__, w.message)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        os.stat(bytearray(b"/"))
    except DeprecationWarning as e:
        print("raised", e)
for call in (lambda: os.stat(None), lambda: os.listdir(1.5)):
    try:
        call()
    except TypeError as e:
        print(e)

for value in (-1, 2**64, 2**64 - 1, 1.5, True, 0):
    for f in (os.major, os.minor):
        try:
            print(f.__name__, f(value))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
try:
    os.mknod(os.path.join(d, "node"), 0o600, -1)
except Exception as e:
    print(type(e).__name__, e)

for kw in ({"resetids": None}, {"setsid": None}, {"resetids": "yes"}):
    try:
        os.posix_spawn("/bin/true", ["true"], {}, **kw)
    except TypeError as e:
        print(sorted(kw), e)
pid = os.posix_spawn("/bin/true", ["true"], {}, resetids=1, setsid=False)
print(os.waitpid(pid, 0)[1])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    it = os.scandir(d)
    next(it)
    del it
    gc.collect()
    it = os.scandir(d)
    list(it)
    del it
    with os.scandir(d) as it:
        next(it)
    del it
    it = os.scandir(d)
    it.close()
    del it
    gc.collect()
print([(w.category.__name__, str(w.message).split(" at ")[0]) for w in caught])
os.unlink(os.path.join(d, "file.txt"))
os.rmdir(d)
