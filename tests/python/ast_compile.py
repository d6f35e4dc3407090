# compile(tree, filename, mode): parsed and transformed trees compile and run; hand-built
# trees are checked as CPython checks them (TypeError/ValueError messages).
import ast


def run(tree, mode='exec', ns=None):
    code = compile(tree, '<ast>', mode)
    ns = {} if ns is None else ns
    if mode == 'eval':
        return eval(code, ns)
    exec(code, ns)
    return ns


# Parse -> compile -> run, for a program using most statement kinds.
SRC = '''
import math as m
from collections import OrderedDict as OD
def fib(n, *, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y:>3})"
    @property
    def norm(self):
        return m.hypot(self.x, self.y)
async def agen():
    for i in range(3):
        yield i
def use_match(v):
    match v:
        case [a, *rest]:
            return ('seq', a, rest)
        case {'k': kv}:
            return ('map', kv)
        case Point(x=0, y=yy):
            return ('pt', yy)
        case str() | bytes() as s:
            return ('text', s)
        case _:
            return 'other'
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    total *= 2
try:
    1 / 0
except ZeroDivisionError as e:
    err = type(e).__name__
finally:
    done = True
with open if False else __import__('contextlib').nullcontext(5) as cm:
    got = cm
squares = {x: x * x for x in range(5) if x}
gen = list(x for x in 'abc')
lam = (lambda a, b=2: a * b)(3)
res = [fib(20), Point(1, 2), Point(3, 4).norm, total, err, done, got, squares, gen, lam, OD(a=1)]
res += [use_match([1, 2, 3]), use_match({'k': 9}), use_match(Point(0, 7)), use_match('s'), use_match(3.5)]
del squares[1]
assert (n := len(squares)) == 3, n
res.append(n)
'''
ns = run(ast.parse(SRC))
print(ns['res'])
print(run(ast.parse('1 + 2 * 3', mode='eval'), 'eval'))
print(run(ast.parse('[x ** 2 for x in range(4)]', mode='eval'), 'eval'))
single = compile(ast.parse('x = 41 + 1', mode='single'), '<s>', 'single')
d = {}
exec(single, d)
print(d['x'])


# NodeTransformer: rewrite, fix locations, compile, run.
class AddToMul(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(left=node.left, op=ast.Mult(), right=node.right), node)
        return node


class RenameVars(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id.startswith('v'):
            return ast.copy_location(ast.Name(id='renamed_' + node.id, ctx=node.ctx), node)
        return node


tree = ast.parse('va = 3 + 4\nvb = va + 10\nresult = (va, vb)\n')
tree = RenameVars().visit(AddToMul().visit(tree))
ast.fix_missing_locations(tree)
ns = run(tree)
print(ns['result'], sorted(k for k in ns if k.startswith('renamed')))


# Hand-built trees with fix_missing_locations.
def M(*body):
    return ast.fix_missing_locations(ast.Module(body=list(body), type_ignores=[]))


tree = M(
    ast.Assign(targets=[ast.Name('x', ast.Store())], value=ast.Constant(10)),
    ast.FunctionDef(
        name='f',
        args=ast.arguments(posonlyargs=[], args=[ast.arg('a')], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[ast.Constant(5)]),
        body=[ast.Return(ast.BinOp(ast.Name('a', ast.Load()), ast.Add(), ast.Name('x', ast.Load())))],
        decorator_list=[],
    ),
    ast.Assign(targets=[ast.Name('y', ast.Store())], value=ast.Call(ast.Name('f', ast.Load()), [], [])),
    ast.Assign(targets=[ast.Name('t', ast.Store())], value=ast.Constant((1, 'a', (2.5, None)))),
    ast.Assign(targets=[ast.Name('c', ast.Store())], value=ast.Constant(1.5 + 2j)),
    ast.Assign(targets=[ast.Name('big', ast.Store())], value=ast.Constant(10 ** 30)),
    ast.Assign(targets=[ast.Name('s', ast.Store())], value=ast.Constant('\udc80x')),
)
ns = run(tree)
print(ns['y'], ns['t'], ns['c'], ns['big'], ascii(ns['s']))

# The tree is not changed by compiling; compiling it twice works.
print(compile(tree, '<t>', 'exec', ast.PyCF_ONLY_AST) is tree, len(tree.body))
print(run(tree)['y'])

# Errors, as CPython reports them.
def err(tree, mode='exec'):
    try:
        compile(tree, '<err>', mode)
        print('compiled')
    except (TypeError, ValueError, SyntaxError, RecursionError, RuntimeError) as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])


load, store = ast.Load(), ast.Store()
noargs = ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[])
err(ast.Module([ast.Pass()], []))
err(M(ast.Expr()))
err(ast.Module())
err(M(ast.Expr(value=ast.Pass())))
err(M(ast.Expr(value=None)))
err(ast.Module(body=ast.Pass(), type_ignores=[]))
err(M(ast.Expr(value=ast.Name(id=1, ctx=load))))
err(M(ast.Expr(value=ast.Name(id='x', ctx=store))))
err(M(ast.Expr(value=ast.Name(id='None', ctx=load))))
err(M(ast.Expr(value=ast.Name(id='x', ctx=ast.Add()))))
err(M(ast.Expr(value=ast.Constant(value=[1]))))
err(M(ast.Expr(value=ast.Constant(value=ast.Constant(1)))))
err(M(ast.FunctionDef(name='f', args=noargs, body=[], decorator_list=[])))
err(ast.Expression(body=ast.Constant(1)))
err(ast.Module([], []), 'eval')
err(ast.Pass())
err(M(ast.ImportFrom(module='x', names=[ast.alias(name='y')], level=-1)))
err(M(ast.Import(names=[])))
err(M(ast.Expr(ast.BoolOp(op=ast.And(), values=[ast.Constant(1)]))))
err(M(ast.Expr(ast.Compare(left=ast.Constant(1), ops=[], comparators=[]))))
err(M(ast.Expr(ast.Compare(left=ast.Constant(1), ops=[ast.Eq()], comparators=[ast.Constant(1), ast.Constant(2)]))))
err(M(ast.Expr(ast.Dict(keys=[ast.Constant(1)], values=[]))))
err(M(ast.Delete(targets=[])))
err(M(ast.Try(body=[ast.Pass()], handlers=[], orelse=[], finalbody=[])))
err(M(ast.Try(body=[ast.Pass()], handlers=[], orelse=[ast.Pass()], finalbody=[ast.Pass()])))
err(M(ast.Expr(ast.Constant(1, lineno='x'))))
err(M(ast.Expr(ast.JoinedStr(values=[ast.FormattedValue(value=ast.Constant(1), conversion='r')]))))
err(M(ast.Global(names=[1])))
err(M(ast.Global(names=[])))
err(M(ast.Expr(ast.Constant('x', kind=3))))
err(M(ast.Return(ast.Constant(1))))
err(M(ast.Assign(targets=[ast.Name('x', load)], value=ast.Constant(1))))
err(M(ast.Assign(targets=[ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))], value=ast.Constant(1))))
err(M(ast.Expr(ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[ast.Constant(1)]), body=ast.Constant(1)))))
err(M(ast.Expr(ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[ast.arg('k')], kw_defaults=[], defaults=[]), body=ast.Constant(1)))))
err(M(ast.If(test=ast.Constant(1), body=[], orelse=[])))
err(M(ast.Match(subject=ast.Constant(1), cases=[])))
err(M(ast.Raise(exc=None, cause=ast.Constant(1))))
err(M(ast.AnnAssign(target=ast.Attribute(ast.Name('a', load), 'b', store), annotation=ast.Name('int', load), simple=1)))
err(M(ast.Expr(ast.NamedExpr(target=ast.Attribute(ast.Name('a', load), 'b', store), value=ast.Constant(1)))))
err(M(ast.Expr(ast.ListComp(elt=ast.Constant(1), generators=[]))))
err(M(ast.Expr(ast.List(elts=[None], ctx=load))))
err(M(None))
err(M(ast.Expr(ast.Constant(1), lineno=None)))
err(ast.Module(body=[ast.Expr(ast.Constant(1), lineno=1, col_offset=0)], type_ignores=[]))
err(ast.Interactive(body=[ast.Expr(ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)]), 'single')
err(ast.Module(body=[ast.Expr(ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[ast.TypeIgnore(lineno=1, tag='')]))
err(ast.Module(body=[ast.Expr(ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=3))
err(M(ast.Match(subject=ast.Constant(1), cases=[ast.match_case(pattern=ast.MatchAs(name='_'), body=[ast.Pass()])])))
err(M(ast.Match(subject=ast.Constant(1), cases=[ast.match_case(pattern=ast.MatchOr(patterns=[ast.MatchAs()]), body=[ast.Pass()])])))
err(M(ast.Match(subject=ast.Constant(1), cases=[ast.match_case(pattern=ast.MatchSingleton(value=1), body=[ast.Pass()])])))
err(M(ast.Expr(ast.Name('x', load), lineno=1, col_offset=0, end_lineno=None)))


class Mine(ast.expr):
    _fields = ()


err(M(ast.Expr(Mine())))


# A list that changes size while it is read.
class Growing(ast.Constant):
    pass


body = []


class Sneaky(ast.Pass):
    def __getattribute__(self, name):
        if name == 'lineno':
            body.append(ast.Pass(lineno=1, col_offset=0))
        return super().__getattribute__(name)


body.append(Sneaky(lineno=1, col_offset=0))
err(ast.Module(body=body, type_ignores=[]))

# Deep nesting.
e = ast.Constant(1, lineno=1, col_offset=0)
for _ in range(5000):
    e = ast.UnaryOp(ast.USub(), e, lineno=1, col_offset=0)
err(ast.Expression(e), 'eval')
e = ast.Constant(1, lineno=1, col_offset=0)
for _ in range(100):
    e = ast.UnaryOp(ast.USub(), e, lineno=1, col_offset=0)
print(eval(compile(ast.Expression(e), '<deep>', 'eval')))
print(compile(M(ast.Expr(ast.Constant(1))), '<x>', 'exec').co_filename)
