import_free = True

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)
print(deep(500))

class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("repr RecursionError")

print("still alive", deep(100))
