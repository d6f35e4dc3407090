def acc():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError as e:
            print("caught in gen:", e)
            v = 0
        if v is None:
            break
        total += v
    return total

g = acc()
print(next(g))
print(g.send(5), g.send(10))
print(g.throw(ValueError("bad")))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closer()
print(next(c))
c.close()
print("closed")
c.close()

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    acc().send(1)
except TypeError as e:
    print("TypeError:", e)
