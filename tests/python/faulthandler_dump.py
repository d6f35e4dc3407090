# faulthandler.dump_traceback: CPython's format, to a file object or a descriptor.
import faulthandler
import posix
import sys


def inner():
    faulthandler.dump_traceback(sys.stdout, all_threads=False)


def outer():
    inner()


print("before")
outer()
print("after")


def héllo_世():
    faulthandler.dump_traceback(file=sys.stdout.fileno(), all_threads=False)


sys.stdout.flush()
héllo_世()


# all_threads: one block per thread, the current one named so (its id masked here).
r, w = posix.pipe()
faulthandler.dump_traceback(w)
posix.close(w)
text = posix.read(r, 65536).decode()
posix.close(r)
for line in text.splitlines():
    if "0x" in line:
        head, _, rest = line.partition("0x")
        line = head + "0x<id>" + rest[16:]
    print(line)


def deep(n):
    if n == 0:
        faulthandler.dump_traceback(sys.stdout, False)
    else:
        deep(n - 1)


deep(120)

for bad in (-1, "name", 2**70):
    try:
        faulthandler.dump_traceback(bad)
    except Exception as e:
        print(type(e).__name__, e)

saved = sys.stderr
sys.stderr = None
try:
    faulthandler.dump_traceback()
except RuntimeError as e:
    print("RuntimeError", e)
finally:
    sys.stderr = saved
try:
    faulthandler.dump_traceback(sys.stdout, True, 3)
except TypeError as e:
    print("TypeError", e)
