# The _ast node classes: hierarchy, _fields/_attributes/__match_args__, docs, defaults,
# AST.__init__ (positional, keyword, errors), __reduce__, and the ast helpers on
# hand-built trees (dump, literal_eval, NodeVisitor, NodeTransformer, fix_missing_locations).
import _ast
import ast

print(sorted(k for k in dir(_ast) if not k.startswith('__')))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(_ast.__doc__, ast.AST.__module__, ast.AST.__doc__)
print(ast.AST._fields, ast.AST._attributes, ast.AST.__match_args__)

for name in sorted(k for k in dir(_ast) if isinstance(getattr(_ast, k), type) and issubclass(getattr(_ast, k), ast.AST)):
    cls = getattr(_ast, name)
    own = {k: v for k, v in cls.__dict__.items() if k not in ('__weakref__', '__dict__') and not callable(v) and not isinstance(v, property)}
    print(name, [b.__name__ for b in cls.__mro__], cls.__module__)
    print('  ', sorted((k, v) for k, v in own.items() if k != '__doc__'))
    print('  ', repr(cls.__doc__))

# Instances: missing fields are absent, optional ones fall back to the class's None.
n = ast.Name()
print(n.__dict__, hasattr(n, 'id'), n.end_lineno, n.end_col_offset)
try:
    n.id
except AttributeError as e:
    print('AttributeError', e)
c = ast.Constant(5)
print(c.value, c.kind, ast.FunctionDef().returns, ast.arg().annotation, ast.keyword().arg)
print(ast.Load() is ast.Load(), type(ast.Load()).__name__)

# __init__
print(ast.Name('x', ast.Load()).__dict__.keys())
print(ast.Name(id='x', lineno=3, foo=4).__dict__)
print(ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2)).right.value)
for args, kw in [((1, 2, 3), {}), ((), {}), (('x',), {'id': 'y'}), ((1,), {1: 2})]:
    try:
        ast.Name(*args, **kw)
        print('ok', args, kw)
    except Exception as e:
        print(type(e).__name__, e)
for cls, args in [(ast.Pass, (1,)), (ast.Return, (1, 2)), (ast.AST, (1,)), (ast.expr, (1,)), (ast.Load, (1,))]:
    try:
        cls(*args)
    except TypeError as e:
        print(e)


class Custom(ast.AST):
    _fields = ('a', 'b')


print(Custom(1, 2).b, Custom(1, b=3).__dict__)


class BadFields(ast.AST):
    _fields = 5


try:
    BadFields(1)
except TypeError as e:
    print(e)

# __reduce__
r = ast.Name('x', ast.Load(), lineno=1).__reduce__()
print(r[0], r[1], sorted(r[2]))
print(ast.Load().__reduce__())
cp = r[0](*r[1])
cp.__dict__.update(r[2])
print(ast.dump(cp))

# Subclasses and isinstance
print(isinstance(ast.Name(), ast.expr), isinstance(ast.Name(), ast.AST), issubclass(ast.Add, ast.operator))
print(isinstance(ast.arguments(), ast.AST), ast.ExceptHandler.__base__.__name__)

# Hand-built trees through the ast helpers.
tree = ast.Expression(body=ast.BinOp(left=ast.Constant(value=2), op=ast.Mult(), right=ast.List(elts=[ast.Constant(value='a'), ast.UnaryOp(op=ast.USub(), operand=ast.Constant(value=3))], ctx=ast.Load())))
print(ast.dump(tree))
print(ast.dump(tree, indent=2))
print(ast.literal_eval(ast.Tuple(elts=[ast.Constant(1), ast.Dict(keys=[ast.Constant('k')], values=[ast.Set(elts=[ast.Constant(2)])])], ctx=ast.Load())))
try:
    ast.literal_eval(ast.Name(id='x', ctx=ast.Load()))
except ValueError as e:
    print('ValueError', str(e).split(' at ')[0])


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def generic_visit(self, node):
        self.seen.append(type(node).__name__)
        super().generic_visit(node)


v = Counter()
v.visit(tree)
print(v.seen)


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.Constant(value=node.value * 2)
        return node


t2 = ast.fix_missing_locations(Doubler().visit(tree))
print(ast.dump(t2, include_attributes=True))
print([type(n).__name__ for n in ast.walk(t2)])
print(ast.unparse(t2))

# match on node classes uses __match_args__
match ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('y', ast.Load())):
    case ast.BinOp(ast.Constant(v), ast.Add(), ast.Name(n)):
        print('matched', v, n)
