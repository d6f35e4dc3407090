# sys.unraisablehook: the default hook's report, a custom hook receiving UnraisableHookArgs,
# a failing hook, None as the hook.
import sys

class Capture:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass

class D:
    def __init__(self, exc): self.exc = exc
    def __del__(self): raise self.exc
    def __repr__(self): return f"<D {self.exc!r}>"

def drop(exc):
    d = D(exc)
    del d

def mask(text):
    # Object addresses differ between runs.
    out, rest = [], text
    while ' at 0x' in rest:
        head, _, tail = rest.partition(' at 0x')
        i = 0
        while i < len(tail) and tail[i] in '0123456789abcdef':
            i += 1
        out.append(head + ' at ADDR')
        rest = tail[i:]
    return ''.join(out) + rest

def captured(fn):
    cap = Capture()
    old, sys.stderr = sys.stderr, cap
    try:
        fn()
    finally:
        sys.stderr = old
    print(mask(''.join(cap.parts)), end='')
    print('-' * 10)

print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook.__name__)
captured(lambda: drop(ValueError("boom")))
captured(lambda: drop(KeyError()))

seen = []
def hook(a):
    seen.append(a)
sys.unraisablehook = hook
drop(TypeError("to the hook"))
a = seen[0]
print(type(a).__name__, len(a), type(a).n_fields, a.exc_type, a.exc_value, a.exc_traceback is not None, a.err_msg, mask(repr(a.object)))
print(a[0] is a.exc_type, a[3], tuple(type(x).__name__ for x in a))

def bad_hook(a):
    raise RuntimeError("hook failed")
sys.unraisablehook = bad_hook
captured(lambda: drop(ValueError("not shown")))

sys.unraisablehook = None
captured(lambda: drop(ValueError("default when None")))
sys.unraisablehook = sys.__unraisablehook__

try:
    sys.__unraisablehook__(5)
except TypeError as e:
    print(e)
try:
    sys.__unraisablehook__()
except TypeError as e:
    print(e)
captured(lambda: sys.__unraisablehook__(a))
