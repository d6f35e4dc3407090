# types.FunctionType(code, globals, name, argdefs, closure): the checks, messages and results.
import types
def f(): return 1
def mk():
    x=1
    def g(): return x
    return g
g=mk()
tests=[lambda: types.FunctionType(1,{}), lambda: types.FunctionType(f.__code__,1), lambda: types.FunctionType(f.__code__,{},1),
lambda: types.FunctionType(f.__code__,{},'n',1), lambda: types.FunctionType(f.__code__,{},'n',(1,),(1,)), lambda: types.FunctionType(g.__code__,{}),
lambda: types.FunctionType(g.__code__,{},None,None,(1,)), lambda: types.FunctionType(g.__code__,{},None,None,()),lambda: types.FunctionType(g.__code__,{},None,None,[1]),
lambda: types.FunctionType(code=f.__code__,globals={}, name='zz').__name__, lambda: types.FunctionType(f.__code__,{}, None, None, None)(), lambda: types.FunctionType(f.__code__,{},closure=())(),
lambda: types.FunctionType(g.__code__,{},None,None,g.__closure__)(), lambda: types.FunctionType(f.__code__,{'__name__':'mod'}).__module__, lambda: types.FunctionType(f.__code__,{}).__qualname__,
lambda: types.FunctionType(f.__code__,{},'nm').__qualname__, lambda: types.FunctionType(f.__code__,{},None,(1,2)).__defaults__, lambda: types.FunctionType(), lambda: types.FunctionType(f.__code__,{},kwdefaults={}),
lambda: types.FunctionType(f.__code__,{}).__builtins__ is __builtins__.__dict__, lambda: types.FunctionType(f.__code__,{'__builtins__':{'a':1}}).__builtins__,
lambda: types.FunctionType(f.__code__,{}, 'a', None, None, 6)]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e)
# a function whose globals and defaults come from elsewhere
src = "def h(a, b=2):\n    return a + b + K\n"
ns = {}
exec(src, ns)
h2 = types.FunctionType(ns['h'].__code__, {'K': 100}, 'h2', (5,))
print(h2(1), h2.__name__, h2.__defaults__)
# copying a closure
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c2 = types.FunctionType(c.__code__, c.__globals__, None, None, c.__closure__)
print(c(), c2(), c(), c2.__closure__[0].cell_contents)
class Sub(types.FunctionType if False else object): pass
try:
    class S(types.FunctionType): pass
except TypeError as e: print('TypeError', e)
