# UTF-8 encoding of each str kind around the encoder's 8-unit blocks and its size limits
# (short text goes through a scratch buffer, long text is measured first): ASCII runs of
# every length, one non-ASCII character at each place of a block, lone surrogates in blocks
# and in the tail, and strings on both sides of the scratch limit.


def digest(b):
    return len(b), sum((i + 1) * x for i, x in enumerate(b)) % 1000000007, b[:12].hex(), b[-12:].hex()


others = ["\xe9", "\u20ac", "\U0001f600", "\u0100", "\u07ff", "\u0800", "\uffff", "\U0010ffff"]
for other in others:
    for n in range(0, 20):
        for at in range(0, n + 1):
            s = "a" * at + other + "b" * (n - at)
            b = s.encode("utf-8")
            assert b.decode("utf-8") == s
            print(n, at, ascii(other), digest(b))

# Runs of ASCII of every length between non-ASCII characters, every kind.
for other in others:
    s = "".join("x" * k + other for k in range(30))
    print(ascii(other), digest(s.encode()), digest(s.encode("utf-8", "strict")))

# Around the scratch limit (8192 bytes of worst case): UCS1 (2 a unit), UCS2 (3), UCS4 (4).
for other, per_unit in (("\xe9", 2), ("\u20ac", 3), ("\U0001f600", 4)):
    limit = 8192 // per_unit
    for n in (limit - 9, limit - 1, limit, limit + 1, limit + 7, 3 * limit):
        for pattern in ("ascii tail", "dense"):
            if pattern == "dense":
                s = (other * n)[:n]
            else:
                s = other + "q" * (n - 1)
            print(per_unit, n, pattern, digest(s.encode()))

# Lone surrogates: strict raises with the position; the handlers see every one.
for base in ("abc", "\xe9" * 5, "\u20ac" * 9, "\U0001f600" * 3):
    for n in (0, 3, 8, 15, 2100, 3000):
        for sur in ("\ud800", "\udfff", "\udc80\udc81"):
            s = base * n + sur + "z" * 5
            try:
                s.encode("utf-8")
            except UnicodeEncodeError as e:
                print("error", e.start, e.end, e.reason)
            for errors in ("replace", "surrogatepass", "surrogateescape", "backslashreplace", "ignore"):
                try:
                    print(errors, digest(s.encode("utf-8", errors)))
                except UnicodeEncodeError as e:
                    print(errors, "error", e.start, e.end)
