for a, b in ((12, 10), (-12, 10), (255, -1), (0, 0), (1 << 65, (1 << 64) + 1)):
    print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print({1, 2} & {2}, {1} | {2}, {1, 2} ^ {2, 3})
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.5 & 1
except TypeError as e:
    print("TypeError:", e)
