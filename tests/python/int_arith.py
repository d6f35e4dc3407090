print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 7 ** 2, -7 // 2, -7 % 3, 7 // -2)
print(2 ** 100, 3 ** 50 // 7 ** 20, -(2 ** 70) % 1000)
print(divmod(17, 5), divmod(-17, 5), pow(3, 4, 5), pow(2, -1), pow(3, -1, 7))
print(1 << 70, (1 << 70) >> 65, 0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0x0F, ~5, -(-5))
print(abs(-9), int("42"), int("-0x1f", 16), int("0b101", 0), int(3.99), int(-3.99), int("1_000"))
print((255).bit_length(), (10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(10 ** 30 + 1, (10 ** 30 + 1) % 97, 12345678901234567890 * 98765432109876543210)
print(round(1234, -2), round(1250, -2), round(1350, -2))
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
print(True + True, True * 10, int(True), bool(0), bool(-1))
