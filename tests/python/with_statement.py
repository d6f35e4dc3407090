log = []

class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        log.append(f"enter{self.n}")
        return self.n
    def __exit__(self, *exc):
        log.append(f"exit{self.n}:{exc[0].__name__ if exc[0] else '-'}")
        return False

with CM(1) as a, CM(2) as b:
    log.append(f"body{a}{b}")
print(log); log.clear()

try:
    with CM(1):
        with CM(2):
            raise ValueError
except ValueError:
    log.append("caught")
print(log); log.clear()

def ret():
    with CM(3):
        return "returned"
print(ret(), log); log.clear()

for i in range(3):
    with CM(i):
        if i == 1:
            continue
        if i == 2:
            break
print(log)

with (CM(7) as x,
      CM(8) as y):
    print(x + y)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)
