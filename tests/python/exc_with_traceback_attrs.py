def f():
    raise ValueError("tb")
try:
    f()
except ValueError as e:
    tb = e.__traceback__
    depth = 0
    while tb:
        depth += 1
        last = tb
        tb = tb.tb_next
    print("depth", depth, "last line", last.tb_lineno, last.tb_frame.f_code.co_name)
try:
    raise TypeError("x")
except TypeError as e:
    print(type(e.__traceback__).__name__, e.__traceback__.tb_lineno)
