def lower():
    raise KeyError("low")

def middle():
    try:
        lower()
    except KeyError as e:
        raise ValueError("mid") from e

def implicit():
    try:
        lower()
    except KeyError:
        raise RuntimeError("during handling")

def suppressed():
    try:
        lower()
    except KeyError:
        raise TypeError("no context") from None

for fn in (middle, implicit, suppressed):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)
