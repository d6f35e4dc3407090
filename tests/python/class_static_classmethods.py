class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1

    @classmethod
    def how_many(cls):
        return cls.count

    @staticmethod
    def helper(x):
        return x * 2

    @classmethod
    def build(cls, n):
        return [cls() for _ in range(n)]

Counter.build(3)
c = Counter()
print(Counter.how_many(), c.how_many(), Counter.helper(5), c.helper(6))

class Sub(Counter):
    count = 100
print(Sub.how_many(), Sub.build(2) and Sub.count, Counter.count)
print(type(Counter.__dict__["helper"]).__name__, type(Counter.__dict__["how_many"]).__name__)
