for v in (0, 1, 2, None, "", "x"):
    print(repr(v), "truthy" if v else "falsy", "big" if v and v == 2 else "small" if v else "none")
x = 1 if True else 1 / 0
print(x)
f = (lambda a: "neg" if a < 0 else "zero" if a == 0 else "pos")
print([f(i) for i in (-2, 0, 3)])
print(1 or 2, 0 or 2, 0 and 2, 1 and 2, None or [], not 0, not "a")
def side(v, log):
    log.append(v)
    return v
log = []
side(0, log) and side(1, log)
side(1, log) or side(2, log)
side(0, log) or side(3, log)
print(log)
