data = bytearray(b"abcdefgh")
m = memoryview(data)
print(m[0], m[-1], bytes(m[2:5]), m.nbytes, m.format, m.itemsize, m.ndim, m.shape)
m[0] = ord("A")
print(data)
m2 = m[::2]
print(bytes(m2), m2.tolist())
c = m.cast("H")
print(c.format, len(c), c.itemsize)
print(m.tobytes() == bytes(data), m.hex(), bytes(memoryview(b"xyz")))
m.release()
try:
    m[0]
except ValueError as e:
    print("ValueError:", e)
