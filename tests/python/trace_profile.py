# sys.setprofile: call/return of Python functions and generators, c_call/c_return/
# c_exception of builtins and methods (method descriptors reported bound), a raising
# profile function turns profiling off, getprofile.
import sys

events = []


def prof(frame, event, arg):
    if event.startswith("c_"):
        name = getattr(arg, "__qualname__", None) or getattr(arg, "__name__", "?")
        events.append((event, frame.f_code.co_name, name))
    else:
        a = repr(arg) if isinstance(arg, (int, str, type(None))) else type(arg).__name__
        events.append((event, frame.f_code.co_name, a))


def square(x):
    return x * x


def gen():
    yield 1
    yield 2


def work():
    out = [square(2), len("abc"), max(1, 2)]
    out.append(sum(gen()))
    d = {}
    d.setdefault("k", 1)
    "a,b".split(",")
    try:
        int("x")
    except ValueError:
        pass
    f = getattr
    f(out, "copy")()
    args = (1, 2)
    max(*args)
    return out


sys.setprofile(prof)
result = work()
sys.setprofile(None)
print(result)
for e in events:
    print("   ", e)

# A raising profile function: the exception propagates, profiling is off.
def bad(frame, event, arg):
    if event == "c_call":
        raise RuntimeError("profiler")


def calls_builtin():
    return len("x")


sys.setprofile(bad)
try:
    calls_builtin()
except RuntimeError as e:
    print("raised:", e)
print("getprofile after failure:", sys.getprofile())
sys.setprofile(prof)
print(sys.getprofile() is prof)
sys.setprofile(None)
print(sys.getprofile())
