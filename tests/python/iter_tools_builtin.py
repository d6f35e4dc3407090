def chunks(seq, n):
    return [seq[i:i + n] for i in range(0, len(seq), n)]
print(chunks(list(range(10)), 3))

def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x
print(list(pairwise("abcd")))

def flatten(xs):
    return [y for x in xs for y in (flatten(x) if isinstance(x, list) else [x])]
print(flatten([1, [2, [3, 4]], [], [[5]]]))

def group_by(items, key):
    out = {}
    for it in items:
        out.setdefault(key(it), []).append(it)
    return out
print(group_by(["apple", "avocado", "banana", "blueberry", "cherry"], lambda s: s[0]))
transposed = list(zip(*[[1, 2, 3], [4, 5, 6]]))
print(transposed, list(map(list, zip(*transposed))))
