# Dict and list work: building, indexing, membership, sorting, comprehension.
def run(n):
    d = {}
    for i in range(n):
        d[i % 1000] = d.get(i % 1000, 0) + i
    keys = sorted(d, key=d.get)
    lst = [d[k] for k in keys]
    evens = [v for v in lst if v % 2 == 0]
    words = {}
    for i in range(n // 4):
        w = "w" + str(i % 500)
        if w in words:
            words[w].append(i)
        else:
            words[w] = [i]
    total = sum(len(v) for v in words.values())
    lst.reverse()
    lst.sort()
    return len(evens) + total + lst[0] + lst[-1] % 1000

print(sum(run(200_000) for _ in range(6)))
