# Setting frame.f_lineno from a line trace function: forward and backward jumps, out of a
# for loop, and CPython 3.11's refusals (into a loop body, into an except block, before or
# after the code block, from a call event, outside tracing, not an int).
import sys


def make_tracer(func, at, to, once=True):
    state = {"done": False}

    def tracer(frame, event, arg):
        if frame.f_code is not func.__code__:
            return None
        if event == "line" and not state["done"]:
            line = frame.f_lineno - frame.f_code.co_firstlineno
            if line == at:
                state["done"] = once
                try:
                    frame.f_lineno = frame.f_code.co_firstlineno + to
                    print("  jumped", at, "->", to)
                except ValueError as e:
                    msg = str(e).replace(str(frame.f_code.co_firstlineno + to), "N")
                    print("  ValueError:", msg)
        return tracer
    return tracer


def run(func, at, to):
    out = []
    sys.settrace(make_tracer(func, at, to))
    try:
        func(out)
    except Exception as e:
        out.append("raised " + type(e).__name__)
    sys.settrace(None)
    print(func.__name__, at, "->", to, out)


def forward(out):
    out.append(1)
    out.append(2)
    out.append(3)


def backward(out):
    out.append(1)
    out.append(2)
    out.append(3)


def loop_exit(out):
    for i in range(3):
        out.append(i)
    out.append("after")


def into_loop(out):
    out.append(0)
    for i in range(2):
        out.append(i)


def into_except(out):
    out.append(0)
    try:
        out.append(1)
    except ValueError:
        out.append(2)


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def in_with(out):
    out.append(0)
    with CM() as f:
        out.append(1)
        out.append(2)
    out.append(3)


run(forward, 1, 3)
run(backward, 3, 1)
run(loop_exit, 2, 3)
run(into_loop, 1, 3)
run(into_except, 1, 5)
run(forward, 1, -5)
run(forward, 1, 100)
run(in_with, 3, 4)
run(in_with, 1, 3)


def call_event_jump():
    def tracer(frame, event, arg):
        if event == "call" and frame.f_code is forward.__code__:
            try:
                frame.f_lineno = frame.f_lineno + 1
            except ValueError as e:
                print("  call:", e)
        return None
    sys.settrace(tracer)
    forward([])
    sys.settrace(None)


call_event_jump()
f = sys._getframe()
for v in ["x", 3]:
    try:
        f.f_lineno = v
    except ValueError as e:
        print("ValueError:", e)
try:
    del f.f_lineno
except AttributeError as e:
    print("AttributeError:", e)
