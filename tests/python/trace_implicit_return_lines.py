# The implicit `return None` (and a class body's closing return) has no line of its own:
# a tracer sees the return on the line control came from, as CPython 3.11 lays it out.
# Also: co_lines() of a module puts RESUME at line 0, and sys.flags/sys.version_info
# cannot be instantiated.
import sys


def nested_ifs(a, b):
    if a:
        if b:
            x = 1
        else:
            x = 2


def try_no_exception():
    try:
        x = 1
    except ValueError:
        x = 2


def loop():
    for i in range(2):
        x = i


def ireturn(a):
    if a:
        return 1
    x = 2


def in_class():
    class C:
        a = 1
        if a:
            b = 2
    return C


def with_body():
    import contextlib
    with contextlib.nullcontext():
        x = 1


def trace(func, *args):
    events = []
    base = func.__code__.co_firstlineno

    def tracer(frame, event, arg):
        if frame.f_code.co_filename == __file__ and frame.f_code.co_name in (func.__name__, "C"):
            events.append((frame.f_code.co_name, frame.f_lineno - base, event))
        return tracer

    sys.settrace(tracer)
    try:
        func(*args)
    finally:
        sys.settrace(None)
    print(func.__name__, args, events)


trace(nested_ifs, 1, 1)
trace(nested_ifs, 1, 0)
trace(nested_ifs, 0, 0)
trace(try_no_exception)
trace(loop)
trace(ireturn, 0)
trace(ireturn, 1)
trace(in_class)
trace(with_body)

for src in ["x = 1\ny = 2", "def f(): pass", "class C:\n  a = 1"]:
    code = compile(src, "m", "exec")
    print(repr(src), [line for _, _, line in code.co_lines()][:3], list(code.co_positions())[0])

for name in ("flags", "version_info"):
    try:
        type(getattr(sys, name))()
    except TypeError as e:
        print(name, e)
    print(name, "__new__" in type(getattr(sys, name)).__dict__)
