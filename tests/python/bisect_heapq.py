# _bisect and _heapq (through bisect.py and heapq.py): search and insertion bounds, key=,
# heap operations and their errors, compared with python3.
import bisect, heapq, _bisect, _heapq

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(bisect.bisect_right is _bisect.bisect_right, heapq.heappush is _heapq.heappush)
a = [1, 2, 2, 2, 3, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)], [bisect.bisect_right(a, x) for x in range(10)])
print(bisect.bisect(a, 2, 2), bisect.bisect_left(a, 2, 0, 3), bisect.bisect_right(a, 8, hi=3), bisect.bisect_left(a, 3, lo=1, hi=None))
print(bisect.bisect_left(a, 4, key=lambda v: v + 1), bisect.bisect_right([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))
b = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(b, x)
bisect.insort_left(b, 4); bisect.insort_right(b, 0, 0, 0)
print(b)
c = [('a', 1), ('c', 3)]
bisect.insort(c, ('b', 2), key=lambda t: t[1]); print(c)
class L(list):
    def insert(self, i, x):
        print('insert', i, x)
        super().insert(i, x)
l = L([1, 3]); bisect.insort(l, 2); print(l)
print(bisect.bisect_left((1, 2, 3), 2), bisect.bisect_right('abcd', 'c'))
show('lo neg', lambda: bisect.bisect_right([1], 1, -1))
show('not seq', lambda: bisect.bisect_right(1, 1))
show('args', lambda: bisect.bisect_right([1]))
show('cmp', lambda: bisect.bisect_right([1, 'a'], 2))

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
print(heapq.heapreplace(h, 0), h, heapq.heappushpop(h, -1), heapq.heappushpop(h, 100), h)
d = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(d); print(d)
print(heapq.nsmallest(3, [5, 1, 8, 3, 9]), heapq.nlargest(2, [5, 1, 8, 3, 9]), list(heapq.merge([1, 4], [2, 3])))
m = [1, 5, 3, 9]
heapq._heapify_max(m); print(m, heapq._heappop_max(m), m, heapq._heapreplace_max(m, 4), m)
print(heapq.heappushpop([], 5), sorted(heapq.nsmallest(3, 'hello')))
t = [(2, 'b'), (1, 'a')]; heapq.heapify(t); print(heapq.heappop(t))
show('pop empty', lambda: heapq.heappop([]))
show('replace empty', lambda: heapq.heapreplace([], 1))
show('push tuple', lambda: heapq.heappush((), 1))
show('heapify int', lambda: heapq.heapify(1))
show('pop tuple', lambda: heapq.heappop(()))
show('push args', lambda: heapq.heappush([]))
show('cmp', lambda: heapq.heapify([1, 'a', 2]))
class Bad:
    def __lt__(self, other):
        h2.clear()
        return True
h2 = [Bad(), Bad(), Bad()]
show('mutate', lambda: heapq.heapify(h2))
