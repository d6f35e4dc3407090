# co_flags as CPython 3.11 sets them: no CO_NOFREE (0x40) on code without cells or free names
# (ferropy set it until session 11), NESTED on closures, the generator/coroutine bits.
import dis

def plain(a):
    return a

def gen():
    yield 1

async def coro():
    pass

async def agen():
    yield 1

lam = lambda: 0

def outer():
    z = 1
    def inner():
        return z
    def inner2(q):
        return q
    return inner, inner2

def with_class():
    class K:
        def m(self):
            return 1
        def uses_class(self):
            return __class__
    return K

def names(code):
    return dis.pretty_flags(code.co_flags)

inner, inner2 = outer()
K = with_class()
for label, code in [("plain", plain.__code__), ("gen", gen.__code__), ("coro", coro.__code__),
                    ("agen", agen.__code__), ("lambda", lam.__code__), ("outer", outer.__code__),
                    ("inner", inner.__code__), ("inner2", inner2.__code__), ("method", K.m.__code__),
                    ("__class__ user", K.uses_class.__code__),
                    ("module", compile("x = 1", "s", "exec")),
                    ("eval", compile("x + 1", "s", "eval")),
                    ("comprehension", compile("[y for y in x]", "s", "eval").co_consts[0])]:
    print(label, hex(code.co_flags), names(code), code.co_cellvars, code.co_freevars)
