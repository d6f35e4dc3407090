try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(e, "| context:", repr(e.__context__))

def handler_fails():
    try:
        1 / 0
    except ZeroDivisionError:
        [][0]
try:
    handler_fails()
except IndexError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise KeyError("a")
    finally:
        raise RuntimeError("from finally")
except RuntimeError as e:
    print(e, repr(e.__context__))
