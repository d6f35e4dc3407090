# list comparisons whose item comparisons change the lists (bpo-38588): the lengths that
# decide are the current ones, and no snapshot keeps removed items alive.
class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented


class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented


class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented


list1 = [X()]
list2 = [Y()]
print(list1 == list2, list1, list2)
list3 = [Z()]
list4 = [1]
print(list3 == list4, list3)


class Shrink:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        del big[1:]
        return True

    def __lt__(self, other):
        return True


big = [Shrink(0), Shrink(1), Shrink(2)]
other = [Shrink(5), Shrink(6), Shrink(7)]
print(big < other, len(big))
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [1, 2] == [1, 2], [] == [], [1] != [1.0])


# list()/tuple() of a subclass use its __iter__ (Issue #23757).
class LyingTuple(tuple):
    def __iter__(self):
        yield 1


class LyingList(list):
    def __iter__(self):
        yield 1


print(list(LyingTuple((2,))), tuple(LyingList([2])), list(LyingList([2])), tuple(LyingTuple((2,))))
l = [0]
l.extend(LyingList([5, 6]))
print(l)
