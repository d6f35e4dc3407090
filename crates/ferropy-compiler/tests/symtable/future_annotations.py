"""doc"""
from __future__ import annotations
x: int
y: list[int] = []
def f(a: A, *b: B, c: C = 1, **d: D) -> R:
    z: Z = 1
    w: W
class K:
    k: KT = 1
