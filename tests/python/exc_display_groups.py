# The boxed report of exception groups (3.11's format), captured from sys.excepthook.
import sys

class Capture:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass

def show(e):
    cap = Capture()
    old, sys.stderr = sys.stderr, cap
    try:
        sys.excepthook(type(e), e, e.__traceback__)
    finally:
        sys.stderr = old
    print(''.join(cap.parts), end='')
    print('-' * 20)

def f():
    raise ValueError(1)

def g():
    try:
        f()
    except ValueError as e:
        raise ExceptionGroup("inner", [e, TypeError(2)])

try:
    try:
        g()
    except ExceptionGroup as e:
        e.add_note("a note")
        raise ExceptionGroup("outer", [e, KeyError('k'), ExceptionGroup("nested", [OSError(3)])]) from None
except ExceptionGroup as e:
    show(e)

# Without tracebacks, a single member, a cause chain inside a member.
show(ExceptionGroup("plain", [ValueError("a")]))
show(BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()]))
try:
    try:
        raise KeyError("first")
    except KeyError as k:
        raise RuntimeError("second") from k
except RuntimeError as r:
    show(ExceptionGroup("with cause", [r]))

# More members than shown, and nesting deeper than shown.
show(ExceptionGroup("wide", [ValueError(i) for i in range(17)]))
show(ExceptionGroup("wide16", [ValueError(i) for i in range(16)]))
deep = ValueError("bottom")
for i in range(12):
    deep = ExceptionGroup(f"level {i}", [deep])
show(deep)

# A group that is the context of another exception.
try:
    try:
        raise ExceptionGroup("ctx", [ZeroDivisionError("z")])
    except ExceptionGroup:
        raise NameError("later")
except NameError as n:
    show(n)
