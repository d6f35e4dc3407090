# Iterators whose source re-enters them: iter(callable, sentinel) whose callable exhausts
# the iterator itself (gh-101892), and itertools.pairwise whose source calls next() on the
# pairwise object (gh-109786). No crash; CPython's results.
import itertools

HAS_MORE, NO_MORE = 1, 2


def spam():
    if spam.is_recursive_call:
        return NO_MORE
    spam.is_recursive_call = True
    list(spam.iterator)
    return HAS_MORE


spam.is_recursive_call = False
spam.iterator = iter(spam, NO_MORE)
try:
    print(next(spam.iterator))
except StopIteration:
    print("StopIteration")
print(list(spam.iterator))


# A callable iterator whose sentinel comparison exhausts the iterator.
class Sentinel:
    def __eq__(self, other):
        list(it2)
        return False


count = [0]


def produce():
    count[0] += 1
    if count[0] > 3:
        raise StopIteration
    return count[0]


it2 = iter(produce, Sentinel())
try:
    print("first", next(it2))
except StopIteration:
    print("StopIteration")
except RecursionError:
    print("RecursionError")
print("rest", list(it2))


def pairwise_check(reenter_at):
    class I:
        count = 0

        def __iter__(self):
            return self

        def __next__(self):
            self.count += 1
            if self.count in reenter_at:
                return next(it)
            return [self.count]

    it = itertools.pairwise(I())
    return [next(it) for _ in range(3)]


for at in ({1}, {2}, {3}, {1, 2}, {1, 3}, {1, 4}, {2, 3}):
    print(sorted(at), pairwise_check(at))


def pairwise_check2(maxcount):
    class I:
        count = 0

        def __iter__(self):
            return self

        def __next__(self):
            if self.count >= maxcount:
                raise StopIteration
            self.count += 1
            if self.count == 1:
                return next(it, None)
            return [self.count]

    it = itertools.pairwise(I())
    return list(it)


for n in range(1, 6):
    print(n, pairwise_check2(n))
