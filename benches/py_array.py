# array/cmath: item access, append, slicing, tobytes/frombytes, comparison, sum over an
# array, and cmath functions in a loop.
import array, cmath

a = array.array('d', range(1000))
acc = 0.0
for i in range(200):
    b = array.array('i')
    for j in range(500):
        b.append(j * i)
    acc += b[i] + len(b[::3])
    c = array.array('i', b.tobytes())
    acc += (c == b) + sum(a[:100]) + a.index(99.0) + b.count(0)
    a[i] = a[i] + 1.0
z = 0j
for i in range(100_000):
    z += cmath.sqrt(complex(i, 1)) + cmath.exp(1j * (i % 7))
print(acc, round(z.real, 3))
