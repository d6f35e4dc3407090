def f(v):
    match v:
        case [a, *rest]: pass
        case {"k": b, **others}: pass
        case Point(x=px, y=0) | Point(px, py): pass
        case (c as d) if d > lim: pass
        case Const.VALUE: pass
    try:
        pass
    except E as err:
        pass
    except* F as eg:
        pass
    with open(p) as fh, ctx() as (q, r):
        del fh
    for i, (j, *k) in it:
        pass
    else:
        pass
    while cond:
        break
