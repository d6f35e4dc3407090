def noisy(v, log):
    log.append(v)
    return v

x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 4 > 3 > 3)
print(1 == 1.0 == True, "a" < "b" <= "b" != "c")
log = []
r = noisy(1, log) < noisy(0, log) < noisy(5, log)
print(r, log)
log = []
r = noisy(1, log) < noisy(2, log) < noisy(3, log)
print(r, log)
print(0 < x in [5] is not None)
print([i for i in range(10) if 2 <= i < 5])
try:
    1 < "a" < 3
except TypeError as e:
    print("TypeError:", e)
