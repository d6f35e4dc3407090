s = "Hello, World"
print(s.lower(), s.upper(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print(s.find("o"), s.rfind("o"), s.index("W"), s.count("l"), s.find("zz"))
print(s.startswith("Hell"), s.endswith(("x", "ld")), s.replace("l", "L", 2))
print(s.split(", "), "a b  c".split(), "a,b,,c".split(","), "k=v=w".partition("="), "k=v=w".rpartition("="))
print("  pad  ".strip() + "|", "xxhixx".strip("x"), "  l".lstrip(), "r  ".rstrip() + "|")
print("-".join(["a", "b", "c"]), "ab".center(6, "*"), "ab".ljust(4, "."), "ab".rjust(4), "42".zfill(5))
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "  ".isspace(), "Ab".istitle(), "ab".islower())
print("line1\nline2\r\nline3".splitlines(), "a\tb".expandtabs(4), "%s-%d-%.1f" % ("x", 5, 2.25))
print("{0} {name} {0}".format("pos", name="kw"), "{}-{}".format(1, 2), "abc"[::-1], "abcdef"[1:5:2], "x" * 3)
print(ord("A"), chr(97), "é".encode("utf-8"), b"caf\xc3\xa9".decode("utf-8"), len("日本"))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
print(str.maketrans("ab", "xy"), "aabbc".translate(str.maketrans("ab", "xy")))
print("Straße".upper(), "ǅ".lower(), "hello world".title())
