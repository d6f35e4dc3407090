def g(a, b=2):
    x = yield a + b
    return x

co = g.__code__
c2 = co.replace(co_flags=co.co_flags | 0x100)
print(c2.co_flags & 0x100 != 0, c2.co_name, c2.co_varnames, c2.co_argcount)
print(co == co.replace(), hash(co) == hash(co.replace()), c2 == co, co != c2)
print(co == 5, co != 5)

# a generator-based coroutine, as types.coroutine makes one
g.__code__ = c2
async def main():
    r = await g(1)
    return r
m = main()
print(m.send(None))
try:
    m.send("result")
except StopIteration as e:
    print("main returned", e.value)

def h():
    return "h ran"
c3 = h.__code__.replace(co_name="renamed", co_qualname="Q.renamed", co_firstlineno=100, co_filename="other.py")
print(c3.co_name, c3.co_qualname, c3.co_firstlineno, c3.co_filename)
h.__code__ = c3
print(h(), h.__name__)

def k():
    return "a"
c4 = k.__code__.replace(co_consts=tuple("X" if c == "a" else c for c in k.__code__.co_consts))
print(len(c4.co_consts) == len(k.__code__.co_consts))
k.__code__ = c4
print(k())

for bad in [dict(co_flags="x"), dict(co_name=1), dict(co_consts=[1]), dict(nope=1)]:
    try:
        co.replace(**bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    co.replace(1)
except TypeError as e:
    print("TypeError:", e)
print(co.replace(co_code=co.co_code, co_varnames=co.co_varnames) == co)

def one(): return 1
def two(): return 1
print(one.__code__ == two.__code__, one.__code__.replace(co_name="two") == two.__code__)
try:
    k.__code__.replace(co_consts=k.__code__.co_consts + (1, 2))
    print("no error")
except ValueError:
    print("ValueError (more constants)")
