x: int
y: list[int] = []
def f(a: A, *b: B, c: C = 1, **d: D) -> R:
    z: Z = 1
    w: W
    (p): P = 2
    obj.attr: T = 3
class K:
    k: KT = 1
    j: JT
