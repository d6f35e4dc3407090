# itertools objects rebuild from their __reduce__ / __setstate__ (CPython 3.11's forms),
# at the start, part-way and once exhausted; the setstate argument checks.
from itertools import *
import operator


def rebuild(it):
    r = it.__reduce__()
    func, args = r[0], r[1]
    new = func(*args)
    if len(r) > 2 and r[2] is not None:
        new.__setstate__(r[2])
    return new


def take(n, it):
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out


def check(name, make, steps=(0, 1, 3, 50)):
    for k in steps:
        it = make()
        take(k, it)
        try:
            copy = rebuild(it)
        except Exception as e:
            print(name, k, type(e).__name__, e)
            continue
        # The copy shares the source with `it`: compare with a fresh one advanced alike.
        ref = make()
        take(k, ref)
        a = take(12, copy)
        print(name, k, type(copy).__name__, a == take(12, ref), a)


check("count", lambda: count(3))
check("count_float", lambda: count(1.5, 0.25))
check("count_big", lambda: count(2**70, 3))
check("count_complex", lambda: count(1j, 1))
check("repeat", lambda: repeat("x", 4))
check("repeat_forever", lambda: repeat("y"))
check("cycle", lambda: cycle("abc"))
check("cycle_partial_source", lambda: cycle(iter("abcde")), steps=(2, 7))
check("islice", lambda: islice(range(20), 2, 15, 3))
check("islice_stop", lambda: islice(range(20), 4))
check("chain", lambda: chain("ab", "", "cde"))
check("accumulate", lambda: accumulate([1, 2, 3, 4]))
check("accumulate_func_initial", lambda: accumulate([1, 2, 3], operator.mul, initial=10))
check("accumulate_none_total", lambda: accumulate([None, None, None], operator.is_))
check("product", lambda: product("ab", range(3)))
check("product_repeat", lambda: product((0, 1), repeat=3))
check("combinations", lambda: combinations("abcd", 2))
check("cwr", lambda: combinations_with_replacement("abc", 2))
check("permutations", lambda: permutations("abc"))
check("permutations_r", lambda: permutations(range(4), 2))
check("starmap", lambda: starmap(pow, [(2, 3), (3, 2), (4, 2)]))
check("takewhile", lambda: takewhile(lambda x: x < 3, [1, 2, 3, 1]))
check("dropwhile", lambda: dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5]))
check("filterfalse", lambda: filterfalse(None, [0, 1, 0, 2, 0]))
check("compress", lambda: compress("abcdef", [1, 0, 1, 1, 0, 1]))
check("zip_longest", lambda: zip_longest("abc", "d", fillvalue="-"))
check("tee", lambda: tee("abcdef")[0])
check("tee_long", lambda: tee(range(130))[1], steps=(0, 60, 129))

# groupby: the keys and each group's items survive a rebuild.
g = groupby("aabbbc")
k, grp = next(g)
g2 = rebuild(g)
print("groupby", k, [(key, list(gg)) for key, gg in g2])
g = groupby("aabbbc")
k, grp = next(g)
print("grouper", k, list(rebuild(grp)))
g = groupby("aabbbc")
k, grp = next(g)
next(g)
r = grp.__reduce__()
print("stale grouper", r[0] is iter, r[1])

# __setstate__ argument checks.
def err(label, f, *a, **kw):
    try:
        f(*a, **kw)
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)

err("chain ()", chain().__setstate__, ())
err("chain []", chain().__setstate__, [])
err("chain 0", chain().__setstate__, 0)
err("chain ([],)", chain().__setstate__, ([],))
err("chain (it, [])", chain().__setstate__, (iter([]), []))
c = chain()
c.__setstate__((iter(["abc", "def"]), iter(["ghi"])))
print("chain setstate", list(c))
err("cycle list state", cycle("defg").__setstate__, [list("abc"), 0])
err("cycle tuple saved", cycle("defg").__setstate__, (tuple("abc"), 0))
err("cycle str flag", cycle("defg").__setstate__, (list("abc"), "x"))
err("cycle short", cycle("").__setstate__, ([],))
c = cycle("defg")
c.__setstate__((list("abc"), 0))
print("cycle mode 0", "".join(take(12, c)))
c = cycle("defg")
c.__setstate__((list("abcdefg"), 1))
print("cycle mode 1", "".join(take(12, c)))
p = product((1, 2), (3,))
p.__setstate__((0, 0x1000))
print("product clamp", next(p))
p = product((1, 2), (), (3,))
p.__setstate__((0, 0, 0x1000))
print("product empty", take(2, p))
err("combinations short", combinations("abc", 2).__setstate__, (1,))
c = combinations("abc", 2)
c.__setstate__((5, 5))
print("combinations clamp", list(c))
err("permutations list", permutations("abc", 2).__setstate__, [])
err("permutations short", permutations("abc", 2).__setstate__, ((5,), (1,)))
err("tee bad index", tee("ab")[0].__setstate__, (tee("ab")[0].__reduce__()[2][0], 99))
err("tee bad data", tee("ab")[0].__setstate__, (1, 0))
err("islice setstate str", islice("ab", 1).__setstate__, "x")
err("grouper bad parent", type(grp), 1, 2)
print("pairwise", hasattr(pairwise("ab"), "__reduce__") and type(pairwise("ab")).__reduce__ is object.__reduce__)

# Subclasses without their own __init__ refuse keywords; with one, they take them.
for cls, args in [(cycle, ("ab",)), (chain, ("ab",)), (islice, ("abc", 2)), (takewhile, (bool, [1])),
                  (dropwhile, (bool, [1])), (filterfalse, (None, [0])), (starmap, (pow, [(1, 2)])),
                  (map, (str, [1])), (filter, (None, [1]))]:
    class Sub(cls):
        pass
    try:
        Sub(*args, newarg=3)
        print(cls.__name__, "keyword accepted")
    except TypeError as e:
        print(cls.__name__, "TypeError", e)
    class WithInit(cls):
        def __init__(self, *a, newarg=None):
            self.newarg = newarg
    print(cls.__name__, WithInit(*args, newarg=3).newarg)

class F(float):
    pass
err("float subclass keyword", F, 1.0, x=1)
class G(float):
    def __init__(self, *a, x=None):
        self.x = x
print("float subclass with __init__", G(2.5, x=7).x)
