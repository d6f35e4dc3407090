# What needs `inspect` on top of `ast`: ast.get_docstring, inspect.signature of builtins
# (parsed from __text_signature__ with ast.parse), dataclasses.
import ast
import inspect
import dataclasses

print(ast.get_docstring(ast.parse('def g():\n    """  Doc\n    string.  """\n').body[0]))
print(inspect.signature(len), inspect.signature(sorted), inspect.signature(int.to_bytes))


@dataclasses.dataclass(order=True)
class P:
    x: int
    y: int = 2


print(P(1), P(1) < P(2), dataclasses.asdict(P(3, 4)))
