def read(lines):
    for line in lines:
        yield line

def strip(src):
    for s in src:
        yield s.strip()

def nonempty(src):
    return (s for s in src if s)

def numbered(src):
    for i, s in enumerate(src, 1):
        yield f"{i}: {s}"

data = ["  alpha ", "", "beta", "   ", " gamma"]
for out in numbered(nonempty(strip(read(data)))):
    print(out)

def take(n, it):
    for _, v in zip(range(n), it):
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals()))))
