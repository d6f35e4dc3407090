# list.sort on ints already in order, strictly descending, descending with ties, and
# almost sorted (the one-pass checks for small ints), with keys and reverse=True (whose
# ties must keep their order), big ints and bools mixed in, and negative values.
import random


def check(label, items, **kw):
    a = list(items)
    a.sort(**kw)
    print(label, len(a), a[:6], a[-6:], a == sorted(items, **kw))


n = 2000
check('ascending', range(n))
check('ascending ties', [i // 3 for i in range(n)])
check('descending', range(n, 0, -1))
check('descending ties', [-(i // 3) for i in range(n)])
check('negative descending', range(-1, -n, -1))
check('one out of place', list(range(n)) + [5])
check('one out of place front', [n] + list(range(n)))
check('descending then one', list(range(n, 0, -1)) + [n + 5])
check('big int', list(range(n)) + [2 ** 70])
check('big int descending', [2 ** 70] + list(range(n, 0, -1)))
check('bool mixed', [True] + list(range(5, 0, -1)))
check('two digits', [2 ** 31 + i for i in range(10, 0, -1)])
check('equal', [7] * 50)
check('pair', [2, 1])
check('pair equal', [1, 1])

pairs = [(i // 4, i) for i in range(200)]
for keyed in (pairs, pairs[::-1]):
    for rev in (False, True):
        a = sorted(keyed, key=lambda p: p[0], reverse=rev)
        print(rev, a[:5], a[-5:])
        b = list(keyed)
        b.sort(key=lambda p: -p[0], reverse=rev)
        print(rev, b[:5], b[-5:])

random.seed(5)
r = [random.randrange(-1000, 1000) for _ in range(3000)]
check('random', r)
check('random reverse', r, reverse=True)
check('sorted reverse', sorted(r), reverse=True)
check('sorted desc reverse', sorted(r, reverse=True), reverse=True)
