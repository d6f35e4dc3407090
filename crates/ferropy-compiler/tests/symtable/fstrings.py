def f(v, w):
    return f"{v!r:>{w}} {w=} {lambda: 1}"
