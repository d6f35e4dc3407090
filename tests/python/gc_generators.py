# Generators in cycles: a suspended generator whose frame refers to itself is collected,
# its finally block runs (GeneratorExit) during collection, and a generator referenced from
# an instance cycle dies with it.
import gc
import _weakref

gc.collect()
gc.disable()
log = []


def gen():
    me = yield
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


g = gen()
next(g)
g.send(g)  # the generator's frame now holds the generator
del g
gc.collect()
print("self-referencing generator closed:", log)


class Box:
    pass


def counter(box):
    try:
        n = 0
        while True:
            n += 1
            yield n
    finally:
        log.append("counter closed")


log.clear()
box = Box()
box.gen = counter(box)
print(next(box.gen), next(box.gen))
box.self = box
del box
gc.collect()
print("log:", log)

# A finished generator in a cycle.
def short():
    yield 1


s = short()
list(s)
holder = [s]
holder.append(holder)
del s, holder
print("finished generator cycle collected > 0:", gc.collect() > 0)

# Generator expressions referenced from a cycle.
log.clear()
def tracked():
    try:
        yield from range(3)
    finally:
        log.append("genexpr source closed")

b = Box()
b.it = (x * 2 for x in tracked())
print(next(b.it))
b.me = b
del b
gc.collect()
print("log:", log)
print("garbage:", gc.garbage)
