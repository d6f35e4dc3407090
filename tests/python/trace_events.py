# sys.settrace: the events (call, line, return, exception) with their line numbers over
# loops, try/except/finally, with, generators, comprehensions, classes, recursion and
# exceptions leaving frames.
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    name = frame.f_code.co_name
    line = frame.f_lineno - frame.f_code.co_firstlineno
    if event == "exception":
        a = arg[0].__name__
    elif event == "return":
        a = repr(arg) if isinstance(arg, (int, str, type(None))) else type(arg).__name__
    else:
        a = type(arg).__name__
    events.append((event, name, line, a))
    return tracer


def run(fn, *args):
    del events[:]
    sys.settrace(tracer)
    try:
        r = fn(*args)
    except Exception as e:
        r = "raised " + type(e).__name__
    sys.settrace(None)
    print(fn.__name__, "->", r)
    for e in events:
        print("   ", e)


def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    while n > 0:
        n -= 1
    return total


def try_except():
    try:
        x = 1
        1 / 0
    except ZeroDivisionError:
        x = 2
    finally:
        x += 1
    try:
        pass
    except Exception:
        x = 5
    return x


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def with_block():
    with CM() as c:
        y = 1
    return y


def gen(n):
    for i in range(n):
        yield i
    return "done"


def use_gen():
    out = []
    for v in gen(2):
        out.append(v)
    return out


def comprehensions():
    a = [x * 2 for x in range(2)]
    b = {x: x for x in range(2)}
    c = list(x for x in range(2))
    return a, b, c


def make_class():
    class K:
        a = 1

        def m(self):
            return self.a
    return K().m()


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def inner_raise():
    raise ValueError("x")


def middle():
    inner_raise()


def propagate():
    try:
        middle()
    except ValueError:
        return "caught"


def uncaught():
    middle()


def multi_line_call():
    return max(1,
               2,
               3)


for fn, args in [(loops, (4,)), (try_except, ()), (with_block, ()), (use_gen, ()),
                 (comprehensions, ()), (make_class, ()), (fact, (3,)), (propagate, ()),
                 (uncaught, ()), (multi_line_call, ())]:
    run(fn, *args)
print(sys.gettrace())
