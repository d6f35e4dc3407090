def show(e, indent=0):
    pad = " " * indent
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}({e.message!r}) [{len(e.exceptions)}]")
        for s in e.exceptions:
            show(s, indent + 2)
    else:
        print(f"{pad}{type(e).__name__}({', '.join(map(repr, e.args))})")

def attempt(f):
    try:
        f()
        print("no exception")
    except BaseException as e:
        print("escaped:")
        show(e, 2)

def nested():
    raise ExceptionGroup("outer", [
        ValueError("v1"),
        ExceptionGroup("inner", [TypeError("t1"), ValueError("v2")]),
        KeyError("k1"),
    ])

# partial handling: the rest keeps the original structure
def f1():
    try:
        nested()
    except* ValueError as eg:
        print("caught:"); show(eg, 2)
attempt(f1)

# several clauses, each sees what is left
def f2():
    try:
        nested()
    except* TypeError as eg:
        print("T:"); show(eg, 2)
    except* (ValueError, KeyError) as eg:
        print("VK:"); show(eg, 2)
attempt(f2)

# new exceptions raised in handlers join a new group with the unhandled rest
def f3():
    try:
        nested()
    except* ValueError:
        raise RuntimeError("from handler")
    except* TypeError as eg:
        raise
attempt(f3)

# bare raise of everything: the original group comes back
def f4():
    try:
        nested()
    except* ValueError:
        raise
attempt(f4)

# naked exception: wrapped for the handler, raised alone when re-raised or replaced
def f5():
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        show(eg, 2)
        raise
attempt(f5)
def f6():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("new")
attempt(f6)
def f7():
    try:
        raise KeyError("unmatched naked")
    except* ValueError:
        print("not reached")
attempt(f7)

# sys.exc_info inside a handler is the matched part
import sys
def f8():
    try:
        nested()
    except* KeyError:
        show(sys.exc_info()[1], 2)
        print(sys.exception() is sys.exc_info()[1])
attempt(f8)
print(sys.exc_info())

# the context of a raised exception is the matched part
def f9():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as eg:
        try:
            raise KeyError(2)
        except KeyError as k:
            show(k.__context__, 2)
            print(k.__context__ is eg)
attempt(f9)

# invalid clause types
for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), int):
    def f10():
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* bad:
            pass
    attempt(f10)

# split/subgroup with predicates, derive, metadata copying
eg = ExceptionGroup("m", [ValueError(1), TypeError(2), ExceptionGroup("i", [ValueError(3)])])
eg.add_note("a note")
match, rest = eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)
show(match); show(rest)
print(match.__notes__, rest.__notes__)
show(eg.subgroup(lambda e: isinstance(e, ExceptionGroup)))
print(eg.subgroup(lambda e: False))
print(eg.split(ValueError)[0].exceptions[0] is eg.exceptions[0])
try:
    eg.split(42)
except TypeError as e:
    print("TypeError:", e)

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
def f11():
    try:
        raise MyEG("mine", [ValueError(1), KeyError(2)])
    except* ValueError as eg:
        show(eg, 2)
attempt(f11)

# else/finally run as usual; return values of code after
def f12():
    out = []
    try:
        out.append("body")
    except* ValueError:
        out.append("handler")
    else:
        out.append("else")
    finally:
        out.append("finally")
    print(out)
attempt(f12)

# except* in a loop, in a generator
def gen():
    for i in range(3):
        try:
            if i % 2:
                raise ExceptionGroup("g", [ValueError(i)])
            yield i
        except* ValueError as eg:
            yield ("handled", eg.exceptions[0].args)
print(list(gen()))

# BaseExceptionGroup with a BaseException stays Base
def f13():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError:
        pass
attempt(f13)
