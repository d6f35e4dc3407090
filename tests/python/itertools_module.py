# itertools: every iterator type, its edge cases and CPython's error messages.
import itertools as it

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

def take(n, i):
    return list(it.islice(i, n))

# count / cycle / repeat
print(take(5, it.count()), take(4, it.count(10, -3)), take(3, it.count(0.5, 0.25)))
c = it.count(2 ** 63 - 3)
print(take(5, c), repr(c))
c = it.count(9223372036854775805)
next(c); next(c); next(c)
print(repr(c), next(c))
print(repr(it.count()), repr(it.count(5, 2)), repr(it.count(1.5)), repr(it.count(2, 1.0)), repr(it.count(2, 1)))
print(take(3, it.count(step=2)), take(3, it.count(start=7)))
print(take(7, it.cycle('abc')), list(it.cycle([])))
print(list(it.repeat('x', 3)), list(it.repeat(1, -2)), take(3, it.repeat(None)))
print(repr(it.repeat(1)), repr(it.repeat('a', 3)), repr(it.repeat('a', -3)))
r = it.repeat(0, 4); next(r)
print(r.__length_hint__(), list(r), r.__length_hint__())
print(list(it.repeat(times=2, object='o')))

# accumulate / chain / compress / dropwhile / takewhile / filterfalse / starmap
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate([], initial=5)), list(it.accumulate([])))
print(list(it.accumulate(['a', 'b', 'c'])), list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.chain('ab', [1, 2], (), range(2))), list(it.chain()), list(it.chain.from_iterable(['xy', 'z'])))
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.compress(data='abc', selectors=[0, 1])))
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a', None])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(lambda *a: a, [[1, 2], 'ab'])))

# islice
print(list(it.islice('ABCDEFG', 2)), list(it.islice('ABCDEFG', 2, 4)), list(it.islice('ABCDEFG', 2, None)))
print(list(it.islice('ABCDEFG', 0, None, 2)), list(it.islice(range(100), 10, 50, 7)), list(it.islice([], 3)))
print(list(it.islice(range(10), None)), list(it.islice(range(10), None, None, None)), list(it.islice(range(10), 3, 2)))
src = iter(range(10))
print(list(it.islice(src, 3)), next(src))

# groupby
print([(k, list(g)) for k, g in it.groupby('AAAABBBCCDAABBB')])
print([k for k, g in it.groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in it.groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
groups = [g for k, g in it.groupby('aabbc')]
print([list(g) for g in groups])
g = it.groupby('aaab')
k, grp = next(g)
print(k, next(grp), list(g)[0][0], list(grp))

# tee
a, b = it.tee(range(5))
print(list(a), list(b))
a, b, c = it.tee(iter('hello'), 3)
print(next(a), next(a), list(b), list(a), list(c))
print(it.tee([1], 0), len(it.tee([1], 5)))
a, b = it.tee(range(200))
print(sum(a), sum(b))
a, b = it.tee('xyz')
c, d = it.tee(a)
print(list(c), list(d), list(b), type(a).__name__, type(a.__copy__()).__name__)

# product / permutations / combinations / combinations_with_replacement
print(list(it.product('ab', range(2))), list(it.product([0, 1], repeat=2)), list(it.product()))
print(list(it.product('ab', [])), list(it.product(repeat=0)), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations('abc', 2)), list(it.permutations(range(3))), list(it.permutations('ab', 3)))
print(list(it.permutations([], 0)), list(it.permutations([])), len(list(it.permutations(range(5)))))
print(list(it.combinations('ABCD', 2)), list(it.combinations(range(4), 3)), list(it.combinations('ab', 3)))
print(list(it.combinations('ab', 0)), list(it.combinations([], 0)))
print(list(it.combinations_with_replacement('ABC', 2)), list(it.combinations_with_replacement([], 2)))
print(list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement('ab', 0)))

# zip_longest / pairwise
print(list(it.zip_longest('ABCD', 'xy', fillvalue='-')), list(it.zip_longest('ab', range(3))), list(it.zip_longest()))
print(list(it.pairwise('ABCDEFG')), list(it.pairwise('a')), list(it.pairwise([])))

# types and names
print(it.count.__name__, it.chain.__module__, type(it.groupby('a')).__name__, isinstance(it.count(), it.count))
class MyChain(it.chain):
    pass
print(list(MyChain('ab', 'c')), type(MyChain()).__name__)
print(iter(it.count()) is not None, it.pairwise.__doc__.splitlines()[0])

# errors
show('count', lambda: it.count('a'))
show('count step', lambda: it.count(1, 'a'))
show('islice 1', lambda: it.islice([1]))
show('islice neg', lambda: it.islice([1], -1))
show('islice neg5', lambda: it.islice([1], -5))
show('islice step0', lambda: it.islice([1], 1, 2, 0))
show('islice str', lambda: it.islice([1], 'a', 2))
show('islice 5', lambda: it.islice([1], 1, 2, 3, 4))
show('islice kw', lambda: it.islice([], 1, a=2))
show('chain kw', lambda: it.chain(a=1))
show('from_iterable', lambda: list(it.chain.from_iterable([1])))
show('cycle', lambda: it.cycle())
show('cycle 1', lambda: it.cycle(1))
show('repeat', lambda: it.repeat())
show('perm neg', lambda: it.permutations([1], -1))
show('perm str', lambda: it.permutations([1], 'a'))
show('comb', lambda: it.combinations([1]))
show('comb none', lambda: it.combinations([1], None))
show('cwr', lambda: it.combinations_with_replacement([1]))
show('zip_longest kw', lambda: it.zip_longest(x=1))
show('tee neg', lambda: it.tee([], -1))
show('tee float', lambda: it.tee([], 1.5))
show('product neg', lambda: it.product(repeat=-1))
show('product kw', lambda: it.product(x=1))
show('product kw2', lambda: it.product([1], repeat=2, x=1))
show('product 1', lambda: it.product(1))
show('starmap', lambda: next(it.starmap(None, [1])))
show('accumulate', lambda: it.accumulate(1))
show('dropwhile', lambda: it.dropwhile(None))
show('len repeat', lambda: len(it.repeat(1)))
show('hint repeat', lambda: it.repeat(1).__length_hint__())
show('pairwise', lambda: it.pairwise())
show('groupby', lambda: it.groupby())
show('compress', lambda: it.compress([1]))
show('filterfalse', lambda: it.filterfalse(None))
show('takewhile call', lambda: list(it.takewhile(1, [1])))
show('accumulate add', lambda: list(it.accumulate([1, 'a'])))
def gen():
    yield 1
    raise KeyError('boom')
show('chain raises', lambda: list(it.chain(gen())))
show('zip_longest raises', lambda: list(it.zip_longest(gen(), 'abc')))
