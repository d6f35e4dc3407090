def g():
    yield 1
    yield 2

gen = g()
print(gen.gi_running, gen.gi_frame is not None)
print(next(gen))
print(gen.gi_suspended if hasattr(gen, "gi_suspended") else "n/a")
list(gen)
print(gen.gi_frame)

def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

def raises_stop():
    yield 1
    raise StopIteration("inside")
try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e)
