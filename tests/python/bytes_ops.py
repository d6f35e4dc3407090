b = b"hello world"
print(b, b[0], b[1:5], b.upper(), b.split(), b.replace(b"o", b"0"), len(b))
print(b.hex(), bytes.fromhex("414243"), bytes(3), bytes([65, 66]), bytes("é", "utf-8"))
print(b.find(b"o"), b.count(b"l"), b.startswith(b"he"), b"-".join([b"a", b"b"]))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
del ba[1]
print(ba, bytes(ba), ba.decode(), ba * 2, ba + b"!")
print(b"%s=%d" % (b"k", 5), b"abc" < b"abd", list(b"AZ"), b"\x00\xff")
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
m = memoryview(b"abcdef")
print(m[1], bytes(m[1:3]), m.tobytes(), len(m), m.readonly)
