# struct: module-level pack/unpack (format cache) and a compiled Struct in a loop.
import struct

s = struct.Struct('<iHd')
acc = 0
for i in range(200_000):
    b = struct.pack('<iHd', i, i & 0xffff, i * 0.5)
    a, h, d = struct.unpack('<iHd', b)
    acc += a + h + int(d)
    acc += s.unpack(s.pack(-i, 7, 1.25))[0]
    acc += struct.unpack_from('>h', b, 4)[0]
print(acc)
