def f(v):
    match v:
        case [a, *rest]: pass
        case {"k": b, **others}: pass
        case Point(x=px, y=0) | Point(px, 0): pass
        case (c as d) if d > 1: pass
        case str() | bytes(): pass
        case None: pass
        case {}: pass
        case []: pass
        case _: pass
