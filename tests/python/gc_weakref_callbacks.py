# _weakref.ref callbacks when cycles are collected: a weakref to a garbage object gets its
# callback (with the dead weakref) after it is cleared; a weakref that is itself garbage
# does not; proxies die; getweakrefcount/getweakrefs.
import gc
import _weakref

gc.collect()
gc.disable()
events = []


class C:
    pass


def callback(wr):
    events.append(("callback", wr() is None))


x = C()
x.self = x
wr = _weakref.ref(x, callback)
print("weakrefcount:", _weakref.getweakrefcount(x), len(_weakref.getweakrefs(x)))
del x
print("collected > 0:", gc.collect() > 0)
print("events:", events)
print("ref dead:", wr() is None)

# A weakref that is part of the garbage: its callback is not called.
events.clear()
y = C()
y.self = y
y.wr = _weakref.ref(y, callback)
del y
gc.collect()
print("garbage weakref callback events:", events)

# Two objects, each holding a weakref with a callback to the other: neither callback runs
# because both weakrefs are garbage too.
events.clear()
a, b = C(), C()
a.b, b.a = b, a
a.wr = _weakref.ref(b, callback)
b.wr = _weakref.ref(a, callback)
del a, b
gc.collect()
print("mutual weakrefs:", events)

# An external weakref to a cycle member, with a callback that looks at the dead ref.
events.clear()
z = C()
z.z = z
keep = [_weakref.ref(z, callback) for _ in range(3)]
del z
gc.collect()
print("three callbacks:", events)

# Proxies.
p_target = C()
p_target.cycle = p_target
proxy = _weakref.proxy(p_target)
p_target.value = 5
print("proxy value:", proxy.value)
del p_target
gc.collect()
try:
    proxy.value
except ReferenceError as e:
    print("ReferenceError:", e)

# The callback can resurrect nothing of the garbage: it gets the dead reference only.
events.clear()
holder = []
w = C()
w.w = w
r = _weakref.ref(w, lambda ref: holder.append(ref()))
del w
gc.collect()
print("callback saw:", holder)

# Functions, code objects and generators are weakly referenceable; their deallocation
# (by refcount or by the collector) clears the references and calls the callbacks.
events.clear()


def make():
    def inner():
        return inner  # the closure cell refers to the function: a cycle
    return inner


f = make()
fr = _weakref.ref(f, callback)
del f
gc.collect()
print("function in a cycle:", events, fr() is None)

events.clear()
code = compile("1 + 1", "<weak>", "eval")
cr = _weakref.ref(code, callback)
print("code alive:", cr() is code)
del code
print("code freed:", events, cr() is None)

events.clear()


def numbers():
    yield 1
    yield 2


g = numbers()
next(g)
gr = _weakref.ref(g, callback)
print("generator weakrefs:", _weakref.getweakrefcount(g))
del g
print("generator freed:", events, gr() is None)
