import os, os.path as p, a.b.c
from m import x as y, z
g = 1
def f(a, /, b, *args, c, d=2, **kw):
    l = a + g
    def inner():
        return l + b
    return inner
lam = lambda q, *r, s=1, **t: q + lam
