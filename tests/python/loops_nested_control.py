found = None
for a in range(1, 20):
    for b in range(a, 20):
        c2 = a * a + b * b
        c = int(c2 ** 0.5)
        if c * c == c2 and c < 20:
            found = (a, b, c)
            break
    if found:
        break
print(found)

triples = [(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c]
print(triples)

i = 0
out = []
while i < 20:
    i += 1
    if i % 3 == 0:
        continue
    if i > 10:
        break
    out.append(i)
print(out)
