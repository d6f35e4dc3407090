z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate(), -z)
print(z * (1 - 2j), z / 2, (1j) ** 2, complex(1, -1), complex("2+3j"))
print(z == complex(3, 4), 1j * 1j == -1)
print(repr(complex(0, -0.0)), repr(1j), repr(-1j), 2j + 1)
try:
    z < 1j
except TypeError as e:
    print("TypeError:", e)
try:
    complex("bad")
except ValueError as e:
    print("ValueError:", e)
print(pow(2j, 2), (1 + 1j) ** 0.5 == (1 + 1j) ** 0.5)
