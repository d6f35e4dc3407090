# Line events CPython 3.11 gives around folded tests, loop back edges and unwinding:
# `if False:`/`while 1:`/`assert True` keep their line, a back edge after a nested block
# has no line of its own, `break`/`return` leave a `with` from the `with` line, and a
# `finally` body run by `break`/`return` is followed by no line of the unwinding statement;
# an `except` clause's way out (name cleanup, jump to the end) has no line of its own.
import sys


def trace(fn):
    events = []
    first = fn.__code__.co_firstlineno

    def tracer(frame, event, arg):
        if frame.f_code is fn.__code__:
            events.append((frame.f_lineno - first, event))
        return tracer

    sys.settrace(tracer)
    try:
        fn()
    except Exception:
        pass
    sys.settrace(None)
    print(fn.__name__, events)


class C:
    def __enter__(self):
        return self

    def __exit__(*a):
        pass


def if_false_else():
    x = 1
    if False:
        3
    else:
        5


def if_true():
    if True:
        2
    x = 3


def elif_folded():
    x = 1
    if 0:
        3
    elif True:
        5


def while_false():
    x = 1
    while False:
        3
    x = 4


def assert_true():
    x = 1
    assert True


def tightloop():
    items = range(0, 3)
    try:
        i = 0
        while 1:
            b = items[i]; i += 1
    except IndexError:
        pass


def try_else_if_false():
    try:
        2
    except:
        4
    else:
        6
        if False:
            8
        else:
            10
    finally:
        12


def nested_loops():
    for i in range(2):
        for j in range(2):
            a = i + j
    return a == 1


def if_in_loop():
    for i in range(2):
        if i:
            a = 1
    return 1


def nested_if_else():
    a, b = True, False
    if a:
        if b:
            x = 1
    else:
        y = 2
    return 3


def with_break():
    for i in (1, 2):
        with C():
            break
    pass


def with_return():
    with C():
        return 1


def with_return_value():
    with C():
        x = 1
        return x


def with_continue():
    for i in (1,):
        with C():
            continue
    pass


def break_to_break():
    TRUE = 1
    while TRUE:
        while TRUE:
            break
        break


def return_through_finally():
    try:
        return 2
    finally:
        4


def break_through_finally():
    a, c, d, i = 1, 1, 1, 99
    try:
        for i in range(3):
            try:
                a = 5
                if i > 0:
                    break
                a = 8
            finally:
                c = 10
    except:
        d = 12
    assert a == 5 and c == 10 and d == 1


def continue_through_finally():
    a, b, c, d, i = 1, 1, 1, 1, 99
    try:
        for i in range(2):
            try:
                a = 5
                if i > 0:
                    continue
                b = 8
            finally:
                c = 10
    except:
        d = 12
    assert (a, b, c, d) == (5, 8, 10, 1)


def nested_try_if():
    x = "hello"
    try:
        3/0
    except ZeroDivisionError:
        if x == 'raise':
            raise ValueError()
    f = 7


def named_except_cleanup():
    x = 0
    try:
        1/x
    except ZeroDivisionError as error:
        if x:
            raise
    return "done"


def except_with_name():
    try:
        try:
            raise Exception
        except Exception as e:
            raise
            x = "Something"
    except Exception:
        pass


def try_in_try():
    try:
        try:
            pass
        except Exception as ex:
            pass
    except Exception:
        pass


def try_star_no_exception():
    try:
        2
    except* Exception:
        4
    else:
        6
        if func_name() == 'Fred':
            8
    finally:
        10


def func_name():
    return "f"


for f in [nested_try_if, named_except_cleanup, except_with_name, try_in_try, try_star_no_exception,
          if_false_else, if_true, elif_folded, while_false, assert_true, tightloop,
          try_else_if_false, nested_loops, if_in_loop, nested_if_else, with_break,
          with_return, with_return_value, with_continue, break_to_break,
          return_through_finally, break_through_finally, continue_through_finally]:
    trace(f)
