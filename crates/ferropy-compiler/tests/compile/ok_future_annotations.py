"""doc"""
from __future__ import annotations
def f(a: list[int], *b: "x", **c: dict[str, int | None]) -> tuple[int, ...]:
    v: Foo[Bar] = 1
class C:
    x: typing.Optional[int]
    y: lambda: 1 = 2
