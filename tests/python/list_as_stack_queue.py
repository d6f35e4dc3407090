stack = []
for c in "abc":
    stack.append(c)
print([stack.pop() for _ in range(len(stack))])
queue = list(range(5))
out = []
while queue:
    x = queue.pop(0)
    if x % 2 == 0 and x < 4:
        queue.append(x + 10)
    out.append(x)
print(out)
print(list(reversed(range(4))), [1, 2, 3][::-1], sorted([1, 2, 3], reverse=True))
big = list(range(100000))
print(sum(big), big[-1], len(big[::7]), big.index(99999))
