def gen():
    yield 1
    raise ValueError("from generator")

g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
print(next(g, "exhausted after error"))

def gen2():
    try:
        yield 1
    finally:
        raise KeyError("in finally")
g = gen2()
next(g)
try:
    g.close()
except KeyError as e:
    print("KeyError:", e)

def reraising():
    try:
        yield
    except Exception as e:
        raise RuntimeError("wrapped") from e
r = reraising()
next(r)
try:
    r.throw(TypeError("inner"))
except RuntimeError as e:
    print(e, "caused by", repr(e.__cause__))
