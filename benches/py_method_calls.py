# Method calls on instances: bound-method calls, self attribute reads and writes.
class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n += 1
        return self

    def add(self, k):
        self.n += k
        return self.n

class Sub(Counter):
    def inc(self):
        self.n += 2
        return self

c = Counter()
s = Sub()
total = 0
for i in range(450_000):
    c.inc()
    s.inc()
    total += c.add(1) + s.add(i & 3)
print(total, c.n, s.n)
