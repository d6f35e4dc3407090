a = "abc"
print(a + "def", a * 2, "b" in a, "z" not in a, a < "abd", a == "abc", a is not None)
print(a[0], a[-1], a[1:], a[:-1], a[::2], a[10:], len(a))
try:
    a[5]
except IndexError as e:
    print("IndexError:", e)
try:
    a[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
print(repr("quote'd"), repr('dq"'), repr("both'\""), repr("\n\t\x00\u1234"), ascii("ü"))
print(str(123), str(1.5), str(None), str([1, "a"]), str(b"x"))
print(sorted("banana"), list("hi"), "".join(reversed("abc")), min("hello"), max("hello"))
s = ""
for i in range(5):
    s += str(i)
print(s, s.isnumeric(), "Ⅻ".isnumeric(), "²".isdigit(), "²".isdecimal())
