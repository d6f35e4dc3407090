data = [5, 4, 3, 0, 2, 1]
it = iter(data)
print(list(iter(lambda: next(it), 0)))
calls = []
def producer():
    calls.append(1)
    return len(calls)
print(list(iter(producer, 4)))
ci = iter(int, 1)
print(next(ci), type(ci).__name__)
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)
